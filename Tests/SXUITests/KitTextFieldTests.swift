import Foundation
import SXUI
import Testing

@Suite("Kit: text field")
struct KitTextFieldTests {
  /// Types `text` one scalar at a time, as get_wch delivers it.
  private func typeScalars(_ text: String, into field: inout TextField) {
    for s in text.unicodeScalars { field.handle(.char(Character(s))) }
  }

  @Test func backspaceDeletesOneCharacterOfNFDInput() {
    #expect(kitLocaleReady)
    var f = TextField()
    typeScalars("Việt".decomposedStringWithCanonicalMapping, into: &f)
    #expect(f.characters.count == 4)
    #expect(f.cursorColumn == 4)
    f.handle(.left)
    check(f.handle(.backspace) == .edited)
    #expect(f.text == "Vit")
    #expect(f.text.unicodeScalars.count == 3)
  }

  @Test func backspaceDeletesOneCharacterOfNFCInput() {
    var f = TextField("Việt")
    f.handle(.left)
    f.handle(.backspace)
    #expect(Array(f.text.unicodeScalars) == Array("Vit".unicodeScalars))
  }

  @Test func combiningMarkJoinsLetterBeforeCursorInTheMiddle() {
    var f = TextField("Vit")
    f.handle(.left)
    typeScalars("e\u{323}\u{302}", into: &f)
    #expect(f.text == "Việt")
    #expect(f.characters.count == 4)
    #expect(f.cursorIndex == 3)
  }

  @Test func commitNormalisesToNFC() {
    var f = TextField()
    typeScalars("Nhà máy".decomposedStringWithCanonicalMapping, into: &f)
    #expect(Array(f.committedText.utf8) == Array("Nhà máy".precomposedStringWithCanonicalMapping.utf8))
    #expect(Array(f.text.utf8) != Array(f.committedText.utf8))
  }

  @Test func editingKeys() {
    var f = TextField("abc")
    check(f.handle(.home) == .moved)
    check(f.handle(.delete) == .edited)
    #expect(f.text == "bc")
    f.handle(.end)
    f.handle(.char("d"))
    #expect(f.text == "bcd")
    f.handle(.left)
    f.handle(.ctrl("k"))
    #expect(f.text == "bc")
    f.insert("x y")
    f.handle(.ctrl("w"))
    #expect(f.text == "bcx ")
    check(f.handle(.ctrl("u")) == .edited)
    #expect(f.isEmpty)
    check(f.handle(.enter) == .ignored)
    check(f.handle(.escape) == .ignored)
    check(f.handle(.backspace) == .moved)
  }

  @Test func pasteAndControlsAreSingleLine() {
    var f = TextField()
    f.handle(.paste("Lò\nhơi\u{1B}"))
    #expect(f.text == "Lò hơi")
  }

  @Test func maxLengthLimitsCharacters() {
    var f = TextField(maxLength: 3)
    f.insert("Việt Nam")
    #expect(f.text == "Việ")
    check(f.handle(.char("x")) == .ignored)
  }

  @Test func cursorColumnCountsWideCharacters() {
    #expect(kitLocaleReady)
    var f = TextField("中文a")
    #expect(f.cursorColumn == 5)
    f.handle(.left)
    #expect(f.cursorColumn == 4)
  }

  @Test func horizontalScrollingKeepsCursorVisible() {
    #expect(kitLocaleReady)
    var f = TextField("Công ty TNHH Dệt may Thành Công")
    var b = ScreenBuffer(rows: 1, cols: 12)
    f.render(into: &b, row: 0, col: 0, width: 10, focused: true)
    #expect(b.cursor == CursorPosition(row: 0, col: 9))
    #expect(b.lineText(0) == "hành Công")
    f.handle(.home)
    f.render(into: &b, row: 0, col: 0, width: 10, focused: true)
    #expect(b.cursor == CursorPosition(row: 0, col: 0))
    #expect(b.lineText(0) == "Công ty TN")
    var unfocused = TextField("Công ty TNHH Dệt may")
    var c = ScreenBuffer(rows: 1, cols: 10)
    unfocused.render(into: &c, row: 0, col: 0, width: 10, focused: false)
    #expect(c.lineText(0) == "Công ty T…")
    #expect(c.cursor == nil)
  }
}
