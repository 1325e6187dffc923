import Foundation
import SXCore

/// Input builders shared by the calculators (same names, units, bounds and help everywhere).
enum Common {
  static let hoursInYear = 8_760.0

  static func hours(_ d: Double = 8_000) -> CalcInput {
    CalcInput(
      "hours", "h", default: d, min: .over(0), max: Bounds.yearSeconds,
      vi: "Số giờ vận hành mỗi năm", en: "Operating hours per year")
  }

  static func count(_ name: String = "units", vi: String = "Số thiết bị giống nhau", en: String = "Number of identical items")
    -> CalcInput
  {
    CalcInput(name, "pcs", default: 1, min: .atLeast(1), vi: vi, en: en)
  }

  static func efficiency(_ name: String, _ d: Double?, vi: String, en: String) -> CalcInput {
    CalcInput(name, "1", default: d, min: .over(0), max: Bounds.one, vi: vi + " (phân số 0–1, hoặc ghi %)", en: en + " (fraction 0–1, or give %)")
  }

  static func fraction(_ name: String, _ d: Double?, vi: String, en: String) -> CalcInput {
    CalcInput(name, "1", default: d, min: .atLeast(0), max: .atMost(1), vi: vi + " (phân số 0–1, hoặc ghi %)", en: en + " (fraction 0–1, or give %)")
  }

  /// An absolute pressure (> 0 Pa), read by default in `unit` (gauge units add one standard atmosphere).
  static func pressure(_ name: String, _ unit: String = "barg", _ d: Double? = nil, vi: String, en: String) -> CalcInput {
    CalcInput(name, unit, default: d, min: Bounds.positive, max: .atMost(100e6), vi: vi, en: en)
  }

  /// A temperature above absolute zero.
  static func temperature(_ name: String, _ d: Double? = nil, vi: String, en: String) -> CalcInput {
    CalcInput(name, "°C", default: d, min: Bounds.aboveAbsoluteZero, max: .atMost(5_000), vi: vi, en: en)
  }

  static func positive(_ name: String, _ unit: String, _ d: Double? = nil, vi: String, en: String) -> CalcInput {
    CalcInput(name, unit, default: d, min: .over(0), vi: vi, en: en)
  }

  static func nonNegative(_ name: String, _ unit: String, _ d: Double? = 0, vi: String, en: String) -> CalcInput {
    CalcInput(name, unit, default: d, min: .atLeast(0), vi: vi, en: en)
  }

  static func price(_ name: String, _ unit: String, vi: String, en: String) -> CalcInput {
    CalcInput(name, unit, default: 0, min: .atLeast(0), vi: vi + " (0 = không tính tiền)", en: en + " (0 = no cost)")
  }

  /// Runs an IF97 evaluation, attaching the input name to a range error.
  static func steam<T>(_ input: String, _ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch let e as CalcError where e.input == nil {
      throw CalcError(input: input, vi: "«\(input)»: \(e.message.vi)", en: "«\(input)»: \(e.message.en)")
    }
  }

  static let steamStateChoices: [CalcChoice] = [
    CalcChoice("saturated", vi: "hơi bão hòa khô", en: "dry saturated steam"),
    CalcChoice("superheated", vi: "hơi quá nhiệt ở nhiệt độ steamTemperature", en: "superheated steam at steamTemperature"),
  ]

  static func steamStateInputs(pressureDefault: Double = 7) -> [CalcInput] {
    [
      pressure("steamPressure", "barg", pressureDefault, vi: "Áp suất hơi", en: "Steam pressure"),
      CalcInput(
        "steamState", "", default: 0, vi: "Trạng thái hơi: saturated | superheated",
        en: "Steam state: saturated | superheated", kind: .choice(steamStateChoices)),
      CalcInput(
        "steamTemperature", "°C", default: 200, min: Bounds.aboveAbsoluteZero, max: .atMost(5_000),
        vi: "Nhiệt độ hơi (chỉ dùng khi steamState=superheated)", en: "Steam temperature (used only when steamState=superheated)",
        usedWhen: .init(input: "steamState", choice: 1)),
    ]
  }

  /// Specific enthalpy (J/kg) of the steam described by `steamPressure`, `steamState`, `steamTemperature`.
  static func steamEnthalpy(_ a: CalcArgs) throws -> Double {
    let p = a["steamPressure"]
    let sat = try steam("steamPressure") { try IF97.saturation(pressure: p) }
    if a.choice("steamState") == 0 { return sat.vapour.enthalpy }
    let t = a["steamTemperature"]
    guard t > sat.temperature else {
      throw CalcError.invalid(
        "steamTemperature",
        vi: "hơi quá nhiệt phải nóng hơn nhiệt độ bão hòa \(String(format: "%.2f", sat.temperature - 273.15)) °C ở áp suất này",
        en: "superheated steam must be hotter than the saturation temperature \(String(format: "%.2f", sat.temperature - 273.15)) °C at this pressure")
    }
    return try steam("steamTemperature") { try IF97.state(pressure: p, temperature: t) }.enthalpy
  }

  /// Enthalpy (J/kg) of liquid water at temperature T (K) and pressure p (Pa); the temperature must be below boiling.
  static func liquidEnthalpy(_ input: String, temperature t: Double, pressure p: Double) throws -> Double {
    let s = try steam(input) { try IF97.state(pressure: p, temperature: t) }
    guard s.region == 1 || (s.region == 3 && s.density > IF97.rhoc) else {
      throw CalcError.invalid(
        input, vi: "nước ở nhiệt độ này đã sôi ở áp suất đang xét", en: "water at this temperature boils at the pressure considered")
    }
    return s.enthalpy
  }
}
