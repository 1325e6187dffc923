import Foundation

/// A quantity as the user typed it and as stored: the value in the typed unit, the unit, and the SI-canonical value.
public struct Quantity: Codable, Hashable, Sendable {
  /// The number in `unit`, as typed.
  public var value: Double
  /// The unit symbol the user typed (catalogue symbol).
  public var unit: String
  /// The SI-canonical value (see `Dimension.siUnit`).
  public var si: Double

  public init(value: Double, unit: String, si: Double) {
    self.value = value
    self.unit = unit
    self.si = si
  }

  /// Builds a quantity from a value in a unit of `units` (throws for an unknown unit).
  public init(_ value: Double, _ unit: String, in units: UnitSystem = .standard) throws {
    guard let u = units.unit(unit) else { throw UnitError.unknownUnit(unit) }
    self.init(value: value, unit: u.symbol, si: u.toSI(value))
  }

  /// The dimension of this quantity's unit, when the unit is known to `units`.
  public func dimension(in units: UnitSystem = .standard) -> Dimension? { units.unit(unit)?.dimension }

  /// This quantity's value in another unit of the same dimension.
  public func value(in target: String, units: UnitSystem = .standard) throws -> Double {
    try units.fromSI(si, unit: target)
  }

  /// "12,5 t" in Vietnamese, "12.5 t" in English.
  public func formatted(_ language: Language, maxFractionDigits: Int = 3) -> String {
    NumberFormat.format(value, language, maxFractionDigits: maxFractionDigits) + (unit == "1" ? "" : " " + unit)
  }
}
