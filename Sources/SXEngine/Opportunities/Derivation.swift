import Foundation
import SXCore

/// An opportunity proposed by a knowledge-base rule, with why it was proposed and its economics.
public struct Proposal: Codable, Hashable, Sendable {
  public var ruleId: String
  public var area: RuleArea
  public var technique: CPTechnique
  public var tags: [CPTechnique]
  public var title: LocalizedText
  public var rationale: LocalizedText
  /// Why it was proposed: the triggering comparisons with their values, then the rationale and source.
  public var explanation: LocalizedText
  /// The comparisons of the condition that hold (figure against benchmark or threshold).
  public var comparisons: [TriggerComparison]
  /// The figures of the condition (and `show:`), with values and units.
  public var triggers: [TriggerFigure]
  /// Typical investment range, VND; the economics use the middle.
  public var investmentLow: Double
  public var investmentHigh: Double
  public var source: String
  /// The record `sxsh accept` adds (id `kb-<rule id>`).
  public var opportunity: Opportunity
  /// Economics, CO2, suggested screening and scores of the proposal as if accepted.
  public var evaluation: OpportunityResult
  /// The unit of each plain number above, by property name.
  public var units: [String: String] = Proposal.fieldUnits

  public static let fieldUnits = ["investmentLow": "VND", "investmentHigh": "VND"]
}

/// Runs the knowledge base over an assessment.
public enum Derivation {
  /// The id an accepted proposal gets.
  public static func opportunityId(ruleId: String) -> String { "kb-" + ruleId }

  /// Proposals of every rule whose condition holds and whose savings can be estimated. Rules the consultant dismissed
  /// (`header.dismissedRules`) and rules already accepted (an opportunity with that `ruleId`) are left out.
  public static func derive(_ a: Assessment, results: Results, factors: EngineFactors, rules: [OpportunityRule]) -> [Proposal] {
    let c = Context(a, factors)
    var scratch = Ledger()
    let water = WaterArea.compute(c, ledger: &scratch)
    return derive(c, results: results, water: water, rules: rules)
  }

  static func derive(_ c: Context, results: Results, water: WaterOutcome, rules: [OpportunityRule]) -> [Proposal] {
    let a = c.a
    let book = FigureBook(c, results: results, water: water)
    let dismissed = Set(a.header.dismissedRules)
    let accepted = Set(a.opportunities.compactMap(\.ruleId))
    var drafts: [(OpportunityRule, RuleEstimate, [TriggerComparison], [TriggerFigure], Opportunity, LocalizedText)] = []
    drafts.reserveCapacity(rules.count)
    // Boxed once: every rule's environment shares the box (a book is a large value).
    let source: any FigureSource = book
    for rule in rules where !dismissed.contains(rule.id) && !accepted.contains(rule.id) {
      let env = RuleEnvironment(figures: source, params: rule.params)
      guard RuleEvaluator.holds(rule.when, env), case .success(let est) = RuleEvaluator.estimate(rule, env) else { continue }
      let comps = RuleEvaluator.comparisons(rule.when, env).filter(\.holds)
      var figs: [TriggerFigure] = []
      for r in rule.when.refs + rule.show where r.segments[0].name != "p" && r.segments[0].name != "calc" {
        guard !figs.contains(where: { $0.name == r.text }), let l = env.lookup(r) else { continue }
        figs.append(TriggerFigure(name: r.text, label: l.label, value: l.sum, unit: l.unit))
      }
      // Formatted once: the record's text and the proposal's explanation are the same.
      let ex = explanation(rule, comps)
      let o = record(rule, est, comps: comps, explanation: ex, book: book, env: env, c: c)
      drafts.append((rule, est, comps, figs, o, ex))
    }
    guard !drafts.isEmpty else { return [] }
    // Economics through the engine's own opportunity area, on a copy holding the proposals as opportunities. A
    // proposal's figures are not explained (`Results.explain` knows the assessment's own figures only): no recipes.
    let cc = c.replacingOpportunities(drafts.map(\.4))
    var ledger = Ledger()
    let (econ, _) = OpportunityArea.compute(cc, water: water, ledger: &ledger, explain: false)
    let byId = OpportunityEconomics.firstIndex(econ.opportunities)
    let baseline = Baselines(cc, results: results, water: water)
    var proposals: [Proposal] = []
    proposals.reserveCapacity(drafts.count)
    for (rule, est, comps, figs, o, ex) in drafts {
      guard let k = byId[o.id] else { continue }
      let result = OpportunityAnalysis.assess(o, economics: econ.opportunities[k], c: cc, water: water, baseline: baseline, criteria: a.header.settings.criteria)
      proposals.append(Proposal(
        ruleId: rule.id, area: rule.area, technique: rule.technique, tags: rule.tags, title: rule.title, rationale: rule.rationale,
        explanation: ex, comparisons: comps, triggers: figs, investmentLow: est.investmentLow,
        investmentHigh: est.investmentHigh, source: rule.source, opportunity: o, evaluation: result))
    }
    return proposals
  }

  /// The bilingual explanation: the comparisons that hold, the rationale and the source.
  ///
  /// "Đề xuất vì: <comparisons>. <rationale> Nguồn: <source>." (and in English), each comparison written
  /// "<left> <op> <right>" where a side that is not a plain number reads "<text> = <value>" ("—" when unknown), the
  /// comparisons joined by "; ". The pieces are appended to one string reserved at the whole size.
  static func explanation(_ rule: OpportunityRule, _ comps: [TriggerComparison]) -> LocalizedText {
    // Whether each side is written as a number (then it is shown as is), worked out once for both languages.
    let plain = comps.map { (Double($0.left) != nil, Double($0.right) != nil) }
    func text(_ head: String, _ l: Language, _ rationale: String, _ sourceWord: String) -> String {
      var parts: [String] = [head]
      parts.reserveCapacity(2 + comps.count * 8 + 5)
      func side(_ text: String, _ v: Double?, _ isNumber: Bool) {
        parts.append(text)
        if !isNumber {
          parts.append(" = ")
          parts.append(v.map { NumberFormat.auto($0, l) } ?? "—")
        }
      }
      for (i, c) in comps.enumerated() {
        if i > 0 { parts.append("; ") }
        side(c.left, c.leftValue, plain[i].0)
        parts.append(" ")
        parts.append(c.op)
        parts.append(" ")
        side(c.right, c.rightValue, plain[i].1)
      }
      parts.append(". ")
      parts.append(rationale)
      parts.append(sourceWord)
      parts.append(rule.source)
      parts.append(".")
      return concat(parts)
    }
    return LocalizedText(
      vi: text("Đề xuất vì: ", .vi, rule.rationale.vi, " Nguồn: "),
      en: text("Proposed because: ", .en, rule.rationale.en, " Source: "))
  }

  /// The strings one after the other, appended to a string reserved at the whole size (one allocation).
  static func concat(_ parts: [String]) -> String {
    var n = 0
    for p in parts { n += p.utf8.count }
    var out = ""
    out.reserveCapacity(n)
    for p in parts { out.append(p) }
    return out
  }

  /// The opportunity record of a fired rule; `env` is the rule's environment over `book` (its parameters, no
  /// calculator outputs).
  static func record(
    _ rule: OpportunityRule, _ est: RuleEstimate, comps: [TriggerComparison], explanation ex: LocalizedText, book: FigureBook,
    env: RuleEnvironment, c: Context
  ) -> Opportunity
  {
    var o = Opportunity(id: opportunityId(ruleId: rule.id))
    o.title = rule.title.vi
    o.technique = rule.technique
    o.tags = [rule.technique] + rule.tags.filter { $0 != rule.technique }
    o.originator = "sxsh (KB)"
    o.cause = rule.rationale.vi
    o.effort = rule.effort
    o.lifetimeYears = rule.lifetimeYears
    o.investment.equipment = Quantity(value: est.investment, unit: "VND", si: est.investment)
    if let om = est.addedOM, om > 0 { o.addedOM = Quantity(value: om, unit: "VND", si: om) }
    o.stepId = rule.step.flatMap { sel in book.picks.first("balance.step", sel) { book.rows("balance.step", sel).first?.attrs["id"] } }
    o.wasteStreamId = rule.stream.flatMap { sel in
      book.picks.first("wasteCost.stream", sel) { book.rows("wasteCost.stream", sel).first?.attrs["id"] }
    }
    for e in est.savings {
      var s = ResourceSaving(resource: e.saving.resource)
      if let u = c.unit(e.saving.unit) { s.quantity = Quantity(value: e.amount, unit: u.symbol, si: u.toSI(e.amount)) }
      if let sel = e.saving.carrier {
        s.carrierId = book.picks.first("energy.carrier", sel) {
          book.rows("energy.carrier", sel).max { (($0.values["gj"] ?? nil) ?? 0) < (($1.values["gj"] ?? nil) ?? 0) }?.attrs["id"]
        }
      } else if let sel = e.saving.material {
        s.carrierId = book.picks.first("material", sel) {
          book.rows("material", sel).max { (($0.values["cost"] ?? nil) ?? 0) < (($1.values["cost"] ?? nil) ?? 0) }?.attrs["id"]
        }
      }
      if let v = e.value { s.value = Quantity(value: v, unit: "VND", si: v) }
      o.savings.append(s)
    }
    o.ruleId = rule.id
    o.explanation = concat([ex.vi, "\n", ex.en])
    if let rc = rule.calculator {
      o.calculatorId = rc.id
      for (k, e) in rc.inputs { o.calculatorInputs[k] = RuleEvaluator.evaluate(e, env).map { "\($0)" } ?? e.text }
    }
    o.note = concat([rule.title.en, " — ", rule.source])
    return o
  }
}

/// The row id a rule's selector picks in a collection (the first step or stream, the largest carrier or material),
/// found once per figure book: rules share selectors, and the book never changes.
final class RowPicks: @unchecked Sendable {
  private var picked: [String: String?] = [:]
  private let lock = NSLock()

  func first(_ collection: String, _ selector: String, _ make: () -> String?) -> String? {
    let key = collection + "\u{1F}" + selector
    lock.lock()
    if let p = picked[key] {
      lock.unlock()
      return p
    }
    lock.unlock()
    let p = make()
    lock.lock()
    picked[key] = .some(p)
    lock.unlock()
    return p
  }
}
