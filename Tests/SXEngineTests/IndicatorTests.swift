import SXCore
import XCTest

@testable import SXEngine

/// Area 6 — indicators per tonne of product, benchmarks, earlier periods, targets, and the policy gap.
final class IndicatorTests: XCTestCase {
  /// Worked by hand. Production: reference product 100 t.
  /// water: W5 source 30 000 m³ → 300 m³/t > typical high 250 → exceeds typical (and above good practice 50)
  /// electricity 500 000 kWh → 5 000 kWh/t
  /// diesel 10 t → 430 GJ → thermal 4.3 GJ/t ≤ good practice 14.4 → at or below good practice
  /// energy = (500 000 × 0.0036 = 1 800) + 430 = 2 230 GJ → 22.3 GJ/t < typical low 42.7 → below typical
  /// TOE = 500 000 × 0.0001543 + 10 × 1.02 = 77.15 + 10.2 = 87.35 → 0.8735 TOE/t
  /// CO2e = 500 000 × 0.6592 = 329 600 kg + diesel 31 967.49 kg = 361 567.49 kg → 3.6156749 t/t
  /// chemicals: W3 chemical 2 000 kg → 20 kg/t; waste: W8 solid stream 1 500 kg → 15 kg/t
  /// earlier period 2024 water 250 m³/t → change (300 − 250)/250 = +20 %; target 200 → gap +100 m³/t
  /// per step: dye water input flow 20 000 m³ → 200 m³/t (of the plant's product)
  func makeAssessment() -> Assessment {
    var a = newAssessment()
    a.products = [product(100)]
    a.steps = [step("dye", "Nhuộm")]
    a.water = [waterItem("s", .source, "Nước máy", 30_000, price: price(10_000, per: "m³"))]
    a.energyCarriers = [
      carrier("el", "Điện", fuel: "electricity", q(500_000, "kWh"), price: price(2_000, per: "kWh")),
      carrier("do", "Dầu DO", fuel: "diesel", q(10, "t"), price: price(20_000_000, per: "t")),
    ]
    var chem = Material(id: "m1")
    chem.name = "Thuốc nhuộm"
    chem.kind = .chemical
    chem.annualQuantity = q(2_000, "kg")
    var fibre = Material(id: "m2")
    fibre.name = "Vải mộc"
    fibre.kind = .rawMaterial
    fibre.annualQuantity = q(98_000, "kg")
    a.materials = [chem, fibre]
    var ws = WasteStream(id: "w1")
    ws.name = "Vải vụn"
    ws.quantity = q(1_500, "kg")
    a.wasteStreams = [ws]
    a.flows = [flow("f", "dye", .input, .water, "Nước nhuộm", q(20_000, "m³"))]
    var earlier = EarlierPeriodValue(id: "e1")
    earlier.period = "2024"
    earlier.key = "water_per_product"
    earlier.value = 250
    earlier.unit = "m³/t"
    a.earlierPeriods = [earlier]
    var target = IndicatorTarget(id: "t1", key: "water_per_product")
    target.target = 200
    target.unit = "m³/t"
    a.indicators = [target]
    return a
  }

  func indicator(_ r: Results, _ key: String) -> Indicator? { r.indicators.items.first { $0.key == key } }

  func testValuesAndBenchmarks() throws {
    let r = Engine.compute(makeAssessment(), factors: .builtinDefaults)
    near(r.indicators.production.value, 100)
    let w = try XCTUnwrap(indicator(r, "water_per_product"))
    near(w.value.value, 300)
    XCTAssertEqual(w.value.unit, "m³/t")
    XCTAssertTrue(w.exceedsTypical)
    XCTAssertTrue(w.aboveGoodPractice)
    XCTAssertEqual(w.rating, .aboveTypical)
    XCTAssertEqual(w.benchmark?.indicative, true)
    XCTAssertFalse(w.benchmark?.source.isEmpty ?? true)
    near(try XCTUnwrap(indicator(r, "electricity_per_product")).value.value, 5_000)
    let th = try XCTUnwrap(indicator(r, "thermal_per_product"))
    near(th.value.value, 4.3)
    XCTAssertEqual(th.rating, .atOrBelowGoodPractice)
    let en = try XCTUnwrap(indicator(r, "energy_per_product"))
    near(en.value.value, 22.3)
    XCTAssertEqual(en.rating, .belowTypical)
    near(try XCTUnwrap(indicator(r, "toe_per_product")).value.value, 0.8735)
    near(try XCTUnwrap(indicator(r, "co2_per_product")).value.value, 3.615_674_9)
    near(try XCTUnwrap(indicator(r, "chemicals_per_product")).value.value, 20)
    near(try XCTUnwrap(indicator(r, "waste_per_product")).value.value, 15)
    XCTAssertEqual(try XCTUnwrap(indicator(r, "electricity_per_product")).rating, .noBenchmark)
  }

  func testEarlierPeriodTargetAndSteps() throws {
    let r = Engine.compute(makeAssessment(), factors: .builtinDefaults)
    let w = try XCTUnwrap(indicator(r, "water_per_product"))
    XCTAssertEqual(w.earlier.count, 1)
    near(w.earlier[0].changePercent.value, 20)
    near(w.target?.gapToTarget.value, 100)
    XCTAssertEqual(w.steps.map(\.id), ["dye"])
    near(w.steps[0].value.value, 200)
    let e = try XCTUnwrap(r.explain(path: "indicators.items[water_per_product]"))
    XCTAssertEqual(e.path, "indicators.items[water_per_product].value")
    XCTAssertTrue(e.factors.contains { $0.source.contains("textilepact") })
    XCTAssertNotNil(r.explain(path: "indicators.items[water_per_product].steps[Nhuộm]"))
    XCTAssertNotNil(r.explain(path: "indicators.items[water_per_product].earlier[2024].changePercent"))
  }

  /// Policy gap. Opportunities (counted unless rejected):
  /// o1: electricity 50 000 kWh (priced/converted with the plant's electricity) → 7.715 TOE; diesel 1.5 t → 1.53 TOE
  ///     → 9.245 TOE = 9.245 / 87.35 = 10.5838580…% of the energy baseline
  /// o2: water 3 000 m³ = 10 % of 30 000 m³; o3 (rejected) water 9 000 m³ → not counted
  /// materials: baseline W3 raw + chemical = 100 000 kg, no savings → 0 %
  /// Decision 1419 (8–13 %): energy gap to low 0, to high 13 − 10.5838580 = 2.4161420, meets low, not high;
  /// materials gap to low 8. Decision 889 2030 (7–10 %): energy meets both.
  func testPolicyGap() throws {
    var a = makeAssessment()
    var o1 = Opportunity(id: "o1")
    o1.title = "Tắt máy khi nghỉ"
    var s1 = ResourceSaving(resource: .electricity)
    s1.quantity = q(50_000, "kWh")
    var s2 = ResourceSaving(resource: .fuel)
    s2.quantity = q(1.5, "t")
    s2.carrierId = "do"
    o1.savings = [s1, s2]
    var o2 = Opportunity(id: "o2")
    o2.title = "Sửa rò rỉ"
    var s3 = ResourceSaving(resource: .water)
    s3.quantity = q(3_000, "m³")
    o2.savings = [s3]
    var o3 = o2
    o3.id = "o3"
    o3.screening = .rejected
    o3.savings[0].quantity = q(9_000, "m³")
    a.opportunities = [o1, o2, o3]
    let r = Engine.compute(a, factors: .builtinDefaults)
    let b = Dictionary(uniqueKeysWithValues: r.policy.baselines.map { ($0.resource, $0) })
    near(b["energy"]?.baseline.value, 87.35)
    near(b["energy"]?.baselinePerUnit.value, 0.8735)
    near(b["energy"]?.plannedSaving.value, 9.245)
    near(b["energy"]?.plannedPercent.value, 10.583_858_042_358_33)
    near(b["water"]?.plannedPercent.value, 10)
    near(b["materials"]?.baseline.value, 100_000)
    near(b["materials"]?.plannedPercent.value, 0, abs: 1e-12)
    let t1419 = try XCTUnwrap(r.policy.targets.first { $0.id == "qd1419_2020" })
    let g = Dictionary(uniqueKeysWithValues: t1419.gaps.map { ($0.resource, $0) })
    near(g["energy"]?.gapToLow.value, 0, abs: 1e-9)
    near(g["energy"]?.gapToHigh.value, 2.416_141_957_641_67, rel: 1e-9)
    XCTAssertEqual(g["energy"]?.meetsLow, true)
    XCTAssertEqual(g["energy"]?.meetsHigh, false)
    near(g["materials"]?.gapToLow.value, 8)
    let t2030 = try XCTUnwrap(r.policy.targets.first { $0.id == "qd889_2030" })
    XCTAssertEqual(t2030.gaps.first { $0.resource == "energy" }?.meetsHigh, true)
    // o1's value: 50 000 kWh × 2 000 + 1.5 t × 20 000 000 = 130 000 000 VND/yr.
    near(r.economics.opportunities[0].annualSaving.value, 130_000_000)
    // o2's value: water at (10 000 VND/m³ average supply price) × 3 000 = 30 000 000.
    near(r.economics.opportunities[1].annualSaving.value, 30_000_000)
    XCTAssertFalse(r.economics.opportunities[2].counted)
    assertEncodes(r)
  }
}
