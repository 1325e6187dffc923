import Foundation

/// The built-in units. Factors are exact definitions (NIST SP 811) unless noted.
enum UnitCatalog {
  static let atm = 101_325.0
  static let lb = 0.453_592_37
  static let inch = 0.0254
  static let ft = 0.3048
  static let psi = 6_894.757_293_168
  static let btu = 1_055.055_852_62  // International Table Btu
  static let kcal = 4_186.8  // International Table calorie × 1000
  static let galUS = 0.003_785_411_784
  static let hour = 3_600.0
  static let year = 365.0 * 86_400.0

  static let all: [UnitDef] = [
    // mass (kg)
    UnitDef("kg", .mass, scale: 1, aliases: ["kilogram", "kí", "ký", "cân"]),
    UnitDef("g", .mass, scale: 1e-3, aliases: ["gram", "gam"]),
    UnitDef("mg", .mass, scale: 1e-6),
    UnitDef("t", .mass, scale: 1_000, aliases: ["tấn", "tan", "tonne", "tonnes", "Mg"], name: LocalizedText(vi: "tấn", en: "tonne")),
    UnitDef("kt", .mass, scale: 1e6, aliases: ["nghìn tấn"]),
    UnitDef("lb", .mass, scale: lb, aliases: ["lbs", "pound"]),
    // volume (m³)
    UnitDef("m³", .volume, scale: 1, aliases: ["m3", "m^3", "khối", "cbm"]),
    UnitDef("L", .volume, scale: 1e-3, aliases: ["l", "lít", "lit", "litre", "liter", "dm³", "dm3"]),
    UnitDef("mL", .volume, scale: 1e-6, aliases: ["ml"]),
    UnitDef("gal", .volume, scale: galUS, aliases: ["gallon", "US gal"]),
    UnitDef("ft³", .volume, scale: ft * ft * ft, aliases: ["ft3", "cu ft", "scf"]),
    UnitDef("Nm³", .volume, scale: 1, aliases: ["Nm3", "Sm3", "Sm³"]),
    // energy (J)
    UnitDef("J", .energy, scale: 1),
    UnitDef("kJ", .energy, scale: 1e3),
    UnitDef("MJ", .energy, scale: 1e6),
    UnitDef("GJ", .energy, scale: 1e9),
    UnitDef("TJ", .energy, scale: 1e12),
    UnitDef("Wh", .energy, scale: 3_600),
    UnitDef("kWh", .energy, scale: 3.6e6, aliases: ["kwh", "số", "số điện"]),
    UnitDef("MWh", .energy, scale: 3.6e9),
    UnitDef("GWh", .energy, scale: 3.6e12),
    UnitDef("kcal", .energy, scale: kcal),
    UnitDef("Mcal", .energy, scale: kcal * 1e3),
    UnitDef("Gcal", .energy, scale: kcal * 1e6),
    UnitDef("Btu", .energy, scale: btu, aliases: ["BTU"]),
    UnitDef("MMBtu", .energy, scale: btu * 1e6, aliases: ["MMBTU", "mmBtu"]),
    UnitDef("therm", .energy, scale: btu * 1e5),
    // power (W)
    UnitDef("W", .power, scale: 1),
    UnitDef("kW", .power, scale: 1e3, aliases: ["kw"]),
    UnitDef("MW", .power, scale: 1e6),
    UnitDef("hp", .power, scale: 745.699_871_582_270_2, aliases: ["HP"]),
    UnitDef("Btu/h", .power, scale: btu / hour, aliases: ["BTU/h", "Btu/hr"]),
    UnitDef("kcal/h", .power, scale: kcal / hour),
    // pressure (Pa absolute). Gauge units add one standard atmosphere.
    UnitDef("Pa", .pressure, scale: 1, aliases: ["Pa(a)"]),
    UnitDef("kPa", .pressure, scale: 1e3, aliases: ["kPa(a)", "kPaa"]),
    UnitDef("kPag", .pressure, scale: 1e3, offset: atm, aliases: ["kPa(g)"]),
    UnitDef("MPa", .pressure, scale: 1e6, aliases: ["MPa(a)", "MPaa"]),
    UnitDef("MPag", .pressure, scale: 1e6, offset: atm, aliases: ["MPa(g)"]),
    UnitDef("bar", .pressure, scale: 1e5, aliases: ["bara", "bar(a)", "bar abs"]),
    UnitDef("barg", .pressure, scale: 1e5, offset: atm, aliases: ["bar(g)", "bar g"]),
    UnitDef("psia", .pressure, scale: psi, aliases: ["psi", "psi(a)"]),
    UnitDef("psig", .pressure, scale: psi, offset: atm, aliases: ["psi(g)"]),
    UnitDef("atm", .pressure, scale: atm),
    UnitDef("kgf/cm²", .pressure, scale: 98_066.5, aliases: ["kgf/cm2", "at", "kG/cm2"]),
    UnitDef("kgf/cm²g", .pressure, scale: 98_066.5, offset: atm, aliases: ["kgf/cm2g", "kg/cm2", "kg/cm²", "kg/cm2g"]),
    UnitDef("mmHg", .pressure, scale: 133.322_387_415),
    UnitDef("inH2O", .pressure, scale: 249.088_91),
    // temperature (K)
    UnitDef("K", .temperature, scale: 1),
    UnitDef("°C", .temperature, scale: 1, offset: 273.15, aliases: ["C", "degC", "oC", "độ C", "ºC"]),
    UnitDef("°F", .temperature, scale: 5.0 / 9.0, offset: 273.15 - 32.0 * 5.0 / 9.0, aliases: ["F", "degF", "oF", "ºF"]),
    // mass flow (kg/s)
    UnitDef("kg/s", .massFlow, scale: 1),
    UnitDef("kg/h", .massFlow, scale: 1 / hour, aliases: ["kg/hr"]),
    UnitDef("kg/min", .massFlow, scale: 1.0 / 60),
    UnitDef("t/h", .massFlow, scale: 1_000 / hour, aliases: ["tấn/h", "tấn/giờ", "tph"]),
    UnitDef("lb/h", .massFlow, scale: lb / hour, aliases: ["lb/hr", "pph"]),
    // volume flow (m³/s)
    UnitDef("m³/s", .volumeFlow, scale: 1, aliases: ["m3/s"]),
    UnitDef("m³/h", .volumeFlow, scale: 1 / hour, aliases: ["m3/h", "m3/hr", "m³/giờ", "Nm3/h", "Nm³/h"]),
    UnitDef("m³/min", .volumeFlow, scale: 1.0 / 60, aliases: ["m3/min"]),
    UnitDef("L/s", .volumeFlow, scale: 1e-3, aliases: ["l/s"]),
    UnitDef("L/min", .volumeFlow, scale: 1e-3 / 60, aliases: ["l/min", "lpm"]),
    UnitDef("L/h", .volumeFlow, scale: 1e-3 / hour, aliases: ["l/h"]),
    UnitDef("cfm", .volumeFlow, scale: ft * ft * ft / 60, aliases: ["CFM", "scfm", "ft3/min", "ft³/min", "acfm"]),
    UnitDef("gpm", .volumeFlow, scale: galUS / 60, aliases: ["GPM", "gal/min"]),
    // time (s)
    UnitDef("s", .time, scale: 1, aliases: ["sec", "giây"]),
    UnitDef("min", .time, scale: 60, aliases: ["phút"]),
    UnitDef("h", .time, scale: hour, aliases: ["hr", "hrs", "giờ", "hours", "h/yr", "h/năm", "giờ/năm"]),
    UnitDef("d", .time, scale: 86_400, aliases: ["day", "days", "ngày"]),
    UnitDef("yr", .time, scale: year, aliases: ["year", "years", "năm"]),
    // area (m²)
    UnitDef("m²", .area, scale: 1, aliases: ["m2", "m^2"]),
    UnitDef("cm²", .area, scale: 1e-4, aliases: ["cm2"]),
    UnitDef("mm²", .area, scale: 1e-6, aliases: ["mm2"]),
    UnitDef("ft²", .area, scale: ft * ft, aliases: ["ft2", "sq ft"]),
    UnitDef("ha", .area, scale: 1e4),
    // length (m)
    UnitDef("m", .length, scale: 1, aliases: ["mét", "met"]),
    UnitDef("km", .length, scale: 1e3),
    UnitDef("cm", .length, scale: 1e-2),
    UnitDef("mm", .length, scale: 1e-3, aliases: ["li"]),
    UnitDef("in", .length, scale: inch, aliases: ["inch", "inches", "\"", "″"]),
    UnitDef("ft", .length, scale: ft, aliases: ["feet", "foot", "'"]),
    // speed
    UnitDef("m/s", .speed, scale: 1),
    UnitDef("km/h", .speed, scale: 1000 / hour),
    // money (VND). Other currencies are added per assessment from stored rates.
    UnitDef("VND", .money, scale: 1, aliases: ["đ", "₫", "đồng", "vnd", "VNĐ", "vnđ"]),
    UnitDef("nghìn VND", .money, scale: 1e3, aliases: ["nghìn đồng", "ngàn đồng", "k VND", "kVND"]),
    UnitDef("triệu VND", .money, scale: 1e6, aliases: ["triệu đồng", "triệu", "tr.đ", "trđ", "million VND", "MVND"]),
    UnitDef("tỷ VND", .money, scale: 1e9, aliases: ["tỷ đồng", "tỷ", "tỉ", "tỉ đồng", "billion VND", "bn VND"]),
    // dimensionless and counts
    UnitDef("1", .dimensionless, scale: 1, aliases: ["-", "fraction"]),
    UnitDef("%", .dimensionless, scale: 0.01, aliases: ["phần trăm", "percent"]),
    UnitDef("ppm", .dimensionless, scale: 1e-6, aliases: ["mg/L", "mg/l"]),
    UnitDef("pcs", .count, scale: 1, aliases: ["cái", "chiếc", "pc", "piece", "pieces", "sp", "sản phẩm", "bộ", "đôi"]),
    UnitDef("nghìn pcs", .count, scale: 1e3, aliases: ["nghìn sp", "nghìn cái", "k pcs"]),
  ]
}
