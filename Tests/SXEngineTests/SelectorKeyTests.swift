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
