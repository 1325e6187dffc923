import XCTest

@testable import SXCore

final class TextRulesTests: XCTestCase {
  func testSearchKeyFoldsDiacriticsAndDStroke() {
    XCTAssertEqual(TextRules.searchKey("Đà Nẵng"), "da nang")
    XCTAssertEqual(TextRules.searchKey("Nhuộm – Hoàn tất"), "nhuom – hoan tat")
    XCTAssertTrue(TextRules.matches("Công ty Dệt May Huế", "det may hue"))
    // NFD input matches too.
    XCTAssertTrue(TextRules.matches("Vie\u{0323}\u{0302}t", "viet"))
  }

  func testNFC() {
    let nfd = "Vie\u{0323}\u{0302}t Nam"
    XCTAssertEqual(TextRules.nfc(nfd).unicodeScalars.count, 8)
    XCTAssertEqual(TextRules.nfc(nfd), "Việt Nam")
    // ASCII is returned as is; one combining mark after ASCII letters still composes.
    XCTAssertEqual(TextRules.nfc("kg/m3 @ 25 C"), "kg/m3 @ 25 C")
    XCTAssertEqual(Array(TextRules.nfc("e\u{0301}").unicodeScalars), Array("\u{00E9}".unicodeScalars))
  }

  /// The quick check (text already NFC is returned as is) gives exactly Foundation's NFC, scalar for scalar, on NFC,
  /// NFD and mixed text: precomposed Vietnamese, combining marks after accepted letters, the singletons NFC replaces
  /// (Ohm, Ångström, U+2000), scalars outside the accepted blocks, and every single scalar up to U+3000.
  func testNFCQuickCheckMatchesFoundation() {
    let samples = [
      "Công ty dệt nhuộm — Đà Nẵng", "Cong ty de\u{0323}\u{0302}t", "A\u{030A}ngstrom \u{212B}", "\u{2000}x", "\u{2126}",
      "e\u{301}", "ệ\u{0301}", "中文 ½ ³ → ≤ ₂", "m³/h", "triệu VND", "Ω", "Ḁ\u{0301}", "ά", "\u{1F71}", "", "x\u{20D0}",
    ]
    for s in samples {
      XCTAssertEqual(Array(TextRules.nfc(s).unicodeScalars), Array(s.precomposedStringWithCanonicalMapping.unicodeScalars), s)
    }
    for v in 0..<0x3000 as Range<UInt32> {
      guard let u = Unicode.Scalar(v) else { continue }
      for s in [String(Character(u)), "a" + String(Character(u)), String(Character(u)) + "\u{0301}"] {
        XCTAssertEqual(Array(TextRules.nfc(s).unicodeScalars), Array(s.precomposedStringWithCanonicalMapping.unicodeScalars), String(v, radix: 16))
      }
    }
  }

  func testVietnameseOrder() {
    // The order verified in the style brief (§3.4): An, Ăn, Ân, Bình, Dung, Đà Nẵng, Oanh, Ô, Ơn, Yên.
    let expected = ["An", "Ăn", "Ân", "Bình", "Dung", "Đà Nẵng", "Oanh", "Ô", "Ơn", "Yên"]
    XCTAssertEqual(expected.shuffled().sorted(by: TextRules.viLess), expected)
  }
}

final class DataUTF8Tests: XCTestCase {
  /// `Data(utf8Of:)` holds the bytes `Data(text.utf8)` holds: ASCII, Vietnamese (NFC and NFD), emoji, empty, a string
  /// that is a slice of a bridged buffer.
  func testSameBytesAsTheUTF8View() {
    let nfd = "Nh\u{65}\u{323}\u{302}t".decomposedStringWithCanonicalMapping
    for s in ["", "a", "Việt Nam — sản xuất sạch hơn", nfd, "🧵🏭", String(repeating: "xé", count: 1000), String("abc,def".split(separator: ",")[1])] {
      XCTAssertEqual(Data(utf8Of: s), Data(s.utf8), s)
      XCTAssertEqual(Array(Data(utf8Of: s)), Array(s.utf8), s)
    }
  }
}
