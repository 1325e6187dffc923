import Foundation
import SXCore
import XCTest

@testable import SXEngine

/// Area 7 — economics: the public financial vectors (calculators.md §7) and the per-opportunity figures.
final class EconomicsTests: XCTestCase {
  struct Vector: Decodable {
    struct V: Decodable {
      let value: Double
    }
    struct Flows: Decodable {
      let value: [Double]
    }
    struct Inputs: Decodable {
      let cashFlows: Flows
      let discountRate: V
    }
    let calculator: String
    let inputs: Inputs?
    let expected: [String: V]?
  }

  /// Loads `../shared/reference/vectors-public.json` relative to the repository root.
  func financeVectors() throws -> [Vector] {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let url = root.deletingLastPathComponent().appendingPathComponent("shared/reference/vectors-public.json")
    guard FileManager.default.fileExists(atPath: url.path) else {
      XCTFail("public vectors missing at \(url.path) (expected ../shared/reference/vectors-public.json from the repo root)")
      return []
    }
    // Decode only the finance entries: other calculators have other input shapes.
    let raw = try JSONSerialization.jsonObject(with: Data(contentsOf: url))
    guard let list = raw as? [[String: Any]] else {
      XCTFail("vectors-public.json is not a list")
      return []
    }
    let finance = list.filter { ($0["calculator"] as? String) == "finance.npv_irr_payback" }
    let data = try JSONSerialization.data(withJSONObject: finance)
    return try JSONDecoder().decode([Vector].self, from: data)
  }

  /// Reproduces every public `finance.npv_irr_payback` vector within its stated tolerance
  /// (NPV absolute 0.01, IRR and paybacks absolute 1e-9; NPV_excel_style = NPV / (1 + r)).
  func testPublicFinanceVectors() throws {
    let vectors = try financeVectors()
    XCTAssertGreaterThanOrEqual(vectors.count, 3)
    for v in vectors {
      let flows = try XCTUnwrap(v.inputs?.cashFlows.value)
      let r = try XCTUnwrap(v.inputs?.discountRate.value)
      let e = try XCTUnwrap(v.expected)
      let npv = try XCTUnwrap(Economics.npv(rate: r, cashFlows: flows))
      XCTAssertEqual(npv, try XCTUnwrap(e["NPV"]?.value), accuracy: 0.01, "NPV \(flows) @ \(r)")
      XCTAssertEqual(npv / (1 + r), try XCTUnwrap(e["NPV_excel_style"]?.value), accuracy: 0.01)
      XCTAssertEqual(try XCTUnwrap(Economics.irr(cashFlows: flows)), try XCTUnwrap(e["IRR"]?.value), accuracy: 1e-9)
      XCTAssertEqual(try XCTUnwrap(Economics.simplePayback(cashFlows: flows)), try XCTUnwrap(e["simplePayback"]?.value), accuracy: 1e-9)
      XCTAssertEqual(
        try XCTUnwrap(Economics.discountedPayback(rate: r, cashFlows: flows)), try XCTUnwrap(e["discountedPayback"]?.value),
        accuracy: 1e-9)
    }
  }

  /// Hand check of the helpers: CRF(10 %, 5) = 0.1 × 1.1⁵ / (1.1⁵ − 1) = 0.161051 / 0.61051 = 0.2637974808;
  /// CRF(0, 4) = 1/4; never paying back → nil; no sign change → no IRR.
  func testHelpers() {
    near(Economics.capitalRecoveryFactor(rate: 0.1, years: 5), 0.263_797_480_794_745_2)
    near(Economics.capitalRecoveryFactor(rate: 0, years: 4), 0.25)
    XCTAssertNil(Economics.simplePayback(cashFlows: [-100, 10, 10]))
    XCTAssertNil(Economics.irr(cashFlows: [100, 10, 10]))
    XCTAssertNil(Economics.npv(rate: -1, cashFlows: [-1, 2]))
    XCTAssertEqual(Economics.simplePayback(cashFlows: [0, 5]), 0)
  }

  /// Opportunity: investment 80e6 + 20e6 = 100e6; saving 35e6/yr, added O&M 5e6 → net 30e6; 5 years; r = 10 %
  /// → the first public vector: NPV 13 723 603.082253, IRR 0.1523823712, payback 3.333…, discounted 4.263266667;
  /// annualised = NPV × CRF = 13 723 603.08 × 0.26379748 = 3 620 251.92 (= 30e6 − 100e6 × 0.26379748).
  func testOpportunity() {
    var a = newAssessment()
    a.header.settings.discountRate = 0.10
    var o = Opportunity(id: "o1")
    o.title = "Thu hồi nước ngưng"
    o.investment.equipment = q(80_000_000, "VND")
    o.investment.installation = q(20, "triệu VND")
    o.addedOM = q(5_000_000, "VND")
    o.lifetimeYears = 5
    var s = ResourceSaving(resource: .fuel)
    s.value = q(35_000_000, "VND")
    o.savings = [s]
    a.opportunities = [o]
    let r = Engine.compute(a, factors: .builtinDefaults)
    let e = r.economics.opportunities[0]
    near(e.investment.value, 100_000_000)
    near(e.annualNetSaving.value, 30_000_000)
    XCTAssertEqual(e.npv.value ?? 0, 13_723_603.082_253, accuracy: 0.01)
    XCTAssertEqual(e.irr.value ?? 0, 0.152_382_371_2, accuracy: 1e-9)
    XCTAssertEqual(e.simplePayback.value ?? 0, 10.0 / 3.0, accuracy: 1e-9)
    XCTAssertEqual(e.discountedPayback.value ?? 0, 4.263_266_667, accuracy: 1e-9)
    XCTAssertEqual(e.annualisedSaving.value ?? 0, 3_620_251.920_525, accuracy: 0.01)
    XCTAssertTrue(e.npv.isOK)
    near(r.economics.totalNPV.value, 13_723_603.082_253, rel: 1e-12)
    assertEncodes(r)
  }

  /// No lifetime: NPV/IRR/discounted payback incomplete ("lifetime"), simple payback still I / S_net.
  /// A project that does not pay back within its life: payback nil with the reason.
  func testIncompleteAndNever() {
    var a = newAssessment()
    var o = Opportunity(id: "o1")
    o.title = "A"
    o.investment.equipment = q(100_000_000, "VND")
    var s = ResourceSaving(resource: .other)
    s.value = q(25_000_000, "VND")
    o.savings = [s]
    var never = o
    never.id = "o2"
    never.lifetimeYears = 3
    a.opportunities = [o, never]
    let r = Engine.compute(a, factors: .builtinDefaults)
    let e = r.economics.opportunities[0]
    near(e.simplePayback.value, 4)
    assertIncomplete(e.npv, "lifetime")
    assertIncomplete(e.irr, "lifetime")
    assertIncomplete(r.economics.opportunities[1].simplePayback, "does not pay back")
    assertIncomplete(r.economics.opportunities[1].discountedPayback, "does not pay back")
    XCTAssertNotNil(r.economics.opportunities[1].npv.value)
    assertEncodes(r)
  }
}
