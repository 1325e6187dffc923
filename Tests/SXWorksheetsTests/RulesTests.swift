import Foundation
import SXCore
import SXEngine
import XCTest

@testable import SXWorksheets

/// The knowledge base in `Worksheets/rules/`: loads cleanly, every rule fires on its built case and stays quiet on the
/// other (table-driven), covers every area, and proposes enough on the demo.
final class RulesTests: XCTestCase {
  func rules() throws -> [OpportunityRule] { try RulesLoader.load(files: try Fixture.diskFiles(), source: "Worksheets") }

  func testTheFolderAndTheEmbeddedCopyLoad() throws {
    let disk = try rules()
    let embedded = try RulesLoader.load(files: WorksheetLoader.embeddedFiles, source: "(embedded)")
    XCTAssertEqual(disk.map(\.id), embedded.map(\.id))
    XCTAssertGreaterThanOrEqual(disk.count, 30)
  }

  /// Every area of the issue has rules; the counts are what the report states.
  func testCoverageByArea() throws {
    let byArea = Dictionary(grouping: try rules(), by: \.area).mapValues(\.count)
    for area in RuleArea.allCases { XCTAssertGreaterThan(byArea[area] ?? 0, 0, "no rule for \(area)") }
    XCTAssertGreaterThanOrEqual(Set(try rules().map(\.technique)).count, 7)
  }

  /// Table-driven over all rules: the `fires` case fires the rule with a positive saving, the `quiet` case does not.
  func testEveryRuleFiresOnItsCaseAndStaysQuietOnTheOther() throws {
    for rule in try rules() {
      let fires = RuleEnvironment(figures: DictionaryFigures(rule.examples.fires), params: rule.params)
      let quiet = RuleEnvironment(figures: DictionaryFigures(rule.examples.quiet), params: rule.params)
      XCTAssertTrue(RuleEvaluator.holds(rule.when, fires), "\(rule.id) (\(rule.origin)) does not fire on its case")
      XCTAssertFalse(RuleEvaluator.holds(rule.when, quiet), "\(rule.id) (\(rule.origin)) fires on its quiet case")
      guard case .success(let est) = RuleEvaluator.estimate(rule, fires) else {
        XCTFail("\(rule.id): no estimate on its firing case")
        continue
      }
      XCTAssertTrue(est.savings.allSatisfy { $0.amount > 0 }, rule.id)
      XCTAssertLessThanOrEqual(est.investmentLow, est.investmentHigh, rule.id)
      XCTAssertFalse(rule.source.isEmpty, rule.id)
      XCTAssertFalse(rule.title.vi.isEmpty || rule.title.en.isEmpty || rule.rationale.vi.isEmpty || rule.rationale.en.isEmpty, rule.id)
    }
  }

  /// On the demo: at least 12 proposals across at least 5 techniques, each explained and with economics.
  func testDemoProposals() throws {
    let a = DemoAssessment.make()
    let factors = EngineFactors.from(try WorksheetLoader.load(files: try Fixture.diskFiles()).reference)
    let r = Engine.compute(a, factors: factors, rules: try rules())
    let ps = try XCTUnwrap(r.proposals)
    XCTAssertGreaterThanOrEqual(ps.count, 12)
    XCTAssertGreaterThanOrEqual(Set(ps.map(\.technique)).count, 5)
    for p in ps {
      XCTAssertFalse(p.explanation.vi.isEmpty || p.explanation.en.isEmpty, p.ruleId)
      XCTAssertFalse(p.comparisons.isEmpty, "\(p.ruleId): no triggering comparison")
      XCTAssertTrue(p.explanation.en.hasPrefix("Proposed because: "), p.ruleId)
      let e = p.evaluation.economics
      XCTAssertNotNil(e.investment.value, p.ruleId)
      XCTAssertGreaterThan(e.annualNetSaving.value ?? 0, 0, "\(p.ruleId): \(e.annualNetSaving.reasons)")
      XCTAssertNotNil(e.simplePayback.value, p.ruleId)
      XCTAssertNotNil(e.npv.value, p.ruleId)
    }
    // A dismissed rule is not proposed again.
    var b = a
    b.header.dismissedRules = [ps[0].ruleId]
    let again = Engine.compute(b, factors: factors, rules: try rules()).proposals ?? []
    XCTAssertFalse(again.contains { $0.ruleId == ps[0].ruleId })
    XCTAssertEqual(again.count, ps.count - 1)
  }

  /// The engine's process-wide memos (flow-name search keys, `~` outcomes per name, calculator unit labels) give the
  /// same results when assessments are computed at once on several threads, as when the TUI derives on its
  /// background thread while an export computes on the main one (run under ThreadSanitizer in CI).
  func testConcurrentComputationsGiveTheSequentialResults() throws {
    let factors = EngineFactors.from(try WorksheetLoader.load(files: try Fixture.diskFiles()).reference)
    let rules = try rules()
    // Variants whose flow names the memos have not seen yet (first on several threads, so that they fill them at
    // the same time).
    let inputs: [Assessment] = (0..<6).map { i in
      var a = DemoAssessment.make()
      for j in a.flows.indices where (j + i) % 3 == 0 { a.flows[j].name += " · lô \(i)" }
      return a
    }
    final class Box: @unchecked Sendable {
      let lock = NSLock()
      var got: [Int: Results] = [:]
    }
    let box = Box()
    DispatchQueue.concurrentPerform(iterations: 24) { k in
      let r = Engine.compute(inputs[k % inputs.count], factors: factors, rules: rules)
      box.lock.withLock { box.got[k] = r }
    }
    XCTAssertEqual(box.got.count, 24)
    // Then one thread, the memos now filled.
    let expected = inputs.map { Engine.compute($0, factors: factors, rules: rules) }
    for (k, r) in box.got { XCTAssertEqual(r, expected[k % inputs.count], "computation \(k)") }
  }

  /// A broken rule is reported as file:line by the loader and by the folder check.
  func testProblemsAreReportedWithFileAndLine() throws {
    var files = try Fixture.diskFiles()
    files["rules/zz-broken.yaml"] = """
      area: water
      rules:
        - id: broken-one
          technique: goodHousekeeping
          title: {vi: "Hỏng", en: "Broken"}
          rationale: {vi: "x", en: "x"}
          when: "water.total.supply > > 3"
          savings:
            - {resource: water, amount: "water.total.supply * 0.1", unit: "m³"}
          investment: {low: "0", high: "1"}
          lifetime: 5
          effort: 1
          source: "test"
          examples: {fires: {}, quiet: {}}
        - id: broken-two
          technique: goodHousekeeping
          title: {vi: "Hỏng", en: "Broken"}
          rationale: {vi: "x", en: "x"}
          when: "water.total.suply > 3"
          savings:
            - {resource: water, amount: "1", unit: "m³"}
          investment: {low: "0", high: "1"}
          lifetime: 5
          effort: 1
          source: "test"
          examples: {fires: {}, quiet: {}}
        - id: broken-three
          technique: goodHousekeeping
          title: {vi: "Hỏng", en: "Broken"}
          rationale: {vi: "x", en: "x"}
          when: "water.total.supply > 3"
          savings:
            - {resource: water, amount: "1", unit: "m³"}
          investment: {low: "0", high: "1"}
          lifetime: 5
          effort: 1
          source: "test"
          examples: {fires: {"water.total.supply": 1}, quiet: {"water.total.supply": 0}}

      """
    let problems = WorksheetLoader.check(files: files).filter { $0.file == "rules/zz-broken.yaml" }
    let text = problems.map(\.description).joined(separator: "\n")
    XCTAssertTrue(problems.contains { $0.line == 7 && $0.message.en.contains("«when»") }, text)
    XCTAssertTrue(problems.contains { $0.line == 19 && $0.message.en.contains("unknown figure «water.total.suply»") }, text)
    XCTAssertTrue(problems.contains { $0.line == 38 && $0.message.en.contains("«fires» example does not fire") }, text)
    XCTAssertThrowsError(try WorksheetLoader.load(files: files))
  }
}
