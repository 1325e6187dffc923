import XCTest
@testable import SXCalc

final class BoilerTests: XCTestCase {
  func testO2Enrichment() {
    for v in Vectors.family("process_heat.o2_enrichment_excess_air") {
      guard
        let r = calc(
          "process_heat.o2_enrichment",
          [
            "o2CombAir": v.input("o2CombAir") / 100, "o2CombAirEnriched": v.input("o2CombAirEnriched") / 100,
            "flueGasTemp": U.fahrenheit(v.input("flueGasTemp")), "flueGasTempEnriched": U.fahrenheit(v.input("flueGasTempEnriched")),
            "o2FlueGas": v.input("o2FlueGas") / 100, "o2FlueGasEnriched": v.input("o2FlueGasEnriched") / 100,
            "combAirTemp": U.fahrenheit(v.input("combAirTemp")), "combAirTempEnriched": U.fahrenheit(v.input("combAirTempEnriched")),
            "fuelConsumption": v.input("fuelConsumption") * U.mmbtu / U.hour,
          ])
      else { continue }
      v.check("availableHeat", r.values["availableHeat"], scale: 0.01)
      v.check("availableHeatEnriched", r.values["availableHeatEnriched"], scale: 0.01)
      v.check("fuelSavingsEnriched", r.values["fuelSavings"], scale: 0.01)
      v.check("fuelConsumptionEnriched", r.values["fuelConsumptionEnriched"], scale: U.mmbtu / U.hour)
    }
  }

  func testStackLossUsesTheSameCorrelation() {
    // Vector 39's base case, exact value quoted in its notes: 61.9702857772 % at 1800 °F flue, 5 % O2, 900 °F air.
    let r = calc("boiler.stack_loss", ["flueTemperature": U.fahrenheit(1_800), "flueO2": 0.05, "airTemperature": U.fahrenheit(900)])
    XCTAssertEqual((r?.values["availableHeat"] ?? 0) * 100, 61.9702857772, accuracy: 1e-8)
    XCTAssertEqual((r?.values["stackLoss"] ?? 0) * 100, 100 - 61.9702857772, accuracy: 1e-8)
  }

  func testExcessAirFromO2() {
    // calculators.md §6 and vector 41's notes: 3 % O2 → 0.14917 (methane formula).
    let r = calc("boiler.excess_air", ["flueO2": 0.03])
    XCTAssertEqual(r?.values["excessAir"] ?? 0, 0.14917, accuracy: 5e-6)
    XCTAssertThrowsError(try CalculatorCatalog.calculator("boiler.excess_air")?.compute(["flueO2": 0.25]))
  }

  func testBlowdownHandWorked() throws {
    // q_bd = 2000 × 150 / (3500 − 150) = 89.552 kg/h; share of feedwater = 150/3500.
    let r = calc("boiler.blowdown", ["steamFlow": 2_000 / U.hour, "feedwaterTDS": 150e-6, "boilerTDS": 3_500e-6])
    XCTAssertEqual((r?.values["blowdownFlow"] ?? 0) * U.hour, 2_000 * 150 / 3_350, accuracy: 1e-9)
    XCTAssertEqual(r?.values["blowdownShare"] ?? 0, 150.0 / 3_500, accuracy: 1e-12)
    XCTAssertThrowsError(try CalculatorCatalog.calculator("boiler.blowdown")?.compute(["feedwaterTDS": 4_000e-6])) { e in
      XCTAssertEqual((e as? CalcError)?.input, "boilerTDS")
    }
  }

  func testDirectEfficiencyHandWorked() {
    // 1000 kg/h of 10 bar(a) saturated steam (h_g 2777.119538 kJ/kg, vectors file) from 27 °C feedwater at 10 bar
    // (h = 113.492302 kJ/kg, iapws 1.5.5 _Region1(300, 1.0)); 120 kg/h of fuel at 25.8 MJ/kg.
    let r = calc(
      "boiler.efficiency.direct",
      ["steamFlow": 1_000 / U.hour, "steamPressure": 1e6, "steamState": 0, "feedwaterTemperature": 300, "fuelRate": 120 / U.hour, "fuelNCV": 25.8e6])
    let expected: Double = 1_000 * (2_777.119538 - 113.492302) / (120 * 25_800)
    XCTAssertEqual(r?.values["efficiency"] ?? 0, expected, accuracy: 1e-8)
    // A fuel rate too small for the steam gives an efficiency above 100 %: an error naming fuelRate.
    XCTAssertThrowsError(
      try CalculatorCatalog.calculator("boiler.efficiency.direct")?.compute(["steamFlow": 1, "fuelRate": 0.01, "fuelNCV": 25.8e6])
    ) { e in XCTAssertEqual((e as? CalcError)?.input, "fuelRate") }
  }
}

final class FinanceTests: XCTestCase {
  func testPublicFinancialVectors() {
    for v in Vectors.family("finance.npv_irr_payback") {
      let flows = v.inputList("cashFlows")
      let r = v.input("discountRate")
      XCTAssertEqual(flows.count, 6)
      // Library functions.
      v.check("NPV", Finance.npv(rate: r, flows: flows))
      v.check("IRR", Finance.irr(flows: flows))
      v.check("simplePayback", Finance.payback(flows: flows))
      v.check("discountedPayback", Finance.payback(flows: flows, discountRate: r))
      // The calculator with the flows as a list.
      guard
        let c = calc(
          "finance.cashflow", ["investment": -flows[0], "discountRate": r], lists: ["cashFlows": Array(flows.dropFirst())])
      else { continue }
      v.check("NPV", c.values["npv"])
      v.check("IRR", c.values["irr"])
      v.check("simplePayback", c.values["simplePayback"], scale: U.year)
      v.check("discountedPayback", c.values["discountedPayback"], scale: U.year)
      // Putting CF0 inside Excel's NPV() discounts it one year too: that is NPV / (1 + r), not our NPV.
      if r > 0 { XCTAssertNotEqual(c.values["npv"] ?? 0, v.expect("NPV_excel_style").value, accuracy: 1) }
      v.check("NPV_excel_style", (c.values["npv"] ?? .nan) / (1 + r))
    }
  }

  func testLevelFlowsAndAnnualisedSaving() {
    // 100 M VND, 30 M/yr for 5 years at 10 %: same as the first vector; annualised = NPV × CRF
    // = S − I₀ × CRF = 30 M − 100 M × 0.263797 = 3,620,252 VND/yr.
    let r = calc("finance.cashflow", ["investment": 100e6, "annualSaving": 30e6, "years": 5, "discountRate": 0.1])
    XCTAssertEqual(r?.values["npv"] ?? 0, 13_723_603.082253, accuracy: 0.01)
    let growth: Double = pow(1.1, 5)
    let crf: Double = 0.1 * growth / (growth - 1)
    XCTAssertEqual(r?.values["annualisedSaving"] ?? 0, 30e6 - 100e6 * crf, accuracy: 1e-6)
  }

  func testNeverPaysBackIsANoteNotInfinity() {
    let r = calc("finance.cashflow", ["investment": 100e6, "annualSaving": 10e6, "years": 5, "discountRate": 0.1])
    XCTAssertNil(r?.values["simplePayback"])
    XCTAssertNil(r?.values["discountedPayback"])
    XCTAssertFalse(r?.notes.isEmpty ?? true)
    XCTAssertTrue(r?.values.values.allSatisfy(\.isFinite) ?? false)
    XCTAssertThrowsError(try Finance.cashFlow.compute(["years": 2.5])) { e in XCTAssertEqual((e as? CalcError)?.input, "years") }
  }
}

final class InsulationTests: XCTestCase {
  func testCorrelations() {
    for v in Vectors.family("treasure_hunt.pipe_insulation.correlation.") {
      let name = v.calculator.split(separator: ".").last.map(String.init) ?? ""
      let value: Double
      switch name {
      case "reynolds":
        value = PipeHeatLoss.reynolds(diameter: v.input("diameter"), velocity: v.input("windVelocity"), kinematicViscosity: v.input("kinematicViscosity"))
      case "rayleigh":
        value = PipeHeatLoss.rayleigh(
          beta: v.input("expansionCoefficient"), surface: v.input("surfaceTemperature"), ambient: v.input("ambientTemperature"),
          diameter: v.input("diameter"), kinematicViscosity: v.input("kinematicViscosity"), alpha: v.input("alpha"))
      case "radiative_h":
        value = PipeHeatLoss.radiativeCoefficient(
          emissivity: v.input("emissivity"), surface: v.input("surfaceTemperature"), ambient: v.input("ambientTemperature"))
      case "convective_h": value = v.input("nusselt") * v.input("airConductivity") / v.input("diameter")
      case "nusselt_forced": value = PipeHeatLoss.nusseltForced(reynolds: v.input("reynolds"), prandtl: v.input("prandtl"))
      case "nusselt_free": value = PipeHeatLoss.nusseltFree(rayleigh: v.input("rayleigh"), prandtl: v.input("prandtl"))
      case "nusselt_combined": value = PipeHeatLoss.nusseltCombined(forced: v.input("nusseltForced"), free: v.input("nusseltFree"))
      case "thermal_resistance":
        value = PipeHeatLoss.resistance(
          referenceDiameter: v.input("diameterA"), outer: v.input("diameterB"), inner: v.input("diameterC"),
          conductivity: v.input("thermalConductivity"))
      default:
        XCTFail("unknown correlation \(name)")
        continue
      }
      v.check("result", value)
    }
  }

  func testInsulatedPipeSystemVector() throws {
    for v in Vectors.family("treasure_hunt.pipe_insulation.insulated") {
      let pipe = PipeHeatLoss.Pipe(
        outerDiameter: v.input("pipeDiameter"), wallThickness: v.input("pipeThickness"), pipeTemperature: v.input("pipeTemperature"),
        ambientTemperature: v.input("ambientTemperature"), windVelocity: v.input("windVelocity"), pipeEmissivity: v.input("pipeEmissivity"),
        jacketEmissivity: v.input("jacketEmissivity"), insulationThickness: v.input("insulationThickness"),
        pipeConductivity: v.inputList("pipeMaterialCoefficients"), insulationConductivity: v.inputList("insulationMaterialCoefficients"))
      XCTAssertEqual(pipe.pipeConductivity, PipeHeatLoss.carbonSteel)
      XCTAssertEqual(pipe.insulationConductivity, PipeHeatLoss.mineralFibre)
      let q = try PipeHeatLoss.heatLoss(pipe).heatPerLength
      v.check("heatLength", q)
      v.check("annualHeatLoss", q * v.input("pipeLength") * v.input("operatingHours") / v.input("systemEfficiency"))
      // The calculator on the same inputs.
      guard
        let r = calc(
          "insulation.pipe",
          [
            "length": v.input("pipeLength"), "outerDiameter": v.input("pipeDiameter"), "wallThickness": v.input("pipeThickness"),
            "pipeTemperature": v.input("pipeTemperature"), "ambientTemperature": v.input("ambientTemperature"),
            "windVelocity": v.input("windVelocity"), "pipeEmissivity": v.input("pipeEmissivity"),
            "jacketEmissivity": v.input("jacketEmissivity"), "insulationThickness": v.input("insulationThickness"), "insulation": 0,
            "systemEfficiency": v.input("systemEfficiency"), "hours": v.input("operatingHours") * U.hour,
          ])
      else { continue }
      v.check("heatLength", r.values["insulatedLoss"])
      v.check("annualHeatLoss", r.values["annualInsulated"], scale: 3_600)  // Wh → J
      XCTAssertGreaterThan(r.values["bareLoss"] ?? 0, 5 * (r.values["insulatedLoss"] ?? 0))
    }
  }

  func testTableMethod() {
    // domain.md §3.7: DN50 at ΔT 139 K = 458 W/m; 10 m ≈ 4.6 kW ≈ 36.6 MWh_th at 8000 h.
    let r = calc(
      "insulation.pipe.table",
      ["dn": 2, "pipeTemperature": 273.15 + 169, "ambientTemperature": 273.15 + 30, "length": 10, "systemEfficiency": 1, "hours": 8_000 * U.hour])
    XCTAssertEqual(r?.values["bareLoss"] ?? 0, 458, accuracy: 1e-9)
    XCTAssertEqual((r?.values["annualBare"] ?? 0) / 3.6e9, 36.64, accuracy: 1e-9)
    // Linear in ΔT between rows: DN50 at 132 K = 394 + (458 − 394) × 7/14 = 426 W/m.
    XCTAssertEqual(InsulationCalculators.tableLossPerMetre(dnIndex: 2, deltaT: 132) ?? 0, 426, accuracy: 1e-9)
    XCTAssertThrowsError(try InsulationCalculators.table.compute(["pipeTemperature": 373.15])) { e in
      XCTAssertEqual((e as? CalcError)?.input, "pipeTemperature")
    }
  }
}

final class CombustionTests: XCTestCase {
  func testSolidLiquidFlueO2FromExcessAir() throws {
    for v in Vectors.family("combustion.solid_liquid.o2_from_excess_air") {
      let fuel = SolidFuel(
        carbon: v.input("carbon"), hydrogen: v.input("hydrogen"), sulphur: v.input("sulphur"), ash: v.input("inertAsh"),
        oxygen: v.input("o2"), moisture: v.input("moisture"), nitrogen: v.input("nitrogen"),
        airMoisture: v.input("moistureInAirCombustion") / 100)
      for ea in v.inputList("excessAir") {
        let key = "flueO2_at_EA_\(ea)"
        v.check(key, fuel.flueO2(excessAir: ea))
        // The calculator inverts it exactly.
        let r = calc(
          "combustion.solid_fuel.excess_air",
          [
            "carbon": v.input("carbon") / 100, "hydrogen": v.input("hydrogen") / 100, "sulphur": v.input("sulphur") / 100,
            "ash": v.input("inertAsh") / 100, "oxygen": v.input("o2") / 100, "moisture": v.input("moisture") / 100,
            "nitrogen": v.input("nitrogen") / 100, "airMoisture": v.input("moistureInAirCombustion") / 100,
            "flueO2": v.expect(key).value,
          ])
        XCTAssertEqual(r?.values["excessAir"] ?? 0, ea, accuracy: 1e-7)
      }
    }
  }
}

final class GasCombustionTests: XCTestCase {
  func fuel(_ v: Vector) throws -> GasFuel {
    try XCTUnwrap(GasFuel(volume: GasFuel.constituentNames.map { v.input($0) }))
  }

  func testHeatingValueOfMethane() throws {
    for v in Vectors.family("combustion.gas.heating_value") {
      let f = try fuel(v)
      v.check("heatingValue", f.heatingValue)
      v.check("heatingValueVolume", f.heatingValueVolume)
      v.check("specificGravity", f.specificGravity)
    }
  }

  func testExcessAirFromO2MEASURProcedure() throws {
    for v in Vectors.family("combustion.gas.excess_air_from_o2") {
      let f = try fuel(v)
      for o2 in v.inputList("flueGasO2") { v.check("excessAir_at_\(o2)", f.excessAir(flueO2: o2)) }
    }
  }

  func testAvailableHeat() throws {
    for v in Vectors.family("combustion.gas.available_heat") {
      let f = try fuel(v)
      for o2 in v.inputList("flueGasO2") {
        let ah = f.availableHeat(
          flueTemperatureF: v.input("flueGasTempF"), flueO2: o2, airTemperatureF: v.input("combAirTemperatureF"),
          fuelTemperatureF: v.input("fuelTempF"), ambientF: v.input("ambientAirTempF"), airMoisture: v.input("combAirMoisturePerc"))
        v.check("availableHeat_at_O2_\(o2)", ah)
      }
      // The calculator on the same inputs (°F → K).
      var x: [String: Double] = [:]
      for n in GasFuel.constituentNames { x[n] = v.input(n) / 100 }
      x["flueO2"] = 0.09
      x["flueTemperature"] = U.fahrenheit(v.input("flueGasTempF"))
      x["airTemperature"] = U.fahrenheit(v.input("combAirTemperatureF"))
      x["fuelTemperature"] = U.fahrenheit(v.input("fuelTempF"))
      x["ambientTemperature"] = U.fahrenheit(v.input("ambientAirTempF"))
      v.check("availableHeat_at_O2_0.09", calc("combustion.gas", x)?.values["availableHeat"])
    }
  }
}
