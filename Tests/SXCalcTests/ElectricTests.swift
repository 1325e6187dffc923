import XCTest
@testable import SXCalc

final class ElectricTests: XCTestCase {
  func testMultimeterThreePhase() {
    for v in Vectors.family("treasure_hunt.electricity_reduction.multimeter_3ph") {
      guard
        let r = calc(
          "electric.reduction.multimeter",
          [
            "phases": v.input("numberOfPhases") == 3 ? 1 : 0, "voltage": v.input("supplyVoltage"), "current": v.input("averageCurrent"),
            "powerFactor": v.input("powerFactor"), "units": v.input("units"), "hours": v.input("operatingHours") * U.hour,
            "electricityPrice": v.input("electricityCost") / U.kWh,
          ])
      else { continue }
      v.check("power", r.values["power"], scale: 1e3)
      v.check("energyUse", r.values["annualEnergy"], scale: U.kWh)
      v.check("energyCost", r.values["annualCost"])
    }
  }

  func testNameplateWithEfficiencyAsFraction() {
    // Documented MEASUR quirk: the test passes efficiency 100 and the engine divides by it raw. Our efficiency is
    // a fraction, so 100 % = 1.0 and the correct values are 100 × the vector's (695,092 kWh/yr).
    for v in Vectors.family("treasure_hunt.electricity_reduction.nameplate") {
      XCTAssertEqual(v.input("motorAndDriveEfficiency"), 100)
      guard
        let r = calc(
          "electric.reduction.nameplate",
          [
            "ratedPower": v.input("ratedMotorPower") * 1e3, "loadFactor": v.input("loadFactor"),
            "operatingFrequency": v.input("operationalFrequency"), "lineFrequency": v.input("lineFrequency"), "efficiency": 1,
            "units": v.input("units"), "hours": v.input("operatingHours") * U.hour, "electricityPrice": v.input("electricityCost") / U.kWh,
          ])
      else { continue }
      v.check("energyUse", r.values["annualEnergy"], scale: 100 * U.kWh)
      v.check("energyCost", r.values["annualCost"], scale: 100)
      XCTAssertEqual((r.values["annualEnergy"] ?? 0) / U.kWh, 695_092.06, accuracy: 0.05)  // the notes round to 2 decimals
    }
  }

  func testOtherAndPowerMeter() {
    for v in Vectors.family("treasure_hunt.electricity_reduction.other") {
      guard
        let r = calc(
          "electric.reduction.other",
          ["annualEnergy": v.input("energy") * U.kWh, "electricityPrice": v.input("electricityCost") / U.kWh])
      else { continue }
      v.check("energyUse", r.values["annualEnergy"], scale: U.kWh)
      v.check("energyCost", r.values["annualCost"])
    }
    // Power meter: 12 kW × 2 units × 1000 h = 24,000 kWh.
    let r = calc("electric.reduction.power_meter", ["meteredPower": 12e3, "units": 2, "hours": 1_000 * U.hour])
    XCTAssertEqual((r?.values["annualEnergy"] ?? 0) / U.kWh, 24_000, accuracy: 1e-9)
  }

  func testMotorReplacement() {
    for v in Vectors.family("motor.replacement") {
      // MEASUR converts hp with 0.746 kW/hp.
      guard
        let r = calc(
          "motor.replacement",
          [
            "ratedPower": v.input("motorSize") * 746, "load": v.input("load") / 100, "hours": v.input("operatingHours") * U.hour,
            "electricityPrice": v.input("electricityCost") / U.kWh, "existingEfficiency": v.input("existingEfficiency") / 100,
            "newEfficiency": v.input("newEfficiency") / 100, "purchaseCost": v.input("purchaseCost"), "rewindCost": v.input("rewindCost"),
            "rewindEfficiencyLoss": v.input("rewindEfficiencyLoss") / 100,
          ])
      else { continue }
      v.check("existingEnergyUse", r.values["existingEnergy"], scale: U.kWh)
      v.check("newEnergyUse", r.values["newEnergy"], scale: U.kWh)
      v.check("annualEnergySavings", r.values["energySavings"], scale: U.kWh)
      v.check("costSavings", r.values["costSavings"])
      v.check("simplePayback", r.values["simplePayback"], scale: U.year)
      v.check("rewoundEnergyUse", r.values["rewoundEnergy"], scale: U.kWh)
      v.check("incrementalSimplePayback", r.values["incrementalPayback"], scale: U.year)
    }
  }

  func testLightingReplacement() {
    for v in Vectors.family("lighting.replacement") {
      guard
        let r = calc(
          "lighting.replacement",
          [
            "hours": v.input("hoursPerYear") * U.hour, "lampsPerFixture": v.input("lampsPerFixture"), "newLampsPerFixture": v.input("lampsPerFixture"),
            "fixtures": v.input("numberOfFixtures"), "wattsPerLamp": v.input("baselineWattsPerLamp"),
            "lumensPerLamp": v.input("baselineLumensPerLamp"), "newWattsPerLamp": v.input("modWattsPerLamp"),
            "newLumensPerLamp": v.input("modLumensPerLamp"), "electricityPrice": v.input("electricityCost") / U.kWh,
          ])
      else { continue }
      v.check("baselineElectricityUse", r.values["currentEnergy"], scale: U.kWh)
      v.check("modElectricityUse", r.values["newEnergy"], scale: U.kWh)
      v.check("energySavings", r.values["energySavings"], scale: U.kWh)
      v.check("costSavings", r.values["costSavings"])
      v.check("baselineTotalLighting", r.values["currentLumens"])
      v.check("modTotalLighting", r.values["newLumens"])
    }
  }

  func testAffinityLawHandWorked() {
    // domain.md §2.5: 80 % speed ≈ 51 % power (0.8³ = 0.512) with the cube law and no drive loss.
    let r = calc(
      "fan_pump.speed_reduction",
      ["power": 10e3, "currentSpeed": 1_000, "newSpeed": 800, "exponent": 3, "driveEfficiency": 1, "hours": 1_000 * U.hour])
    XCTAssertEqual(r?.values["newPower"] ?? 0, 5_120, accuracy: 1e-9)
    XCTAssertEqual((r?.values["energySavings"] ?? 0) / U.kWh, 4_880, accuracy: 1e-9)
    XCTAssertThrowsError(try CalculatorCatalog.calculator("fan_pump.speed_reduction")?.compute(["newSpeed": 2_000]))
  }
}

final class MotorEfficiencyTests: XCTestCase {
  func cls(_ v: Vector) -> MotorEfficiency.EfficiencyClass? {
    switch v.inputText("efficiencyClass") {
    case "STANDARD": .standard
    case "ENERGY_EFFICIENT": .energyEfficient
    case "PREMIUM": .premium
    default: nil
    }
  }

  func testEfficiencyCurves() throws {
    for v in Vectors.family("motor.efficiency_curve") {
      let c = try XCTUnwrap(cls(v))
      let hp = v.input("motorRatedPower")
      let points = MotorEfficiency.loadPoints(hp: hp, rpm: v.input("motorRpm"), frequency: v.input("lineFrequency"), efficiencyClass: c)
      for (name, _) in v.expected {
        guard let lf = Double(name.replacingOccurrences(of: "eff_at_LF_", with: "")) else {
          XCTFail(name)
          continue
        }
        v.check(name, MotorEfficiency.efficiency(load: lf, hp: hp, points: points))
        // The calculator (hp → kW at MEASUR's 0.746) gives the same.
        let r = calc(
          "motor.efficiency",
          [
            "ratedPower": hp * 746, "speed": v.input("motorRpm"), "frequency": v.input("lineFrequency") == 60 ? 1 : 0,
            "efficiencyClass": Double(c.rawValue), "load": lf,
          ])
        v.check(name, r?.values["efficiency"])
      }
    }
  }

  func testPremiumLoadPoints() throws {
    for v in Vectors.family("motor.efficiency_curve.premium_25pct_points") {
      let p = MotorEfficiency.loadPoints(
        hp: v.input("motorRatedPower"), rpm: v.input("motorRpm"), frequency: v.input("lineFrequency"), efficiencyClass: try XCTUnwrap(cls(v)))
      for (i, name) in ["eff_25", "eff_50", "eff_75", "eff_100", "eff_125"].enumerated() { v.check(name, p[i]) }
    }
  }

  func testPolesFromSpeed() {
    XCTAssertEqual(MotorEfficiency.poles(rpm: 1_450, frequency: 50), 4)
    XCTAssertEqual(MotorEfficiency.poles(rpm: 2_950, frequency: 50), 2)
    XCTAssertEqual(MotorEfficiency.poles(rpm: 1_600, frequency: 60), 4)  // outside the bands: ⌊⌊7200/1600⌋/2⌋·2
    XCTAssertEqual(MotorEfficiency.poles(rpm: 100, frequency: 50), 12)
  }
}
