import Foundation
import SXCore

/// Electricity calculators: consumption by multimeter, nameplate, power meter or known energy; motor
/// replacement/rewind; fan and pump speed reduction (affinity law); lighting replacement.
enum ElectricCalculators {
  static let all: [Calculator] = [multimeter, nameplate, powerMeter, other, motorReplacement, affinity, lighting]

  static let outputs: [CalcOutputSpec] = [
    CalcOutputSpec("power", "kW", vi: "Công suất (mọi thiết bị)", en: "Power (all items)"),
    CalcOutputSpec("annualEnergy", "kWh", vi: "Điện mỗi năm", en: "Electricity per year"),
    CalcOutputSpec("annualCost", "VND", vi: "Chi phí mỗi năm", en: "Cost per year"),
  ]

  static func result(_ a: CalcArgs, power: Double) -> CalcResult {
    let e = power * a["hours"]
    return CalcResult(values: ["power": power, "annualEnergy": e, "annualCost": e * a["electricityPrice"]])
  }

  static let priceAndHours: [CalcInput] = [Common.hours(), Common.price("electricityPrice", "VND/kWh", vi: "Giá điện", en: "Electricity price")]
  static let method = LocalizedText.t(
    "Phương pháp MEASUR (Treasure Hunt, ElectricityReduction).", "MEASUR method (Treasure Hunt, ElectricityReduction).")

  static let multimeter = Calculator(
    id: "electric.reduction.multimeter",
    title: .t("Điện tiêu thụ — đo bằng đồng hồ vạn năng", "Electricity use — multimeter reading"),
    help: .t(
      "P = U · I · cosφ · (√3 cho 3 pha, 1 cho 1 pha) × số thiết bị; U là điện áp dây với 3 pha. Điện = P × giờ. " + method.vi,
      "P = V · I · PF · (√3 for 3-phase, 1 for 1-phase) × units; V is the line-to-line voltage for 3-phase. Energy = P × hours. " + method.en),
    inputs: [
      CalcInput(
        "phases", "", default: 1, vi: "Số pha: 1 | 3", en: "Phases: 1 | 3",
        kind: .choice([CalcChoice("1", vi: "1 pha", en: "single-phase"), CalcChoice("3", vi: "3 pha", en: "three-phase")])),
      Common.positive("voltage", "V", 380, vi: "Điện áp", en: "Voltage"),
      Common.positive("current", "A", 10, vi: "Dòng điện trung bình", en: "Average current"),
      Common.efficiency("powerFactor", 0.85, vi: "Hệ số công suất cosφ", en: "Power factor"),
      Common.count(),
    ] + priceAndHours,
    outputs: outputs,
    body: { a in
      let k = a.choice("phases") == 1 ? 3.0.squareRoot() : 1
      return result(a, power: a["voltage"] * a["current"] * a["powerFactor"] * k * a["units"])
    })

  /// Nameplate method. Deviation from MEASUR (documented in the help): MEASUR's unit test passes the motor-and-drive
  /// efficiency as 100 and the engine divides by it raw, so its asserted 6,950.92 kWh/yr is 1/100 of the meant
  /// value; here the efficiency is a fraction in (0, 1], and the same case gives 695,092 kWh/yr.
  static let nameplate = Calculator(
    id: "electric.reduction.nameplate",
    title: .t("Điện tiêu thụ — theo nhãn động cơ", "Electricity use — motor nameplate"),
    help: .t(
      "P = P_định mức · hệ số tải · (f_vận hành / f_lưới)^2,5 / η_động cơ+biến tần × số thiết bị. Sai khác MEASUR: phép thử MEASUR truyền hiệu suất = 100 và chia thẳng, nên kết quả nhỏ 100 lần; ở đây hiệu suất là phân số (0–1] (100 % = 1). "
        + method.vi,
      "P = rated power · load factor · (f_operating / f_line)^2.5 / η_motor+drive × units. Deviation from MEASUR: MEASUR's test passes efficiency = 100 and divides by it raw, giving 1/100 of the meant value; here efficiency is a fraction in (0, 1] (100 % = 1). "
        + method.en),
    inputs: [
      Common.positive("ratedPower", "kW", 15, vi: "Công suất định mức", en: "Rated power"),
      CalcInput("loadFactor", "1", default: 0.75, min: .over(0), max: .atMost(1.5), vi: "Hệ số tải (0–1,5)", en: "Load factor (0–1.5)"),
      Common.positive("operatingFrequency", "Hz", 50, vi: "Tần số vận hành", en: "Operating frequency"),
      Common.positive("lineFrequency", "Hz", 50, vi: "Tần số lưới", en: "Line frequency"),
      Common.efficiency("efficiency", 0.9, vi: "Hiệu suất động cơ và biến tần", en: "Motor and drive efficiency"),
      Common.count(),
    ] + priceAndHours,
    outputs: outputs,
    body: { a in
      let p = a["ratedPower"] * a["loadFactor"] * pow(a["operatingFrequency"] / a["lineFrequency"], 2.5) / a["efficiency"]
      return result(a, power: p * a["units"])
    })

  static let powerMeter = Calculator(
    id: "electric.reduction.power_meter",
    title: .t("Điện tiêu thụ — đồng hồ công suất", "Electricity use — power meter"),
    help: .t("P = công suất đo × số thiết bị; điện = P × giờ. " + method.vi, "P = metered power × units; energy = P × hours. " + method.en),
    inputs: [Common.positive("meteredPower", "kW", 10, vi: "Công suất đo", en: "Metered power"), Common.count()] + priceAndHours,
    outputs: outputs,
    body: { a in result(a, power: a["meteredPower"] * a["units"]) })

  static let other = Calculator(
    id: "electric.reduction.other",
    title: .t("Điện tiêu thụ — lượng đã biết", "Electricity use — known energy"),
    help: .t("Điện mỗi năm cho trước; chi phí = kWh × giá. " + method.vi, "Energy per year given; cost = kWh × price. " + method.en),
    inputs: [
      Common.positive("annualEnergy", "kWh", 10_000, vi: "Điện mỗi năm", en: "Electricity per year"),
      Common.price("electricityPrice", "VND/kWh", vi: "Giá điện", en: "Electricity price"),
    ],
    outputs: Array(outputs.dropFirst()),
    body: { a in CalcResult(values: ["annualEnergy": a["annualEnergy"], "annualCost": a["annualEnergy"] * a["electricityPrice"]]) })

  static let motorReplacement = Calculator(
    id: "motor.replacement",
    title: .t("Thay động cơ hiệu suất cao hay quấn lại", "Motor replacement versus rewind"),
    help: .t(
      "E = P_định mức · tải · giờ / η (cũ, mới; quấn lại dùng η_cũ − tổn thất quấn lại). Tiết kiệm = E_cũ − E_mới; hoàn vốn = giá mua / (tiết kiệm × giá điện); hoàn vốn tăng thêm = (giá mua − giá quấn lại) / ((E_quấn lại − E_mới) × giá điện). Nguồn: MEASUR replace-existing (AMO-Tools-Desktop); MEASUR dùng 0,746 kW/hp.",
      "E = rated power · load · hours / η (existing, new; rewound uses η_existing − rewind loss). Savings = E_old − E_new; payback = purchase cost / (savings × price); incremental payback = (purchase − rewind cost) / ((E_rewound − E_new) × price). Source: MEASUR replace-existing (AMO-Tools-Desktop); MEASUR uses 0.746 kW/hp."),
    inputs: [
      Common.positive("ratedPower", "kW", 110, vi: "Công suất định mức (ghi được hp)", en: "Rated power (hp accepted)"),
      CalcInput("load", "1", default: 0.75, min: .over(0), max: .atMost(1.5), vi: "Hệ số tải", en: "Load factor"),
      Common.efficiency("existingEfficiency", 0.92, vi: "Hiệu suất động cơ hiện tại", en: "Existing motor efficiency"),
      Common.efficiency("newEfficiency", 0.96, vi: "Hiệu suất động cơ mới", en: "New motor efficiency"),
      Common.nonNegative("purchaseCost", "VND", 0, vi: "Giá mua động cơ mới", en: "New motor purchase cost"),
      Common.nonNegative("rewindCost", "VND", 0, vi: "Chi phí quấn lại", en: "Rewind cost"),
      CalcInput(
        "rewindEfficiencyLoss", "1", default: 0.01, min: .atLeast(0), max: .under(1),
        vi: "Tổn thất hiệu suất khi quấn lại (điểm %, vd 1 %)", en: "Efficiency loss on rewind (percentage points, e.g. 1 %)"),
    ] + priceAndHours,
    outputs: [
      CalcOutputSpec("existingEnergy", "kWh", vi: "Điện động cơ hiện tại mỗi năm", en: "Existing motor energy per year"),
      CalcOutputSpec("newEnergy", "kWh", vi: "Điện động cơ mới mỗi năm", en: "New motor energy per year"),
      CalcOutputSpec("rewoundEnergy", "kWh", vi: "Điện động cơ quấn lại mỗi năm", en: "Rewound motor energy per year"),
      CalcOutputSpec("energySavings", "kWh", vi: "Điện tiết kiệm mỗi năm", en: "Energy saved per year"),
      CalcOutputSpec("costSavings", "VND", vi: "Tiền tiết kiệm mỗi năm", en: "Money saved per year"),
      CalcOutputSpec("simplePayback", "yr", vi: "Hoàn vốn giản đơn", en: "Simple payback"),
      CalcOutputSpec("incrementalPayback", "yr", vi: "Hoàn vốn phần chênh so với quấn lại", en: "Incremental payback versus rewind"),
    ],
    body: { a in
      let work = a["ratedPower"] * a["load"] * a["hours"]
      let rewoundEff = a["existingEfficiency"] - a["rewindEfficiencyLoss"]
      guard rewoundEff > 0 else {
        throw CalcError.invalid("rewindEfficiencyLoss", vi: "lớn hơn hiệu suất hiện tại", en: "exceeds the existing efficiency")
      }
      let old = work / a["existingEfficiency"], new = work / a["newEfficiency"], rewound = work / rewoundEff
      let savings = old - new
      let price = a["electricityPrice"]
      var v = [
        "existingEnergy": old, "newEnergy": new, "rewoundEnergy": rewound, "energySavings": savings, "costSavings": savings * price,
      ]
      var notes: [LocalizedText] = []
      let year = 365.0 * 86_400
      if savings * price > 0 {
        v["simplePayback"] = a["purchaseCost"] / (savings * price) * year
      } else {
        notes.append(.t("Không hoàn vốn: không có tiết kiệm (hoặc giá điện = 0).", "No payback: no savings (or electricity price 0)."))
      }
      if (rewound - new) * price > 0 {
        v["incrementalPayback"] = (a["purchaseCost"] - a["rewindCost"]) / ((rewound - new) * price) * year
      }
      return CalcResult(values: v, notes: notes)
    })

  static let affinity = Calculator(
    id: "fan_pump.speed_reduction",
    title: .t("Giảm tốc quạt/bơm (định luật tương tự)", "Fan or pump speed reduction (affinity law)"),
    help: .t(
      "P_mới = P_hiện tại · (n_mới / n_hiện tại)^k / η_biến tần. k = 3 cho hệ không có cột áp tĩnh (80 % tốc độ ≈ 51 % công suất); dùng 2–2,7 khi có cột áp tĩnh. η_biến tần mặc định 0,97 (tổn hao biến tần). Nguồn: domain.md §2.5 (ITAC Affinity Laws; esmagazine).",
      "P_new = P_now · (n_new / n_now)^k / η_VSD. k = 3 without static head (80 % speed ≈ 51 % power); use 2–2.7 with static head. Default η_VSD 0.97 (drive losses). Source: domain.md §2.5 (ITAC Affinity Laws; esmagazine)."),
    inputs: [
      Common.positive("power", "kW", 15, vi: "Công suất điện hiện tại", en: "Current electric power"),
      Common.positive("currentSpeed", "rpm", 1_450, vi: "Tốc độ hiện tại", en: "Current speed"),
      Common.positive("newSpeed", "rpm", 1_160, vi: "Tốc độ mới", en: "New speed"),
      CalcInput("exponent", "1", default: 3, min: .atLeast(1), max: .atMost(3), vi: "Số mũ k (3 lý tưởng; 2–2,7 có cột áp tĩnh)", en: "Exponent k (3 ideal; 2–2.7 with static head)"),
      Common.efficiency("driveEfficiency", 0.97, vi: "Hiệu suất biến tần (1 nếu giảm tốc bằng puli)", en: "Drive efficiency (1 for a pulley change)"),
    ] + priceAndHours,
    outputs: [
      CalcOutputSpec("newPower", "kW", vi: "Công suất mới", en: "New power"),
      CalcOutputSpec("powerSavings", "kW", vi: "Công suất tiết kiệm", en: "Power saved"),
      CalcOutputSpec("energySavings", "kWh", vi: "Điện tiết kiệm mỗi năm", en: "Energy saved per year"),
      CalcOutputSpec("costSavings", "VND", vi: "Tiền tiết kiệm mỗi năm", en: "Money saved per year"),
    ],
    body: { a in
      guard a["newSpeed"] <= a["currentSpeed"] else {
        throw CalcError.invalid("newSpeed", vi: "không được lớn hơn tốc độ hiện tại", en: "must not exceed the current speed")
      }
      let new = a["power"] * pow(a["newSpeed"] / a["currentSpeed"], a["exponent"]) / a["driveEfficiency"]
      let saved = a["power"] - new
      return CalcResult(values: [
        "newPower": new, "powerSavings": saved, "energySavings": saved * a["hours"], "costSavings": saved * a["hours"] * a["electricityPrice"],
      ])
    })

  static let lighting = Calculator(
    id: "lighting.replacement",
    title: .t("Thay đèn", "Lighting replacement"),
    help: .t(
      "Điện = W/bóng × bóng/bộ × số bộ × giờ (hiện tại và mới); quang thông = lm/bóng × bóng × bộ; tiết kiệm = hiện tại − mới. Nguồn: MEASUR lighting-replacement (AMO-Tools-Desktop). Ví dụ VN: thay 840 bóng T10 40 W bằng T5 28 W ≈ 56.000 kWh/năm (domain.md §2.5).",
      "Energy = W/lamp × lamps/fixture × fixtures × hours (current and new); light output = lm/lamp × lamps × fixtures; savings = current − new. Source: MEASUR lighting-replacement (AMO-Tools-Desktop). VN example: 840 T10 40 W tubes to T5 28 W ≈ 56,000 kWh/yr (domain.md §2.5)."),
    inputs: [
      Common.count("fixtures", vi: "Số bộ đèn", en: "Number of fixtures"),
      Common.count("lampsPerFixture", vi: "Số bóng mỗi bộ", en: "Lamps per fixture"),
      Common.positive("wattsPerLamp", "W", 40, vi: "Công suất mỗi bóng hiện tại", en: "Current watts per lamp"),
      Common.nonNegative("lumensPerLamp", "lm", 0, vi: "Quang thông mỗi bóng hiện tại", en: "Current lumens per lamp"),
      Common.count("newLampsPerFixture", vi: "Số bóng mỗi bộ mới", en: "New lamps per fixture"),
      Common.positive("newWattsPerLamp", "W", 18, vi: "Công suất mỗi bóng mới", en: "New watts per lamp"),
      Common.nonNegative("newLumensPerLamp", "lm", 0, vi: "Quang thông mỗi bóng mới", en: "New lumens per lamp"),
    ] + priceAndHours,
    outputs: [
      CalcOutputSpec("currentEnergy", "kWh", vi: "Điện hiện tại mỗi năm", en: "Current energy per year"),
      CalcOutputSpec("newEnergy", "kWh", vi: "Điện mới mỗi năm", en: "New energy per year"),
      CalcOutputSpec("energySavings", "kWh", vi: "Điện tiết kiệm mỗi năm", en: "Energy saved per year"),
      CalcOutputSpec("costSavings", "VND", vi: "Tiền tiết kiệm mỗi năm", en: "Money saved per year"),
      CalcOutputSpec("currentLumens", "lm", vi: "Quang thông hiện tại", en: "Current light output"),
      CalcOutputSpec("newLumens", "lm", vi: "Quang thông mới", en: "New light output"),
    ],
    body: { a in
      let cur = a["wattsPerLamp"] * a["lampsPerFixture"] * a["fixtures"] * a["hours"]
      let new = a["newWattsPerLamp"] * a["newLampsPerFixture"] * a["fixtures"] * a["hours"]
      return CalcResult(values: [
        "currentEnergy": cur, "newEnergy": new, "energySavings": cur - new, "costSavings": (cur - new) * a["electricityPrice"],
        "currentLumens": a["lumensPerLamp"] * a["lampsPerFixture"] * a["fixtures"],
        "newLumens": a["newLumensPerLamp"] * a["newLampsPerFixture"] * a["fixtures"],
      ])
    })
}
