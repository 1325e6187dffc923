import Foundation

/// Parses "12,5 t", "12 500 kg", "3/8 in", "7barg", "150 psig", "8000h" into a `Quantity`.
public struct QuantityParser: Sendable {
  public var language: Language
  public var units: UnitSystem

  public init(language: Language, units: UnitSystem = .standard) {
    self.language = language
    self.units = units
  }

  /// Parses `text`.
  /// - Parameters:
  ///   - expected: the dimension the field needs; a unit of another dimension is an error.
  ///   - defaultUnit: the unit of a bare number; without it a bare number is an error unless `expected` is dimensionless.
  ///   - allowed: when not empty, the unit symbols the field accepts.
  public func parse(
    _ text: String, expected: Dimension? = nil, defaultUnit: String? = nil, allowed: [String] = []
  ) throws -> Quantity {
    let t = NumberParser.normalizeSpaces(TextRules.nfc(text)).trimmingCharacters(in: .whitespaces)
    guard !t.isEmpty else { throw NumberError.empty }
    let (numberText, unitTextRaw) = NumberParser.splitNumber(t)
    let value = try NumberParser.interpret(numberText, language, original: text)
    let unitText = unitTextRaw.trimmingCharacters(in: .whitespaces)
    let unitDef: UnitDef
    if unitText.isEmpty {
      if let d = defaultUnit, let u = units.unit(d) {
        unitDef = u
      } else if expected == .dimensionless || expected == nil {
        unitDef = UnitDef("1", .dimensionless, scale: 1)
      } else if let e = expected, let u = units.unit(e.siUnit) {
        throw UnitError.missingUnit(expected: u.dimension)
      } else {
        throw NumberError.notANumber(text)
      }
    } else {
      guard let u = units.unit(unitText) else { throw UnitError.unknownUnit(unitText) }
      unitDef = u
    }
    if let e = expected, unitDef.dimension != e {
      throw UnitError.wrongDimension(unit: unitDef.symbol, found: unitDef.dimension, expected: e)
    }
    if !allowed.isEmpty {
      let allowedDefs = allowed.compactMap { units.unit($0)?.symbol }
      guard allowedDefs.contains(unitDef.symbol) else { throw UnitError.unitNotAllowed(unit: unitDef.symbol, allowed: allowed) }
    }
    let si = unitDef.toSI(value)
    guard si.isFinite else { throw NumberError.outOfRange(text) }
    return Quantity(value: value, unit: unitDef.symbol, si: si)
  }
}
