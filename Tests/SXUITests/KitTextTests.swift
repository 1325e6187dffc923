import Foundation
import SXUI
import Testing

@Suite("Kit: display width and text layout")
struct KitTextTests {
  let nfc = "Việt Nam"
  var nfd: String { nfc.decomposedStringWithCanonicalMapping }

  @Test func localeIsUTF8() {
    #expect(kitLocaleReady)
  }

  @Test func vietnameseWidthIsTheSameInNFCAndNFD() {
    #expect(kitLocaleReady)
    #expect(nfc.unicodeScalars.count == 8)
    #expect(nfd.unicodeScalars.count == 10)
    #expect(DisplayWidth.width(of: nfc) == 8)
    #expect(DisplayWidth.width(of: nfd) == 8)
    #expect(DisplayWidth.width(of: "Đà Nẵng") == 7)
    #expect(DisplayWidth.width(of: "e\u{323}\u{302}" as Character) == 1)
    #expect(DisplayWidth.width(of: "\u{323}" as Unicode.Scalar) == 0)
  }

  /// ASCII text is measured and sanitised by bytes; the same as character by character.
  @Test func oneColumnLettersAndSignsAreLaidOutOneCellEach() {
    let text = "Đà Nẵng – “Sông Hương” ≤ 5"
    var b = ScreenBuffer(rows: 2, cols: 40)
    #expect(b.put(text, row: 0, col: 2) == 26)
    for (i, ch) in text.enumerated() {
      #expect(b[0, 2 + i].text == String(ch))
      #expect(b[0, 2 + i].width == 1)
    }
    #expect(b[0, 28].text == " ")
    #expect(b.put(text, row: 1, col: -2, maxWidth: 5) == 3)
    #expect([b[1, 0].text, b[1, 1].text, b[1, 2].text, b[1, 3].text] == [" ", "N", "ẵ", " "])
    #expect(TextLayout.truncate(text, to: 26) == text)
    #expect(TextLayout.truncate(text, to: 25) == "Đà Nẵng – “Sông Hương” ≤…")
    #expect(TextLayout.truncate(text, to: 8) == "Đà Nẵng…")
    #expect(TextLayout.truncate(text, to: 8, ellipsis: false) == "Đà Nẵng ")
    #expect(TextLayout.truncate(text, to: 1) == "…")
  }

  @Test func asciiIsOneColumnPerCharacterAndControlsAreReplaced() {
    #expect(DisplayWidth.width(of: "Lot 5, Phu Bai ~ 12.5 t") == 23)
    #expect(DisplayWidth.width(of: "") == 0)
    #expect(DisplayWidth.width(of: "a\u{301}b") == 2)
    #expect(DisplayWidth.width(of: "\r\n" as Character) == 1)
    #expect(DisplayWidth.width(of: "\u{7F}" as Character) == 1)
    #expect(DisplayWidth.width(of: "a\tb") == 3)
    #expect(DisplayWidth.sanitize("a\tb") == "a b")
    #expect(DisplayWidth.sanitize("plain ASCII") == "plain ASCII")
    #expect(DisplayWidth.sanitize("x" as Character) == "x")
    #expect(DisplayWidth.sanitize("\u{7F}" as Character) != "\u{7F}")
    #expect(DisplayWidth.sanitize("\t" as Character) == " ")
  }

  @Test func cjkAndEmojiAreTwoColumns() {
    #expect(kitLocaleReady)
    #expect(DisplayWidth.width(of: "中" as Character) == 2)
    #expect(DisplayWidth.width(of: "中文") == 4)
    #expect(DisplayWidth.width(of: "😀" as Character) == 2)
    #expect(DisplayWidth.width(of: "a中b") == 4)
  }

  /// The width of a string is the sum over its grapheme clusters, whatever shortcut measures it: texts mixing
  /// Vietnamese (NFC and NFD), marks, punctuation, box drawing, CJK, emoji sequences, CR LF and Hangul jamo.
  @Test func stringWidthIsTheSumOverCharacters() {
    #expect(kitLocaleReady)
    let texts = [
      "", "abc", nfc, nfd, "Đà Nẵng · 1.234,5 kg — “ok” …", "\u{301}a", "x\u{338}", "│ ▶ ● ◐ ○ ─┼─", "Ωμέγα Привет שלום",
      "中文 and 日本", "👍🏽 ok", "👨‍👩‍👧", "a\u{200D}b", "🇻🇳", "\r\n", "a\tb\u{1B}", "\u{1100}\u{1161}\u{11A8}", "⌚️ 12:00", "‼\u{FE0F}",
      "e\u{323}\u{302} ệ", "\u{AD}soft", "a\u{2028}b",
    ]
    for t in texts {
      let perCharacter = t.reduce(0) { $0 + DisplayWidth.width(of: $1) }
      #expect(DisplayWidth.width(of: t) == perCharacter, "\(t.unicodeScalars.map { String($0.value, radix: 16) })")
      #expect(DisplayWidth.width(of: t[...]) == perCharacter)
    }
  }

  @Test func controlsAreReplacedAndMeasuredAsOneColumn() {
    #expect(DisplayWidth.sanitize("a\u{1B}[2Jb") == "a\u{FFFD}[2Jb")
    #expect(DisplayWidth.sanitize("a\tb") == "a b")
    #expect(DisplayWidth.width(of: "\u{1B}" as Character) == 1)
    #expect(DisplayWidth.width(of: "\u{7}x") == 2)
  }

  @Test func truncationUsesEllipsisAndCharacters() {
    #expect(kitLocaleReady)
    #expect(TextLayout.truncate("Nhà máy dệt Nam Định", to: 10) == "Nhà máy d…")
    #expect(TextLayout.truncate(nfd + " Đà", to: 6) == String(nfd.prefix(5)) + "…")
    #expect(TextLayout.truncate("Ngắn", to: 10) == "Ngắn")
    #expect(TextLayout.truncate("中文字", to: 4) == "中…")
    #expect(TextLayout.truncate("中文字", to: 5) == "中文…")
    #expect(TextLayout.truncate("abc", to: 0) == "")
    #expect(DisplayWidth.width(of: TextLayout.truncate("中文字中文字", to: 7)) <= 7)
  }

  @Test func paddingAlignsByDisplayWidth() {
    #expect(kitLocaleReady)
    #expect(TextLayout.pad("Điện", to: 6) == "Điện  ")
    #expect(TextLayout.pad(nfd, to: 10, alignment: .right) == "  " + nfd)
    #expect(TextLayout.pad("中", to: 4, alignment: .center) == " 中 ")
    #expect(DisplayWidth.width(of: TextLayout.pad("Nhiên liệu than đá", to: 8)) == 8)
  }

  @Test func wrappingBreaksAtSpacesAndInsideLongWords() {
    #expect(kitLocaleReady)
    #expect(TextLayout.wrap("Lưu thay đổi trước khi thoát?", width: 12) == ["Lưu thay đổi", "trước khi", "thoát?"])
    #expect(TextLayout.wrap("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
    #expect(TextLayout.wrap("a\nb", width: 4) == ["a", "b"])
  }
}
