/// A key press, independent of the terminal library.
public enum Key: Hashable, Sendable {
  /// A printable character (may carry combining marks).
  case char(Character)
  case up, down, left, right
  case home, end, pageUp, pageDown
  case tab, backTab, enter, escape, backspace, delete, insert
  /// Function key F1…F24.
  case f(Int)
  /// Control chord with a lower-case letter ("a"…"z") or one of " \\]^_".
  case ctrl(Character)
  /// Alt (Meta) chord: ESC followed quickly by a character.
  case alt(Character)
  /// Alt-↑/↓ and Ctrl-↑/↓ (xterm `ESC [1;3A`, `ESC [1;5B`; terminfo `kUP3`, `kDN5`): move a row.
  case altUp, altDown, ctrlUp, ctrlDown

  /// A short name for key bars and help: "F2", "Enter", "^S", "Alt-x", "↑".
  public func label(asciiOnly: Bool = false) -> String {
    switch self {
    case .char(" "): return "Space"
    case .char(let c): return String(c)
    case .up: return asciiOnly ? "Up" : "↑"
    case .down: return asciiOnly ? "Down" : "↓"
    case .left: return asciiOnly ? "Left" : "←"
    case .right: return asciiOnly ? "Right" : "→"
    case .home: return "Home"
    case .end: return "End"
    case .pageUp: return "PgUp"
    case .pageDown: return "PgDn"
    case .tab: return "Tab"
    case .backTab: return "S-Tab"
    case .enter: return "Enter"
    case .escape: return "Esc"
    case .backspace: return "Bksp"
    case .delete: return "Del"
    case .insert: return "Ins"
    case .f(let n): return "F\(n)"
    case .ctrl(let c): return "^" + String(c).uppercased()
    case .alt(let c): return "Alt-" + String(c)
    case .altUp: return asciiOnly ? "Alt-Up" : "Alt-↑"
    case .altDown: return asciiOnly ? "Alt-Down" : "Alt-↓"
    case .ctrlUp: return asciiOnly ? "Ctrl-Up" : "Ctrl-↑"
    case .ctrlDown: return asciiOnly ? "Ctrl-Down" : "Ctrl-↓"
    }
  }

  /// The key for a control byte 0x00–0x1F or DEL, following terminal conventions:
  /// 0x7F and 0x08 are Backspace, 0x09 Tab, 0x0D and 0x0A Enter, 0x1B Escape.
  public static func fromControl(_ value: UInt32) -> Key? {
    switch value {
    case 0x7F, 0x08: return .backspace
    case 0x09: return .tab
    case 0x0A, 0x0D: return .enter
    case 0x1B: return .escape
    case 0x00: return .ctrl(" ")
    case 0x01...0x1A:
      guard let scalar = Unicode.Scalar(value + 0x60) else { return nil }
      return .ctrl(Character(scalar))
    case 0x1C: return .ctrl("\\")
    case 0x1D: return .ctrl("]")
    case 0x1E: return .ctrl("^")
    case 0x1F: return .ctrl("_")
    default: return nil
    }
  }
}

/// A mouse action (only delivered when mouse support is enabled in the session).
public struct MouseEvent: Hashable, Sendable {
  public enum Kind: Hashable, Sendable {
    case press(button: Int)
    case release(button: Int)
    case click(button: Int)
    case doubleClick(button: Int)
    case scrollUp, scrollDown
  }
  public var kind: Kind
  public var row: Int
  public var col: Int
  public init(kind: Kind, row: Int, col: Int) {
    self.kind = kind
    self.row = row
    self.col = col
  }
}

/// Everything the event loop can receive from the terminal.
public enum InputEvent: Hashable, Sendable {
  case key(Key)
  /// Text pasted while bracketed paste was on: insert literally, never interpret as commands.
  case paste(String)
  /// The terminal now has this size; re-layout and redraw everything.
  case resize(rows: Int, cols: Int)
  case mouse(MouseEvent)
}
