import Foundation
import XCTest

/// `sxsh derive`, `dismiss`, `accept`, `opportunities` and the results JSON, end to end on the demo.
final class OpportunityCLITests: XCTestCase {
  var dir: URL!

  override func setUpWithError() throws { dir = try CLI.tempDir() }
  override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

  func demo(_ db: URL) throws -> String {
    let r = try CLI.run(["demo", "--no-open", "--db", db.path])
    XCTAssertEqual(r.status, 0, r.stderr)
    return r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
  }

  func json(_ args: [String]) throws -> [String: Any] {
    let r = try CLI.run(args)
    XCTAssertEqual(r.status, 0, r.stderr)
    return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
  }

  func testDeriveDismissAcceptRoundTrip() throws {
    let db = dir.appendingPathComponent("a.sqlite")
    let id = try demo(db)
    let first = try json(["derive", id, "--json", "--db", db.path])
    let proposals = try XCTUnwrap(first["proposals"] as? [[String: Any]])
    XCTAssertGreaterThanOrEqual(proposals.count, 12)
    let ids = proposals.compactMap { $0["ruleId"] as? String }
    XCTAssertTrue(ids.contains("air-leak-repair"))

    // Dismissing is durable: the rule is not proposed again.
    let d = try CLI.run(["dismiss", id, "air-leak-repair", "--db", db.path])
    XCTAssertEqual(d.status, 0, d.stderr)
    let second = try json(["derive", id, "--json", "--db", db.path])
    let ids2 = (second["proposals"] as? [[String: Any]] ?? []).compactMap { $0["ruleId"] as? String }
    XCTAssertFalse(ids2.contains("air-leak-repair"))
    XCTAssertEqual(second["dismissed"] as? [String], ["air-leak-repair"])
    XCTAssertEqual(ids2.count, ids.count - 1)

    // Accepting adds the opportunity record with its rule id and explanation.
    let a = try CLI.run(["accept", id, "boiler-economiser", "--db", db.path])
    XCTAssertEqual(a.status, 0, a.stderr)
    let opps = try json(["opportunities", id, "--json", "--db", db.path])
    let list = try XCTUnwrap(opps["opportunities"] as? [[String: Any]])
    let accepted = try XCTUnwrap(list.first { $0["ruleId"] as? String == "boiler-economiser" })
    let econ = try XCTUnwrap(accepted["economics"] as? [String: Any])
    XCTAssertNotNil((econ["npv"] as? [String: Any])?["value"] as? Double)
    XCTAssertNotNil(opps["opportunitySummary"] as? [String: Any])
    let third = try json(["derive", id, "--json", "--db", db.path])
    XCTAssertFalse((third["proposals"] as? [[String: Any]] ?? []).contains { $0["ruleId"] as? String == "boiler-economiser" })
    let again = try CLI.run(["accept", id, "boiler-economiser", "--db", db.path])
    XCTAssertNotEqual(again.status, 0)
    let unknown = try CLI.run(["dismiss", id, "no-such-rule", "--db", db.path])
    XCTAssertNotEqual(unknown.status, 0)
    XCTAssertTrue(unknown.stderr.contains("no rule"), unknown.stderr)
  }

  func testResultsJSONAndTextOutput() throws {
    let db = dir.appendingPathComponent("b.sqlite")
    let id = try demo(db)
    let r = try json(["results", id, "--json", "--db", db.path])
    XCTAssertGreaterThanOrEqual((r["proposals"] as? [Any])?.count ?? 0, 12)
    XCTAssertNotNil(r["opportunities"] as? [Any])
    let summary = try XCTUnwrap(r["opportunitySummary"] as? [String: Any])
    XCTAssertNotNil(summary["macc"] as? [Any])
    XCTAssertNotNil(summary["byPayback"] as? [Any])
    let vi = try CLI.run(["opportunities", id, "--db", db.path, "--lang", "vi"])
    XCTAssertEqual(vi.status, 0, vi.stderr)
    XCTAssertTrue(vi.stdout.contains("triệu đ"), vi.stdout)
    XCTAssertTrue(vi.stdout.contains("Quy tắc trùng lặp"), vi.stdout)
    let en = try CLI.run(["derive", id, "--db", db.path])
    XCTAssertTrue(en.stdout.contains("Proposed because:"), en.stdout)
    XCTAssertTrue(en.stdout.contains("35,400,000"), "English digit grouping")
  }
}
