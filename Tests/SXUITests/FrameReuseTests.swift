import Foundation
import SXCore
import Testing

@testable import SXUI

/// What a frame reuses from the one before: the presenter's unchanged rows, the W0 form's header tree.
@Suite struct FrameReuseTests {
  @Test func rowComparisonSeesOnlyEqualRowsOfSameSizedBuffers() {
    var a = ScreenBuffer(rows: 3, cols: 10), b = ScreenBuffer(rows: 3, cols: 10)
    _ = a.put("abc", row: 1, col: 2)
    _ = b.put("abc", row: 1, col: 2)
    #expect(a.row(0, equalsRowOf: b) && a.row(1, equalsRowOf: b) && a.row(2, equalsRowOf: b))
    _ = b.put("x", row: 2, col: 9, style: .warning)
    #expect(a.row(1, equalsRowOf: b))
    #expect(!a.row(2, equalsRowOf: b))
    // Same text, another style: a different row.
    var c = a
    c.setStyle(.selected, in: Rect(row: 1, col: 2, height: 1, width: 1))
    #expect(!a.row(1, equalsRowOf: c))
    // Another size, or a row outside: never equal.
    #expect(!a.row(0, equalsRowOf: ScreenBuffer(rows: 3, cols: 11)))
    #expect(!a.row(3, equalsRowOf: b) && !a.row(-1, equalsRowOf: b))
  }

  /// Strings compare by canonical equivalence: "é" (U+00E9) == "e" + U+0301. A header changed only that way is a
  /// new revision, and its tree holds the new scalars.
  @Test func headerTreeFollowsAnEditThatEqualsTheOldHeader() {
    let composed = "Caf\u{E9}", decomposed = "Cafe\u{301}"
    var h1 = AssessmentHeader(id: "a"), h2 = AssessmentHeader(id: "a")
    h1.profile.address = composed
    h2.profile.address = decomposed
    #expect(h1 == h2)
    let doc = UUID()
    func address(_ tree: [String: Any]) -> String? { (tree["profile"] as? [String: Any])?["address"] as? String }
    let t1 = FieldCodec.cachedJSON(of: h1, document: doc, revision: 4)
    #expect(address(t1).map { Array($0.unicodeScalars) } == Array(composed.unicodeScalars))
    let t2 = FieldCodec.cachedJSON(of: h2, document: doc, revision: 5)
    #expect(address(t2).map { Array($0.unicodeScalars) } == Array(decomposed.unicodeScalars))
    // Another document at the same revision does not take the cached tree either.
    let t3 = FieldCodec.cachedJSON(of: h1, document: UUID(), revision: 5)
    #expect(address(t3).map { Array($0.unicodeScalars) } == Array(composed.unicodeScalars))
  }
}
