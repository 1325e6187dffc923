import Foundation
import SXCore

/// Boiler calculators: direct-method efficiency, blowdown, fuel for a steam demand (MEASUR boiler), excess air
/// from flue O2, stack loss (available heat) and O2 enrichment.
enum BoilerCalculators {
  static let all: [Calculator] = [directEfficiency, blowdown, fuelForSteam, excessAir, stackLoss, o2Enrichment]

  static let directEfficiency = Calculator(
    id: "boiler.efficiency.direct",
    title: .t("Hiệu suất lò hơi — phương pháp trực tiếp", "Boiler efficiency — direct method"),
    help: .t(
      "η = m_hơi · (h_hơi − h_nước cấp) / (m_nhiên liệu · NCV). h theo IAPWS-IF97 (nước cấp lỏng ở áp suất lò). Hiệu suất > 100 % là lỗi số liệu. Nguồn: domain.md §3.3 (phương pháp trực tiếp = nhiệt hữu ích / nhiệt nhiên liệu); tham chiếu: than ~75 %, dầu ~86 %, củi ≤ ~65 %.",
      "η = m_steam · (h_steam − h_feedwater) / (m_fuel · NCV). h by IAPWS-IF97 (feedwater liquid at boiler pressure). An efficiency above 100 % is a data error. Source: domain.md §3.3 (direct method = useful heat / fuel heat); indicative: coal ~75 %, oil ~86 %, wood ≤ ~65 %."),
    inputs: [Common.positive("steamFlow", "kg/h", 2_000, vi: "Lưu lượng hơi", en: "Steam flow")] + Common.steamStateInputs() + [
      Common.temperature("feedwaterTemperature", 30, vi: "Nhiệt độ nước cấp", en: "Feedwater temperature"),
      Common.positive("fuelRate", "kg/h", 300, vi: "Lượng nhiên liệu tiêu thụ", en: "Fuel consumption"),
      Common.positive("fuelNCV", "MJ/kg", 25.8, vi: "Nhiệt trị thấp nhiên liệu", en: "Fuel net calorific value"),
    ],
    outputs: [
      CalcOutputSpec("efficiency", "%", vi: "Hiệu suất lò", en: "Boiler efficiency"),
      CalcOutputSpec("heatOutput", "kW", vi: "Nhiệt vào hơi", en: "Heat to steam"),
      CalcOutputSpec("fuelInput", "kW", vi: "Nhiệt nhiên liệu", en: "Fuel heat input"),
      CalcOutputSpec("enthalpyRise", "kJ/kg", vi: "Δh hơi − nước cấp", en: "Δh steam − feedwater"),
      CalcOutputSpec("evaporationRatio", "1", vi: "kg hơi / kg nhiên liệu", en: "kg steam per kg fuel"),
    ],
    body: { a in
      let hs = try Common.steamEnthalpy(a)
      let hw = try Common.liquidEnthalpy("feedwaterTemperature", temperature: a["feedwaterTemperature"], pressure: a["steamPressure"])
      guard hs > hw else {
        throw CalcError.invalid("feedwaterTemperature", vi: "nước cấp phải lạnh hơn hơi", en: "feedwater must be colder than the steam")
      }
      let out = a["steamFlow"] * (hs - hw)
      let input = a["fuelRate"] * a["fuelNCV"]
      let eta = out / input
      guard eta <= 1 else {
        throw CalcError.invalid(
          "fuelRate", vi: "hiệu suất tính ra \(String(format: "%.1f", eta * 100)) % > 100 %: kiểm tra lưu lượng hơi, nhiên liệu và NCV",
          en: "computed efficiency \(String(format: "%.1f", eta * 100)) % > 100 %: check steam flow, fuel rate and NCV")
      }
      return CalcResult(values: [
        "efficiency": eta, "heatOutput": out, "fuelInput": input, "enthalpyRise": hs - hw,
        "evaporationRatio": a["steamFlow"] / a["fuelRate"],
      ])
    })

  static let blowdown = Calculator(
    id: "boiler.blowdown",
    title: .t("Xả đáy lò hơi theo TDS và tổn thất nhiệt", "Boiler blowdown from TDS and its heat loss"),
    help: .t(
      "Lưu lượng xả đáy q_xả = q_hơi · f / (b − f), f = TDS nước cấp, b = TDS cho phép trong lò (thường ~3.500 ppm dưới 20 bar); tỉ lệ xả theo nước cấp = f/b. Tổn thất nhiệt = q_xả · (h_f(p_lò) − h(T_nước bổ sung)); nhiên liệu = nhiệt / (η_lò · NCV). Thu hồi nhiệt xả đáy lấy lại ~90 %. Nguồn: domain.md §3.3 (mechtechnik; isbservices); IAPWS-IF97.",
      "Blowdown flow q_bd = q_steam · f / (b − f), f = feedwater TDS, b = allowed boiler-water TDS (typically ~3,500 ppm below 20 bar); blowdown as a share of feedwater = f/b. Heat loss = q_bd · (h_f(p_boiler) − h(T_make-up)); fuel = heat / (η_boiler · NCV). Blowdown heat recovery reclaims ~90 %. Source: domain.md §3.3 (mechtechnik; isbservices); IAPWS-IF97."),
    inputs: [
      Common.positive("steamFlow", "kg/h", 2_000, vi: "Lưu lượng hơi", en: "Steam flow"),
      Common.positive("feedwaterTDS", "ppm", 150, vi: "TDS nước cấp", en: "Feedwater TDS"),
      Common.positive("boilerTDS", "ppm", 3_500, vi: "TDS cho phép trong nước lò", en: "Allowed boiler-water TDS"),
      Common.pressure("steamPressure", "barg", 7, vi: "Áp suất lò", en: "Boiler pressure"),
      Common.temperature("makeupTemperature", 28, vi: "Nhiệt độ nước bổ sung", en: "Make-up water temperature"),
      Common.efficiency("boilerEfficiency", 0.8, vi: "Hiệu suất lò hơi", en: "Boiler efficiency"),
      Common.positive("fuelNCV", "MJ/kg", 25.8, vi: "Nhiệt trị thấp nhiên liệu", en: "Fuel net calorific value"),
      Common.nonNegative("fuelPrice", "VND/kg", 0, vi: "Giá nhiên liệu", en: "Fuel price"),
      Common.hours(),
    ],
    outputs: [
      CalcOutputSpec("blowdownFlow", "kg/h", vi: "Lưu lượng xả đáy", en: "Blowdown flow"),
      CalcOutputSpec("blowdownShare", "%", vi: "Xả đáy theo % nước cấp", en: "Blowdown as % of feedwater"),
      CalcOutputSpec("heatLoss", "kW", vi: "Nhiệt mất theo xả đáy", en: "Heat lost with blowdown"),
      CalcOutputSpec("annualFuel", "t", vi: "Nhiên liệu ứng với tổn thất mỗi năm", en: "Fuel for this loss per year"),
      CalcOutputSpec("annualCost", "VND", vi: "Chi phí mỗi năm", en: "Cost per year"),
    ],
    body: { a in
      let f = a["feedwaterTDS"], b = a["boilerTDS"]
      guard b > f else {
        throw CalcError.invalid("boilerTDS", vi: "phải lớn hơn TDS nước cấp", en: "must exceed the feedwater TDS")
      }
      let q = a["steamFlow"] * f / (b - f)
      let hf = try Common.steam("steamPressure") { try IF97.saturation(pressure: a["steamPressure"]) }.liquid.enthalpy
      let hm = try Common.liquidEnthalpy("makeupTemperature", temperature: a["makeupTemperature"], pressure: a["steamPressure"])
      let heat = q * max(hf - hm, 0)
      let fuel = heat * a["hours"] / (a["boilerEfficiency"] * a["fuelNCV"])
      return CalcResult(values: [
        "blowdownFlow": q, "blowdownShare": f / b, "heatLoss": heat, "annualFuel": fuel, "annualCost": fuel * a["fuelPrice"],
      ])
    })

  /// MEASUR boiler (SSMT): feedwater = saturated liquid at the deaerator pressure; m_fw = m_steam / (1 − bd);
  /// m_bd = m_fw · bd; blowdown = saturated liquid at boiler pressure; duty = m_s·h_s + m_bd·h_bd − m_fw·h_fw;
  /// fuel = duty / combustion efficiency.
  static let fuelForSteam = Calculator(
    id: "boiler.fuel",
    title: .t("Nhiên liệu cho nhu cầu hơi (mô hình lò MEASUR)", "Fuel for a steam demand (MEASUR boiler model)"),
    help: .t(
      "Nước cấp = lỏng bão hòa ở áp suất khử khí; m_cấp = m_hơi / (1 − tỉ lệ xả); m_xả = m_cấp · tỉ lệ xả; nước xả = lỏng bão hòa ở áp suất lò; nhiệt lò = m_hơi·h_hơi + m_xả·h_xả − m_cấp·h_cấp; nhiên liệu = nhiệt lò / hiệu suất đốt. Nguồn: MEASUR SSMT Boiler; IAPWS-IF97 (hơi bão hòa ở vùng 3 khi > 16,5 MPa — khác MEASUR, vốn dùng vùng 2 ở đó).",
      "Feedwater = saturated liquid at deaerator pressure; m_fw = m_steam / (1 − blowdown rate); m_bd = m_fw · rate; blowdown = saturated liquid at boiler pressure; duty = m_s·h_s + m_bd·h_bd − m_fw·h_fw; fuel = duty / combustion efficiency. Source: MEASUR SSMT Boiler; IAPWS-IF97 (saturated steam above 16.5 MPa uses region 3 — unlike MEASUR, which uses region 2 there)."),
    inputs: [Common.positive("steamFlow", "kg/h", 2_000, vi: "Lưu lượng hơi", en: "Steam flow")] + Common.steamStateInputs() + [
      Common.pressure("deaeratorPressure", "barg", 0.2, vi: "Áp suất bình khử khí (nước cấp bão hòa)", en: "Deaerator pressure (saturated feedwater)"),
      Common.fraction("blowdownRate", 0.03, vi: "Tỉ lệ xả đáy theo nước cấp", en: "Blowdown rate, share of feedwater"),
      Common.efficiency("combustionEfficiency", 0.8, vi: "Hiệu suất đốt", en: "Combustion efficiency"),
      CalcInput("fuelNCV", "MJ/kg", default: 25.8, min: .over(0), vi: "Nhiệt trị thấp nhiên liệu (để ra kg/h)", en: "Fuel net calorific value (for kg/h)"),
    ],
    outputs: [
      CalcOutputSpec("feedwaterFlow", "kg/h", vi: "Nước cấp", en: "Feedwater flow"),
      CalcOutputSpec("blowdownFlow", "kg/h", vi: "Nước xả đáy", en: "Blowdown flow"),
      CalcOutputSpec("boilerDuty", "kW", vi: "Nhiệt lò cấp", en: "Boiler duty"),
      CalcOutputSpec("fuelEnergy", "kW", vi: "Nhiệt nhiên liệu", en: "Fuel energy rate"),
      CalcOutputSpec("fuelRate", "kg/h", vi: "Lượng nhiên liệu", en: "Fuel rate"),
    ],
    body: { a in
      guard a["blowdownRate"] < 1 else {
        throw CalcError.invalid("blowdownRate", vi: "phải nhỏ hơn 1", en: "must be below 1")
      }
      guard a["deaeratorPressure"] < a["steamPressure"] else {
        throw CalcError.invalid("deaeratorPressure", vi: "phải thấp hơn áp suất lò", en: "must be below the boiler pressure")
      }
      let hs = try Common.steamEnthalpy(a)
      let hbd = try Common.steam("steamPressure") { try IF97.saturation(pressure: a["steamPressure"]) }.liquid.enthalpy
      let hfw = try Common.steam("deaeratorPressure") { try IF97.saturation(pressure: a["deaeratorPressure"]) }.liquid.enthalpy
      let ms = a["steamFlow"]
      let mfw = ms / (1 - a["blowdownRate"])
      let mbd = mfw * a["blowdownRate"]
      let duty = ms * hs + mbd * hbd - mfw * hfw
      let fuel = duty / a["combustionEfficiency"]
      return CalcResult(values: [
        "feedwaterFlow": mfw, "blowdownFlow": mbd, "boilerDuty": duty, "fuelEnergy": fuel, "fuelRate": fuel / a["fuelNCV"],
      ])
    })

  /// Excess air from dry flue-gas O2 on a methane basis: EA = 8.52381·O2 / (2 − 9.52381·O2).
  public static func excessAir(flueO2 o2: Double) -> Double { 8.52381 * o2 / (2 - 9.52381 * o2) }

  /// Available heat (fraction of fuel input, HHV) of natural-gas firing, MEASUR's O2-enrichment correlation
  /// (inputs in °F and fractions, as published): base = 95 − 0.025·T_flue; c_p = 0.017828518 + 2.556e-6·T_air;
  /// air correction = −(−1.07891327 + c_p·T_flue)·EA; preheat correction = (−1.078913827 + c_p·T_air)·(1 + EA);
  /// enrichment adds 100·9.38·(O2_air − 0.21)/O2_air · 0.02·(T_flue − 60)/980.
  public static func availableHeat(flueTemperatureF tf: Double, flueO2: Double, airTemperatureF ta: Double, airO2: Double) -> Double {
    let ea = excessAir(flueO2: flueO2)
    let cp = 0.017828518 + 2.556e-6 * ta
    var ah = 95 - 0.025 * tf
    ah += -(-1.07891327 + cp * tf) * ea
    ah += (-1.078913827 + cp * ta) * (1 + ea)
    ah += 100 * 9.38 * (airO2 - 0.21) / airO2 * 0.02 * (tf - 60) / 980
    return ah / 100
  }

  static func fahrenheit(_ k: Double) -> Double { (k - 273.15) * 1.8 + 32 }

  static let flueO2Input = CalcInput(
    "flueO2", "%", default: 3, min: .atLeast(0), max: .under(0.2), vi: "O2 trong khói (khô), %", en: "Flue-gas O2 (dry), %")

  static let excessAir = Calculator(
    id: "boiler.excess_air",
    title: .t("Hệ số không khí thừa từ O2 khói", "Excess air from flue-gas O2"),
    help: .t(
      "EA = 8,52381·O2 / (2 − 9,52381·O2) (O2 là phân số, khói khô, cơ sở mêtan: CH4 + 2(1+EA)(O2 + 3,76 N2)). 3 % O2 → 14,92 %. Với nhiên liệu khác, công thức gần đúng O2/(20,9 − O2) cũng được cho. Quy tắc: ~1 % hiệu suất cho mỗi 15 % không khí thừa giảm. Nguồn: MEASUR (O2Enrichment, GasCompositions); domain.md §3.3.",
      "EA = 8.52381·O2 / (2 − 9.52381·O2) (O2 as a fraction, dry flue gas, methane basis: CH4 + 2(1+EA)(O2 + 3.76 N2)). 3 % O2 → 14.92 %. For other fuels the approximation O2/(20.9 − O2) is also given. Rule: ~1 % efficiency per 15 % less excess air. Source: MEASUR (O2Enrichment, GasCompositions); domain.md §3.3."),
    inputs: [flueO2Input],
    outputs: [
      CalcOutputSpec("excessAir", "%", vi: "Không khí thừa (mêtan)", en: "Excess air (methane basis)"),
      CalcOutputSpec("excessAirApprox", "%", vi: "Không khí thừa ≈ O2/(20,9 − O2)", en: "Excess air ≈ O2/(20.9 − O2)"),
    ],
    body: { a in
      let o2 = a["flueO2"]
      return CalcResult(values: ["excessAir": excessAir(flueO2: o2), "excessAirApprox": o2 / (0.209 - o2)])
    })

  static let stackLoss = Calculator(
    id: "boiler.stack_loss",
    title: .t("Ước tính tổn thất khói thải (khí thiên nhiên)", "Stack loss estimate (natural gas)"),
    help: .t(
      "Nhiệt hữu ích (% HHV) theo tương quan của MEASUR cho khí thiên nhiên: 95 − 0,025·T_khói[°F] + hiệu chỉnh không khí thừa (từ O2 khói) + hiệu chỉnh sấy không khí; tổn thất khói = 100 % − nhiệt hữu ích. Cho nhiên liệu khác chỉ là ước lượng. Nguồn: MEASUR Process Heating O2Enrichment (tương quan available heat); domain.md §3.3.",
      "Available heat (% of HHV) by MEASUR's natural-gas correlation: 95 − 0.025·T_flue[°F] + excess-air correction (from flue O2) + combustion-air preheat correction; stack loss = 100 % − available heat. Only an estimate for other fuels. Source: MEASUR Process Heating O2Enrichment (available-heat correlation); domain.md §3.3."),
    inputs: [
      Common.temperature("flueTemperature", 220, vi: "Nhiệt độ khói thải", en: "Flue-gas temperature"),
      flueO2Input,
      Common.temperature("airTemperature", 30, vi: "Nhiệt độ không khí cấp", en: "Combustion air temperature"),
    ],
    outputs: [
      CalcOutputSpec("availableHeat", "%", vi: "Nhiệt hữu ích", en: "Available heat"),
      CalcOutputSpec("stackLoss", "%", vi: "Tổn thất khói", en: "Stack loss"),
      CalcOutputSpec("excessAir", "%", vi: "Không khí thừa", en: "Excess air"),
    ],
    body: { a in
      guard a["flueTemperature"] > a["airTemperature"] else {
        throw CalcError.invalid("flueTemperature", vi: "phải cao hơn nhiệt độ không khí", en: "must exceed the air temperature")
      }
      let ah = availableHeat(
        flueTemperatureF: fahrenheit(a["flueTemperature"]), flueO2: a["flueO2"], airTemperatureF: fahrenheit(a["airTemperature"]), airO2: 0.21)
      guard ah > 0, ah <= 1 else { throw CalcError.invalid("flueTemperature", vi: "ngoài phạm vi của tương quan", en: "outside the correlation's range") }
      return CalcResult(values: ["availableHeat": ah, "stackLoss": 1 - ah, "excessAir": excessAir(flueO2: a["flueO2"])])
    })

  static let o2Enrichment = Calculator(
    id: "process_heat.o2_enrichment",
    title: .t("Làm giàu O2 không khí đốt (lò gia nhiệt)", "Oxygen enrichment of combustion air (process heating)"),
    help: .t(
      "Nhiệt hữu ích trường hợp hiện tại và làm giàu O2 theo tương quan MEASUR (khí thiên nhiên, xem boiler.stack_loss); nhiên liệu mới = nhiên liệu × AH_hiện tại / AH_làm giàu; tiết kiệm % = (cũ − mới)/cũ. Nguồn: MEASUR O2Enrichment.",
      "Available heat of the current and the O2-enriched case by MEASUR's correlation (natural gas, see boiler.stack_loss); new fuel = fuel × AH_current / AH_enriched; savings % = (old − new)/old. Source: MEASUR O2Enrichment."),
    inputs: [
      CalcInput("o2CombAir", "%", default: 21, min: .over(0), max: .atMost(1), vi: "O2 trong không khí đốt hiện tại", en: "O2 in current combustion air"),
      CalcInput("o2CombAirEnriched", "%", default: 30, min: .over(0), max: .atMost(1), vi: "O2 trong không khí đã làm giàu", en: "O2 in enriched combustion air"),
      Common.temperature("flueGasTemp", 900, vi: "Nhiệt độ khói hiện tại", en: "Current flue-gas temperature"),
      Common.temperature("flueGasTempEnriched", 900, vi: "Nhiệt độ khói khi làm giàu", en: "Flue-gas temperature when enriched"),
      CalcInput("o2FlueGas", "%", default: 3, min: .atLeast(0), max: .under(0.2), vi: "O2 khói hiện tại (khô)", en: "Current flue-gas O2 (dry)"),
      CalcInput("o2FlueGasEnriched", "%", default: 3, min: .atLeast(0), max: .under(0.2), vi: "O2 khói khi làm giàu (khô)", en: "Flue-gas O2 when enriched (dry)"),
      Common.temperature("combAirTemp", 30, vi: "Nhiệt độ không khí đốt hiện tại", en: "Current combustion air temperature"),
      Common.temperature("combAirTempEnriched", 30, vi: "Nhiệt độ không khí đốt khi làm giàu", en: "Enriched combustion air temperature"),
      Common.positive("fuelConsumption", "kW", 1_000, vi: "Nhiệt nhiên liệu hiện tại", en: "Current fuel input"),
    ],
    outputs: [
      CalcOutputSpec("availableHeat", "%", vi: "Nhiệt hữu ích hiện tại", en: "Current available heat"),
      CalcOutputSpec("availableHeatEnriched", "%", vi: "Nhiệt hữu ích khi làm giàu", en: "Enriched available heat"),
      CalcOutputSpec("fuelSavings", "%", vi: "Tiết kiệm nhiên liệu", en: "Fuel savings"),
      CalcOutputSpec("fuelConsumptionEnriched", "kW", vi: "Nhiệt nhiên liệu khi làm giàu", en: "Fuel input when enriched"),
    ],
    body: { a in
      let ah = availableHeat(
        flueTemperatureF: fahrenheit(a["flueGasTemp"]), flueO2: a["o2FlueGas"], airTemperatureF: fahrenheit(a["combAirTemp"]),
        airO2: a["o2CombAir"])
      let ahE = availableHeat(
        flueTemperatureF: fahrenheit(a["flueGasTempEnriched"]), flueO2: a["o2FlueGasEnriched"],
        airTemperatureF: fahrenheit(a["combAirTempEnriched"]), airO2: a["o2CombAirEnriched"])
      guard ah > 0, ahE > 0 else {
        throw CalcError.invalid("flueGasTemp", vi: "nhiệt hữu ích ≤ 0: ngoài phạm vi của tương quan", en: "available heat ≤ 0: outside the correlation's range")
      }
      let fuelE = a["fuelConsumption"] * ah / ahE
      return CalcResult(values: [
        "availableHeat": ah, "availableHeatEnriched": ahE, "fuelSavings": (a["fuelConsumption"] - fuelE) / a["fuelConsumption"],
        "fuelConsumptionEnriched": fuelE,
      ])
    })
}
