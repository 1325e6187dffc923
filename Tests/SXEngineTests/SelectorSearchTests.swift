import Foundation
import SXCore
import XCTest

@testable import SXEngine

/// The byte-level paths of selector matching agree with their definitions (`TextRules.searchKey`, Foundation's
/// `contains`), also when the per-character key cache is already filled.
final class SelectorSearchTests: XCTestCase {
  /// A `~` test with several alternatives holds when one of them is contained, as each `contains` alone says.
  func testContainsAnyAsEachContains() {
    let hay = ["khoi lo hoi", "", "a", "aaab", "flue gas stack", "đường", "khoi – lo → hoi ≈ 3", "e\u{301}x", "a\u{200D}b", "nuoc xa m³"]
    let sets = [["khoi", "gas"], ["zz", "b"], ["\n", "ab"], ["đ", "x"], ["m³", "xa"], ["e", "ex"], ["q", "r", "s"], ["lo ", " 3"]]
    for h in hay {
      for alts in sets {
        XCTAssertEqual(Selector.containsAny(h, alts), alts.contains { h.contains($0) }, "«\(h)» ∋ any of \(alts)")
      }
    }
  }

  /// Keys of Vietnamese text computed twice (the second time from the filled cache) are the search key; text with a
  /// character outside the covered blocks (two-, three- or four-byte) is left to `TextRules.searchKey`.
  func testLatinKeyTwiceAndUncovered() {
    let samples = ["Nước rửa nồi hồ, máy hồ", "Hơi nước bay hơi (sấy hồ, làm ẩm)", "Vải vụn, đầu cây — 22 t", "Bụi bông ≤ 5 m³/h"]
    for s in samples {
      XCTAssertEqual(LatinKeys.shared.key(s), TextRules.searchKey(s))
      XCTAssertEqual(LatinKeys.shared.key(s), TextRules.searchKey(s))
    }
    XCTAssertNil(LatinKeys.shared.key("nước 😀"))
    XCTAssertNil(LatinKeys.shared.key("Ωmega"))
    XCTAssertNil(LatinKeys.shared.key("水"))
    XCTAssertEqual(Selector.key("nước 😀"), TextRules.searchKey("nước 😀"))
  }

  /// Flow-name `~` tests pick the flows whose name's search key contains an alternative, on a first run and again on
  /// a second run over the same names (outcomes kept per name); a name that differs only in normalisation (NFD) and
  /// a flow of another kind are decided on their own.
  func testFlowNameMatchesKeptAcrossRuns() throws {
    var a = newAssessment()
    a.steps = [step("s1", "One")]
    let names = ["Khói lò hơi", "Kho\u{301}i lò hơi", "Rò rỉ hơi — ống", "flue STACK", "nước thải", "Khói lò hơi"]
    a.flows = names.enumerated().map { flow("f\($0.offset)", "s1", .output, $0.offset == 5 ? .water : .heat, $0.element, q(1, "kg")) }
    let alts = ["khoi", "stack", "ro ri"]
    let sel = try Selector.parse("kind=heat, name~" + alts.joined(separator: "|")).get()
    let expected = names.indices.filter { i in i != 5 && alts.contains { TextRules.searchKey(names[i]).contains($0) } }
    XCTAssertEqual(expected, [0, 1, 2, 3])
    let c = Context(a, .builtinDefaults)
    XCTAssertEqual(FlowRows(c).matching(sel), expected)
    XCTAssertEqual(FlowRows(c).matching(sel), expected)
    // The same names with other alternatives: their outcomes are not the first set's.
    let other = try Selector.parse("kind=heat, name~thai|hoi").get()
    let expectedOther = names.indices.filter { i in i != 5 && ["thai", "hoi"].contains { TextRules.searchKey(names[i]).contains($0) } }
    XCTAssertEqual(expectedOther, [0, 1, 2, 4])
    XCTAssertEqual(FlowRows(c).matching(other), expectedOther)
    XCTAssertEqual(FlowRows(c).matching(other), expectedOther)
  }

  /// Flow-name outcomes are kept per flow position between runs (process-wide): when the flow at a position is renamed,
  /// or another assessment has other names at the same positions, the match follows the new name, and going back to
  /// the first names gives the first matches again.
  func testFlowNameMatchesFollowRenamesAtTheSamePosition() throws {
    func assessment(_ names: [String]) -> Assessment {
      var a = newAssessment()
      a.steps = [step("s1", "One")]
      a.flows = names.enumerated().map { flow("f\($0.offset)", "s1", .output, .heat, $0.element, q(1, "kg")) }
      return a
    }
    let sel = try Selector.parse("kind=heat, name~khoi|stack").get()
    let first = ["Khói lò hơi", "Hơi rò rỉ", "Nước ngưng", "Flue stack"]
    let renamed = ["Hơi rò rỉ", "Khói ống khói", "zzz", "Ống trần"]
    // Expected from the names' search keys, worked by hand: "khoi lo hoi" and "flue stack" match; after the renames
    // only "khoi ong khoi" (position 1) does.
    for _ in 0..<2 {
      XCTAssertEqual(FlowRows(Context(assessment(first), .builtinDefaults)).matching(sel), [0, 3])
      XCTAssertEqual(FlowRows(Context(assessment(renamed), .builtinDefaults)).matching(sel), [1])
    }
    var one = assessment(first)
    one.flows[0].name = "Nước cấp"
    XCTAssertEqual(FlowRows(Context(one, .builtinDefaults)).matching(sel), [3])
  }

  /// A figure reference's text follows its segments when they change.
  func testFigureRefTextFollowsSegments() throws {
    var r = try FigureRef.parse("energy.carrier[fuel=coal].toe")
    XCTAssertEqual(r.text, "energy.carrier[fuel=coal].toe")
    r.segments[1].selector = nil
    XCTAssertEqual(r.text, "energy.carrier.toe")
    XCTAssertEqual(FigureRef(segments: [.init(name: "flow", selector: "kind=water"), .init(name: "m3")]).text, "flow[kind=water].m3")
  }
}
