import Foundation
import SXCore

/// Pipe insulation: MEASUR's iterative series-resistance model (bare and insulated heat loss per metre) and the
/// simpler table method of domain.md §3.7.
public enum PipeHeatLoss {
  /// k(T) = c0·T⁴ + c1·T³ + c2·T² + c3·T + c4 (T in K).
  public static func polynomial(_ c: [Double], _ t: Double) -> Double {
    guard c.count == 5 else { return .nan }
    return c[0] * pow(t, 4) + c[1] * pow(t, 3) + c[2] * t * t + c[3] * t + c[4]
  }

  /// Air-property fits of MEASUR (InsulatedPipeCalculator.h), T in K: kinematic viscosity ×1e6 m²/s,
  /// conductivity ×1e3 W/(m·K), thermal diffusivity ×1e6 m²/s, Prandtl number.
  static let kinematicViscosityFit = [2.25852e-11, -8.32093e-8, 0.000172673, 0.01063728, -0.76108359]
  static let conductivityFit = [3.17176e-11, -5.90229e-08, 4.58531e-06, 0.088867888, 0.520072239]
  static let diffusivityFit = [1.35569e-10, -3.80588e-07, 0.000446483, -0.035935528, 2.254489164]
  static let prandtlFit = [-2.08438e-13, -1.72787e-11, 8.00624e-07, -0.000694606, 0.845781218]

  /// Carbon-steel pipe conductivity fit used in MEASUR's test (≈ 57.6 W/(m·K) at 422 K).
  public static let carbonSteel = [0, 2.08333e-09, 3.67044e-19, -0.0510833, 79.0]
  /// Mineral-fibre-type insulation conductivity fit used in MEASUR's test (≈ 0.05 W/(m·K) at 360 K).
  public static let mineralFibre = [1.57526e-12, -2.02822e-09, 8.6328e-07, 0, 0.006729488]

  public static let sigma = 5.670373e-8

  public static func reynolds(diameter d: Double, velocity v: Double, kinematicViscosity nu: Double) -> Double { d * v / nu }

  public static func rayleigh(beta: Double, surface ts: Double, ambient ta: Double, diameter d: Double, kinematicViscosity nu: Double, alpha: Double)
    -> Double
  {
    9.81 * beta * abs(ts - ta) * pow(d, 3) / (nu * alpha)
  }

  public static func radiativeCoefficient(emissivity e: Double, surface ts: Double, ambient ta: Double) -> Double {
    sigma * e * (pow(ts, 4) - pow(ta, 4)) / (ts - ta)
  }

  /// Churchill–Bernstein, forced convection across a cylinder.
  public static func nusseltForced(reynolds re: Double, prandtl pr: Double) -> Double {
    0.3 + 0.62 * re.squareRoot() * pow(pr, 1.0 / 3) / pow(1 + pow(0.4 / pr, 2.0 / 3), 0.25) * pow(1 + pow(re / 282_000, 5.0 / 8), 0.8)
  }

  /// Churchill–Chu, free convection from a horizontal cylinder.
  public static func nusseltFree(rayleigh ra: Double, prandtl pr: Double) -> Double {
    pow(0.6 + 0.387 * pow(ra, 1.0 / 6) / pow(1 + pow(0.559 / pr, 9.0 / 16), 8.0 / 27), 2)
  }

  public static func nusseltCombined(forced a: Double, free b: Double) -> Double { pow(pow(a, 4) + pow(b, 4), 0.25) }

  /// Conductive resistance of a shell between diameters b (outer) and c (inner), referred to the area at diameter a.
  public static func resistance(referenceDiameter a: Double, outer b: Double, inner c: Double, conductivity k: Double) -> Double {
    a * log(b / c) / (2 * k)
  }

  public struct Pipe: Sendable {
    public var outerDiameter: Double
    public var wallThickness: Double
    public var pipeTemperature: Double
    public var ambientTemperature: Double
    public var windVelocity: Double
    public var pipeEmissivity: Double
    public var jacketEmissivity: Double
    public var insulationThickness: Double
    public var pipeConductivity: [Double]
    public var insulationConductivity: [Double]
  }

  public struct Result: Sendable {
    /// Heat loss per metre of pipe, W/m.
    public let heatPerLength: Double
    /// Outer surface temperature, K.
    public let surfaceTemperature: Double
  }

  /// MEASUR's iteration: film properties at (T_s + T_a)/2, outside coefficient = radiation + combined
  /// convection, series resistances referred to the outer area, update the interface and surface temperatures,
  /// repeat until the heat per metre changes < 1e-4 W/m (result = mean of the last two). The inner diameter is
  /// D − wall thickness, as in MEASUR (a MEASUR quirk; the pipe-wall resistance is negligible either way).
  /// Without insulation (thickness 0) the jacket is the bare pipe with the pipe emissivity.
  public static func heatLoss(_ p: Pipe) throws -> Result {
    let bare = p.insulationThickness <= 0
    let dIn = p.outerDiameter - p.wallThickness
    let dOut = p.outerDiameter + 2 * max(p.insulationThickness, 0)
    let emissivity = bare ? p.pipeEmissivity : p.jacketEmissivity
    let ta = p.ambientTemperature, tp = p.pipeTemperature
    var surface = ta + 1, interface = tp - 1, previous = 0.0
    for _ in 0..<60 {
      let film = (surface + ta) / 2
      let nu = polynomial(kinematicViscosityFit, film) / 1e6
      let kAir = polynomial(conductivityFit, film) / 1e3
      let alpha = polynomial(diffusivityFit, film) / 1e6
      let pr = polynomial(prandtlFit, film)
      let re = reynolds(diameter: dOut, velocity: p.windVelocity, kinematicViscosity: nu)
      let ra = rayleigh(beta: 1 / film, surface: surface, ambient: ta, diameter: dOut, kinematicViscosity: nu, alpha: alpha)
      let hr = radiativeCoefficient(emissivity: emissivity, surface: surface, ambient: ta)
      let nuC = nusseltCombined(forced: nusseltForced(reynolds: re, prandtl: pr), free: nusseltFree(rayleigh: ra, prandtl: pr))
      let hAir = hr + nuC * kAir / dOut
      let rPipe = resistance(referenceDiameter: dOut, outer: p.outerDiameter, inner: dIn, conductivity: polynomial(p.pipeConductivity, tp))
      let rIns = bare
        ? 0
        : resistance(
          referenceDiameter: dOut, outer: dOut, inner: p.outerDiameter,
          conductivity: polynomial(p.insulationConductivity, (surface + interface) / 2))
      let flux = (tp - ta) / (rIns + rPipe + 1 / hAir)
      interface = tp - flux * rPipe
      surface = interface - flux * rIns
      let q = flux * Double.pi * dOut
      guard q.isFinite, rIns >= 0, hAir > 0 else { break }
      if abs(q - previous) < 1e-4 { return Result(heatPerLength: (q + previous) / 2, surfaceTemperature: surface) }
      previous = q
    }
    throw CalcError(
      input: nil, vi: "mô hình tổn thất nhiệt ống không hội tụ với các giá trị này",
      en: "the pipe heat-loss model does not converge for these values")
  }
}

enum InsulationCalculators {
  static let all: [Calculator] = [pipe, table, tankMeasur]

  static let insulationChoices = [
    CalcChoice("mineral_fibre", vi: "sợi khoáng/bông thủy tinh (đa thức k(T) ví dụ của MEASUR)", en: "mineral fibre/glass wool (MEASUR example k(T) polynomial)"),
    CalcChoice("constant", vi: "k không đổi = insulationConductivity", en: "constant k = insulationConductivity"),
  ]

  static let pipe = Calculator(
    id: "insulation.pipe",
    title: .t("Bảo ôn ống: tổn thất trần và có bảo ôn (mô hình MEASUR)", "Pipe insulation: bare vs insulated loss (MEASUR model)"),
    help: .t(
      "Mô hình lặp nhiệt trở nối tiếp của MEASUR, tính cho 1 m ống: tính chất không khí ở nhiệt độ màng (đa thức MEASUR), đối lưu cưỡng bức Churchill–Bernstein và tự nhiên Churchill–Chu kết hợp (Nu⁴ + Nu⁴)^¼, bức xạ σ·ε·(T_s⁴ − T_a⁴)/(T_s − T_a); dẫn nhiệt qua thành ống (thép cacbon) và lớp bảo ôn. Năng lượng năm = q′ × chiều dài × giờ / η_hệ thống. Ống thép cacbon (đa thức k(T) MEASUR); đường kính trong = D − chiều dày (như MEASUR). Nguồn: MEASUR InsulatedPipeCalculator.",
      "MEASUR's iterative series-resistance model per metre of pipe: air properties at the film temperature (MEASUR fits), forced (Churchill–Bernstein) and free (Churchill–Chu) convection combined as (Nu⁴ + Nu⁴)^¼, radiation σ·ε·(T_s⁴ − T_a⁴)/(T_s − T_a); conduction through the (carbon-steel) pipe wall and the insulation. Annual energy = q′ × length × hours / η_system. Carbon-steel pipe (MEASUR k(T) fit); inner diameter = D − wall thickness (as MEASUR). Source: MEASUR InsulatedPipeCalculator."),
    inputs: [
      Common.positive("length", "m", 10, vi: "Chiều dài ống", en: "Pipe length"),
      Common.positive("outerDiameter", "mm", 60.3, vi: "Đường kính ngoài ống (DN50 = 60,3 mm)", en: "Pipe outer diameter (DN50 = 60.3 mm)"),
      Common.positive("wallThickness", "mm", 3.9, vi: "Chiều dày thành ống", en: "Pipe wall thickness"),
      Common.temperature("pipeTemperature", 170, vi: "Nhiệt độ lưu chất trong ống", en: "Fluid temperature in the pipe"),
      Common.temperature("ambientTemperature", 30, vi: "Nhiệt độ không khí xung quanh", en: "Ambient air temperature"),
      Common.nonNegative("windVelocity", "m/s", 0, vi: "Vận tốc gió", en: "Wind speed"),
      Common.fraction("pipeEmissivity", 0.8, vi: "Độ đen bề mặt ống trần", en: "Bare pipe emissivity"),
      Common.fraction("jacketEmissivity", 0.1, vi: "Độ đen vỏ bọc bảo ôn (nhôm ~0,1)", en: "Insulation jacket emissivity (aluminium ~0.1)"),
      Common.positive("insulationThickness", "mm", 50, vi: "Chiều dày bảo ôn", en: "Insulation thickness"),
      CalcInput(
        "insulation", "", default: 0, vi: "Vật liệu bảo ôn: mineral_fibre | constant", en: "Insulation material: mineral_fibre | constant",
        kind: .choice(insulationChoices)),
      CalcInput(
        "insulationConductivity", "W/(m·K)", default: 0.045, min: .over(0), max: .atMost(5),
        vi: "Hệ số dẫn nhiệt bảo ôn (khi insulation=constant)", en: "Insulation conductivity (when insulation=constant)",
        usedWhen: .init(input: "insulation", choice: 1)),
      Common.efficiency("systemEfficiency", 0.8, vi: "Hiệu suất hệ thống (lò hơi)", en: "System (boiler) efficiency"),
      Common.hours(),
      Common.price("energyPrice", "VND/GJ", vi: "Giá năng lượng nhiên liệu", en: "Fuel energy price"),
    ],
    outputs: [
      CalcOutputSpec("bareLoss", "W/m", vi: "Tổn thất ống trần mỗi mét", en: "Bare loss per metre"),
      CalcOutputSpec("insulatedLoss", "W/m", vi: "Tổn thất có bảo ôn mỗi mét", en: "Insulated loss per metre"),
      CalcOutputSpec("surfaceTemperature", "°C", vi: "Nhiệt độ bề mặt vỏ bảo ôn", en: "Jacket surface temperature"),
      CalcOutputSpec("annualBare", "GJ", vi: "Năng lượng nhiên liệu mất mỗi năm (trần)", en: "Fuel energy lost per year (bare)"),
      CalcOutputSpec("annualInsulated", "GJ", vi: "Năng lượng nhiên liệu mất mỗi năm (có bảo ôn)", en: "Fuel energy lost per year (insulated)"),
      CalcOutputSpec("annualSavings", "GJ", vi: "Năng lượng tiết kiệm mỗi năm", en: "Energy saved per year"),
      CalcOutputSpec("costSavings", "VND", vi: "Tiền tiết kiệm mỗi năm", en: "Money saved per year"),
    ],
    body: { a in
      guard a["pipeTemperature"] > a["ambientTemperature"] else {
        throw CalcError.invalid("pipeTemperature", vi: "phải nóng hơn không khí xung quanh", en: "must be hotter than the ambient air")
      }
      guard a["wallThickness"] < a["outerDiameter"] / 2 else {
        throw CalcError.invalid("wallThickness", vi: "phải nhỏ hơn nửa đường kính ngoài", en: "must be less than half the outer diameter")
      }
      let k = a.choice("insulation") == 0 ? PipeHeatLoss.mineralFibre : [0, 0, 0, 0, a["insulationConductivity"]]
      var p = PipeHeatLoss.Pipe(
        outerDiameter: a["outerDiameter"], wallThickness: a["wallThickness"], pipeTemperature: a["pipeTemperature"],
        ambientTemperature: a["ambientTemperature"], windVelocity: a["windVelocity"], pipeEmissivity: a["pipeEmissivity"],
        jacketEmissivity: a["jacketEmissivity"], insulationThickness: a["insulationThickness"], pipeConductivity: PipeHeatLoss.carbonSteel,
        insulationConductivity: k)
      let insulated = try PipeHeatLoss.heatLoss(p)
      p.insulationThickness = 0
      let bare = try PipeHeatLoss.heatLoss(p)
      let perYear = a["length"] * a["hours"] / a["systemEfficiency"]
      let saved = (bare.heatPerLength - insulated.heatPerLength) * perYear
      return CalcResult(values: [
        "bareLoss": bare.heatPerLength, "insulatedLoss": insulated.heatPerLength, "surfaceTemperature": insulated.surfaceTemperature,
        "annualBare": bare.heatPerLength * perYear, "annualInsulated": insulated.heatPerLength * perYear, "annualSavings": saved,
        "costSavings": saved * a["energyPrice"],
      ])
    })

  /// domain.md §3.7: bare horizontal steel pipe, still air, 10–25 °C ambient, W/m by DN and ΔT.
  static let tableDN = [15, 25, 50, 80, 100, 150]
  static let tableDeltaT: [Double] = [100, 125, 139, 153, 167]
  static let tableLoss: [[Double]] = [
    [116, 169, 285, 400, 501, 696],
    [159, 233, 394, 555, 698, 969],
    [184, 272, 458, 622, 815, 1_133],
    [210, 312, 528, 747, 939, 1_305],
    [241, 357, 602, 838, 1_093, 1_492],
  ]

  /// Bare loss (W/m) for a DN column by linear interpolation in ΔT (K) within the table's 100–167 K.
  public static func tableLossPerMetre(dnIndex: Int, deltaT: Double) -> Double? {
    guard tableDN.indices.contains(dnIndex), let first = tableDeltaT.first, let last = tableDeltaT.last, deltaT >= first, deltaT <= last else {
      return nil
    }
    for i in 1..<tableDeltaT.count where deltaT <= tableDeltaT[i] {
      let t0 = tableDeltaT[i - 1], t1 = tableDeltaT[i]
      let q0 = tableLoss[i - 1][dnIndex], q1 = tableLoss[i][dnIndex]
      return q0 + (q1 - q0) * (deltaT - t0) / (t1 - t0)
    }
    return nil
  }

  static let table = Calculator(
    id: "insulation.pipe.table",
    title: .t("Bảo ôn ống — phương pháp tra bảng", "Pipe insulation — table method"),
    help: .t(
      "Tổn thất ống thép trần nằm ngang, không khí lặng, 10–25 °C (W/m theo DN 15–150 và ΔT 100–167 K, nội suy tuyến tính theo ΔT; ngoài khoảng là lỗi, dùng insulation.pipe). Bảo ôn giảm ~90 % tổn thất (mặc định). Năng lượng năm = W/m × chiều dài × giờ / η_hệ thống. Nguồn: domain.md §3.7 (engineeringtoolbox, heat loss from steam pipes); DOE Steam Tip #2.",
      "Bare horizontal steel pipe, still air, 10–25 °C ambient (W/m by DN 15–150 and ΔT 100–167 K, linear in ΔT; outside that range is an error — use insulation.pipe). Insulation removes ~90 % of the loss (default). Annual energy = W/m × length × hours / η_system. Source: domain.md §3.7 (engineeringtoolbox, heat loss from steam pipes); DOE Steam Tip #2."),
    inputs: [
      CalcInput(
        "dn", "", default: 2, vi: "Cỡ ống DN: 15 | 25 | 50 | 80 | 100 | 150", en: "Pipe size DN: 15 | 25 | 50 | 80 | 100 | 150",
        kind: .choice(tableDN.map { CalcChoice(String($0), vi: "DN\($0)", en: "DN\($0)") })),
      Common.temperature("pipeTemperature", 170, vi: "Nhiệt độ hơi/lưu chất", en: "Steam/fluid temperature"),
      Common.temperature("ambientTemperature", 30, vi: "Nhiệt độ không khí", en: "Ambient air temperature"),
      Common.positive("length", "m", 10, vi: "Chiều dài ống trần", en: "Bare pipe length"),
      Common.fraction("insulationReduction", 0.9, vi: "Phần tổn thất bảo ôn loại bỏ", en: "Share of the loss removed by insulation"),
      Common.efficiency("systemEfficiency", 0.8, vi: "Hiệu suất hệ thống (lò hơi)", en: "System (boiler) efficiency"),
      Common.hours(),
      Common.price("energyPrice", "VND/GJ", vi: "Giá năng lượng nhiên liệu", en: "Fuel energy price"),
    ],
    outputs: [
      CalcOutputSpec("bareLoss", "W/m", vi: "Tổn thất ống trần mỗi mét", en: "Bare loss per metre"),
      CalcOutputSpec("bareLossTotal", "kW", vi: "Tổn thất ống trần", en: "Bare loss"),
      CalcOutputSpec("annualBare", "GJ", vi: "Năng lượng nhiên liệu mất mỗi năm", en: "Fuel energy lost per year"),
      CalcOutputSpec("annualSavings", "GJ", vi: "Năng lượng tiết kiệm khi bảo ôn", en: "Energy saved by insulating"),
      CalcOutputSpec("costSavings", "VND", vi: "Tiền tiết kiệm mỗi năm", en: "Money saved per year"),
    ],
    body: { a in
      let dt = a["pipeTemperature"] - a["ambientTemperature"]
      guard let q = tableLossPerMetre(dnIndex: a.choice("dn"), deltaT: dt) else {
        throw CalcError.invalid(
          "pipeTemperature", vi: "chênh nhiệt độ ống − không khí phải trong 100–167 K của bảng (đang là \(String(format: "%.1f", dt)) K)",
          en: "pipe − air temperature difference must be within the table's 100–167 K (it is \(String(format: "%.1f", dt)) K)")
      }
      let total = q * a["length"]
      let annual = total * a["hours"] / a["systemEfficiency"]
      let saved = annual * a["insulationReduction"]
      return CalcResult(values: [
        "bareLoss": q, "bareLossTotal": total, "annualBare": annual, "annualSavings": saved, "costSavings": saved * a["energyPrice"],
      ])
    })
}
