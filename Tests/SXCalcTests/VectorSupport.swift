import Foundation
import XCTest

/// One reference vector of `shared/reference/vectors-public.json`.
struct Vector {
  let index: Int
  let calculator: String
  let inputs: [String: Any]
  let expected: [String: (value: Double, unit: String, tolerance: String)]
  let notes: String

  /// A numeric input (bools and numeric strings are read as numbers too).
  func input(_ name: String, file: StaticString = #filePath, line: UInt = #line) -> Double {
    guard let entry = inputs[name] as? [String: Any] else {
      XCTFail("vector #\(index) \(calculator): no input \(name)", file: file, line: line)
      return .nan
    }
    switch entry["value"] {
    case let n as NSNumber: return n.doubleValue
    case let s as String: return Double(s) ?? .nan
    default:
      XCTFail("vector #\(index) \(calculator): input \(name) is not a number", file: file, line: line)
      return .nan
    }
  }

  func inputText(_ name: String) -> String? { (inputs[name] as? [String: Any])?["value"] as? String }

  func inputList(_ name: String) -> [Double] {
    ((inputs[name] as? [String: Any])?["value"] as? [Any])?.compactMap { ($0 as? NSNumber)?.doubleValue } ?? []
  }

  func expect(_ name: String, file: StaticString = #filePath, line: UInt = #line) -> (value: Double, unit: String, tolerance: String) {
    guard let e = expected[name] else {
      XCTFail("vector #\(index) \(calculator): no expected \(name)", file: file, line: line)
      return (.nan, "", "")
    }
    return e
  }

  /// Asserts `actual` against the expected value `name` within the vector's stated tolerance.
  /// `scale` converts the expected value into the unit of `actual` (e.g. 1000 for kJ → J).
  func check(
    _ name: String, _ actual: Double?, scale: Double = 1, file: StaticString = #filePath, line: UInt = #line
  ) {
    let e = expect(name, file: file, line: line)
    guard let actual else {
      XCTFail("vector #\(index) \(calculator) \(name): no value computed", file: file, line: line)
      return
    }
    let expectedValue = e.value * scale
    let ok = Tolerance.within(actual: actual, expected: expectedValue, scale: scale, tolerance: e.tolerance)
      || Tolerance.withinPrintedDigits(actual: actual / scale, printed: e.value, tolerance: e.tolerance)
    XCTAssertTrue(
      ok,
      "vector #\(index) \(calculator) \(name): got \(actual / scale), expected \(e.value) \(e.unit) (\(e.tolerance))",
      file: file, line: line)
  }
}

enum Tolerance {
  /// A computed value printed with 7 or more significant digits is only known to half a unit of its last
  /// digit (e.g. 72.389868 lb/h stated with "relative 1e-9"); such a vector passes within that rounding.
  /// Short table numbers (fewer digits, e.g. 3186.3) and "exact" tolerances get no such allowance.
  static func withinPrintedDigits(actual: Double, printed: Double, tolerance: String) -> Bool {
    guard !tolerance.hasPrefix("exact"), actual.isFinite else { return false }
    let text = "\(printed)"
    guard !text.contains("e"), let dot = text.firstIndex(of: ".") else { return false }
    let decimals = text.distance(from: dot, to: text.endIndex) - 1
    let digits = text.filter(\.isNumber).drop { $0 == "0" }.count
    guard digits >= 7 else { return false }
    return abs(actual - printed) <= 0.5 * pow(10, Double(-decimals)) * (1 + 1e-9)
  }

  /// Reads the tolerance strings of the vectors file: "relative 1e-8", "relative 0.5% …", "absolute 0.05 …",
  /// "exact …" (relative 1e-12), and the Catch v1.9.4 `Approx` default (|a−e| < 1.19209e-5·(1 + max(|a|,|e|))).
  /// Absolute tolerances are in the expected value's unit, so they are multiplied by `scale`.
  static func within(actual: Double, expected: Double, scale: Double, tolerance: String) -> Bool {
    guard actual.isFinite else { return false }
    let diff = abs(actual - expected)
    if tolerance.contains("Catch") {
      let a = actual / scale, e = expected / scale
      return abs(a - e) < 1.19209e-5 * (1 + max(abs(a), abs(e)))
    }
    let words = tolerance.split(separator: " ")
    if words.first == "relative", words.count > 1 {
      var t = String(words[1])
      var factor = 1.0
      if t.hasSuffix("%") {
        t.removeLast()
        factor = 0.01
      }
      guard let r = Double(t) else { return false }
      return diff <= r * factor * max(abs(expected), 1e-300)
    }
    if words.first == "absolute", words.count > 1, let a = Double(words[1]) {
      return diff <= a * abs(scale)
    }
    if words.first?.hasPrefix("exact") == true {
      return diff <= 1e-12 * max(abs(expected), 1e-300)
    }
    return false
  }
}

struct MissingFile: Error { let path: String }

enum Vectors {
  /// `shared/reference/vectors-public.json`, beside the repository (`<repo>/../shared/reference/`).
  static let url: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // SXCalcTests
    .deletingLastPathComponent()  // Tests
    .deletingLastPathComponent()  // repo root
    .deletingLastPathComponent()  // parent of the repo
    .appendingPathComponent("shared/reference/vectors-public.json")

  static func load() throws -> [Vector] {
    guard FileManager.default.fileExists(atPath: url.path) else { throw MissingFile(path: url.path) }
    let data = try Data(contentsOf: url)
    guard let list = try JSONSerialization.jsonObject(with: data) as? [[String: Any]] else { return [] }
    return list.enumerated().map { i, v in
      var expected: [String: (Double, String, String)] = [:]
      for (k, e) in (v["expected"] as? [String: [String: Any]]) ?? [:] {
        expected[k] = (((e["value"] as? NSNumber)?.doubleValue) ?? .nan, e["unit"] as? String ?? "", e["tolerance"] as? String ?? "")
      }
      return Vector(
        index: i, calculator: v["calculator"] as? String ?? "", inputs: v["inputs"] as? [String: Any] ?? [:],
        expected: expected, notes: v["notes"] as? String ?? "")
    }
  }

  /// All vectors of a family (calculator name, or prefix ending in "."); fails the test if the file is missing
  /// or the family is empty.
  static func family(_ name: String, file: StaticString = #filePath, line: UInt = #line) -> [Vector] {
    guard FileManager.default.fileExists(atPath: url.path) else {
      XCTFail(
        "reference vectors not found at \(url.path): shared/ must sit beside the repository (…/shared/reference/vectors-public.json)",
        file: file, line: line)
      return []
    }
    do {
      let all = try load()
      let found = all.filter { $0.calculator == name || (name.hasSuffix(".") && $0.calculator.hasPrefix(name)) }
      if found.isEmpty { XCTFail("no vectors for \(name)", file: file, line: line) }
      return found
    } catch {
      XCTFail("cannot read \(url.path): \(error)", file: file, line: line)
      return []
    }
  }
}

/// Conversion constants for reading the vectors' US units (tests only; the library converts through SXCore).
enum U {
  static let lb = 0.453_592_37
  static let inch = 0.0254
  static let ft = 0.3048
  static let ft3 = 0.3048 * 0.3048 * 0.3048
  static let cfm = ft3 / 60
  static let psi = 6_894.757_293_168
  static let btu = 1_055.055_852_62
  static let mmbtu = 1_055.055_852_62e6
  static let gal = 0.003_785_411_784
  static let hour = 3_600.0
  static let kWh = 3.6e6
  static let year = 365.0 * 86_400
  static func fahrenheit(_ f: Double) -> Double { (f - 32) * 5 / 9 + 273.15 }
}

@testable import SXCalc

/// Runs a catalogue calculator on SI values, failing the test on an error.
func calc(
  _ id: String, _ values: [String: Double], lists: [String: [Double]] = [:], file: StaticString = #filePath, line: UInt = #line
) -> CalcResult? {
  guard let c = CalculatorCatalog.calculator(id) else {
    XCTFail("no calculator \(id)", file: file, line: line)
    return nil
  }
  do {
    return try c.compute(values, lists: lists)
  } catch {
    XCTFail("\(id) failed: \(error)", file: file, line: line)
    return nil
  }
}

final class ToleranceTests: XCTestCase {
  func testToleranceReadingCanFail() {
    XCTAssertTrue(Tolerance.within(actual: 1.0000000005, expected: 1, scale: 1, tolerance: "relative 1e-9"))
    XCTAssertFalse(Tolerance.within(actual: 1.000001, expected: 1, scale: 1, tolerance: "relative 1e-9"))
    XCTAssertFalse(Tolerance.within(actual: 100.6, expected: 100, scale: 1, tolerance: "relative 0.5% (3 s.f. table)"))
    XCTAssertTrue(Tolerance.within(actual: 100.4, expected: 100, scale: 1, tolerance: "relative 0.5% (3 s.f. table)"))
    XCTAssertFalse(Tolerance.within(actual: 75.86, expected: 75.8, scale: 1, tolerance: "absolute 0.05 (table rounding)"))
    XCTAssertFalse(Tolerance.within(actual: 1e6 * 1.00002, expected: 1e6, scale: 1, tolerance: "relative 1.2e-5 (Catch v1.9.4 Approx)"))
    XCTAssertFalse(Tolerance.within(actual: .nan, expected: 1, scale: 1, tolerance: "relative 1"))
    XCTAssertFalse(Tolerance.withinPrintedDigits(actual: 72.3898686, printed: 72.389868, tolerance: "relative 1e-9"))
    XCTAssertTrue(Tolerance.withinPrintedDigits(actual: 72.3898682, printed: 72.389868, tolerance: "relative 1e-9"))
    XCTAssertFalse(Tolerance.withinPrintedDigits(actual: 3186.31, printed: 3186.3, tolerance: "relative 1e-9"))
  }
}

/// Every vector family of the public file is asserted by a test above, or listed here as not implemented with
/// the reason; a new family in the file fails this test until it is handled.
final class VectorCoverageTests: XCTestCase {
  static let tested: Set<String> = [
    "treasure_hunt.steam_reduction.flow_meter", "treasure_hunt.steam_reduction.air_mass_flow_nameplate",
    "treasure_hunt.steam_reduction.offsheet", "treasure_hunt.compressed_air_reduction.flow_meter_air_cost",
    "treasure_hunt.compressed_air_reduction.bag_method", "compressed_air.leak_survey.estimate", "compressed_air.leak_survey.bag",
    "treasure_hunt.compressed_air_pressure_reduction.baseline", "treasure_hunt.compressed_air_pressure_reduction.baseline_list",
    "treasure_hunt.natural_gas_reduction.flow_meter", "treasure_hunt.natural_gas_reduction.air_measured",
    "treasure_hunt.natural_gas_reduction.other", "treasure_hunt.electricity_reduction.multimeter_3ph",
    "treasure_hunt.electricity_reduction.nameplate", "treasure_hunt.electricity_reduction.other", "treasure_hunt.water_reduction",
    "treasure_hunt.pipe_insulation.insulated", "treasure_hunt.pipe_insulation.correlation.reynolds",
    "treasure_hunt.pipe_insulation.correlation.rayleigh", "treasure_hunt.pipe_insulation.correlation.radiative_h",
    "treasure_hunt.pipe_insulation.correlation.convective_h", "treasure_hunt.pipe_insulation.correlation.nusselt_forced",
    "treasure_hunt.pipe_insulation.correlation.nusselt_free", "treasure_hunt.pipe_insulation.correlation.nusselt_combined",
    "treasure_hunt.pipe_insulation.correlation.thermal_resistance", "motor.efficiency_curve", "motor.efficiency_curve.premium_25pct_points",
    "motor.replacement", "lighting.replacement", "steam.boiler", "steam.flash_tank", "steam.heat_loss", "process_heat.o2_enrichment_excess_air",
    "combustion.gas.excess_air_from_o2", "combustion.gas.available_heat", "combustion.gas.heating_value",
    "combustion.solid_liquid.o2_from_excess_air", "steam.properties.measur", "steam.saturation.measur", "steam.saturation.engineering",
    "iapws_if97.region1", "iapws_if97.region2", "iapws_if97.region3", "iapws_if97.saturation_pressure",
    "iapws_if97.saturation_temperature", "iapws_if97.backward_T_ph_region1", "iapws_if97.backward_T_ph_region2", "steam.flash_fraction",
    "finance.npv_irr_payback", "fuel.ipcc2006_default", "steam_leak.orifice.doe_tip_sheet", "steam_leak.orifice.napier",
    "compressed_air_leak.orifice_table", "compressed_air_leak.orifice_formula_check", "compressed_air_leak.doe_tip_sheet",
    "treasure_hunt.tank_insulation", "treasure_hunt.compressed_air_reduction.nozzle_multiple",
  ]

  /// Families not implemented, with the reason (none at present: every public vector is a test).
  static let notImplemented: [String: String] = [:]

  func testEveryFamilyIsTestedOrExplained() throws {
    let families = Set(try Vectors.load().map(\.calculator))
    XCTAssertFalse(families.isEmpty)
    for f in families.sorted() {
      XCTAssertTrue(Self.tested.contains(f) || Self.notImplemented[f] != nil, "vector family \(f) has no test")
    }
    XCTAssertTrue(Self.tested.isDisjoint(with: Self.notImplemented.keys))
    for f in Self.tested { XCTAssertTrue(families.contains(f), "listed family \(f) is not in the file") }
    XCTAssertTrue(Self.notImplemented.isEmpty, "every public vector family should be implemented and tested")
  }
}
