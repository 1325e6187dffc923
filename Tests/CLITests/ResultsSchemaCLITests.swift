import Foundation
import XCTest

/// `sxsh results ID --json` and the `"results"` member of `sxsh export --format json` against the documented layout
/// (`Worksheets/schema/assessment.schema.json`, `$defs/Results`), checked by an independent validator (Python's
/// jsonschema, Draft 2020-12), plus planted violations so the check can fail.
final class ResultsSchemaCLITests: XCTestCase {
  var dir: URL!

  override func setUpWithError() throws { dir = try CLI.tempDir() }
  override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

  static let schema = CLI.repoRoot.appendingPathComponent("Worksheets/schema/assessment.schema.json")

  /// Validates argv[3] against the schema (argv[1]): `results` → `$defs/Results` through a wrapper schema that keeps
  /// the `$defs`, `document` → the root schema. argv[4] (optional) plants a violation first:
  /// `delete:<dotted path>`, `add:<dotted path>` (an unknown property `bogus`), `set:<dotted path>=<JSON>`.
  /// Prints one `path: message` line per error; exit 0 valid, 1 invalid, 3 jsonschema missing.
  static let validator = """
    import json, sys
    try:
        from jsonschema import Draft202012Validator
    except ImportError:
        print("python3 jsonschema is missing: run bash .ci/setup"); sys.exit(3)
    schema = json.load(open(sys.argv[1])); kind = sys.argv[2]; doc = json.load(open(sys.argv[3]))
    Draft202012Validator.check_schema(schema)
    target = schema if kind == "document" else {"$schema": schema["$schema"], "$defs": schema["$defs"], "$ref": "#/$defs/Results"}
    def walk(node, keys):
        for k in keys: node = node[int(k)] if isinstance(node, list) else node[k]
        return node
    if len(sys.argv) > 4:
        op, _, arg = sys.argv[4].partition(":")
        where, _, value = arg.partition("=")
        keys = where.split(".")
        parent = walk(doc, keys[:-1])
        if op == "delete": del parent[keys[-1]]
        elif op == "add": walk(doc, keys)["bogus"] = 1
        elif op == "set": parent[keys[-1]] = json.loads(value)
        else: sys.exit("unknown mutation " + op)
    errors = sorted(Draft202012Validator(target).iter_errors(doc), key=lambda e: [str(p) for p in e.absolute_path])
    for e in errors[:40]:
        print("$" + "".join("[%d]" % p if isinstance(p, int) else "." + p for p in e.absolute_path) + ": " + e.message[:300])
    if len(errors) > 40: print("... %d more" % (len(errors) - 40))
    sys.exit(1 if errors else 0)
    """

  struct Outcome {
    var status: Int32
    var text: String
  }

  func validate(_ file: URL, as kind: String, plant mutation: String? = nil) throws -> Outcome {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = ["python3", "-c", Self.validator, Self.schema.path, kind, file.path] + (mutation.map { [$0] } ?? [])
    let out = dir.appendingPathComponent("validator-\(UUID().uuidString).txt")
    FileManager.default.createFile(atPath: out.path, contents: nil)
    let h = try FileHandle(forWritingTo: out)
    p.standardOutput = h
    p.standardError = h
    try p.run()
    p.waitUntilExit()
    try h.close()
    let text = String(decoding: try Data(contentsOf: out), as: UTF8.self)
    if p.terminationStatus == 3 || text.contains("No module named") {
      XCTFail("python3 jsonschema is missing (run bash .ci/setup):\n\(text)")
    }
    return Outcome(status: p.terminationStatus, text: text)
  }

  var db: URL { dir.appendingPathComponent("a.sqlite") }

  /// `sxsh results ID --json` written to a file.
  func resultsJSON(_ id: String, _ name: String) throws -> URL {
    let r = try CLI.run(["results", id, "--json", "--db", db.path])
    XCTAssertEqual(r.status, 0, r.stderr)
    let file = dir.appendingPathComponent(name)
    try Data(r.stdout.utf8).write(to: file)
    return file
  }

  /// The demo's results (`sxsh results --json`) and its JSON export.
  func demoOutputs() throws -> (results: URL, export: URL) {
    let demo = try CLI.run(["demo", "--no-open", "--db", db.path])
    XCTAssertEqual(demo.status, 0, demo.stderr)
    let id = demo.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    let results = try resultsJSON(id, "results.json")
    let export = dir.appendingPathComponent("export.json")
    let e = try CLI.run(["export", id, "--format", "json", "--output", export.path, "--db", db.path])
    XCTAssertEqual(e.status, 0, e.stderr)
    return (results, export)
  }

  func testResultsJSONAndExportConformToTheSchema() throws {
    let (results, export) = try demoOutputs()
    let r = try validate(results, as: "results")
    XCTAssertEqual(r.status, 0, "sxsh results --json does not match $defs/Results:\n\(r.text)")
    let d = try validate(export, as: "document")
    XCTAssertEqual(d.status, 0, "sxsh export --format json does not match the schema:\n\(d.text)")

    // The demo exercises the optional parts, so they are checked too: the opportunity layer, figures without a value.
    let obj = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: results)) as? [String: Any])
    XCTAssertFalse((obj["opportunities"] as? [Any] ?? []).isEmpty, "demo results have no opportunities")
    XCTAssertNotNil(obj["opportunitySummary"] as? [String: Any])
    XCTAssertNotNil(obj["proposals"] as? [Any])
    let doc = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: export)) as? [String: Any])
    XCTAssertEqual((doc["results"] as? [String: Any])?["assessmentId"] as? String, obj["assessmentId"] as? String)
  }

  /// Incomplete data exercises the rest of the layout: `issues`, figures without a value, `biggestMissing`.
  func testIncompleteResultsConformToTheSchema() throws {
    let (_, export) = try demoOutputs()
    // An empty assessment.
    let made = try CLI.run(["new", "--plant", "Trống", "--sector", "textile", "--db", db.path])
    XCTAssertEqual(made.status, 0, made.stderr)
    let empty = try resultsJSON(made.stdout.trimmingCharacters(in: .whitespacesAndNewlines), "empty.json")
    // The demo with every third flow quantity and two carrier prices removed.
    var doc = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: export)) as? [String: Any])
    doc.removeValue(forKey: "results")
    var a = try XCTUnwrap(doc["assessment"] as? [String: Any])
    var flows = try XCTUnwrap(a["flows"] as? [[String: Any]])
    for i in flows.indices where i % 3 == 0 { flows[i].removeValue(forKey: "quantity") }
    a["flows"] = flows
    var carriers = try XCTUnwrap(a["energyCarriers"] as? [[String: Any]])
    for i in carriers.indices.prefix(2) { carriers[i].removeValue(forKey: "unitPrice") }
    a["energyCarriers"] = carriers
    doc["assessment"] = a
    let partialDoc = dir.appendingPathComponent("partial-doc.json")
    try JSONSerialization.data(withJSONObject: doc, options: [.sortedKeys]).write(to: partialDoc)
    let imported = try CLI.run(["import", partialDoc.path, "--db", db.path])
    XCTAssertEqual(imported.status, 0, imported.stderr)
    let partial = try resultsJSON(imported.stdout.trimmingCharacters(in: .whitespacesAndNewlines), "partial.json")

    for file in [empty, partial] {
      let o = try validate(file, as: "results")
      XCTAssertEqual(o.status, 0, "\(file.lastPathComponent) does not match $defs/Results:\n\(o.text)")
      let obj = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
      XCTAssertEqual(obj["complete"] as? Bool, false, file.lastPathComponent)
      XCTAssertFalse((obj["issues"] as? [Any] ?? []).isEmpty, file.lastPathComponent)
    }
    let text = String(decoding: try Data(contentsOf: partial), as: UTF8.self)
    XCTAssertTrue(text.contains("\"biggestMissing\""), "the partial demo flags no balance")
  }

  func testPlantedViolationsAreReported() throws {
    let (results, export) = try demoOutputs()
    let cases: [(kind: String, file: URL, mutation: String, expected: String)] = [
      ("results", results, "delete:complete", "$: 'complete' is a required property"),
      ("results", results, "delete:energy.total.gj.unit", "$.energy.total.gj: 'unit' is a required property"),
      ("results", results, "add:balance.plant", "$.balance.plant: Additional properties are not allowed ('bogus' was unexpected)"),
      ("results", results, "set:energy.total.toe.status=\"maybe\"", "$.energy.total.toe.status: 'maybe' is not one of ['ok', 'incomplete']"),
      ("results", results, "set:co2.gridFactorYear=\"2023\"", "$.co2.gridFactorYear: '2023' is not of type 'integer'"),
      ("results", results, "set:schemaVersion=2", "$.schemaVersion: 1 was expected"),
      ("results", results, "delete:opportunitySummary.total.co2t", "$.opportunitySummary.total: 'co2t' is a required property"),
      ("results", results, "add:opportunities.0.economics", "$.opportunities[0].economics: Additional properties are not allowed"),
      ("document", export, "delete:results.water.total", "$.results.water: 'total' is a required property"),
      ("document", export, "set:results.complete=\"yes\"", "$.results.complete: 'yes' is not of type 'boolean'"),
    ]
    for c in cases {
      let o = try validate(c.file, as: c.kind, plant: c.mutation)
      XCTAssertEqual(o.status, 1, "\(c.mutation) should be rejected:\n\(o.text)")
      XCTAssertTrue(o.text.contains(c.expected), "\(c.mutation): expected «\(c.expected)» in:\n\(o.text)")
    }
  }
}
