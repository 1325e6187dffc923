import XCTest
@testable import SXCalc

final class CompressedAirTests: XCTestCase {
  /// kW/cfm → W per (m³/s).
  let kWPerCfm = 1_000 / U.cfm

  func testReductionFlowMeterPricedPerCubicFoot() {
    for v in Vectors.family("treasure_hunt.compressed_air_reduction.flow_meter_air_cost") {
      // utilityType 0: priced per ft³ of air; MEASUR then reports 0 kWh, which is what specificPower = 0 gives.
      guard
        let r = calc(
          "air.reduction.flow_meter",
          [
            "meterReading": v.input("meterReading") * U.cfm, "hours": v.input("hoursPerYear") * U.hour, "units": v.input("units"),
            "airPrice": v.input("utilityCost") / U.ft3, "specificPower": 0,
          ])
      else { continue }
      v.check("consumption", r.values["annualVolume"], scale: U.ft3)
      v.check("flowRate", r.values["flowRate"], scale: U.cfm)
      v.check("energyUse", r.values["annualEnergy"], scale: U.kWh)
      v.check("energyCost", r.values["annualCost"])
    }
  }

  func testReductionBag() {
    for v in Vectors.family("treasure_hunt.compressed_air_reduction.bag_method") {
      guard
        let r = calc(
          "air.reduction.bag",
          [
            "bagHeight": v.input("bagHeight") * U.inch, "bagDiameter": v.input("bagDiameter") * U.inch, "fillTime": v.input("fillTime"),
            "units": v.input("units"), "hours": v.input("hoursPerYear") * U.hour,
            "specificPower": v.input("compressorSpecificPower") * kWPerCfm, "electricityPrice": v.input("utilityCost") / U.kWh,
          ])
      else { continue }
      v.check("flowRate", r.values["flowRate"], scale: U.cfm)
      v.check("consumption", r.values["annualVolume"], scale: U.ft3)
      v.check("energyUse", r.values["annualEnergy"], scale: U.kWh)
      v.check("energyCost", r.values["annualCost"])
    }
  }

  func testReductionNozzleMultiple() {
    for v in Vectors.family("treasure_hunt.compressed_air_reduction.nozzle_multiple") {
      // utilityType 1 (electricity); MEASUR ignores `units` in the nozzle method, so the calculator has no such input.
      XCTAssertEqual(v.input("utilityType"), 1)
      XCTAssertEqual(v.input("measurementMethod"), 2)
      guard
        let psig = try? CalcUnits.toSI(v.input("supplyPressure"), "psig"),
        let r = calc(
          "air.reduction.nozzle",
          [
            "nozzleType": v.input("nozzleType"), "supplyPressure": psig, "nozzles": v.input("numberOfNozzles"),
            "hours": v.input("hoursPerYear") * U.hour, "specificPower": v.input("compressorSpecificPower") * kWPerCfm,
            "electricityPrice": v.input("utilityCost") / U.kWh,
          ])
      else {
        XCTFail("nozzle vector did not compute")
        continue
      }
      v.check("singleNozzleFlowRate", r.values["singleNozzleFlow"], scale: U.cfm)
      v.check("flowRate", r.values["flowRate"], scale: U.cfm)
      v.check("consumption", r.values["annualVolume"], scale: U.ft3)
      v.check("energyUse", r.values["annualEnergy"], scale: U.kWh)
      v.check("energyCost", r.values["annualCost"])
    }
  }

  func testNozzleTableRowsAndRefusals() throws {
    // Row 0 at 100 psig by hand: −2.2e-7·1e4 + 0.018893·100 + 0.268476 = 2.155576 scfm.
    XCTAssertEqual((CompressedAirCalculators.nozzleFlow(type: 0, gauge: 100 * U.psi) ?? 0) / U.cfm, 2.155576, accuracy: 1e-9)
    // Rows 11 and 12 are the same air knife; 13 rows in all, each with a name.
    XCTAssertEqual(CompressedAirCalculators.nozzleTable.count, 13)
    XCTAssertEqual(CompressedAirCalculators.nozzleChoices.count, 13)
    XCTAssertNil(CompressedAirCalculators.nozzleFlow(type: 13, gauge: 1e5))
    let c = try XCTUnwrap(CalculatorCatalog.calculator("air.reduction.nozzle"))
    XCTAssertNil(c.input("units"), "MEASUR ignores units in the nozzle method")
    for t in 0..<13 {
      let r = try c.compute(["nozzleType": Double(t), "supplyPressure": 101_325 + 6e5])
      XCTAssertGreaterThan(r.values["flowRate"] ?? 0, 0, "row \(t)")
    }
    for bad in [13.0, -1, 2.5] {
      XCTAssertThrowsError(try c.compute(["nozzleType": bad])) { e in
        let m = (e as? CalcError)?.message
        XCTAssertEqual((e as? CalcError)?.input, "nozzleType")
        XCTAssertTrue(m?.en.contains("air_knife") == true && m?.vi.contains("air_knife") == true)
      }
    }
    XCTAssertThrowsError(try c.compute(["supplyPressure": 101_325])) { e in
      XCTAssertEqual((e as? CalcError)?.input, "supplyPressure")
      XCTAssertFalse((e as? CalcError)?.message.vi.isEmpty ?? true)
    }
    // The CLI reads a choice by name.
    let i = try XCTUnwrap(c.input("nozzleType"))
    XCTAssertEqual(try CalcCLI.value("pipe_1_4in_open", for: i, language: .en), 2)
  }

  func leakSurvey(_ family: String, _ id: String, _ extra: (Vector) -> [String: Double]) {
    for v in Vectors.family(family) {
      var x: [String: Double] = [
        "leaks": v.input("units"), "hours": v.input("hoursPerYear") * U.hour,
        "specificPower": v.input("compressorSpecificPower") * kWPerCfm, "electricityPrice": v.input("utilityCost") / U.kWh,
      ]
      x.merge(extra(v)) { $1 }
      guard let r = calc(id, x) else { continue }
      v.check("totalFlowRate", r.values["flowRate"], scale: U.cfm)
      v.check("annualTotalFlowRate", r.values["annualVolume"], scale: U.ft3)
      v.check("annualTotalElectricity", r.values["annualEnergy"], scale: U.kWh)
      v.check("annualTotalElectricityCost", r.values["annualCost"])
    }
  }

  func testLeakSurveyEstimate() {
    leakSurvey("compressed_air.leak_survey.estimate", "air.leak.estimate") { ["leakRate": $0.input("leakRateEstimate") * U.cfm] }
  }

  func testLeakSurveyBag() {
    leakSurvey("compressed_air.leak_survey.bag", "air.leak.bag") {
      ["bagHeight": $0.input("bagHeight") * U.inch, "bagDiameter": $0.input("bagDiameter") * U.inch, "fillTime": $0.input("fillTime")]
    }
  }

  func testDecibelBilinearHandWorked() {
    // Corners (5 barg, 30 dB) 20, (7, 30) 25, (5, 50) 60, (7, 50) 75 L/min; at (6 barg, 40 dB) the bilinear
    // value is the mean of the four corners, 45 L/min.
    let barg = { (b: Double) in b * 1e5 + 101_325 }
    let r = calc(
      "air.leak.decibel",
      [
        "linePressure": barg(6), "decibels": 40, "pressureA": barg(5), "pressureB": barg(7), "decibelsA": 30, "decibelsB": 50,
        "flowAA": 20e-3 / 60, "flowBA": 25e-3 / 60, "flowAB": 60e-3 / 60, "flowBB": 75e-3 / 60,
      ])
    XCTAssertEqual((r?.values["flowRate"] ?? 0) * 60e3, 45, accuracy: 1e-9)
    // On a corner the grid value comes back.
    let corner = calc(
      "air.leak.decibel",
      [
        "linePressure": barg(7), "decibels": 30, "pressureA": barg(5), "pressureB": barg(7), "decibelsA": 30, "decibelsB": 50,
        "flowAA": 20e-3 / 60, "flowBA": 25e-3 / 60, "flowAB": 60e-3 / 60, "flowBB": 75e-3 / 60,
      ])
    XCTAssertEqual((corner?.values["flowRate"] ?? 0) * 60e3, 25, accuracy: 1e-9)
  }

  func testPressureReductionBaseline() {
    for v in Vectors.family("treasure_hunt.compressed_air_pressure_reduction.baseline") {
      let p = v.input("pressure") * U.psi + 14.7 * U.psi
      guard
        let r = calc(
          "air.pressure_reduction",
          [
            "compressorPower": v.input("compressorPower") * 1e3, "ratedPressure": p, "proposedPressure": p,
            "atmosphericPressure": 14.7 * U.psi, "hours": v.input("hoursPerYear") * U.hour,
            "electricityPrice": v.input("electricityCost") / U.kWh,
          ])
      else { continue }
      v.check("energyUse", r.values["baselineEnergy"], scale: U.kWh)
      v.check("energyCost", r.values["baselineCost"])
      XCTAssertEqual(r.values["energySavings"] ?? -1, 0, accuracy: 1e-6)
    }
    for v in Vectors.family("treasure_hunt.compressed_air_pressure_reduction.baseline_list") {
      // Four baselines at 8640 h and 0.005 $/kWh: 500, 250, 500, 450 kW.
      var energy = 0.0, cost = 0.0
      for kW in [500.0, 250, 500, 450] {
        let r = calc(
          "air.pressure_reduction",
          [
            "compressorPower": kW * 1e3, "ratedPressure": 8e5, "proposedPressure": 8e5, "hours": 8_640 * U.hour,
            "electricityPrice": 0.005 / U.kWh,
          ])
        energy += r?.values["baselineEnergy"] ?? .nan
        cost += r?.values["baselineCost"] ?? .nan
      }
      v.check("energyUse", energy, scale: U.kWh)
      v.check("energyCost", cost)
    }
  }

  func testPressureReductionHandWorked() throws {
    // 100 kW rated at 8 bar(g) → 7 bar(g), p_atm 1.01325 bar, c = 0.395/1.395:
    // ((8.01325/1.01325)^c − 1) / ((9.01325/1.01325)^c − 1) = 0.79603 / 0.85685 = 0.92902 (by hand, logarithms).
    let c = 0.395 / 1.395
    let ratio = (pow(8.01325 / 1.01325, c) - 1) / (pow(9.01325 / 1.01325, c) - 1)
    XCTAssertEqual(ratio, 0.92902, accuracy: 5e-5)  // ≈ 7.1 % less power for 1 bar (domain.md §3.5: ~7.5 %/bar)
    let r = calc("air.pressure_reduction", ["compressorPower": 100e3, "ratedPressure": 9.01325e5, "proposedPressure": 8.01325e5])
    XCTAssertEqual((r?.values["proposedPower"] ?? 0) / 1e3, 100 * ratio, accuracy: 1e-9)
  }

  func orificeFlow(psig: Double, diameterInch d: Double, cd: Double) -> Double? {
    calc(
      "air.leak.orifice",
      [
        // 70 °F as the table takes it: 530 °R.
        "diameter": d * U.inch, "pressure": (psig + 14.7) * U.psi, "airTemperature": 530 / 1.8,
        "atmosphericPressure": 14.7 * U.psi, "dischargeCoefficient": cd,
      ])?.values["flowRate"]
  }

  func testOrificeTable() {
    let sizes: [(String, Double)] = [("1/64", 1.0 / 64), ("1/32", 1.0 / 32), ("1/16", 1.0 / 16), ("1/8", 0.125), ("1/4", 0.25), ("3/8", 0.375)]
    for v in Vectors.family("compressed_air_leak.orifice_table") {
      XCTAssertEqual(v.input("airTemperature"), 70)
      for (label, d) in sizes {
        v.check("flow_\(label)in", orificeFlow(psig: v.input("supplyPressure"), diameterInch: d, cd: v.input("dischargeCoefficient")), scale: U.cfm)
      }
    }
  }

  func testOrificeFormulaCheck() {
    for v in Vectors.family("compressed_air_leak.orifice_formula_check") {
      let q = orificeFlow(psig: v.input("supplyPressure"), diameterInch: v.input("orificeDiameter"), cd: v.input("dischargeCoefficient"))
      v.check("flow_moss", q, scale: U.cfm)
      v.check("table_value", q, scale: U.cfm)
      // flow_measur_formula (104.227459) is MEASUR's isentropic variant, 0.37 % above the table formula we use.
      XCTAssertEqual((q ?? 0) / U.cfm / v.expect("flow_measur_formula").value, 1, accuracy: 0.005)
    }
  }

  func testDOETipSheetIsTableTimes097() {
    for v in Vectors.family("compressed_air_leak.doe_tip_sheet") {
      for (name, e) in v.expected {
        // flow_1/8in_90psig → 1/8 in, 90 psig
        let parts = name.split(separator: "_")
        guard parts.count == 3, let psig = Double(parts[2].dropLast(4)) else {
          XCTFail("unexpected key \(name)")
          continue
        }
        let frac = parts[1].dropLast(2).split(separator: "/").compactMap { Double($0) }
        guard frac.count == 2 else { continue }
        XCTAssertTrue(e.unit.hasPrefix("cfm"))
        v.check(name, orificeFlow(psig: psig, diameterInch: frac[0] / frac[1], cd: 0.97), scale: U.cfm)
      }
    }
  }

  func testOrificeNeedsChokedFlow() {
    XCTAssertThrowsError(try CalculatorCatalog.calculator("air.leak.orifice")?.compute(["pressure": 150_000])) { e in
      XCTAssertEqual((e as? CalcError)?.input, "pressure")
    }
  }
}
