import Foundation
import SXCore

/// F9: the sub-table editor of a list field of one row (W10/W11 `savings`: resource, amount with unit, carrier,
/// value). Add (Ins), edit (Enter; choices from a list), delete (Del, asks first); every change is one committed,
/// undoable edit of the row.
enum ListEditor {
  /// The list fields of a worksheet (indexes into `fields`).
  static func listFields(_ spec: WorksheetSpec) -> [Int] { spec.fields.indices.filter { spec.fields[$0].kind == .list } }

  /// Opens the editor on the first list field of `record`.
  static func open(_ s: inout AppState, _ d: inout DocState, _ spec: WorksheetSpec, record: AnyRecord?) {
    guard let r = record, let lf = listFields(spec).first else {
      s.say(Strings.noListHere(s.language), .warning)
      return
    }
    d.sheet.list = ListEditState(recordId: r.id, listField: lf)
    s.say(spec.fields[lf].label.text(s.language) + " · " + r.displayName)
  }

  /// The nested rows as JSON dictionaries.
  static func rows(_ spec: WorksheetSpec, _ st: ListEditState, _ a: Assessment) -> [[String: Any]] {
    guard let r = record(spec, st.recordId, a) else { return [] }
    return (FieldCodec.value(in: FieldCodec.json(of: r), at: spec.fields[st.listField].pathSegments) as? [[String: Any]]) ?? []
  }

  static func record(_ spec: WorksheetSpec, _ id: String, _ a: Assessment) -> AnyRecord? {
    spec.record.flatMap { a.record($0, id: id) }
  }

  static func update(_ s: inout AppState, _ d: inout DocState, _ spec: WorksheetSpec, _ key: Key) -> [Effect] {
    guard var st = d.sheet.list else { return [] }
    let subs = spec.fields[st.listField].subfields
    let lang = s.language
    let items = rows(spec, st, d.assessment)
    defer { if d.sheet.list != nil { d.sheet.list = st } }
    if var ed = st.editor {
      switch key {
      case .enter, .tab:
        return commitEditor(&s, &st, spec, d.assessment, ed)
      case .escape:
        st.editor = nil
        st.message = nil
      default:
        if ed.handle(key) == .edited {
          do throws(FieldCodec.Failure) {
            _ = try FieldCodec.parse(ed.text, subs[st.col], language: lang, units: SheetScreen.units(d.assessment))
            st.message = nil
          } catch {
            st.message = error.message.text(lang)
          }
        }
        st.editor = ed
      }
      return []
    }
    switch key {
    case .up, .char("k"): st.row = max(0, st.row - 1)
    case .down, .char("j"): st.row = min(max(0, items.count - 1), st.row + 1)
    case .left, .backTab: st.col = max(0, st.col - 1)
    case .right, .tab: st.col = min(max(0, subs.count - 1), st.col + 1)
    case .home: st.col = 0
    case .end: st.col = max(0, subs.count - 1)
    case .enter:
      if items.isEmpty { return add(&s, &st, spec, d.assessment) }
      startEditing(&s, &st, spec, d.assessment, row: min(st.row, items.count - 1), sub: st.col)
    case .insert, .ctrl("n"):
      return add(&s, &st, spec, d.assessment)
    case .delete, .ctrl("d"):
      guard !items.isEmpty else { break }
      let i = min(st.row, items.count - 1)
      let name = display(items[i], subs.first, d.assessment, lang, s.unitMode)
      let dialog = ConfirmDialog(title: Strings.deleteRowTitle(lang), message: "«\(name)»", language: lang)
      s.overlay = .confirm(ConfirmState(dialog: dialog, action: .deleteListRow(recordId: st.recordId, listField: st.listField, row: i)))
    case .escape, .f(9):
      d.sheet.list = nil
      s.say("")
    default: break
    }
    return []
  }

  static func display(_ row: [String: Any], _ f: FieldSpec?, _ a: Assessment, _ lang: Language, _ mode: UnitMode) -> String {
    guard let f else { return "" }
    return FieldCodec.display(FieldCodec.value(in: row, at: f.pathSegments), f, language: lang, assessment: a, mode: mode)
  }

  /// A new row starts with its first field (the resource), chosen from a list.
  static func add(_ s: inout AppState, _ st: inout ListEditState, _ spec: WorksheetSpec, _ a: Assessment) -> [Effect] {
    st.col = 0
    startEditing(&s, &st, spec, a, row: nil, sub: 0)
    return []
  }

  static func startEditing(_ s: inout AppState, _ st: inout ListEditState, _ spec: WorksheetSpec, _ a: Assessment, row: Int?, sub: Int) {
    let subs = spec.fields[st.listField].subfields
    guard sub < subs.count else { return }
    let f = subs[sub]
    let lang = s.language
    let items = rows(spec, st, a)
    let raw: Any? = row.flatMap { $0 < items.count ? FieldCodec.value(in: items[$0], at: f.pathSegments) : nil }
    let target = FieldTarget(fieldIndex: 0, recordId: st.recordId, list: ListTarget(listField: st.listField, subfield: sub, row: row))
    if f.kind.isChoice {
      var p = SheetScreen.picker(f, target: target, raw: raw, a: a, lang: lang)
      p.title = spec.fields[st.listField].label.text(lang) + " · " + p.title
      s.overlay = .picker(p)
      return
    }
    st.editor = TextField(FieldCodec.editText(raw, f, language: lang, assessment: a), maxLength: Limits.maxTextLength)
    st.message = nil
  }

  static func commitEditor(_ s: inout AppState, _ st: inout ListEditState, _ spec: WorksheetSpec, _ a: Assessment, _ ed: TextField) -> [Effect] {
    let f = spec.fields[st.listField].subfields[st.col]
    let lang = s.language
    do throws(FieldCodec.Failure) {
      let value = try FieldCodec.parse(ed.text, f, language: lang, units: SheetScreen.units(a))
      let items = rows(spec, st, a)
      let target = ListTarget(listField: st.listField, subfield: st.col, row: items.isEmpty ? nil : min(st.row, items.count - 1))
      let edit = try edit(setting: value, target, recordId: st.recordId, spec: spec, a: a)
      st.message = nil
      return [.commit([edit], label: spec.id + " · " + spec.fields[st.listField].label.text(lang) + " · " + f.label.text(lang))]
    } catch {
      st.message = error.message.text(lang)
      return []
    }
  }

  /// A value chosen in a picker for a nested cell.
  static func choose(_ s: inout AppState, _ target: FieldTarget, _ lt: ListTarget, _ raw: Any?) -> [Effect] {
    guard var d = s.doc, let spec = SheetScreen.spec(s), let id = target.recordId else { return [] }
    let lang = s.language
    do throws(FieldCodec.Failure) {
      let edit = try edit(setting: raw, lt, recordId: id, spec: spec, a: d.assessment)
      if lt.row == nil { d.sheet.list?.row = rows(spec, ListEditState(recordId: id, listField: lt.listField), d.assessment).count }
      s.doc = d
      let f = spec.fields[lt.listField]
      return [.commit([edit], label: spec.id + " · " + f.label.text(lang) + " · " + f.subfields[lt.subfield].label.text(lang))]
    } catch {
      s.say(error.message.text(lang), .error)
      return []
    }
  }

  /// Deletes one nested row (after the confirmation).
  static func deleteRow(_ s: inout AppState, recordId: String, listField: Int, row: Int) -> [Effect] {
    guard let d = s.doc, let spec = SheetScreen.spec(s), let base = record(spec, recordId, d.assessment) else { return [] }
    let f = spec.fields[listField]
    var obj = FieldCodec.json(of: base)
    var items = (FieldCodec.value(in: obj, at: f.pathSegments) as? [[String: Any]]) ?? []
    guard row < items.count else { return [] }
    items.remove(at: row)
    obj = FieldCodec.setting(obj, at: f.pathSegments, to: items)
    guard let r = try? FieldCodec.record(base.kind, from: obj) else { return [] }
    if var st = s.doc?.sheet.list {
      st.row = max(0, min(st.row, items.count - 1))
      s.doc?.sheet.list = st
    }
    return [.commit([.upsert(r, position: nil)], label: Strings.rowDeleted(s.language) + ": " + f.label.text(s.language))]
  }

  /// The row with one nested cell set (a new nested row when `target.row` is nil), checked by the validator.
  static func edit(setting value: Any?, _ target: ListTarget, recordId: String, spec: WorksheetSpec, a: Assessment) throws(FieldCodec.Failure) -> Edit {
    guard let base = record(spec, recordId, a) else { throw FieldCodec.Failure(vi: "dòng không còn nữa", en: "the row no longer exists") }
    let f = spec.fields[target.listField]
    let sub = f.subfields[target.subfield]
    var obj = FieldCodec.json(of: base)
    var items = (FieldCodec.value(in: obj, at: f.pathSegments) as? [[String: Any]]) ?? []
    let index: Int
    if let i = target.row, i < items.count {
      index = i
    } else {
      items.append([:])
      index = items.count - 1
    }
    items[index] = FieldCodec.setting(items[index], at: sub.pathSegments, to: value)
    obj = FieldCodec.setting(obj, at: f.pathSegments, to: items)
    guard let r = try? FieldCodec.record(base.kind, from: obj) else {
      throw FieldCodec.Failure(vi: "giá trị không hợp lệ", en: "invalid value")
    }
    let edit = Edit.upsert(r, position: nil)
    let pos = a.rowIndex(base.kind, id: base.id) ?? a.rowCount(base.kind)
    let path = "$." + SheetModel.arrayName(base.kind) + "[\(pos)]." + f.pathSegments.joined(separator: ".") + "[\(index)]"
    for issue in Validator.validate(record: r, at: pos, arrayName: SheetModel.arrayName(base.kind), in: a)
    where issue.path == path || issue.path.hasPrefix(path + ".") {
      throw FieldCodec.Failure(issue.message)
    }
    return edit
  }

  // MARK: Drawing

  static func render(_ s: AppState, _ d: DocState, _ spec: WorksheetSpec, _ st: ListEditState, into b: inout ScreenBuffer, in rect: Rect) {
    let lang = s.language
    let f = spec.fields[st.listField]
    let subs = f.subfields
    let name = record(spec, st.recordId, d.assessment)?.displayName ?? st.recordId
    b.put(TextLayout.truncate(spec.id + " · " + name, to: rect.width), row: rect.row, col: rect.col, style: Style.title.bolded)
    b.put(TextLayout.truncate(f.label.text(lang) + " (F9)", to: rect.width), row: rect.row + 1, col: rect.col, style: .header)
    let items = rows(spec, st, d.assessment)
    var cells = items.map { row in subs.map { display(row, $0, d.assessment, lang, s.unitMode) } }
    let editing = st.editor != nil
    if editing, !items.isEmpty, let ed = st.editor { cells[min(st.row, items.count - 1)][st.col] = ed.text }
    let columns = subs.enumerated().map { i, sf -> TableColumn in
      let numeric = SheetRender.isNumeric(sf)
      let longest = cells.map { DisplayWidth.width(of: $0[i]) }.max() ?? 0
      let w = numeric ? max(sf.width ?? 12, min(20, longest)) : max(4, min(24, sf.width ?? 12))
      return TableColumn(sf.label.text(lang) + (sf.required ? " *" : ""), width: .fixed(w), alignment: numeric ? .right : .left)
    }
    let tableRect = Rect(row: rect.row + 2, col: rect.col, height: max(2, rect.height - 5), width: rect.width)
    var table = TableView(columns: columns, rows: cells, selected: min(st.row, max(0, cells.count - 1)), highlight: .row, emptyText: Strings.noListRows(lang))
    table.render(into: &b, in: tableRect, focused: !editing)
    // Edit line: the sub-field, its value or editor with the unit hint, the message or the help.
    let y = tableRect.bottom
    b.horizontalLine(row: y, col: rect.col, width: rect.width, style: .muted)
    guard st.col < subs.count else { return }
    let sf = subs[st.col]
    let label = sf.label.text(lang) + (sf.required ? " *" : "") + ": "
    let lw = min(DisplayWidth.width(of: label), rect.width / 3)
    b.put(TextLayout.truncate(label, to: lw), row: y + 1, col: rect.col, style: Style.title.bolded)
    if var ed = st.editor {
      let hint = SheetRender.unitHint(sf)
      let hw = DisplayWidth.width(of: hint)
      ed.render(into: &b, row: y + 1, col: rect.col + lw, width: max(1, rect.width - lw - hw - 1), style: Style.normal.underlined, focused: true)
      if hw > 0 { b.put(hint, row: y + 1, col: rect.right - hw, style: .muted) }
    } else if !items.isEmpty {
      b.put(TextLayout.truncate(cells[min(st.row, items.count - 1)][st.col], to: rect.width - lw), row: y + 1, col: rect.col + lw)
    }
    if let m = st.message {
      b.put(TextLayout.truncate(m, to: rect.width - lw), row: y + 2, col: rect.col + lw, style: Style.error.bolded)
    } else {
      b.put(TextLayout.truncate(SheetRender.firstSentence(sf.help.text(lang)), to: rect.width), row: y + 2, col: rect.col, style: .muted)
    }
  }
}
