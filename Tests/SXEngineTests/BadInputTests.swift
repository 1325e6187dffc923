import Foundation
import SXCore
import XCTest

@testable import SXEngine

/// Bad input never crashes and never yields NaN/inf: the figure is incomplete with a bilingual reason,
/// and the results still encode with `.throw` for non-conforming floats.
final class BadInputTests: XCTestCase {
  func base() -> Assessment {
    var a = newAssessment()
    a.products = [product(10)]
    a.steps = [step("s", "Dệt")]
    a.energyCarriers = [carrier("el", "Điện", fuel: "electricity", q(100_000, "kWh"), price: price(2_000, per: "kWh"))]
    a.flows = [
      flow("i", "s", .input, .rawMaterial, "Sợi", q(10_000, "kg")),
      flow("o", "s", .output, .product, "Vải", q(9_900, "kg")),
    ]
    return a
  }

  func testMissingPrice() {
    var a = base()
    a.energyCarriers[0].unitPrice = nil
    let r = Engine.compute(a, factors: .builtinDefaults)
    assertIncomplete(r.energy.carriers[0].cost, "unit price missing")
    assertIncomplete(r.energy.total.cost, "unit price missing")
    XCTAssertFalse(r.complete)
    XCTAssertTrue(r.issues.contains { $0.path == "energy.total.cost" })
    assertEncodes(r)
  }

  func testStepWithoutOutputs() {
    var a = base()
    a.flows.removeLast()
    let r = Engine.compute(a, factors: .builtinDefaults)
    let s = r.balance.steps[0]
    assertIncomplete(s.massOut, "has no outputs")
    assertIncomplete(s.closurePercent, "has no outputs")
    assertIncomplete(s.unaccounted, "has no outputs")
    XCTAssertFalse(s.flagged)
    assertEncodes(r)
  }

  func testZeroProduction() {
    var a = base()
    a.products = [product(0)]
    let r = Engine.compute(a, factors: .builtinDefaults)
    assertIncomplete(r.indicators.production, "production is zero")
    for i in r.indicators.items { assertIncomplete(i.value, "production is zero") }
    assertIncomplete(r.policy.baselines[0].baselinePerUnit, "production is zero")
    assertEncodes(r)
  }

  func testProductionNotMassAndMissing() {
    var a = base()
    a.products = [product(5_000, unit: "pcs")]
    var r = Engine.compute(a, factors: .builtinDefaults)
    assertIncomplete(r.indicators.production, "not a mass")
    a.products = []
    r = Engine.compute(a, factors: .builtinDefaults)
    assertIncomplete(r.indicators.production, "no reference product")
  }

  func testUnitNotConvertibleToMass() {
    var a = base()
    a.flows.append(flow("p", "s", .output, .product, "Áo", q(1_000, "pcs")))
    a.energyCarriers.append(carrier("bad", "Điện (nhập sai)", fuel: "electricity", q(3, "t"), price: price(2_000, per: "kWh")))
    let r = Engine.compute(a, factors: .builtinDefaults)
    assertIncomplete(r.balance.steps[0].massOut, "cannot be converted to mass", valueNil: false)
    near(r.balance.steps[0].massOut.value, 9_900)
    let bad = r.energy.carriers[1]
    assertIncomplete(bad.gj, "electricity needs an energy unit")
    assertIncomplete(bad.toe, "electricity needs an energy unit")
    assertIncomplete(bad.cost, "electricity needs an energy unit")
    assertIncomplete(r.energy.total.toe, "electricity needs an energy unit", valueNil: false)
    near(r.energy.total.toe.value, 15.43)
    assertEncodes(r)
  }

  func testFactorYearMissing() {
    var a = base()
    a.header.settings.gridFactorYear = 2031
    let r = Engine.compute(a, factors: .builtinDefaults)
    assertIncomplete(r.co2.gridFactor, "no grid emission factor for year 2031")
    assertIncomplete(r.co2.carriers[0].co2, "2031")
    assertIncomplete(r.co2.total.co2e, "2031")
    XCTAssertTrue(r.co2.gridFactor.reasons[0].vi.contains("2031"))
    assertEncodes(r)
  }

  /// Non-finite numbers that slip past validation become nil + incomplete, never NaN in JSON.
  func testNonFiniteInput() {
    var a = base()
    a.flows[0].quantity = Quantity(value: .nan, unit: "kg", si: .nan)
    a.energyCarriers[0].annualQuantity = Quantity(value: .infinity, unit: "kWh", si: .infinity)
    let r = Engine.compute(a, factors: .builtinDefaults)
    assertIncomplete(r.balance.steps[0].massIn, "not finite", valueNil: false)
    assertIncomplete(r.energy.total.gj, "not finite", valueNil: false)
    assertEncodes(r)
  }

  /// An empty assessment computes (everything incomplete or zero) and encodes.
  func testEmptyAssessment() {
    let r = Engine.compute(newAssessment(), factors: .builtinDefaults)
    XCTAssertFalse(r.complete)
    XCTAssertTrue(r.wasteCost.pareto.isEmpty)
    assertEncodes(r)
  }
}
