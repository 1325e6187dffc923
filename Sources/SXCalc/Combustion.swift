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
  static let all: [Calculator] = [solidFuelExcessAir]

  static func pct(_ name: String, _ d: Double, vi: String, en: String) -> CalcInput {
    CalcInput(name, "%", default: d, min: .atLeast(0), max: .atMost(1), vi: vi, en: en)
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
      CalcInput("flueO2", "%", default: 0.06, min: .over(0), max: .under(0.2315), vi: "O2 trong khói (ướt, theo khối lượng)", en: "Flue-gas O2 (wet, mass basis)"),
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
