import SXCore

/// Drawing of a worksheet: a table with an edit line, or a form with messages under the fields.
enum SheetRender {
  static func render(_ s: AppState, _ d: DocState, _ spec: WorksheetSpec, into b: inout ScreenBuffer, in rect: Rect, focused: Bool) {
    let lang = s.language
    let stored = SheetModel.visibleRows(spec, d.sheet, d.assessment, lang)
    let newRecord = d.sheet.editor?.target.newRecord
    // The row being added is shown after the stored ones.
    let rows = RowsPlus(rows: stored, extra: newRecord)
    let title = spec.id + " · " + spec.title.text(lang)
    b.put(TextLayout.truncate(title, to: rect.width - 1), row: rect.row, col: rect.col, style: Style.title.bolded)
    var info = ""
    if spec.record != nil {
      info = "\(rows.count - (newRecord == nil ? 0 : 1)) " + Strings.rowsWord(lang)
      if !d.sheet.filter.isEmpty { info = Strings.filterLabel(lang) + d.sheet.filter + " · " + info }
    }
    if !info.isEmpty {
      let w = DisplayWidth.width(of: info)
      if w + DisplayWidth.width(of: title) + 2 < rect.width { b.put(info, row: rect.row, col: rect.right - w, style: .muted) }
    }
    let body = Rect(row: rect.row + 1, col: rect.col, height: rect.height - 1, width: rect.width)
    if let st = d.sheet.list {
      ListEditor.render(s, d, spec, st, into: &b, in: body)
      return
    }
    if SheetScreen.isForm(spec, d.sheet) {
      let record: AnyRecord? = spec.record == nil ? nil : (rows.isEmpty ? nil : rows[min(d.sheet.row, rows.count - 1)])
      if spec.record != nil && record == nil {
        b.put(Strings.noRows(lang), row: body.row + 1, col: body.col + 1, style: .muted, maxWidth: body.width - 1)
        return
      }
      renderForm(s, d, spec, record: record, position: spec.record == nil ? nil : (min(d.sheet.row, rows.count - 1), rows.count), into: &b, in: body, focused: focused)
    } else {
      renderTable(s, d, spec, rows: rows, into: &b, in: body, focused: focused)
    }
  }

  static func renderForm(
    _ s: AppState, _ d: DocState, _ spec: WorksheetSpec, record: AnyRecord?, position: (Int, Int)?, into b: inout ScreenBuffer, in rect: Rect,
    focused: Bool
  ) {
    let lang = s.language
    var area = rect
    if let (i, n) = position, let r = record {
      b.put(TextLayout.truncate("\(i + 1)/\(n) · " + r.displayName, to: rect.width), row: rect.row, col: rect.col, style: .header)
      area = rect.splitTop(1).1
    }
    let obj = record.map(FieldCodec.json(of:)) ?? FieldCodec.cachedJSON(of: d.assessment.header, document: d.instance, revision: d.revision)
    let issues = SheetModel.issues(of: record, d.assessment, d.issues)
    let prefix: String = {
      guard let r = record, let i = d.assessment.rowIndex(r.kind, id: r.id) else { return "$.header." }
      return "$." + SheetModel.arrayName(r.kind) + "[\(i)]."
    }()
    var formRows: [FormRow] = []
    for (i, f) in spec.editableFields.enumerated() {
      let raw = FieldCodec.value(in: obj, at: f.pathSegments)
      var value = FieldCodec.display(raw, f, language: lang, assessment: d.assessment, mode: s.unitMode)
      if f.multiple, let arr = raw as? [String], f.kind != .enum { value = arr.joined(separator: ", ") }
      var row = FormRow(label: f.label.text(lang) + (f.required ? " *" : ""), value: value)
      if let ed = d.sheet.editor, ed.target.fieldIndex == i, let m = ed.message {
        row.message = m
      } else if let issue = issues.first(where: { $0.path.hasPrefix(prefix + f.pathSegments.joined(separator: ".")) }) {
        row.message = issue.message.text(lang)
        row.messageStyle = .warning
      } else if focused && i == d.sheet.col {
        // The field's help stays under it while it is edited (when it is needed most), so that opening and closing
        // the editor moves no line of the form: the frame that shows a save redraws the field, the status line and
        // the key bar, not every line below the field.
        row.message = firstSentence(f.help.text(lang))
        row.messageStyle = .muted
      }
      formRows.append(row)
    }
    for f in spec.fields where f.kind == .list {
      let raw = FieldCodec.value(in: obj, at: f.pathSegments)
      let count = FieldCodec.display(raw, f, language: lang, assessment: d.assessment)
      formRows.append(FormRow(label: f.label.text(lang), value: (count.isEmpty ? "—" : count) + " · F9", isReadOnly: true))
    }
    var form = FormView(rows: formRows, focusedIndex: focused ? d.sheet.col : nil, labelWidth: min(30, rect.width / 3))
    form.render(into: &b, in: area, editor: focused ? d.sheet.editor?.field : nil)
  }

  static func firstSentence(_ text: String) -> String {
    let t = text.replacingOccurrences(of: "\n", with: " ")
    if let dot = t.range(of: ". ") { return String(t[..<dot.lowerBound]) + "." }
    return t
  }

  /// Rows of the table body for a screen of `rows` lines (title, status and key bars, sheet title, header and
  /// edit lines taken off): what one page of a table shows.
  static func tableBodyHeight(screenRows rows: Int) -> Int { max(0, max(2, rows - 3 - 1 - 3) - 1) }

  /// The first row shown so that `selected` is visible, keeping `offset` when it already is (a one-row move
  /// then redraws two lines, not the whole table).
  static func scrolled(offset: Int, selected: Int, count: Int, height: Int) -> Int {
    let h = max(1, height)
    var o = offset
    if selected < o { o = selected }
    if selected >= o + h { o = selected - h + 1 }
    return max(0, min(o, max(0, count - h)))
  }

  /// The longest display width of each numeric column over `rows` (0 for other columns).
  static func longestNumbers<R: Collection>(_ spec: WorksheetSpec, _ rows: R, _ a: Assessment, _ lang: Language, _ mode: UnitMode) -> [Int]
  where R.Element == AnyRecord {
    let fields = spec.editableFields
    let numeric = fields.map { isNumeric($0) && $0.kind != .price }
    var longest = Array(repeating: 0, count: fields.count)
    guard numeric.contains(true) else { return longest }
    for r in rows {
      let obj = FieldCodec.json(of: r)
      for (i, f) in fields.enumerated() where numeric[i] {
        longest[i] = max(longest[i], DisplayWidth.width(of: FieldCodec.display(FieldCodec.value(in: obj, at: f.pathSegments), f, language: lang, assessment: a, mode: mode)))
      }
    }
    return longest
  }

  static func renderTable(_ s: AppState, _ d: DocState, _ spec: WorksheetSpec, rows: RowsPlus, into b: inout ScreenBuffer, in rect: Rect, focused: Bool) {
    let lang = s.language
    let fields = spec.editableFields
    let footerHeight = 3
    let tableRect = Rect(row: rect.row, col: rect.col, height: max(2, rect.height - footerHeight), width: rect.width)
    // Only the rows on screen are formatted: the window of `bodyHeight` rows from the remembered offset.
    let bodyHeight = max(0, tableRect.height - 1)
    let selected = rows.isEmpty ? 0 : min(max(0, d.sheet.row), rows.count - 1)
    let offset = scrolled(offset: d.sheet.rowOffset, selected: selected, count: rows.count, height: bodyHeight)
    let window = rows[offset..<min(rows.count, offset + bodyHeight)]
    // Horizontal window of columns that keeps the selected column visible.
    // Numeric columns widen to their longest value: numbers are never cut (the window scrolls instead). The
    // longest over every row is kept by the driver (``DocState/columnWidths``); the rows on screen are measured here.
    let onScreen = longestNumbers(spec, window, d.assessment, lang, s.unitMode)
    let known = d.columnWidths.flatMap { $0.sheetIndex == d.sheetIndex && $0.language == lang && $0.unitMode == s.unitMode && $0.filter == d.sheet.filter ? $0.longest : nil }
    let widths = fields.enumerated().map { i, f -> Int in
      let base = max(4, min(24, f.width ?? 12))
      guard isNumeric(f) && f.kind != .price else { return base }
      let longest = max(onScreen[i], known.map { i < $0.count ? $0[i] : 0 } ?? 0)
      return min(max(base, longest), max(4, min(20, rect.width - 4)))
    }
    let available = tableRect.width - 2
    var start = min(d.sheet.colOffset, d.sheet.col)
    func fits(_ from: Int, _ to: Int) -> Bool { widths[from...to].reduce(0) { $0 + $1 + 1 } - 1 <= available }
    while start < d.sheet.col && !fits(start, d.sheet.col) { start += 1 }
    var end = start
    while end + 1 < fields.count && fits(start, end + 1) { end += 1 }
    let shown = Array(start...max(start, min(end, fields.count - 1)))
    let cells: [[String]] = window.map { r in
      let obj = FieldCodec.json(of: r)
      return shown.map { i -> String in
        let f = fields[i]
        if let ed = d.sheet.editor, ed.target.recordId == r.id || (ed.target.newRecord?.id == r.id), ed.target.fieldIndex == i { return ed.field.text }
        let raw = FieldCodec.value(in: obj, at: f.pathSegments)
        if f.multiple, let arr = raw as? [String], f.kind != .enum { return arr.joined(separator: ", ") }
        let text = FieldCodec.display(raw, f, language: lang, assessment: d.assessment, mode: s.unitMode)
        return text.isEmpty && r.id == d.sheet.editor?.target.newRecord?.id && i == 0 ? Strings.newRow(lang) : text
      }
    }
    let columns = shown.map { i -> TableColumn in
      let f = fields[i]
      var title = f.label.text(lang)
      if d.sheet.sortField == i { title += d.sheet.sortDescending ? "↓" : "↑" }
      return TableColumn(title, width: .fixed(widths[i]), alignment: isNumeric(f) ? .right : .left)
    }
    // The selected row is marked by "▶" in the gutter: moving one row rewrites two cells, not two whole lines
    // (a few dozen bytes per key, friendly over SSH).
    var table = TableView(columns: columns, rows: cells, selected: selected - offset, highlight: .marker, emptyText: Strings.noRows(lang))
    table.window = TableView.Window(offset: offset, total: rows.count)
    table.render(into: &b, in: tableRect, focused: focused && d.sheet.editor == nil)
    // Mark the selected column in the header.
    if focused, let pos = shown.firstIndex(of: d.sheet.col) {
      let x = tableRect.col + table.gutterWidth + shown[..<pos].reduce(0) { $0 + widths[$1] + 1 }
      b.setStyle(Style.header.reversed, in: Rect(row: tableRect.row, col: x, height: 1, width: widths[d.sheet.col]))
    }
    if start > 0 { b.put("«", row: tableRect.row, col: tableRect.col, style: .muted) }
    if end < fields.count - 1 { b.put("»", row: tableRect.row, col: tableRect.right - 1, style: .muted) }
    // Edit line: the field's label, its value (or editor) with unit hint, and the message under it.
    let y = tableRect.bottom
    b.horizontalLine(row: y, col: rect.col, width: rect.width, style: .muted)
    guard d.sheet.col < fields.count else { return }
    let f = fields[d.sheet.col]
    let label = f.label.text(lang) + (f.required ? " *" : "") + ": "
    let lw = min(DisplayWidth.width(of: label), rect.width / 3)
    b.put(TextLayout.truncate(label, to: lw), row: y + 1, col: rect.col, style: Style.title.bolded)
    let current: AnyRecord? = rows.isEmpty ? nil : rows[min(d.sheet.row, rows.count - 1)]
    if let q = d.sheet.query {
      var field = q
      let ql = d.sheet.queryIsFilter ? Strings.filterLabel(lang) : Strings.searchLabel(lang)
      b.fill(Rect(row: y + 1, col: rect.col, height: 1, width: rect.width))
      b.put(ql, row: y + 1, col: rect.col, style: Style.title.bolded)
      field.render(into: &b, row: y + 1, col: rect.col + DisplayWidth.width(of: ql), width: rect.width - DisplayWidth.width(of: ql), style: Style.normal.underlined, focused: true)
    } else if let ed = d.sheet.editor {
      var field = ed.field
      let hint = unitHint(f)
      let hw = DisplayWidth.width(of: hint)
      field.render(into: &b, row: y + 1, col: rect.col + lw, width: max(1, rect.width - lw - hw - 1), style: Style.normal.underlined, focused: true)
      if hw > 0 { b.put(hint, row: y + 1, col: rect.right - hw, style: .muted) }
      if let m = ed.message { b.put(TextLayout.truncate(m, to: rect.width - lw), row: y + 2, col: rect.col + lw, style: Style.error.bolded) }
    } else if let r = current {
      let raw = FieldCodec.value(in: FieldCodec.json(of: r), at: f.pathSegments)
      b.put(TextLayout.truncate(FieldCodec.display(raw, f, language: lang, assessment: d.assessment, mode: s.unitMode), to: rect.width - lw), row: y + 1, col: rect.col + lw)
      let issues = SheetModel.issues(of: r, d.assessment, d.issues)
      if let issue = issues.first {
        let name = issue.path.split(separator: ".").last.map(String.init) ?? ""
        let text = Strings.warningWord(lang) + ": " + name + " — " + issue.message.text(lang)
        b.put(TextLayout.truncate(text, to: rect.width), row: y + 2, col: rect.col, style: .warning)
      } else {
        b.put(TextLayout.truncate(firstSentence(f.help.text(lang)), to: rect.width), row: y + 2, col: rect.col, style: .muted)
      }
    }
  }

  static func isNumeric(_ f: FieldSpec) -> Bool { [.integer, .number, .percent, .quantity, .money, .price, .score].contains(f.kind) }

  /// "t, kg, m³ …" shown beside a quantity editor.
  static func unitHint(_ f: FieldSpec) -> String {
    switch f.kind {
    case .quantity, .money: return f.units.isEmpty ? (f.defaultUnit ?? "") : "[" + f.units.prefix(5).joined(separator: ", ") + "]"
    case .price: return "[" + (f.defaultUnit ?? "VND") + "/" + (f.defaultPerUnit ?? "kg") + "]"
    case .percent: return "%"
    case .date: return "YYYY-MM-DD"
    default: return ""
    }
  }
}
