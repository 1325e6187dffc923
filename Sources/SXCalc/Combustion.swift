import Foundation
import SXCore

/// Combustion of a solid or liquid fuel from its ultimate analysis (mass %), MEASUR's mass-balance model
/// (SolidLiquidFlueGasMaterial): per kg of fuel, stoichiometric O2 = C·32/12 + H·8 + S − O and N2 = O2·76.85/23.15
/// (air 23.15 % O2 by mass); with excess air EA the wet flue gas holds CO2 = C·44/12, H2O = 9·H + moisture +
/// air moisture, SO2 = 2·S, O2 = O2_stoich·EA, N2 = N2_stoich·(1 + EA); flue O2 (wet, mass basis) = O2 / total.
public struct SolidFuel: Sendable {
  /// Mass fractions, normalised to their sum.
  public let carbon, hydrogen, sulphur, oxygen, moisture: Double
  /// Moisture carried by the combustion air, kg per kg of dry air.
  public let airMoisture: Double

  public init(carbon: Double, hydrogen: Double, sulphur: Double, ash: Double, oxygen: Double, moisture: Double, nitrogen: Double, airMoisture: Double) {
    let total = carbon + hydrogen + sulphur + ash + oxygen + moisture + nitrogen
    self.carbon = carbon / total
    self.hydrogen = hydrogen / total
    self.sulphur = sulphur / total
    self.oxygen = oxygen / total
    self.moisture = moisture / total
    self.airMoisture = airMoisture
  }

  /// Stoichiometric O2 (kg per kg fuel).
  public var stoichiometricO2: Double { carbon * 32 / 12 + hydrogen * 8 + sulphur - oxygen }
  /// Stoichiometric dry air (kg per kg fuel).
  public var stoichiometricAir: Double { stoichiometricO2 * (1 + 76.85 / 23.15) }

  /// Flue-gas O2 (wet, mass fraction) at excess air `ea`.
  public func flueO2(excessAir ea: Double) -> Double {
    let o2s = stoichiometricO2, n2s = o2s * 76.85 / 23.15
    let air = (o2s + n2s) * (1 + ea)
    let co2 = carbon * 44 / 12
    let h2o = hydrogen * 9 + moisture + airMoisture * air
    let so2 = sulphur * 2
    let o2 = o2s * ea, n2 = n2s * (1 + ea)
    return o2 / (h2o + co2 + n2 + o2 + so2)
  }

  /// Excess air giving flue O2 `target` (solved exactly: flue O2 rises monotonically with excess air; MEASUR
  /// instead stops within 2 % of the target).
  public func excessAir(flueO2 target: Double) -> Double? {
    var lo = 0.0, hi = 1.0
    while flueO2(excessAir: hi) < target {
      hi *= 2
      if hi > 1e4 { return nil }
    }
    for _ in 0..<200 {
      let m = 0.5 * (lo + hi)
      if flueO2(excessAir: m) < target { lo = m } else { hi = m }
      if hi - lo < 1e-14 { break }
    }
    return 0.5 * (lo + hi)
  }

  /// Higher heating value estimate (J/kg): C·14,100 + H·61,100 + S·3,980 Btu/lb (MEASUR).
  public var heatingValue: Double { (carbon * 14_100 + hydrogen * 61_100 + sulphur * 3_980) * 2_326 }
}

enum CombustionCalculators {
  static let all: [Calculator] = [solidFuelExcessAir, gas]

  static func pct(_ name: String, _ d: Double, vi: String, en: String) -> CalcInput {
    CalcInput(name, "%", default: d * 100, min: .atLeast(0), max: .atMost(1), vi: vi, en: en)
  }

  static let solidFuelExcessAir = Calculator(
    id: "combustion.solid_fuel.excess_air",
    title: .t("Không khí thừa từ O2 khói — nhiên liệu rắn/lỏng", "Excess air from flue O2 — solid/liquid fuel"),
    help: .t(
      "Cân bằng khối lượng theo phân tích nguyên tố (% khối lượng, tự chuẩn hóa): O2 lý thuyết = C·32/12 + H·8 + S − O; N2 = O2·76,85/23,15; khói ướt = CO2 + H2O (9H + ẩm nhiên liệu + ẩm không khí) + SO2 + O2 dư + N2; O2 khói (ướt, theo khối lượng) = O2 dư / tổng. Giải đúng không khí thừa từ O2 đo được (MEASUR dừng khi sai 2 %). HHV ước tính = C·14.100 + H·61.100 + S·3.980 Btu/lb. Nguồn: MEASUR SolidLiquidFlueGasMaterial; calculators.md §6.",
      "Mass balance from the ultimate analysis (mass %, normalised): stoichiometric O2 = C·32/12 + H·8 + S − O; N2 = O2·76.85/23.15; wet flue gas = CO2 + H2O (9H + fuel moisture + air moisture) + SO2 + excess O2 + N2; flue O2 (wet, mass basis) = excess O2 / total. Solves the excess air exactly from the measured O2 (MEASUR stops within 2 %). HHV estimate = C·14,100 + H·61,100 + S·3,980 Btu/lb. Source: MEASUR SolidLiquidFlueGasMaterial; calculators.md §6."),
    inputs: [
      pct("carbon", 0.75, vi: "Cacbon", en: "Carbon"), pct("hydrogen", 0.05, vi: "Hydro", en: "Hydrogen"),
      pct("sulphur", 0.01, vi: "Lưu huỳnh", en: "Sulphur"), pct("ash", 0.09, vi: "Tro", en: "Ash"),
      pct("oxygen", 0.07, vi: "Oxy trong nhiên liệu", en: "Oxygen in the fuel"), pct("moisture", 0.015, vi: "Ẩm nhiên liệu", en: "Fuel moisture"),
      pct("nitrogen", 0.015, vi: "Nitơ", en: "Nitrogen"),
      pct("airMoisture", 0, vi: "Ẩm trong không khí đốt (% khối lượng không khí khô)", en: "Moisture in combustion air (% of dry air mass)"),
      CalcInput("flueO2", "%", default: 6, min: .over(0), max: .under(0.2315), vi: "O2 trong khói (ướt, theo khối lượng)", en: "Flue-gas O2 (wet, mass basis)"),
    ],
    outputs: [
      CalcOutputSpec("excessAir", "%", vi: "Không khí thừa", en: "Excess air"),
      CalcOutputSpec("stoichiometricAir", "kg/kg", vi: "Không khí lý thuyết / kg nhiên liệu", en: "Stoichiometric air per kg fuel"),
      CalcOutputSpec("actualAir", "kg/kg", vi: "Không khí thực tế / kg nhiên liệu", en: "Actual air per kg fuel"),
      CalcOutputSpec("heatingValue", "MJ/kg", vi: "Nhiệt trị cao ước tính", en: "Estimated higher heating value"),
    ],
    body: { a in
      let fuel = SolidFuel(
        carbon: a["carbon"], hydrogen: a["hydrogen"], sulphur: a["sulphur"], ash: a["ash"], oxygen: a["oxygen"], moisture: a["moisture"],
        nitrogen: a["nitrogen"], airMoisture: a["airMoisture"])
      guard fuel.stoichiometricO2 > 0 else {
        throw CalcError.invalid("carbon", vi: "thành phần không cháy được (O2 lý thuyết ≤ 0)", en: "the composition does not burn (stoichiometric O2 ≤ 0)")
      }
      guard let ea = fuel.excessAir(flueO2: a["flueO2"]) else {
        throw CalcError.invalid("flueO2", vi: "quá cao cho nhiên liệu này", en: "too high for this fuel")
      }
      return CalcResult(values: [
        "excessAir": ea, "stoichiometricAir": fuel.stoichiometricAir, "actualAir": fuel.stoichiometricAir * (1 + ea),
        "heatingValue": fuel.heatingValue,
      ])
    })
}

/// A gaseous fuel by volume composition, MEASUR's gas model (GasCompositions): per-constituent molecular weight,
/// specific weight (lb/scf), O2 demand, H2O and CO2 produced (g per mol) and heating values (HHV, Btu/lb and
/// Btu/scf); constituent c_p correlations in Btu/(lb-mol·°F) of T in °R. Data quoted from MEASUR's
/// GasFlueGasMaterial.h.
public struct GasFuel: Sendable {
  struct Constituent: Sendable {
    let name: String
    let molecularWeight: Double
    let specificWeight: Double
    let o2: Double
    let heatingValue: Double
    let heatingValueVolume: Double
    let h2o: Double
    let co2: Double
  }

  static let constituents: [Constituent] = [
    Constituent(name: "CH4", molecularWeight: 16.042, specificWeight: 0.042417, o2: 64, heatingValue: 23_875, heatingValueVolume: 1_012, h2o: 36.032, co2: 44.01),
    Constituent(name: "C2H6", molecularWeight: 30.068, specificWeight: 0.079503, o2: 112, heatingValue: 22_323, heatingValueVolume: 1_773, h2o: 54.048, co2: 88.02),
    Constituent(name: "N2", molecularWeight: 28.016, specificWeight: 0.074077, o2: 0, heatingValue: 0, heatingValueVolume: 0, h2o: 0, co2: 0),
    Constituent(name: "H2", molecularWeight: 2.016, specificWeight: 0.005331, o2: 16, heatingValue: 61_095, heatingValueVolume: 325, h2o: 18.016, co2: 0),
    Constituent(name: "C3H8", molecularWeight: 44.094, specificWeight: 0.116589, o2: 160, heatingValue: 21_669, heatingValueVolume: 2_523, h2o: 72.064, co2: 132.03),
    Constituent(name: "C4H10_CnH2n", molecularWeight: 58.12, specificWeight: 0.153675, o2: 208, heatingValue: 21_321, heatingValueVolume: 3_270, h2o: 90.08, co2: 176.04),
    Constituent(name: "H2O", molecularWeight: 18.016, specificWeight: 0.047636, o2: 0, heatingValue: 0, heatingValueVolume: 0, h2o: 18.016, co2: 0),
    Constituent(name: "CO", molecularWeight: 28.01, specificWeight: 0.074061, o2: 16, heatingValue: 4_347, heatingValueVolume: 321, h2o: 0, co2: 44.01),
    Constituent(name: "CO2", molecularWeight: 44.01, specificWeight: 0.116367, o2: 0, heatingValue: 0, heatingValueVolume: 0, h2o: 0, co2: 44.01),
    Constituent(name: "SO2", molecularWeight: 64.06, specificWeight: 0.169381, o2: 0, heatingValue: 0, heatingValueVolume: 0, h2o: 0, co2: 0),
    Constituent(name: "O2", molecularWeight: 32.00, specificWeight: 0.084611, o2: -32, heatingValue: 0, heatingValueVolume: 0, h2o: 0, co2: 0),
  ]

  public static var constituentNames: [String] { constituents.map(\.name) }

  /// Volume fractions (normalised) and mass fractions, in `constituents` order.
  let byVolume: [Double]
  let byWeight: [Double]

  /// `volume`: amounts by volume in `constituentNames` order (any scale; normalised here). Nil when all are zero.
  /// (MEASUR normalises SO2 as SO2·100/total, unlike every other constituent; SO2 carries no heating value or
  /// O2 demand there, so it only shifts the mass fractions. We normalise it like the others.)
  public init?(volume: [Double]) {
    let total = volume.reduce(0, +)
    guard volume.count == Self.constituents.count, total > 0 else { return nil }
    byVolume = volume.map { $0 / total }
    let weights = zip(byVolume, Self.constituents).map { $0 * $1.specificWeight }
    let w = weights.reduce(0, +)
    byWeight = weights.map { $0 / w }
  }

  func sum(_ f: (Double, Double, Constituent) -> Double) -> Double {
    var s = 0.0
    for i in 0..<Self.constituents.count { s += f(byVolume[i], byWeight[i], Self.constituents[i]) }
    return s
  }

  /// Higher heating value, Btu/lb.
  public var heatingValue: Double { sum { _, w, c in w * c.heatingValue } }
  /// Higher heating value, Btu/scf.
  public var heatingValueVolume: Double { sum { v, _, c in v * c.heatingValueVolume } }
  /// Specific gravity relative to air: Σ x·M / (22.4 × 1.205).
  public var specificGravity: Double { sum { v, _, c in v * c.molecularWeight } / (22.4 * 1.205) }
  /// Stoichiometric air, g per mol of fuel (MEASUR's unit): Σ x·O2 demand / 0.209.
  public var stoichiometricAir: Double { sum { v, _, c in v * c.o2 } * (1 + (1 - 0.209) / 0.209) }

  /// Closed-form starting value of excess air from dry flue O2 (methane basis): 8.52381·O2 / (2 − 9.52381·O2).
  public func excessAirEstimate(flueO2 o2: Double) -> Double { BoilerCalculators.excessAir(flueO2: o2) }

  /// Flue-gas component masses per lb of fuel at excess air `ea` (lb-mol-weighted as in MEASUR): O2 fraction of the
  /// flue gas = O2 / (H2O + CO2 + N2 + O2).
  public func flueO2(excessAir ea: Double) -> Double {
    let h2o = sum { _, w, c in c.h2o * w / c.molecularWeight }
    let co2 = sum { _, w, c in c.co2 * w / c.molecularWeight }
    let o2Demand = sum { _, w, c in c.o2 * w / c.molecularWeight }
    let o2 = o2Demand * ea
    let n2Fuel = byWeight[2]
    let n2 = (1 - 0.231) / 0.231 * o2Demand + o2 * (1 - 0.231) / 0.231 + n2Fuel
    return o2 / (h2o + co2 + n2 + o2)
  }

  /// MEASUR's excess-air procedure: start from the closed form, then change excess air by 1 % steps until the
  /// flue O2 is within 2 % (relative) of the measured value (at most 100 steps). Not the exact root; kept for
  /// parity with MEASUR's published numbers.
  public func excessAir(flueO2 target: Double) -> Double {
    var ea = excessAirEstimate(flueO2: target)
    if ea == 0 { return 0 }
    for _ in 0..<100 {
      let o2 = flueO2(excessAir: ea)
      if abs((target - o2) / target) < 0.02 { break }
      ea += o2 > target ? -ea * 0.01 : ea * 0.01
    }
    return ea
  }

  static func cpO2(_ t: Double) -> Double { 11.515 - 172 / t.squareRoot() + 1_530 / t }
  static func cpN2(_ t: Double) -> Double { 9.47 - 3.47 * 1_000 / t + 1.07 * 1_000_000 / (t * t) }
  static func cpH2O(_ t: Double) -> Double { 19.86 - 597 / t.squareRoot() + 7_500 / t }
  static func cpCO2(_ t: Double) -> Double { 16.2 - 6.53 * 1_000 / t + 1.41 * 1_000_000 / (t * t) }

  /// Available heat (fraction of HHV) by MEASUR's process-heating correlation (getProcessHeatProperties), all
  /// temperatures in °F: excess air by `excessAir(flueO2:)`; flue products per scf of fuel; water-vapour enthalpy
  /// from its partial pressure (h_sat = 1096.7·(p·29.926)^0.013, T_sat = 36.009·ln(p·29.926) + 81.054); mean
  /// c_p between the air and flue temperatures; credits for preheated air, air moisture and fuel sensible heat.
  /// Reproduces MEASUR's published values, including its air-c_p intercept (cpA = cp_final − cpB / T_flue).
  public func availableHeat(
    flueTemperatureF tf: Double, flueO2: Double, airTemperatureF tc: Double, fuelTemperatureF tfuel: Double, ambientF ta: Double,
    airMoisture: Double
  ) -> Double {
    let ea = excessAir(flueO2: flueO2)
    let ti = 460 + tc, tfR = 460 + tf
    let avgO2 = (Self.cpO2(ti) + Self.cpO2(tfR)) / 2 / 32
    let avgN2 = (Self.cpN2(ti) + Self.cpN2(tfR)) / 2 / 28
    let avgH2O = (Self.cpH2O(ti) + Self.cpH2O(tfR)) / 2 / 18
    let avgCO2 = (Self.cpCO2(ti) / 44 + Self.cpCO2(tfR) / 44) / 2
    func meanCp(_ t: Double) -> Double { (20.7 * Self.cpO2(t) / 378.2 + 78.3 * Self.cpN2(t) / 378.2 + 1 * Self.cpH2O(t) / 378.2) / 100 }
    let cpB = (meanCp(tfR) - meanCp(ti)) / (tf - ta)
    let cpA = meanCp(tfR) - cpB / tf
    let hv = heatingValueVolume
    var co2 = sum { v, _, c in v * c.co2 }
    var h2o = sum { v, _, c in v * c.h2o }
    var o2 = sum { v, _, c in v * c.o2 }
    let co2Vol = co2 * 0.022722, h2oVol = h2o * 0.055506
    co2 *= 0.0026365
    o2 /= 32
    let stoich = o2 * (1 + (1 - 0.209) / 0.209)
    let moisture = airMoisture <= 0.009 ? 0 : (airMoisture - 0.009) * (stoich * (1 + ea)) * 0.0763
    h2o = h2o * 0.0026365 + moisture
    let o2Vol = ea * o2
    let n2Vol = (1 + ea) * o2 * (1 - 0.209) / 0.209
    let n2 = n2Vol * 0.0744
    let o2Wt = o2Vol * 0.0846
    let pp = h2oVol / (co2Vol + h2oVol + o2Vol + n2Vol)
    let hSat = 1_096.7 * pow(pp * 29.926, 0.013)
    let tSat = 36.009 * log(pp * 29.926) + 81.054
    let heatH2O = (hSat + avgH2O * (tf - tSat)) * 100 * h2o
    let heatCO2 = avgCO2 * (tf - ta) * 100 * co2
    let heatN2 = avgN2 * (tf - ta) * 100 * n2
    let heatO2 = avgO2 * (tf - ta) * 100 * o2Wt
    let preheat = stoich * (1 + ea) * (((tc + ta) / 2) * cpB + cpA) * (tc - ta)
    let preheatMoisture = moisture * avgH2O * (tf - tc)
    let total = co2 + h2o + o2Wt + n2
    let cpMix = (co2 * avgCO2 + h2o * avgH2O + o2Wt * avgO2 + n2 * avgN2) / total
    let sensible = cpMix * (tfuel - ta)
    return (100 * (sensible + hv + preheat + preheatMoisture) - (heatH2O + heatCO2 + heatN2 + heatO2)) / (100 * hv)
  }
}

extension CombustionCalculators {
  static let gasDefaults: [Double] = [94.1, 2.4, 1.41, 0.03, 0.49, 0.29, 0, 0.42, 0.71, 0, 0]

  static let gas = Calculator(
    id: "combustion.gas",
    title: .t("Khí đốt: nhiệt trị, không khí thừa, nhiệt hữu ích", "Gas fuel: heating value, excess air, available heat"),
    help: .t(
      "Từ thành phần khí theo thể tích (%, tự chuẩn hóa): HHV theo khối lượng và thể tích, tỉ trọng, không khí lý thuyết; không khí thừa từ O2 khói (thủ tục MEASUR: công thức mêtan rồi bước 1 % đến khi sai < 2 %); nhiệt hữu ích (% HHV) ở nhiệt độ khói và không khí đốt theo tương quan MEASUR; tổn thất khói = 1 − nhiệt hữu ích. Mặc định: khí thiên nhiên ví dụ của MEASUR. Nguồn: MEASUR GasCompositions (GasFlueGasMaterial); calculators.md §6.",
      "From the gas composition by volume (%, normalised): HHV by mass and volume, specific gravity, stoichiometric air; excess air from flue O2 (MEASUR procedure: methane formula, then 1 % steps until within 2 %); available heat (% of HHV) at the flue and combustion-air temperatures by MEASUR's correlation; stack loss = 1 − available heat. Default: MEASUR's example natural gas. Source: MEASUR GasCompositions (GasFlueGasMaterial); calculators.md §6."),
    inputs: zip(GasFuel.constituentNames, gasDefaults).map { name, d in
      CalcInput(name, "%", default: d, min: .atLeast(0), max: .atMost(1), vi: "\(name) trong khí (% thể tích)", en: "\(name) in the gas (vol %)")
    } + [
      CalcInput("flueO2", "%", default: 3, min: .over(0), max: .under(0.209), vi: "O2 trong khói (khô)", en: "Flue-gas O2 (dry)"),
      Common.temperature("flueTemperature", 200, vi: "Nhiệt độ khói", en: "Flue-gas temperature"),
      Common.temperature("airTemperature", 30, vi: "Nhiệt độ không khí đốt", en: "Combustion air temperature"),
      Common.temperature("fuelTemperature", 30, vi: "Nhiệt độ nhiên liệu", en: "Fuel temperature"),
      Common.temperature("ambientTemperature", 15.556, vi: "Nhiệt độ chuẩn/môi trường (MEASUR: 60 °F)", en: "Reference/ambient temperature (MEASUR: 60 °F)"),
    ],
    outputs: [
      CalcOutputSpec("heatingValue", "MJ/kg", vi: "HHV theo khối lượng", en: "HHV by mass"),
      CalcOutputSpec("heatingValueVolume", "MJ/m³", vi: "HHV theo thể tích (60 °F)", en: "HHV by volume (60 °F)"),
      CalcOutputSpec("specificGravity", "1", vi: "Tỉ trọng so với không khí", en: "Specific gravity (air = 1)"),
      CalcOutputSpec("excessAir", "%", vi: "Không khí thừa", en: "Excess air"),
      CalcOutputSpec("availableHeat", "%", vi: "Nhiệt hữu ích", en: "Available heat"),
      CalcOutputSpec("stackLoss", "%", vi: "Tổn thất khói", en: "Stack loss"),
    ],
    body: { a in
      guard let fuel = GasFuel(volume: GasFuel.constituentNames.map { a[$0] }) else {
        throw CalcError.invalid("CH4", vi: "tổng thành phần phải > 0", en: "the composition must add up to more than 0")
      }
      guard fuel.heatingValueVolume > 0, fuel.stoichiometricAir > 0 else {
        throw CalcError.invalid("CH4", vi: "khí này không cháy được", en: "this gas does not burn")
      }
      guard a["flueTemperature"] > a["airTemperature"], a["flueTemperature"] > a["ambientTemperature"] else {
        throw CalcError.invalid("flueTemperature", vi: "phải cao hơn nhiệt độ không khí", en: "must exceed the air temperatures")
      }
      let f = BoilerCalculators.fahrenheit
      let ah = fuel.availableHeat(
        flueTemperatureF: f(a["flueTemperature"]), flueO2: a["flueO2"], airTemperatureF: f(a["airTemperature"]),
        fuelTemperatureF: f(a["fuelTemperature"]), ambientF: f(a["ambientTemperature"]), airMoisture: 0)
      guard ah.isFinite, ah > 0, ah <= 1 else {
        throw CalcError.invalid("flueO2", vi: "ngoài phạm vi của tương quan", en: "outside the correlation's range")
      }
      return CalcResult(values: [
        "heatingValue": fuel.heatingValue * 2_326, "heatingValueVolume": fuel.heatingValueVolume * 1_055.055_852_62 / pow(0.3048, 3),
        "specificGravity": fuel.specificGravity, "excessAir": fuel.excessAir(flueO2: a["flueO2"]), "availableHeat": ah, "stackLoss": 1 - ah,
      ])
    })
}
