import Foundation
import SXCore

/// Compressed-air calculators: leaks (orifice, bag, ultrasonic dB survey, estimate), consumption reduction and
/// discharge-pressure reduction.
enum CompressedAirCalculators {
  static let all: [Calculator] = [
    leakOrifice, leakBag, leakDecibel, leakEstimate, reductionFlowMeter, reductionBag, reductionNozzle, reductionOther, pressureReduction,
  ]

  /// Free-air density of the orifice table: 0.07494 lb/ft³ at 14.7 psia and 70 °F taken as 530 °R (the table's
  /// own rounding), in kg/m³; other conditions scale as an ideal gas (equivalent gas constant
  /// 53.30 ft·lbf/(lb·°R) ≈ 286.8 J/(kg·K)).
  static let tableAirDensity = 0.07494 * 0.453_592_37 / pow(0.3048, 3)
  static let tablePressure = 14.7 * 6_894.757_293_168
  static let tableTemperature = 530 / 1.8
  /// The orifice-table constant 0.5303 lb·√°R/(s·in²·psia) in SI: kg·√K/(s·m²·Pa)
  /// (lb/lbf = 1/g; √°R = √1.8·√K).
  static let mossConstant = 0.5303 / 9.806_65 / 1.8.squareRoot()

  /// Free-air flow (m³/s at atmospheric pressure and the line temperature) through a sharp orifice, choked:
  /// ṁ = Cd · 0.5303 · A · P1 / √T1 (the formula of the classic "discharge of air through an orifice" table),
  /// V = ṁ / ρ(P_atm, T1).
  public static func orificeFreeAirFlow(diameter d: Double, pressure p: Double, temperature t: Double, atmospheric pa: Double, cd: Double) -> Double {
    let area = Double.pi / 4 * d * d
    let mass = cd * mossConstant * area * p / t.squareRoot()
    return mass / (tableAirDensity * (pa / tablePressure) * (tableTemperature / t))
  }

  static let energyNote = LocalizedText.t(
    "Điện năng = thể tích khí tự do × suất tiêu hao điện của máy nén (kW/(m³/min), 0,16 kW/cfm ≈ 5,65 kW/(m³/min)); chi phí = kWh × giá điện (+ m³ × giá khí nén nếu có).",
    "Electricity = free-air volume × compressor specific power (kW/(m³/min); 0.16 kW/cfm ≈ 5.65 kW/(m³/min)); cost = kWh × electricity price (+ m³ × compressed-air price if given).")

  static func costInputs() -> [CalcInput] {
    [
      Common.hours(),
      CalcInput(
        "specificPower", "kW/(m³/min)", default: 6.5, min: .atLeast(0),
        vi: "Suất tiêu hao điện của máy nén (kW trên m³/min khí tự do; ghi được kW/cfm)",
        en: "Compressor specific power (kW per m³/min of free air; kW/cfm accepted)"),
      Common.price("electricityPrice", "VND/kWh", vi: "Giá điện", en: "Electricity price"),
      Common.price("airPrice", "VND/m³", vi: "Giá khí nén (nếu tính theo m³)", en: "Compressed-air price (if priced per m³)"),
    ]
  }

  static let leakOutputs: [CalcOutputSpec] = [
    CalcOutputSpec("flowRate", "m³/min", vi: "Lưu lượng khí tự do (tổng)", en: "Free-air flow (total)"),
    CalcOutputSpec("annualVolume", "m³", vi: "Khí mỗi năm", en: "Air per year"),
    CalcOutputSpec("annualEnergy", "kWh", vi: "Điện mỗi năm", en: "Electricity per year"),
    CalcOutputSpec("annualCost", "VND", vi: "Chi phí mỗi năm", en: "Cost per year"),
  ]

  static func leakResult(_ a: CalcArgs, flow: Double) -> CalcResult {
    let volume = flow * a["hours"]
    let energy = volume * a["specificPower"]
    return CalcResult(values: [
      "flowRate": flow, "annualVolume": volume, "annualEnergy": energy,
      "annualCost": energy * a["electricityPrice"] + volume * a["airPrice"],
    ])
  }

  static let leakOrifice = Calculator(
    id: "air.leak.orifice",
    title: .t("Rò khí nén qua lỗ", "Compressed-air leak through an orifice"),
    help: .t(
      "Dòng tới hạn qua lỗ: ṁ = Cd · 0,5303 · A · P1 / √T1 (lb/s, in², psia, °R; công thức của bảng \"discharge of air through an orifice\", C = 1, 70 °F, 14,7 psia), quy về khí tự do ở áp suất khí quyển và nhiệt độ khí trong ống. Cd mặc định 0,61 (lỗ rò cạnh sắc, DOE); 0,97 lỗ tròn mép tốt (bảng DOE Compressed Air Tip Sheet #3); 1,0 bảng lý thuyết. Khớp bảng trong 0,4 %. Nguồn: bảng lưu lượng khí qua lỗ (công thức Moss); DOE Compressed Air Tip Sheet #3; domain.md §3.5; calculators.md §10. "
        + energyNote.vi,
      "Choked orifice flow: ṁ = Cd · 0.5303 · A · P1 / √T1 (lb/s, in², psia, °R; the formula of the classic \"discharge of air through an orifice\" table, C = 1, 70 °F, 14.7 psia), converted to free air at atmospheric pressure and line temperature. Default Cd 0.61 (sharp-edged leak, DOE); 0.97 well-rounded (DOE Compressed Air Tip Sheet #3 table); 1.0 the theoretical table. Matches the table within 0.4 %. Source: orifice discharge table (Moss formula); DOE Compressed Air Tip Sheet #3; domain.md §3.5; calculators.md §10. "
        + energyNote.en),
    inputs: [
      Common.positive("diameter", "mm", 1.6, vi: "Đường kính lỗ", en: "Orifice diameter"),
      Common.pressure("pressure", "barg", 7, vi: "Áp suất đường ống", en: "Line pressure"),
      Common.temperature("airTemperature", 30, vi: "Nhiệt độ khí trong ống", en: "Line air temperature"),
      CalcInput(
        "dischargeCoefficient", "1", default: 0.61, min: .over(0), max: .atMost(1),
        vi: "Hệ số xả Cd (0,61 cạnh sắc; 0,97 lỗ tròn; 1 lý thuyết)", en: "Discharge coefficient Cd (0.61 sharp-edged; 0.97 rounded; 1 theoretical)"),
      Common.pressure("atmosphericPressure", "kPa", 101.325, vi: "Áp suất khí quyển", en: "Atmospheric pressure"),
      Common.count("leaks", vi: "Số lỗ rò giống nhau", en: "Number of identical leaks"),
    ] + costInputs(),
    outputs: leakOutputs,
    body: { a in
      guard a["pressure"] > a["atmosphericPressure"] * 1.893 else {
        throw CalcError.invalid(
          "pressure", vi: "dòng qua lỗ chỉ tới hạn khi áp suất tuyệt đối > 1,89 × áp suất khí quyển (≈ 0,9 barg)",
          en: "orifice flow is choked only above 1.89 × atmospheric pressure absolute (≈ 0.9 barg)")
      }
      let one = orificeFreeAirFlow(
        diameter: a["diameter"], pressure: a["pressure"], temperature: a["airTemperature"], atmospheric: a["atmosphericPressure"],
        cd: a["dischargeCoefficient"])
      return leakResult(a, flow: one * a["leaks"])
    })

  /// Bag method: flow = π·(D/2)²·H / fill time.
  static func bagFlow(_ a: CalcArgs) -> Double {
    Double.pi * pow(a["bagDiameter"] / 2, 2) * a["bagHeight"] / a["fillTime"]
  }

  static let bagInputs: [CalcInput] = [
    Common.positive("bagHeight", "mm", 400, vi: "Chiều cao túi", en: "Bag height"),
    Common.positive("bagDiameter", "mm", 250, vi: "Đường kính túi", en: "Bag diameter"),
    Common.positive("fillTime", "s", 10, vi: "Thời gian đầy túi", en: "Time to fill the bag"),
  ]

  static let leakBag = Calculator(
    id: "air.leak.bag",
    title: .t("Rò khí nén — phương pháp túi", "Compressed-air leak — bag method"),
    help: .t(
      "Lưu lượng = π·(D/2)²·H / thời gian đầy túi (túi trụ, ở áp suất khí quyển) × số chỗ rò. Nguồn: MEASUR CompressedAirLeakSurvey (bag). "
        + energyNote.vi,
      "Flow = π·(D/2)²·H / fill time (cylindrical bag at atmospheric pressure) × number of leaks. Source: MEASUR CompressedAirLeakSurvey (bag). "
        + energyNote.en),
    inputs: bagInputs + [Common.count("leaks", vi: "Số chỗ rò giống nhau", en: "Number of identical leaks")] + costInputs(),
    outputs: leakOutputs,
    body: { a in leakResult(a, flow: bagFlow(a) * a["leaks"]) })

  static let leakDecibel = Calculator(
    id: "air.leak.decibel",
    title: .t("Rò khí nén — khảo sát siêu âm (dB)", "Compressed-air leak — ultrasonic survey (dB)"),
    help: .t(
      "Nội suy song tuyến trên lưới lưu lượng rò của nhà sản xuất máy siêu âm theo (áp suất đường ống, dB): nhập hai áp suất, hai mức dB và bốn lưu lượng ở các góc. Q = Σ Q_ij · trọng số / ((P2 − P1)(dB2 − dB1)). Nguồn: MEASUR CompressedAirLeakSurvey (decibels). "
        + energyNote.vi,
      "Bilinear interpolation of the ultrasonic instrument maker's leak-flow grid over (line pressure, dB): give two pressures, two dB levels and the four corner flows. Q = Σ Q_ij · weight / ((P2 − P1)(dB2 − dB1)). Source: MEASUR CompressedAirLeakSurvey (decibels). "
        + energyNote.en),
    inputs: [
      Common.pressure("linePressure", "barg", 6, vi: "Áp suất đường ống tại chỗ rò", en: "Line pressure at the leak"),
      Common.positive("decibels", "dB", 40, vi: "Mức dB đo được", en: "Measured dB level"),
      Common.pressure("pressureA", "barg", 5, vi: "Áp suất lưới thấp", en: "Grid lower pressure"),
      Common.pressure("pressureB", "barg", 7, vi: "Áp suất lưới cao", en: "Grid upper pressure"),
      Common.positive("decibelsA", "dB", 30, vi: "Mức dB lưới thấp", en: "Grid lower dB"),
      Common.positive("decibelsB", "dB", 50, vi: "Mức dB lưới cao", en: "Grid upper dB"),
      Common.nonNegative("flowAA", "L/min", 20, vi: "Lưu lượng ở (pressureA, decibelsA)", en: "Flow at (pressureA, decibelsA)"),
      Common.nonNegative("flowBA", "L/min", 25, vi: "Lưu lượng ở (pressureB, decibelsA)", en: "Flow at (pressureB, decibelsA)"),
      Common.nonNegative("flowAB", "L/min", 60, vi: "Lưu lượng ở (pressureA, decibelsB)", en: "Flow at (pressureA, decibelsB)"),
      Common.nonNegative("flowBB", "L/min", 75, vi: "Lưu lượng ở (pressureB, decibelsB)", en: "Flow at (pressureB, decibelsB)"),
      Common.count("leaks", vi: "Số chỗ rò giống nhau", en: "Number of identical leaks"),
    ] + costInputs(),
    outputs: leakOutputs,
    body: { a in
      let x = a["linePressure"], y = a["decibels"]
      let x1 = a["pressureA"], x2 = a["pressureB"], y1 = a["decibelsA"], y2 = a["decibelsB"]
      guard x2 > x1 else { throw CalcError.invalid("pressureB", vi: "phải lớn hơn pressureA", en: "must exceed pressureA") }
      guard y2 > y1 else { throw CalcError.invalid("decibelsB", vi: "phải lớn hơn decibelsA", en: "must exceed decibelsA") }
      let q = (a["flowAA"] * (x2 - x) * (y2 - y) + a["flowBA"] * (x - x1) * (y2 - y) + a["flowAB"] * (x2 - x) * (y - y1)
        + a["flowBB"] * (x - x1) * (y - y1)) / ((x2 - x1) * (y2 - y1))
      guard q >= 0 else {
        throw CalcError.invalid("decibels", vi: "ngoại suy quá xa lưới cho lưu lượng âm", en: "extrapolating this far outside the grid gives a negative flow")
      }
      return leakResult(a, flow: q * a["leaks"])
    })

  static let leakEstimate = Calculator(
    id: "air.leak.estimate",
    title: .t("Rò khí nén — ước lượng", "Compressed-air leak — estimate"),
    help: .t(
      "Lưu lượng = lưu lượng ước lượng × số chỗ rò. Nguồn: MEASUR CompressedAirLeakSurvey (estimate). " + energyNote.vi,
      "Flow = estimated flow × number of leaks. Source: MEASUR CompressedAirLeakSurvey (estimate). " + energyNote.en),
    inputs: [
      Common.positive("leakRate", "m³/min", 0.1, vi: "Lưu lượng rò ước lượng (khí tự do)", en: "Estimated leak flow (free air)"),
      Common.count("leaks", vi: "Số chỗ rò giống nhau", en: "Number of identical leaks"),
    ] + costInputs(),
    outputs: leakOutputs,
    body: { a in leakResult(a, flow: a["leakRate"] * a["leaks"]) })

  static let reductionOutputs: [CalcOutputSpec] = [
    CalcOutputSpec("flowRate", "m³/min", vi: "Lưu lượng (một thiết bị)", en: "Flow (one item)"),
    CalcOutputSpec("annualVolume", "m³", vi: "Khí mỗi năm (mọi thiết bị)", en: "Air per year (all items)"),
    CalcOutputSpec("annualEnergy", "kWh", vi: "Điện mỗi năm", en: "Electricity per year"),
    CalcOutputSpec("annualCost", "VND", vi: "Chi phí mỗi năm", en: "Cost per year"),
  ]

  static func reductionResult(_ a: CalcArgs, flow: Double?, volume: Double) -> CalcResult {
    let energy = volume * a["specificPower"]
    var v = ["annualVolume": volume, "annualEnergy": energy, "annualCost": energy * a["electricityPrice"] + volume * a["airPrice"]]
    v["flowRate"] = flow
    return CalcResult(values: v)
  }

  static let reductionMethod = LocalizedText.t(
    "Phương pháp MEASUR (Treasure Hunt, CompressedAirReduction).", "MEASUR method (Treasure Hunt, CompressedAirReduction).")

  static let reductionFlowMeter = Calculator(
    id: "air.reduction.flow_meter",
    title: .t("Giảm tiêu thụ khí nén — lưu lượng kế", "Compressed-air use reduction — flow meter"),
    help: .t(
      "Khí mỗi năm = lưu lượng đo × giờ × số thiết bị. " + reductionMethod.vi + " " + energyNote.vi,
      "Air per year = metered flow × hours × units. " + reductionMethod.en + " " + energyNote.en),
    inputs: [
      Common.positive("meterReading", "m³/min", 1, vi: "Lưu lượng đo (khí tự do)", en: "Metered flow (free air)"), Common.count(),
    ] + costInputs(),
    outputs: reductionOutputs,
    body: { a in reductionResult(a, flow: a["meterReading"], volume: a["meterReading"] * a["hours"] * a["units"]) })

  static let reductionBag = Calculator(
    id: "air.reduction.bag",
    title: .t("Giảm tiêu thụ khí nén — phương pháp túi", "Compressed-air use reduction — bag method"),
    help: .t(
      "Lưu lượng (một thiết bị) = π·(D/2)²·H / thời gian đầy túi; khí mỗi năm = lưu lượng × giờ × số thiết bị. " + reductionMethod.vi + " "
        + energyNote.vi,
      "Flow (one item) = π·(D/2)²·H / fill time; air per year = flow × hours × units. " + reductionMethod.en + " " + energyNote.en),
    inputs: bagInputs + [Common.count()] + costInputs(),
    outputs: reductionOutputs,
    body: { a in
      let q = bagFlow(a)
      return reductionResult(a, flow: q, volume: q * a["hours"] * a["units"])
    })

  /// MEASUR's nozzle table (CompressedAirReduction.cpp, `PressureMethodData::calculate`): one nozzle's flow in
  /// scfm = a·P² + b·P + c with P in psig, one row (a, b, c) per nozzle type. Row names from the MEASUR desktop
  /// form (compressed-air-reduction-form.component.ts); row 12 is the older second air-knife entry (MEASUR maps a
  /// saved 12 to 11), same coefficients.
  static let nozzleTable: [(a: Double, b: Double, c: Double)] = [
    (-2.2e-07, 0.018893, 0.268476), (-2.8e-05, 0.038377, 1.061905), (-7.6e-05, 1.537424, 14.3), (-2.2e-05, 0.345931, 5.780952),
    (0.000682, 0.643182, 13.83333), (5.41e-06, 0.228851, 2.968095), (-2.1e-06, 0.075463, 1.089857), (-2.8e-05, 0.14871, 1.841905),
    (0.002652, 2.250152, 46.56667), (0.000747, 0.842056, 15.95714), (0.000411, 0.560649, 10.1619), (0.000935, 0.130792, 4.429524),
    (0.000935, 0.130792, 4.429524),
  ]

  static let nozzleChoices: [CalcChoice] = [
    CalcChoice("nozzle_1mm", vi: "vòi phun 1,0 mm", en: "1.0 mm nozzle"),
    CalcChoice("nozzle_1_5mm", vi: "vòi phun 1,5 mm", en: "1.5 mm nozzle"),
    CalcChoice("pipe_1_4in_open", vi: "ống 1/4\" hở đầu", en: "1/4\" pipe, open"),
    CalcChoice("tubing_1_4in", vi: "ống mềm 1/4\"", en: "1/4\" tubing"),
    CalcChoice("pipe_1_8in_open", vi: "ống 1/8\" hở đầu", en: "1/8\" pipe, open"),
    CalcChoice("tubing_1_8in", vi: "ống mềm 1/8\"", en: "1/8\" tubing"),
    CalcChoice("nozzle_2mm", vi: "vòi phun 2,0 mm", en: "2.0 mm nozzle"),
    CalcChoice("nozzle_2_5mm", vi: "vòi phun 2,5 mm", en: "2.5 mm nozzle"),
    CalcChoice("pipe_3_8in_open", vi: "ống 3/8\" hở đầu", en: "3/8\" pipe, open"),
    CalcChoice("tubing_3_8in", vi: "ống mềm 3/8\"", en: "3/8\" tubing"),
    CalcChoice("tubing_5_16in", vi: "ống mềm 5/16\"", en: "5/16\" tubing"),
    CalcChoice("air_knife", vi: "dao gió (air knife)", en: "air knife"),
    CalcChoice("air_knife_legacy", vi: "dao gió (mã cũ 12 của MEASUR, cùng hệ số)", en: "air knife (MEASUR's older index 12, same coefficients)"),
  ]

  /// Free-air flow of one nozzle (m³/s) at gauge pressure `gauge` (Pa), MEASUR's fit for nozzle `type`.
  public static func nozzleFlow(type: Int, gauge: Double) -> Double? {
    guard nozzleTable.indices.contains(type) else { return nil }
    let p = gauge / 6_894.757_293_168
    let r = nozzleTable[type]
    return (r.a * p * p + r.b * p + r.c) * pow(0.3048, 3) / 60
  }

  static let reductionNozzle = Calculator(
    id: "air.reduction.nozzle",
    title: .t("Giảm tiêu thụ khí nén — vòi phun/áp suất", "Compressed-air use reduction — nozzle/pressure method"),
    help: .t(
      "Lưu lượng một vòi (scfm) = a·P² + b·P + c, P là áp suất cấp theo psig, (a, b, c) theo loại vòi trong bảng 13 dòng của MEASUR (nozzleType = chỉ số 0–12 hoặc tên: 1.0/1.5/2.0/2.5 mm, ống hở 1/8\" 1/4\" 3/8\", ống mềm 1/8\" 1/4\" 5/16\" 3/8\", dao gió). Tổng = một vòi × số vòi; khí mỗi năm = tổng × giờ (MEASUR bỏ qua số thiết bị ở phương pháp này, nên không có đầu vào units). Các hệ số là đường cong khớp dữ liệu của MEASUR, không phải công thức vật lý; áp suất xa vùng làm việc thường là ngoại suy. Nguồn: MEASUR CompressedAirReduction (phương pháp orifice/pressure); calculators.md §1.2. "
        + energyNote.vi,
      "One nozzle's flow (scfm) = a·P² + b·P + c, P = supply pressure in psig, (a, b, c) by nozzle type from MEASUR's 13-row table (nozzleType = index 0–12 or name: 1.0/1.5/2.0/2.5 mm nozzles, open 1/8\" 1/4\" 3/8\" pipe, 1/8\" 1/4\" 5/16\" 3/8\" tubing, air knife). Total = one nozzle × number of nozzles; air per year = total × hours (MEASUR ignores the units count in this method, so there is no units input). The coefficients are MEASUR's curve fits, not physics; pressures far from usual shop pressures are extrapolation. Source: MEASUR CompressedAirReduction (orifice/pressure method); calculators.md §1.2. "
        + energyNote.en),
    inputs: [
      CalcInput(
        "nozzleType", "", default: 0,
        vi: "Loại vòi (chỉ số bảng MEASUR 0–12): " + nozzleChoices.map(\.key).joined(separator: " | "),
        en: "Nozzle type (MEASUR table index 0–12): " + nozzleChoices.map(\.key).joined(separator: " | "),
        kind: .choice(nozzleChoices)),
      Common.pressure("supplyPressure", "barg", 6, vi: "Áp suất cấp tại vòi (ghi được psig)", en: "Supply pressure at the nozzle (psig accepted)"),
      Common.count("nozzles", vi: "Số vòi giống nhau", en: "Number of identical nozzles"),
    ] + costInputs(),
    outputs: [
      CalcOutputSpec("singleNozzleFlow", "m³/min", vi: "Lưu lượng một vòi (khí tự do)", en: "Flow of one nozzle (free air)"),
      CalcOutputSpec("flowRate", "m³/min", vi: "Lưu lượng tổng (mọi vòi)", en: "Total flow (all nozzles)"),
    ] + Array(reductionOutputs.dropFirst()),
    body: { a in
      let gauge = a["supplyPressure"] - 101_325
      guard gauge > 0 else {
        throw CalcError.invalid("supplyPressure", vi: "phải cao hơn áp suất khí quyển (áp suất dư > 0)", en: "must be above atmospheric (gauge pressure > 0)")
      }
      guard let one = nozzleFlow(type: a.choice("nozzleType"), gauge: gauge) else {
        throw CalcError.invalid("nozzleType", vi: "không có trong bảng 0–12", en: "is not in the 0–12 table")
      }
      guard one > 0 else {
        throw CalcError.invalid(
          "supplyPressure", vi: "đường cong của loại vòi này cho lưu lượng âm ở áp suất này (ngoài vùng khớp)",
          en: "this nozzle type's curve gives a negative flow at this pressure (outside the fitted range)")
      }
      let total = one * a["nozzles"]
      var r = reductionResult(a, flow: total, volume: total * a["hours"])
      r.values["singleNozzleFlow"] = one
      return r
    })

  static let reductionOther = Calculator(
    id: "air.reduction.other",
    title: .t("Giảm tiêu thụ khí nén — lượng đã biết", "Compressed-air use reduction — known volume"),
    help: .t(
      "Khí mỗi năm cho trước. " + reductionMethod.vi + " " + energyNote.vi, "Air per year given. " + reductionMethod.en + " " + energyNote.en),
    inputs: [Common.positive("annualVolume", "m³", 100_000, vi: "Khí mỗi năm (khí tự do)", en: "Free air per year")]
      + costInputs().filter { $0.name != "hours" },
    outputs: Array(reductionOutputs.dropFirst()),
    body: { a in reductionResult(a, flow: nil, volume: a["annualVolume"]) })

  /// MEASUR's adiabatic exponent (k − 1)/k for k = 1.395.
  static let adiabaticExponent = 0.395 / 1.395

  static let pressureReduction = Calculator(
    id: "air.pressure_reduction",
    title: .t("Giảm áp suất xả máy nén", "Compressor discharge-pressure reduction"),
    help: .t(
      "Điện hiện tại = công suất × giờ. Công suất mới = công suất định mức × (x^c − 1)/(r^c − 1), x = p_mới,tuyệt đối / p_khí quyển, r = p_định mức,tuyệt đối / p_khí quyển, c = (k − 1)/k = 0,395/1,395 (nén đoạn nhiệt k = 1,395). Quy tắc: ~7,5 % công suất cho mỗi bar (domain.md §3.5). Nguồn: MEASUR CompressedAirPressureReduction (MEASUR ghi bar nhưng dùng 14,7 psia; ở đây áp suất tuyệt đối theo đơn vị nhập).",
      "Current energy = power × hours. New power = rated power × (x^c − 1)/(r^c − 1), x = p_new,abs / p_atm, r = p_rated,abs / p_atm, c = (k − 1)/k = 0.395/1.395 (adiabatic, k = 1.395). Rule: ~7.5 % power per bar (domain.md §3.5). Source: MEASUR CompressedAirPressureReduction (MEASUR says bar but hard-codes 14.7 psia; here pressures are absolute from the units typed)."),
    inputs: [
      Common.positive("compressorPower", "kW", 55, vi: "Công suất điện máy nén hiện tại", en: "Current compressor electric power"),
      Common.pressure("ratedPressure", "barg", 8, vi: "Áp suất định mức của máy nén", en: "Compressor rated pressure"),
      Common.pressure("proposedPressure", "barg", 7, vi: "Áp suất xả mới", en: "Proposed discharge pressure"),
      Common.pressure("atmosphericPressure", "kPa", 101.325, vi: "Áp suất khí quyển", en: "Atmospheric pressure"),
      Common.hours(),
      Common.price("electricityPrice", "VND/kWh", vi: "Giá điện", en: "Electricity price"),
    ],
    outputs: [
      CalcOutputSpec("baselineEnergy", "kWh", vi: "Điện hiện tại mỗi năm", en: "Current electricity per year"),
      CalcOutputSpec("baselineCost", "VND", vi: "Tiền điện hiện tại mỗi năm", en: "Current electricity cost per year"),
      CalcOutputSpec("proposedPower", "kW", vi: "Công suất ở áp suất mới", en: "Power at the proposed pressure"),
      CalcOutputSpec("proposedEnergy", "kWh", vi: "Điện mới mỗi năm", en: "New electricity per year"),
      CalcOutputSpec("energySavings", "kWh", vi: "Điện tiết kiệm mỗi năm", en: "Electricity saved per year"),
      CalcOutputSpec("costSavings", "VND", vi: "Tiền tiết kiệm mỗi năm", en: "Money saved per year"),
    ],
    body: { a in
      let pa = a["atmosphericPressure"]
      guard a["ratedPressure"] > pa else { throw CalcError.invalid("ratedPressure", vi: "phải lớn hơn áp suất khí quyển", en: "must exceed atmospheric pressure") }
      guard a["proposedPressure"] > pa else { throw CalcError.invalid("proposedPressure", vi: "phải lớn hơn áp suất khí quyển", en: "must exceed atmospheric pressure") }
      let c = adiabaticExponent
      let x = a["proposedPressure"] / pa, r = a["ratedPressure"] / pa
      let newPower = a["compressorPower"] * (pow(x, c) - 1) / (pow(r, c) - 1)
      let base = a["compressorPower"] * a["hours"]
      let new = newPower * a["hours"]
      return CalcResult(values: [
        "baselineEnergy": base, "baselineCost": base * a["electricityPrice"], "proposedPower": newPower, "proposedEnergy": new, "energySavings": base - new,
        "costSavings": (base - new) * a["electricityPrice"],
      ])
    })
}
