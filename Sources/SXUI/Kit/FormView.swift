/// One line of a form: a label, a value (with optional unit) and an optional message
/// shown under the value (validation error, hint).
public struct FormRow: Hashable, Sendable {
  public var label: String
  public var value: String
  public var unit: String?
  public var message: String?
  /// Style of the message line (``Style/error`` by default; ``Style/warning``, ``Style/muted`` for hints).
  public var messageStyle: Style
  /// Read-only rows (computed values) are shown muted and skipped by focus movement.
  public var isReadOnly: Bool

  public init(label: String, value: String = "", unit: String? = nil, message: String? = nil, messageStyle: Style = .error, isReadOnly: Bool = false) {
    self.label = label
    self.value = value
    self.unit = unit
    self.message = message
    self.messageStyle = messageStyle
    self.isReadOnly = isReadOnly
  }
}

/// A vertical form: one field per line, label column, value column, unit, and message
/// lines under fields that have one. Scrolls to keep the focused row visible.
///
/// The screen owns the ``TextField`` editing the focused row and passes it to ``render``;
/// the form draws it (and the cursor) in place of that row's value.
public struct FormView: Hashable, Sendable {
  public var rows: [FormRow]
  /// Index of the focused row, or nil.
  public var focusedIndex: Int?
  /// Width of the label column; nil sizes it to the longest label (at most 40 % of the width).
  public var labelWidth: Int?
  /// First visible row index.
  public private(set) var scrollIndex: Int = 0

  public init(rows: [FormRow] = [], focusedIndex: Int? = nil, labelWidth: Int? = nil) {
    self.rows = rows
    self.focusedIndex = focusedIndex
    self.labelWidth = labelWidth
  }

  /// Moves focus to the next (`by: 1`) or previous (`by: -1`) editable row, wrapping.
  /// Returns the new focused index.
  @discardableResult
  public mutating func moveFocus(by step: Int) -> Int? {
    let editable = rows.indices.filter { !rows[$0].isReadOnly }
    guard !editable.isEmpty else { focusedIndex = nil; return nil }
    guard let current = focusedIndex, let pos = editable.firstIndex(of: current) else {
      focusedIndex = step >= 0 ? editable.first : editable.last
      return focusedIndex
    }
    let n = editable.count
    focusedIndex = editable[((pos + step) % n + n) % n]
    return focusedIndex
  }

  /// Handles Tab / Shift-Tab / ↑ / ↓ as focus movement; returns true when used.
  public mutating func handleFocusKey(_ key: Key) -> Bool {
    switch key {
    case .tab, .down: moveFocus(by: 1)
    case .backTab, .up: moveFocus(by: -1)
    default: return false
    }
    return true
  }

  /// Lines a row takes (1, or 2 with a message).
  private func height(of index: Int) -> Int {
    (rows[index].message?.isEmpty ?? true) ? 1 : 2
  }

  /// Draws the form into `rect`. `editor` (if given) is drawn for the focused row.
  public mutating func render(into buffer: inout ScreenBuffer, in rect: Rect, editor: TextField? = nil) {
    guard !rect.isEmpty else { return }
    buffer.fill(rect)
    let longest = rows.map { DisplayWidth.width(of: $0.label) }.max() ?? 0
    // Numbers are never cut: the label column shrinks (down to 8 cells) to fit the widest numeric value.
    let numeric = rows.filter { $0.value.first.map { $0.isNumber || $0 == "-" } ?? false }
    let widest = numeric.map { DisplayWidth.width(of: $0.value) + ($0.unit.map { DisplayWidth.width(of: $0) + 1 } ?? 0) }.max() ?? 0
    let lw = max(min(8, rect.width / 3), min(labelWidth ?? longest, max(1, rect.width * 2 / 5), rect.width - widest - 3))
    // Keep the focused row (and its message) visible.
    if let f = focusedIndex, f < rows.count {
      if f < scrollIndex { scrollIndex = f }
      while scrollIndex < f && (scrollIndex...f).reduce(0, { $0 + height(of: $1) }) > rect.height { scrollIndex += 1 }
    }
    scrollIndex = min(scrollIndex, max(0, rows.count - 1))
    var y = rect.row
    var index = scrollIndex
    while index < rows.count && y < rect.bottom {
      let row = rows[index]
      let focused = index == focusedIndex
      let labelStyle: Style = focused ? Style.title.bolded : (row.isReadOnly ? .muted : .normal)
      buffer.put(row.label, row: y, col: rect.col, width: lw, alignment: .left, style: labelStyle)
      let valueCol = rect.col + lw + 2
      let unitText = row.unit.map { " " + $0 } ?? ""
      let unitWidth = min(DisplayWidth.width(of: unitText), max(0, rect.right - valueCol - 1))
      let valueWidth = max(0, rect.right - valueCol - unitWidth)
      if valueWidth > 0 {
        if focused, var field = editor {
          field.render(into: &buffer, row: y, col: valueCol, width: valueWidth, style: Style.normal.underlined, focused: true)
        } else {
          buffer.put(TextLayout.truncate(row.value, to: valueWidth), row: y, col: valueCol, style: row.isReadOnly ? .muted : .normal, maxWidth: valueWidth)
        }
      }
      if unitWidth > 0 {
        buffer.put(unitText, row: y, col: valueCol + valueWidth, style: .muted, maxWidth: unitWidth)
      }
      if focused && rect.col + lw + 1 < rect.right {
        buffer.write(Cell(buffer.asciiOnly ? ">" : "▸", style: .title), row: y, col: rect.col + lw + 1)
      }
      y += 1
      if let message = row.message, !message.isEmpty, y < rect.bottom {
        buffer.put(TextLayout.truncate(message, to: max(0, rect.right - valueCol)), row: y, col: valueCol, style: row.messageStyle, maxWidth: max(0, rect.right - valueCol))
        y += 1
      }
      index += 1
    }
  }
}
