import SXCore
import XCTest

@testable import SXEngine

/// Rules the demo exposed: gas volumes, utility steps, energy waste streams, convertible earlier-period units.
final class SemanticsTests: XCTestCase {
  /// A boiler-like utility step, worked by hand:
  ///   in  feed water 10 m³ = 10 000 kg; electricity 1 000 kWh (energy, 3.6 GJ, 2 000 VND/kWh → 2 000 000 VND)
  ///   out steam 9 t (kind energy, no carrier: listed, not converted), flue gas 1 000 Nm³ × 1.293 = 1 293 kg,
  ///       heat loss stream 100 GJ valued at its own 200 000 VND/GJ, steam leak 9 GJ without a value
  ///   mass: in 10 000, out 1 293 → unaccounted 8 707 kg = 87.07 % > 5 %, but a utility step (an energy-carrier
  ///   output, no product) is not flagged on mass.
  ///   heat stream: C_energy = 100 × 200 000 = 20 000 000; mass 0, C_mat 0, C_system 0 → total 20 000 000
  ///   steam leak: step price 2 000 000 VND / 3.6 GJ = 555 555.6 VND/GJ → 9 × 555 555.6 = 5 000 000
  func makeAssessment() -> Assessment {
    var a = newAssessment()
    a.header.settings.systemCost = q(1_000_000, "VND")
    a.steps = [step("boil", "Lò hơi")]
    a.energyCarriers = [carrier("el", "Điện", fuel: "electricity", q(1_000, "kWh"), price: price(2_000, per: "kWh"))]
    a.flows = [
      flow("b1", "boil", .input, .water, "Nước cấp", q(10, "m³")),
      flow("b2", "boil", .input, .energy, "Điện", q(1_000, "kWh"), carrier: "el"),
      flow("b3", "boil", .output, .energy, "Hơi", q(9, "t")),
      flow("b4", "boil", .output, .airEmission, "Khói thải", q(1_000, "Nm³")),
      flow("b5", "boil", .output, .heat, "Tổn thất khói", q(100, "GJ")),
    ]
    var heat = WasteStream(id: "w1")
    heat.name = "Nhiệt khói thải"
    heat.kind = .heat
    heat.flowId = "b5"
    heat.materialValue = price(200_000, per: "GJ")
    var leak = WasteStream(id: "w2")
    leak.name = "Hơi rò rỉ"
    leak.kind = .heat
    leak.sourceStepId = "boil"
    leak.quantity = q(9, "GJ")
    a.wasteStreams = [heat, leak]
    return a
  }

  func testGasDensityAndUtilityStep() throws {
    let r = Engine.compute(makeAssessment(), factors: .builtinDefaults)
    let b = r.balance.steps[0]
    near(b.massIn.value, 10_000)
    near(b.massOut.value, 1_293)
    near(b.unaccounted.value, 8_707)
    XCTAssertTrue(b.massOut.isOK, "\(b.massOut.reasons.map(\.en))")
    XCTAssertFalse(b.flagged, "utility step is not flagged on mass")
    let out = try XCTUnwrap(r.explain(path: "balance.steps[boil].massOut"))
    XCTAssertEqual(out.factors.first?.value, 1.293)
    XCTAssertTrue(out.formula.en.contains("density of air"))
    let flag = try XCTUnwrap(r.explain(path: "balance.steps[boil].flagged"))
    XCTAssertTrue(flag.formula.en.contains("utility step"))
    // The same step with a product output is judged on mass: 87 % unaccounted is flagged.
    var a = makeAssessment()
    a.flows.append(flow("b6", "boil", .output, .product, "Sản phẩm", q(1, "kg")))
    XCTAssertTrue(Engine.compute(a, factors: .builtinDefaults).balance.steps[0].flagged)
  }

  func testEnergyWasteStreams() throws {
    let r = Engine.compute(makeAssessment(), factors: .builtinDefaults)
    let s = Dictionary(uniqueKeysWithValues: r.wasteCost.streams.map { ($0.id, $0) })
    let heat = try XCTUnwrap(s["w1"])
    near(heat.mass.value, 0, abs: 0)
    near(heat.material.value, 0, abs: 0)
    near(heat.energy.value, 20_000_000)
    near(heat.system.value, 0, abs: 0)
    near(heat.total.value, 20_000_000)
    XCTAssertTrue(heat.total.isOK, "\(heat.total.reasons.map(\.en))")
    let leak = try XCTUnwrap(s["w2"])
    near(leak.energy.value, 5_000_000, rel: 1e-9)
    XCTAssertTrue(leak.total.isOK)
    let mfca = r.issues.filter { $0.path.hasPrefix("wasteCost") || $0.path.hasPrefix("balance") }
    XCTAssertTrue(mfca.isEmpty, "\(mfca.map(\.path))")
  }

  /// Earlier period in TOE/t against a GJ/t indicator: electricity 1 000 000 kWh = 3 600 GJ over 100 t = 36 GJ/t;
  /// earlier 1 TOE/t = 41.868 GJ/t → change (36 − 41.868) / 41.868 × 100 = −14.015477214101466 %.
  func testEarlierPeriodUnitConversion() throws {
    var a = newAssessment()
    a.products = [product(100)]
    a.energyCarriers = [carrier("el", "Điện", fuel: "electricity", q(1_000_000, "kWh"))]
    var e = EarlierPeriodValue(id: "e1")
    e.period = "2024"
    e.key = "energy_per_product"
    e.value = 1
    e.unit = "TOE/t"
    var bad = EarlierPeriodValue(id: "e2")
    bad.period = "2023"
    bad.key = "energy_per_product"
    bad.value = 1
    bad.unit = "m³/t"
    a.earlierPeriods = [e, bad]
    let r = Engine.compute(a, factors: .builtinDefaults)
    let ind = try XCTUnwrap(r.indicators.items.first { $0.key == "energy_per_product" })
    near(ind.value.value, 36)
    near(ind.earlier[0].changePercent.value, -14.015_477_214_101_466)
    let x = try XCTUnwrap(r.explain(path: "indicators.items[energy_per_product].earlier[2024].changePercent"))
    XCTAssertEqual(x.factors.first?.value ?? 0, 41.868, accuracy: 1e-12)
    assertIncomplete(ind.earlier[1].changePercent, "differs from")
  }

  /// The synthetic 10 000-flow assessment computes (no timing here: budgets live in the benchmark) and every
  /// figure of a replicated step still explains.
  func testSyntheticAssessment() throws {
    let a = SyntheticAssessment.make(flows: 10_000, lines: 2)
    XCTAssertEqual(a.flows.count, 10_000)
    XCTAssertEqual(Set(a.flows.map(\.id)).count, 10_000, "unique flow ids")
    XCTAssertEqual(a.steps.count, 16)
    XCTAssertEqual(SyntheticAssessment.make(flows: 10_000, lines: 2), a, "deterministic")
    let r = Engine.compute(a, factors: .builtinDefaults)
    XCTAssertEqual(r.balance.steps.count, 16)
    assertEncodes(r)
    let p = "balance.steps[\(a.steps[3].id)].massIn"
    let e = try XCTUnwrap(r.explain(path: p))
    XCTAssertEqual(e.inputs.count, 200, "explanation inputs are capped at 200")
  }
}
