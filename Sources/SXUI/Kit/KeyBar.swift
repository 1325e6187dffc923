/// The bottom bar listing the keys that work on the current screen (htop's FunctionBar):
/// each key name in the ``Style/key`` role followed by its label in the ``Style/bar`` role.
/// Items that do not fit are dropped from the right; the rest of the row is bar-coloured.
public struct KeyBar: Hashable, Sendable {
  /// One key and what it does.
  public struct Item: Hashable, Sendable {
    public var key: String
    public var label: String
    public init(key: String, label: String) {
      self.key = key
      self.label = label
    }
    /// An item named from a ``Key`` ("F2", "^S", "Esc" …).
    public init(_ key: Key, _ label: String, asciiOnly: Bool = false) {
      self.key = key.label(asciiOnly: asciiOnly)
      self.label = label
    }
  }

  public var items: [Item]
  /// Minimum label width (htop pads labels so keys line up); 0 for compact.
  public var minimumLabelWidth: Int

  public init(_ items: [Item], minimumLabelWidth: Int = 0) {
    self.items = items
    self.minimumLabelWidth = minimumLabelWidth
  }

  /// Draws the bar on `row` across the buffer width.
  public func render(into buffer: inout ScreenBuffer, row: Int, col: Int = 0, width: Int? = nil) {
    let w = width ?? (buffer.cols - col)
    guard w > 0 else { return }
    buffer.fill(Rect(row: row, col: col, height: 1, width: w), style: .bar)
    var x = col
    let end = col + w
    for item in items {
      let label = TextLayout.pad(item.label, to: max(minimumLabelWidth, DisplayWidth.width(of: item.label))) + " "
      let need = DisplayWidth.width(of: item.key) + DisplayWidth.width(of: label)
      guard x + need <= end else { break }
      x += buffer.put(item.key, row: row, col: x, style: .key, maxWidth: end - x)
      x += buffer.put(label, row: row, col: x, style: .bar, maxWidth: end - x)
    }
  }
}
