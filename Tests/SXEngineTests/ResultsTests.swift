import Foundation
import SXCore
import XCTest

@testable import SXEngine

/// The demo assessment, the JSON layout, explain paths, the readable summary and linear scaling.
final class ResultsTests: XCTestCase {
  /// The demo shows every area filled, at least one imbalance flag, one benchmark exceedance and a Pareto.
  func testDemoFindings() throws {
    let r = Engine.compute(DemoAssessment.make(), factors: .builtinDefaults)
    XCTAssertTrue(r.balance.steps.contains { $0.flagged }, "an imbalance flag")
    XCTAssertTrue(r.indicators.items.contains { $0.exceedsTypical }, "a benchmark exceedance")
    XCTAssertGreaterThanOrEqual(r.wasteCost.pareto.count, 3)
    near(r.wasteCost.pareto.last?.cumulativePercent.value, 100, rel: 1e-9)
    XCTAssertTrue(r.energy.keyEnergyUser)
    for (name, f) in [
      ("balance", r.balance.plant.massIn), ("energy", r.energy.total.toe), ("co2", r.co2.total.co2e), ("water", r.water.total.supply),
      ("waste", r.wasteCost.total), ("production", r.indicators.production),
      ("policy", r.policy.baselines[0].plannedPercent), ("quality", r.dataQuality.overallByCountPercent),
    ] {
      XCTAssertNotNil(f.value, "\(name) empty: \(f.reasons.map(\.en))")
    }
    XCTAssertFalse(r.economics.opportunities.isEmpty)
    XCTAssertTrue(r.economics.opportunities.contains { $0.npv.value != nil })
    assertEncodes(r)
    // Print the summary so a reviewer can read it in the test log.
    let dir = URL(fileURLWithPath: NSTemporaryDirectory())
    try? (r.summary(.vi) + "\n\n" + r.summary(.en)).write(to: dir.appendingPathComponent("sxengine-demo-summary.txt"), atomically: true, encoding: .utf8)
    try? r.issues.map { "\($0.path): \($0.reasons.map(\.en))" }.joined(separator: "\n")
      .write(to: dir.appendingPathComponent("sxengine-demo-issues.txt"), atomically: true, encoding: .utf8)
  }

  /// Every figure path explains itself; explanation texts render in both languages.
  func testEveryFigureExplains() throws {
    let r = Engine.compute(DemoAssessment.make(), factors: .builtinDefaults)
    XCTAssertGreaterThan(r.figurePaths.count, 100)
    for p in r.figurePaths {
      let e = try XCTUnwrap(r.explain(path: p), p)
      XCTAssertEqual(e.result.path, p)
      XCTAssertFalse(e.formula.vi.isEmpty || e.formula.en.isEmpty, p)
    }
    // Every figure in the JSON carries a path that explains.
    let data = try JSONEncoder().encode(r)
    let tree = try JSONSerialization.jsonObject(with: data)
    var paths: [String] = []
    collectPaths(tree, &paths)
    XCTAssertGreaterThan(paths.count, 100)
    for p in paths { XCTAssertNotNil(r.explain(path: p), p) }
  }

  func collectPaths(_ v: Any, _ out: inout [String]) {
    if let d = v as? [String: Any] {
      if let p = d["path"] as? String, d["status"] != nil { out.append(p) }
      for (_, x) in d { collectPaths(x, &out) }
    } else if let a = v as? [Any] {
      for x in a { collectPaths(x, &out) }
    }
  }

  /// The JSON layout: top-level keys, camelCase, figure fields; explanations stay out of the JSON.
  func testJSONLayout() throws {
    let r = Engine.compute(DemoAssessment.make(), factors: .builtinDefaults)
    let e = JSONEncoder()
    e.nonConformingFloatEncodingStrategy = .throw
    let obj = try XCTUnwrap(try JSONSerialization.jsonObject(with: e.encode(r)) as? [String: Any])
    XCTAssertEqual(
      Set(obj.keys),
      ["schemaVersion", "assessmentId", "complete", "balance", "energy", "co2", "water", "wasteCost", "indicators", "policy",
       "economics", "dataQuality", "issues"])
    let total = try XCTUnwrap((obj["energy"] as? [String: Any])?["total"] as? [String: Any])
    let toe = try XCTUnwrap(total["toe"] as? [String: Any])
    XCTAssertEqual(Set(toe.keys), ["path", "value", "unit", "status", "reasons"])
    XCTAssertEqual(toe["path"] as? String, "energy.total.toe")
    XCTAssertEqual(toe["unit"] as? String, "TOE")
    // Round trip.
    let back = try JSONDecoder().decode(Results.self, from: e.encode(r))
    XCTAssertEqual(back.energy, r.energy)
  }

  func testExplainByNameAndText() throws {
    let r = Engine.compute(DemoAssessment.make(), factors: .builtinDefaults)
    let step = try XCTUnwrap(r.balance.steps.first)
    let byName = try XCTUnwrap(r.explain(path: "balance.steps[\(step.name.uppercased())].closurePercent"))
    XCTAssertEqual(byName.path, "balance.steps[\(step.id)].closurePercent")
    let toe = try XCTUnwrap(r.explain(path: "energy.total.toe"))
    XCTAssertFalse(toe.inputs.isEmpty)
    let el = try XCTUnwrap(r.energy.carriers.first { $0.fuel == "electricity" })
    let elToe = try XCTUnwrap(r.explain(path: "energy.carriers[\(el.id)].toe"))
    XCTAssertEqual(elToe.factors.first?.value, 0.000_154_3)
    XCTAssertTrue(elToe.factors.first?.source.contains("MOIT") ?? false)
    XCTAssertTrue(elToe.text(.vi).contains("Công thức"))
    XCTAssertTrue(elToe.text(.en).contains("Formula"))
    XCTAssertNil(r.explain(path: "energy.nothing"))
  }

  /// Numbers in the summary follow the language: 1.234,5 in Vietnamese, 1,234.5 in English.
  func testSummaryNumberFormat() {
    var a = newAssessment()
    a.energyCarriers = [carrier("el", "Điện", fuel: "electricity", q(12_345_678, "kWh"), price: price(2_000, per: "kWh"))]
    let r = Engine.compute(a, factors: .builtinDefaults)
    // GJ = 12 345 678 × 0.0036 = 44 444.4408 → "44.444,4" (vi) / "44,444.4" (en) with one decimal.
    let vi = r.summary(.vi)
    let en = r.summary(.en)
    XCTAssertTrue(vi.contains("44.444,4"), vi)
    XCTAssertTrue(en.contains("44,444.4"), en)
    XCTAssertTrue(vi.contains("Năng lượng"))
    XCTAssertTrue(en.contains("Energy"))
  }

  /// Large assessments (10 000 and 20 000 flows) compute completely. Speed is measured by sxsh-bench, not here.
  func testLargeAssessmentsCompute() {
    func big(_ steps: Int) -> Assessment {
      var a = newAssessment()
      a.products = [product(1_000)]
      a.energyCarriers = [carrier("el", "Điện", fuel: "electricity", q(1e7, "kWh"), price: price(2_000, per: "kWh"))]
      for s in 0..<steps {
        a.steps.append(step("s\(s)", "Công đoạn \(s)"))
        for k in 0..<100 {
          let kind: FlowKind = k % 10 == 0 ? .energy : k % 2 == 0 ? .rawMaterial : .solidWaste
          a.flows.append(
            flow("f\(s)_\(k)", "s\(s)", k % 2 == 0 ? .input : .output, kind, "flow \(k)",
              q(kind == .energy ? 1_000 : 100, kind == .energy ? "kWh" : "kg"),
              price: price(1_000, per: kind == .energy ? "kWh" : "kg"),
              carrier: kind == .energy ? "el" : nil))
        }
        var ws = WasteStream(id: "w\(s)")
        ws.name = "waste \(s)"
        ws.flowId = "f\(s)_1"
        a.wasteStreams.append(ws)
      }
      return a
    }
    let small = big(100)
    let large = big(200)
    let r1 = Engine.compute(small, factors: .builtinDefaults)
    let r2 = Engine.compute(large, factors: .builtinDefaults)
    XCTAssertEqual(r1.balance.steps.count, 100)
    XCTAssertEqual(r2.wasteCost.pareto.count, 200)
    // Each step, k = 0…99: even k are inputs (50), of which k % 10 == 0 are energy (10 × 1 000 kWh, never mass),
    // leaving 40 raw-material inputs × 100 kg = 4 000 kg in; odd k are 50 solid-waste outputs × 100 kg = 5 000 kg out.
    XCTAssertEqual(r1.balance.steps[0].massIn.value ?? -1, 4_000, accuracy: 1e-6)
    XCTAssertEqual(r2.balance.steps[199].massOut.value ?? -1, 5_000, accuracy: 1e-6)
  }
}
