import Foundation
import SXCore

/// Steam and water property calculators (IAPWS-IF97), steam leaks, steam cost, flash steam and condensate return.
enum SteamCalculators {
  static let all: [Calculator] = [
    saturationByPressure, saturationByTemperature, propertiesPT, propertiesPH, propertiesPS, leak, cost, flash,
    condensateReturn,
  ]

  static let if97Source = LocalizedText.t(
    "Nguồn: IAPWS-IF97 (IAPWS R7-97(2012)), vùng 1, 2, 3 và 4; kiểm tra bằng các bảng kiểm chứng của bản phát hành.",
    "Source: IAPWS-IF97 (IAPWS R7-97(2012)), regions 1, 2, 3 and 4; verified against the release's verification tables.")

  static func satOutputs() -> [CalcOutputSpec] {
    [
      CalcOutputSpec("hf", "kJ/kg", vi: "Entanpi lỏng bão hòa", en: "Saturated liquid enthalpy"),
      CalcOutputSpec("hg", "kJ/kg", vi: "Entanpi hơi bão hòa", en: "Saturated vapour enthalpy"),
      CalcOutputSpec("hfg", "kJ/kg", vi: "Ẩn nhiệt hóa hơi", en: "Latent heat"),
      CalcOutputSpec("sf", "kJ/(kg·K)", vi: "Entropi lỏng bão hòa", en: "Saturated liquid entropy"),
      CalcOutputSpec("sg", "kJ/(kg·K)", vi: "Entropi hơi bão hòa", en: "Saturated vapour entropy"),
      CalcOutputSpec("vf", "m³/kg", vi: "Thể tích riêng lỏng", en: "Liquid specific volume"),
      CalcOutputSpec("vg", "m³/kg", vi: "Thể tích riêng hơi", en: "Vapour specific volume"),
    ]
  }

  static func satValues(_ s: IF97.Saturation) -> [String: Double] {
    [
      "saturationTemperature": s.temperature, "saturationPressure": s.pressure, "hf": s.liquid.enthalpy,
      "hg": s.vapour.enthalpy, "hfg": s.latentHeat, "sf": s.liquid.entropy, "sg": s.vapour.entropy,
      "vf": s.liquid.volume, "vg": s.vapour.volume,
    ]
  }

  static let saturationByPressure = Calculator(
    id: "steam.saturation.pressure",
    title: .t("Hơi bão hòa theo áp suất", "Saturated steam at a pressure"),
    help: .t(
      "Nhiệt độ bão hòa T_s(p) (IF97 pt. 31) và tính chất lỏng/hơi bão hòa. Dưới 623,15 K dùng vùng 1 và 2, trên đó vùng 3. Phạm vi 611,2 Pa – 22,064 MPa tuyệt đối. "
        + if97Source.vi,
      "Saturation temperature T_s(p) (IF97 eq. 31) and saturated liquid/vapour properties. Below 623.15 K regions 1 and 2, above it region 3. Range 611.2 Pa – 22.064 MPa absolute. "
        + if97Source.en),
    inputs: [Common.pressure("pressure", "bar", 10, vi: "Áp suất (tuyệt đối nếu ghi bar; ghi barg cho áp kế)", en: "Pressure (absolute for bar; write barg for gauge)")],
    outputs: [CalcOutputSpec("saturationTemperature", "°C", vi: "Nhiệt độ bão hòa", en: "Saturation temperature")] + satOutputs(),
    body: { a in
      let s = try Common.steam("pressure") { try IF97.saturation(pressure: a["pressure"]) }
      var v = satValues(s)
      v["saturationPressure"] = nil
      return CalcResult(values: v)
    })

  static let saturationByTemperature = Calculator(
    id: "steam.saturation.temperature",
    title: .t("Hơi bão hòa theo nhiệt độ", "Saturated steam at a temperature"),
    help: .t(
      "Áp suất bão hòa p_s(T) (IF97 pt. 30) và tính chất lỏng/hơi bão hòa; 0,01–373,946 °C. " + if97Source.vi,
      "Saturation pressure p_s(T) (IF97 eq. 30) and saturated liquid/vapour properties; 0.01–373.946 °C. " + if97Source.en),
    inputs: [Common.temperature("temperature", 100, vi: "Nhiệt độ", en: "Temperature")],
    outputs: [CalcOutputSpec("saturationPressure", "bar", vi: "Áp suất bão hòa (tuyệt đối)", en: "Saturation pressure (absolute)")]
      + satOutputs(),
    body: { a in
      let s = try Common.steam("temperature") { try IF97.saturation(temperature: a["temperature"]) }
      var v = satValues(s)
      v["saturationTemperature"] = nil
      return CalcResult(values: v)
    })

  static let stateOutputs: [CalcOutputSpec] = [
    CalcOutputSpec("temperature", "°C", vi: "Nhiệt độ", en: "Temperature"),
    CalcOutputSpec("enthalpy", "kJ/kg", vi: "Entanpi riêng", en: "Specific enthalpy"),
    CalcOutputSpec("entropy", "kJ/(kg·K)", vi: "Entropi riêng", en: "Specific entropy"),
    CalcOutputSpec("volume", "m³/kg", vi: "Thể tích riêng", en: "Specific volume"),
    CalcOutputSpec("density", "kg/m³", vi: "Khối lượng riêng", en: "Density"),
    CalcOutputSpec("internalEnergy", "kJ/kg", vi: "Nội năng riêng", en: "Specific internal energy"),
    CalcOutputSpec("cp", "kJ/(kg·K)", vi: "Nhiệt dung riêng đẳng áp (không có trong vùng hai pha)", en: "Isobaric heat capacity (absent in the two-phase region)"),
    CalcOutputSpec("quality", "1", vi: "Độ khô (chỉ trong vùng hai pha)", en: "Vapour fraction (two-phase only)"),
    CalcOutputSpec("region", "1", vi: "Vùng IF97 (1 lỏng, 2 hơi, 3 cận tới hạn, 4 hai pha)", en: "IF97 region (1 liquid, 2 vapour, 3 near-critical, 4 two-phase)"),
  ]

  static func stateValues(_ s: WaterState) -> [String: Double] {
    var v: [String: Double] = [
      "temperature": s.temperature, "enthalpy": s.enthalpy, "entropy": s.entropy, "volume": s.volume,
      "density": s.density, "internalEnergy": s.internalEnergy, "region": Double(s.region),
    ]
    v["cp"] = s.cp
    v["quality"] = s.quality
    return v
  }

  static let propertiesPT = Calculator(
    id: "steam.properties.pt",
    title: .t("Tính chất nước/hơi theo (p, T)", "Water/steam properties from (p, T)"),
    help: .t(
      "Entanpi, entropi, thể tích riêng… ở áp suất và nhiệt độ cho trước; vùng được chọn theo đường bão hòa và đường biên B23; vùng 3 giải khối lượng riêng bằng lặp. Phạm vi 0,01–800 °C, đến 100 MPa. "
        + if97Source.vi,
      "Enthalpy, entropy, specific volume… at a given pressure and temperature; the region follows the saturation line and the B23 boundary; region 3 solves for density by iteration. Range 0.01–800 °C, up to 100 MPa. "
        + if97Source.en),
    inputs: [
      Common.pressure("pressure", "bar", 10, vi: "Áp suất", en: "Pressure"),
      Common.temperature("temperature", 200, vi: "Nhiệt độ", en: "Temperature"),
    ],
    outputs: Array(stateOutputs.dropFirst()),
    body: { a in
      let s = try Common.steam("temperature") { try IF97.state(pressure: a["pressure"], temperature: a["temperature"]) }
      var v = stateValues(s)
      v["temperature"] = nil
      return CalcResult(values: v)
    })

  static let propertiesPH = Calculator(
    id: "steam.properties.ph",
    title: .t("Nhiệt độ và tính chất theo (p, h)", "Temperature and properties from (p, h)"),
    help: .t(
      "Tìm T từ áp suất và entanpi: phương trình ngược IF97 (T(p,h) vùng 1, 2a/2b/2c) làm điểm xuất phát, rồi lặp phương trình thuận đến khi h khớp; trong vùng hai pha trả về T_s và độ khô. "
        + if97Source.vi,
      "Finds T from pressure and enthalpy: the IF97 backward equations (T(p,h), regions 1, 2a/2b/2c) give the start, then the forward equation is iterated until h matches; inside the two-phase region returns T_s and the vapour fraction. "
        + if97Source.en),
    inputs: [
      Common.pressure("pressure", "bar", 10, vi: "Áp suất", en: "Pressure"),
      CalcInput("enthalpy", "kJ/kg", default: 2_800, vi: "Entanpi riêng", en: "Specific enthalpy"),
    ],
    outputs: stateOutputs.filter { $0.name != "enthalpy" },
    body: { a in
      let s = try Common.steam("enthalpy") { try IF97.state(pressure: a["pressure"], enthalpy: a["enthalpy"]) }
      var v = stateValues(s)
      v["enthalpy"] = nil
      return CalcResult(values: v)
    })

  static let propertiesPS = Calculator(
    id: "steam.properties.ps",
    title: .t("Nhiệt độ và tính chất theo (p, s)", "Temperature and properties from (p, s)"),
    help: .t(
      "Tìm T từ áp suất và entropi bằng lặp phương trình thuận IF97; trong vùng hai pha trả về T_s và độ khô. " + if97Source.vi,
      "Finds T from pressure and entropy by iterating the IF97 forward equations; inside the two-phase region returns T_s and the vapour fraction. "
        + if97Source.en),
    inputs: [
      Common.pressure("pressure", "bar", 10, vi: "Áp suất", en: "Pressure"),
      CalcInput("entropy", "kJ/(kg·K)", default: 6.5, vi: "Entropi riêng", en: "Specific entropy"),
    ],
    outputs: stateOutputs.filter { $0.name != "entropy" },
    body: { a in
      let s = try Common.steam("entropy") { try IF97.state(pressure: a["pressure"], entropy: a["entropy"]) }
      var v = stateValues(s)
      v["entropy"] = nil
      return CalcResult(values: v)
    })

  // MARK: Steam leak

  /// Napier's rule in SI: W[kg/s] = Cd · A[m²] · P[Pa] / (70 · g), from W[lb/s] = A[in²] · P[psia] / 70.
  /// (lb per lbf is 1/g, so the only constant left is 70 · 9.80665.)
  static func napierFlow(diameter d: Double, pressure p: Double, cd: Double) -> Double {
    cd * Double.pi / 4 * d * d * p / (70 * 9.806_65)
  }

  /// Default discharge coefficient: the DOE Steam Tip Sheet #1 table corresponds to Napier × 0.729.
  static let defaultSteamCd = 0.729

  static let leak = Calculator(
    id: "steam.leak.orifice",
    title: .t("Rò hơi qua lỗ (bẫy hơi kẹt mở, lỗ rò)", "Steam leak through an orifice (failed-open trap, hole)"),
    help: .t(
      "Công thức Napier cho dòng tới hạn của hơi bão hòa khô: W = Cd · A · p_tuyệt đối / 70 (lb/s, in², psia), tức W[kg/h] ≈ 0,2474·Cd·p[bar a]·d[mm]²·… Hệ số xả Cd mặc định 0,729: khớp bảng DOE Steam Tip Sheet #1 (lỗ 1/8 in, 150 psig → 75,8 lb/h). Cd = 1 là Napier lý thuyết; 0,60 ứng với công thức phổ biến 24,24·P·d². Các nguồn chênh nhau đến 67 %, hãy ghi rõ Cd khi báo cáo. Giả thiết: hơi khô, xả ra khí quyển, dòng tới hạn (p_tuyệt đối ≳ 1,7 atm; ở áp thấp hơn kết quả là cận trên). Tiền = lượng hơi × giá hơi (xem steam.cost). Nguồn: quy tắc Napier; DOE Steam Tip Sheet #1; domain.md §3.4; calculators.md §9.",
      "Napier's rule for choked flow of dry saturated steam: W = Cd · A · p_abs / 70 (lb/s, in², psia). Default discharge coefficient Cd = 0.729: it reproduces the DOE Steam Tip Sheet #1 table (1/8 in at 150 psig → 75.8 lb/h). Cd = 1 is theoretical Napier; 0.60 gives the common 24.24·P·d² formula. References differ by up to 67 %, so state Cd in reports. Assumptions: dry steam, discharge to atmosphere, choked flow (p_abs ≳ 1.7 atm; below that the result is an upper bound). Cost = steam lost × steam price (see steam.cost). Source: Napier's rule; DOE Steam Tip Sheet #1; domain.md §3.4; calculators.md §9."),
    inputs: [
      Common.positive("diameter", "mm", 3.2, vi: "Đường kính lỗ rò", en: "Orifice diameter"),
      Common.pressure("pressure", "barg", 7, vi: "Áp suất hơi trước lỗ", en: "Steam pressure upstream of the orifice"),
      CalcInput(
        "dischargeCoefficient", "1", default: defaultSteamCd, min: .over(0), max: .atMost(1),
        vi: "Hệ số xả Cd (mặc định 0,729 theo bảng DOE; 1 = Napier lý thuyết; 0,6 = công thức 24,24)",
        en: "Discharge coefficient Cd (default 0.729 per DOE table; 1 = theoretical Napier; 0.6 = the 24.24 formula)"),
      Common.pressure("atmosphericPressure", "kPa", 101.325, vi: "Áp suất khí quyển", en: "Atmospheric pressure"),
      Common.hours(8_760),
      Common.price("steamPrice", "VND/t", vi: "Giá hơi", en: "Steam price"),
    ],
    outputs: [
      CalcOutputSpec("steamLoss", "kg/h", vi: "Lượng hơi rò", en: "Steam lost"),
      CalcOutputSpec("annualLoss", "t", vi: "Hơi rò mỗi năm", en: "Steam lost per year"),
      CalcOutputSpec("annualCost", "VND", vi: "Chi phí mỗi năm", en: "Cost per year"),
    ],
    body: { a in
      guard a["pressure"] > a["atmosphericPressure"] else {
        throw CalcError.invalid("pressure", vi: "áp suất hơi phải lớn hơn áp suất khí quyển", en: "steam pressure must exceed atmospheric pressure")
      }
      let w = napierFlow(diameter: a["diameter"], pressure: a["pressure"], cd: a["dischargeCoefficient"])
      let annual = w * a["hours"]
      return CalcResult(values: ["steamLoss": w, "annualLoss": annual, "annualCost": annual * a["steamPrice"]])
    })

  // MARK: Steam cost

  static let cost = Calculator(
    id: "steam.cost",
    title: .t("Giá thành hơi từ giá nhiên liệu", "Steam cost from the fuel price"),
    help: .t(
      "Giá hơi = giá nhiên liệu × (h_hơi − h_nước cấp) / (NCV × η_lò). h_hơi: hơi bão hòa khô hoặc quá nhiệt ở áp suất lò (IF97); h_nước cấp: nước lỏng ở nhiệt độ nước cấp và áp suất lò. Nguồn: domain.md §3.4; IAPWS-IF97. Chưa gồm điện, hóa chất, nhân công.",
      "Steam cost = fuel price × (h_steam − h_feedwater) / (NCV × η_boiler). h_steam: dry saturated or superheated steam at boiler pressure (IF97); h_feedwater: liquid at the feedwater temperature and boiler pressure. Source: domain.md §3.4; IAPWS-IF97. Excludes power, chemicals and labour."),
    inputs: Common.steamStateInputs() + [
      Common.temperature("feedwaterTemperature", 30, vi: "Nhiệt độ nước cấp", en: "Feedwater temperature"),
      Common.efficiency("boilerEfficiency", 0.8, vi: "Hiệu suất lò hơi", en: "Boiler efficiency"),
      Common.positive("fuelNCV", "MJ/kg", 25.8, vi: "Nhiệt trị thấp của nhiên liệu (mặc định: than bitum IPCC 25,8 MJ/kg)", en: "Fuel net calorific value (default: IPCC other bituminous coal 25.8 MJ/kg)"),
      Common.nonNegative("fuelPrice", "VND/kg", 0, vi: "Giá nhiên liệu", en: "Fuel price"),
    ],
    outputs: [
      CalcOutputSpec("enthalpyRise", "kJ/kg", vi: "Nhiệt cần cho 1 kg hơi", en: "Heat needed per kg of steam"),
      CalcOutputSpec("fuelPerSteam", "kg/t", vi: "Nhiên liệu cho 1 tấn hơi", en: "Fuel per tonne of steam"),
      CalcOutputSpec("steamCost", "VND/t", vi: "Giá thành hơi (phần nhiên liệu)", en: "Steam cost (fuel part)"),
    ],
    body: { a in
      let hs = try Common.steamEnthalpy(a)
      let hw = try Common.liquidEnthalpy("feedwaterTemperature", temperature: a["feedwaterTemperature"], pressure: a["steamPressure"])
      let dh = hs - hw
      guard dh > 0 else {
        throw CalcError.invalid("feedwaterTemperature", vi: "nước cấp phải lạnh hơn hơi", en: "feedwater must be colder than the steam")
      }
      let fuel = dh / (a["fuelNCV"] * a["boilerEfficiency"])  // kg fuel per kg steam
      return CalcResult(values: ["enthalpyRise": dh, "fuelPerSteam": fuel, "steamCost": fuel * a["fuelPrice"]])
    })

  // MARK: Flash steam

  /// Flash of a liquid (or mixture) of specific enthalpy h (J/kg) into a vessel at pressure p (Pa):
  /// x = (h − h_f(p)) / (h_g(p) − h_f(p)), vapour leaves saturated, liquid leaves saturated.
  public struct FlashSplit: Sendable {
    public let fraction: Double
    public let vapourEnthalpy: Double
    public let liquidEnthalpy: Double
  }

  public static func flashSplit(inletEnthalpy h: Double, tankPressure p: Double) throws -> FlashSplit {
    let sat = try IF97.saturation(pressure: p)
    let x = (h - sat.liquid.enthalpy) / sat.latentHeat
    return FlashSplit(fraction: min(max(x, 0), 1), vapourEnthalpy: sat.vapour.enthalpy, liquidEnthalpy: sat.liquid.enthalpy)
  }

  static let flash = Calculator(
    id: "steam.flash",
    title: .t("Hơi tái bay hơi (flash) từ nước ngưng", "Flash steam from condensate"),
    help: .t(
      "Nước ngưng bão hòa ở áp suất p1 hạ áp xuống p2: tỉ lệ bay hơi x = (h_f(p1) − h_f(p2)) / h_fg(p2); hơi flash = x·m, nước còn lại = (1 − x)·m. Cùng quy tắc với bình flash của MEASUR (SSMT). Nguồn: IAPWS-IF97; MEASUR FlashTank.",
      "Saturated condensate at p1 let down to p2: flash fraction x = (h_f(p1) − h_f(p2)) / h_fg(p2); flash steam = x·m, residual condensate = (1 − x)·m. Same rule as MEASUR's (SSMT) flash tank. Source: IAPWS-IF97; MEASUR FlashTank."),
    inputs: [
      Common.pressure("condensatePressure", "barg", 7, vi: "Áp suất nước ngưng (bão hòa) trước van", en: "Condensate (saturated) pressure before let-down"),
      Common.pressure("flashPressure", "barg", 0, vi: "Áp suất bình flash / đường hồi", en: "Flash vessel / return line pressure"),
      Common.positive("condensateFlow", "kg/h", 1_000, vi: "Lưu lượng nước ngưng", en: "Condensate flow"),
      Common.hours(),
      Common.price("steamPrice", "VND/t", vi: "Giá hơi (để định giá hơi flash thu hồi)", en: "Steam price (to value recovered flash steam)"),
    ],
    outputs: [
      CalcOutputSpec("flashFraction", "%", vi: "Tỉ lệ bay hơi", en: "Flash fraction"),
      CalcOutputSpec("flashSteam", "kg/h", vi: "Hơi flash", en: "Flash steam"),
      CalcOutputSpec("residualCondensate", "kg/h", vi: "Nước ngưng còn lại", en: "Residual condensate"),
      CalcOutputSpec("annualFlashSteam", "t", vi: "Hơi flash mỗi năm", en: "Flash steam per year"),
      CalcOutputSpec("annualValue", "VND", vi: "Giá trị hơi flash mỗi năm", en: "Value of flash steam per year"),
    ],
    body: { a in
      guard a["flashPressure"] < a["condensatePressure"] else {
        throw CalcError.invalid("flashPressure", vi: "phải thấp hơn áp suất nước ngưng", en: "must be below the condensate pressure")
      }
      let hIn = try Common.steam("condensatePressure") { try IF97.saturation(pressure: a["condensatePressure"]) }.liquid.enthalpy
      let split = try Common.steam("flashPressure") { try flashSplit(inletEnthalpy: hIn, tankPressure: a["flashPressure"]) }
      let m = a["condensateFlow"]
      let flash = split.fraction * m
      return CalcResult(values: [
        "flashFraction": split.fraction, "flashSteam": flash, "residualCondensate": m - flash,
        "annualFlashSteam": flash * a["hours"], "annualValue": flash * a["hours"] * a["steamPrice"],
      ])
    })

  // MARK: Condensate return

  static let condensateReturn = Calculator(
    id: "steam.condensate_return",
    title: .t("Tiết kiệm khi thu hồi nước ngưng", "Savings from returning condensate"),
    help: .t(
      "Nhiệt thu hồi Q = m · (h(T_ngưng) − h(T_nước bổ sung)) (nước lỏng, IF97, ở áp suất lò); nhiên liệu tiết kiệm = Q / (η_lò · NCV); nước tiết kiệm = m / 1000 kg/m³. Nguồn: domain.md §3.6 (≈1 % nhiên liệu cho mỗi 6 °C tăng nhiệt độ nước cấp). Chưa tính hóa chất và xả đáy giảm theo.",
      "Heat recovered Q = m · (h(T_condensate) − h(T_make-up)) (liquid water, IF97, at boiler pressure); fuel saved = Q / (η_boiler · NCV); water saved = m / 1000 kg/m³. Source: domain.md §3.6 (≈1 % fuel per 6 °C of feedwater temperature rise). Chemicals and reduced blowdown are not counted."),
    inputs: [
      Common.positive("condensateFlow", "kg/h", 1_000, vi: "Lưu lượng nước ngưng thu hồi thêm", en: "Additional condensate returned"),
      Common.temperature("condensateTemperature", 80, vi: "Nhiệt độ nước ngưng về bể", en: "Condensate temperature at the tank"),
      Common.temperature("makeupTemperature", 28, vi: "Nhiệt độ nước bổ sung", en: "Make-up water temperature"),
      Common.pressure("steamPressure", "barg", 7, vi: "Áp suất lò hơi", en: "Boiler pressure"),
      Common.efficiency("boilerEfficiency", 0.8, vi: "Hiệu suất lò hơi", en: "Boiler efficiency"),
      Common.positive("fuelNCV", "MJ/kg", 25.8, vi: "Nhiệt trị thấp nhiên liệu", en: "Fuel net calorific value"),
      Common.nonNegative("fuelPrice", "VND/kg", 0, vi: "Giá nhiên liệu", en: "Fuel price"),
      Common.nonNegative("waterPrice", "VND/m³", 0, vi: "Giá nước (cả xử lý)", en: "Water price (incl. treatment)"),
      Common.hours(),
    ],
    outputs: [
      CalcOutputSpec("heatRecovered", "kW", vi: "Nhiệt thu hồi", en: "Heat recovered"),
      CalcOutputSpec("annualFuelSaved", "t", vi: "Nhiên liệu tiết kiệm mỗi năm", en: "Fuel saved per year"),
      CalcOutputSpec("annualWaterSaved", "m³", vi: "Nước tiết kiệm mỗi năm", en: "Water saved per year"),
      CalcOutputSpec("annualSaving", "VND", vi: "Tiền tiết kiệm mỗi năm", en: "Money saved per year"),
    ],
    body: { a in
      guard a["condensateTemperature"] > a["makeupTemperature"] else {
        throw CalcError.invalid("condensateTemperature", vi: "phải nóng hơn nước bổ sung", en: "must be hotter than the make-up water")
      }
      let p = a["steamPressure"]
      let hc = try Common.liquidEnthalpy("condensateTemperature", temperature: a["condensateTemperature"], pressure: p)
      let hm = try Common.liquidEnthalpy("makeupTemperature", temperature: a["makeupTemperature"], pressure: p)
      let m = a["condensateFlow"]
      let q = m * (hc - hm)
      let fuel = q * a["hours"] / (a["boilerEfficiency"] * a["fuelNCV"])
      let water = m * a["hours"] / 1_000
      return CalcResult(values: [
        "heatRecovered": q, "annualFuelSaved": fuel, "annualWaterSaved": water,
        "annualSaving": fuel * a["fuelPrice"] + water * a["waterPrice"],
      ])
    })
}
