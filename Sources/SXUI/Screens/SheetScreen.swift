import Foundation
import SXCore

/// Keys of a worksheet (form or table) when the main pane has focus. Editing goes through
/// ``SheetModel/edit(setting:field:target:spec:a:language:)`` and ends in an `Effect.commit`.
enum SheetScreen {
  static func spec(_ s: AppState) -> WorksheetSpec? {
    // The index alone is read (not a copy of the whole document).
    guard let i = s.doc?.sheetIndex, i < s.catalog.sheets.count else { return nil }
    return s.catalog.sheets[i]
  }

  /// True when the sheet shows one row (or the header) as a form.
  static func isForm(_ spec: WorksheetSpec, _ sheet: SheetState) -> Bool {
    spec.record == nil || spec.layout == .form || sheet.detail
  }

  static func update(_ s: inout AppState, _ key: Key) -> [Effect] {
    guard var d = s.doc, let spec = spec(s) else { return [] }
    defer { s.doc = d }
    let lang = s.language
    // 1. An open editor takes every key but Enter/Tab (save) and Esc (cancel).
    if var ed = d.sheet.editor {
      switch key {
      case .enter, .tab:
        return commitEditor(&s, &d, spec, ed)
      case .escape:
        d.sheet.editor = nil
        s.say("")
      default:
        if ed.field.handle(key) == .edited {
          let f = spec.editableFields[ed.target.fieldIndex]
          do throws(FieldCodec.Failure) {
            _ = try FieldCodec.parse(ed.field.text, f, language: lang, units: units(d.assessment))
            ed.message = nil
          } catch {
            ed.message = error.message.text(lang)
          }
        }
        d.sheet.editor = ed
      }
      return []
    }
    // 2. The nested-list editor (F9).
    if d.sheet.list != nil { return ListEditor.update(&s, &d, spec, key) }
    // 3. Search or filter line.
    if var q = d.sheet.query {
      switch key {
      case .enter, .tab:
        d.sheet.query = nil
      case .escape:
        d.sheet.query = nil
        if d.sheet.queryIsFilter { d.sheet.filter = "" }
      default:
        if q.handle(key) == .edited {
          if d.sheet.queryIsFilter {
            d.sheet.filter = q.committedText
            d.sheet.row = 0
          } else {
            let rows = SheetModel.visibleRows(spec, d.sheet, d.assessment, lang)
            if let i = rows.firstIndex(where: { r in matches(r, spec, q.committedText, d.assessment, lang) }) { d.sheet.row = i }
          }
        }
        d.sheet.query = q
      }
      return []
    }
    let fields = spec.editableFields
    let rows = SheetModel.visibleRows(spec, d.sheet, d.assessment, lang)
    let form = isForm(spec, d.sheet)
    let current: AnyRecord? = rows.isEmpty ? nil : rows[min(d.sheet.row, rows.count - 1)]
    switch key {
    case .up, .backTab where form, .char("k") where form:
      if form { d.sheet.col = max(0, d.sheet.col - 1) } else { d.sheet.row = max(0, d.sheet.row - 1) }
    case .down, .tab where form, .char("j") where form:
      if form { d.sheet.col = min(fields.count - 1, d.sheet.col + 1) } else { d.sheet.row = min(max(0, rows.count - 1), d.sheet.row + 1) }
    case .char("k"): d.sheet.row = max(0, d.sheet.row - 1)
    case .char("j"): d.sheet.row = min(max(0, rows.count - 1), d.sheet.row + 1)
    case .pageUp:
      d.sheet.row = max(0, d.sheet.row - (form ? 1 : max(1, s.rows - 10)))
    case .pageDown:
      d.sheet.row = min(max(0, rows.count - 1), d.sheet.row + (form ? 1 : max(1, s.rows - 10)))
    case .home: if form { d.sheet.col = 0 } else { d.sheet.row = 0 }
    case .end: if form { d.sheet.col = max(0, fields.count - 1) } else { d.sheet.row = max(0, rows.count - 1) }
    case .left, .backTab:
      if !form && d.sheet.col > 0 { d.sheet.col -= 1 } else { d.navFocused = true }
    case .right, .tab:
      if !form { d.sheet.col = min(fields.count - 1, d.sheet.col + 1) }
    case .enter:
      if spec.record != nil && current == nil { return addRow(&s, &d, spec, rows) }
      startEditing(&s, &d, spec, field: d.sheet.col, record: current)
    case .insert, .ctrl("n"):
      return addRow(&s, &d, spec, rows)
    case .delete, .ctrl("d"):
      if let r = current {
        let dialog = ConfirmDialog(title: Strings.deleteRowTitle(lang), message: "«\(r.displayName)»", language: lang)
        s.overlay = .confirm(ConfirmState(dialog: dialog, action: .deleteRow(r.kind, r.id)))
      }
    case .ctrl("k"):
      if let r = current, let c = SheetModel.copy(r, id: newId(), suffix: Strings.copySuffix(lang)) {
        let pos = (d.assessment.rowIndex(r.kind, id: r.id) ?? 0) + 1
        s.doc = d
        return [.commit([.upsert(c, position: pos)], label: Strings.rowCopied(lang) + ": " + r.displayName)]
      }
    case .alt("k"), .alt("j"), .alt("K"), .alt("J"), .altUp, .altDown, .ctrlUp, .ctrlDown:
      guard let r = current else { break }
      guard d.sheet.sortField == nil, d.sheet.filter.isEmpty, spec.filterKey == nil else {
        s.say(Strings.sortedNoMove(lang), .warning)
        break
      }
      let pos = d.assessment.rowIndex(r.kind, id: r.id) ?? 0
      let up = [.alt("k"), .alt("K"), .altUp, .ctrlUp].contains(key)
      let to = up ? pos - 1 : pos + 1
      guard to >= 0, to < rows.count else { break }
      d.sheet.row = to
      return [.commit([.move(r.kind, id: r.id, to: to)], label: Strings.rowMoved(lang) + ": " + r.displayName)]
    case .char("s") where !form:
      if d.sheet.sortField != d.sheet.col {
        d.sheet.sortField = d.sheet.col
        d.sheet.sortDescending = false
      } else if !d.sheet.sortDescending {
        d.sheet.sortDescending = true
      } else {
        d.sheet.sortField = nil
      }
      if let sf = d.sheet.sortField {
        s.say(Strings.sortedBy(lang) + " " + fields[sf].label.text(lang) + (d.sheet.sortDescending ? " ↓" : " ↑"))
      } else {
        s.say(Strings.sortOff(lang))
      }
    case .char("f") where !form:
      d.sheet.query = TextField(d.sheet.filter)
      d.sheet.queryIsFilter = true
    case .char("/") where !form:
      d.sheet.query = TextField()
      d.sheet.queryIsFilter = false
    case .f(9):
      ListEditor.open(&s, &d, spec, record: current)
    case .f(8) where spec.record != nil && spec.layout == .table:
      d.sheet.detail.toggle()
      d.sheet.col = 0
    case .escape:
      if d.sheet.detail && spec.layout == .table {
        d.sheet.detail = false
      } else if !d.sheet.filter.isEmpty {
        d.sheet.filter = ""
      } else {
        d.navFocused = true
      }
    default: break
    }
    s.doc = d
    return []
  }

  static func matches(_ r: AnyRecord, _ spec: WorksheetSpec, _ q: String, _ a: Assessment, _ lang: Language) -> Bool {
    let obj = FieldCodec.json(of: r)
    let text = spec.editableFields.map { FieldCodec.display(FieldCodec.value(in: obj, at: $0.pathSegments), $0, language: lang, assessment: a) }
    return TextRules.matches(text.joined(separator: " "), q)
  }

  /// The assessment's unit system (the standard one when its rates or local units are wrong), kept for the last
  /// rates and local units asked: every key typed into a number field parses with it, and building it copies the
  /// catalogue (~100,000 instructions). Equal rates and units give the same system (symbols are NFC-normalised when
  /// added, and a rate or factor that is not finite and positive is refused either way).
  static func units(_ a: Assessment) -> UnitSystem {
    let s = a.header.settings
    let hit = UnitsCache.lock.withLock { () -> UnitSystem? in
      guard let last = UnitsCache.last, last.rates == s.currencyRates, last.local == s.localUnits else { return nil }
      return last.system
    }
    if let hit { return hit }
    let system = (try? s.unitSystem()) ?? .standard
    UnitsCache.lock.withLock { UnitsCache.last = (s.currencyRates, s.localUnits, system) }
    return system
  }

  nonisolated(unsafe) static var idSource: () -> String = { UUID().uuidString.lowercased().prefix(8).description }
  static func newId() -> String { idSource() }

  /// Opens the editor (or the picker) for a field of a row (nil: header or the new row in `target`).
  static func startEditing(_ s: inout AppState, _ d: inout DocState, _ spec: WorksheetSpec, field index: Int, record: AnyRecord?, newRecord: AnyRecord? = nil) {
    let fields = spec.editableFields
    guard index >= 0, index < fields.count else { return }
    let f = fields[index]
    let target = FieldTarget(fieldIndex: index, recordId: record?.id, newRecord: newRecord)
    let raw = SheetModel.raw(f, record: newRecord ?? record, header: d.assessment.header)
    let lang = s.language
    if f.kind.isChoice && !(f.kind == .enum && f.openList && f.options.isEmpty) {
      s.overlay = .picker(picker(f, target: target, raw: raw, a: d.assessment, lang: lang))
      return
    }
    if f.kind == .list {
      s.say(Strings.listReadOnly(lang), .warning)
      return
    }
    var text = FieldCodec.editText(raw, f, language: lang, assessment: d.assessment)
    if f.multiple, let arr = raw as? [String] { text = arr.joined(separator: ", ") }
    d.sheet.editor = EditorState(target: target, field: TextField(text, maxLength: Limits.maxTextLength))
    s.say("")
  }

  static func picker(_ f: FieldSpec, target: FieldTarget, raw: Any?, a: Assessment, lang: Language) -> PickerState {
    var values: [PickValue] = []
    var labels: [String] = []
    switch f.kind {
    case .boolean:
      values = [.bool(true), .bool(false)]
      labels = [lang == .vi ? "có" : "yes", lang == .vi ? "không" : "no"]
    case .reference:
      if !f.required {
        values.append(.none)
        labels.append(Strings.noneChoice(lang))
      }
      for k in f.targets {
        for r in a.rows(k) {
          values.append(.string(r.id))
          labels.append(r.displayName)
        }
      }
    default:
      if !f.required && !f.multiple {
        values.append(.none)
        labels.append(Strings.noneChoice(lang))
      }
      for o in f.options {
        values.append(.string(o.value))
        labels.append(o.label.text(lang))
      }
    }
    var chosen: Set<String> = []
    if let arr = raw as? [String] { chosen = Set(arr) }
    let currentIndex: Int = {
      if let b = raw as? Bool { return values.firstIndex(of: .bool(b)) ?? 0 }
      if let str = raw as? String { return values.firstIndex(of: .string(str)) ?? 0 }
      return values.firstIndex(of: .none) ?? 0
    }()
    var pick = PickerState(
      title: f.label.text(lang), values: values, list: ListView(items: labels, selected: currentIndex, highlight: .row), target: target,
      multiple: f.multiple, chosen: chosen)
    if f.multiple { pick.list.items = labels.enumerated().map { i, l in (chosen.contains(pickString(values[i])) ? "[x] " : "[ ] ") + l } }
    return pick
  }

  static func pickString(_ v: PickValue) -> String {
    switch v {
    case .string(let s): s
    case .bool(let b): b ? "true" : "false"
    case .none: ""
    }
  }

  /// Adds a row: a new record is kept in the editor until its first field is saved.
  static func addRow(_ s: inout AppState, _ d: inout DocState, _ spec: WorksheetSpec, _ rows: SheetRows) -> [Effect] {
    guard let kind = spec.record else { return [] }
    let currentStep: String? = {
      guard kind == .flow, !rows.isEmpty, case .flow(let f) = rows[min(d.sheet.row, rows.count - 1)] else { return nil }
      return f.stepId
    }()
    guard let r = SheetModel.newRecord(kind, id: newId(), stepId: currentStep, a: d.assessment) else {
      s.say(Strings.needStepFirst(s.language), .warning)
      return []
    }
    let fields = spec.editableFields
    // Start on the first required text field (the row's name), else the first field.
    let first = fields.firstIndex { $0.required && ($0.kind == .text || $0.kind == .multiline) } ?? 0
    d.sheet.sortField = nil
    d.sheet.filter = ""
    d.sheet.col = first
    d.sheet.row = rows.count
    startEditing(&s, &d, spec, field: first, record: nil, newRecord: r)
    s.doc = d
    return []
  }

  /// Parses the editor text and, when valid, asks the loop to commit. The editor stays open until the
  /// store confirms (so a failed save keeps the typed value for retry).
  static func commitEditor(_ s: inout AppState, _ d: inout DocState, _ spec: WorksheetSpec, _ editor: EditorState) -> [Effect] {
    var ed = editor
    let f = spec.editableFields[ed.target.fieldIndex]
    let lang = s.language
    do throws(FieldCodec.Failure) {
      var value: Any?
      if f.multiple && (f.kind == .text || f.kind == .multiline) {
        value = TextRules.nfc(ed.field.text).split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
      } else {
        value = try FieldCodec.parse(ed.field.text, f, language: lang, units: units(d.assessment))
        if f.kind == .enum && f.openList, value == nil, !ed.field.text.isEmpty { value = TextRules.nfc(ed.field.text) }
      }
      let edit = try SheetModel.edit(setting: value, field: f, target: ed.target, spec: spec, a: d.assessment, language: lang)
      ed.message = nil
      d.sheet.editor = ed
      s.doc = d
      return [.commit([edit], label: spec.id + " · " + f.label.text(lang))]
    } catch {
      ed.message = error.message.text(lang)
      d.sheet.editor = ed
      return []
    }
  }

  /// A value chosen in a picker: build and commit the edit.
  static func choose(_ s: inout AppState, _ p: PickerState, _ value: PickValue) -> [Effect] {
    guard var d = s.doc, let spec = spec(s) else { return [] }
    let f = spec.editableFields[p.target.fieldIndex]
    let lang = s.language
    var raw: Any?
    switch value {
    case .none: raw = nil
    case .string(let str): raw = str
    case .bool(let b): raw = b
    }
    if p.multiple { raw = Array(p.chosen).sorted() }
    if let lt = p.target.list { return ListEditor.choose(&s, p.target, lt, raw) }
    do throws(FieldCodec.Failure) {
      let edit = try SheetModel.edit(setting: raw, field: f, target: p.target, spec: spec, a: d.assessment, language: lang)
      d.sheet.editor = nil
      s.doc = d
      return [.commit([edit], label: spec.id + " · " + f.label.text(lang))]
    } catch {
      s.say(error.message.text(lang), .error)
      return []
    }
  }
}

/// The last unit system built by ``SheetScreen/units(_:)`` and what it was built from.
private enum UnitsCache {
  static let lock = NSLock()
  nonisolated(unsafe) static var last: (rates: [CurrencyRate], local: [LocalUnit], system: UnitSystem)?
}
