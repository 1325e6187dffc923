import Foundation
import SXCore

/// Totals of a group of opportunities (savings after the overlap rule).
public struct SummaryBucket: Codable, Hashable, Sendable {
  public var key: String
  public var label: LocalizedText
  public var count: Int
  public var investment: Double
  public var annualSaving: Double
  /// Annual saving − added O&M, VND/yr.
  public var annualNetSaving: Double
  public var toe: Double
  public var waterM3: Double
  public var materialKg: Double
  public var co2t: Double
  /// The unit of each number above, by property name.
  public var units: [String: String] = SummaryBucket.fieldUnits

  public static let fieldUnits = [
    "count": "1", "investment": "VND", "annualSaving": "VND/yr", "annualNetSaving": "VND/yr", "toe": "TOE/yr", "waterM3": "m3/yr",
    "materialKg": "kg/yr", "co2t": "t CO2e/yr",
  ]

  init(key: String, label: LocalizedText) {
    self.key = key
    self.label = label
    count = 0
    investment = 0
    annualSaving = 0
    annualNetSaving = 0
    toe = 0
    waterM3 = 0
    materialKg = 0
    co2t = 0
  }
}

/// A policy band (e.g. 8–13 % per unit product) and whether the planned saving reaches it.
public struct PolicyBandCheck: Codable, Hashable, Sendable {
  public var id: String
  public var name: LocalizedText
  public var lowPercent: Double
  public var highPercent: Double
  public var meetsLow: Bool
  public var meetsHigh: Bool
}

/// Planned savings of one resource against the plant baseline, per unit product.
public struct BaselineSaving: Codable, Hashable, Sendable {
  /// `energy` (TOE), `water` (m³) or `materials` (kg).
  public var resource: String
  public var unit: String
  public var baseline: Double?
  public var saved: Double
  public var percent: Double?
  public var perUnitBefore: Double?
  public var perUnitAfter: Double?
  public var bands: [PolicyBandCheck]
}

/// One point of the marginal abatement cost curve: cost per t CO2e (negative = saves money) and its CO2 width.
public struct MACCPoint: Codable, Hashable, Sendable {
  public var id: String
  public var title: String
  /// CO2e avoided, t/yr.
  public var co2t: Double
  /// − annualised saving / CO2e avoided, VND per t CO2e.
  public var costPerTCO2: Double
  public var cumulativeFrom: Double
  public var cumulativeTo: Double
  /// The unit of each number above, by property name.
  public var units: [String: String] = MACCPoint.fieldUnits

  public static let fieldUnits = ["co2t": "t CO2e/yr", "costPerTCO2": "VND/t CO2e", "cumulativeFrom": "t CO2e/yr", "cumulativeTo": "t CO2e/yr"]
}

/// Totals by technique, status, payback bucket and cost class; savings against the baseline; the MACC.
public struct OpportunitySummary: Codable, Hashable, Sendable {
  /// How overlapping savings are counted once.
  public static let overlapRule = LocalizedText(
    vi: "Các khoản tiết kiệm trên cùng một dòng (cùng dạng năng lượng, cùng nguyên liệu, hoặc nước cấp) được kết hợp "
      + "theo tích: tổng = B × (1 − Π(1 − sᵢ/B)), B là mức dùng năm của dòng đó; mỗi giải pháp được tính theo tỷ lệ "
      + "phần của nó. Không có B thì cộng thẳng. Kinh tế từng giải pháp (hoàn vốn, NPV, IRR) vẫn tính riêng.",
    en: "Savings on the same stream (same energy carrier, same material, or the water supply) combine multiplicatively: "
      + "total = B × (1 − Π(1 − sᵢ/B)), B being the plant's yearly use of that stream; each opportunity keeps its "
      + "proportional share. Without a B they are added. Each opportunity's own economics (payback, NPV, IRR) stand alone.")

  public var overlapRule: LocalizedText
  public var count: Int
  /// Opportunities counted in the totals: technically feasible, not rejected, not K.
  public var counted: Int
  public var total: SummaryBucket
  public var byTechnique: [SummaryBucket]
  public var byStatus: [SummaryBucket]
  public var byPayback: [SummaryBucket]
  public var byCostClass: [SummaryBucket]
  public var baselines: [BaselineSaving]
  /// Sorted by cost per t CO2e, cheapest first.
  public var macc: [MACCPoint]

  /// Summarises evaluated opportunities against the results' baselines and policy targets.
  public static func of(_ items: [OpportunityResult], results r: Results) -> OpportunitySummary {
    let counted = items.filter { $0.technicallyFeasible && $0.screening != .rejected && $0.status != .rejected }
    // Overlap: factor per stream key = B(1 − Π(1 − sᵢ/B)) / Σ sᵢ.
    var groups: [String: (sum: Double, keep: Double, baseline: Double?)] = [:]
    for o in counted {
      for m in o.measures {
        guard let p = m.physical, p > 0 else { continue }
        var g = groups[m.key] ?? (0, 1, m.baseline)
        g.sum += p
        if let b = m.baseline, b > 0 { g.keep *= max(0, 1 - p / b) }
        groups[m.key] = g
      }
    }
    var factor: [String: Double] = [:]
    for (k, g) in groups {
      if let b = g.baseline, b > 0, g.sum > 0 { factor[k] = min(1, b * (1 - g.keep) / g.sum) } else { factor[k] = 1 }
    }
    var total = SummaryBucket(key: "total", label: LocalizedText(vi: "Tổng", en: "Total"))
    var tech: [CPTechnique: SummaryBucket] = [:]
    var status: [OpportunityStatus: SummaryBucket] = [:]
    var payback: [PaybackBucket: SummaryBucket] = [:]
    var cost: [CostClass: SummaryBucket] = [:]
    for o in counted {
      var b = SummaryBucket(key: o.id, label: LocalizedText(vi: o.title, en: o.title))
      b.count = 1
      b.investment = o.estimatedCost
      for m in o.measures {
        let f = factor[m.key] ?? 1
        b.annualSaving += (m.value ?? 0) * f
        b.toe += (m.toe ?? 0) * f
        b.waterM3 += (m.waterM3 ?? 0) * f
        b.materialKg += (m.materialKg ?? 0) * f
        b.co2t += (m.co2t ?? 0) * f
      }
      b.annualNetSaving = b.annualSaving - (o.economics.addedOM.value ?? 0)
      add(&total, b)
      add(&tech[o.technique, default: SummaryBucket(key: o.technique.rawValue, label: o.technique.label)], b)
      add(&status[o.status, default: SummaryBucket(key: o.status.rawValue, label: o.status.label)], b)
      add(&payback[o.paybackBucket, default: SummaryBucket(key: o.paybackBucket.rawValue, label: o.paybackBucket.label)], b)
      add(&cost[o.costClass, default: SummaryBucket(key: o.costClass.rawValue, label: o.costClass.label)], b)
    }
    func all<K: CaseIterable & Hashable>(_ d: [K: SummaryBucket], _ k: K.AllCases, _ make: (K) -> SummaryBucket) -> [SummaryBucket] {
      k.map { d[$0] ?? make($0) }
    }
    let production = r.indicators.production.value
    let baselines: [BaselineSaving] = r.policy.baselines.map { pb in
      let (saved, unit): (Double, String) =
        switch pb.resource {
        case "energy": (total.toe, "TOE")
        case "water": (total.waterM3, "m³")
        default: (total.materialKg, "kg")
        }
      let base = pb.baseline.value
      let pct = base.flatMap { $0 > 0 ? saved / $0 * 100 : nil }
      let bands = r.policy.targets.map { t in
        PolicyBandCheck(id: t.id, name: t.name, lowPercent: t.lowPercent, highPercent: t.highPercent,
          meetsLow: (pct ?? -1) >= t.lowPercent, meetsHigh: (pct ?? -1) >= t.highPercent)
      }
      let perBefore = base.flatMap { b in production.flatMap { $0 > 0 ? b / $0 : nil } }
      let perAfter = base.flatMap { b in production.flatMap { $0 > 0 ? (b - saved) / $0 : nil } }
      return BaselineSaving(resource: pb.resource, unit: unit, baseline: base, saved: saved, percent: pct, perUnitBefore: perBefore,
        perUnitAfter: perAfter, bands: bands)
    }
    var points: [MACCPoint] = []
    for o in counted {
      guard let co2 = o.co2Saving, co2 > 0, let ann = o.economics.annualisedSaving.value else { continue }
      points.append(MACCPoint(id: o.id, title: o.title, co2t: co2, costPerTCO2: -ann / co2, cumulativeFrom: 0, cumulativeTo: 0))
    }
    points.sort { $0.costPerTCO2 != $1.costPerTCO2 ? $0.costPerTCO2 < $1.costPerTCO2 : $0.id < $1.id }
    var cum = 0.0
    for i in points.indices {
      points[i].cumulativeFrom = cum
      cum += points[i].co2t
      points[i].cumulativeTo = cum
    }
    return OpportunitySummary(
      overlapRule: overlapRule, count: items.count, counted: counted.count, total: total,
      byTechnique: CPTechnique.allCases.compactMap { tech[$0] },
      byStatus: all(status, OpportunityStatus.allCases) { SummaryBucket(key: $0.rawValue, label: $0.label) },
      byPayback: all(payback, PaybackBucket.allCases) { SummaryBucket(key: $0.rawValue, label: $0.label) },
      byCostClass: all(cost, CostClass.allCases) { SummaryBucket(key: $0.rawValue, label: $0.label) },
      baselines: baselines, macc: points)
  }

  private static func add(_ into: inout SummaryBucket, _ b: SummaryBucket) {
    into.count += b.count
    into.investment += b.investment
    into.annualSaving += b.annualSaving
    into.annualNetSaving += b.annualNetSaving
    into.toe += b.toe
    into.waterM3 += b.waterM3
    into.materialKg += b.materialKg
    into.co2t += b.co2t
  }
}

extension Engine {
  /// Computes the results and adds the opportunity layer: each opportunity evaluated (`opportunities`), the knowledge
  /// base's proposals (`proposals`, dismissed and accepted rules left out) and the summary (`opportunitySummary`).
  public static func compute(_ a: Assessment, factors: EngineFactors, rules: [OpportunityRule]) -> Results {
    compute(a, factors: factors, rules: rules, proposals: true)
  }

  /// `compute(_:factors:rules:)` with the knowledge base's proposals only when `proposals` is true: running the rules
  /// is about half of the work of a run, and only what shows the proposals needs them (the json document, the TUI,
  /// `sxsh opportunities`; not the tables, workbook or reports of an export). Without them `proposals` is nil and
  /// every other member is the same.
  public static func compute(_ a: Assessment, factors: EngineFactors, rules: [OpportunityRule], proposals: Bool) -> Results {
    // One index of the assessment and one water outcome for the whole run (both are pure functions of the input).
    let c = Context(a, factors)
    let run = compute(c)
    var r = run.results
    let water = run.water
    r.opportunities = evaluateOpportunities(c, results: r, water: water)
    r.opportunitySummary = OpportunitySummary.of(r.opportunities ?? [], results: r)
    if proposals { r.proposals = Derivation.derive(c, results: r, water: water, rules: rules) }
    return r
  }

  /// Every opportunity of the assessment with its economics (from `results.economics`), screening and scores.
  public static func evaluateOpportunities(_ a: Assessment, results r: Results, factors: EngineFactors) -> [OpportunityResult] {
    let c = Context(a, factors)
    var scratch = Ledger()
    let water = WaterArea.compute(c, ledger: &scratch)
    return evaluateOpportunities(c, results: r, water: water)
  }

  static func evaluateOpportunities(_ c: Context, results r: Results, water: WaterOutcome) -> [OpportunityResult] {
    let a = c.a
    let baseline = Baselines(c, results: r, water: water)
    let econ = r.economics.opportunities
    let byId = OpportunityEconomics.firstIndex(econ)
    return a.opportunities.compactMap { o in
      byId[o.id].map { OpportunityAnalysis.assess(o, economics: econ[$0], c: c, water: water, baseline: baseline, criteria: a.header.settings.criteria) }
    }
  }
}

extension OpportunityEconomics {
  /// The index of the first row of each id (what a dictionary of the rows by id, the first kept, holds), without
  /// copying the rows: one is a few dozen figures, copied (and released) twice per opportunity that way.
  static func firstIndex(_ rows: [OpportunityEconomics]) -> [String: Int] {
    var d: [String: Int] = [:]
    d.reserveCapacity(rows.count)
    for k in rows.indices where d[rows[k].id] == nil { d[rows[k].id] = k }
    return d
  }
}
