import Foundation
import SXUI
import Testing

@Suite("Kit: screen buffer")
struct KitBufferTests {
  @Test func wideCharacterTakesLeadAndContinuationCells() {
    #expect(kitLocaleReady)
    var b = ScreenBuffer(rows: 1, cols: 6)
    let used = b.put("a中b", row: 0, col: 0)
    #expect(used == 4)
    #expect(b[0, 1].text == "中")
    #expect(b[0, 1].width == 2)
    #expect(b[0, 2].isContinuation)
    #expect(b[0, 3].text == "b")
    #expect(b.lineText(0) == "a中b")
  }

  @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
    #expect(kitLocaleReady)
    var b = ScreenBuffer(rows: 2, cols: 6)
    b.put("a中b", row: 0, col: 0)
    b.put("x", row: 0, col: 2)  // the continuation half
    #expect(b.lineText(0) == "a xb")
    #expect(!b[0, 2].isContinuation)
    b.put("中", row: 1, col: 0)
    b.put("y", row: 1, col: 0)  // the lead half
    #expect(b.lineText(1) == "y")
    #expect(!b[1, 1].isContinuation)
  }

  /// Text, Vietnamese text and fills written over one-column cells, over part of a wide character, and clipped.
  @Test func narrowWritesKeepTheWideCharacterRules() {
    #expect(kitLocaleReady)
    var b = ScreenBuffer(rows: 4, cols: 8)
    b.put("中", row: 0, col: 3)
    b.put("ab", row: 0, col: 2)  // ends on the lead half: the continuation is blanked
    #expect(b.lineText(0) == "  ab")
    #expect(b[0, 3].width == 1 && b[0, 4].width == 1 && b[0, 4].text == " ")
    b.put("中", row: 1, col: 1)
    b.fill(Rect(row: 1, col: 2, height: 1, width: 3), with: "─")  // starts on the continuation half
    #expect(b.lineText(1) == "  ───")
    #expect(b[1, 1].width == 1 && b[1, 1].text == " ")
    #expect(b.put("Địa chỉ nhà máy", row: 2, col: -2, maxWidth: 6) == 4)  // clipped on the left and by the width
    #expect(b.lineText(2) == "a ch")
    #expect(b.put("xyz", row: 3, col: 6) == 2)
    #expect(b.lineText(3) == "      xy")
    #expect(b.put("xyz", row: 3, col: 9) == 0)
  }

  @Test func wideCharacterThatDoesNotFitBecomesASpace() {
    #expect(kitLocaleReady)
    var b = ScreenBuffer(rows: 1, cols: 3)
    b.put("ab中", row: 0, col: 0)
    #expect(b.lineText(0) == "ab")
    #expect(b[0, 2].text == " ")
    var c = ScreenBuffer(rows: 1, cols: 10)
    let used = c.put("中文", row: 0, col: 0, maxWidth: 3)
    #expect(used == 3)
    #expect(c.lineText(0) == "中")
  }

  @Test func combiningMarksJoinThePreviousCell() {
    #expect(kitLocaleReady)
    let nfd = "Việt".decomposedStringWithCanonicalMapping
    var b = ScreenBuffer(rows: 1, cols: 8)
    let used = b.put(nfd, row: 0, col: 0)
    #expect(used == 4)
    #expect(b[0, 2].text.unicodeScalars.count == 3)
    #expect(b[0, 3].text == "t")
    #expect(Array(b.lineText(0).utf8) == Array(nfd.utf8))
    // A lone mark cannot own a cell: it is shown on a dotted circle.
    var c = ScreenBuffer(rows: 1, cols: 4)
    c.put("\u{301}x", row: 0, col: 0)
    #expect(c[0, 0].text == "\u{25CC}\u{301}")
    #expect(c.lineText(0) == "\u{25CC}\u{301}x")
  }

  @Test func controlCharactersNeverReachTheBuffer() {
    var b = ScreenBuffer(rows: 1, cols: 20)
    b.put("x\u{1B}]0;PWNED\u{7}y", row: 0, col: 0)
    #expect(!b.lineText(0).unicodeScalars.contains { $0.value < 0x20 })
    #expect(b.lineText(0).hasPrefix("x\u{FFFD}]0;PWNED\u{FFFD}y"))
  }

  @Test func putClipsAtBufferEdgesAndNegativeColumns() {
    var b = ScreenBuffer(rows: 1, cols: 5)
    #expect(b.put("abcdefgh", row: 0, col: 2) == 3)
    #expect(b.lineText(0) == "  abc")
    b.put("XYZ", row: 0, col: -2)
    #expect(b.lineText(0) == "Z abc")
    #expect(b.put("q", row: 3, col: 0) == 0)
  }

  @Test func boxesInUnicodeAndASCII() {
    var b = ScreenBuffer(rows: 4, cols: 12)
    b.drawBox(b.bounds, title: "Lò hơi")
    b.put("Hơi 8 bar", row: 1, col: 1)
    #expect(b.snapshotLines() == ["┌ Lò hơi ──┐", "│Hơi 8 bar │", "│          │", "└──────────┘"])
    var a = ScreenBuffer(rows: 3, cols: 6, asciiOnly: true)
    a.drawBox(a.bounds)
    #expect(a.snapshotLines() == ["+----+", "|    |", "+----+"])
  }

  @Test func styleMapMarksRolesAndEmphasis() {
    var b = ScreenBuffer(rows: 1, cols: 6)
    b.put("ab", row: 0, col: 0, style: .header)
    b.put("c", row: 0, col: 3, style: Style.error.bolded)
    #expect(b.styleMapLines() == ["hh.E"])
  }
}
