import SXCore
import XCTest

@testable import SXEngine

/// Area 8 — share of measured-grade data (measured, records, calculated) by count and by weight.
final class DataQualityTests: XCTestCase {
  /// Worked by hand.
  /// balance flows: 9 000 kg measured, 1 000 kg estimate, 10 000 kg records
  ///   → by count 2/3 = 66.666…%; by weight (9 000 + 10 000)/20 000 = 95 %
  /// energy carriers: electricity 1 000 000 kWh = 3 600 GJ (records), diesel 10 t = 430 GJ (estimate)
  ///   → by count 50 %; by weight 3 600 / 4 030 = 89.330024…%
  /// overall by count: (2 + 1) / (3 + 2) = 60 %
  func testShares() throws {
    var a = newAssessment()
    a.steps = [step("s", "Kéo sợi")]
    a.flows = [
      flow("a", "s", .input, .rawMaterial, "Bông", q(9_000, "kg"), source: .measured),
      flow("b", "s", .input, .rawMaterial, "Xơ", q(1_000, "kg"), source: .estimate),
      flow("c", "s", .output, .product, "Sợi", q(10_000, "kg"), source: .records),
    ]
    a.energyCarriers = [
      carrier("el", "Điện", fuel: "electricity", q(1_000_000, "kWh"), source: .records),
      carrier("do", "Dầu", fuel: "diesel", q(10, "t"), source: .estimate),
    ]
    let r = Engine.compute(a, factors: .builtinDefaults)
    let d = Dictionary(uniqueKeysWithValues: r.dataQuality.areas.map { ($0.area, $0) })
    let bal = try XCTUnwrap(d["balance"])
    XCTAssertEqual(bal.records, 3)
    XCTAssertEqual(bal.measuredRecords, 2)
    near(bal.byCountPercent.value, 200.0 / 3.0)
    near(bal.byWeightPercent.value, 95)
    let en = try XCTUnwrap(d["energy"])
    near(en.byCountPercent.value, 50)
    near(en.byWeightPercent.value, 3_600.0 / 4_030.0 * 100)
    near(r.dataQuality.overallByCountPercent.value, 60)
    // An area with no rows is incomplete, not 0 % or NaN.
    assertIncomplete(try XCTUnwrap(d["water"]).byCountPercent, "no records")
    assertEncodes(r)
  }
}
