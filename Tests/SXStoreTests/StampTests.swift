import Foundation
import XCTest

@testable import SXCore
@testable import SXStore

/// `AppDatabase.commit` stamps provenance on the changed fields without a JSON round trip; it must store exactly what
/// `Provenance.stampChanges` gives, and keep the undo log.
final class StampTests: XCTestCase {
  var dir = ""

  override func setUpWithError() throws {
    dir = NSTemporaryDirectory() + "sxsh-stamp-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
  }

  override func tearDownWithError() throws { try? FileManager.default.removeItem(atPath: dir) }

  let stamp = Provenance(by: "tester", at: "2026-02-03T04:05:06Z", device: "ci")

  func testCommitStampsAsStampChanges() throws {
    let demo = DemoAssessment.make()
    let db = try AppDatabase(path: dir + "/db.sqlite")
    try db.create(demo)
    var edits: [AnyRecord] = []
    var f = demo.flows[3]
    f.note = "đo lại \"ngày\" 3/2\n"
    f.name += " (sửa)"
    edits.append(.flow(f))
    var g = demo.flows[5]
    g.quantity = Quantity(value: 12.5, unit: "t", si: 12_500)
    g.carrierId = nil
    edits.append(.flow(g))
    var s = demo.steps[1]
    s.name = "Nhuộm — mới"
    edits.append(.processStep(s))
    var o = demo.opportunities[0]
    o.title = "Thu hồi nước ngưng"
    o.lifetimeYears = 12
    edits.append(.opportunity(o))
    edits.append(.flow(demo.flows[7]))  // unchanged: nothing stamped
    for r in edits {
      let old = try XCTUnwrap(try db.load(demo.id).records.first { $0.kind == r.kind && $0.id == r.id })
      let expected = try AnyRecord.decode(r.kind, try Provenance.stampChanges(old: try old.encoded(), new: try r.encoded(), stamp: stamp))
      let stored = try db.commit([.upsert(r, position: nil)], to: demo.id, label: "edit", by: stamp)
      XCTAssertEqual(stored, [.upsert(expected, position: nil)])
      XCTAssertEqual(try db.load(demo.id).records.first { $0.kind == r.kind && $0.id == r.id }, expected)
      // Undo brings the previous record back.
      let u = try XCTUnwrap(try db.undo(demo.id, at: "t"))
      XCTAssertEqual(u.edits, [.upsert(old, position: nil)])
      XCTAssertEqual(try db.load(demo.id).records.first { $0.kind == r.kind && $0.id == r.id }, old)
      _ = try db.redo(demo.id, at: "t")
    }
    XCTAssertEqual(try db.integrityCheck(), "ok")
  }

  func testHeaderCommitStampsAsStampChanges() throws {
    let demo = DemoAssessment.make()
    let db = try AppDatabase(path: dir + "/db.sqlite")
    try db.create(demo)
    var headers: [AssessmentHeader] = []
    var h = demo.header
    h.profile.address = "12 đường \"Sông\" Hàn\n"
    headers.append(h)
    h.profile.employees = 2700
    h.title = "Đánh giá — 2026"
    headers.append(h)
    h.dismissedRules = ["r1", "r2"]
    headers.append(h)
    headers.append(h)  // unchanged but for updatedAt
    for h in headers {
      let oldBody = try db.load(demo.id).header
      var expected = try JSONDecoder().decode(
        AssessmentHeader.self,
        from: try Provenance.stampChanges(old: try JSONCoding.encoder().encode(oldBody), new: try JSONCoding.encoder().encode(h), stamp: stamp))
      expected.updatedAt = stamp.at
      let stored = try db.commit([.setHeader(h)], to: demo.id, label: "header", by: stamp)
      XCTAssertEqual(stored, [.setHeader(expected)])
      XCTAssertEqual(try db.load(demo.id).header, expected)
      let u = try XCTUnwrap(try db.undo(demo.id, at: "t"))
      XCTAssertEqual(u.edits, [.setHeader(oldBody)])
      XCTAssertEqual(try db.load(demo.id).header, oldBody)
      _ = try db.redo(demo.id, at: "t")
    }
    XCTAssertEqual(try db.integrityCheck(), "ok")
  }

  func testChangedKeysOfCompactObjects() {
    func keys(_ a: String, _ b: String) -> [String]? { FieldStamp.changedKeys(old: Array(a.utf8), new: Array(b.utf8)) }
    XCTAssertEqual(keys(#"{"a":1,"b":"x,}","c":[1,{"d":2}],"id":"q"}"#, #"{"a":1,"b":"x,}","c":[1,{"d":3}],"id":"r"}"#), ["c"])
    XCTAssertEqual(keys(#"{"a":"\"}","p":{}}"#, #"{"a":"\"}","b":null,"provenance":{"x":1}}"#), ["b"])
    XCTAssertEqual(keys("{}", #"{"a":true}"#), ["a"])
    XCTAssertNil(keys("[1]", "{}"))
    XCTAssertNil(keys(#"{"a" :1}"#, "{}"))
  }
}
