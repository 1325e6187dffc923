import Foundation
import XCTest

@testable import SXCore
@testable import SXStore

/// The header reader used at start-up (``HeaderJSON``) gives what `JSONDecoder` gives: on the demo, on a header with
/// every field set, and on edge cases (where it may step aside, the store's reader then answers as JSONDecoder does).
final class HeaderJSONTests: XCTestCase {
  /// Every field away from its default, every optional present.
  static func fullHeader() throws -> AssessmentHeader {
    var h = AssessmentHeader(id: "h-1")
    h.title = "Tiêu đề \"đầy đủ\" \\ / \n\t😀 e\u{301}"
    h.profile.name = "Nhà máy"
    h.profile.address = "Địa chỉ"
    h.profile.province = "Huế"
    h.profile.sector = "dệt"
    h.profile.products = "vải"
    h.profile.markets = "EU"
    h.profile.employees = -12
    h.profile.shifts = 0
    h.profile.operatingHours = Quantity(value: 7200, unit: "h", si: 25_920_000)
    h.profile.annualOutput = Quantity(value: 0.1, unit: "t", si: 100.000_000_000_01)
    h.profile.turnover = Quantity(value: 1.5e-300, unit: "tỷ VND", si: 1.7976931348623157e308)
    h.profile.labourCost = Quantity(value: -0.0, unit: "VND", si: 123_456_789_012_345_680)
    h.profile.previousProgrammes = "ISO"
    h.profile.contact = "a@b"
    h.period = AssessmentPeriod(start: "2025-01-01", end: "2025-12-31")
    h.settings.currencyRates = [CurrencyRate(currency: "USD", vndPerUnit: 25_400.5, date: "2025-12-31", source: "VCB")]
    h.settings.localUnits = [LocalUnit(symbol: "bao", factor: 50, baseUnit: "kg", note: "n"), LocalUnit(symbol: "kg hơi", factor: 1, baseUnit: "kg")]
    h.settings.gridFactorYear = 2019
    h.settings.imbalanceThreshold = 0.07
    h.settings.discountRate = 0.123456789
    h.settings.criteria = [FeasibilityCriterion(id: "x", group: .environmental, name: LocalizedText(vi: "Môi trường", en: "Env"), weight: 1)]
    h.settings.benchmarkSector = "garment"
    h.settings.systemCost = Quantity(value: 3, unit: "tỷ VND", si: 3e9)
    h.settings.wastewaterCharge = UnitPrice(amount: Quantity(value: 9500, unit: "VND", si: 9500), perUnit: "m³")
    h.status = .complete
    h.isSample = true
    h.dismissedRules = ["r1", "r2"]
    h.createdAt = "2026-01-01T00:00:00Z"
    h.updatedAt = "2026-01-02T00:00:00Z"
    h.provenance = ["profile.name": Provenance(by: "an", at: "2026-01-01T00:00:00Z", device: "lap"), "title": Provenance(by: "bình", at: "t", device: "d")]
    return h
  }

  static func json(_ h: AssessmentHeader) throws -> String { String(decoding: try JSONCoding.encoder().encode(h), as: UTF8.self) }

  /// JSONDecoder's answer: the header, or nil when it throws.
  static func reference(_ text: String) -> AssessmentHeader? {
    try? JSONDecoder().decode(AssessmentHeader.self, from: Data(text.utf8))
  }

  func testDemoAndFullHeaderAreReadWithoutJSONDecoderAndEqualIt() throws {
    for h in [DemoAssessment.make().header, try Self.fullHeader(), AssessmentHeader(id: "")] {
      let text = try Self.json(h)
      let fast = try XCTUnwrap(HeaderJSON.decode(text), text)
      XCTAssertEqual(fast, h)
      XCTAssertEqual(fast, Self.reference(text))
      XCTAssertEqual(try AppDatabase.decodeHeader(text), h)
    }
  }

  func testStoredDemoHeaderLoadsAsCreated() throws {
    let db = try AppDatabase()
    let demo = DemoAssessment.make()
    try db.create(demo)
    let body = try XCTUnwrap(try db.queue.read { try String.fetchOne($0, sql: "SELECT body FROM assessment") })
    XCTAssertNotNil(HeaderJSON.decode(body))
    XCTAssertEqual(try db.loadHeader(demo.id), demo.header)
    XCTAssertEqual(try db.loadHeader(demo.id), Self.reference(body))
  }

  /// Variants of the full header's JSON: the store's reader answers as JSONDecoder does (the same header, or an error).
  func testEdgeCasesAnswerAsJSONDecoder() throws {
    let base = try Self.json(try Self.fullHeader())
    func replacing(_ a: String, _ b: String) -> String {
      XCTAssertTrue(base.contains(a), a)
      return base.replacingOccurrences(of: a, with: b)
    }
    let variants: [(String, String)] = [
      ("escapes", replacing(#""title":""#, #""title":"\u00e9\ud83d\ude00\/\b\f\r\u0000 "#)),
      ("whitespace", " \n\t" + base.replacingOccurrences(of: ",", with: " ,\r\n ").replacingOccurrences(of: ":", with: " : ") + " \n"),
      ("exponents", replacing(#""discountRate":0.123456789"#, #""discountRate":1.23456789E-1"#)),
      ("exponent plus", replacing(#""discountRate":0.123456789"#, #""discountRate":123456789e+0"#)),
      ("negative zero", replacing(#""discountRate":0.123456789"#, #""discountRate":-0"#)),
      ("int as decimal", replacing(#""gridFactorYear":2019"#, #""gridFactorYear":2019.0"#)),
      ("int as exponent", replacing(#""gridFactorYear":2019"#, #""gridFactorYear":2.019e3"#)),
      ("int fraction", replacing(#""gridFactorYear":2019"#, #""gridFactorYear":2019.5"#)),
      ("int overflow", replacing(#""gridFactorYear":2019"#, #""gridFactorYear":99999999999999999999"#)),
      ("double overflow", replacing(#""discountRate":0.123456789"#, #""discountRate":1e400"#)),
      ("double underflow", replacing(#""discountRate":0.123456789"#, #""discountRate":1e-400"#)),
      ("double subnormal", replacing(#""discountRate":0.123456789"#, #""discountRate":1e-310"#)),
      ("zero with exponent", replacing(#""discountRate":0.123456789"#, #""discountRate":0.0e-400"#)),
      ("leading zero", replacing(#""gridFactorYear":2019"#, #""gridFactorYear":02019"#)),
      ("optional null", replacing(#""employees":-12"#, #""employees":null"#)),
      ("optional missing", replacing(#""employees":-12,"#, "")),
      ("required missing", replacing(#""title":"#, #""titel":"#)),
      ("required null", replacing(#""isSample":true"#, #""isSample":null"#)),
      ("unknown key", replacing(#""isSample":true"#, #""isSample":true,"future":{"a":[1,2,{"b":null}]}"#)),
      ("repeated key", replacing(#""isSample":true"#, #""isSample":true,"isSample":false"#)),
      ("bool as number", replacing(#""isSample":true"#, #""isSample":1"#)),
      ("string as number", replacing(#""benchmarkSector":"garment""#, #""benchmarkSector":5"#)),
      ("number as string", replacing(#""gridFactorYear":2019"#, #""gridFactorYear":"2019""#)),
      ("unknown status", replacing(#""status":"complete""#, #""status":"done""#)),
      ("unknown group", replacing(#""group":"environmental""#, #""group":"social""#)),
      ("empty lists", replacing(#""dismissedRules":["r1","r2"]"#, #""dismissedRules":[]"#)),
      ("lone surrogate", replacing(#""title":""#, #""title":"\udc00"#)),
      ("bad escape", replacing(#""title":""#, #""title":"\q"#)),
      ("trailing comma", replacing(#""isSample":true"#, #""isSample":true,"#)),
      ("raw control character", replacing(#""title":""#, "\"title\":\"\u{1}")),
      ("truncated", String(base.dropLast())),
      ("trailing garbage", base + "x"),
      ("two documents", base + base),
      ("not an object", "[" + base + "]"),
      ("empty", ""),
    ]
    for (name, text) in variants {
      let expected = Self.reference(text)
      let got = try? AppDatabase.decodeHeader(text)
      XCTAssertEqual(got, expected, name)
      // Whatever the fast reader gives is what JSONDecoder gives.
      if let fast = HeaderJSON.decode(text) { XCTAssertEqual(fast, expected, name) }
    }
    // The ordinary spellings stay on the fast path.
    for name in ["escapes", "whitespace", "exponents", "negative zero", "optional null", "optional missing", "empty lists"] {
      let text = try XCTUnwrap(variants.first { $0.0 == name }).1
      XCTAssertNotNil(HeaderJSON.decode(text), name)
    }
  }
}
