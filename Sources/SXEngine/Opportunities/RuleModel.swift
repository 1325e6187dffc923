import Foundation
import SXCore

/// The area of the plant a knowledge-base rule belongs to (for listings and coverage counts).
public enum RuleArea: String, Codable, CaseIterable, Sendable {
  case wetProcessing, boilerSteam, condensate, insulation, compressedAir, motorsDrives, lighting, water
  case materialsChemicals, solidWaste, dataQuality

  public var label: LocalizedText {
    switch self {
    case .wetProcessing: LocalizedText(vi: "xử lý ướt (nhuộm – hoàn tất)", en: "wet processing (dyeing–finishing)")
    case .boilerSteam: LocalizedText(vi: "lò hơi và hơi", en: "boilers and steam")
    case .condensate: LocalizedText(vi: "nước ngưng", en: "condensate")
    case .insulation: LocalizedText(vi: "bảo ôn", en: "insulation")
    case .compressedAir: LocalizedText(vi: "khí nén", en: "compressed air")
    case .motorsDrives: LocalizedText(vi: "động cơ và truyền động", en: "motors and drives")
    case .lighting: LocalizedText(vi: "chiếu sáng", en: "lighting")
    case .water: LocalizedText(vi: "nước", en: "water")
    case .materialsChemicals: LocalizedText(vi: "nguyên liệu và hóa chất", en: "materials and chemicals")
    case .solidWaste: LocalizedText(vi: "chất thải rắn", en: "solid waste")
    case .dataQuality: LocalizedText(vi: "chất lượng số liệu", en: "data quality")
    }
  }
}

/// A calculator run that backs a rule's estimate: inputs are expressions in the calculator input's own unit; the
/// outputs (SI) are then available to the savings as `calc.<output>`.
public struct RuleCalculator: Hashable, Sendable {
  public var id: String
  /// Input name → expression, in the unit the calculator lists for that input.
  public var inputs: [String: RuleExpr]

  public init(id: String, inputs: [String: RuleExpr]) {
    self.id = id
    self.inputs = inputs
  }
}

/// One resource a rule saves: a physical amount per year (an expression in `unit`) and how to price it.
public struct RuleSaving: Hashable, Sendable {
  public var resource: SavedResource
  /// Physical amount saved per year, in `unit`.
  public var amount: RuleExpr
  /// A unit symbol of the assessment's unit system (`m³`, `kWh`, `GJ`, `kg`, `t`).
  public var unit: String
  /// Selector over the energy carriers (the largest match by energy is used), e.g. `fuel!=electricity`.
  public var carrier: String?
  /// Selector over the materials (the largest match by cost is used), e.g. `name~muối|salt`.
  public var material: String?
  /// Money value per year (VND), when the amount cannot be priced from the assessment (e.g. avoided disposal).
  public var value: RuleExpr?

  public init(
    resource: SavedResource, amount: RuleExpr, unit: String, carrier: String? = nil, material: String? = nil, value: RuleExpr? = nil
  ) {
    self.resource = resource
    self.amount = amount
    self.unit = unit
    self.carrier = carrier
    self.material = material
    self.value = value
  }
}

/// Example figures of a rule: one case that must fire it and one that must not (checked on load and by tests).
public struct RuleExamples: Hashable, Sendable {
  /// Figure reference text → value.
  public var fires: [String: Double]
  public var quiet: [String: Double]

  public init(fires: [String: Double], quiet: [String: Double]) {
    self.fires = fires
    self.quiet = quiet
  }
}

/// A knowledge-base rule (read from `Worksheets/rules/*.yaml`): when its condition on the computed figures holds it
/// proposes a CP opportunity with estimated savings and a typical investment range.
public struct OpportunityRule: Hashable, Sendable, Identifiable {
  public var id: String
  public var area: RuleArea
  public var technique: CPTechnique
  /// Extra technique tags (energy efficiency, end of pipe, …).
  public var tags: [CPTechnique]
  public var title: LocalizedText
  public var rationale: LocalizedText
  /// The condition on the computed figures.
  public var when: RuleExpr
  /// Extra figures shown in the explanation besides those of the condition.
  public var show: [FigureRef]
  /// Named numbers used by the expressions as `p.<name>`.
  public var params: [String: Double]
  public var calculator: RuleCalculator?
  public var savings: [RuleSaving]
  /// Typical investment range, VND (expressions).
  public var investmentLow: RuleExpr
  public var investmentHigh: RuleExpr
  /// Added yearly operating and maintenance cost, VND/yr.
  public var addedOM: RuleExpr?
  public var lifetimeYears: Double
  /// Effort 1 (trivial) … 10 (major project).
  public var effort: Int
  /// Selector over the process steps / waste streams the opportunity belongs to.
  public var step: String?
  public var stream: String?
  /// Where the numbers come from.
  public var source: String
  public var examples: RuleExamples
  /// File and line it was read from (for messages), e.g. `rules/boilers.yaml:12`.
  public var origin: String

  public init(
    id: String, area: RuleArea, technique: CPTechnique, tags: [CPTechnique] = [], title: LocalizedText, rationale: LocalizedText,
    when: RuleExpr, show: [FigureRef] = [], params: [String: Double] = [:], calculator: RuleCalculator? = nil,
    savings: [RuleSaving], investmentLow: RuleExpr, investmentHigh: RuleExpr, addedOM: RuleExpr? = nil, lifetimeYears: Double,
    effort: Int, step: String? = nil, stream: String? = nil, source: String, examples: RuleExamples, origin: String = ""
  ) {
    self.id = id
    self.area = area
    self.technique = technique
    self.tags = tags
    self.title = title
    self.rationale = rationale
    self.when = when
    self.show = show
    self.params = params
    self.calculator = calculator
    self.savings = savings
    self.investmentLow = investmentLow
    self.investmentHigh = investmentHigh
    self.addedOM = addedOM
    self.lifetimeYears = lifetimeYears
    self.effort = effort
    self.step = step
    self.stream = stream
    self.source = source
    self.examples = examples
    self.origin = origin
  }

  /// Every expression of the rule (condition, calculator inputs, savings, investment, O&M).
  public var expressions: [RuleExpr] {
    var out = [when, investmentLow, investmentHigh]
    if let c = calculator { out += c.inputs.keys.sorted().compactMap { c.inputs[$0] } }
    for s in savings {
      out.append(s.amount)
      if let v = s.value { out.append(v) }
    }
    if let o = addedOM { out.append(o) }
    return out
  }
}

/// One figure that triggered (or is shown with) a proposal.
public struct TriggerFigure: Codable, Hashable, Sendable {
  /// The reference as written in the rule.
  public var name: String
  public var label: LocalizedText
  public var value: Double?
  public var unit: String

  public init(name: String, label: LocalizedText, value: Double?, unit: String) {
    self.name = name
    self.label = label
    self.value = value
    self.unit = unit
  }
}

/// One comparison of the condition as evaluated: `left op right` with both sides' values.
public struct TriggerComparison: Codable, Hashable, Sendable {
  public var left: String
  public var leftValue: Double?
  public var op: String
  public var right: String
  public var rightValue: Double?
  public var holds: Bool
}

/// Why a rule's numbers could not be computed (a bilingual message).
public struct RuleFailure: Error, Hashable, Sendable {
  public var message: LocalizedText
  public init(_ message: LocalizedText) { self.message = message }
  public init(vi: String, en: String) { message = LocalizedText(vi: vi, en: en) }
  public var vi: String { message.vi }
  public var en: String { message.en }
}
