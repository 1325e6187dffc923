import Foundation
import GRDB
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

  /// A header commit that reuses the body it wrote last (and splices the stamped one) stores and logs the same bytes
  /// as one that decodes and encodes every header; the body stored is what the encoder writes for the header it holds.
  func testHeaderCommitsFromTheRememberedBodyWriteTheSameBytes() throws {
    let demo = DemoAssessment.make()
    let cached = try AppDatabase(path: dir + "/cached.sqlite")
    let plain = try AppDatabase(path: dir + "/plain.sqlite")
    try cached.create(demo)
    try plain.create(demo)
    var h = demo.header
    var steps: [(AssessmentHeader, String)] = []
    for i in 0..<4 {
      h.profile.address = "số \(i) đường \"Sông\" Hàn/Huế"
      steps.append((h, "address"))
    }
    h.title = "Đánh giá — 2026"
    h.profile.employees = 2700
    steps.append((h, "two fields"))
    steps.append((h, "unchanged"))
    h.settings.discountRate = 0.0825
    steps.append((h, "settings"))
    var undone = false
    for (n, (header, label)) in steps.enumerated() {
      let at = Provenance(by: "tester", at: "2026-11-23T04:0\(n):00Z", device: "vm")
      let a = try cached.commit([.setHeader(header)], to: demo.id, label: label, by: at)
      plain.headerCache.forget()
      let b = try plain.commit([.setHeader(header)], to: demo.id, label: label, by: at)
      XCTAssertEqual(a, b, label)
      if n == 3 && !undone {
        // Another write of the row (an undo, then a redo) in between: the remembered body no longer matches.
        undone = true
        for db in [cached, plain] {
          _ = try db.undo(demo.id, at: "u")
          _ = try db.redo(demo.id, at: "r")
        }
      }
    }
    for db in [cached, plain] { XCTAssertEqual(try db.integrityCheck(), "ok") }
    let rows = { (db: AppDatabase) in
      try db.queue.read { db in
        try Row.fetchAll(db, sql: "SELECT groupId, at, label, forward, inverse, undone FROM editLog ORDER BY seq").map { $0.description }
          + String.fetchAll(db, sql: "SELECT body || searchKey || updatedAt FROM assessment")
      }
    }
    XCTAssertEqual(try rows(cached), try rows(plain))
    let body = try XCTUnwrap(try cached.queue.read { db in try String.fetchOne(db, sql: "SELECT body FROM assessment") })
    let decoded = try JSONDecoder().decode(AssessmentHeader.self, from: Data(body.utf8))
    XCTAssertEqual(body, String(decoding: try JSONCoding.encoder().encode(decoded), as: UTF8.self))
    XCTAssertEqual(decoded.profile.address, "số 3 đường \"Sông\" Hàn/Huế")
    XCTAssertEqual(decoded.provenance["settings"]?.at, "2026-11-23T04:06:00Z")
    XCTAssertEqual(decoded.updatedAt, "2026-11-23T04:06:00Z")
  }

  /// The log text of a header edit, written from the body without the encoder, is what the encoder writes for that
  /// edit: quotes, backslashes (of escapes in the body), slashes, Vietnamese, emoji, line and paragraph separators.
  func testSetHeaderLogTextIsTheEncoders() throws {
    var h = DemoAssessment.make().header
    for text in ["a \"b\" c\\d/e", "dòng 1\ndòng 2\ttab", "😀 Đà Nẵng", "x\u{2028}y\u{2029}z", "del\u{7F}", "nul\u{0}"] {
      h.profile.address = text
      let body = String(decoding: try JSONCoding.encoder().encode(h), as: UTF8.self)
      let expected = String(decoding: try JSONCoding.encoder().encode(try StoredEdit(.setHeader(h))), as: UTF8.self)
      XCTAssertEqual(try AppDatabase.json(setHeaderBody: body), expected, text)
      XCTAssertEqual(try AppDatabase.edit(try AppDatabase.json(setHeaderBody: body)), .setHeader(h), text)
    }
    // A body with a raw control character (not the encoder's) still gives the encoder's text.
    let raw = "{\"a\":\"x\ny\"}"
    XCTAssertEqual(try AppDatabase.json(setHeaderBody: raw), try AppDatabase.encodedSetHeader(body: raw))
  }

  func testChangedKeysOfCompactObjects() {
    func keys(_ a: String, _ b: String) -> [String]? { FieldStamp.changedKeys(old: Array(a.utf8), new: Array(b.utf8)) }
    XCTAssertEqual(keys(#"{"a":1,"b":"x,}","c":[1,{"d":2}],"id":"q"}"#, #"{"a":1,"b":"x,}","c":[1,{"d":3}],"id":"r"}"#), ["c"])
    XCTAssertEqual(keys(#"{"a":"\"}","p":{}}"#, #"{"a":"\"}","b":null,"provenance":{"x":1}}"#), ["b"])
    XCTAssertEqual(keys("{}", #"{"a":true}"#), ["a"])
    XCTAssertNil(keys("[1]", "{}"))
    XCTAssertNil(keys(#"{"a" :1}"#, "{}"))
  }

  /// The body with the changed members encoded alone and put in place is, byte for byte, what the encoder writes for
  /// the whole new header; a change of a member that is not spliced (status) asks for the whole encoding.
  func testMembersReplacedGivesTheWholeEncoding() throws {
    let old = DemoAssessment.make().header
    let encoder = JSONCoding.encoder()
    var changes: [(String, @Sendable (inout AssessmentHeader) -> Void)] = [
      ("nothing", { _ in }),
      ("address", { $0.profile.address = "số 1 đường \"Sông\" Hàn/Huế\n\t😀" }),
      ("employees removed", { $0.profile.employees = nil }),
      ("period", { $0.period.end = "2026-06-30" }),
      ("settings", { $0.settings.discountRate = 0.0825 }),
      ("dismissed rules", { $0.dismissedRules = ["r-1", "r/2"] }),
      ("title", { $0.title = "Đánh giá \"nhanh\" — 2026\u{1}" }),
      ("created and updated", { $0.createdAt = "2026-01-01T00:00:00Z"; $0.updatedAt = "2026-11-23T07:00:00Z" }),
      ("provenance", { $0.provenance["profile"] = Provenance(by: "t", at: "2026-11-23T07:00:00Z", device: "vm") }),
    ]
    let singles = changes
    changes.append(("all of them", { h in for (_, c) in singles { c(&h) } }))
    for (label, change) in changes {
      var new = old
      change(&new)
      let spliced = try XCTUnwrap(try AppDatabase.membersReplaced(Array(try encoder.encode(old)), from: old, to: new), label)
      XCTAssertEqual(String(decoding: spliced, as: UTF8.self), String(decoding: try encoder.encode(new), as: UTF8.self), label)
    }
    var status = old
    status.status = .complete
    XCTAssertNil(try AppDatabase.membersReplaced(Array(try encoder.encode(old)), from: old, to: status))
  }
}
