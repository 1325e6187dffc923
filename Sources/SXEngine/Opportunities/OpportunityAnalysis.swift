import Foundation
import SXCore

/// No-cost / low-cost / investment, by the investment (VND).
public enum CostClass: String, Codable, CaseIterable, Sendable {
  case noCost, lowCost, investment

  /// Up to this investment an option is low-cost (≈ USD 20,000; a design choice, editable in code only).
  public static let lowCostLimitVND = 500_000_000.0

  public static func of(_ investment: Double) -> CostClass {
    investment <= 0 ? .noCost : investment <= lowCostLimitVND ? .lowCost : .investment
  }

  public var label: LocalizedText {
    switch self {
    case .noCost: LocalizedText(vi: "không tốn chi phí", en: "no-cost")
    case .lowCost: LocalizedText(vi: "chi phí thấp (≤ 500 triệu đ)", en: "low-cost (≤ VND 500 M)")
    case .investment: LocalizedText(vi: "cần đầu tư", en: "investment")
    }
  }
}

/// Simple-payback buckets (MEASUR Treasure Hunt): < 1, 1–2, 2–3, > 3 years, or never.
public enum PaybackBucket: String, Codable, CaseIterable, Sendable {
  case under1, from1to2, from2to3, over3, never

  public static func of(_ years: Double?) -> PaybackBucket {
    guard let y = years else { return .never }
    return y < 1 ? .under1 : y < 2 ? .from1to2 : y < 3 ? .from2to3 : .over3
  }

  public var label: LocalizedText {
    switch self {
    case .under1: LocalizedText(vi: "< 1 năm", en: "< 1 yr")
    case .from1to2: LocalizedText(vi: "1–2 năm", en: "1–2 yr")
    case .from2to3: LocalizedText(vi: "2–3 năm", en: "2–3 yr")
    case .over3: LocalizedText(vi: "> 3 năm", en: "> 3 yr")
    case .never: LocalizedText(vi: "không hoàn vốn / chưa rõ", en: "never / unknown")
    }
  }
}

/// One saving of an opportunity measured for the summary: money, TOE, CO2, m³ or kg, and the baseline it draws on.
public struct SavingMeasure: Codable, Hashable, Sendable {
  public var resource: SavedResource
  /// Savings with the same key touch the same stream (see `OpportunitySummary.overlapRule`).
  public var key: String
  /// The physical amount in the baseline's measure (GJ for energy carriers, m³ for water, kg for materials).
  public var physical: Double?
  /// The plant's yearly use of that stream, same measure; nil when there is none to cap against.
  public var baseline: Double?
  public var value: Double?
  public var toe: Double?
  public var co2t: Double?
  public var waterM3: Double?
  public var materialKg: Double?
  /// The unit of each number above, by property name (`physical` and `baseline` depend on the resource).
  public var units: [String: String] = [:]

  /// Units of a saving of `resource`: GJ for energy carriers, m³ for water, kg for materials, VND otherwise (one
  /// dictionary per kind of measure, made once and shared by every saving).
  static func units(for resource: SavedResource) -> [String: String] {
    switch resource {
    case .electricity, .fuel, .steam: energyUnits
    case .water: waterUnits
    case .chemicals, .rawMaterial: materialUnits
    case .wasteDisposal, .other: moneyUnits
    }
  }

  private static let energyUnits = makeUnits(for: .electricity)
  private static let waterUnits = makeUnits(for: .water)
  private static let materialUnits = makeUnits(for: .rawMaterial)
  private static let moneyUnits = makeUnits(for: .other)

  private static func makeUnits(for resource: SavedResource) -> [String: String] {
    let physical: String
    switch resource {
    case .electricity, .fuel, .steam: physical = "GJ/yr"
    case .water: physical = "m3/yr"
    case .chemicals, .rawMaterial: physical = "kg/yr"
    case .wasteDisposal, .other: physical = "VND/yr"
    }
    return [
      "physical": physical, "baseline": physical, "value": "VND/yr", "toe": "TOE/yr", "co2t": "t CO2e/yr", "waterM3": "m3/yr",
      "materialKg": "kg/yr",
    ]
  }
}

/// An opportunity of the assessment as evaluated: economics, CO2, screening, scores and estimated vs actual.
public struct OpportunityResult: Codable, Hashable, Sendable {
  public var id: String
  public var title: String
  public var technique: CPTechnique
  public var tags: [CPTechnique]
  public var status: OpportunityStatus
  public var ruleId: String?
  public var economics: OpportunityEconomics
  /// CO2e avoided by the energy savings, t/yr.
  public var co2Saving: Double?
  public var costClass: CostClass
  public var paybackBucket: PaybackBucket
  /// As recorded; when the record is unscreened, the suggested class (`screeningSuggested`).
  public var screening: ScreeningClass
  public var screeningReason: LocalizedText
  public var screeningSuggested: Bool
  public var technicallyFeasible: Bool
  /// Scores 1–5 by criterion id: as recorded, missing ones derived (listed in `derivedScores`).
  public var scores: [String: Int]
  public var derivedScores: [String]
  /// Σ wᵢ·sᵢ / Σ wᵢ (1–5); nil when technically infeasible (hard gate).
  public var weightedScore: Double?
  public var estimatedCost: Double
  public var actualCost: Double?
  public var estimatedSaving: Double?
  public var actualSaving: Double?
  public var followUpDate: String
  public var measures: [SavingMeasure]
  /// The unit of each plain number above, by property name (the economics carry their own units).
  public var units: [String: String] = OpportunityResult.fieldUnits

  public static let fieldUnits = [
    "co2Saving": "t CO2e/yr", "weightedScore": "score 1–5", "estimatedCost": "VND", "actualCost": "VND", "estimatedSaving": "VND/yr",
    "actualSaving": "VND/yr",
  ]
}

/// Plant baselines the savings are measured against.
struct Baselines {
  var carrierGJ: [String: Double] = [:]
  var waterM3: Double?
  var materialKg: [String: Double] = [:]
  var co2t: Double?

  init(_ c: Context, results r: Results, water: WaterOutcome) {
    for e in r.energy.carriers { if let g = e.gj.value { carrierGJ[e.id] = g } }
    waterM3 = water.supply.value
    for m in c.a.materials { if let k = c.massKg(m.annualQuantity, kind: m.kind, name: m.name).value { materialKg[m.id] = k } }
    co2t = r.co2.total.co2e.value
  }
}

enum OpportunityAnalysis {
  /// Measures each saving of `o` (same pricing as the engine's economics).
  static func measures(_ o: Opportunity, c: Context, water: WaterOutcome, baseline: Baselines) -> [SavingMeasure] {
    let electricity = c.a.energyCarriers.first { $0.fuel == "electricity" }
    return o.savings.map { sv in
      var m = SavingMeasure(resource: sv.resource, key: "\(sv.resource.rawValue):\(sv.carrierId ?? o.wasteStreamId ?? o.id)")
      m.units = SavingMeasure.units(for: sv.resource)
      // Only the numbers are measured: the name goes into the reasons of a missing value, which are not kept here.
      let what = ""
      var carrier = sv.carrierId.flatMap { c.carrierById[$0] }
      if carrier == nil, sv.carrierId.flatMap({ c.materialById[$0] }) == nil, sv.resource == .electricity {
        carrier = electricity ?? {
          var e = EnergyCarrier(id: "electricity")
          e.fuel = "electricity"
          return e
        }()
      }
      m.value = sv.value?.si
      switch sv.resource {
      case .electricity, .fuel, .steam:
        if let k = carrier, sv.quantity != nil {
          let e = c.energy(sv.quantity, carrier: k, price: k.unitPrice, name: what)
          m.key = "energy:\(k.id)"
          m.physical = e.gj.value
          m.baseline = baseline.carrierGJ[k.id]
          m.toe = e.toe.value
          m.co2t = e.co2eKg(gwpCH4: c.f.gwpCH4, gwpN2O: c.f.gwpN2O).value.map { $0 / 1000 }
          if m.value == nil { m.value = e.cost.value }
        }
      case .water:
        let v = c.waterM3(sv.quantity, name: what).value
        m.key = "water"
        m.physical = v
        m.baseline = baseline.waterM3
        m.waterM3 = v
        if m.value == nil, let v, let p = water.valuePerM3.value { m.value = v * p }
      case .chemicals, .rawMaterial:
        let kg = c.massKg(sv.quantity, kind: .rawMaterial, name: what).value
        m.physical = kg
        m.materialKg = kg
        if let id = sv.carrierId, let mat = c.materialById[id] {
          m.key = "material:\(id)"
          m.baseline = baseline.materialKg[id]
          if m.value == nil { m.value = c.cost(sv.quantity, mat.unitPrice, name: what).value }
        }
      case .wasteDisposal, .other:
        m.physical = m.value
      }
      return m
    }
  }

  static func technicalScore(_ effort: Int?) -> Int {
    guard let e = effort else { return 3 }
    return e <= 2 ? 5 : e <= 4 ? 4 : e <= 6 ? 3 : e <= 8 ? 2 : 1
  }

  static func economicScore(_ payback: Double?) -> Int {
    guard let p = payback else { return 1 }
    return p < 1 ? 5 : p < 2 ? 4 : p < 3 ? 3 : p < 5 ? 2 : 1
  }

  static func environmentalScore(_ ms: [SavingMeasure], baseline: Baselines) -> Int {
    var share = 0.0
    let co2 = ms.compactMap(\.co2t).reduce(0, +)
    if let b = baseline.co2t, b > 0 { share = max(share, co2 / b) }
    let w = ms.compactMap(\.waterM3).reduce(0, +)
    if let b = baseline.waterM3, b > 0 { share = max(share, w / b) }
    for m in ms where m.materialKg != nil { if let b = m.baseline, b > 0, let p = m.physical { share = max(share, p / b * 0.1) } }
    if ms.contains(where: { $0.resource == .wasteDisposal }) { share = max(share, 0.005) }
    return share >= 0.05 ? 5 : share >= 0.02 ? 4 : share >= 0.005 ? 3 : share > 0 ? 2 : 1
  }

  /// Suggested screening: technically infeasible ⇒ rejected (hard gate); no net saving or payback beyond the
  /// lifetime ⇒ rejected; payback < 1 yr and not a major investment ⇒ implement now; otherwise study further
  /// (and rejected when the NPV at the assessment's rate is negative).
  static func screen(_ o: Opportunity, _ e: OpportunityEconomics, costClass: CostClass) -> (ScreeningClass, LocalizedText) {
    let t = { (vi: String, en: String) in LocalizedText(vi: vi, en: en) }
    if !o.technicallyFeasible { return (.rejected, t("không khả thi về kỹ thuật (điều kiện loại trực tiếp)", "technically infeasible (hard gate)")) }
    guard let net = e.annualNetSaving.value, net > 0, let pb = e.simplePayback.value else {
      return (.rejected, t("không có tiết kiệm ròng, không hoàn vốn", "no net saving; never pays back"))
    }
    if let life = o.lifetimeYears, pb > life { return (.rejected, t("hoàn vốn dài hơn tuổi thọ", "payback longer than the lifetime")) }
    let n = NumberFormat.format(pb, .vi, maxFractionDigits: 1)
    let ne = NumberFormat.format(pb, .en, maxFractionDigits: 1)
    if pb < 1, costClass != .investment {
      return (.implementNow, t("hoàn vốn \(n) năm, \(costClass.label.vi)", "payback \(ne) yr, \(costClass.label.en)"))
    }
    if let npv = e.npv.value, npv < 0 { return (.rejected, t("NPV âm ở suất chiết khấu của đánh giá", "negative NPV at the assessment's discount rate")) }
    return (.studyFurther, t("hoàn vốn \(n) năm; cần chào giá, thiết kế chi tiết", "payback \(ne) yr; needs quotes and detailed design"))
  }

  /// Evaluates one opportunity: screening, scores, weighted score, CO2, buckets, estimated vs actual.
  static func assess(
    _ o: Opportunity, economics e: OpportunityEconomics, c: Context, water: WaterOutcome, baseline: Baselines,
    criteria: [FeasibilityCriterion]
  ) -> OpportunityResult {
    let ms = measures(o, c: c, water: water, baseline: baseline)
    let co2 = ms.compactMap(\.co2t)
    let inv = e.investment.value ?? o.investment.totalVND
    let cls = CostClass.of(inv)
    let suggested = screen(o, e, costClass: cls)
    let recorded = o.screening != .unscreened
    var scores = o.scores
    var derived: [String] = []
    for k in criteria where scores[k.id] == nil {
      switch k.group {
      case .technical: scores[k.id] = technicalScore(o.effort)
      case .economic: scores[k.id] = economicScore(e.simplePayback.value)
      case .environmental: scores[k.id] = environmentalScore(ms, baseline: baseline)
      }
      derived.append(k.id)
    }
    var wsum = 0.0
    var total = 0.0
    for k in criteria where k.weight > 0 {
      guard let s = scores[k.id] else { continue }
      wsum += k.weight
      total += k.weight * Double(min(5, max(1, s)))
    }
    return OpportunityResult(
      id: o.id, title: o.title.isEmpty ? o.id : o.title, technique: o.technique, tags: o.tags, status: o.status, ruleId: o.ruleId,
      economics: e, co2Saving: co2.isEmpty ? nil : co2.reduce(0, +), costClass: cls, paybackBucket: PaybackBucket.of(e.simplePayback.value),
      screening: recorded ? o.screening : suggested.0,
      screeningReason: recorded
        ? (o.screeningReason.isEmpty ? o.screening.label : LocalizedText(vi: o.screeningReason, en: o.screeningReason))
        : suggested.1,
      screeningSuggested: !recorded, technicallyFeasible: o.technicallyFeasible, scores: scores, derivedScores: derived,
      weightedScore: o.technicallyFeasible && wsum > 0 ? total / wsum : nil, estimatedCost: inv, actualCost: o.actualCost?.si,
      estimatedSaving: e.annualSaving.value, actualSaving: o.actualSavings?.si, followUpDate: o.followUpDate, measures: ms)
  }
}
