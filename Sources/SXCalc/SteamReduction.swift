import Foundation
import SXCore

/// MEASUR Treasure Hunt "steam reduction": steam and boiler-fuel energy used by one consumer, measured four ways.
///
/// Δh = h(steam) − h(feedwater at 0.101325 MPa and the feedwater temperature) (IF97), as in MEASUR.
/// * flow meter: steam = flow × hours × units / η_system; fuel energy = Δh × steam / η_boiler.
/// * air heating: heat = c_air × airflow × ΔT; fuel energy = units × heat × hours / (η_system × η_boiler);
///   steam = fuel energy × η_boiler / Δh.
/// * water heating: the same with c_water.
/// * other: fuel energy given; steam = fuel energy × η_boiler / Δh.
///
/// Deviation from MEASUR (documented in the help): MEASUR's air constant 0.072381 (kJ/h per m³/min per K) is
/// 1000 times too small — the volumetric heat capacity of air is ρ·c_p ≈ 1.2 kg/m³ × 1.005 kJ/(kg·K) × 60 min/h
/// ≈ 72.4 kJ/(h·(m³/min)·K), and 1.08 Btu/(h·cfm·°F) converts to 72.43. We use 72.381 kJ/(h·(m³/min)·K), so our
/// air-heating energies are exactly 1000 × MEASUR's. The water constant 251,045 kJ/(h·(m³/min)·K) (= 1000 kg/m³ ×
/// 4.184 kJ/(kg·K) × 60) is consistent and kept.
enum SteamReductionCalculators {
  static let all: [Calculator] = [flowMeter, air, water, other]

  /// Volumetric heat capacity of air, J/(m³·K): 72.381 kJ/(h·(m³/min)·K).
  static let airHeatCapacity = 72_381.0 / 3_600 * 60
  /// Volumetric heat capacity of water, J/(m³·K): 251,045 kJ/(h·(m³/min)·K).
  static let waterHeatCapacity = 251_045_000.0 / 3_600 * 60
  /// MEASUR takes the feedwater at one standard atmosphere.
  static let feedwaterPressure = 101_325.0

  static let method = LocalizedText.t(
    "Phương pháp MEASUR (Treasure Hunt, SteamReduction). Δh = h(hơi) − h(nước cấp ở 0,101325 MPa) theo IAPWS-IF97. Chi phí: steamCost = hơi × steamPrice; fuelCost = năng lượng nhiên liệu × fuelPrice.",
    "MEASUR method (Treasure Hunt, SteamReduction). Δh = h(steam) − h(feedwater at 0.101325 MPa) by IAPWS-IF97. Costs: steamCost = steam × steamPrice; fuelCost = fuel energy × fuelPrice.")

  static func commonInputs() -> [CalcInput] {
    Common.steamStateInputs() + [
      Common.temperature("feedwaterTemperature", 30, vi: "Nhiệt độ nước cấp (lấy ở 1 atm như MEASUR)", en: "Feedwater temperature (taken at 1 atm, as MEASUR)"),
      Common.efficiency("systemEfficiency", 1, vi: "Hiệu suất hệ thống phân phối hơi", en: "Steam distribution system efficiency"),
      Common.efficiency("boilerEfficiency", 0.8, vi: "Hiệu suất lò hơi", en: "Boiler efficiency"),
      Common.hours(),
      Common.price("steamPrice", "VND/t", vi: "Giá hơi", en: "Steam price"),
      Common.price("fuelPrice", "VND/GJ", vi: "Giá năng lượng nhiên liệu", en: "Fuel energy price"),
    ]
  }

  static let outputs: [CalcOutputSpec] = [
    CalcOutputSpec("enthalpyRise", "kJ/kg", vi: "Δh hơi − nước cấp", en: "Δh steam − feedwater"),
    CalcOutputSpec("steamUse", "t", vi: "Hơi dùng mỗi năm", en: "Steam used per year"),
    CalcOutputSpec("energyUse", "GJ", vi: "Năng lượng nhiên liệu mỗi năm", en: "Fuel energy per year"),
    CalcOutputSpec("steamCost", "VND", vi: "Chi phí theo giá hơi", en: "Cost at the steam price"),
    CalcOutputSpec("fuelCost", "VND", vi: "Chi phí theo giá nhiên liệu", en: "Cost at the fuel price"),
  ]

  static func enthalpyRise(_ a: CalcArgs) throws -> Double {
    let hs = try Common.steamEnthalpy(a)
    let hw = try Common.liquidEnthalpy("feedwaterTemperature", temperature: a["feedwaterTemperature"], pressure: feedwaterPressure)
    guard hs > hw else {
      throw CalcError.invalid("feedwaterTemperature", vi: "nước cấp phải lạnh hơn hơi", en: "feedwater must be colder than the steam")
    }
    return hs - hw
  }

  static func result(_ a: CalcArgs, dh: Double, steam: Double, energy: Double) -> CalcResult {
    CalcResult(values: [
      "enthalpyRise": dh, "steamUse": steam, "energyUse": energy, "steamCost": steam * a["steamPrice"],
      "fuelCost": energy * a["fuelPrice"],
    ])
  }

  /// Heating of a fluid stream: fuel energy and steam from a heat rate (W).
  static func fromHeat(_ a: CalcArgs, heat: Double) throws -> CalcResult {
    let dh = try enthalpyRise(a)
    let energy = a["units"] * heat * a["hours"] / (a["systemEfficiency"] * a["boilerEfficiency"])
    return result(a, dh: dh, steam: energy / dh * a["boilerEfficiency"], energy: energy)
  }

  static func temperatures(_ a: CalcArgs) throws -> Double {
    let dt = a["outletTemperature"] - a["inletTemperature"]
    guard dt > 0 else {
      throw CalcError.invalid("outletTemperature", vi: "phải cao hơn nhiệt độ vào", en: "must be above the inlet temperature")
    }
    return dt
  }

  static let flowMeter = Calculator(
    id: "steam.reduction.flow_meter",
    title: .t("Giảm dùng hơi — đo bằng lưu lượng kế", "Steam use reduction — flow meter"),
    help: .t(
      "Hơi = lưu lượng × giờ × số thiết bị / η_hệ thống; năng lượng nhiên liệu = Δh × hơi / η_lò. " + method.vi,
      "Steam = flow × hours × units / η_system; fuel energy = Δh × steam / η_boiler. " + method.en),
    inputs: [
      Common.positive("flowRate", "kg/h", 100, vi: "Lưu lượng hơi đo được", en: "Measured steam flow"),
      Common.count(),
    ] + commonInputs(),
    outputs: outputs,
    body: { a in
      let dh = try enthalpyRise(a)
      let steam = a["flowRate"] * a["hours"] * a["units"] / a["systemEfficiency"]
      return result(a, dh: dh, steam: steam, energy: dh * steam / a["boilerEfficiency"])
    })

  static let air = Calculator(
    id: "steam.reduction.air",
    title: .t("Giảm dùng hơi — gia nhiệt không khí", "Steam use reduction — air heating"),
    help: .t(
      "Nhiệt = 72,381 kJ/(h·(m³/min)·K) × lưu lượng khí × (T_ra − T_vào); năng lượng = số thiết bị × nhiệt × giờ / (η_hệ thống × η_lò); hơi = năng lượng × η_lò / Δh. Sai khác với MEASUR: MEASUR dùng hằng số 0,072381 (nhỏ hơn 1000 lần so với ρ·c_p của không khí); ta dùng 72,381, nên kết quả bằng 1000 × giá trị MEASUR. Lưu lượng khí = lưu lượng ghi trên nhãn, hoặc tiết diện ống × vận tốc. "
        + method.vi,
      "Heat = 72.381 kJ/(h·(m³/min)·K) × airflow × (T_out − T_in); energy = units × heat × hours / (η_system × η_boiler); steam = energy × η_boiler / Δh. Deviation from MEASUR: MEASUR's constant 0.072381 is 1000 times smaller than air's ρ·c_p; we use 72.381, so results are 1000 × MEASUR's. Airflow = nameplate flow, or duct area × velocity. "
        + method.en),
    inputs: [
      Common.positive("airflow", "m³/min", 100, vi: "Lưu lượng không khí", en: "Air flow"),
      Common.temperature("inletTemperature", 30, vi: "Nhiệt độ khí vào", en: "Air inlet temperature"),
      Common.temperature("outletTemperature", 80, vi: "Nhiệt độ khí ra", en: "Air outlet temperature"),
      Common.count(),
    ] + commonInputs(),
    outputs: outputs,
    body: { a in
      try fromHeat(a, heat: airHeatCapacity * a["airflow"] * temperatures(a))
    })

  static let water = Calculator(
    id: "steam.reduction.water",
    title: .t("Giảm dùng hơi — gia nhiệt nước", "Steam use reduction — water heating"),
    help: .t(
      "Nhiệt = 251.045 kJ/(h·(m³/min)·K) × lưu lượng nước × (T_ra − T_vào) (= 500 Btu/(h·gpm·°F)); sau đó như gia nhiệt không khí. "
        + method.vi,
      "Heat = 251,045 kJ/(h·(m³/min)·K) × water flow × (T_out − T_in) (= 500 Btu/(h·gpm·°F)); then as for air heating. "
        + method.en),
    inputs: [
      Common.positive("waterFlow", "m³/h", 5, vi: "Lưu lượng nước", en: "Water flow"),
      Common.temperature("inletTemperature", 30, vi: "Nhiệt độ nước vào", en: "Water inlet temperature"),
      Common.temperature("outletTemperature", 80, vi: "Nhiệt độ nước ra", en: "Water outlet temperature"),
      Common.count(),
    ] + commonInputs(),
    outputs: outputs,
    body: { a in
      try fromHeat(a, heat: waterHeatCapacity * a["waterFlow"] * temperatures(a))
    })

  static let other = Calculator(
    id: "steam.reduction.other",
    title: .t("Giảm dùng hơi — năng lượng đã biết", "Steam use reduction — known energy"),
    help: .t(
      "Năng lượng nhiên liệu cho trước; hơi = năng lượng × η_lò / Δh. " + method.vi,
      "Fuel energy given; steam = energy × η_boiler / Δh. " + method.en),
    inputs: [Common.positive("energy", "GJ", 100, vi: "Năng lượng nhiên liệu mỗi năm", en: "Fuel energy per year")]
      + commonInputs().filter { !["systemEfficiency", "hours"].contains($0.name) },
    outputs: outputs,
    body: { a in
      let dh = try enthalpyRise(a)
      return result(a, dh: dh, steam: a["energy"] / dh * a["boilerEfficiency"], energy: a["energy"])
    })
}
