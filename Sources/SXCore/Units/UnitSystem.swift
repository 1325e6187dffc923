import Foundation

/// A set of units: the built-in catalogue, plus an assessment's local units and currency rates.
public struct UnitSystem: Sendable {
  private var bySymbol: [String: UnitDef] = [:]
  private var byFolded: [String: [UnitDef]] = [:]
  public private(set) var units: [UnitDef] = []

  /// The built-in catalogue only (VND is the only currency).
  public static let standard = UnitSystem(catalog: UnitCatalog.all)

  public init(_ defs: [UnitDef]) {
    for d in defs { add(d) }
  }

  /// The built-in catalogue, built on first use (the app's first frame shows quantities): its symbols and aliases
  /// are written in NFC in the source (`NumberParsingTests` checks every one), so they are used as they are rather
  /// than normalized again through Foundation at every start, and the tables are sized once.
  init(catalog defs: [UnitDef]) {
    let keys = defs.reduce(0) { $0 + 1 + $1.aliases.count }
    bySymbol.reserveCapacity(keys)
    byFolded.reserveCapacity(keys)
    units.reserveCapacity(defs.count)
    for d in defs { add(d, keysAreNFC: true) }
  }

  private mutating func add(_ d: UnitDef, keysAreNFC: Bool = false) {
    units.append(d)
    addKey(d.symbol, d, keysAreNFC)
    for key in d.aliases { addKey(key, d, keysAreNFC) }
  }

  private mutating func addKey(_ key: String, _ d: UnitDef, _ isNFC: Bool) {
    let k = isNFC ? key : TextRules.nfc(key)
    if bySymbol[k] == nil { bySymbol[k] = d }
    byFolded[k.lowercased(), default: []].append(d)
  }

  /// This system extended with local units and currency rates.
  ///
  /// A local unit whose base is unknown, or whose factor is not a positive finite number, is an error naming it.
  public func extended(localUnits: [LocalUnit], rates: [CurrencyRate]) throws -> UnitSystem {
    var s = self
    for r in rates {
      guard r.vndPerUnit.isFinite, r.vndPerUnit > 0 else {
        throw UnitError.badRate(r.currency)
      }
      s.add(UnitDef(TextRules.nfc(r.currency), .money, scale: r.vndPerUnit))
    }
    for l in localUnits {
      guard let base = s.unit(l.baseUnit) else { throw UnitError.unknownUnit(l.baseUnit) }
      guard l.factor.isFinite, l.factor > 0, base.offset == 0 else { throw UnitError.badLocalUnit(l.symbol) }
      s.add(UnitDef(TextRules.nfc(l.symbol), base.dimension, scale: base.scale * l.factor))
    }
    return s
  }

  /// Looks a unit up by symbol or alias; exact match first, then a unique case-insensitive match.
  public func unit(_ symbol: String) -> UnitDef? {
    let k = TextRules.nfc(TextRules.trimmingSpaces(symbol))
    if let d = bySymbol[k] { return d }
    if let candidates = byFolded[k.lowercased()] {
      let distinct = Set(candidates.map(\.symbol))
      if distinct.count == 1 { return candidates.first }
    }
    return nil
  }

  /// The units of one dimension, in catalogue order.
  public func units(of dimension: Dimension) -> [UnitDef] { units.filter { $0.dimension == dimension } }

  /// Converts `value` from one unit to another of the same dimension.
  public func convert(_ value: Double, from: String, to: String) throws -> Double {
    guard let f = unit(from) else { throw UnitError.unknownUnit(from) }
    guard let t = unit(to) else { throw UnitError.unknownUnit(to) }
    guard f.dimension == t.dimension else {
      throw UnitError.wrongDimension(unit: f.symbol, found: f.dimension, expected: t.dimension)
    }
    return t.fromSI(f.toSI(value))
  }

  /// Converts a value in `unit` to SI.
  public func toSI(_ value: Double, unit symbol: String) throws -> Double {
    guard let u = unit(symbol) else { throw UnitError.unknownUnit(symbol) }
    return u.toSI(value)
  }

  /// Converts an SI value to `unit`.
  public func fromSI(_ si: Double, unit symbol: String) throws -> Double {
    guard let u = unit(symbol) else { throw UnitError.unknownUnit(symbol) }
    return u.fromSI(si)
  }
}

/// Errors of the unit system, with their message in both languages.
public enum UnitError: LocalizedFailure, Equatable {
  case unknownUnit(String)
  case wrongDimension(unit: String, found: Dimension, expected: Dimension)
  case unitNotAllowed(unit: String, allowed: [String])
  case missingUnit(expected: Dimension)
  case badRate(String)
  case badLocalUnit(String)

  public var message: LocalizedText {
    switch self {
    case .unknownUnit(let u):
      LocalizedText(vi: "đơn vị không rõ «\(u)»", en: "unknown unit «\(u)»")
    case .wrongDimension(let u, let found, let expected):
      LocalizedText(
        vi: "đơn vị «\(u)» là \(found.name.vi), ô này cần \(expected.name.vi)",
        en: "unit «\(u)» is \(found.name.en); this field needs \(expected.name.en)")
    case .unitNotAllowed(let u, let allowed):
      LocalizedText(
        vi: "đơn vị «\(u)» không dùng được ở đây; chọn: \(allowed.joined(separator: ", "))",
        en: "unit «\(u)» is not allowed here; use one of: \(allowed.joined(separator: ", "))")
    case .missingUnit(let d):
      LocalizedText(vi: "thiếu đơn vị (\(d.name.vi))", en: "unit missing (\(d.name.en))")
    case .badRate(let c):
      LocalizedText(vi: "tỷ giá của «\(c)» phải là số dương", en: "the exchange rate of «\(c)» must be a positive number")
    case .badLocalUnit(let s):
      LocalizedText(
        vi: "đơn vị riêng «\(s)» cần hệ số dương và đơn vị gốc không có độ lệch",
        en: "local unit «\(s)» needs a positive factor and a base unit without offset")
    }
  }
}

/// The unit systems of assessments (`AssessmentSettings.unitSystem`) built lately, by their local units and rates:
/// extending the catalogue copies its tables, which every engine run and export did again for the same settings.
/// Bounded (unlike the export's `KeyMemo`, whose keys come from the definitions): these keys are typed by users.
final class ExtendedUnitSystems: @unchecked Sendable {
  static let shared = ExtendedUnitSystems()
  private struct Key: Hashable {
    let localUnits: [LocalUnit]
    let rates: [CurrencyRate]
  }
  private var recent: [(key: Key, system: Result<UnitSystem, Error>)] = []
  private let lock = NSLock()
  /// How many settings are kept (an app session or a batch export meets a few).
  static let capacity = 8

  /// `UnitSystem.standard.extended(localUnits:rates:)`, the same value or error, from the recent ones when there.
  func system(localUnits: [LocalUnit], rates: [CurrencyRate]) throws -> UnitSystem {
    if localUnits.isEmpty && rates.isEmpty { return UnitSystem.standard }
    let key = Key(localUnits: localUnits, rates: rates)
    lock.lock()
    let found = recent.first { $0.key == key }?.system
    lock.unlock()
    if let found { return try found.get() }
    let built = Result { try UnitSystem.standard.extended(localUnits: localUnits, rates: rates) }
    lock.lock()
    if recent.count >= Self.capacity { recent.removeFirst() }
    recent.append((key, built))
    lock.unlock()
    return try built.get()
  }
}
