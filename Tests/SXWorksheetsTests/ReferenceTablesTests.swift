import Foundation
import SXCore
import XCTest

@testable import SXWorksheets

/// Spot checks of the reference tables against the numbers of the domain brief (domain.md §3, §4, §6).
final class ReferenceTablesTests: XCTestCase {
  var ref: ReferenceTables!

  override func setUpWithError() throws { ref = try WorksheetLoader.load(directory: Fixture.worksheets.path).reference }

  func testTOEFactorsMatchMOIT() throws {
    let el = try XCTUnwrap(ref.toeFactors(fuel: "electricity").first)
    XCTAssertEqual(el.value, 0.0001543)
    XCTAssertEqual(el.perUnit, "kWh")
    XCTAssertEqual(el.citation.status, .official)
    XCTAssertEqual(el.citation.year, 2011)
    XCTAssertEqual(try XCTUnwrap(el.toePerSI()), 0.0001543 / 3.6e6, accuracy: 1e-18)
    XCTAssertEqual(ref.toeFactor(fuel: "diesel", dimension: .mass)?.value, 1.02)
    let doL = try XCTUnwrap(ref.toeFactor(fuel: "diesel", dimension: .volume))
    XCTAssertEqual(doL.value, 0.88)
    XCTAssertEqual(try XCTUnwrap(doL.toePerSI()), 0.88, accuracy: 1e-12)  // per m³ = per 1000 L
    XCTAssertEqual(ref.toeFactor(fuel: "fuel_oil", dimension: .mass)?.value, 0.99)
    XCTAssertEqual(ref.toeFactor(fuel: "fuel_oil", dimension: .volume)?.value, 0.94)
    XCTAssertEqual(ref.toeFactor(fuel: "lpg", dimension: .mass)?.value, 1.09)
    let ng = try XCTUnwrap(ref.toeFactor(fuel: "natural_gas", dimension: .volume))
    XCTAssertEqual(try XCTUnwrap(ng.toePerSI()), 0.0009, accuracy: 1e-15)
    XCTAssertEqual(ref.toeFactors(fuel: "coal_cam_1_2").first?.value, 0.70)
    XCTAssertEqual(ref.toeFactors(fuel: "coal_cam_3_4").first?.value, 0.60)
    XCTAssertEqual(ref.toeFactors(fuel: "coal_cam_5_6").first?.value, 0.50)
    XCTAssertEqual(ref.toeFactors(fuel: "wood").first?.citation.status, .derived)
  }

  func testGridFactorsByYear() throws {
    let expected: [Int: Double] = [
      2014: 0.6612, 2015: 0.8154, 2016: 0.9185, 2017: 0.8649, 2018: 0.9130, 2019: 0.8458, 2020: 0.8041, 2021: 0.7221,
      2022: 0.6766, 2023: 0.6592,
    ]
    XCTAssertEqual(ref.gridUnit, "tCO2/MWh")
    XCTAssertEqual(ref.gridFactors.map(\.year), Array(2014...2023))
    for g in ref.gridFactors {
      XCTAssertEqual(g.value, expected[g.year], "\(g.year)")
      XCTAssertFalse(g.citation.source.isEmpty)
    }
    XCTAssertEqual(ref.gridFactor(year: 2022)?.document, "Công văn 327/BĐKH-PTCBT")
    XCTAssertNil(ref.gridFactor(year: 2024))
    XCTAssertEqual(ref.gridFactorOrLatest(year: 2024)?.year, 2023)
    XCTAssertNil(ref.gridFactorOrLatest(year: 2010))
  }

  func testFuelsMatchIPCC2006() throws {
    let diesel = try XCTUnwrap(ref.fuel("diesel"))
    XCTAssertEqual(diesel.ncv, 43.0)
    XCTAssertEqual(diesel.co2, 74_100)
    XCTAssertEqual(diesel.ch4, 3)
    XCTAssertEqual(diesel.n2o, 0.6)
    XCTAssertEqual(diesel.density, 844)
    XCTAssertFalse(diesel.biogenic)
    XCTAssertEqual(ref.fuel("fuel_oil")?.ncv, 40.4)
    XCTAssertEqual(ref.fuel("fuel_oil")?.co2, 77_400)
    XCTAssertEqual(ref.fuel("lpg")?.co2, 63_100)
    XCTAssertEqual(ref.fuel("natural_gas")?.co2, 56_100)
    XCTAssertEqual(ref.fuel("coal_anthracite")?.ncv, 26.7)
    XCTAssertEqual(ref.fuel("coal_anthracite")?.co2, 98_300)
    XCTAssertEqual(ref.fuel("coal_bituminous")?.co2, 94_600)
    XCTAssertEqual(ref.fuel("coal_subbituminous")?.ncv, 18.9)
    XCTAssertEqual(ref.fuel("gasoline")?.co2, 69_300)
    let wood = try XCTUnwrap(ref.fuel("wood"))
    XCTAssertEqual(wood.ncv, 15.6)
    XCTAssertEqual(wood.co2, 112_000)
    XCTAssertTrue(wood.biogenic)
    let husk = try XCTUnwrap(ref.fuel("rice_husk"))
    XCTAssertTrue(husk.biogenic)
    XCTAssertEqual(husk.citation.status, .indicative)
    XCTAssertNil(ref.fuel("electricity")?.ncv)
    XCTAssertNil(ref.fuel("purchased_steam")?.co2)
    // Derived figure of the brief: 3.19 t CO2 per t of diesel.
    XCTAssertEqual(43.0 * 74_100 / 1e6, 3.19, accuracy: 0.005)
    for code in ReferenceParser.requiredFuels { XCTAssertNotNil(ref.fuel(code), code) }
    for f in ref.fuels { XCTAssertNotNil(UnitSystem.standard.unit(f.defaultUnit), f.code) }
  }

  func testBenchmarksAndPolicyTargets() throws {
    let water = ref.benchmarks(key: "water_per_product")
    XCTAssertTrue(water.contains { $0.level == .typical && $0.low == 200 && $0.high == 250 && $0.unit == "m³/t" })
    XCTAssertTrue(water.contains { $0.level == .goodPractice && $0.low == 50 })
    XCTAssertTrue(water.contains { $0.level == .observed && $0.median == 135.9 })
    XCTAssertTrue(ref.benchmarks(key: "energy_per_product").contains { $0.low == 74.5 && $0.unit == "GJ/t" })
    XCTAssertTrue(ref.benchmarks(key: "boiler_efficiency").contains { $0.low == 75 && $0.high == 86 })
    XCTAssertEqual(ref.benchmarks(key: "compressed_air_leak_share").first?.high, 30)
    XCTAssertTrue(ref.benchmarks.allSatisfy { !$0.citation.source.isEmpty && $0.citation.url != nil })
    XCTAssertEqual(ref.policyTarget("qd1419_2020")?.low, 8)
    XCTAssertEqual(ref.policyTarget("qd1419_2020")?.high, 13)
    XCTAssertEqual(ref.policyTarget("qd889_2025")?.low, 5)
    XCTAssertEqual(ref.policyTarget("qd889_2025")?.high, 8)
    XCTAssertEqual(ref.policyTarget("qd889_2030")?.low, 7)
    XCTAssertEqual(ref.policyTarget("qd889_2030")?.high, 10)
    XCTAssertEqual(ref.policyTarget("qd889_2030")?.toYear, 2030)
    let keyUser = try XCTUnwrap(ref.policyTarget("tt25_key_energy_user"))
    XCTAssertEqual(keyUser.kind, .threshold)
    XCTAssertEqual(keyUser.low, 1000)
    XCTAssertEqual(keyUser.unit, "TOE/yr")
  }

  func testIndicatorOptionsOfW13CoverEveryBenchmarkKey() throws {
    let set = try WorksheetLoader.load(directory: Fixture.worksheets.path)
    let options = Set(set.worksheet(id: "W13")?.field("key")?.options.map(\.value) ?? [])
    let benchmarkKeys = Set(ref.benchmarks.map(\.key))
    // Benchmarks that describe a share or a machine are read from the assessment, not typed as W13 indicators.
    let notIndicators: Set<String> = ["electricity_share", "effluent_cod", "effluent_bod", "effluent_tss", "garment_energy_per_piece"]
    XCTAssertEqual(benchmarkKeys.subtracting(notIndicators).subtracting(options), [])
  }
}
