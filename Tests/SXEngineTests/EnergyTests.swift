import SXCore
import XCTest

@testable import SXEngine

/// Area 2 — energy: physical GJ, kWh-equivalent, TOE (MOIT or derived), cost, shares, key energy user.
final class EnergyTests: XCTestCase {
  /// Carriers (worked by hand):
  /// electricity 1 000 000 kWh @ 2 000 VND/kWh: GJ = 1e6 × 0.0036 = 3 600; TOE = 1e6 × 0.0001543 = 154.3 (MOIT);
  ///   cost = 2 000 000 000
  /// diesel 10 t @ 20 000 000 VND/t: GJ = 10 × 43.0 = 430; TOE = 10 × 1.02 = 10.2 (MOIT per t); cost 200 000 000
  /// diesel 10 000 L @ 20 000 VND/L: mass = 10 m³ × 844 kg/m³ = 8 440 kg → GJ = 8.44 × 43 = 362.92;
  ///   TOE = 10 m³ × 0.88 per 1000 L = 8.8 (MOIT per 1000 L); cost 200 000 000
  /// rice husk 500 t @ 1 000 000 VND/t: GJ = 500 × 11.6 = 5 800; TOE derived = 5 800 / 41.868 = 138.5306200…;
  ///   cost 500 000 000
  /// anthracite 100 t (no price): GJ = 2 670; TOE derived = 2 670 / 41.868 = 63.7718544…; cost missing
  /// total GJ = 12 862.92; total TOE = 375.6024744…; electricity share = 3 600 / 12 862.92 = 27.98742…%
  /// Step "dye": electricity 400 000 kWh + diesel 5 t → GJ = 1 440 + 215 = 1 655; TOE = 61.72 + 5.1 = 66.82;
  ///   electricity carrier unallocated = 3 600 − 1 440 = 2 160 GJ.
  func makeAssessment() -> Assessment {
    var a = newAssessment()
    a.steps = [step("dye", "Nhuộm")]
    a.energyCarriers = [
      carrier("el", "Điện lưới", fuel: "electricity", q(1_000_000, "kWh"), price: price(2_000, per: "kWh")),
      carrier("do", "Dầu DO", fuel: "diesel", q(10, "t"), price: price(20_000_000, per: "t")),
      carrier("doL", "Dầu DO (lít)", fuel: "diesel", q(10_000, "L"), price: price(20_000, per: "L")),
      carrier("rh", "Trấu", fuel: "rice_husk", q(500, "t"), price: price(1_000_000, per: "t")),
      carrier("coal", "Than", fuel: "coal_anthracite", q(100, "t")),
    ]
    a.flows = [
      flow("e1", "dye", .input, .energy, "Điện nhuộm", q(400_000, "kWh"), carrier: "el"),
      flow("e2", "dye", .input, .energy, "Dầu nhuộm", q(5, "t"), carrier: "do"),
    ]
    return a
  }

  func testCarriers() {
    let r = Engine.compute(makeAssessment(), factors: .builtinDefaults)
    let c = Dictionary(uniqueKeysWithValues: r.energy.carriers.map { ($0.id, $0) })
    near(c["el"]?.gj.value, 3_600)
    near(c["el"]?.kwhEq.value, 1_000_000)
    near(c["el"]?.toe.value, 154.3)
    XCTAssertEqual(c["el"]?.toeMethod, "moit")
    near(c["el"]?.cost.value, 2e9)
    near(c["do"]?.gj.value, 430)
    near(c["do"]?.toe.value, 10.2)
    near(c["do"]?.cost.value, 2e8)
    near(c["doL"]?.gj.value, 362.92)
    near(c["doL"]?.toe.value, 8.8)
    near(c["doL"]?.cost.value, 2e8)
    near(c["rh"]?.gj.value, 5_800)
    near(c["rh"]?.toe.value, 138.530_620_043_947_6)
    XCTAssertEqual(c["rh"]?.toeMethod, "derived")
    near(c["coal"]?.toe.value, 63.771_854_399_541_41)
    if let cost = c["coal"]?.cost { assertIncomplete(cost, "unit price missing") }
    near(c["el"]?.sharePercent.value, 27.987_424_317_340_075)
    near(c["el"]?.unallocatedGJ.value, 2_160)
  }

  func testTotalsAndSteps() {
    let r = Engine.compute(makeAssessment(), factors: .builtinDefaults)
    near(r.energy.total.gj.value, 12_862.92)
    near(r.energy.total.toe.value, 375.602_474_443_489_1)
    near(r.energy.total.electricityKWh.value, 1_000_000)
    near(r.energy.total.thermalGJ.value, 9_262.92)
    // 2e9 + 2e8 + 2e8 + 5e8 known; coal unpriced → partial sum, incomplete.
    assertIncomplete(r.energy.total.cost, "unit price missing", valueNil: false)
    near(r.energy.total.cost.value, 2.9e9)
    XCTAssertFalse(r.energy.keyEnergyUser)
    let s = r.energy.steps[0]
    near(s.gj.value, 1_655)
    near(s.toe.value, 66.82)
    near(s.electricityKWh.value, 400_000)
    near(s.thermalGJ.value, 215)
    near(s.sharePercent.value, 100)
    assertEncodes(r)
  }

  /// 7 000 000 kWh × 0.0001543 = 1 080.1 TOE > 1 000 → key energy user (Circular 25/2020/TT-BCT).
  func testKeyEnergyUser() throws {
    var a = newAssessment()
    a.energyCarriers = [carrier("el", "Điện", fuel: "electricity", q(7_000, "MWh"), price: price(2_000, per: "kWh"))]
    let r = Engine.compute(a, factors: .builtinDefaults)
    near(r.energy.total.toe.value, 1_080.1)
    XCTAssertTrue(r.energy.keyEnergyUser)
    let e = try XCTUnwrap(r.explain(path: "energy.keyEnergyUser"))
    XCTAssertTrue(e.factors[0].source.contains("25/2020"))
  }

  /// A carrier without an annual quantity is the sum of its step flows; the plant NCV override wins over IPCC.
  /// coal 10 t with NCV override 20 GJ/t (= 20 000 MJ/t): GJ = 200; TOE derived = 200/41.868 = 4.7769178…
  func testFlowsSumAndNCVOverride() throws {
    var a = newAssessment()
    a.steps = [step("b", "Lò hơi")]
    var coal = carrier("coal", "Than", fuel: "coal_anthracite", nil)
    coal.ncvOverride = UnitPrice(amount: q(20_000, "MJ"), perUnit: "t")
    a.energyCarriers = [coal]
    a.flows = [flow("x", "b", .input, .energy, "Than lò hơi", q(10, "t"), carrier: "coal")]
    let r = Engine.compute(a, factors: .builtinDefaults)
    near(r.energy.carriers[0].gj.value, 200)
    near(r.energy.carriers[0].toe.value, 200 / 41.868)
    let e = try XCTUnwrap(r.explain(path: "energy.carriers[Than].gj"))
    XCTAssertEqual(e.factors.first?.value ?? 0, 20, accuracy: 1e-12)
  }

  /// Natural gas by volume: TOE from MOIT (100 000 m³ × 0.90 / 1000 = 90), physical GJ incomplete (no NCV per m³).
  func testNaturalGasVolume() {
    var a = newAssessment()
    a.energyCarriers = [carrier("ng", "Khí", fuel: "natural_gas", q(100_000, "m³"))]
    let r = Engine.compute(a, factors: .builtinDefaults)
    near(r.energy.carriers[0].toe.value, 90)
    assertIncomplete(r.energy.carriers[0].gj, "no net calorific value")
  }

  /// A step's seven energy figures share one merge of its flows' factors (`Once`): each lists what merging the
  /// step's flows gives (in flow order, electricity's TOE and grid factors, then diesel's NCV, TOE and emission
  /// factors), the figures of every step, read in any order and again; and a recompute after a flow changed carrier
  /// lists the new carrier's factors (the merge is per run, not kept across runs).
  func testStepFactorsMergedOncePerStep() throws {
    var a = makeAssessment()
    a.steps.append(step("dry", "Sấy"))
    a.flows.append(flow("e3", "dry", .input, .energy, "Trấu sấy", q(20, "t"), carrier: "rh"))
    let keys = ["gj", "kwhEq", "toe", "electricityKWh", "thermalGJ", "cost", "sharePercent"]
    func check(_ a: Assessment) throws {
      let r = Engine.compute(a, factors: .builtinDefaults)
      let c = Context(a, .builtinDefaults)
      for s in a.steps {
        let flows = a.flows.indices.filter { a.flows[$0].stepId == s.id }
        let expected = EnergyArea.mergedFactors(c, flows)
        XCTAssertFalse(expected.isEmpty)
        // Backwards, then forwards: the first read of any of them merges, the others reuse it.
        for k in keys.reversed() + keys {
          XCTAssertEqual(try XCTUnwrap(r.explainFactors(path: "energy.steps[\(s.id)].\(k)")), expected, "\(s.id).\(k)")
          XCTAssertEqual(try XCTUnwrap(r.explain(path: "energy.steps[\(s.id)].\(k)")).factors, expected, "\(s.id).\(k)")
        }
      }
    }
    try check(a)
    let first = Engine.compute(a, factors: .builtinDefaults).explainFactors(path: "energy.steps[dry].gj")
    a.flows[2].carrierId = "coal"
    try check(a)
    XCTAssertNotEqual(Engine.compute(a, factors: .builtinDefaults).explainFactors(path: "energy.steps[dry].gj"), first)
  }
}
