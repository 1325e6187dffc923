import Foundation
import SXCore

// The results layout (schema version 1). JSON keys are the Swift property names (camelCase, like the model).
// Every number is a `Figure {path, value, unit, status, reasons}`; `value` is `null` when it cannot be computed.
// Collections are arrays in the assessment's row order; each element carries its `id` and `name`.

/// The balance of one step or of the plant.
public struct MassBalance: Codable, Hashable, Sendable {
  public var id: String
  public var name: String
  /// Σ inputs by mass (water at its density), kg.
  public var massIn: Figure
  public var massOut: Figure
  /// Increase of stock in the step, kg.
  public var stockChange: Figure
  /// in − out − stock change, kg.
  public var unaccounted: Figure
  /// (out + stock change) / in × 100.
  public var closurePercent: Figure
  /// |unaccounted| / in > threshold.
  public var flagged: Bool
  /// The stream most likely missing (named), when flagged; its size is about |unaccounted|.
  public var biggestMissing: LocalizedText?
  public var waterIn: Figure
  public var waterOut: Figure
  /// Energy is balanced apart from mass, GJ.
  public var energyIn: Figure
  public var energyOut: Figure
}

public struct BalanceResults: Codable, Hashable, Sendable {
  public var thresholdPercent: Double
  public var steps: [MassBalance]
  public var plant: MassBalance
}

public struct CarrierEnergy: Codable, Hashable, Sendable {
  public var id: String
  public var name: String
  public var fuel: String
  /// The amount as typed.
  public var quantity: Figure
  public var gj: Figure
  public var kwhEq: Figure
  public var toe: Figure
  /// `moit`, `derived` or `none`.
  public var toeMethod: String
  public var cost: Figure
  /// Share of the plant's physical energy (GJ), %.
  public var sharePercent: Figure
  /// Carrier total − Σ step flows of this carrier, GJ (energy not allocated to any step).
  public var unallocatedGJ: Figure
}

public struct StepEnergy: Codable, Hashable, Sendable {
  public var id: String
  public var name: String
  public var gj: Figure
  public var kwhEq: Figure
  public var toe: Figure
  public var electricityKWh: Figure
  public var thermalGJ: Figure
  public var cost: Figure
  public var sharePercent: Figure
}

public struct EnergyTotals: Codable, Hashable, Sendable {
  public var gj: Figure
  public var kwhEq: Figure
  public var toe: Figure
  public var electricityKWh: Figure
  public var thermalGJ: Figure
  public var cost: Figure
}

public struct EnergyResults: Codable, Hashable, Sendable {
  public var carriers: [CarrierEnergy]
  public var steps: [StepEnergy]
  public var total: EnergyTotals
  /// Plant TOE/yr > threshold (key energy user, Circular 25/2020/TT-BCT).
  public var keyEnergyUser: Bool
  public var keyEnergyUserThresholdTOE: Double
}

public struct EmissionRow: Codable, Hashable, Sendable {
  public var id: String
  public var name: String
  /// Fossil CO2, t.
  public var co2: Figure
  public var ch4: Figure
  public var n2o: Figure
  /// CO2 + GWP × CH4 + GWP × N2O, t CO2e.
  public var co2e: Figure
  /// Biogenic CO2 (memo, not in the total), t.
  public var biogenicCO2: Figure
}

public struct CO2Results: Codable, Hashable, Sendable {
  public var gridFactor: Figure
  public var gridFactorYear: Int
  public var gridFactorSource: String
  public var gwpCH4: Double
  public var gwpN2O: Double
  public var gwpSource: String
  public var carriers: [EmissionRow]
  public var steps: [EmissionRow]
  public var total: EmissionRow
  /// Scope 1 (fuels burnt on site) and scope 2 (electricity, purchased steam), t CO2e.
  public var scope1: Figure
  public var scope2: Figure
}

public struct WaterLine: Codable, Hashable, Sendable {
  public var id: String
  public var name: String
  public var stepId: String?
  public var volume: Figure
  public var cost: Figure
}

public struct StepWater: Codable, Hashable, Sendable {
  public var id: String
  public var name: String
  /// Consumption of the step (W5 consumers of the step, else its water input flows), m³.
  public var consumption: Figure
  public var sharePercent: Figure
}

public struct WaterTotals: Codable, Hashable, Sendable {
  public var supply: Figure
  public var consumption: Figure
  public var outputs: Figure
  /// supply − outputs, m³.
  public var unaccounted: Figure
  /// outputs / supply × 100.
  public var closurePercent: Figure
  public var wastewater: Figure
  public var supplyCost: Figure
  public var wastewaterCharge: Figure
  public var totalCost: Figure
}

public struct WaterResults: Codable, Hashable, Sendable {
  public var sources: [WaterLine]
  public var consumers: [WaterLine]
  public var outputs: [WaterLine]
  public var steps: [StepWater]
  public var total: WaterTotals
}

public struct StreamCost: Codable, Hashable, Sendable {
  public var id: String
  public var name: String
  public var stepId: String?
  public var mass: Figure
  public var material: Figure
  public var energy: Figure
  public var system: Figure
  public var wasteManagement: Figure
  public var total: Figure
}

public struct StepWasteCost: Codable, Hashable, Sendable {
  public var id: String
  public var name: String
  public var material: Figure
  public var energy: Figure
  public var system: Figure
  public var wasteManagement: Figure
  public var total: Figure
}

public struct ParetoEntry: Codable, Hashable, Sendable {
  public var rank: Int
  public var streamId: String
  public var name: String
  public var total: Figure
  public var sharePercent: Figure
  public var cumulativePercent: Figure
  /// A (cumulative ≤ 80 %), B (≤ 95 %), C.
  public var paretoClass: String
}

public struct WasteCostResults: Codable, Hashable, Sendable {
  public var streams: [StreamCost]
  public var steps: [StepWasteCost]
  public var total: Figure
  public var pareto: [ParetoEntry]
}

public struct BenchmarkUse: Codable, Hashable, Sendable {
  public var unit: String
  public var typicalLow: Double?
  public var typicalHigh: Double?
  public var goodPractice: Double?
  public var source: String
  public var indicative: Bool
}

/// How a value sits against its benchmark.
public enum BenchmarkRating: String, Codable, Hashable, Sendable {
  case atOrBelowGoodPractice, withinTypical, aboveTypical, belowTypical, noBenchmark, unknown
}

public struct EarlierComparison: Codable, Hashable, Sendable {
  public var period: String
  public var value: Double?
  public var unit: String
  public var source: String
  /// (current − earlier) / earlier × 100.
  public var changePercent: Figure
}

public struct TargetComparison: Codable, Hashable, Sendable {
  public var baseline: Double?
  public var target: Double?
  public var unit: String
  /// (current − target), in the indicator's unit.
  public var gapToTarget: Figure
}

public struct StepIndicator: Codable, Hashable, Sendable {
  public var id: String
  public var name: String
  public var value: Figure
}

public struct Indicator: Codable, Hashable, Sendable {
  public var key: String
  public var name: LocalizedText
  public var value: Figure
  public var benchmark: BenchmarkUse?
  public var rating: BenchmarkRating
  public var exceedsTypical: Bool
  public var aboveGoodPractice: Bool
  public var earlier: [EarlierComparison]
  public var target: TargetComparison?
  public var steps: [StepIndicator]
}

public struct IndicatorResults: Codable, Hashable, Sendable {
  /// The denominator: reference product quantity, t.
  public var production: Figure
  public var items: [Indicator]
}

public struct PolicyBaseline: Codable, Hashable, Sendable {
  /// `energy` (TOE), `water` (m³) or `materials` (kg).
  public var resource: String
  public var baseline: Figure
  public var baselinePerUnit: Figure
  public var plannedSaving: Figure
  public var plannedPercent: Figure
}

public struct PolicyGap: Codable, Hashable, Sendable {
  public var resource: String
  /// max(0, low − planned), percentage points.
  public var gapToLow: Figure
  public var gapToHigh: Figure
  public var meetsLow: Bool
  public var meetsHigh: Bool
}

public struct PolicyTargetResult: Codable, Hashable, Sendable {
  public var id: String
  public var name: LocalizedText
  public var lowPercent: Double
  public var highPercent: Double
  public var byYear: Int
  public var source: String
  public var gaps: [PolicyGap]
}

public struct PolicyResults: Codable, Hashable, Sendable {
  public var baselines: [PolicyBaseline]
  public var targets: [PolicyTargetResult]
}

public struct OpportunityEconomics: Codable, Hashable, Sendable {
  public var id: String
  public var title: String
  public var investment: Figure
  public var annualSaving: Figure
  public var addedOM: Figure
  public var annualNetSaving: Figure
  public var lifetimeYears: Figure
  public var discountRate: Double
  public var simplePayback: Figure
  public var npv: Figure
  public var irr: Figure
  public var discountedPayback: Figure
  public var annualisedSaving: Figure
  /// Physical savings used by the policy gap: TOE, m³, kg.
  public var toeSaving: Figure
  public var waterSaving: Figure
  public var materialSaving: Figure
  /// Counted in the planned savings (not rejected).
  public var counted: Bool
}

public struct EconomicsResults: Codable, Hashable, Sendable {
  public var opportunities: [OpportunityEconomics]
  public var totalInvestment: Figure
  public var totalAnnualNetSaving: Figure
  public var totalNPV: Figure
}

public struct DataQualityArea: Codable, Hashable, Sendable {
  public var area: String
  public var records: Int
  public var measuredRecords: Int
  public var byCountPercent: Figure
  /// Share of the area's weight (kg, GJ, m³) that is measured-grade, %.
  public var byWeightPercent: Figure
}

public struct DataQualityResults: Codable, Hashable, Sendable {
  public var areas: [DataQualityArea]
  public var overallByCountPercent: Figure
}

/// One incomplete figure: its path and why.
public struct ResultIssue: Codable, Hashable, Sendable {
  public var path: String
  public var reasons: [LocalizedText]
}

/// Everything the engine computes for one assessment.
public struct Results: Codable, Hashable, Sendable {
  public static let schemaVersion = 1
  public var schemaVersion: Int = Results.schemaVersion
  public var assessmentId: String
  /// True when no figure is incomplete.
  public var complete: Bool
  public var balance: BalanceResults
  public var energy: EnergyResults
  public var co2: CO2Results
  public var water: WaterResults
  public var wasteCost: WasteCostResults
  public var indicators: IndicatorResults
  public var policy: PolicyResults
  public var economics: EconomicsResults
  public var dataQuality: DataQualityResults
  /// Every incomplete figure, sorted by path.
  public var issues: [ResultIssue]
  /// The opportunity layer, set by `Engine.compute(_:factors:rules:)` (absent from the JSON otherwise):
  /// each opportunity with economics, scores and screening; the knowledge base's proposals; the summary.
  public var opportunities: [OpportunityResult]?
  public var proposals: [Proposal]?
  public var opportunitySummary: OpportunitySummary?

  /// Explanation recipes by figure (not part of the JSON; built on demand by `explain(path:)`).
  var book = ExplainBook()
  var names: [String: [NamedRow]] { book.names }

  enum CodingKeys: String, CodingKey {
    case schemaVersion, assessmentId, complete, balance, energy, co2, water, wasteCost, indicators, policy, economics
    case dataQuality, issues, opportunities, proposals, opportunitySummary
  }

  /// Every explainable figure path, sorted.
  public var figurePaths: [String] { Array(Set(book.entries.lazy.map(\.figure.path))).sorted() }

  /// Every explainable figure's factors: for each path (once, in the order of its last registration; not sorted, as
  /// sorting the few thousand paths cost more than the rest) what `explainFactors(path:)` gives, read in one pass over
  /// the book (an export lists the factors of every figure).
  public var allFigureFactors: [(path: String, factors: [ExplainFactor])] {
    let entries = book.entries
    return book.index.get(entries).values.sorted().map { (entries[$0].figure.path, entries[$0].recipe.factors()) }
  }
}
