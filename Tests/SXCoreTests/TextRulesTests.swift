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

  func testVietnameseOrder() {
    // The order verified in the style brief (§3.4): An, Ăn, Ân, Bình, Dung, Đà Nẵng, Oanh, Ô, Ơn, Yên.
    let expected = ["An", "Ăn", "Ân", "Bình", "Dung", "Đà Nẵng", "Oanh", "Ô", "Ơn", "Yên"]
    XCTAssertEqual(expected.shuffled().sorted(by: TextRules.viLess), expected)
  }
}
