import SXCore
import SXEngine

/// How quantities are shown: in the unit the user typed, or converted to a sensible SI-derived unit
/// (t for large masses, MWh/GJ for energy, triệu/tỷ VND for money). Computed figures have no typed unit and are
/// always shown in a sensible unit.
public enum UnitMode: String, Hashable, Sendable, Codable {
  case si, typed
}

/// Sensible display units for quantities and engine figures; numbers are never grouped beyond what they need.
public enum DisplayUnits {
  /// Units engine figures are converted from (others — toe, tCO₂e, %, years — are shown as they come).
  static let convertible: Set<String> = [
    "kg", "g", "t", "J", "kJ", "MJ", "GJ", "TJ", "Wh", "kWh", "MWh", "GWh", "VND", "nghìn VND", "triệu VND", "tỷ VND", "W", "kW", "MW",
    "m³", "L", "kg/s", "kg/h", "t/h", "m³/s", "m³/h", "Pa", "kPa", "MPa",
  ]

  static let keptAsTyped: Set<String> = ["Nm³", "pcs", "nghìn pcs", "%", "1", "ppm"]

  /// The unit a value (in SI of `dimension`) reads best in. `electric` prefers kWh/MWh for energy.
  public static func sensibleUnit(si: Double, _ dimension: SXCore.Dimension, electric: Bool = false) -> String {
    let a = abs(si)
    switch dimension {
    case .mass: return a >= 1000 ? "t" : "kg"
    case .energy:
      if electric { return a >= 3.6e9 ? "MWh" : "kWh" }
      return a >= 1e9 || a == 0 ? "GJ" : a >= 1e6 ? "MJ" : "kJ"
    case .volume: return a >= 1 || a == 0 ? "m³" : "L"
    case .money: return a >= 1e9 ? "tỷ VND" : a >= 1e6 ? "triệu VND" : "VND"
    case .power: return a >= 1e6 ? "MW" : a >= 1e3 ? "kW" : "W"
    case .pressure: return "bar"
    case .temperature: return "°C"
    case .massFlow: return a * 3600 >= 1000 ? "t/h" : "kg/h"
    case .volumeFlow: return "m³/h"
    case .time: return "h"
    default: return dimension.siUnit
    }
  }

  /// A unit symbol as shown in `language` (money units get English words in English).
  public static func label(_ unit: String, _ language: Language) -> String {
    guard language == .en else { return unit }
    switch unit {
    case "triệu VND": return "M VND"
    case "tỷ VND": return "bn VND"
    case "nghìn VND": return "k VND"
    default: return unit
    }
  }

  /// A quantity as text in the active mode: as typed, or in a sensible unit.
  public static func text(_ q: Quantity, mode: UnitMode, _ language: Language, units: UnitSystem = .standard) -> String {
    // Normal cubic metres, pieces and ratios stay as typed: converting them would change their meaning.
    guard mode == .si, let def = units.unit(q.unit), !keptAsTyped.contains(def.symbol) else { return q.formatted(language) }
    let electric = ["Wh", "kWh", "MWh", "GWh"].contains(def.symbol)
    let target = sensibleUnit(si: q.si, def.dimension, electric: electric)
    guard target != def.symbol, let v = try? units.fromSI(q.si, unit: target) else { return q.formatted(language) }
    return NumberFormat.auto(v, language) + (target == "1" ? "" : " " + label(target, language))
  }

  /// An engine figure in a sensible unit ("17,86 t" rather than "17.860 kg"); "—" when missing, " ?" when incomplete.
  public static func figure(_ f: Figure?, _ language: Language, digits: Int = 1) -> String {
    guard let f, let v = f.value else { return "—" }
    let mark = f.isOK ? "" : " ?"
    if convertible.contains(f.unit), let def = UnitSystem.standard.unit(f.unit) {
      let si = def.toSI(v)
      let electric = ["Wh", "kWh", "MWh", "GWh"].contains(def.symbol)
      let target = sensibleUnit(si: si, def.dimension, electric: electric)
      if target != def.symbol, let converted = try? UnitSystem.standard.fromSI(si, unit: target) {
        return NumberFormat.auto(converted, language) + " " + label(target, language) + mark
      }
      return NumberFormat.format(v, language, maxFractionDigits: digits) + " " + label(f.unit, language) + mark
    }
    return NumberFormat.format(v, language, maxFractionDigits: digits) + (f.unit.isEmpty || f.unit == "1" ? "" : " " + f.unit) + mark
  }
}
