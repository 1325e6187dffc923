import Foundation
import SXCore
import XCTest

@testable import SXEngine

/// Guards the engine's performance work: the results (with the opportunity layer) of the 10,000-flow synthetic
/// assessment must encode to exactly the JSON recorded before the optimisation (`Fixtures/…-results.json`).
final class GoldenResultsTests: XCTestCase {
  static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures/synthetic-10000-results.json")

  func testSyntheticResultsMatchGoldenJSON() throws {
    let a = SyntheticAssessment.make(flows: 10_000)
    let e = JSONEncoder()
    e.outputFormatting = [.sortedKeys, .prettyPrinted]
    let got = try e.encode(Engine.compute(a, factors: .builtinDefaults, rules: []))
    // Re-record only for an intended change of the layout: RECORD_GOLDEN=1 swift test --filter GoldenResultsTests.
    if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" { try got.write(to: Self.fixture) }
    let want = try Data(contentsOf: Self.fixture)
    if got != want {
      let g = String(decoding: got, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
      let w = String(decoding: want, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
      let line = (0..<min(g.count, w.count)).first { g[$0] != w[$0] } ?? min(g.count, w.count)
      XCTFail("results JSON differs from the golden file at line \(line + 1): got «\(line < g.count ? g[line] : "")», want «\(line < w.count ? w[line] : "")»")
    }
  }
}
