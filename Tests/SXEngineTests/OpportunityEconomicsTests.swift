import Foundation
import SXCore
import XCTest

@testable import SXEngine

/// A hand-worked opportunity, the overlap rule, screening and scoring, and the summaries.
final class OpportunityEconomicsTests: XCTestCase {
  /// One plant: 1 GWh of grid electricity at 2,000 VND/kWh, 2023 grid factor, 10 % discount rate.
  func plant() -> Assessment {
    var a = Assessment(header: AssessmentHeader(id: "hand"))
    a.header.settings.discountRate = 0.10
    a.energyCarriers = [carrier("el", "Điện", fuel: "electricity", q(1_000_000, "kWh"), price: price(2_000, per: "kWh"))]
    var p = Product(id: "p")
    p.annualQuantity = q(1_000, "t")
    p.isReference = true
    a.products = [p]
    return a
  }

  func opportunity(_ id: String, kWh: Double, investmentMillion: Double, life: Double = 5) -> Opportunity {
    var o = Opportunity(id: id)
    o.title = id
    o.technique = .equipmentModification
    o.investment.equipment = q(investmentMillion, "triệu VND")
    o.lifetimeYears = life
    var s = ResourceSaving(resource: .electricity)
    s.quantity = q(kWh, "kWh")
    s.carrierId = "el"
    o.savings = [s]
    o.effort = 4
    return o
  }

  /// Worked by hand:
  ///   I₀ = 500,000,000 VND; saving = 75,000 kWh × 2,000 VND/kWh = 150,000,000 VND/yr; no added O&M; n = 5; r = 10 %.
  ///   Simple payback = 500 / 150 = 3.3333 yr.
  ///   NPV = −500 + 150 × (1 − 1.1⁻⁵) / 0.1 = −500 + 150 × 3.790787 = 68.618015 M VND.
  ///   IRR: 150 × (1 − (1+i)⁻⁵) / i = 500 ⇒ i = 15.2382 % (bisection).
  ///   CRF(10 %, 5) = 0.1 × 1.1⁵ / (1.1⁵ − 1) = 0.263797 ⇒ annualised saving = 68.618 × 0.263797 = 18.101260 M VND/yr.
  ///   CO2e = 75 MWh × 0.6592 t/MWh (2023) = 49.44 t/yr ⇒ MACC cost = −18,101,260 / 49.44 = −366,126 VND/t.
  ///   Cost class: 500 M VND = the low-cost limit (inclusive). Screening: payback ≥ 1 yr, NPV > 0 ⇒ study further. Scores: effort 4 ⇒ technical 4; payback 3.3 yr ⇒ economic 2;
  ///   CO2 share 49.44 / 659.2 = 7.5 % ⇒ environmental 5; weighted = 0.4×2 + 0.3×4 + 0.3×5 = 3.5.
  func testHandWorkedOpportunity() throws {
    var a = plant()
    a.opportunities = [opportunity("o1", kWh: 75_000, investmentMillion: 500)]
    let r = Engine.compute(a, factors: .builtinDefaults, rules: [])
    let o = try XCTUnwrap(r.opportunities?.first)
    XCTAssertEqual(o.economics.investment.value ?? 0, 500e6, accuracy: 1e-3)
    XCTAssertEqual(o.economics.annualNetSaving.value ?? 0, 150e6, accuracy: 1e-3)
    XCTAssertEqual(o.economics.simplePayback.value ?? 0, 10.0 / 3, accuracy: 1e-9)
    XCTAssertEqual(o.economics.npv.value ?? 0, 68_618_015.41, accuracy: 0.01)
    XCTAssertEqual(o.economics.irr.value ?? 0, 0.152382371, accuracy: 1e-8)
    XCTAssertEqual(o.economics.annualisedSaving.value ?? 0, 18_101_259.60, accuracy: 0.01)
    XCTAssertEqual(o.co2Saving ?? 0, 49.44, accuracy: 1e-9)
    XCTAssertEqual(o.screening, .studyFurther)
    XCTAssertTrue(o.screeningSuggested)
    XCTAssertEqual(o.costClass, .lowCost, "500 M VND is the low-cost limit (inclusive)")
    XCTAssertEqual(o.paybackBucket, .over3)
    XCTAssertEqual(o.scores, ["technical": 4, "economic": 2, "environmental": 5])
    XCTAssertEqual(o.weightedScore ?? 0, 3.5, accuracy: 1e-12)
    let s = try XCTUnwrap(r.opportunitySummary)
    XCTAssertEqual(s.macc.count, 1)
    XCTAssertEqual(s.macc[0].costPerTCO2, -366_125.80, accuracy: 0.01)
    XCTAssertEqual(s.macc[0].cumulativeTo, 49.44, accuracy: 1e-9)
    XCTAssertEqual(s.byPayback.first { $0.key == "over3" }?.count, 1)
    XCTAssertEqual(s.byTechnique.map(\.key), ["equipmentModification"])
  }

  /// Technically infeasible is a hard gate: rejected, no weighted score, left out of the totals.
  func testTechnicalGate() throws {
    var a = plant()
    var o = opportunity("bad", kWh: 500_000, investmentMillion: 1)
    o.technicallyFeasible = false
    o.scores = ["technical": 5, "economic": 5, "environmental": 5]
    a.opportunities = [o, opportunity("good", kWh: 1_000, investmentMillion: 0)]
    let r = Engine.compute(a, factors: .builtinDefaults, rules: [])
    let bad = try XCTUnwrap(r.opportunities?.first { $0.id == "bad" })
    XCTAssertEqual(bad.screening, .rejected)
    XCTAssertNil(bad.weightedScore)
    let good = try XCTUnwrap(r.opportunities?.first { $0.id == "good" })
    XCTAssertEqual(good.screening, .implementNow)
    XCTAssertEqual(good.costClass, .noCost)
    XCTAssertEqual(r.opportunitySummary?.counted, 1)
    XCTAssertEqual(r.opportunitySummary?.total.annualSaving ?? 0, 2_000_000, accuracy: 1e-6)
  }

  /// Overlap rule: two opportunities each saving half of the carrier's 1 GWh combine to 1 − 0.5 × 0.5 = 75 %
  /// (750 MWh), not 100 %; each keeps half of that. Money follows the same factor (750/1000).
  func testOverlapIsMultiplicative() throws {
    var a = plant()
    a.opportunities = [opportunity("a", kWh: 500_000, investmentMillion: 100), opportunity("b", kWh: 500_000, investmentMillion: 100)]
    let r = Engine.compute(a, factors: .builtinDefaults, rules: [])
    let s = try XCTUnwrap(r.opportunitySummary)
    // Each alone: 500,000 kWh × 2,000 = 1,000 M VND/yr; together 2,000 M × 0.75 = 1,500 M VND/yr.
    XCTAssertEqual(s.total.annualSaving, 1_500_000_000, accuracy: 1)
    let toeOne = try XCTUnwrap(r.economics.opportunities.first?.toeSaving.value)
    XCTAssertEqual(s.total.toe, toeOne * 2 * 0.75, accuracy: 1e-9)
    // Each opportunity's own economics still stand alone.
    XCTAssertEqual(r.opportunities?.first?.economics.annualSaving.value ?? 0, 1_000_000_000, accuracy: 1)
    // Against the baseline: energy saved 75 % of the plant's TOE.
    let energy = try XCTUnwrap(s.baselines.first { $0.resource == "energy" })
    XCTAssertEqual(energy.percent ?? 0, 75, accuracy: 1e-6)
    XCTAssertTrue(energy.bands.allSatisfy(\.meetsHigh))
  }

  /// Estimated vs actual and the follow-up date pass through; a recorded screening wins over the suggestion.
  func testActualsAndRecordedScreening() throws {
    var a = plant()
    var o = opportunity("done", kWh: 10_000, investmentMillion: 10)
    o.status = .implemented
    o.actualCost = q(12, "triệu VND")
    o.actualSavings = q(18, "triệu VND")
    o.followUpDate = "2026-06-30"
    o.screening = .studyFurther
    o.screeningReason = "chờ báo giá"
    a.opportunities = [o]
    let r = Engine.compute(a, factors: .builtinDefaults, rules: [])
    let x = try XCTUnwrap(r.opportunities?.first)
    XCTAssertEqual(x.actualCost ?? 0, 12e6, accuracy: 1e-6)
    XCTAssertEqual(x.actualSaving ?? 0, 18e6, accuracy: 1e-6)
    XCTAssertEqual(x.estimatedSaving ?? 0, 20e6, accuracy: 1e-6)
    XCTAssertEqual(x.followUpDate, "2026-06-30")
    XCTAssertEqual(x.screening, .studyFurther)
    XCTAssertFalse(x.screeningSuggested)
    XCTAssertEqual(x.screeningReason.vi, "chờ báo giá")
    XCTAssertEqual(r.opportunitySummary?.byStatus.first { $0.key == "I" }?.count, 1)
  }

  /// A rule written in code fires on a built case, is explained, and is skipped once dismissed or accepted.
  func testDerivationDismissAndAccept() throws {
    var a = plant()
    let rule = OpportunityRule(
      id: "el-housekeeping", area: .motorsDrives, technique: .goodHousekeeping, title: LocalizedText(vi: "Tắt máy", en: "Switch off"),
      rationale: LocalizedText(vi: "Lãng phí.", en: "Waste."), when: try RuleParser.parse("energy.total.electricityKWh > p.min"),
      params: ["min": 500_000, "f": 0.02],
      savings: [RuleSaving(resource: .electricity, amount: try RuleParser.parse("energy.total.electricityKWh * p.f"), unit: "kWh", carrier: "fuel=electricity")],
      investmentLow: .number(0), investmentHigh: .number(20_000_000), lifetimeYears: 3, effort: 1, source: "test",
      examples: RuleExamples(fires: [:], quiet: [:]))
    var r = Engine.compute(a, factors: .builtinDefaults, rules: [rule])
    let p = try XCTUnwrap(r.proposals?.first)
    XCTAssertEqual(p.opportunity.id, "kb-el-housekeeping")
    XCTAssertEqual(p.opportunity.savings.first?.carrierId, "el")
    XCTAssertEqual(p.opportunity.savings.first?.quantity?.value ?? 0, 20_000, accuracy: 1e-9)
    // 20,000 kWh × 2,000 = 40 M VND/yr against a 10 M VND investment (middle of 0–20 M).
    XCTAssertEqual(p.evaluation.economics.annualNetSaving.value ?? 0, 40e6, accuracy: 1e-3)
    XCTAssertEqual(p.evaluation.economics.simplePayback.value ?? 0, 0.25, accuracy: 1e-12)
    XCTAssertTrue(p.explanation.en.contains("energy.total.electricityKWh = 1,000,000 > p.min = 500,000"), p.explanation.en)
    XCTAssertTrue(p.explanation.vi.contains("1.000.000"), p.explanation.vi)
    a.header.dismissedRules = ["el-housekeeping"]
    r = Engine.compute(a, factors: .builtinDefaults, rules: [rule])
    XCTAssertEqual(r.proposals?.count, 0)
    a.header.dismissedRules = []
    a.opportunities = [p.opportunity]
    r = Engine.compute(a, factors: .builtinDefaults, rules: [rule])
    XCTAssertEqual(r.proposals?.count, 0, "an accepted rule is not proposed again")
    XCTAssertEqual(r.opportunities?.first?.ruleId, "el-housekeeping")
  }

  /// The opportunity layer is additive to the results JSON.
  func testResultsJSONCarriesTheLayer() throws {
    var a = plant()
    a.opportunities = [opportunity("o1", kWh: 75_000, investmentMillion: 500)]
    let plain = try JSONSerialization.jsonObject(with: JSONEncoder().encode(Engine.compute(a))) as? [String: Any]
    XCTAssertNil(plain?["proposals"])
    let full = try JSONSerialization.jsonObject(with: JSONEncoder().encode(Engine.compute(a, factors: .builtinDefaults, rules: []))) as? [String: Any]
    XCTAssertNotNil(full?["opportunities"])
    XCTAssertNotNil(full?["proposals"])
    XCTAssertNotNil(full?["opportunitySummary"])
  }
}
