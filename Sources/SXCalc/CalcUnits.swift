import Foundation
import SXCore

/// Glue between calculator unit labels and the foundation's unit system (`SXCore.UnitSystem`).
///
/// A calculator labels each input and output with a unit symbol. Plain symbols (`kPa`, `°C`, `kg/h`, `cfm`)
/// are looked up in `UnitSystem`. Rates that the catalogue has no entry for (`VND/kWh`, `kW/cfm`, `kJ/kg`)
/// are read as "numerator/denominator", each part looked up in `UnitSystem`. A few labels have no physical
/// dimension in the catalogue (`V`, `A`, `Hz`, `dB`, `lm`, `rpm`) and are taken as they are (scale 1).
public enum CalcUnits {
  /// Labels taken as they are: their SI value is the number itself.
  static let plainLabels: Set<String> = ["V", "A", "Hz", "dB", "lm", "rpm", "W/(m²·K)", "W/(m·K)", "m²·K/W"]

  /// Compound labels with a fixed SI scale that "a/b" reading cannot express.
  static let fixedLabels: [String: Double] = ["kJ/(kg·K)": 1_000, "J/(kg·K)": 1, "kJ/kgK": 1_000, "kJ/kg/K": 1_000]

  /// A resolved unit label: `si = value × scale + offset`, and a signature to compare dimensions.
  public struct Resolved: Sendable, Hashable {
    public let scale: Double
    public let offset: Double
    public let signature: String
  }

  public static func resolve(_ label: String, in units: UnitSystem = .standard) -> Resolved? {
    let s = label.trimmingCharacters(in: .whitespaces)
    // Plain labels first: the catalogue's case-insensitive fallback would read "A" (ampere) as "a" (year).
    if plainLabels.contains(s) { return Resolved(scale: 1, offset: 0, signature: s) }
    if let u = units.unit(s) {
      return Resolved(scale: u.scale, offset: u.offset, signature: u.dimension.rawValue)
    }
    if let f = fixedLabels[s] { return Resolved(scale: f, offset: 0, signature: "specificEntropy") }
    if s.hasPrefix("("), s.hasSuffix(")") { return resolve(String(s.dropFirst().dropLast()), in: units) }
    if let slash = s.firstIndex(of: "/") {
      let num = String(s[..<slash])
      let den = String(s[s.index(after: slash)...])
      guard let n = resolve(num, in: units), let d = resolve(den, in: units), n.offset == 0, d.offset == 0 else {
        return nil
      }
      return Resolved(scale: n.scale / d.scale, offset: 0, signature: "(\(n.signature))/(\(d.signature))")
    }
    return nil
  }

  /// A value in `unit` to SI.
  public static func toSI(_ value: Double, _ unit: String) throws -> Double {
    guard let r = StandardLabels.shared.resolve(unit) else { throw UnitError.unknownUnit(unit) }
    return value * r.scale + r.offset
  }

  /// An SI value to `unit`.
  public static func fromSI(_ si: Double, _ unit: String) throws -> Double {
    guard let r = StandardLabels.shared.resolve(unit) else { throw UnitError.unknownUnit(unit) }
    return (si - r.offset) / r.scale
  }

  /// Converts a value typed in `typed` into SI for an input whose unit is `expected`; the two must have the
  /// same dimension.
  public static func toSI(_ value: Double, typed: String, expected: String) throws -> Double {
    guard let t = resolve(typed) else { throw UnitError.unknownUnit(typed) }
    guard let e = resolve(expected) else { throw UnitError.unknownUnit(expected) }
    guard t.signature == e.signature else {
      throw CalcError(
        input: nil, vi: "đơn vị «\(typed)» không đổi được sang «\(expected)»",
        en: "unit «\(typed)» cannot be converted to «\(expected)»")
    }
    return value * t.scale + t.offset
  }

  /// "0 kPa"-style text of an SI value in `unit` (used in bound messages and listings).
  public static func describe(_ si: Double, _ unit: String) -> String {
    let v = (try? fromSI(si, unit)) ?? si
    let u = (try? fromSI(si, unit)) == nil ? "" : unit
    let text = String(format: "%.6g", v)
    return u.isEmpty || u == "1" ? text : "\(text) \(u)"
  }
}

/// `CalcUnits.resolve(label)` in the standard unit system, resolved once per label per process (the standard system
/// never changes; calculator labels are a small fixed set, and a rule's calculator converts every input on each run).
final class StandardLabels: @unchecked Sendable {
  static let shared = StandardLabels()
  private var resolved: [String: CalcUnits.Resolved?] = [:]
  private let lock = NSLock()

  func resolve(_ label: String) -> CalcUnits.Resolved? {
    lock.lock()
    if let r = resolved[label] {
      lock.unlock()
      return r
    }
    lock.unlock()
    let r = CalcUnits.resolve(label)
    lock.lock()
    if resolved.count < 4096 { resolved[label] = .some(r) }
    lock.unlock()
    return r
  }
}
