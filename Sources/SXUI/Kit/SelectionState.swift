/// The selected index and scroll offset of a vertical list of `count` items.
///
/// Shared by ``ListView`` and ``TableView``. Keys: ↑/↓ (and `k`/`j` when `vimKeys`),
/// PgUp/PgDn, Home/End.
public struct SelectionState: Hashable, Sendable {
  public private(set) var count: Int
  /// The selected index (0 when empty).
  public private(set) var selected: Int
  /// The first visible index.
  public private(set) var offset: Int

  public init(count: Int = 0, selected: Int = 0) {
    self.count = max(0, count)
    self.selected = 0
    self.offset = 0
    select(selected)
  }

  /// True when there is nothing to select.
  public var isEmpty: Bool { count == 0 }

  /// Changes the number of items, keeping the selection in range.
  public mutating func setCount(_ n: Int) {
    count = max(0, n)
    select(selected)
    if offset > selected { offset = selected }
  }

  /// Selects `index` (clamped).
  public mutating func select(_ index: Int) {
    selected = count == 0 ? 0 : min(max(0, index), count - 1)
  }

  /// Moves the selection and returns true when the key was a movement key.
  public mutating func handle(_ key: Key, pageSize: Int, vimKeys: Bool = true) -> Bool {
    let page = max(1, pageSize)
    switch key {
    case .up: select(selected - 1)
    case .down: select(selected + 1)
    case .char("k") where vimKeys: select(selected - 1)
    case .char("j") where vimKeys: select(selected + 1)
    case .pageUp: select(selected - page)
    case .pageDown: select(selected + page)
    case .home: select(0)
    case .end: select(count - 1)
    default: return false
    }
    return true
  }

  /// Adjusts ``offset`` so the selection is inside a window of `visibleRows` rows.
  public mutating func scrollToSelection(visibleRows: Int) {
    let h = max(1, visibleRows)
    if selected < offset { offset = selected }
    if selected >= offset + h { offset = selected - h + 1 }
    offset = max(0, min(offset, max(0, count - h)))
  }
}

/// How a list or table shows its selected row.
///
/// `.marker` (the default) draws a "▶" gutter in the selected style and leaves the row text
/// alone. Moving the cursor one row then rewrites two cells instead of two whole rows,
/// which keeps the output per keystroke under 64 bytes (friendly over SSH). `.row`
/// highlights the whole row.
public enum SelectionHighlight: Hashable, Sendable {
  case marker
  case row
}
