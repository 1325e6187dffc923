import SXCore

/// The export dialog (`^E` or the palette): the same formats as `sxsh export`, the report language, and the
/// output path (a file, or a folder for csv). Enter exports; an existing path is only replaced after a
/// confirmation. The writing itself is the app's job (``AppDriver/exporter``), so this stays pure.
enum ExportDialog {
  /// Format names in the order shown, with what each produces.
  static let formats: [(name: String, ext: String, label: LocalizedText)] = [
    ("xlsx", ".xlsx", LocalizedText(vi: "sổ tính Excel, mỗi phiếu một trang", en: "Excel workbook, a sheet per worksheet")),
    ("csv", "-csv", LocalizedText(vi: "thư mục CSV, mỗi bảng một tệp (hoặc .zip)", en: "CSV folder, a file per table (or .zip)")),
    ("json", ".json", LocalizedText(vi: "tài liệu đánh giá + kết quả tính", en: "assessment document + computed results")),
    ("html", ".html", LocalizedText(vi: "báo cáo một tệp, in khổ A4", en: "the report, one file, prints on A4")),
    ("md", ".md", LocalizedText(vi: "báo cáo Markdown", en: "the report in Markdown")),
    ("blank", "-blank.html", LocalizedText(vi: "phiếu trống để in", en: "blank worksheets to print")),
  ]

  /// Opens the dialog for an assessment (the open one, or the one selected on the home screen).
  static func open(_ s: inout AppState, assessmentId: String, plant: String) {
    let lang = s.language
    if var last = s.lastExport, last.assessmentId == assessmentId {
      last.message = nil
      last.focus = .format
      s.overlay = .export(last)
      return
    }
    var d = ExportDialogState(
      assessmentId: assessmentId, baseName: baseName(plant), directory: s.exportDirectory,
      formats: ListView(items: formats.map { $0.name.padding(toLength: 6, withPad: " ", startingAt: 0) + "— " + $0.label.text(lang) }, highlight: .row),
      language: lang, path: TextField(""))
    d.path = TextField(defaultPath(d))
    s.overlay = .export(d)
  }

  /// The plant name folded to lower-case ASCII words joined by '-', e.g. "Công ty Dệt may Mẫu" → "cong-ty-det-may-mau".
  static func baseName(_ plant: String) -> String {
    var out = ""
    var dash = false
    for ch in TextRules.searchKey(plant).unicodeScalars {
      if isAlnum(ch) {
        if dash && !out.isEmpty { out += "-" }
        out.unicodeScalars.append(ch)
        dash = false
      } else {
        dash = true
      }
      if out.count >= 48 { break }
    }
    return out.isEmpty ? "sxsh" : out
  }

  /// `<folder>/<plant>-<lang><ext>`.
  static func defaultPath(_ d: ExportDialogState) -> String {
    let i = d.formats.selectedIndex ?? 0
    let dir = d.directory.hasSuffix("/") ? String(d.directory.dropLast()) : d.directory
    return (dir.isEmpty ? "." : dir) + "/" + d.baseName + "-" + d.language.rawValue + formats[i].ext
  }

  static func update(_ s: inout AppState, _ d0: ExportDialogState, _ key: Key) -> [Effect] {
    var d = d0
    d.message = nil
    switch key {
    case .escape:
      s.overlay = nil
      return []
    case .tab:
      d.focus = ExportDialogState.Focus(rawValue: (d.focus.rawValue + 1) % 3) ?? .format
    case .backTab:
      d.focus = ExportDialogState.Focus(rawValue: (d.focus.rawValue + 2) % 3) ?? .format
    case .enter:
      let path = d.path.committedText.trimmingCharacters(in: .whitespaces)
      guard !path.isEmpty else {
        d.message = Strings.exportNeedPath(s.language)
        d.focus = .path
        s.overlay = .export(d)
        return []
      }
      s.overlay = nil
      s.lastExport = d
      let format = formats[d.formats.selectedIndex ?? 0].name
      return [.export(ExportRequest(assessmentId: d.assessmentId, format: format, language: d.language, path: path))]
    default:
      switch d.focus {
      case .format:
        let before = d.formats.selectedIndex
        if key == .left || key == .right {
          d.focus = .language
          return update(&s, d, key)
        }
        _ = d.formats.handle(key, pageSize: formats.count)
        if d.formats.selectedIndex != before && !d.pathEdited { d.path = TextField(defaultPath(d)) }
      case .language:
        switch key {
        case .left, .right, .char(" "), .char("v"), .char("e"):
          d.language = key == .char("v") ? .vi : key == .char("e") ? .en : (d.language == .vi ? .en : .vi)
          if !d.pathEdited { d.path = TextField(defaultPath(d)) }
        case .up: d.focus = .format
        case .down: d.focus = .path
        default: break
        }
      case .path:
        if key == .up {
          d.focus = .language
        } else if d.path.handle(key) == .edited {
          d.pathEdited = true
        }
      }
    }
    s.overlay = .export(d)
    return []
  }

  static func render(_ s: AppState, _ d: ExportDialogState, into b: inout ScreenBuffer, in area: Rect) {
    let lang = s.language
    let width = min(area.width - 4, 76)
    let box = area.centered(height: formats.count + 9, width: width)
    b.fill(box)
    b.drawBox(box, style: .title, title: Strings.exportTitle(lang))
    let labelW = max(DisplayWidth.width(of: Strings.exportFormat(lang)), DisplayWidth.width(of: Strings.exportLanguage(lang)), DisplayWidth.width(of: Strings.exportPath(lang))) + 2
    let x = box.col + 2
    let fx = x + labelW
    let fw = box.width - labelW - 4
    b.put(Strings.exportFormat(lang), row: box.row + 1, col: x, style: d.focus == .format ? Style.title.bolded : .normal)
    var list = d.formats
    list.render(into: &b, in: Rect(row: box.row + 1, col: fx, height: formats.count, width: fw), focused: d.focus == .format)
    let lr = box.row + formats.count + 2
    b.put(Strings.exportLanguage(lang), row: lr, col: x, style: d.focus == .language ? Style.title.bolded : .normal)
    var cx = fx
    for l in [Language.vi, .en] {
      let text = (l == d.language ? "(•) " : "( ) ") + Strings.languageName(l)
      let style: Style = l == d.language ? (d.focus == .language ? Style.selected : Style.normal.bolded) : .muted
      b.put(text, row: lr, col: cx, style: style)
      cx += DisplayWidth.width(of: text) + 3
    }
    let pr = lr + 1
    b.put(Strings.exportPath(lang), row: pr, col: x, style: d.focus == .path ? Style.title.bolded : .normal)
    var f = d.path
    f.render(into: &b, row: pr, col: fx, width: fw, style: Style.normal.underlined, focused: d.focus == .path)
    if let m = d.message { b.put(m, row: pr + 1, col: x, style: .error, maxWidth: box.width - 4) }
    b.put(Strings.exportNote(lang), row: pr + 2, col: x, style: .muted, maxWidth: box.width - 4)
    b.put(Strings.exportKeys(lang), row: box.bottom - 2, col: x, style: .muted, maxWidth: box.width - 4)
  }
}

private func isAlnum(_ u: Unicode.Scalar) -> Bool {
  (u >= "a" && u <= "z") || (u >= "A" && u <= "Z") || (u >= "0" && u <= "9")
}
