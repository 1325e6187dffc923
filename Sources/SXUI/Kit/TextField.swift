import Foundation

/// A one-line text editor that edits by `Character` (grapheme cluster).
///
/// * Backspace and Delete remove exactly one `Character`, so "ệ" typed as NFC (U+1EC7) or
///   as NFD (e + U+0323 + U+0302, arriving as three separate keys) disappears with one
///   Backspace. This keeps fake-backspace IMEs (Unikey, bamboo) in step with the field.
/// * Combining marks typed after a letter join that letter.
/// * The cursor column is the sum of display widths before the insertion point; the view
///   scrolls horizontally to keep the cursor visible.
/// * ``committedText`` is NFC: normalise at the boundary where text leaves the field.
/// * Plain letters are always text here: the field never treats them as commands.
public struct TextField: Hashable, Sendable {
  /// What a key did to the field.
  public enum Outcome: Hashable, Sendable {
    /// The text changed.
    case edited
    /// Only the cursor moved.
    case moved
    /// The key is not for the field (Enter, Esc, Tab, arrows up/down, F-keys …).
    case ignored
  }

  public private(set) var characters: [Character]
  /// Insertion point, as an index into ``characters`` (0…count).
  public private(set) var cursorIndex: Int
  /// Index of the first visible character (horizontal scrolling).
  public private(set) var scrollIndex: Int = 0
  /// Maximum number of characters accepted (nil: unlimited).
  public var maxLength: Int?

  public init(_ text: String = "", maxLength: Int? = nil) {
    let clean = TextField.singleLine(text)
    self.characters = Array(clean)
    self.maxLength = maxLength
    if let maxLength, characters.count > maxLength { characters.removeLast(characters.count - maxLength) }
    self.cursorIndex = characters.count
  }

  /// The current text (as typed; may contain NFD).
  public var text: String { String(characters) }
  /// The text normalised to NFC, for storing or comparing.
  public var committedText: String { text.precomposedStringWithCanonicalMapping }
  /// True when the field is empty.
  public var isEmpty: Bool { characters.isEmpty }
  /// Display columns between the start of the text and the cursor.
  public var cursorColumn: Int { DisplayWidth.width(of: String(characters[0..<cursorIndex])) }

  /// Replaces the whole text and puts the cursor at the end.
  public mutating func setText(_ text: String) {
    self = TextField(text, maxLength: maxLength)
  }

  /// Inserts text at the cursor. Newlines and tabs become spaces; other controls are dropped.
  public mutating func insert(_ text: String) {
    let clean = TextField.singleLine(text)
    guard !clean.isEmpty else { return }
    let before = String(characters[0..<cursorIndex]) + clean
    let after = String(characters[cursorIndex...])
    var newBefore = Array(before)
    if let maxLength {
      let room = maxLength - (characters.count - cursorIndex)
      if newBefore.count > room {
        // Keep what fits; a combining mark still joins the previous letter (same count).
        newBefore = Array(newBefore.prefix(max(room, cursorIndex)))
      }
    }
    let all = Array(String(newBefore) + after)
    characters = all
    cursorIndex = min(newBefore.count, all.count)
  }

  /// Applies an editing key. Returns what happened.
  @discardableResult
  public mutating func handle(_ key: Key) -> Outcome {
    switch key {
    case .char(let c):
      let before = characters
      insert(String(c))
      return characters == before ? .ignored : .edited
    case .backspace, .ctrl("h"):
      guard cursorIndex > 0 else { return .moved }
      characters.remove(at: cursorIndex - 1)
      cursorIndex -= 1
      return .edited
    case .delete, .ctrl("d"):
      guard cursorIndex < characters.count else { return .moved }
      characters.remove(at: cursorIndex)
      return .edited
    case .left, .ctrl("b"):
      if cursorIndex > 0 { cursorIndex -= 1 }
      return .moved
    case .right, .ctrl("f"):
      if cursorIndex < characters.count { cursorIndex += 1 }
      return .moved
    case .home, .ctrl("a"):
      cursorIndex = 0
      return .moved
    case .end, .ctrl("e"):
      cursorIndex = characters.count
      return .moved
    case .ctrl("u"):
      guard !characters.isEmpty else { return .moved }
      characters.removeAll()
      cursorIndex = 0
      scrollIndex = 0
      return .edited
    case .ctrl("k"):
      guard cursorIndex < characters.count else { return .moved }
      characters.removeSubrange(cursorIndex...)
      return .edited
    case .ctrl("w"):
      // Delete the word before the cursor (spaces first, then non-spaces).
      var i = cursorIndex
      while i > 0 && characters[i - 1] == " " { i -= 1 }
      while i > 0 && characters[i - 1] != " " { i -= 1 }
      guard i < cursorIndex else { return .moved }
      characters.removeSubrange(i..<cursorIndex)
      cursorIndex = i
      return .edited
    default:
      return .ignored
    }
  }

  /// Applies an input event: keys via ``handle(_:)``, pastes via ``insert(_:)``.
  @discardableResult
  public mutating func handle(_ event: InputEvent) -> Outcome {
    switch event {
    case .key(let k): return handle(k)
    case .paste(let s):
      let before = characters
      insert(s)
      return characters == before ? .ignored : .edited
    case .resize, .mouse: return .ignored
    }
  }

  /// Adjusts ``scrollIndex`` so the cursor is visible in a view `width` columns wide.
  public mutating func scrollToCursor(width: Int) {
    guard width > 0 else { return }
    if cursorIndex < scrollIndex { scrollIndex = cursorIndex }
    // Keep one column for the cursor itself when it sits at the end.
    while scrollIndex < cursorIndex {
      let visible = DisplayWidth.width(of: String(characters[scrollIndex..<cursorIndex]))
      let cursorCell = cursorIndex < characters.count ? DisplayWidth.width(of: characters[cursorIndex]) : 1
      if visible + max(cursorCell, 1) <= width { break }
      scrollIndex += 1
    }
  }

  /// Draws the field into `buffer` at (row, col), `width` columns wide, in `style`
  /// (padding with spaces). When `focused`, scrolls to the cursor and sets
  /// `buffer.cursor`; otherwise shows the start of the text, truncated with "…".
  public mutating func render(into buffer: inout ScreenBuffer, row: Int, col: Int, width: Int, style: Style = .normal, focused: Bool) {
    guard width > 0 else { return }
    buffer.fill(Rect(row: row, col: col, height: 1, width: width), style: style)
    if !focused {
      buffer.put(TextLayout.truncate(text, to: width), row: row, col: col, style: style, maxWidth: width)
      return
    }
    scrollToCursor(width: width)
    let visible = String(characters[scrollIndex...])
    buffer.put(visible, row: row, col: col, style: style, maxWidth: width)
    let x = DisplayWidth.width(of: String(characters[scrollIndex..<cursorIndex]))
    buffer.cursor = CursorPosition(row: row, col: col + min(x, width - 1))
  }

  private static func singleLine(_ text: String) -> String {
    var out = ""
    for ch in text {
      if ch == "\n" || ch == "\r\n" || ch == "\r" || ch == "\t" {
        out.append(" ")
      } else if let first = ch.unicodeScalars.first, DisplayWidth.isControl(first) {
        continue
      } else {
        out.append(ch)
      }
    }
    return out
  }
}
