import Foundation

/// Who entered a value, when, and on which device. Kept per field of every record.
public struct Provenance: Codable, Hashable, Sendable {
  public var by: String
  /// ISO 8601 timestamp (UTC).
  public var at: String
  public var device: String

  public init(by: String, at: String, device: String) {
    self.by = by
    self.at = at
    self.device = device
  }
}

/// A price per unit: `amount` of money (in any currency with a stored rate) per one `perUnit`.
public struct UnitPrice: Codable, Hashable, Sendable {
  public var amount: Quantity
  public var perUnit: String

  public init(amount: Quantity, perUnit: String) {
    self.amount = amount
    self.perUnit = perUnit
  }

  /// VND per SI unit of the priced dimension (e.g. VND per kg, VND per J).
  public func vndPerSI(_ units: UnitSystem) throws -> Double {
    let perSI = try units.toSI(1, unit: perUnit)
    guard perSI != 0 else { throw UnitError.unknownUnit(perUnit) }
    return amount.si / perSI
  }
}

/// W0: the plant profile.
public struct PlantProfile: Codable, Hashable, Sendable {
  public var name: String = ""
  public var address: String = ""
  public var province: String = ""
  public var sector: String = ""
  public var products: String = ""
  public var markets: String = ""
  public var employees: Int?
  public var shifts: Int?
  public var operatingHours: Quantity?
  public var annualOutput: Quantity?
  public var turnover: Quantity?
  public var labourCost: Quantity?
  public var previousProgrammes: String = ""
  public var contact: String = ""

  public init() {}
}

/// The period the assessment data covers.
public struct AssessmentPeriod: Codable, Hashable, Sendable {
  /// ISO dates, e.g. "2025-01-01".
  public var start: String = ""
  public var end: String = ""

  public init(start: String = "", end: String = "") {
    self.start = start
    self.end = end
  }
}

/// A feasibility criterion and its weight (weights are normalised when scoring).
public struct FeasibilityCriterion: Codable, Hashable, Sendable {
  public enum Group: String, Codable, CaseIterable, Sendable { case technical, economic, environmental }
  public var id: String
  public var group: Group
  public var name: LocalizedText
  public var weight: Double

  public init(id: String, group: Group, name: LocalizedText, weight: Double) {
    self.id = id
    self.group = group
    self.name = name
    self.weight = weight
  }

  public static let defaults: [FeasibilityCriterion] = [
    FeasibilityCriterion(id: "economic", group: .economic, name: LocalizedText(vi: "Kinh tế", en: "Economic"), weight: 0.4),
    FeasibilityCriterion(id: "technical", group: .technical, name: LocalizedText(vi: "Kỹ thuật", en: "Technical"), weight: 0.3),
    FeasibilityCriterion(
      id: "environmental", group: .environmental, name: LocalizedText(vi: "Môi trường", en: "Environmental"), weight: 0.3),
  ]
}

/// Per-assessment settings: currency rates, local units, factors chosen, thresholds.
public struct AssessmentSettings: Codable, Hashable, Sendable {
  public var currencyRates: [CurrencyRate] = []
  public var localUnits: [LocalUnit] = []
  /// The year of the Vietnamese grid emission factor used for electricity CO2.
  public var gridFactorYear: Int = 2023
  /// A step whose |imbalance| / inputs exceeds this fraction is flagged.
  public var imbalanceThreshold: Double = 0.05
  /// Discount rate for NPV (fraction per year).
  public var discountRate: Double = 0.10
  public var criteria: [FeasibilityCriterion] = FeasibilityCriterion.defaults
  /// The benchmark set (by sector) used for indicators.
  public var benchmarkSector: String = "textile"
  /// Yearly system cost (labour, depreciation, overhead) for MFCA, allocated to steps by mass share when not set per step.
  public var systemCost: Quantity?
  /// Wastewater charge per m³ (environmental protection fee and treatment).
  public var wastewaterCharge: UnitPrice?

  public init() {}

  /// The unit system of this assessment (built-ins + local units + currency rates).
  public func unitSystem() throws -> UnitSystem {
    try ExtendedUnitSystems.shared.system(localUnits: localUnits, rates: currencyRates)
  }
}

/// The single header record of an assessment.
public struct AssessmentHeader: Codable, Hashable, Sendable {
  public var id: String
  public var title: String = ""
  public var profile = PlantProfile()
  public var period = AssessmentPeriod()
  public var settings = AssessmentSettings()
  public var status: AssessmentStatus = .draft
  /// True for the built-in sample assessment.
  public var isSample = false
  /// Ids of knowledge-base rules the consultant dismissed; they are not proposed again.
  public var dismissedRules: [String] = []
  public var createdAt: String = ""
  public var updatedAt: String = ""
  public var provenance: [String: Provenance] = [:]

  public init(id: String) { self.id = id }
}

/// W1: a member of the CP team.
public struct TeamMember: Codable, Hashable, Sendable, Identifiable {
  public var id: String
  public var name: String = ""
  public var role: String = ""
  public var position: String = ""
  public var department: String = ""
  public var justification: String = ""
  public var contact: String = ""
  public var provenance: [String: Provenance] = [:]
  public init(id: String) { self.id = id }
}

/// W2: a main product.
public struct Product: Codable, Hashable, Sendable, Identifiable {
  public var id: String
  public var name: String = ""
  public var annualQuantity: Quantity?
  /// The product whose quantity is the denominator of specific-consumption indicators.
  public var isReference = false
  public var note: String = ""
  public var provenance: [String: Provenance] = [:]
  public init(id: String) { self.id = id }
}

/// W3: a material, chemical or packaging item at plant level.
public struct Material: Codable, Hashable, Sendable, Identifiable {
  public var id: String
  public var name: String = ""
  public var kind: FlowKind = .rawMaterial
  public var annualQuantity: Quantity?
  public var unitPrice: UnitPrice?
  public var use: String = ""
  /// Fraction of the material that ends up in the product (0…1).
  public var intoProductShare: Double?
  public var hazard: String = ""
  public var dataSource: DataSource = .records
  public var provenance: [String: Provenance] = [:]
  public init(id: String) { self.id = id }
}

/// W4: an energy carrier bought or produced on site.
public struct EnergyCarrier: Codable, Hashable, Sendable, Identifiable {
  public var id: String
  public var name: String = ""
  /// The fuel code in the reference tables (e.g. `electricity`, `diesel`, `coal_anthracite`, `wood`).
  public var fuel: String = "electricity"
  public var annualQuantity: Quantity?
  public var unitPrice: UnitPrice?
  /// A net calorific value from the plant's own fuel analysis, overriding the default (energy per mass or per volume).
  public var ncvOverride: UnitPrice?
  public var use: String = ""
  public var dataSource: DataSource = .records
  public var provenance: [String: Provenance] = [:]
  public init(id: String) { self.id = id }
}

/// W5: a line of the water balance.
public struct WaterItem: Codable, Hashable, Sendable, Identifiable {
  public var id: String
  public var role: WaterRole = .source
  public var name: String = ""
  public var stepId: String?
  public var annualQuantity: Quantity?
  public var unitPrice: UnitPrice?
  public var pollutants: String = ""
  public var dataSource: DataSource = .records
  public var provenance: [String: Provenance] = [:]
  public init(id: String) { self.id = id }
}

/// W6: a process step (unit operation), in the order of the flow chart.
public struct ProcessStep: Codable, Hashable, Sendable, Identifiable {
  public var id: String
  public var name: String = ""
  public var description: String = ""
  /// Increase of stock inside the step over the period (mass); subtracted in the balance.
  public var stockChange: Quantity?
  /// Yearly system cost of the step (labour, depreciation, overhead) for MFCA.
  public var systemCost: Quantity?
  public var provenance: [String: Provenance] = [:]
  public init(id: String) { self.id = id }
}

/// W7: one input or output of a process step.
public struct Flow: Codable, Hashable, Sendable, Identifiable {
  public var id: String
  public var stepId: String
  public var direction: FlowDirection = .input
  public var kind: FlowKind = .rawMaterial
  public var name: String = ""
  public var quantity: Quantity?
  public var unitPrice: UnitPrice?
  public var dataSource: DataSource = .measured
  public var note: String = ""
  /// For energy flows: the energy carrier (W4) it draws on.
  public var carrierId: String?
  /// For material flows: the plant-level material (W3).
  public var materialId: String?
  public var provenance: [String: Provenance] = [:]
  public init(id: String, stepId: String) {
    self.id = id
    self.stepId = stepId
  }
}

/// W8: a waste stream, characterised and costed, with its causes.
public struct WasteStream: Codable, Hashable, Sendable, Identifiable {
  public var id: String
  public var name: String = ""
  public var sourceStepId: String?
  /// The output flow this stream is (optional; its quantity is then taken from the flow).
  public var flowId: String?
  public var kind: FlowKind = .solidWaste
  public var quantity: Quantity?
  public var composition: String = ""
  public var destination: String = ""
  /// Yearly disposal/treatment cost (fees, transport, treatment).
  public var disposalCost: Quantity?
  /// Value of the material lost, per unit (defaults to the step's input prices when empty).
  public var materialValue: UnitPrice?
  public var causes: [String] = []
  public var dataSource: DataSource = .estimate
  public var provenance: [String: Provenance] = [:]
  public init(id: String) { self.id = id }
}

/// W9: focus-selection scores for a step or a stream (1–5 each).
public struct FocusItem: Codable, Hashable, Sendable, Identifiable {
  public var id: String
  /// A process step id or a waste stream id.
  public var targetId: String
  public var costScore: Int?
  public var environmentScore: Int?
  public var safetyScore: Int?
  public var regulationScore: Int?
  public var selected = false
  public var note: String = ""
  public var provenance: [String: Provenance] = [:]
  public init(id: String, targetId: String) {
    self.id = id
    self.targetId = targetId
  }
}

/// The investment of an opportunity, split by kind.
public struct InvestmentSplit: Codable, Hashable, Sendable {
  public var equipment: Quantity?
  public var installation: Quantity?
  public var engineering: Quantity?
  public var other: Quantity?
  public init() {}
  /// Total in VND.
  public var totalVND: Double { [equipment, installation, engineering, other].compactMap { $0?.si }.reduce(0, +) }
}

/// A saving of one resource: the physical amount per year and its value.
public struct ResourceSaving: Codable, Hashable, Sendable {
  public var resource: SavedResource
  /// Physical amount saved per year.
  public var quantity: Quantity?
  /// The energy carrier or material this saving draws on (for price, TOE and CO2).
  public var carrierId: String?
  /// Value per year; when empty the engine prices `quantity`.
  public var value: Quantity?
  public init(resource: SavedResource) { self.resource = resource }
}

/// W10/W11: a CP opportunity, from idea to implementation.
public struct Opportunity: Codable, Hashable, Sendable, Identifiable {
  public var id: String
  public var title: String = ""
  public var stepId: String?
  public var wasteStreamId: String?
  public var cause: String = ""
  public var technique: CPTechnique = .goodHousekeeping
  public var tags: [CPTechnique] = []
  public var originator: String = ""
  public var date: String = ""
  public var owner: String = ""
  public var team: String = ""
  /// Effort 1 (trivial) … 10 (major project).
  public var effort: Int?
  public var investment = InvestmentSplit()
  /// Added yearly operating and maintenance cost.
  public var addedOM: Quantity?
  public var lifetimeYears: Double?
  public var savings: [ResourceSaving] = []
  public var screening: ScreeningClass = .unscreened
  public var screeningReason: String = ""
  /// Scores 1–5 by criterion id.
  public var scores: [String: Int] = [:]
  public var technicallyFeasible = true
  public var status: OpportunityStatus = .notImplemented
  public var actualCost: Quantity?
  public var actualSavings: Quantity?
  public var followUpDate: String = ""
  /// The knowledge-base rule that proposed it, if any.
  public var ruleId: String?
  /// Why it was proposed (triggering figures), as written when accepted.
  public var explanation: String = ""
  /// A calculator run backing the saving estimate: calculator id and its inputs as typed.
  public var calculatorId: String?
  public var calculatorInputs: [String: String] = [:]
  public var note: String = ""
  public var provenance: [String: Provenance] = [:]
  public init(id: String) { self.id = id }
}

/// W12: an action in the implementation plan.
public struct ActionItem: Codable, Hashable, Sendable, Identifiable {
  public var id: String
  public var opportunityId: String?
  public var what: String = ""
  public var who: String = ""
  public var start: String = ""
  public var due: String = ""
  public var budget: Quantity?
  public var kpi: String = ""
  public var done = false
  public var provenance: [String: Provenance] = [:]
  public init(id: String) { self.id = id }
}

/// W13: an indicator the plant tracks, with baseline and target.
public struct IndicatorTarget: Codable, Hashable, Sendable, Identifiable {
  public var id: String
  /// Engine indicator key, e.g. `water_per_product`, or free text for a custom indicator.
  public var key: String
  public var name: String = ""
  public var unit: String = ""
  public var baseline: Double?
  public var target: Double?
  public var note: String = ""
  public var provenance: [String: Provenance] = [:]
  public init(id: String, key: String) {
    self.id = id
    self.key = key
  }
}

/// A figure of the plant's own earlier period, for comparison (e.g. the 2023 water use per tonne).
public struct EarlierPeriodValue: Codable, Hashable, Sendable, Identifiable {
  public var id: String
  public var period: String = ""
  public var key: String = ""
  public var value: Double?
  public var unit: String = ""
  public var source: String = ""
  public var provenance: [String: Provenance] = [:]
  public init(id: String) { self.id = id }
}
