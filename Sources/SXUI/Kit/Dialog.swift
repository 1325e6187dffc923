/// A modal box centred on the screen with a title, a wrapped message and buttons.
///
/// Keys: ←/→ or Tab/Shift-Tab choose a button, Enter chooses it, Esc cancels.
public struct Dialog: Hashable, Sendable {
  /// What the user did.
  public enum Result: Hashable, Sendable {
    case button(Int)
    case cancelled
  }

  public var title: String
  public var message: String
  public var buttons: [String]
  public var selectedButton: Int
  /// Frame and title role (for example ``Style/warning`` for destructive questions).
  public var frameStyle: Style
  /// Maximum width of the box in columns.
  public var maxWidth: Int

  public init(title: String, message: String, buttons: [String], selectedButton: Int = 0, frameStyle: Style = .title, maxWidth: Int = 60) {
    self.title = title
    self.message = message
    self.buttons = buttons
    self.selectedButton = buttons.isEmpty ? 0 : min(max(0, selectedButton), buttons.count - 1)
    self.frameStyle = frameStyle
    self.maxWidth = maxWidth
  }

  /// Handles a key; returns a result when the dialog is finished.
  public mutating func handle(_ key: Key) -> Result? {
    switch key {
    case .escape: return .cancelled
    case .enter: return buttons.isEmpty ? .cancelled : .button(selectedButton)
    case .left, .backTab:
      if !buttons.isEmpty { selectedButton = (selectedButton + buttons.count - 1) % buttons.count }
    case .right, .tab:
      if !buttons.isEmpty { selectedButton = (selectedButton + 1) % buttons.count }
    default: break
    }
    return nil
  }

  /// The rectangle the dialog occupies inside `bounds`.
  public func frame(in bounds: Rect) -> Rect {
    let buttonsWidth = buttons.reduce(0) { $0 + DisplayWidth.width(of: $1) + 4 } + max(0, buttons.count - 1) * 2
    let longest = message.split(separator: "\n").map { DisplayWidth.width(of: $0) }.max() ?? 0
    let inner = min(max(longest, buttonsWidth, DisplayWidth.width(of: title) + 2, 20), min(maxWidth, bounds.width) - 4)
    let lines = TextLayout.wrap(message, width: max(1, inner))
    let height = lines.count + 4 + (buttons.isEmpty ? 0 : 1)
    return bounds.centered(height: height, width: inner + 4)
  }

  /// Draws the dialog centred in `bounds` (the whole buffer by default).
  public func render(into buffer: inout ScreenBuffer, in bounds: Rect? = nil) {
    let box = frame(in: bounds ?? buffer.bounds)
    guard box.width >= 4, box.height >= 3 else { return }
    buffer.fill(box)
    buffer.drawBox(box, style: frameStyle, title: title, titleStyle: frameStyle.bolded)
    let inner = box.width - 4
    let lines = TextLayout.wrap(message, width: max(1, inner))
    for (i, line) in lines.enumerated() where box.row + 2 + i < box.bottom - 1 {
      buffer.put(line, row: box.row + 2 + i, col: box.col + 2, maxWidth: inner)
    }
    guard !buttons.isEmpty else { return }
    let labels = buttons.map { "[ " + $0 + " ]" }
    let total = labels.reduce(0) { $0 + DisplayWidth.width(of: $1) } + (labels.count - 1) * 2
    var x = box.col + 2 + max(0, (inner - total) / 2)
    let y = box.bottom - 2
    for (i, label) in labels.enumerated() {
      let style: Style = i == selectedButton ? Style.selected.bolded : .normal
      x += buffer.put(label, row: y, col: x, style: style, maxWidth: box.right - 2 - x) + 2
    }
  }
}
