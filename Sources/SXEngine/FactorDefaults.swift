import Foundation
import SXCore

extension EngineFactors {
  static let moit =
    "MOIT, Official Letter 3505/BCT-KHCN (2011) TOE table (http://eecc.com.vn/tin-tuc-su-kien/tin-tuc-tiet-kiem-nang-luong/he-so-chuyen-doi-nang-luong-sang-toe.html)"
  static let dcc =
    "DCC/MONRE grid EF, combined margin (https://www.climatechange.vn/climate_news/viet-nams-2023-updated-grid-emission-factor-signifies-lower-electricity-emissions/)"
  static let ipcc =
    "IPCC 2006 GL Vol.2 Ch.1 T1.2/T1.4, Ch.2 T2.3 (https://www.ipcc-nggip.iges.or.jp/public/2006gl/pdf/2_Volume2/V2_2_Ch2_Stationary_Combustion.pdf)"
  static let ghgpyDensity = "iClimate/ghgpy src/ghgpy/data/fuels.py (density)"

  /// The factors of the domain research (domain.md §3, §4, §6), each with its source.
  public static let builtinDefaults = EngineFactors(
    toe: [
      "electricity": [TOEFactor(basis: .perKWh, value: 0.000_154_3, source: moit, year: 2011)],
      "diesel": [
        TOEFactor(basis: .perTonne, value: 1.02, source: moit, year: 2011),
        TOEFactor(basis: .per1000L, value: 0.88, source: moit, year: 2011),
      ],
      "fuel_oil": [
        TOEFactor(basis: .perTonne, value: 0.99, source: moit, year: 2011),
        TOEFactor(basis: .per1000L, value: 0.94, source: moit, year: 2011),
      ],
      "lpg": [TOEFactor(basis: .perTonne, value: 1.09, source: moit, year: 2011)],
      "natural_gas": [TOEFactor(basis: .per1000m3, value: 0.90, source: moit, year: 2011)],
      "gasoline": [
        TOEFactor(basis: .perTonne, value: 1.05, source: moit, year: 2011),
        TOEFactor(basis: .per1000L, value: 0.83, source: moit, year: 2011),
      ],
    ],
    gridFactors: [
      (2014, 0.6612), (2015, 0.8154), (2016, 0.9185), (2017, 0.8649), (2018, 0.9130),
      (2019, 0.8458), (2020, 0.8041), (2021, 0.7221), (2022, 0.6766), (2023, 0.6592),
    ].map { GridFactor(year: $0.0, tCO2PerMWh: $0.1, source: dcc) },
    fuels: Dictionary(
      uniqueKeysWithValues: [
        FuelProperties(
          code: "diesel", name: LocalizedText(vi: "dầu DO", en: "diesel oil"), ncvGJPerTonne: 43.0, densityKgPerM3: 844,
          co2KgPerTJ: 74_100, ch4KgPerTJ: 3, n2oKgPerTJ: 0.6, source: ipcc, densitySource: ghgpyDensity, year: 2006),
        FuelProperties(
          code: "fuel_oil", name: LocalizedText(vi: "dầu FO", en: "residual fuel oil"), ncvGJPerTonne: 40.4,
          densityKgPerM3: 944, co2KgPerTJ: 77_400, ch4KgPerTJ: 3, n2oKgPerTJ: 0.6, source: ipcc,
          densitySource: ghgpyDensity, year: 2006),
        FuelProperties(
          code: "lpg", name: LocalizedText(vi: "khí hóa lỏng LPG", en: "LPG"), ncvGJPerTonne: 47.3, co2KgPerTJ: 63_100,
          ch4KgPerTJ: 1, n2oKgPerTJ: 0.1, source: ipcc, year: 2006),
        FuelProperties(
          code: "natural_gas", name: LocalizedText(vi: "khí tự nhiên", en: "natural gas"), ncvGJPerTonne: 48.0,
          co2KgPerTJ: 56_100, ch4KgPerTJ: 1, n2oKgPerTJ: 0.1, source: ipcc, year: 2006),
        FuelProperties(
          code: "coal_anthracite", name: LocalizedText(vi: "than antraxit", en: "anthracite"), ncvGJPerTonne: 26.7,
          co2KgPerTJ: 98_300, ch4KgPerTJ: 10, n2oKgPerTJ: 1.5, source: ipcc, year: 2006),
        FuelProperties(
          code: "coal_bituminous", name: LocalizedText(vi: "than bitum", en: "other bituminous coal"), ncvGJPerTonne: 25.8,
          co2KgPerTJ: 94_600, ch4KgPerTJ: 10, n2oKgPerTJ: 1.5, source: ipcc, year: 2006),
        FuelProperties(
          code: "coal_subbituminous", name: LocalizedText(vi: "than á bitum", en: "sub-bituminous coal"),
          ncvGJPerTonne: 18.9, co2KgPerTJ: 96_100, ch4KgPerTJ: 10, n2oKgPerTJ: 1.5, source: ipcc, year: 2006),
        FuelProperties(
          code: "gasoline", name: LocalizedText(vi: "xăng", en: "motor gasoline"), ncvGJPerTonne: 44.3, densityKgPerM3: 741,
          co2KgPerTJ: 69_300, ch4KgPerTJ: 3, n2oKgPerTJ: 0.6, source: ipcc, densitySource: ghgpyDensity, year: 2006),
        FuelProperties(
          code: "wood", name: LocalizedText(vi: "củi gỗ", en: "wood / wood waste"), ncvGJPerTonne: 15.6,
          co2KgPerTJ: 112_000, ch4KgPerTJ: 30, n2oKgPerTJ: 4, biogenic: true, source: ipcc, year: 2006),
        FuelProperties(
          code: "rice_husk", name: LocalizedText(vi: "trấu", en: "rice husk"), ncvGJPerTonne: 11.6, co2KgPerTJ: 100_000,
          ch4KgPerTJ: 30, n2oKgPerTJ: 4, biogenic: true,
          source: "IPCC 2006 'other primary solid biomass' (rice husk has no own row); " + ipcc, year: 2006),
        FuelProperties(
          code: "purchased_steam", name: LocalizedText(vi: "hơi mua ngoài", en: "purchased steam"),
          source: "no default: enter the energy delivered or the supplier's enthalpy as NCV override"),
      ].map { ($0.code, $0) }),
    benchmarks: [
      "water_per_product": Benchmark(
        key: "water_per_product", unit: "m³/t", typicalLow: 100, typicalHigh: 250, goodPractice: 50,
        source:
          "textilepact.net FAQ (typical 200–250 L/kg, best ~50 L/kg); Taylor & Francis 10.1201/9780203026519-14 (100–200 L/kg)",
        indicative: true),
      "energy_per_product": Benchmark(
        key: "energy_per_product", unit: "GJ/t", typicalLow: 42.7, typicalHigh: 74.52, goodPractice: nil,
        source:
          "UNEP via p2infohouse.org/ref/11/10489/sectors73ah.html (PES/CO knit dyeing 42.7 GJ/t; knit finishing 20,700 kWh/t = 74.52 GJ/t, derived)",
        indicative: false),
      "thermal_per_product": Benchmark(
        key: "thermal_per_product", unit: "GJ/t", typicalLow: 14.4, typicalHigh: 28.8, goodPractice: 14.4,
        source:
          "fersantekstil.com (knit dyeing heat 4–8 kWh/kg conventional, 2–4 best; ×3.6 GJ/t per kWh/kg, derived)",
        indicative: true),
    ],
    policyTargets: [
      PolicyTarget(
        id: "qd1419_2020",
        name: LocalizedText(vi: "QĐ 1419/QĐ-TTg (2016–2020)", en: "Decision 1419/QĐ-TTg (2016–2020)"), lowPercent: 8,
        highPercent: 13, byYear: 2020, source: "https://scp.gov.vn/tin-tuc/t10007/cp-strategy-in-industry-to-2020"),
      PolicyTarget(
        id: "qd889_2025", name: LocalizedText(vi: "QĐ 889/QĐ-TTg (đến 2025)", en: "Decision 889/QĐ-TTg (by 2025)"),
        lowPercent: 5, highPercent: 8, byYear: 2025,
        source: "https://en.qdnd.vn/economy/news/national-action-plan-on-sustainable-production-consumption-issued-518049"),
      PolicyTarget(
        id: "qd889_2030", name: LocalizedText(vi: "QĐ 889/QĐ-TTg (đến 2030)", en: "Decision 889/QĐ-TTg (by 2030)"),
        lowPercent: 7, highPercent: 10, byYear: 2030,
        source: "https://en.qdnd.vn/economy/news/national-action-plan-on-sustainable-production-consumption-issued-518049"),
    ])
}
