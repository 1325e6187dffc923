import Foundation
import SXCore

/// MEASUR's tank-insulation model (InsulatedTankReduction), reproduced for parity with its published results.
/// It works in imperial units (ft, °R, Btu/(h·ft·°F)) and has two known quirks kept on purpose (calculators.md §1.8):
/// the radiation term is per ft² of surface (not multiplied by the area), and the insulated case radiates (and
/// convects) from the user-given jacket surface temperature. `radiation = times_area` gives the physically
/// consistent variant (radiation × area); everything else is unchanged.
public enum TankHeatLoss {
  /// MEASUR's air-property fits at the ambient temperature T (°R): c0·T⁴ + … + c4 for specific heat
  /// (Btu/(lb·°F)), density (×1e-2 lb/ft³), kinematic viscosity (×1e-4/3600 ft²/s) and conductivity (Btu/(h·ft·°F)).
  static let specificHeatFit = [-1.82109557e-14, 5.27958269e-11, -3.22287031e-8, 8.06185737e-6, 2.38303755e-1]
  static let densityFit = [5.53240532e-12, -2.97098117e-8, 5.96315645e-5, -5.57665211e-2, 2.43046430e1]
  static let kinematicViscosityFit = [-6.67800412e-13, 2.42855319e-9, 7.21312269e-8, 3.56111381e-3, -5.82727939e-1]
  static let conductivityFit = [-1.63898601e-15, 7.98394765e-12, -1.80852621e-8, 3.85957991e-5, -1.49489778e-3]

  /// 0.1713e-8 Btu/(h·ft²·°R⁴): the Stefan–Boltzmann constant in imperial units.
  static let sigmaImperial = 0.1713e-8
  static let feet = 0.3048
  static let rankinePerKelvin = 1.8
  /// 1 Btu/(h·ft·°F) in W/(m·K).
  static let btuConductivity = 1_055.055_852_62 / 3_600 / 0.3048 * 1.8
  /// 1 Btu/h in W.
  static let btuPerHour = 1_055.055_852_62 / 3_600

  public struct Tank: Sendable {
    /// Height and inner diameter (m), wall thickness (m), wall conductivity (W/(m·K)), wall emissivity.
    public var height: Double, diameter: Double, wallThickness: Double, wallConductivity: Double, wallEmissivity: Double
    /// Content and ambient temperature (K).
    public var temperature: Double, ambient: Double
    /// Insulation thickness (m, 0 = bare), conductivity (W/(m·K)), jacket emissivity, jacket surface temperature (K).
    public var insulationThickness: Double, insulationConductivity: Double, jacketEmissivity: Double, surfaceTemperature: Double
    /// Radiation multiplied by the tank area (physical) instead of MEASUR's per-ft² term.
    public var radiationTimesArea: Bool
  }

  /// Heat loss (W) of the tank as MEASUR computes it: bare when the insulation thickness is 0, insulated otherwise.
  /// Natural convection h = 0.125·Ra^(1/3)·k/D with air properties at ambient and β = 1/T_a; overall U on the
  /// inner-radius basis = 1/[r_i/(r_o·h) + (r_i/k_ins)·ln(r_o/r_t) + (r_i/k_wall)·ln(r_t/r_i) + 1/10];
  /// loss = U·π·D·H·ΔT + σ·ε·(T⁴ − T_a⁴) (per ft², or × area).
  public static func heatLoss(_ t: Tank) -> Double {
    let insulated = t.insulationThickness > 0
    let ta = t.ambient * rankinePerKelvin
    let hot = (insulated ? t.surfaceTemperature : t.temperature) * rankinePerKelvin
    let d = t.diameter / feet, h = t.height / feet
    let k = PipeHeatLoss.polynomial(conductivityFit, ta)
    let rho = PipeHeatLoss.polynomial(densityFit, ta) * 1e-2
    let nu = PipeHeatLoss.polynomial(kinematicViscosityFit, ta) * 1e-4 / 3_600
    let cp = PipeHeatLoss.polynomial(specificHeatFit, ta)
    let alpha = k / (rho * cp)
    let rayleigh = 32.174 * (1 / ta) * abs(hot - ta) * pow(d, 3) / (nu * alpha)
    let hConv = 0.125 * pow(rayleigh, 1.0 / 3) * k / d
    let ri = d / 2, rt = ri + t.wallThickness / feet
    let ro = insulated ? rt + t.insulationThickness / feet : rt
    var resistance = ri / ro / hConv + ri / (t.wallConductivity / btuConductivity) * log(rt / ri) + 0.1
    if insulated { resistance += ri / (t.insulationConductivity / btuConductivity) * log(ro / rt) }
    let area = Double.pi * d * h
    let emissivity = insulated ? t.jacketEmissivity : t.wallEmissivity
    let radiation = sigmaImperial * emissivity * (pow(hot, 4) - pow(ta, 4)) * (t.radiationTimesArea ? area : 1)
    return (area * (hot - ta) / resistance + radiation) * btuPerHour
  }
}

extension InsulationCalculators {
  static let radiationChoices = [
    CalcChoice("measur", vi: "như MEASUR: bức xạ tính cho 1 ft² (để đối chiếu)", en: "as MEASUR: radiation per ft² (parity)"),
    CalcChoice("times_area", vi: "bức xạ × diện tích bồn (nhất quán vật lý)", en: "radiation × tank area (physically consistent)"),
  ]

  static let tankMeasur = Calculator(
    id: "insulation.tank.measur",
    title: .t("Bảo ôn bồn chứa (đối chiếu MEASUR)", "Tank insulation (MEASUR parity)"),
    help: .t(
      "Đối chiếu MEASUR — các lỗi đã biết: số hạng bức xạ tính cho 1 ft² (không nhân diện tích), trường hợp có bảo ôn bức xạ từ nhiệt độ bề mặt cho trước. Mô hình MEASUR InsulatedTankReduction (đơn vị Anh: ft, °R, Btu/(h·ft·°F)): tính chất không khí ở nhiệt độ môi trường (đa thức MEASUR), Ra = 32,174·β·|ΔT|·D³/(ν·α), β = 1/T_a, đối lưu tự nhiên h = 0,125·Ra^(1/3)·k/D; U (theo bán kính trong) = 1/[r_i/(r_o·h) + (r_i/k_bảo ôn)·ln(r_o/r_t) + (r_i/k_thành)·ln(r_t/r_i) + 1/10]; tổn thất = U·π·D·H·ΔT + 0,1713e-8·ε·(T⁴ − T_a⁴). Trường hợp trần dùng nhiệt độ bồn và độ đen thành bồn; có bảo ôn dùng nhiệt độ bề mặt vỏ (surfaceTemperature) cho Ra, ΔT và bức xạ, với độ đen vỏ — nhiệt độ bồn không dùng (test của MEASUR đặt hai giá trị bằng nhau). Năng lượng năm = tổn thất × giờ / η_hệ thống. radiation=times_area nhân bức xạ với diện tích (biến thể nhất quán vật lý, không khớp MEASUR). Chỉ dùng để đối chiếu kết quả MEASUR; với ống dùng insulation.pipe. Nguồn: MEASUR InsulatedTankReduction; calculators.md §1.8.",
      "MEASUR parity — known quirks: radiation term per ft², insulated case radiates from the given surface temperature. MEASUR's InsulatedTankReduction model (imperial: ft, °R, Btu/(h·ft·°F)): air properties at ambient (MEASUR fits), Ra = 32.174·β·|ΔT|·D³/(ν·α), β = 1/T_a, natural convection h = 0.125·Ra^(1/3)·k/D; U (inner-radius basis) = 1/[r_i/(r_o·h) + (r_i/k_ins)·ln(r_o/r_t) + (r_i/k_wall)·ln(r_t/r_i) + 1/10]; loss = U·π·D·H·ΔT + 0.1713e-8·ε·(T⁴ − T_a⁴). The bare case uses the tank temperature and wall emissivity; the insulated case uses the jacket surface temperature (surfaceTemperature) for Ra, ΔT and radiation, with the jacket emissivity — the tank temperature is not used (MEASUR's test sets both equal). Annual energy = loss × hours / η_system. radiation=times_area multiplies the radiation by the area (physically consistent variant, not MEASUR's numbers). Use it to compare with MEASUR results; for pipes use insulation.pipe. Source: MEASUR InsulatedTankReduction; calculators.md §1.8."),
    inputs: [
      Common.positive("tankHeight", "m", 3, vi: "Chiều cao bồn", en: "Tank height"),
      Common.positive("tankDiameter", "m", 2, vi: "Đường kính trong bồn", en: "Tank inner diameter"),
      Common.positive("tankThickness", "mm", 10, vi: "Chiều dày thành bồn", en: "Tank wall thickness"),
      Common.fraction("tankEmissivity", 0.8, vi: "Độ đen thành bồn trần", en: "Bare tank emissivity"),
      CalcInput(
        "tankConductivity", "W/(m·K)", default: 50, min: .over(0), max: .atMost(500),
        vi: "Hệ số dẫn nhiệt thành bồn (thép ~50)", en: "Tank wall conductivity (steel ~50)"),
      Common.temperature("tankTemperature", 90, vi: "Nhiệt độ trong bồn (trường hợp trần)", en: "Tank content temperature (bare case)"),
      CalcInput(
        "ambientTemperature", "°C", default: 30, min: .atLeast(223.15), max: .atMost(423.15),
        vi: "Nhiệt độ không khí xung quanh (−50…150 °C, vùng đa thức tính chất không khí còn hợp lý)",
        en: "Ambient air temperature (−50…150 °C, where the air-property fits stay physical)"),
      Common.efficiency("systemEfficiency", 0.8, vi: "Hiệu suất hệ thống (lò hơi)", en: "System (boiler) efficiency"),
      CalcInput(
        "insulationThickness", "mm", default: 50, min: .atLeast(0), vi: "Chiều dày bảo ôn (0 = chỉ tính bồn trần)",
        en: "Insulation thickness (0 = bare tank only)"),
      CalcInput(
        "insulationConductivity", "W/(m·K)", default: 0.04, min: .atLeast(0), max: .atMost(5),
        vi: "Hệ số dẫn nhiệt bảo ôn (> 0 khi có bảo ôn)", en: "Insulation conductivity (> 0 when insulated)"),
      Common.fraction("jacketEmissivity", 0.1, vi: "Độ đen vỏ bọc bảo ôn", en: "Insulation jacket emissivity"),
      Common.temperature(
        "surfaceTemperature", 40, vi: "Nhiệt độ bề mặt vỏ bảo ôn (MEASUR dùng cho trường hợp có bảo ôn)",
        en: "Jacket surface temperature (MEASUR uses it for the insulated case)"),
      CalcInput(
        "radiation", "", default: 0, vi: "Bức xạ: measur | times_area", en: "Radiation: measur | times_area", kind: .choice(radiationChoices)),
      Common.hours(),
      Common.price("energyPrice", "VND/GJ", vi: "Giá năng lượng nhiên liệu", en: "Fuel energy price"),
    ],
    outputs: [
      CalcOutputSpec("bareHeatLoss", "kW", vi: "Tổn thất nhiệt bồn trần", en: "Bare tank heat loss"),
      CalcOutputSpec("annualBare", "GJ", vi: "Năng lượng nhiên liệu mất mỗi năm (trần)", en: "Fuel energy lost per year (bare)"),
      CalcOutputSpec("insulatedHeatLoss", "kW", vi: "Tổn thất nhiệt có bảo ôn", en: "Insulated heat loss"),
      CalcOutputSpec("annualInsulated", "GJ", vi: "Năng lượng nhiên liệu mất mỗi năm (có bảo ôn)", en: "Fuel energy lost per year (insulated)"),
      CalcOutputSpec("annualSavings", "GJ", vi: "Năng lượng tiết kiệm mỗi năm", en: "Energy saved per year"),
      CalcOutputSpec("costSavings", "VND", vi: "Tiền tiết kiệm mỗi năm", en: "Money saved per year"),
    ],
    body: { a in
      let ambient = a["ambientTemperature"]
      guard a["tankTemperature"] > ambient else {
        throw CalcError.invalid("tankTemperature", vi: "phải nóng hơn không khí xung quanh", en: "must be hotter than the ambient air")
      }
      var tank = TankHeatLoss.Tank(
        height: a["tankHeight"], diameter: a["tankDiameter"], wallThickness: a["tankThickness"], wallConductivity: a["tankConductivity"],
        wallEmissivity: a["tankEmissivity"], temperature: a["tankTemperature"], ambient: ambient, insulationThickness: 0,
        insulationConductivity: a["insulationConductivity"], jacketEmissivity: a["jacketEmissivity"], surfaceTemperature: a["surfaceTemperature"],
        radiationTimesArea: a.choice("radiation") == 1)
      let perYear = a["hours"] / a["systemEfficiency"]
      let bare = TankHeatLoss.heatLoss(tank)
      var values = ["bareHeatLoss": bare, "annualBare": bare * perYear]
      guard a["insulationThickness"] > 0 else {
        return CalcResult(
          values: values,
          notes: [.t("Chiều dày bảo ôn = 0: chỉ tính bồn trần.", "Insulation thickness 0: bare tank only.")],
          unused: ["insulationConductivity", "jacketEmissivity", "surfaceTemperature", "energyPrice"])
      }
      guard a["insulationConductivity"] > 0 else {
        throw CalcError.invalid("insulationConductivity", vi: "phải > 0 khi có bảo ôn", en: "must be > 0 when insulated")
      }
      guard a["surfaceTemperature"] > ambient, a["surfaceTemperature"] <= a["tankTemperature"] else {
        throw CalcError.invalid(
          "surfaceTemperature", vi: "phải nóng hơn không khí xung quanh và không nóng hơn bồn",
          en: "must be hotter than the ambient air and not hotter than the tank")
      }
      tank.insulationThickness = a["insulationThickness"]
      let insulated = TankHeatLoss.heatLoss(tank)
      let saved = (bare - insulated) * perYear
      values["insulatedHeatLoss"] = insulated
      values["annualInsulated"] = insulated * perYear
      values["annualSavings"] = saved
      values["costSavings"] = saved * a["energyPrice"]
      return CalcResult(values: values)
    })
}
