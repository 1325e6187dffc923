import SXCore
import XCTest

@testable import SXEngine

/// Area 3 — CO2: electricity × grid factor of the chosen year; fuels × NCV × IPCC factors; biogenic memo.
final class CO2Tests: XCTestCase {
  /// Worked by hand (grid 2023 = 0.6592 t/MWh = kg/kWh; GWP AR5 CH4 28, N2O 265):
  /// electricity 1 000 000 kWh → CO2 = 659 200 kg = 659.2 t; CH4 = N2O = 0.
  /// diesel 10 t → 430 GJ; CO2 = 430 × 74 100 / 1000 = 31 863 kg; CH4 = 430 × 3 / 1000 = 1.29 kg;
  ///   N2O = 430 × 0.6 / 1000 = 0.258 kg; CO2e = 31 863 + 1.29×28 + 0.258×265 = 31 967.49 kg = 31.96749 t.
  /// rice husk 500 t → 5 800 GJ; biogenic CO2 = 5 800 × 100 000 / 1000 = 580 000 kg = 580 t (memo, not in total);
  ///   CH4 = 174 kg, N2O = 23.2 kg → CO2e = 174×28 + 23.2×265 = 4 872 + 6 148 = 11 020 kg = 11.02 t.
  /// totals: fossil CO2 = 691.063 t; CO2e = 659.2 + 31.96749 + 11.02 = 702.18749 t; biogenic 580 t;
  ///   scope 1 (fuels) = 42.98749 t; scope 2 (electricity) = 659.2 t.
  func makeAssessment(year: Int = 2023) -> Assessment {
    var a = newAssessment()
    a.header.settings.gridFactorYear = year
    a.steps = [step("boil", "Lò hơi")]
    a.energyCarriers = [
      carrier("el", "Điện", fuel: "electricity", q(1_000_000, "kWh")),
      carrier("do", "Dầu DO", fuel: "diesel", q(10, "t")),
      carrier("rh", "Trấu", fuel: "rice_husk", q(500, "t")),
    ]
    a.flows = [flow("x", "boil", .input, .energy, "Trấu lò hơi", q(500, "t"), carrier: "rh")]
    return a
  }

  func testByCarrierAndTotal() {
    let r = Engine.compute(makeAssessment(), factors: .builtinDefaults)
    near(r.co2.gridFactor.value, 0.6592)
    XCTAssertEqual(r.co2.gridFactorYear, 2023)
    let c = Dictionary(uniqueKeysWithValues: r.co2.carriers.map { ($0.id, $0) })
    near(c["el"]?.co2.value, 659.2)
    near(c["el"]?.co2e.value, 659.2)
    near(c["do"]?.co2.value, 31.863)
    near(c["do"]?.ch4.value, 1.29)
    near(c["do"]?.n2o.value, 0.258)
    near(c["do"]?.co2e.value, 31.967_49)
    near(c["rh"]?.co2.value, 0, abs: 1e-12)
    near(c["rh"]?.biogenicCO2.value, 580)
    near(c["rh"]?.co2e.value, 11.02)
    near(r.co2.total.co2.value, 691.063)
    near(r.co2.total.co2e.value, 702.187_49)
    near(r.co2.total.biogenicCO2.value, 580)
    near(r.co2.scope1.value, 42.987_49)
    near(r.co2.scope2.value, 659.2)
    // By step: the boiler burns all the rice husk.
    near(r.co2.steps[0].biogenicCO2.value, 580)
    near(r.co2.steps[0].co2e.value, 11.02)
    XCTAssertTrue(r.co2.total.co2e.isOK)
    assertEncodes(r)
  }

  /// Another year of the table: 2019 = 0.8458 → 1 000 MWh × 0.8458 = 845.8 t.
  func testYearChoice() {
    let r = Engine.compute(makeAssessment(year: 2019), factors: .builtinDefaults)
    near(r.co2.carriers[0].co2.value, 845.8)
  }

  /// A year added by the user (2024 = 0.60, own source) is used: 1 000 MWh × 0.6 = 600 t.
  func testUserAddedYear() throws {
    var f = EngineFactors.builtinDefaults
    f.gridFactors.append(GridFactor(year: 2024, tCO2PerMWh: 0.6, source: "user: consultant estimate"))
    let r = Engine.compute(makeAssessment(year: 2024), factors: f)
    near(r.co2.carriers[0].co2.value, 600)
    let e = try XCTUnwrap(r.explain(path: "co2.carriers[el].co2"))
    XCTAssertEqual(e.factors.first?.year, 2024)
    XCTAssertEqual(e.factors.first?.source, "user: consultant estimate")
  }
}
