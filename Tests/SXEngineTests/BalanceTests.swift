import SXCore
import XCTest

@testable import SXEngine

/// Area 1 — material balance per step and for the plant.
final class BalanceTests: XCTestCase {
  /// Three steps (worked by hand; water counts 1 m³ = 1000 kg, energy/heat flows are left out of mass):
  ///
  /// dye: in  = fabric 10 t (10 000 kg) + chemicals 500 kg + water 100 m³ (100 000 kg) = 110 500 kg
  ///          (+ steam 50 GJ energy, not mass)
  ///      out = fabric 9 800 + solid waste 150 + wastewater 90 m³ (90 000) = 99 950 kg (+ heat 20 GJ)
  ///      stock change 50 kg → unaccounted = 110 500 − 99 950 − 50 = 10 500 kg
  ///      closure = (99 950 + 50) / 110 500 = 90.4977375…% ; 10 500 / 110 500 = 9.50 % > 5 % → flagged
  ///      water in 100 m³, out 90 m³; energy in 50 GJ, out 20 GJ
  /// sew: in 9 800, out 9 700 + 98 = 9 798 → unaccounted 2 kg, closure 99.97959…%, not flagged
  /// wash: in rawMaterial 1 000 + water 10 m³ (10 000) = 11 000, out product 1 000 → unaccounted 10 000,
  ///      closure 9.0909…%, flagged; water in without any wastewater/emission out → "unrecorded wastewater"
  /// plant: in 131 300, out 110 748, stock 50 → unaccounted 20 502; closure 110 798 / 131 300 = 84.3853770…%;
  ///      flagged, biggest missing names the step with the largest |unaccounted| (dye, 10 500).
  func makeAssessment() -> Assessment {
    var a = newAssessment()
    var dye = step("dye", "Nhuộm")
    dye.stockChange = q(50, "kg")
    a.steps = [dye, step("sew", "May"), step("wash", "Giặt")]
    a.energyCarriers = [carrier("steam", "Hơi mua", fuel: "purchased_steam", q(50, "GJ"))]
    a.flows = [
      flow("f1", "dye", .input, .rawMaterial, "Vải mộc", q(10, "t")),
      flow("f2", "dye", .input, .chemical, "Thuốc nhuộm", q(500, "kg")),
      flow("f3", "dye", .input, .water, "Nước", q(100, "m³")),
      flow("f4", "dye", .input, .energy, "Hơi", q(50, "GJ"), carrier: "steam"),
      flow("f5", "dye", .output, .product, "Vải nhuộm", q(9_800, "kg")),
      flow("f6", "dye", .output, .solidWaste, "Xơ vụn", q(150, "kg")),
      flow("f7", "dye", .output, .wastewater, "Nước thải", q(90, "m³")),
      flow("f8", "dye", .output, .heat, "Nhiệt nước thải", q(20, "GJ")),
      flow("g1", "sew", .input, .rawMaterial, "Vải", q(9_800, "kg")),
      flow("g2", "sew", .output, .product, "Áo", q(9_700, "kg")),
      flow("g3", "sew", .output, .solidWaste, "Vải vụn", q(98, "kg")),
      flow("h1", "wash", .input, .rawMaterial, "Áo", q(1_000, "kg")),
      flow("h2", "wash", .input, .water, "Nước giặt", q(10, "m³")),
      flow("h3", "wash", .output, .product, "Áo giặt", q(1_000, "kg")),
    ]
    return a
  }

  func testStepBalances() {
    let r = Engine.compute(makeAssessment(), factors: .builtinDefaults)
    XCTAssertEqual(r.balance.steps.map(\.id), ["dye", "sew", "wash"])
    let dye = r.balance.steps[0]
    near(dye.massIn.value, 110_500)
    near(dye.massOut.value, 99_950)
    near(dye.stockChange.value, 50)
    near(dye.unaccounted.value, 10_500)
    near(dye.closurePercent.value, 90.497_737_556_561_09)
    XCTAssertTrue(dye.flagged)
    XCTAssertEqual(dye.biggestMissing?.en.hasPrefix("unrecorded output"), true)
    near(dye.waterIn.value, 100)
    near(dye.waterOut.value, 90)
    near(dye.energyIn.value, 50)
    near(dye.energyOut.value, 20)
    XCTAssertTrue(dye.massIn.isOK)

    let sew = r.balance.steps[1]
    near(sew.unaccounted.value, 2, abs: 1e-9)
    near(sew.closurePercent.value, 99.979_591_836_734_7)
    XCTAssertFalse(sew.flagged)
    XCTAssertNil(sew.biggestMissing)

    let wash = r.balance.steps[2]
    near(wash.unaccounted.value, 10_000)
    near(wash.closurePercent.value, 100.0 / 11.0)
    XCTAssertTrue(wash.flagged)
    XCTAssertEqual(wash.biggestMissing?.en.hasPrefix("unrecorded wastewater/evaporation"), true)
  }

  func testPlantBalance() {
    let r = Engine.compute(makeAssessment(), factors: .builtinDefaults)
    let p = r.balance.plant
    near(p.massIn.value, 131_300)
    near(p.massOut.value, 110_748)
    near(p.unaccounted.value, 20_502)
    near(p.closurePercent.value, 84.385_376_999_238_39)
    XCTAssertTrue(p.flagged)
    XCTAssertEqual(p.biggestMissing?.vi.contains("Nhuộm"), true)
    near(p.energyIn.value, 50)
    assertEncodes(r)
  }

  /// The threshold is per assessment: at 10 %, dye (9.50 %) is no longer flagged, wash (90.9 %) still is.
  func testThresholdPerAssessment() {
    var a = makeAssessment()
    a.header.settings.imbalanceThreshold = 0.10
    let r = Engine.compute(a, factors: .builtinDefaults)
    XCTAssertEqual(r.balance.thresholdPercent, 10, accuracy: 1e-12)
    XCTAssertFalse(r.balance.steps[0].flagged)
    XCTAssertTrue(r.balance.steps[2].flagged)
  }

  /// An output with no quantity is named as the missing stream, and the step is marked incomplete.
  func testMissingOutputNamed() {
    var a = makeAssessment()
    a.flows.append(flow("h4", "wash", .output, .wastewater, "Nước thải giặt", nil))
    let r = Engine.compute(a, factors: .builtinDefaults)
    let wash = r.balance.steps[2]
    XCTAssertTrue(wash.flagged)
    XCTAssertEqual(wash.biggestMissing?.en.hasPrefix("«Nước thải giặt»"), true)
    assertIncomplete(wash.massOut, "quantity missing", valueNil: false)
    near(wash.massOut.value, 1_000)
  }

  func testExplainClosure() throws {
    let r = Engine.compute(makeAssessment(), factors: .builtinDefaults)
    let e = try XCTUnwrap(r.explain(path: "balance.steps[Nhuộm].closurePercent"))
    XCTAssertEqual(e.path, "balance.steps[dye].closurePercent")
    XCTAssertEqual(e.inputs.count, 3)
    XCTAssertTrue(e.formula.en.contains("(out + stock change) / in"))
    XCTAssertTrue(e.text(.vi).contains("90,5"), e.text(.vi))
    let flagged = try XCTUnwrap(r.explain(path: "balance.steps[dye].flagged"))
    XCTAssertEqual(flagged.result.value, 1)
    XCTAssertEqual(flagged.factors.first?.value, 0.05)
  }
}
