import Foundation
import XCTest

/// The foundation issue's bad-input table: each case asserts the message and that the database is unchanged.
final class BadInputTests: XCTestCase {
  var dir: URL!
  var db: URL!
  var validDoc: [String: Any] = [:]

  override func setUpWithError() throws {
    dir = try CLI.tempDir()
    db = dir.appendingPathComponent("t.sqlite")
    let made = try CLI.run(["new", "--db", db.path, "--plant", "Nhà máy Thử", "--sector", "dệt may"])
    XCTAssertEqual(made.status, 0, made.stderr)
    let id = made.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    let export = try CLI.run(["export", id, "--db", db.path, "--format", "json", "--output", "-"])
    XCTAssertEqual(export.status, 0, export.stderr)
    validDoc = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(export.stdout.utf8)) as? [String: Any])
    // Give the valid document a step and a flow to break.
    var a = try XCTUnwrap(validDoc["assessment"] as? [String: Any])
    a["steps"] = [["id": "s1", "name": "Nhuộm", "description": "", "provenance": [:]] as [String: Any]]
    a["flows"] = [
      [
        "id": "f1", "stepId": "s1", "direction": "in", "kind": "rawMaterial", "name": "Vải mộc", "dataSource": "measured",
        "note": "", "provenance": [:], "quantity": ["value": 5, "unit": "t", "si": 5000],
      ] as [String: Any]
    ]
    validDoc["assessment"] = a
  }

  override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

  func write(_ obj: Any) throws -> URL {
    let u = dir.appendingPathComponent("doc-\(UUID().uuidString).json")
    try JSONSerialization.data(withJSONObject: obj).write(to: u)
    return u
  }

  func writeText(_ s: String) throws -> URL {
    let u = dir.appendingPathComponent("doc-\(UUID().uuidString).json")
    try Data(s.utf8).write(to: u)
    return u
  }

  /// Imports `file`, expects failure with `message` on stderr, and an unchanged database.
  func assertRejected(_ file: URL, _ message: String, line: UInt = #line) throws {
    let before = try CLI.dump(db)
    let r = try CLI.run(["import", file.path, "--db", db.path])
    XCTAssertNotEqual(r.status, 0, "import should fail", line: line)
    XCTAssertTrue(r.stderr.contains(message), "stderr was: \(r.stderr)", line: line)
    XCTAssertFalse(r.stderr.contains("Fatal error") || r.stderr.contains("Stack"), line: line)
    XCTAssertEqual(try CLI.dump(db), before, "database changed", line: line)
  }

  func mutated(_ change: (inout [String: Any]) -> Void) -> [String: Any] {
    var a = validDoc["assessment"] as? [String: Any] ?? [:]
    change(&a)
    var d = validDoc
    d["assessment"] = a
    return d
  }

  func flowChange(_ change: @escaping (inout [String: Any]) -> Void) -> [String: Any] {
    mutated { a in
      var flows = a["flows"] as? [[String: Any]] ?? []
      change(&flows[0])
      a["flows"] = flows
    }
  }

  func testValidDocumentImports() throws {
    let r = try CLI.run(["import", try write(validDoc).path, "--db", db.path])
    XCTAssertEqual(r.status, 0, r.stderr)
  }

  func testMalformedJSON() throws {
    try assertRejected(try writeText("{\"schemaVersion\": 1, \"assessment\": "), "$: malformed JSON")
  }

  func testUnknownSchemaVersion() throws {
    var d = validDoc
    d["schemaVersion"] = 99
    try assertRejected(try write(d), "$.schemaVersion: schemaVersion 99 is not supported (this version reads 1)")
  }

  func testNegativeMass() throws {
    let d = flowChange { $0["quantity"] = ["value": -5, "unit": "kg", "si": -5] }
    try assertRejected(try write(d), "$.assessment.flows[0].quantity: must not be negative (-5.0)")
  }

  func testUnitOfWrongDimension() throws {
    let d = flowChange { $0["quantity"] = ["value": 5, "unit": "kWh", "si": 18_000_000] }
    try assertRejected(try write(d), "$.assessment.flows[0].quantity.unit: unit «kWh» is energy")
  }

  func testNaNAndHugeNumbers() throws {
    // NaN is not JSON at all; 1e999 overflows a double.
    let text = String(decoding: try JSONSerialization.data(withJSONObject: flowChange { $0["quantity"] = ["value": 1, "unit": "kg", "si": 1] }), as: UTF8.self)
    try assertRejected(try writeText(text.replacingOccurrences(of: "\"si\":1", with: "\"si\":NaN")), "malformed JSON")
    let huge = text.replacingOccurrences(of: "\"value\":1", with: "\"value\":1e999")
    let r = try CLI.run(["import", try writeText(huge).path, "--db", db.path])
    XCTAssertNotEqual(r.status, 0)
    XCTAssertTrue(r.stderr.contains("$.assessment.flows[0].quantity") || r.stderr.contains("malformed JSON") || r.stderr.contains("not finite"), r.stderr)
  }

  func testEmptyRequiredField() throws {
    let d = mutated { a in
      var h = a["header"] as? [String: Any] ?? [:]
      var p = h["profile"] as? [String: Any] ?? [:]
      p["name"] = "  "
      h["profile"] = p
      a["header"] = h
    }
    try assertRejected(try write(d), "$.assessment.header.profile.name: required, but empty")
  }

  func testTenMegabyteString() throws {
    let d = flowChange { $0["note"] = String(repeating: "ă", count: 10 * 1024 * 1024 / 2) }
    try assertRejected(try write(d), "$.assessment.flows[0].note: text too long (5242880 characters; at most 10000)")
  }

  func testNFDTextIsStoredAsNFC() throws {
    let nfd = "Nhuo\u{0323}\u{0302}m vải"
    let d = flowChange { $0["name"] = nfd }
    let r = try CLI.run(["import", try write(d).path, "--db", db.path])
    XCTAssertEqual(r.status, 0, r.stderr)
    let id = r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    let dump = try CLI.dump(db)
    // Compare bytes: Swift's String comparison treats NFC and NFD as equal.
    let bytes = Data(dump.utf8)
    XCTAssertNotNil(bytes.range(of: Data("Nhuộm vải".precomposedStringWithCanonicalMapping.utf8)))
    XCTAssertNil(bytes.range(of: Data(nfd.utf8)))
    let show = try CLI.run(["show", id, "--db", db.path, "--json"])
    XCTAssertNotNil(Data(show.stdout.utf8).range(of: Data("\"name\" : \"Nhuộm vải\"".precomposedStringWithCanonicalMapping.utf8)), show.stdout)
  }

  func testDatabaseFileThatIsNotSQLite() throws {
    let notes = dir.appendingPathComponent("notes.sqlite")
    let content = Data("ghi chú, không phải SQLite".utf8)
    try content.write(to: notes)
    let r = try CLI.run(["list", "--db", notes.path])
    XCTAssertEqual(r.status, 1)
    XCTAssertEqual(r.stderr, "sxsh: «\(notes.path)» is not an SQLite database (the file was left untouched)\n")
    XCTAssertEqual(try Data(contentsOf: notes), content)
  }

  func testMissingAndReadOnlyDirectoryForDb() throws {
    let missing = dir.appendingPathComponent("no/such/dir/db.sqlite").path
    let r = try CLI.run(["list", "--db", missing])
    XCTAssertEqual(r.status, 1)
    XCTAssertEqual(r.stderr, "sxsh: directory «\(dir.appendingPathComponent("no/such/dir").path)» does not exist\n")
    // A read-only directory: permissions for a normal user; as root (who ignores them) a read-only tmpfs.
    let ro = dir.appendingPathComponent("ro")
    try FileManager.default.createDirectory(at: ro, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o500])
    var mounted = false
    if getuid() == 0 {
      let m = Process()
      m.executableURL = URL(fileURLWithPath: "/usr/bin/env")
      m.arguments = ["mount", "-t", "tmpfs", "-o", "ro,size=1m", "tmpfs", ro.path]
      try m.run()
      m.waitUntilExit()
      guard m.terminationStatus == 0 else { throw XCTSkip("cannot make a read-only directory as root here") }
      mounted = true
    }
    defer {
      if mounted {
        let u = Process()
        u.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        u.arguments = ["umount", ro.path]
        try? u.run()
        u.waitUntilExit()
      }
    }
    let r2 = try CLI.run(["list", "--db", ro.appendingPathComponent("db.sqlite").path])
    XCTAssertEqual(r2.status, 1)
    XCTAssertEqual(r2.stderr, "sxsh: cannot write to «\(ro.path)» (read-only)\n")
  }

  func testErrorsAreLocalisedInVietnamese() throws {
    let r = try CLI.run(["import", try writeText("{").path, "--db", db.path], env: ["SXSH_LANG": "vi"])
    XCTAssertTrue(r.stderr.hasPrefix("sxsh: $: JSON không hợp lệ"), r.stderr)
  }
}
