import Foundation
import SXCore
import XCTest

@testable import SXEngine

/// The selector's ASCII fast path must give exactly `TextRules.searchKey`.
final class SelectorKeyTests: XCTestCase {
  func testASCIIKeyIsTheSearchKey() {
    let printable = (32..<127).map { String(UnicodeScalar(UInt8($0))) }
    var samples = printable + ["Heat", "OUT", "Boiler Flue", "f-dye-3-r12", "  Mixed Case 42  ", ""]
    samples += ["Khói lò", "Đường", "xả đáy", "ĐÁY"]
    for s in samples { XCTAssertEqual(Selector.key(s), TextRules.searchKey(s), "key of «\(s)»") }
  }

  /// The letter-by-letter key of Latin text (every precomposed letter of the covered blocks, alone and in words, in
  /// both cases, next to ASCII) must give exactly `TextRules.searchKey`; text outside the blocks is not handled.
  func testLatinKeyIsTheSearchKey() {
    let ranges = [0x80..<0x250, 0x1E00..<0x1F00, 0x2010..<0x2028, 0x2030..<0x205F, 0x2070..<0x20A0, 0x2190..<0x2300]
    let letters = ranges.flatMap { $0.compactMap(Unicode.Scalar.init) }
    XCTAssertTrue(letters.allSatisfy { LatinKeys.covered($0.value) })
    XCTAssertFalse(LatinKeys.covered(0x300) || LatinKeys.covered(0x2000) || LatinKeys.covered(0x3B7))
    var samples = letters.map { String($0) }
    samples += letters.map { "A\($0)b \($0)Z" }
    samples += [
      "Khói lò hơi", "Đường ống hơi TRẦN", "XẢ ĐÁY lò hơi #12", "Nước ngưng hồi về", "Căng kim – sấy", "Cháy không hết",
      "Rò rỉ khí nén ở bẫy hơi", "Ổ Ơ Ư ẞ ß Æ Œ İ ı Ǆ ǅ ǆ", "Nhuộm (vải) 100% cotton; 7 barg", "ǰ ǯ",
    ]
    for s in samples { XCTAssertEqual(Selector.key(s), TextRules.searchKey(s), "key of «\(s)» \(s.unicodeScalars.map { String($0.value, radix: 16) })") }
    XCTAssertNil(LatinKeys.shared.key("e\u{301}"))
    XCTAssertNil(LatinKeys.shared.key("Ω"))
    XCTAssertEqual(Selector.key("Xe\u{301} Ω"), TextRules.searchKey("Xe\u{301} Ω"))
  }

  /// The byte search of ASCII keys agrees with Foundation's `contains`.
  func testContainsAsFoundation() {
    let hay = ["khoi lo hoi", "", "a", "aaab", "flue gas stack", "x\r\ny", "đường", "khói", "khoi – lo → hoi ≈ 3", "e\u{301}x", "a\u{200D}b"]
    let needles = ["khoi", "lo ", "hoi", "b", "aab", "stack", "gas s", "\n", "ab", "đ", "ó", "x", "e", "a", "lo", " 3", "ex"]
    for h in hay {
      for n in needles { XCTAssertEqual(Selector.contains(h, n), h.contains(n), "«\(h)» ∋ «\(n)»") }
    }
  }

  func testSelectorMatchesAsBefore() throws {
    guard case .success(let sel) = Selector.parse("kind=Heat, direction!=in, name~KHÓI|flue") else { return XCTFail("parse") }
    XCTAssertTrue(sel.matches(["kind": "heat", "direction": "out", "name": "Khói lò hơi #3"]))
    XCTAssertTrue(sel.matches(["kind": "HEAT", "direction": "out", "name": "Boiler Flue gas"]))
    XCTAssertFalse(sel.matches(["kind": "heat", "direction": "in", "name": "flue"]))
    XCTAssertFalse(sel.matches(["kind": "water", "direction": "out", "name": "flue"]))
    guard case .success(let byName) = Selector.parse("Đường ống") else { return XCTFail("parse") }
    XCTAssertTrue(byName.matches(["id": "x", "name": "duong ong"]))
    XCTAssertTrue(byName.matches(["id": "ĐƯỜNG ỐNG", "name": ""]))
  }
}
