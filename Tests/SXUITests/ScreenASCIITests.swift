import Foundation
import SXCore
import Testing

@testable import SXUI

/// ASCII mode (`SXSH_ASCII=1`): no symbol outside ASCII and Latin-1 reaches the screen; letters of any script (the
/// plant's Vietnamese data) stay as they are.
@Suite struct ScreenASCIITests {
  /// Shown as it is in ASCII mode, judged by Unicode's own properties: ASCII, Latin-1, a letter (alphabetic), a
  /// number, or a combining mark.
  static func allowed(_ s: Unicode.Scalar) -> Bool {
    if s.value < 0x80 || (0xA0...0xFF).contains(s.value) { return true }
    if s.properties.isAlphabetic || s.properties.numericType != nil { return true }
    return [.nonspacingMark, .spacingMark, .enclosingMark].contains(s.properties.generalCategory)
  }

  static func symbols(_ b: ScreenBuffer) -> Set<Character> {
    var out = Set<Character>()
    for r in 0..<b.rows {
      for c in 0..<b.cols where !b[r, c].text.unicodeScalars.allSatisfy(allowed) {
        out.insert(b[r, c].text.first ?? " ")
      }
    }
    return out
  }

  /// Every screen of the snapshot scripts, both languages, 80×24: without ASCII mode the screens do show symbols
  /// (arrows, boxes, ellipses: the check can fail), with it none is left, and the frame keeps its size.
  @Test(arguments: [Language.vi, Language.en])
  func everyScreenIsASCIIApartFromLetters(language: Language) throws {
    var seenWithout = Set<Character>()
    for (name, keys) in ScreenSnapshotTests.scripts {
      let (plain, _) = try ScreenFixture.driver(language: language)
      plain.send(keys)
      seenWithout.formUnion(Self.symbols(plain.render()))
      let (ascii, _) = try ScreenFixture.driver(language: language, asciiOnly: true)
      ascii.send(keys)
      let frame = ascii.render()
      #expect(Self.symbols(frame).isEmpty, "\(name) (\(language.rawValue)): \(Self.symbols(frame).sorted())")
      #expect(frame.rows == 24 && frame.cols == 80)
      // The demo's Vietnamese name is still there, letter for letter.
      if name == "Profile" { #expect(frame.snapshotText().contains("Sông Hương")) }
    }
    #expect(seenWithout.isSuperset(of: ["↑", "…"]), "\(seenWithout.sorted())")
  }

  @Test func foldKeepsColumnsAndLetters() {
    _ = kitLocaleReady
    var b = ScreenBuffer(rows: 1, cols: 24, asciiOnly: true)
    b.put("┌─┐…→Hương 25°C m³ 😀!", row: 0, col: 0)
    b.foldToASCII()
    #expect(b.snapshotText().hasPrefix("+-+.>Hương 25°C m³ ? !"), "\(b.snapshotText())")
    #expect(b[0, 19].width == 1 && b[0, 20].width == 1 && b[0, 20].text == " ")
    // Twice is the same as once.
    let once = b
    b.foldToASCII()
    #expect(b == once)
  }
}
