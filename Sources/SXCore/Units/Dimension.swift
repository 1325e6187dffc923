import Foundation

/// A physical dimension. Quantities of one dimension convert into each other; across dimensions they never do.
public enum Dimension: String, Codable, CaseIterable, Sendable {
  case mass, volume, energy, power, pressure, temperature, massFlow, volumeFlow, time, area, length, money
  case speed, dimensionless, count

  /// The SI-canonical unit symbol every stored value of this dimension is expressed in.
  public var siUnit: String {
    switch self {
    case .mass: "kg"
    case .volume: "m³"
    case .energy: "J"
    case .power: "W"
    case .pressure: "Pa"
    case .temperature: "K"
    case .massFlow: "kg/s"
    case .volumeFlow: "m³/s"
    case .time: "s"
    case .area: "m²"
    case .length: "m"
    case .money: "VND"
    case .speed: "m/s"
    case .dimensionless: "1"
    case .count: "pcs"
    }
  }

  public var name: LocalizedText {
    switch self {
    case .mass: LocalizedText(vi: "khối lượng", en: "mass")
    case .volume: LocalizedText(vi: "thể tích", en: "volume")
    case .energy: LocalizedText(vi: "năng lượng", en: "energy")
    case .power: LocalizedText(vi: "công suất", en: "power")
    case .pressure: LocalizedText(vi: "áp suất", en: "pressure")
    case .temperature: LocalizedText(vi: "nhiệt độ", en: "temperature")
    case .massFlow: LocalizedText(vi: "lưu lượng khối lượng", en: "mass flow")
    case .volumeFlow: LocalizedText(vi: "lưu lượng thể tích", en: "volume flow")
    case .time: LocalizedText(vi: "thời gian", en: "time")
    case .area: LocalizedText(vi: "diện tích", en: "area")
    case .length: LocalizedText(vi: "chiều dài", en: "length")
    case .money: LocalizedText(vi: "tiền", en: "money")
    case .speed: LocalizedText(vi: "vận tốc", en: "speed")
    case .dimensionless: LocalizedText(vi: "không thứ nguyên", en: "dimensionless")
    case .count: LocalizedText(vi: "số lượng", en: "count")
    }
  }
}

/// One unit: `si = value × scale + offset`. Gauge pressures and °C/°F use the offset.
public struct UnitDef: Hashable, Sendable {
  public let symbol: String
  public let aliases: [String]
  public let dimension: Dimension
  public let scale: Double
  public let offset: Double
  public let name: LocalizedText

  public init(
    _ symbol: String, _ dimension: Dimension, scale: Double, offset: Double = 0, aliases: [String] = [],
    name: LocalizedText? = nil
  ) {
    self.symbol = symbol
    self.dimension = dimension
    self.scale = scale
    self.offset = offset
    self.aliases = aliases
    self.name = name ?? LocalizedText(vi: symbol, en: symbol)
  }

  public func toSI(_ value: Double) -> Double { value * scale + offset }
  public func fromSI(_ si: Double) -> Double { (si - offset) / scale }
}

/// A locally defined unit, stored with the assessment (e.g. `bao` = 50 kg, `kg hơi` = 1 kg of steam).
public struct LocalUnit: Codable, Hashable, Sendable {
  public var symbol: String
  /// How many of `baseUnit` one local unit is.
  public var factor: Double
  /// A unit of the standard catalogue, e.g. `kg`.
  public var baseUnit: String
  public var note: String

  public init(symbol: String, factor: Double, baseUnit: String, note: String = "") {
    self.symbol = symbol
    self.factor = factor
    self.baseUnit = baseUnit
    self.note = note
  }
}

/// An exchange rate stored with the assessment: how many VND one unit of `currency` is worth.
public struct CurrencyRate: Codable, Hashable, Sendable {
  public var currency: String
  public var vndPerUnit: Double
  public var date: String
  public var source: String

  public init(currency: String, vndPerUnit: Double, date: String = "", source: String = "") {
    self.currency = currency
    self.vndPerUnit = vndPerUnit
    self.date = date
    self.source = source
  }
}
