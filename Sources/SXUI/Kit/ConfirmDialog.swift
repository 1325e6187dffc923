import SXCore

/// A yes/no question. "No" is selected by default, so a stray Enter never destroys data.
///
/// Keys: Enter answers the selected button; Esc answers no; `c`/`y` answer yes and
/// `k`/`n` answer no (Vietnamese "Có"/"Không", English "Yes"/"No").
public struct ConfirmDialog: Hashable, Sendable {
  public var dialog: Dialog

  public init(title: String, message: String, language: Language, defaultYes: Bool = false, frameStyle: Style = .warning) {
    let yes = language == .vi ? "Có" : "Yes"
    let no = language == .vi ? "Không" : "No"
    dialog = Dialog(title: title, message: message, buttons: [yes, no], selectedButton: defaultYes ? 0 : 1, frameStyle: frameStyle)
  }

  /// Handles a key; returns true (yes) or false (no / cancelled) when answered.
  public mutating func handle(_ key: Key) -> Bool? {
    switch key {
    case .char("y"), .char("Y"), .char("c"), .char("C"): return true
    case .char("n"), .char("N"), .char("k"), .char("K"): return false
    default: break
    }
    switch dialog.handle(key) {
    case .button(let i): return i == 0
    case .cancelled: return false
    case nil: return nil
    }
  }

  /// Draws the dialog centred in `bounds` (the whole buffer by default).
  public func render(into buffer: inout ScreenBuffer, in bounds: Rect? = nil) {
    dialog.render(into: &buffer, in: bounds)
  }
}
