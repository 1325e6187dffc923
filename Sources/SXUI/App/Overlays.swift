import SXCore
import SXEngine

/// Keys and drawing of the overlays: help, key list, palette, confirm, picker, prompt, explain.
enum Overlays {
  /// A palette command: a key replayed through the normal update, or a worksheet to open.
  enum Command { case key(Key), sheet(Int), unitMode, export }

  static func commands(_ s: AppState) -> [(String, Command)] {
    let l = s.language
    var out: [(String, Command)] = [
      (Strings.kHelp(l) + " (F1)", .key(.f(1))), (Strings.keysTitle(l) + " (?)", .key(.char("?"))),
      (Strings.languageName(l == .vi ? .en : .vi) + " (F2)", .key(.f(2))), (Strings.unitModeToggle(l), .unitMode),
      (Strings.kQuit(l) + " (F10)", .key(.f(10))),
    ]
    if s.route == .home {
      out += [(Strings.kNew(l) + " (Ins)", .key(.insert)), (Strings.kDuplicate(l) + " (^K)", .key(.ctrl("k"))), (Strings.kDelete(l) + " (Del)", .key(.delete)), (Strings.kSearch(l) + " (/)", .key(.char("/")))]
      if !s.home.visible.isEmpty { out.append((Strings.kExport(l) + " (^E)", .export)) }
    } else {
      out += [
        (Strings.kUndo(l) + " (^Z)", .key(.ctrl("z"))), (Strings.kRedo(l) + " (^Y)", .key(.ctrl("y"))), (Strings.kExplain(l) + " (F3)", .key(.f(3))),
        (Strings.kResults(l) + " (F4)", .key(.f(4))), (Strings.kBalance(l) + " (F5)", .key(.f(5))), (Strings.kOpps(l) + " (F6)", .key(.f(6))),
        (Strings.kCalc(l) + " (F7)", .key(.f(7))), (Strings.kAdd(l) + " (Ins)", .key(.insert)), (Strings.kDelete(l) + " (Del)", .key(.delete)),
        (Strings.kCopy(l) + " (^K)", .key(.ctrl("k"))), (Strings.kSort(l) + " (s)", .key(.char("s"))), (Strings.kFilter(l) + " (f)", .key(.char("f"))),
        (Strings.kDetail(l) + " (F8)", .key(.f(8))), (Strings.kList(l) + " (F9)", .key(.f(9))), (Strings.kBack(l) + " (Esc)", .key(.escape)),
        (Strings.kExport(l) + " (^E)", .export),
      ]
      for (i, sheet) in s.catalog.sheets.enumerated() { out.append((sheet.id + " " + sheet.title.text(l), .sheet(i))) }
    }
    return out
  }

  static func palette(_ s: AppState, filter: String) -> PaletteState {
    var p = PaletteState()
    p.field = TextField(filter)
    p.list = ListView(items: commands(s).map(\.0).filter { TextRules.matches($0, filter) }, highlight: .row)
    return p
  }

  static func update(_ s: inout AppState, _ o: Overlay, _ key: Key) -> [Effect] {
    switch o {
    case .help(let scroll), .keys(let scroll):
      switch key {
      case .down, .pageDown, .char("j"): s.overlay = isHelp(o) ? .help(scroll: scroll + 1) : .keys(scroll: scroll + 1)
      case .up, .pageUp, .char("k"): s.overlay = isHelp(o) ? .help(scroll: max(0, scroll - 1)) : .keys(scroll: max(0, scroll - 1))
      case .f(1), .char("?"): s.overlay = isHelp(o) ? .keys(scroll: 0) : .help(scroll: 0)
      default: s.overlay = nil
      }
      return []
    case .explain(let path, let scroll):
      switch key {
      case .down, .pageDown, .char("j"): s.overlay = .explain(path: path, scroll: scroll + 1)
      case .up, .pageUp, .char("k"): s.overlay = .explain(path: path, scroll: max(0, scroll - 1))
      default: s.overlay = nil
      }
      return []
    case .confirm(var c):
      guard let yes = c.dialog.handle(key) else {
        s.overlay = .confirm(c)
        return []
      }
      s.overlay = nil
      guard yes else { return [] }
      switch c.action {
      case .quit: return [.saveUIState, .quit]
      case .deleteAssessment(let id): return [.delete(id: id)]
      case .deleteRow(let kind, let id):
        let name = s.doc?.assessment.record(kind, id: id)?.displayName ?? id
        return [.commit([.delete(kind, id: id)], label: Strings.rowDeleted(s.language) + ": " + name)]
      case .deleteListRow(let id, let field, let row):
        return ListEditor.deleteRow(&s, recordId: id, listField: field, row: row)
      case .overwriteExport(var request):
        request.overwrite = true
        return [.export(request)]
      }
    case .prompt(var p):
      switch key {
      case .escape: s.overlay = nil
      case .enter:
        let name = p.field.committedText.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { return [] }
        s.overlay = nil
        return [.create(plant: name)]
      default:
        p.field.handle(key)
        s.overlay = .prompt(p)
      }
      return []
    case .picker(var p):
      switch key {
      case .escape:
        s.overlay = nil
        if var d = s.doc, p.target.newRecord != nil {
          d.sheet.editor = nil
          s.doc = d
        }
        return []
      case .enter, .char(" "):
        guard let i = p.list.selectedIndex else { return [] }
        if p.multiple && key == .char(" ") {
          let v = SheetScreen.pickString(p.values[i])
          if p.chosen.contains(v) { p.chosen.remove(v) } else { p.chosen.insert(v) }
          p.list.items[i] = (p.chosen.contains(v) ? "[x] " : "[ ] ") + p.list.items[i].dropFirst(4)
          s.overlay = .picker(p)
          return []
        }
        s.overlay = nil
        if let output = p.applyOutput { return OppCalcPanel.apply(&s, output: output, p.values[i]) }
        return SheetScreen.choose(&s, p, p.values[i])
      default:
        _ = p.list.handle(key, pageSize: 10)
        s.overlay = .picker(p)
        return []
      }
    case .export(let d):
      return ExportDialog.update(&s, d, key)
    case .palette(var p):
      switch key {
      case .escape:
        s.overlay = nil
        return []
      case .up, .down, .pageUp, .pageDown:
        _ = p.list.handle(key, pageSize: 10)
        s.overlay = .palette(p)
        return []
      case .enter:
        s.overlay = nil
        let matching = commands(s).filter { TextRules.matches($0.0, p.field.committedText) }
        guard let i = p.list.selectedIndex, i < matching.count else { return [] }
        switch matching[i].1 {
        case .key(let k): return AppUpdate.update(&s, .key(k))
        case .export:
          return AppUpdate.openExport(&s)
        case .unitMode:
          s.unitMode = s.unitMode == .si ? .typed : .si
          s.say(s.unitMode == .si ? Strings.unitsSI(s.language) : Strings.unitsTyped(s.language), .ok)
          return [.saveUIState]
        case .sheet(let index):
          guard var d = s.doc else { return [] }
          d.view = .sheet
          AssessmentScreen.select(&d, index)
          d.navFocused = false
          s.doc = d
          return [.saveUIState]
        }
      default:
        if p.field.handle(key) == .edited {
          let field = p.field
          p = palette(s, filter: field.text)
          p.field = field
        }
        s.overlay = .palette(p)
        return []
      }
    }
  }

  static func isHelp(_ o: Overlay) -> Bool {
    if case .help = o { return true }
    return false
  }

  // MARK: Drawing

  static func render(_ s: AppState, _ o: Overlay, into b: inout ScreenBuffer, in area: Rect) {
    let lang = s.language
    switch o {
    case .confirm(let c): c.dialog.render(into: &b, in: area)
    case .prompt(let p):
      let box = area.centered(height: 5, width: min(60, area.width - 4))
      b.fill(box)
      b.drawBox(box, style: .title, title: p.title)
      b.put(p.label, row: box.row + 1, col: box.col + 2)
      var f = p.field
      f.render(into: &b, row: box.row + 2, col: box.col + 2, width: box.width - 4, style: Style.normal.underlined, focused: true)
      b.put("Enter " + Strings.kSave(lang) + " · Esc " + Strings.kCancel(lang), row: box.row + 3, col: box.col + 2, style: .muted)
    case .picker(let p):
      let h = min(area.height - 2, p.list.items.count + 2)
      let w = min(area.width - 4, max(30, (p.list.items.map { DisplayWidth.width(of: $0) }.max() ?? 20) + 6))
      let box = area.centered(height: h, width: w)
      b.fill(box)
      b.drawBox(box, style: .title, title: p.title)
      var list = p.list
      list.render(into: &b, in: box.inset(by: 1))
    case .palette(let p):
      let box = Rect(row: area.row + 1, col: area.col + area.width / 6, height: min(area.height - 2, 16), width: area.width * 2 / 3)
      b.fill(box)
      b.drawBox(box, style: .title, title: Strings.paletteTitle(lang))
      b.put(":", row: box.row + 1, col: box.col + 2, style: Style.title.bolded)
      var f = p.field
      f.render(into: &b, row: box.row + 1, col: box.col + 4, width: box.width - 6, style: Style.normal.underlined, focused: true)
      var list = p.list
      list.render(into: &b, in: Rect(row: box.row + 2, col: box.col + 1, height: box.height - 3, width: box.width - 2))
    case .help(let scroll):
      textBox(helpText(s), title: Strings.helpTitle(lang), scroll: scroll, lang: lang, into: &b, in: area)
    case .keys(let scroll):
      textBox(keysText(s), title: Strings.keysTitle(lang), scroll: scroll, lang: lang, into: &b, in: area)
    case .export(let d):
      ExportDialog.render(s, d, into: &b, in: area)
    case .explain(let path, let scroll):
      let text = s.doc?.results?.explain(path: path)?.text(lang) ?? Strings.nothingToExplain(lang)
      textBox(path + "\n\n" + text, title: Strings.explainTitle(lang), scroll: scroll, lang: lang, into: &b, in: area)
    }
  }

  static func textBox(_ text: String, title: String, scroll: Int, lang: Language, into b: inout ScreenBuffer, in area: Rect) {
    let box = area.inset(by: 1)
    b.fill(box)
    b.drawBox(box, style: .title, title: title)
    let inner = box.inset(by: 1)
    let lines = TextLayout.wrap(text, width: max(1, inner.width - 2))
    let first = min(scroll, max(0, lines.count - inner.height))
    for (i, line) in lines.dropFirst(first).prefix(inner.height).enumerated() {
      b.put(line, row: inner.row + i, col: inner.col + 1, maxWidth: inner.width - 2)
    }
    b.put(" " + Strings.closeHint(lang) + " ", row: box.bottom - 1, col: box.right - DisplayWidth.width(of: Strings.closeHint(lang)) - 4, style: .muted)
  }

  /// F1: the method guidance for the current worksheet and field, in the active language.
  static func helpText(_ s: AppState) -> String {
    let lang = s.language
    guard s.route == .assessment, let d = s.doc, let spec = SheetScreen.spec(s) else {
      return Strings.appTitle(lang) + "\n\n" + keysText(s)
    }
    var out = ""
    if let step = s.catalog.step(of: spec.id) { out += Strings.stepWord(lang) + " \(step.step): " + step.title.text(lang) + "\n" + step.help.text(lang) + "\n\n" }
    out += spec.id + " · " + spec.title.text(lang) + "\n" + spec.help.text(lang)
    let fields = spec.editableFields
    if d.view == .sheet, !d.navFocused, d.sheet.col < fields.count {
      let f = fields[d.sheet.col]
      out = f.label.text(lang) + "\n" + f.help.text(lang) + unitsLine(f, lang) + "\n\n" + out
    }
    return out
  }

  static func unitsLine(_ f: FieldSpec, _ lang: Language) -> String {
    var parts: [String] = []
    if !f.units.isEmpty { parts.append((lang == .vi ? "Đơn vị: " : "Units: ") + f.units.joined(separator: ", ")) }
    if let lo = f.min { parts.append("≥ " + f.numberText(lo, lang)) }
    if let hi = f.max { parts.append("≤ " + f.numberText(hi, lang)) }
    return parts.isEmpty ? "" : "\n" + parts.joined(separator: " · ")
  }

  /// `?`: every key, for the current screen.
  static func keysText(_ s: AppState) -> String {
    let vi = s.language == .vi
    let lines: [(String, String, String)] = [
      ("F1", "trợ giúp theo phiếu và ô đang chọn", "help for the current worksheet and field"),
      ("?", "danh sách phím này", "this key list"), ("F2", "đổi tiếng Việt / English", "switch Vietnamese / English"),
      ("F3", "giải thích số liệu tính toán", "explain the computed figure"), ("F4", "kết quả (năng lượng, CO₂, chỉ số, chi phí thải)", "results (energy, CO₂, indicators, waste cost)"),
      ("F5", "cân bằng vào/ra theo công đoạn", "input/output balance per step"), ("F6", "cơ hội SXSH", "CP opportunities"),
      ("F7", "máy tính tiện ích", "utility calculators"), ("F8", "mở dòng thành biểu mẫu", "open the row as a form"),
      ("F9", "sửa danh sách tiết kiệm của cơ hội", "edit the savings list of an opportunity"),
      ("F10 ^Q", "thoát (mọi thay đổi đã lưu)", "quit (every change is saved)"), ("^C", "hỏi rồi thoát", "asks, then quits"),
      ("↑↓ ←→ Tab", "di chuyển", "move"), ("Enter", "sửa / xác nhận", "edit / confirm"), ("Esc", "bỏ / quay lại", "cancel / back"),
      ("Ins ^N", "thêm dòng / tạo đánh giá", "add row / new assessment"), ("Del ^D", "xóa (có hỏi lại)", "delete (asks first)"),
      ("^K", "chép dòng / nhân bản đánh giá", "copy row / duplicate assessment"), ("M-↑↓ ^↑↓ M-k M-j", "chuyển dòng lên/xuống", "move row up/down"),
      ("s", "sắp xếp theo cột (khi không gõ chữ)", "sort by column (when not typing)"), ("f", "lọc", "filter"), ("/", "tìm", "search"),
      (":", "bảng lệnh", "command palette"), ("^E", "xuất xlsx/csv/json/html/md/phiếu trống", "export xlsx/csv/json/html/md/blank"), ("u ^Z", "hoàn tác (cả đợt đánh giá, lưu bền)", "undo (whole assessment, persisted)"),
      ("^Y", "làm lại", "redo"), ("^U", "xóa ô đang gõ", "clear the field being typed"),
    ]
    let note = vi ? "Khi đang gõ trong ô, chữ cái luôn là chữ (bộ gõ Telex/VNI an toàn)." : "While a field is being typed in, letters are always text (Telex/VNI safe)."
    return lines.map { $0.0.padding(toLength: 10, withPad: " ", startingAt: 0) + " " + (vi ? $0.1 : $0.2) }.joined(separator: "\n") + "\n\n" + note
  }
}
