import Foundation
import SXCore

/// Fuel calculators: natural-gas / fuel use reduction (MEASUR NaturalGasReduction), fuel energy and emissions
/// (IPCC 2006 defaults and the Vietnamese MOIT TOE factors), electricity TOE and grid CO2.
enum FuelCalculators {
  static let all: [Calculator] = [gasFlowMeter, gasAir, gasWater, gasOther, energyCO2, electricityCO2]

  /// 1030 Btu per standard cubic foot (MEASUR's natural-gas heating value), J/m³.
  static let gasHeatingValue = 1_030 * 1_055.055_852_62 / pow(0.3048, 3)
  /// 1.08 Btu/(h·cfm·°F) in W per (m³/s) per K (air heating, MEASUR/ASHRAE).
  static let airHeat = 1.08 * 1_055.055_852_62 / 3_600 / (pow(0.3048, 3) / 60) * 1.8
  /// 500 Btu/(h·gpm·°F) in W per (m³/s) per K (water heating).
  static let waterHeat = 500 * 1_055.055_852_62 / 3_600 / (0.003_785_411_784 / 60) * 1.8

  static let outputs: [CalcOutputSpec] = [
    CalcOutputSpec("heatRate", "kW", vi: "Nhiệt (một thiết bị)", en: "Heat rate (one item)"),
    CalcOutputSpec("annualEnergy", "GJ", vi: "Năng lượng nhiên liệu mỗi năm", en: "Fuel energy per year"),
    CalcOutputSpec("annualCost", "VND", vi: "Chi phí mỗi năm", en: "Cost per year"),
  ]
  static let priceAndHours: [CalcInput] = [Common.hours(), Common.price("fuelPrice", "VND/GJ", vi: "Giá năng lượng nhiên liệu", en: "Fuel energy price")]
  static let method = LocalizedText.t(
    "Phương pháp MEASUR (Treasure Hunt, NaturalGasReduction); hằng số đổi từ đơn vị Anh sang SI.",
    "MEASUR method (Treasure Hunt, NaturalGasReduction); constants converted from US units to SI.")

  static func result(_ a: CalcArgs, heat: Double?, energy: Double) -> CalcResult {
    var v = ["annualEnergy": energy, "annualCost": energy * a["fuelPrice"]]
    v["heatRate"] = heat
    return CalcResult(values: v)
  }

  static let gasFlowMeter = Calculator(
    id: "fuel.reduction.flow_meter",
    title: .t("Giảm dùng khí đốt — lưu lượng kế", "Gas use reduction — flow meter"),
    help: .t(
      "Năng lượng = lưu lượng × số thiết bị × giờ × nhiệt trị (mặc định 1030 Btu/ft³ tiêu chuẩn = 38,38 MJ/m³, khí thiên nhiên, HHV). " + method.vi,
      "Energy = flow × units × hours × heating value (default 1030 Btu/scf = 38.38 MJ/m³, natural gas, HHV). " + method.en),
    inputs: [
      Common.positive("flowRate", "m³/h", 10, vi: "Lưu lượng khí (chuẩn)", en: "Gas flow (standard)"),
      Common.positive("heatingValue", "MJ/m³", gasHeatingValue / 1e6, vi: "Nhiệt trị theo thể tích", en: "Volumetric heating value"),
      Common.count(),
    ] + priceAndHours,
    outputs: outputs,
    body: { a in result(a, heat: nil, energy: a["flowRate"] * a["units"] * a["hours"] * a["heatingValue"]) })

  static func heating(_ a: CalcArgs, perKelvin: Double, flow: String) throws -> CalcResult {
    let dt = a["outletTemperature"] - a["inletTemperature"]
    guard dt > 0 else { throw CalcError.invalid("outletTemperature", vi: "phải cao hơn nhiệt độ vào", en: "must be above the inlet temperature") }
    let heat = perKelvin * a[flow] * dt
    return result(a, heat: heat, energy: heat * a["hours"] * a["units"] / a["systemEfficiency"])
  }

  static let gasAir = Calculator(
    id: "fuel.reduction.air",
    title: .t("Giảm dùng nhiên liệu — gia nhiệt không khí", "Fuel use reduction — air heating"),
    help: .t(
      "Nhiệt = 1,08 Btu/(h·cfm·°F) (= 1,207 kJ/(m³·K)) × lưu lượng khí × ΔT; năng lượng = nhiệt × giờ × số thiết bị / η_hệ thống. " + method.vi,
      "Heat = 1.08 Btu/(h·cfm·°F) (= 1.207 kJ/(m³·K)) × airflow × ΔT; energy = heat × hours × units / η_system. " + method.en),
    inputs: [
      Common.positive("airflow", "m³/min", 100, vi: "Lưu lượng không khí (nhãn, hoặc tiết diện × vận tốc)", en: "Air flow (nameplate, or duct area × velocity)"),
      Common.temperature("inletTemperature", 30, vi: "Nhiệt độ vào", en: "Inlet temperature"),
      Common.temperature("outletTemperature", 80, vi: "Nhiệt độ ra", en: "Outlet temperature"),
      Common.efficiency("systemEfficiency", 0.8, vi: "Hiệu suất hệ thống đốt", en: "Heating system efficiency"),
      Common.count(),
    ] + priceAndHours,
    outputs: outputs,
    body: { a in try heating(a, perKelvin: airHeat, flow: "airflow") })

  static let gasWater = Calculator(
    id: "fuel.reduction.water",
    title: .t("Giảm dùng nhiên liệu — gia nhiệt nước", "Fuel use reduction — water heating"),
    help: .t(
      "Nhiệt = 500 Btu/(h·gpm·°F) (= 4,18 MJ/(m³·K)) × lưu lượng nước × ΔT; năng lượng = nhiệt × giờ × số thiết bị / η_hệ thống. " + method.vi,
      "Heat = 500 Btu/(h·gpm·°F) (= 4.18 MJ/(m³·K)) × water flow × ΔT; energy = heat × hours × units / η_system. " + method.en),
    inputs: [
      Common.positive("waterFlow", "m³/h", 5, vi: "Lưu lượng nước", en: "Water flow"),
      Common.temperature("inletTemperature", 30, vi: "Nhiệt độ vào", en: "Inlet temperature"),
      Common.temperature("outletTemperature", 80, vi: "Nhiệt độ ra", en: "Outlet temperature"),
      Common.efficiency("systemEfficiency", 0.8, vi: "Hiệu suất hệ thống đốt", en: "Heating system efficiency"),
      Common.count(),
    ] + priceAndHours,
    outputs: outputs,
    body: { a in try heating(a, perKelvin: waterHeat, flow: "waterFlow") })

  static let gasOther = Calculator(
    id: "fuel.reduction.other",
    title: .t("Giảm dùng nhiên liệu — năng lượng đã biết", "Fuel use reduction — known energy"),
    help: .t("Năng lượng mỗi năm cho trước; chi phí = năng lượng × giá. " + method.vi, "Energy per year given; cost = energy × price. " + method.en),
    inputs: [
      Common.positive("annualEnergy", "GJ", 100, vi: "Năng lượng nhiên liệu mỗi năm (ghi được MMBtu)", en: "Fuel energy per year (MMBtu accepted)"),
      Common.price("fuelPrice", "VND/GJ", vi: "Giá năng lượng nhiên liệu", en: "Fuel energy price"),
    ],
    outputs: Array(outputs.dropFirst()),
    body: { a in result(a, heat: nil, energy: a["annualEnergy"]) })

  // MARK: Fuel energy and emissions

  /// One fuel's defaults: IPCC 2006 Vol. 2 Ch. 1 Tables 1.2–1.4 (NCV GJ/t, carbon kg/GJ, CO2 kg/TJ), Ch. 2
  /// Table 2.3 (CH4, N2O kg/TJ, manufacturing industries), and the MOIT TOE factor (TOE per tonne; nil = NCV/41.868).
  public struct FuelData: Sendable {
    public let key: String
    public let vi: String
    public let en: String
    public let ncv: Double
    public let carbon: Double
    public let co2: Double
    public let ch4: Double
    public let n2o: Double
    public let biogenic: Bool
    public let toePerTonne: Double?
  }

  public static let fuels: [FuelData] = [
    FuelData(key: "diesel", vi: "Dầu DO (gas/diesel oil)", en: "Gas/diesel oil (DO)", ncv: 43.0, carbon: 20.2, co2: 74_100, ch4: 3, n2o: 0.6, biogenic: false, toePerTonne: 1.02),
    FuelData(key: "fuel_oil", vi: "Dầu FO (residual fuel oil)", en: "Residual fuel oil (FO)", ncv: 40.4, carbon: 21.1, co2: 77_400, ch4: 3, n2o: 0.6, biogenic: false, toePerTonne: 0.99),
    FuelData(key: "lpg", vi: "LPG", en: "LPG", ncv: 47.3, carbon: 17.2, co2: 63_100, ch4: 1, n2o: 0.1, biogenic: false, toePerTonne: 1.09),
    FuelData(key: "natural_gas", vi: "Khí thiên nhiên (theo khối lượng)", en: "Natural gas (by mass)", ncv: 48.0, carbon: 15.3, co2: 56_100, ch4: 1, n2o: 0.1, biogenic: false, toePerTonne: nil),
    FuelData(key: "gasoline", vi: "Xăng", en: "Motor gasoline", ncv: 44.3, carbon: 18.9, co2: 69_300, ch4: 3, n2o: 0.6, biogenic: false, toePerTonne: 1.05),
    FuelData(key: "anthracite", vi: "Than antraxit", en: "Anthracite", ncv: 26.7, carbon: 26.8, co2: 98_300, ch4: 10, n2o: 1.5, biogenic: false, toePerTonne: nil),
    FuelData(key: "bituminous", vi: "Than bitum khác", en: "Other bituminous coal", ncv: 25.8, carbon: 25.8, co2: 94_600, ch4: 10, n2o: 1.5, biogenic: false, toePerTonne: nil),
    FuelData(key: "coal_cam_1_2", vi: "Than cám 1–2 (NCV = 0,70 TOE/t × 41,868)", en: "VN coal fines grade 1–2 (NCV = 0.70 TOE/t × 41.868)", ncv: 0.70 * 41.868, carbon: 26.8, co2: 98_300, ch4: 10, n2o: 1.5, biogenic: false, toePerTonne: 0.70),
    FuelData(key: "coal_cam_3_4", vi: "Than cám 3–4 (NCV = 0,60 TOE/t × 41,868)", en: "VN coal fines grade 3–4 (NCV = 0.60 TOE/t × 41.868)", ncv: 0.60 * 41.868, carbon: 26.8, co2: 98_300, ch4: 10, n2o: 1.5, biogenic: false, toePerTonne: 0.60),
    FuelData(key: "coal_cam_5_6", vi: "Than cám 5–6 (NCV = 0,50 TOE/t × 41,868)", en: "VN coal fines grade 5–6 (NCV = 0.50 TOE/t × 41.868)", ncv: 0.50 * 41.868, carbon: 26.8, co2: 98_300, ch4: 10, n2o: 1.5, biogenic: false, toePerTonne: 0.50),
    FuelData(key: "wood", vi: "Gỗ/củi, phế liệu gỗ (sinh khối)", en: "Wood/wood waste (biomass)", ncv: 15.6, carbon: 30.5, co2: 112_000, ch4: 30, n2o: 4, biogenic: true, toePerTonne: nil),
    FuelData(key: "biomass", vi: "Sinh khối rắn khác (trấu…)", en: "Other primary solid biomass (rice husk…)", ncv: 11.6, carbon: 27.3, co2: 100_000, ch4: 30, n2o: 4, biogenic: true, toePerTonne: nil),
  ]

  /// GJ per TOE (IEA).
  static let gjPerToe = 41.868

  static let energyCO2 = Calculator(
    id: "fuel.energy_co2",
    title: .t("Năng lượng, TOE và phát thải của nhiên liệu", "Fuel energy, TOE and emissions"),
    help: .t(
      "Năng lượng = khối lượng × NCV; CO2 = năng lượng × hệ số CO2 (hệ số oxy hóa 1); CH4, N2O theo IPCC 2006 Tập 2 Bảng 2.3 (công nghiệp chế tạo). CO2 sinh khối báo cáo riêng (mục ghi nhớ), không cộng vào phạm vi 1. TOE theo bảng MOIT (Công văn 3505/BCT-KHCN 2011; TT 02/2014/TT-BCT): DO 1,02, FO 0,99, LPG 1,09, xăng 1,05, than cám 1–2/3–4/5–6 = 0,70/0,60/0,50 TOE/t; nhiên liệu không có trong bảng: TOE = NCV/41,868. Nguồn: NCV, C, CO2 theo IPCC 2006 Tập 2 Ch.1 Bảng 1.2–1.4; domain.md §4.1, §4.3. Than cám VN dùng hệ số CO2 của antraxit.",
      "Energy = mass × NCV; CO2 = energy × CO2 factor (oxidation factor 1); CH4, N2O from IPCC 2006 Vol. 2 Table 2.3 (manufacturing industries). Biogenic CO2 is reported separately (memo item), not in scope 1. TOE by the MOIT table (Letter 3505/BCT-KHCN 2011; Circular 02/2014/TT-BCT): DO 1.02, FO 0.99, LPG 1.09, gasoline 1.05, coal fines grades 1–2/3–4/5–6 = 0.70/0.60/0.50 TOE/t; fuels not in the table: TOE = NCV/41.868. Source: NCV, C, CO2 from IPCC 2006 Vol. 2 Ch. 1 Tables 1.2–1.4; domain.md §4.1, §4.3. VN coal fines use the anthracite CO2 factor."),
    inputs: [
      CalcInput(
        "fuel", "", default: 0, vi: "Nhiên liệu: " + fuels.map(\.key).joined(separator: " | "),
        en: "Fuel: " + fuels.map(\.key).joined(separator: " | "), kind: .choice(fuels.map { CalcChoice($0.key, vi: $0.vi, en: $0.en) })),
      Common.positive("mass", "t", 1, vi: "Khối lượng nhiên liệu", en: "Fuel mass"),
    ],
    outputs: [
      CalcOutputSpec("ncv", "MJ/kg", vi: "Nhiệt trị thấp", en: "Net calorific value"),
      CalcOutputSpec("energy", "GJ", vi: "Năng lượng", en: "Energy"),
      CalcOutputSpec("toe", "1", vi: "Tấn dầu tương đương (TOE)", en: "Tonnes of oil equivalent (TOE)"),
      CalcOutputSpec("co2", "kg", vi: "CO2 hóa thạch", en: "Fossil CO2"),
      CalcOutputSpec("co2Biogenic", "kg", vi: "CO2 sinh khối (ghi nhớ)", en: "Biogenic CO2 (memo)"),
      CalcOutputSpec("ch4", "kg", vi: "CH4", en: "CH4"),
      CalcOutputSpec("n2o", "kg", vi: "N2O", en: "N2O"),
      CalcOutputSpec("carbonContent", "kg/GJ", vi: "Hàm lượng cacbon", en: "Carbon content"),
      CalcOutputSpec("co2Factor", "kg/TJ", vi: "Hệ số CO2 (IPCC, làm tròn 3 chữ số)", en: "CO2 factor (IPCC, 3 s.f.)"),
      CalcOutputSpec("co2FactorFromCarbon", "kg/TJ", vi: "C × 44/12 × 1000", en: "C × 44/12 × 1000"),
    ],
    body: { a in
      let f = fuels[a.choice("fuel")]
      let energy = a["mass"] * f.ncv * 1e6  // J (NCV MJ/kg)
      let tj = energy / 1e12
      let co2 = tj * f.co2
      let toe = f.toePerTonne.map { a["mass"] / 1_000 * $0 } ?? energy / 1e9 / gjPerToe
      return CalcResult(values: [
        "ncv": f.ncv * 1e6, "energy": energy, "toe": toe, "co2": f.biogenic ? 0 : co2, "co2Biogenic": f.biogenic ? co2 : 0,
        "ch4": tj * f.ch4, "n2o": tj * f.n2o, "carbonContent": f.carbon / 1e9, "co2Factor": f.co2 / 1e12,
        "co2FactorFromCarbon": f.carbon * 44 / 12 * 1_000 / 1e12,
      ])
    })

  /// Vietnam grid emission factors (DCC, combined margin), t CO2/MWh, 2014–2023.
  public static let gridFactors: [(year: Int, factor: Double)] = [
    (2014, 0.6612), (2015, 0.8154), (2016, 0.9185), (2017, 0.8649), (2018, 0.9130), (2019, 0.8458), (2020, 0.8041), (2021, 0.7221),
    (2022, 0.6766), (2023, 0.6592),
  ]

  static let electricityCO2 = Calculator(
    id: "electricity.toe_co2",
    title: .t("Điện: TOE và CO2 lưới", "Electricity: TOE and grid CO2"),
    help: .t(
      "TOE = kWh × 0,0001543 (MOIT, hệ số năng lượng sơ cấp, ≠ 3,6 GJ/MWh vật lý); CO2 = MWh × hệ số lưới (Cục BĐKH, biên kết hợp) của năm chọn; mặc định 2023 = 0,6592 tCO2/MWh. Nguồn: domain.md §4.1–4.2.",
      "TOE = kWh × 0.0001543 (MOIT; a primary-energy style factor, not the physical 3.6 GJ/MWh); CO2 = MWh × grid factor (DCC, combined margin) of the chosen year; default 2023 = 0.6592 tCO2/MWh. Source: domain.md §4.1–4.2."),
    inputs: [
      Common.positive("energy", "kWh", 1_000, vi: "Điện năng", en: "Electricity"),
      CalcInput(
        "year", "", default: Double(gridFactors.count - 1), vi: "Năm của hệ số lưới", en: "Grid factor year",
        kind: .choice(gridFactors.map { CalcChoice(String($0.year), vi: "\($0.year): \($0.factor) tCO2/MWh", en: "\($0.year): \($0.factor) tCO2/MWh") })),
    ],
    outputs: [
      CalcOutputSpec("toe", "1", vi: "TOE (quy định VN)", en: "TOE (VN regulatory)"),
      CalcOutputSpec("co2", "t", vi: "CO2", en: "CO2"),
    ],
    body: { a in
      let kwh = a["energy"] / 3.6e6
      return CalcResult(values: ["toe": kwh * 0.000_154_3, "co2": kwh / 1_000 * gridFactors[a.choice("year")].factor * 1_000])
    })
}
