import Foundation
import SXCore

/// What one TOE conversion factor is "per".
public enum TOEBasis: String, Codable, Hashable, Sendable {
  case perKWh, perTonne, per1000L, per1000m3

  /// The unit string of a factor on this basis.
  public var unit: String {
    switch self {
    case .perKWh: "TOE/kWh"
    case .perTonne: "TOE/t"
    case .per1000L: "TOE/1000 L"
    case .per1000m3: "TOE/1000 m³"
    }
  }
}

/// A TOE conversion factor of one fuel on one basis (Vietnam MOIT table).
public struct TOEFactor: Codable, Hashable, Sendable {
  public var basis: TOEBasis
  public var value: Double
  public var source: String
  public var year: Int?

  public init(basis: TOEBasis, value: Double, source: String, year: Int? = nil) {
    self.basis = basis
    self.value = value
    self.source = source
    self.year = year
  }
}

/// The grid CO2 emission factor of one year.
public struct GridFactor: Codable, Hashable, Sendable {
  public var year: Int
  /// t CO2 per MWh (= kg CO2 per kWh).
  public var tCO2PerMWh: Double
  public var source: String

  public init(year: Int, tCO2PerMWh: Double, source: String) {
    self.year = year
    self.tCO2PerMWh = tCO2PerMWh
    self.source = source
  }
}

/// Combustion properties of one fuel (IPCC 2006 defaults unless replaced).
public struct FuelProperties: Codable, Hashable, Sendable {
  public var code: String
  public var name: LocalizedText
  /// Net calorific value per mass, GJ/t (= MJ/kg = TJ/Gg).
  public var ncvGJPerTonne: Double?
  /// Net calorific value per volume, GJ/m³ (used before density for volumes).
  public var ncvGJPerM3: Double?
  /// Density, kg/m³ (for volumes when the NCV is per mass, and for TOE bases).
  public var densityKgPerM3: Double?
  public var co2KgPerTJ: Double?
  public var ch4KgPerTJ: Double?
  public var n2oKgPerTJ: Double?
  /// Biomass: CO2 is a memo item, not added to the total.
  public var biogenic: Bool
  public var source: String
  public var densitySource: String
  public var year: Int?

  public init(
    code: String, name: LocalizedText, ncvGJPerTonne: Double? = nil, ncvGJPerM3: Double? = nil, densityKgPerM3: Double? = nil,
    co2KgPerTJ: Double? = nil, ch4KgPerTJ: Double? = nil, n2oKgPerTJ: Double? = nil, biogenic: Bool = false,
    source: String, densitySource: String = "", year: Int? = nil
  ) {
    self.code = code
    self.name = name
    self.ncvGJPerTonne = ncvGJPerTonne
    self.ncvGJPerM3 = ncvGJPerM3
    self.densityKgPerM3 = densityKgPerM3
    self.co2KgPerTJ = co2KgPerTJ
    self.ch4KgPerTJ = ch4KgPerTJ
    self.n2oKgPerTJ = n2oKgPerTJ
    self.biogenic = biogenic
    self.source = source
    self.densitySource = densitySource
    self.year = year
  }
}

/// A sector benchmark of one indicator: the typical range and a good-practice value.
public struct Benchmark: Codable, Hashable, Sendable {
  public var key: String
  public var unit: String
  public var typicalLow: Double?
  public var typicalHigh: Double?
  public var goodPractice: Double?
  public var source: String
  /// Vendor/blog or representative figures: shown as "indicative".
  public var indicative: Bool
  public var year: Int?

  public init(
    key: String, unit: String, typicalLow: Double?, typicalHigh: Double?, goodPractice: Double?, source: String,
    indicative: Bool, year: Int? = nil
  ) {
    self.key = key
    self.unit = unit
    self.typicalLow = typicalLow
    self.typicalHigh = typicalHigh
    self.goodPractice = goodPractice
    self.source = source
    self.indicative = indicative
    self.year = year
  }
}

/// A policy target band: cut consumption per unit product by `lowPercent`–`highPercent` % by `byYear`.
public struct PolicyTarget: Codable, Hashable, Sendable {
  public var id: String
  public var name: LocalizedText
  public var lowPercent: Double
  public var highPercent: Double
  public var byYear: Int
  public var source: String

  public init(id: String, name: LocalizedText, lowPercent: Double, highPercent: Double, byYear: Int, source: String) {
    self.id = id
    self.name = name
    self.lowPercent = lowPercent
    self.highPercent = highPercent
    self.byYear = byYear
    self.source = source
  }
}

/// Every factor the engine uses, passed in as a value. The CLI maps the loaded `Worksheets/reference/*.yaml`
/// into this; `builtinDefaults` holds the values of the domain research (used by tests and as a fallback).
public struct EngineFactors: Codable, Hashable, Sendable {
  /// TOE factors by fuel code (several bases allowed, e.g. diesel per t and per 1000 L).
  public var toe: [String: [TOEFactor]]
  public var gridFactors: [GridFactor]
  public var fuels: [String: FuelProperties]
  /// Benchmarks by indicator key.
  public var benchmarks: [String: Benchmark]
  public var policyTargets: [PolicyTarget]
  /// GJ per TOE (IEA 41.868) for TOE derived from energy content.
  public var gjPerTOE: Double
  /// Global warming potentials (100-year).
  public var gwpCH4: Double
  public var gwpN2O: Double
  public var gwpSource: String
  /// A plant above this many TOE per year is a key energy user.
  public var keyEnergyUserTOE: Double
  public var keyEnergyUserSource: String
  /// Density of water, kg/m³, to put water volumes into the mass balance.
  public var waterDensity: Double
  /// Density of a gas measured in normal cubic metres (Nm³), kg/Nm³: air at 0 °C and 1 atm (101.325 kPa), used for
  /// flue gas, vented and leaking compressed air (flue gas of coal/biomass at 0 °C lies within ≈ ±4 % of air).
  public var gasDensity: Double
  public var gasDensitySource: String

  public init(
    toe: [String: [TOEFactor]], gridFactors: [GridFactor], fuels: [String: FuelProperties], benchmarks: [String: Benchmark],
    policyTargets: [PolicyTarget], gjPerTOE: Double = 41.868, gwpCH4: Double = 28, gwpN2O: Double = 265,
    gwpSource: String = "IPCC AR5 (2014) GWP100", keyEnergyUserTOE: Double = 1_000,
    keyEnergyUserSource: String = "Circular 25/2020/TT-BCT; Decree 21/2011/NĐ-CP", waterDensity: Double = 1_000,
    gasDensity: Double = 1.293,
    gasDensitySource: String =
      "dry air at 0 °C, 101.325 kPa (DIN 1343 normal conditions): 1.293 kg/Nm³ (CRC Handbook of Chemistry and Physics, density of dry air)"
  ) {
    self.toe = toe
    self.gridFactors = gridFactors
    self.fuels = fuels
    self.benchmarks = benchmarks
    self.policyTargets = policyTargets
    self.gjPerTOE = gjPerTOE
    self.gwpCH4 = gwpCH4
    self.gwpN2O = gwpN2O
    self.gwpSource = gwpSource
    self.keyEnergyUserTOE = keyEnergyUserTOE
    self.keyEnergyUserSource = keyEnergyUserSource
    self.waterDensity = waterDensity
    self.gasDensity = gasDensity
    self.gasDensitySource = gasDensitySource
  }

  /// The grid factor of `year`, if the table has it (a user-added year wins over a built-in one: the last entry counts).
  public func grid(_ year: Int) -> GridFactor? { gridFactors.last { $0.year == year } }
}
