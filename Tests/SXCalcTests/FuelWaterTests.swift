import XCTest
@testable import SXCalc

final class FuelWaterTests: XCTestCase {
  func testNaturalGasFlowMeter() {
    for v in Vectors.family("treasure_hunt.natural_gas_reduction.flow_meter") {
      guard
        let r = calc(
          "fuel.reduction.flow_meter",
          [
            "flowRate": v.input("flowRate") * U.ft3 / U.hour, "units": v.input("units"), "hours": v.input("operatingHours") * U.hour,
            "fuelPrice": v.input("fuelCost") / U.mmbtu,
          ])
      else { continue }
      v.check("energyUse", r.values["annualEnergy"], scale: U.mmbtu)
      v.check("energyCost", r.values["annualCost"])
    }
  }

  func testNaturalGasAirHeating() {
    for v in Vectors.family("treasure_hunt.natural_gas_reduction.air_measured") {
      // airflow = duct area × velocity = 50 ft² × 200 ft/min.
      guard
        let r = calc(
          "fuel.reduction.air",
          [
            "airflow": v.input("areaOfDuct") * v.input("airVelocity") * U.cfm, "inletTemperature": U.fahrenheit(v.input("inletTemperature")),
            "outletTemperature": U.fahrenheit(v.input("outletTemperature")), "systemEfficiency": v.input("systemEfficiency"),
            "units": v.input("units"), "hours": v.input("operatingHours") * U.hour, "fuelPrice": v.input("fuelCost") / U.mmbtu,
          ])
      else { continue }
      v.check("energyUse", r.values["annualEnergy"], scale: U.mmbtu)
      v.check("energyCost", r.values["annualCost"])
      v.check("heatFlow", r.values["heatRate"], scale: U.mmbtu / U.hour)
    }
  }

  func testNaturalGasOther() {
    for v in Vectors.family("treasure_hunt.natural_gas_reduction.other") {
      guard
        let r = calc(
          "fuel.reduction.other", ["annualEnergy": v.input("consumption") * U.mmbtu, "fuelPrice": v.input("fuelCost") / U.mmbtu])
      else { continue }
      v.check("energyUse", r.values["annualEnergy"], scale: U.mmbtu)
      v.check("energyCost", r.values["annualCost"])
    }
  }

  func testWaterHeatingConstant() {
    // 500 Btu/(h·gpm·°F): 10 gpm heated by 50 °F = 250,000 Btu/h.
    let r = calc(
      "fuel.reduction.water",
      [
        "waterFlow": 10 * U.gal / 60, "inletTemperature": U.fahrenheit(60), "outletTemperature": U.fahrenheit(110), "systemEfficiency": 1,
      ])
    XCTAssertEqual((r?.values["heatRate"] ?? 0) / (U.btu / U.hour), 250_000, accuracy: 1e-6)
  }

  func testIPCCDefaults() {
    let keys = [
      "Gas/Diesel Oil": "diesel", "Liquefied Petroleum Gases": "lpg", "Anthracite": "anthracite", "Wood/Wood Waste": "wood",
    ]
    for v in Vectors.family("fuel.ipcc2006_default") {
      guard let name = v.inputText("fuel"), let key = keys[name],
        let index = FuelCalculators.fuels.firstIndex(where: { $0.key == key })
      else {
        XCTFail("unknown fuel in vector #\(v.index)")
        continue
      }
      guard let r = calc("fuel.energy_co2", ["fuel": Double(index), "mass": v.input("mass") * 1_000]) else { continue }
      v.check("NCV", r.values["ncv"], scale: 1e6)
      v.check("carbonContent", r.values["carbonContent"], scale: 1e-9)
      v.check("CO2_EF", r.values["co2Factor"], scale: 1e-12)
      v.check("CO2_EF_from_carbon", r.values["co2FactorFromCarbon"], scale: 1e-12)
      v.check("energy", r.values["energy"], scale: 1e9)
      let biogenic = FuelCalculators.fuels[index].biogenic
      v.check("CO2", biogenic ? r.values["co2Biogenic"] : r.values["co2"])
      XCTAssertEqual(biogenic ? r.values["co2"] : r.values["co2Biogenic"], 0)
      v.check("CH4", r.values["ch4"])
      v.check("N2O", r.values["n2o"])
    }
  }

  func testVietnameseTOE() {
    // MOIT: 1 t DO = 1.02 TOE; coal fines 5–6 = 0.50 TOE/t; wood (not in the table) = 15.6 GJ / 41.868.
    func toe(_ key: String) -> Double? {
      guard let i = FuelCalculators.fuels.firstIndex(where: { $0.key == key }) else { return nil }
      return calc("fuel.energy_co2", ["fuel": Double(i), "mass": 1_000])?.values["toe"]
    }
    XCTAssertEqual(toe("diesel") ?? 0, 1.02, accuracy: 1e-12)
    XCTAssertEqual(toe("coal_cam_5_6") ?? 0, 0.50, accuracy: 1e-12)
    XCTAssertEqual(toe("wood") ?? 0, 15.6 / 41.868, accuracy: 1e-12)
    // Electricity: 1 MWh = 0.1543 TOE; 2023 grid factor 0.6592 tCO2/MWh.
    let e = calc("electricity.toe_co2", ["energy": 3.6e9])
    XCTAssertEqual(e?.values["toe"] ?? 0, 0.1543, accuracy: 1e-12)
    XCTAssertEqual(e?.values["co2"] ?? 0, 659.2, accuracy: 1e-9)
  }

  func testWaterReduction() {
    for v in Vectors.family("treasure_hunt.water_reduction") {
      let price = v.input("waterCost") / U.gal
      let hours = v.input("operatingHours") * U.hour
      let r: CalcResult?
      if v.input("measurementMethod") == 0 {
        r = calc("water.reduction.metered", ["flowRate": v.input("meterReading") * U.gal / 60, "hours": hours, "waterPrice": price])
      } else {
        r = calc(
          "water.reduction.bucket",
          ["bucketVolume": v.input("bucketVolume") * U.gal, "fillTime": v.input("bucketFillTime"), "hours": hours, "waterPrice": price])
      }
      v.check("waterUse", r?.values["annualWater"], scale: U.gal)
      v.check("waterCost", r?.values["annualCost"])
    }
    // Volume meter: 12 m³ in 30 min → 24 m³/h; 100 h → 2400 m³.
    let r = calc("water.reduction.volume", ["initialReading": 100, "finalReading": 112, "elapsedTime": 1_800, "hours": 100 * U.hour])
    XCTAssertEqual(r?.values["annualWater"] ?? 0, 2_400, accuracy: 1e-9)
  }
}
