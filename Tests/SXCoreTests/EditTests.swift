import XCTest

@testable import SXCore

final class EditTests: XCTestCase {
  func sample() -> Assessment {
    var h = AssessmentHeader(id: "a1")
    h.profile.name = "Nhà máy A"
    var a = Assessment(header: h)
    var s = ProcessStep(id: "s1")
    s.name = "Nhuộm"
    a.steps = [s]
    for i in 0..<3 {
      var f = Flow(id: "f\(i)", stepId: "s1")
      f.name = "Dòng \(i)"
      a.flows.append(f)
    }
    return a
  }

  func testEveryEditHasAnExactInverse() throws {
    let original = sample()
    var f = Flow(id: "f9", stepId: "s1")
    f.name = "Mới"
    var renamed = original.flows[1]
    renamed.name = "Đổi tên"
    let edits: [Edit] = [
      .upsert(.flow(f), position: 1), .upsert(.flow(renamed), position: nil), .delete(.flow, id: "f0"),
      .move(.flow, id: "f2", to: 0), .setHeader(original.header),
    ]
    for e in edits {
      var a = original
      let inverse = try a.apply(e)
      if case .setHeader = e {} else { XCTAssertNotEqual(a, original, "\(e) changed nothing") }
      try a.apply(inverse)
      XCTAssertEqual(a, original, "\(e)")
    }
  }

  func testInsertPositionAndMove() throws {
    var a = sample()
    var f = Flow(id: "x", stepId: "s1")
    f.name = "x"
    try a.apply(.upsert(.flow(f), position: 1))
    XCTAssertEqual(a.flows.map(\.id), ["f0", "x", "f1", "f2"])
    try a.apply(.move(.flow, id: "f0", to: 3))
    XCTAssertEqual(a.flows.map(\.id), ["x", "f1", "f2", "f0"])
    XCTAssertThrowsError(try a.apply(.delete(.flow, id: "nope")))
  }

  func testStoredEditRoundTrip() throws {
    var f = Flow(id: "x", stepId: "s1")
    f.quantity = try Quantity(2.5, "t")
    for e in [Edit.upsert(.flow(f), position: 2), .delete(.processStep, id: "s"), .move(.flow, id: "x", to: 4), .setHeader(sample().header)] {
      let data = try JSONCoding.encoder().encode(StoredEdit(e))
      XCTAssertEqual(try JSONDecoder().decode(StoredEdit.self, from: data).edit(), e)
    }
  }

  func testProvenanceStampsChangedFieldsOnly() throws {
    var f = Flow(id: "x", stepId: "s1")
    f.name = "A"
    let old = try AnyRecord.flow(f).encoded()
    f.name = "B"
    f.quantity = try Quantity(3, "kg")
    let stamp = Provenance(by: "lan", at: "2026-01-01T00:00:00Z", device: "laptop")
    let out = try Provenance.stampChanges(old: old, new: try AnyRecord.flow(f).encoded(), stamp: stamp)
    guard case .flow(let g) = try AnyRecord.decode(.flow, out) else { return XCTFail() }
    XCTAssertEqual(g.provenance["name"], stamp)
    XCTAssertEqual(g.provenance["quantity"], stamp)
    XCTAssertNil(g.provenance["stepId"])
  }
}
