import Foundation
import XCTest

/// The foundation issue's document checks: demo sizes, import → export identity, JSON Schema conformance.
final class DocumentCLITests: XCTestCase {
  var dir: URL!

  override func setUpWithError() throws { dir = try CLI.tempDir() }
  override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

  func demo(_ db: URL) throws -> String {
    let r = try CLI.run(["demo", "--no-open", "--db", db.path])
    XCTAssertEqual(r.status, 0, r.stderr)
    return r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
  }

  func testDemoMeetsTheSizes() throws {
    let db = dir.appendingPathComponent("a.sqlite")
    let id = try demo(db)
    let show = try CLI.run(["show", id, "--json", "--db", db.path])
    XCTAssertEqual(show.status, 0, show.stderr)
    let obj = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any])
    let counts = try XCTUnwrap(obj["counts"] as? [String: Int])
    XCTAssertGreaterThanOrEqual(counts["steps"] ?? 0, 8)
    XCTAssertGreaterThanOrEqual(counts["flows"] ?? 0, 60)
    XCTAssertGreaterThanOrEqual(counts["wasteStreams"] ?? 0, 10)
    XCTAssertGreaterThanOrEqual(counts["energyCarriers"] ?? 0, 5)
    let header = (obj["assessment"] as? [String: Any])?["header"] as? [String: Any]
    XCTAssertEqual(header?["isSample"] as? Bool, true)
    let period = header?["period"] as? [String: String]
    XCTAssertEqual(period?["start"], "2025-01-01")
    XCTAssertEqual(period?["end"], "2025-12-31")
  }

  func testImportOfTheDemoExportThenExportIsIdentical() throws {
    let a = dir.appendingPathComponent("a.sqlite"), b = dir.appendingPathComponent("b.sqlite")
    let id = try demo(a)
    let first = dir.appendingPathComponent("first.json"), second = dir.appendingPathComponent("second.json")
    XCTAssertEqual(try CLI.run(["export", id, "--format", "json", "--output", first.path, "--db", a.path]).status, 0)
    let imported = try CLI.run(["import", first.path, "--db", b.path])
    XCTAssertEqual(imported.status, 0, imported.stderr)
    let newId = imported.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    XCTAssertEqual(try CLI.run(["export", newId, "--format", "json", "--output", second.path, "--db", b.path]).status, 0)
    XCTAssertEqual(try Data(contentsOf: first), try Data(contentsOf: second))
    // The export is owner-only and is not overwritten without --force.
    XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: first.path)[.posixPermissions] as? Int, 0o600)
    let again = try CLI.run(["export", id, "--format", "json", "--output", first.path, "--db", a.path])
    XCTAssertEqual(again.status, 1)
    XCTAssertTrue(again.stderr.contains("exists; use --force"), again.stderr)
  }

  func testForceNeverReplacesADeviceOrAFolder() throws {
    let db = dir.appendingPathComponent("a.sqlite")
    let id = try demo(db)
    let r = try CLI.run(["export", id, "--format", "json", "--output", "/dev/null", "--force", "--db", db.path])
    XCTAssertEqual(r.status, 1)
    XCTAssertEqual(r.stderr, "sxsh: «/dev/null» is not a regular file; not overwriting it\n")
    let attrs = try FileManager.default.attributesOfItem(atPath: "/dev/null")
    XCTAssertEqual(attrs[.type] as? FileAttributeType, .typeCharacterSpecial)
    let folder = dir.appendingPathComponent("folder")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
    let f = try CLI.run(["export", id, "--format", "json", "--output", folder.path, "--force", "--db", db.path])
    XCTAssertEqual(f.status, 1, f.stderr)
    var isDir: ObjCBool = false
    XCTAssertTrue(FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDir) && isDir.boolValue)
  }

  func testExportConformsToTheJSONSchema() throws {
    let db = dir.appendingPathComponent("a.sqlite")
    let id = try demo(db)
    let out = dir.appendingPathComponent("demo.json")
    XCTAssertEqual(try CLI.run(["export", id, "--format", "json", "--output", out.path, "--db", db.path]).status, 0)
    let schema = CLI.repoRoot.appendingPathComponent("Worksheets/schema/assessment.schema.json")
    let script = """
      import json, sys
      from jsonschema import Draft202012Validator
      schema = json.load(open(sys.argv[1])); doc = json.load(open(sys.argv[2]))
      Draft202012Validator.check_schema(schema)
      errors = sorted(Draft202012Validator(schema).iter_errors(doc), key=lambda e: list(e.path))
      for e in errors[:20]: print("/".join(map(str, e.path)), e.message[:200])
      sys.exit(1 if errors else 0)
      """
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = ["python3", "-c", script, schema.path, out.path]
    let pipe = Pipe()
    p.standardOutput = pipe
    p.standardError = pipe
    try p.run()
    let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    p.waitUntilExit()
    XCTAssertEqual(p.terminationStatus, 0, "schema validation failed (run bash .ci/setup for python3-jsonschema):\n\(text)")
  }
}
