import Foundation
import SXCore
import XCTest

@testable import SXEngine

/// The per-run indexes of `Context`: flows by step in input order, for known, duplicated and unknown step ids, and the
/// per-flow unit facts when flows alternate between units.
final class ContextIndexTests: XCTestCase {
  func testFlowsByStepKnownDuplicateAndUnknownIds() {
    var a = newAssessment()
    a.steps = [step("s1", "One"), step("s2", "Two"), step("s1", "One again")]
    a.flows = [
      flow("f0", "s1", .input, .rawMaterial, "a", q(1, "kg")),
      flow("f1", "x", .input, .rawMaterial, "b", q(2, "kg")),
      flow("f2", "s2", .input, .water, "c", q(3, "m³")),
      flow("f3", "x", .output, .solidWaste, "d", q(4, "t")),
      flow("f4", "s1", .output, .product, "e", q(5, "kg")),
      flow("f5", "y", .input, .chemical, "f", nil),
      flow("f6", "x", .input, .water, "g", q(7, "m³")),
    ]
    let c = Context(a, .builtinDefaults)
    XCTAssertEqual(c.flowsByStep, ["s1": [0, 4], "s2": [2], "x": [1, 3, 6], "y": [5]])
    XCTAssertEqual(c.facts.map(\.step), [0, -1, 1, -1, 0, -1, -1])
    // Units alternate between flows: each flow's facts follow its own unit.
    XCTAssertEqual(c.facts.map(\.kg), [1, 2, 3000, 4000, 5, nil, 7000])
    XCTAssertEqual(c.facts.map(\.dim), [.mass, .mass, .volume, .mass, .mass, nil, .volume])
  }
}
