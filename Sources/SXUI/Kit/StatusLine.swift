/// A one-row status line: a message on the left (coloured by kind) and short context on
/// the right (for example "Đã lưu · 12/40").
public struct StatusLine: Hashable, Sendable {
  /// The kind of message; decides its style.
  public enum Kind: Hashable, Sendable {
    case info, ok, warning, error

    public var style: Style {
      switch self {
      case .info: .bar
      case .ok: .ok
      case .warning: Style.warning.bolded
      case .error: Style.error.bolded
      }
    }
  }

  public var message: String
  public var kind: Kind
  public var right: String

  public init(_ message: String = "", kind: Kind = .info, right: String = "") {
    self.message = message
    self.kind = kind
    self.right = right
  }

  /// Draws the line across `width` columns of `row` (the whole buffer width by default).
  /// The right text wins space first; the message is truncated with "…".
  public func render(into buffer: inout ScreenBuffer, row: Int, col: Int = 0, width: Int? = nil) {
    let w = width ?? (buffer.cols - col)
    guard w > 0 else { return }
    buffer.fill(Rect(row: row, col: col, height: 1, width: w), style: .bar)
    let rightText = TextLayout.truncate(right, to: max(0, w - 1))
    let rw = DisplayWidth.width(of: rightText)
    if rw > 0 { buffer.put(rightText, row: row, col: col + w - rw, style: .bar, maxWidth: rw) }
    let room = w - rw - (rw > 0 ? 1 : 0)
    if room > 0 && !message.isEmpty {
      buffer.put(TextLayout.truncate(message, to: room), row: row, col: col, style: kind.style, maxWidth: room)
    }
  }
}
