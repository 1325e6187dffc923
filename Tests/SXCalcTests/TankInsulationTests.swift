import XCTest
@testable import SXCalc

/// `insulation.tank.measur` against MEASUR's InsulatedTankReduction vectors (parity only, calculators.md §1.8).
final class TankInsulationTests: XCTestCase {
  /// Btu/(h·ft·°F) → W/(m·K).
  let btuConductivity = U.btu / U.hour / U.ft * 1.8
  /// The engine's heat-loss unit, 1e5 Btu/h, in W.
  let engineHeat = 1e5 * U.btu / U.hour

  func rankine(_ r: Double) -> Double { r / 1.8 }

  func inputs(_ v: Vector) -> [String: Double] {
    [
      "hours": v.input("operatingHours") * U.hour, "tankHeight": v.input("tankHeight") * U.ft, "tankDiameter": v.input("tankDiameter") * U.ft,
      "tankThickness": v.input("tankThickness") * U.ft, "tankEmissivity": v.input("tankEmissivity"),
      "tankConductivity": v.input("tankConductivity") * btuConductivity, "tankTemperature": rankine(v.input("tankTemperature")),
      "ambientTemperature": rankine(v.input("ambientTemperature")), "systemEfficiency": v.input("systemEfficiency"),
      "insulationThickness": max(v.input("insulationThickness"), 0) * U.ft,
      "insulationConductivity": v.input("insulationConductivity") * btuConductivity, "jacketEmissivity": v.input("jacketEmissivity"),
      "surfaceTemperature": rankine(v.input("surfaceTemperature")),
    ]
  }

  func testTankVectors() {
    let family = Vectors.family("treasure_hunt.tank_insulation")
    XCTAssertEqual(family.count, 2)
    var sawBare = false, sawInsulated = false
    for v in family {
      guard let r = calc("insulation.tank.measur", inputs(v)) else { continue }
      if v.input("insulationThickness") > 0 {
        sawInsulated = true
        v.check("heatLoss", r.values["insulatedHeatLoss"], scale: engineHeat)
        v.check("annualHeatLoss", r.values["annualInsulated"], scale: U.mmbtu)
      } else {
        sawBare = true
        XCTAssertNil(r.values["insulatedHeatLoss"])
        XCTAssertFalse(r.notes.isEmpty)
        v.check("heatLoss", r.values["bareHeatLoss"], scale: engineHeat)
        v.check("annualHeatLoss", r.values["annualBare"], scale: U.mmbtu)
      }
    }
    XCTAssertTrue(sawBare && sawInsulated)
  }

  func testRadiationTimesAreaVariant() throws {
    // Same tank, radiation × area: the loss grows by σ·ε·(T⁴ − Ta⁴)·(A − 1 ft²) exactly.
    var x = try XCTUnwrap(Vectors.family("treasure_hunt.tank_insulation").first { $0.input("insulationThickness") <= 0 }.map(inputs))
    let parity = try XCTUnwrap(calc("insulation.tank.measur", x)?.values["bareHeatLoss"])
    x["radiation"] = 1
    let physical = try XCTUnwrap(calc("insulation.tank.measur", x)?.values["bareHeatLoss"])
    let areaFt2 = Double.pi * 5 * 10
    let perFt2 = 0.1713e-8 * 0.8 * (pow(959.67, 4) - pow(529.67, 4)) * U.btu / U.hour
    XCTAssertEqual(physical - parity, perFt2 * (areaFt2 - 1), accuracy: 1e-6 * physical)
  }

  func testRefusals() throws {
    let c = try XCTUnwrap(CalculatorCatalog.calculator("insulation.tank.measur"))
    XCTAssertTrue(c.help.en.contains("MEASUR parity — known quirks: radiation term per ft², insulated case radiates from the given surface temperature"))
    XCTAssertTrue(c.help.vi.contains("Đối chiếu MEASUR"))
    let cases: [([String: Double], String)] = [
      (["tankTemperature": 273.15 + 20], "tankTemperature"),
      (["insulationConductivity": 0], "insulationConductivity"),
      (["surfaceTemperature": 273.15 + 95], "surfaceTemperature"),
      (["surfaceTemperature": 273.15 + 25], "surfaceTemperature"),
      (["ambientTemperature": 273.15 + 200], "ambientTemperature"),
    ]
    for (values, input) in cases {
      XCTAssertThrowsError(try c.compute(values), input) { e in
        let err = e as? CalcError
        XCTAssertEqual(err?.input, input)
        XCTAssertFalse(err?.message.vi.isEmpty ?? true)
        XCTAssertNotEqual(err?.message.vi, err?.message.en)
      }
    }
    // Defaults: insulation saves energy, every output finite.
    let r = try c.compute([:])
    for o in c.outputs { XCTAssertTrue(r.values[o.name]?.isFinite == true, o.name) }
    XCTAssertGreaterThan(r.values["annualSavings"] ?? 0, 0)
  }
}
