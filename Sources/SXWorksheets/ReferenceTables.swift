import Foundation
import SXCore

/// How trustworthy a reference value is.
public enum FactorStatus: String, Sendable, Hashable, CaseIterable {
  /// Published by a state body or the IPCC.
  case official
  /// Computed here from cited inputs (the formula is in `source`).
  case derived
  /// From a vendor, a forum, a single study, or a default standing in for a missing one; shown as "tham khảo".
  case indicative
}

/// Where a reference value comes from. Every row of every reference table has one.
public struct Citation: Sendable, Hashable {
  /// The document (title, number, date, and for derived values the formula).
  public let source: String
  public let url: String?
  /// The year of the document or data.
  public let year: Int
  public let status: FactorStatus
  public let note: LocalizedText?

  public init(source: String, url: String?, year: Int, status: FactorStatus, note: LocalizedText? = nil) {
    self.source = source
    self.url = url
    self.year = year
    self.status = status
    self.note = note
  }
}

/// A Vietnamese TOE conversion factor (MOIT): `value` TOE per `perAmount` `perUnit` of `fuel`.
public struct TOEFactor: Sendable, Hashable {
  /// Unique code of the row (`diesel_l`).
  public let code: String
  /// The fuel code of `fuels.yaml` it applies to (`diesel`).
  public let fuel: String
  public let name: LocalizedText
  public let value: Double
  public let perAmount: Double
  /// A unit of the catalogue (`kWh`, `t`, `L`, `m³`).
  public let perUnit: String
  public let citation: Citation

  public init(
    code: String, fuel: String, name: LocalizedText, value: Double, perAmount: Double, perUnit: String, citation: Citation
  ) {
    self.code = code
    self.fuel = fuel
    self.name = name
    self.value = value
    self.perAmount = perAmount
    self.perUnit = perUnit
    self.citation = citation
  }

  /// TOE per SI unit of the per-unit's dimension (per kg, per m³, per J); nil for an unknown or offset unit.
  public func toePerSI(_ units: UnitSystem = .standard) -> Double? {
    guard let u = units.unit(perUnit), u.offset == 0, u.scale > 0, perAmount > 0 else { return nil }
    return value / (perAmount * u.scale)
  }

  /// The dimension of the per-unit (mass, volume, energy).
  public func dimension(_ units: UnitSystem = .standard) -> SXCore.Dimension? { units.unit(perUnit)?.dimension }
}

/// The Vietnamese grid CO₂ emission factor of one year (t CO₂ per MWh = kg CO₂ per kWh).
public struct GridFactor: Sendable, Hashable {
  public let year: Int
  public let value: Double
  /// The official letter or decision that published it, when known.
  public let document: String?
  public let citation: Citation

  public init(year: Int, value: Double, document: String?, citation: Citation) {
    self.year = year
    self.value = value
    self.document = document
    self.citation = citation
  }
}

/// Combustion properties of one fuel (IPCC 2006 defaults unless marked otherwise).
public struct FuelFactor: Sendable, Hashable {
  /// The code stored in `EnergyCarrier.fuel` (`electricity`, `diesel`, `coal_anthracite`, `wood` …).
  public let code: String
  public let name: LocalizedText
  /// The unit the fuel is usually counted in.
  public let defaultUnit: String
  /// Net calorific value, GJ/t (= TJ/Gg = MJ/kg).
  public let ncv: Double?
  /// Emission factors, kg per TJ of NCV.
  public let co2: Double?
  public let ch4: Double?
  public let n2o: Double?
  /// Density, kg/m³ (to turn litres or m³ into tonnes).
  public let density: Double?
  /// Biomass: CO₂ is reported separately, not added to scope 1.
  public let biogenic: Bool
  public let citation: Citation

  public init(
    code: String, name: LocalizedText, defaultUnit: String, ncv: Double?, co2: Double?, ch4: Double?, n2o: Double?,
    density: Double?, biogenic: Bool, citation: Citation
  ) {
    self.code = code
    self.name = name
    self.defaultUnit = defaultUnit
    self.ncv = ncv
    self.co2 = co2
    self.ch4 = ch4
    self.n2o = n2o
    self.density = density
    self.biogenic = biogenic
    self.citation = citation
  }
}

/// The kind of a benchmark row.
public enum BenchmarkLevel: String, Sendable, Hashable, CaseIterable {
  /// What plants usually achieve.
  case typical
  /// Best or good practice.
  case goodPractice
  /// An observed min–max range (with a median when known).
  case observed
}

/// A reference value or range of an indicator, to flag waste (not a legal norm).
public struct Benchmark: Sendable, Hashable {
  /// The indicator key (`water_per_product`).
  public let key: String
  public let level: BenchmarkLevel
  /// What plants or processes the figure covers.
  public let scope: LocalizedText
  public let low: Double
  public let high: Double
  public let median: Double?
  /// Unit of the values (`m³/t`, `GJ/t`, `%`).
  public let unit: String
  public let indicative: Bool
  public let citation: Citation

  public init(
    key: String, level: BenchmarkLevel, scope: LocalizedText, low: Double, high: Double, median: Double?, unit: String,
    indicative: Bool, citation: Citation
  ) {
    self.key = key
    self.level = level
    self.scope = scope
    self.low = low
    self.high = high
    self.median = median
    self.unit = unit
    self.indicative = indicative
    self.citation = citation
  }
}

/// The kind of a policy row.
public enum PolicyTargetKind: String, Sendable, Hashable, CaseIterable {
  /// A cut of consumption per unit of product, in %.
  case reduction
  /// A legal threshold (key energy user ≥ 1,000 TOE/yr).
  case threshold
}

/// A Vietnamese policy target or legal threshold, shown as a reference line.
public struct PolicyTarget: Sendable, Hashable {
  public let id: String
  public let kind: PolicyTargetKind
  /// The legal document (`Quyết định 889/QĐ-TTg ngày 24/6/2020`).
  public let document: String
  public let title: LocalizedText
  public let scope: LocalizedText
  public let low: Double
  public let high: Double
  public let unit: String
  public let fromYear: Int?
  public let toYear: Int?
  public let citation: Citation

  public init(
    id: String, kind: PolicyTargetKind, document: String, title: LocalizedText, scope: LocalizedText, low: Double,
    high: Double, unit: String, fromYear: Int?, toYear: Int?, citation: Citation
  ) {
    self.id = id
    self.kind = kind
    self.document = document
    self.title = title
    self.scope = scope
    self.low = low
    self.high = high
    self.unit = unit
    self.fromYear = fromYear
    self.toYear = toYear
    self.citation = citation
  }
}

/// The reference tables of `Worksheets/reference/`, editable offline by a consultant.
public struct ReferenceTables: Sendable, Hashable {
  public let toeFactors: [TOEFactor]
  /// Unit of the grid factors (`tCO2/MWh`).
  public let gridUnit: String
  public let gridFactors: [GridFactor]
  public let fuels: [FuelFactor]
  public let benchmarks: [Benchmark]
  public let policyTargets: [PolicyTarget]

  public init(
    toeFactors: [TOEFactor], gridUnit: String, gridFactors: [GridFactor], fuels: [FuelFactor], benchmarks: [Benchmark],
    policyTargets: [PolicyTarget]
  ) {
    self.toeFactors = toeFactors
    self.gridUnit = gridUnit
    self.gridFactors = gridFactors
    self.fuels = fuels
    self.benchmarks = benchmarks
    self.policyTargets = policyTargets
  }

  /// The fuel with this code.
  public func fuel(_ code: String) -> FuelFactor? { fuels.first { $0.code == code } }

  /// The TOE factors of one fuel (several bases: per tonne, per 1000 L).
  public func toeFactors(fuel code: String) -> [TOEFactor] { toeFactors.filter { $0.fuel == code } }

  /// The TOE factor of `fuel` whose per-unit has `dimension`, if any.
  public func toeFactor(fuel code: String, dimension: SXCore.Dimension, units: UnitSystem = .standard) -> TOEFactor? {
    toeFactors(fuel: code).first { $0.dimension(units) == dimension }
  }

  /// The grid factor of exactly this year.
  public func gridFactor(year: Int) -> GridFactor? { gridFactors.first { $0.year == year } }

  /// The grid factor of this year, or else of the latest year before it (for years not yet published).
  public func gridFactorOrLatest(year: Int) -> GridFactor? {
    gridFactor(year: year) ?? gridFactors.filter { $0.year < year }.max { $0.year < $1.year }
  }

  /// The benchmark rows of one indicator key.
  public func benchmarks(key: String) -> [Benchmark] { benchmarks.filter { $0.key == key } }

  /// The policy target with this id.
  public func policyTarget(_ id: String) -> PolicyTarget? { policyTargets.first { $0.id == id } }
}
