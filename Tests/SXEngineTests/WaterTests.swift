import SXCore
import XCTest

@testable import SXEngine

/// Area 4 — water: sources, consumers by step, outputs, closure, cost with the wastewater charge.
final class WaterTests: XCTestCase {
  /// Worked by hand:
  /// sources: tap 1 000 m³ @ 10 000 VND/m³ = 10 000 000; well 500 m³ @ 2 000 = 1 000 000
  ///   → supply 1 500 m³, supply cost 11 000 000, average price 11e6 / 1 500 = 7 333.33 VND/m³
  /// consumers: dyeing 1 200 m³ (step dye), boiler 200 m³ (step boil) → consumption 1 400;
  ///   dye share = 1 200 / 1 400 = 85.714…%; dyeing cost = 1 200 × 7 333.33 = 8 800 000
  /// outputs: "Nước thải nhuộm" 1 100 (discharged), "Bay hơi" 150, "Vào sản phẩm" 20 → outputs 1 270
  ///   unaccounted = 1 500 − 1 270 = 230; closure = 1 270 / 1 500 = 84.666…%
  /// wastewater (no wastewater flows → discharged W5 lines) = 1 100 m³ × 5 000 VND/m³ = 5 500 000
  /// total cost = 11 000 000 + 5 500 000 = 16 500 000
  func makeAssessment() -> Assessment {
    var a = newAssessment()
    a.header.settings.wastewaterCharge = price(5_000, per: "m³")
    a.steps = [step("dye", "Nhuộm"), step("boil", "Lò hơi")]
    a.water = [
      waterItem("s1", .source, "Nước máy", 1_000, price: price(10_000, per: "m³")),
      waterItem("s2", .source, "Giếng khoan", 500, price: price(2_000, per: "m³")),
      waterItem("c1", .consumer, "Máy nhuộm", 1_200, step: "dye"),
      waterItem("c2", .consumer, "Lò hơi", 200, step: "boil"),
      waterItem("o1", .output, "Nước thải nhuộm", 1_100),
      waterItem("o2", .output, "Bay hơi", 150),
      waterItem("o3", .output, "Vào sản phẩm", 20),
    ]
    return a
  }

  func testWaterBalanceAndCost() {
    let r = Engine.compute(makeAssessment(), factors: .builtinDefaults)
    let t = r.water.total
    near(t.supply.value, 1_500)
    near(t.consumption.value, 1_400)
    near(t.outputs.value, 1_270)
    near(t.unaccounted.value, 230)
    near(t.closurePercent.value, 84.666_666_666_666_67)
    near(t.wastewater.value, 1_100)
    near(t.supplyCost.value, 11_000_000)
    near(t.wastewaterCharge.value, 5_500_000)
    near(t.totalCost.value, 16_500_000)
    XCTAssertTrue(t.totalCost.isOK)
    near(r.water.steps[0].consumption.value, 1_200)
    near(r.water.steps[0].sharePercent.value, 600.0 / 7.0)
    near(r.water.consumers[0].cost.value, 8_800_000)
    assertEncodes(r)
  }

  /// Without W5 output lines, the wastewater flows of the steps are the basis (90 m³ × 5 000 = 450 000).
  func testWastewaterFromFlows() {
    var a = makeAssessment()
    a.water.removeAll { $0.role == .output }
    a.flows = [flow("w", "dye", .output, .wastewater, "Nước thải", q(90, "m³"))]
    let r = Engine.compute(a, factors: .builtinDefaults)
    near(r.water.total.wastewater.value, 90)
    near(r.water.total.wastewaterCharge.value, 450_000)
  }

  /// A source without price → supply cost and total cost incomplete, with the reason.
  func testMissingWaterPrice() {
    var a = makeAssessment()
    a.water[1].unitPrice = nil
    let r = Engine.compute(a, factors: .builtinDefaults)
    assertIncomplete(r.water.total.supplyCost, "unit price missing", valueNil: false)
    near(r.water.total.supplyCost.value, 10_000_000)
  }
}
