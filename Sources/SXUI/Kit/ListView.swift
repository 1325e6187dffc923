/// A vertical list of one-line items with a selection and scrolling.
public struct ListView: Hashable, Sendable {
  public var items: [String] {
    didSet { selection.setCount(items.count) }
  }
  public var selection: SelectionState
  public var highlight: SelectionHighlight
  /// Text shown (muted) when there are no items.
  public var emptyText: String

  public init(items: [String] = [], selected: Int = 0, highlight: SelectionHighlight = .marker, emptyText: String = "") {
    self.items = items
    self.selection = SelectionState(count: items.count, selected: selected)
    self.highlight = highlight
    self.emptyText = emptyText
  }

  /// The selected item's index, or nil when the list is empty.
  public var selectedIndex: Int? { items.isEmpty ? nil : selection.selected }

  /// Handles movement keys; returns true when the key was used. `pageSize` is the last
  /// rendered height.
  public mutating func handle(_ key: Key, pageSize: Int) -> Bool {
    selection.handle(key, pageSize: pageSize)
  }

  /// Draws the visible items into `rect`. When `focused` is false the selection is shown muted.
  public mutating func render(into buffer: inout ScreenBuffer, in rect: Rect, focused: Bool = true) {
    guard !rect.isEmpty else { return }
    buffer.fill(rect)
    if items.isEmpty {
      buffer.put(emptyText, row: rect.row, col: rect.col, style: .muted, maxWidth: rect.width)
      return
    }
    selection.scrollToSelection(visibleRows: rect.height)
    let gutter = highlight == .marker ? min(2, rect.width) : 0
    let marker: Character = buffer.asciiOnly ? ">" : "▶"
    let selStyle: Style = focused ? .selected : .muted
    for i in 0..<rect.height {
      let index = selection.offset + i
      guard index < items.count else { break }
      let row = rect.row + i
      let isSelected = index == selection.selected
      let textStyle: Style = (isSelected && highlight == .row) ? selStyle : .normal
      if highlight == .row && isSelected {
        buffer.fill(Rect(row: row, col: rect.col, height: 1, width: rect.width), style: textStyle)
      }
      if gutter > 0 && isSelected {
        buffer.write(Cell(marker, style: selStyle), row: row, col: rect.col)
      }
      buffer.put(TextLayout.truncate(items[index], to: rect.width - gutter), row: row, col: rect.col + gutter, style: textStyle, maxWidth: rect.width - gutter)
    }
    ScrollIndicator.draw(into: &buffer, rect: rect, offset: selection.offset, visible: rect.height, total: items.count)
  }
}

/// Small "more above / more below" arrows in the right column of a scrolled area.
enum ScrollIndicator {
  static func draw(into buffer: inout ScreenBuffer, rect: Rect, offset: Int, visible: Int, total: Int) {
    guard rect.width > 0, rect.height > 0 else { return }
    let col = rect.right - 1
    if offset > 0 {
      buffer.write(Cell(buffer.asciiOnly ? "^" : "↑", style: .muted), row: rect.row, col: col)
    }
    if offset + visible < total {
      buffer.write(Cell(buffer.asciiOnly ? "v" : "↓", style: .muted), row: rect.bottom - 1, col: col)
    }
  }
}
