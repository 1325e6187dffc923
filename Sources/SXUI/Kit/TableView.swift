/// One column of a ``TableView``.
public struct TableColumn: Hashable, Sendable {
  /// How wide a column wants to be.
  public enum Width: Hashable, Sendable {
    /// Exactly `n` columns.
    case fixed(Int)
    /// As wide as its widest cell (title included), between `min` and `max`.
    case fit(min: Int, max: Int)
    /// At least `min`; shares the remaining width with other flexible columns by `weight`.
    case flexible(min: Int, weight: Int)
  }

  public var title: String
  public var width: Width
  public var alignment: TextAlignment

  public init(_ title: String, width: Width = .fit(min: 3, max: 40), alignment: TextAlignment = .left) {
    self.title = title
    self.width = width
    self.alignment = alignment
  }
}

/// A table with a frozen header, an optional footer (totals), a selected row, scrolling and
/// truncation with "…". Columns that do not fit the width are narrowed, then dropped from
/// the right.
public struct TableView: Hashable, Sendable {
  public var columns: [TableColumn]
  public var rows: [[String]] {
    didSet { selection.setCount(rows.count) }
  }
  /// A totals row drawn under the data, above nothing else; nil for none.
  public var footer: [String]?
  public var selection: SelectionState
  public var highlight: SelectionHighlight
  /// Spaces between columns.
  public var columnGap: Int
  /// Style overrides for some rows (for example warnings), by row index.
  public var rowStyles: [Int: Style]
  /// Text shown (muted) under the header when there are no rows.
  public var emptyText: String
  /// Set when `rows` holds only the rows on screen of a longer list: where they start and how many there are
  /// in all (for the scroll arrows). The selection is then an index into `rows`.
  public var window: Window?

  /// The rows on screen of a longer list.
  public struct Window: Hashable, Sendable {
    public var offset: Int
    public var total: Int
    public init(offset: Int, total: Int) {
      self.offset = offset
      self.total = total
    }
  }

  public init(
    columns: [TableColumn], rows: [[String]] = [], footer: [String]? = nil, selected: Int = 0,
    highlight: SelectionHighlight = .marker, columnGap: Int = 1, emptyText: String = ""
  ) {
    self.columns = columns
    self.rows = rows
    self.footer = footer
    self.selection = SelectionState(count: rows.count, selected: selected)
    self.highlight = highlight
    self.columnGap = max(0, columnGap)
    self.rowStyles = [:]
    self.emptyText = emptyText
  }

  /// The selected row index, or nil when empty.
  public var selectedIndex: Int? { rows.isEmpty ? nil : selection.selected }

  /// Handles movement keys; returns true when used. `pageSize` is the visible row count.
  public mutating func handle(_ key: Key, pageSize: Int) -> Bool {
    selection.handle(key, pageSize: pageSize)
  }

  /// Width of the selection gutter for the current highlight mode.
  public var gutterWidth: Int { highlight == .marker ? 2 : 0 }

  /// Column widths for `available` columns of screen (gutter excluded). A width of 0 means
  /// the column is hidden.
  public func columnWidths(available: Int) -> [Int] {
    guard !columns.isEmpty else { return [] }
    var widths: [Int] = columns.enumerated().map { index, column in
      switch column.width {
      case .fixed(let n): return max(0, n)
      case .flexible(let minWidth, _): return max(1, minWidth)
      case .fit(let minWidth, let maxWidth):
        var w = DisplayWidth.width(of: column.title)
        for row in rows where index < row.count { w = max(w, DisplayWidth.width(of: row[index])) }
        if let footer, index < footer.count { w = max(w, DisplayWidth.width(of: footer[index])) }
        return min(max(w, minWidth), max(minWidth, maxWidth))
      }
    }
    func total(_ ws: [Int]) -> Int {
      let shown = ws.filter { $0 > 0 }
      return shown.reduce(0, +) + max(0, shown.count - 1) * columnGap
    }
    var extra = available - total(widths)
    if extra > 0 {
      // Share the rest among flexible columns by weight.
      let flex = columns.enumerated().compactMap { i, c -> (Int, Int)? in
        if case .flexible(_, let weight) = c.width { return (i, max(1, weight)) }
        return nil
      }
      let weightSum = flex.reduce(0) { $0 + $1.1 }
      if weightSum > 0 {
        var given = 0
        for (n, (i, weight)) in flex.enumerated() {
          let share = n == flex.count - 1 ? extra - given : extra * weight / weightSum
          widths[i] += share
          given += share
        }
      }
      extra = 0
    }
    // Too wide: narrow fit/flexible columns (down to 3), then hide columns from the right.
    var over = total(widths) - available
    if over > 0 {
      for i in widths.indices.reversed() where over > 0 {
        if case .fixed = columns[i].width { continue }
        let cut = min(over, max(0, widths[i] - 3))
        widths[i] -= cut
        over -= cut
      }
    }
    var i = widths.count - 1
    while total(widths) > available && i > 0 {
      widths[i] = 0
      i -= 1
    }
    if total(widths) > available { widths[0] = max(0, available) }
    return widths
  }

  /// Draws header, visible rows and footer inside `rect`.
  public mutating func render(into buffer: inout ScreenBuffer, in rect: Rect, focused: Bool = true) {
    guard !rect.isEmpty else { return }
    buffer.fill(rect)
    let gutter = min(gutterWidth, rect.width)
    // The scroll indicator gets its own column, so it never covers the last cell (numbers are never cut).
    let total = window.map { max($0.total, rows.count) } ?? rows.count
    let scrolls = total > max(0, rect.height - 1 - (footer == nil ? 0 : 1))
    let widths = columnWidths(available: rect.width - gutter - (scrolls ? 1 : 0))
    // Header.
    drawRow(columns.map(\.title), widths: widths, into: &buffer, row: rect.row, col: rect.col + gutter, width: rect.width - gutter, style: .header)
    buffer.setStyle(.header, in: Rect(row: rect.row, col: rect.col, height: 1, width: gutter))
    let footerRows = footer == nil ? 0 : 1
    let bodyHeight = max(0, rect.height - 1 - footerRows)
    let bodyTop = rect.row + 1
    if rows.isEmpty {
      if bodyHeight > 0 { buffer.put(emptyText, row: bodyTop, col: rect.col + gutter, style: .muted, maxWidth: rect.width - gutter) }
    } else if bodyHeight > 0 {
      selection.scrollToSelection(visibleRows: bodyHeight)
      let marker: Character = buffer.asciiOnly ? ">" : "▶"
      let selStyle: Style = focused ? .selected : .muted
      for i in 0..<bodyHeight {
        let index = selection.offset + i
        guard index < rows.count else { break }
        let row = bodyTop + i
        let isSelected = index == selection.selected
        var style = rowStyles[index] ?? .normal
        if isSelected && highlight == .row {
          style = selStyle
          buffer.fill(Rect(row: row, col: rect.col, height: 1, width: rect.width), style: style)
        }
        drawRow(rows[index], widths: widths, into: &buffer, row: row, col: rect.col + gutter, width: rect.width - gutter, style: style)
        if isSelected && gutter > 0 { buffer.write(Cell(marker, style: selStyle), row: row, col: rect.col) }
      }
      ScrollIndicator.draw(
        into: &buffer, rect: Rect(row: bodyTop, col: rect.col, height: bodyHeight, width: rect.width), offset: (window?.offset ?? 0) + selection.offset,
        visible: bodyHeight, total: total)
    }
    if let footer, rect.height >= 2 {
      let row = rect.bottom - 1
      drawRow(footer, widths: widths, into: &buffer, row: row, col: rect.col + gutter, width: rect.width - gutter, style: Style.header.bolded)
    }
  }

  private func drawRow(_ values: [String], widths: [Int], into buffer: inout ScreenBuffer, row: Int, col: Int, width: Int, style: Style) {
    var x = col
    let end = col + width
    var first = true
    for (i, w) in widths.enumerated() where w > 0 {
      if !first { x += columnGap }
      first = false
      guard x < end else { break }
      let value = i < values.count ? values[i] : ""
      let cw = min(w, end - x)
      buffer.put(value, row: row, col: x, width: cw, alignment: columns[i].alignment, style: style)
      x += w
    }
    if style != .normal {
      // Continue the row's style across gaps and padding (header bar, highlighted rows).
      buffer.setStyle(style, in: Rect(row: row, col: col, height: 1, width: width))
    }
  }
}
