import Foundation
import XCTest

/// Documented limits give clear messages, quickly, and write nothing (issue 8).
final class ReliabilityLimitsTests: XCTestCase {
  var dir = URL(fileURLWithPath: NSTemporaryDirectory())

  override func setUpWithError() throws { dir = try CLI.tempDir() }
  override func tearDown() { try? FileManager.default.removeItem(at: dir) }

  func count(_ db: String) throws -> Int {
    let r = try CLI.run(["list", "--db", db, "--json"])
    XCTAssertEqual(r.status, 0, r.stderr)
    return r.stdout.components(separatedBy: "\"id\"").count - 1
  }

  /// A file over Limits.maxImportBytes (64 MiB) is refused before it is read.
  func testImportOverSizeLimitIsRefusedQuickly() throws {
    let db = dir.appendingPathComponent("l.sqlite").path
    _ = try CLI.run(["demo", "--no-open", "--db", db])
    let big = dir.appendingPathComponent("big.json")
    FileManager.default.createFile(atPath: big.path, contents: Data("{".utf8))
    let h = try FileHandle(forWritingTo: big)
    try h.truncate(atOffset: 64 * 1024 * 1024 + 1)  // sparse: no 64 MiB written
    try h.close()
    let r = try CLI.run(["import", big.path, "--db", db])
    XCTAssertNotEqual(r.status, 0)
    // The check before reading names the file; the document check after reading would say "$: file too large".
    XCTAssertEqual(r.stderr, "sxsh: «\(big.path)» is too large (67108865 bytes; at most 67108864)\n")
    XCTAssertEqual(try count(db), 1)
  }

  /// Text longer than Limits.maxTextLength (10,000 characters) is refused with a message; exactly 10,000 is kept.
  func testTextOverTenThousandCharactersIsRefused() throws {
    let db = dir.appendingPathComponent("t.sqlite").path
    let long = String(repeating: "ệ", count: 10_001)
    let r = try CLI.run(["new", "--plant", long, "--sector", "dệt", "--db", db])
    XCTAssertNotEqual(r.status, 0)
    XCTAssertTrue(r.stderr.contains("text too long") && r.stderr.contains("10001"), String(r.stderr.prefix(300)))
    let ok = try CLI.run(["new", "--plant", String(long.dropLast()), "--sector", "dệt", "--db", db])
    XCTAssertEqual(ok.status, 0, String(ok.stderr.prefix(300)))
    XCTAssertEqual(try count(db), 1)
    // The same limit through an imported document.
    let doc = try CLI.run(["export", ok.stdout.trimmingCharacters(in: .whitespacesAndNewlines), "--db", db, "-o", "-"])
    let tooLong = doc.stdout.replacingOccurrences(of: String(long.dropLast()), with: long)
    XCTAssertNotEqual(tooLong, doc.stdout)
    let file = dir.appendingPathComponent("long.json")
    try Data(tooLong.utf8).write(to: file)
    let imp = try CLI.run(["import", file.path, "--db", db])
    XCTAssertNotEqual(imp.status, 0)
    XCTAssertTrue(imp.stderr.contains("text too long"), String(imp.stderr.prefix(300)))
    XCTAssertEqual(try count(db), 1)
  }

  /// Deeply nested JSON is an error, not a stack overflow.
  func testDeeplyNestedImportIsAnError() throws {
    let db = dir.appendingPathComponent("n.sqlite").path
    let file = dir.appendingPathComponent("deep.json")
    try Data((String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)).utf8).write(to: file)
    let r = try CLI.run(["import", file.path, "--db", db])
    XCTAssertEqual(r.status, 1, r.stderr)
    XCTAssertTrue(r.stderr.hasPrefix("sxsh: "), r.stderr)
  }

  // MARK: archives

  /// Writes zips with Python's zipfile (an independent writer): the demo document, a zip bomb, two documents, and an
  /// entry whose headers declare 1,000 bytes for 3 MB of data.
  func makeZips(_ json: URL) throws {
    let script = """
      import zipfile, struct, sys
      d = sys.argv[2]
      with zipfile.ZipFile(d + '/demo.zip', 'w', zipfile.ZIP_DEFLATED) as z: z.write(sys.argv[1], 'demo.json')
      with zipfile.ZipFile(d + '/bomb.zip', 'w', zipfile.ZIP_DEFLATED) as z: z.writestr('a.json', b' ' * (80 * 1024 * 1024))
      with zipfile.ZipFile(d + '/two.zip', 'w', zipfile.ZIP_DEFLATED) as z:
          z.writestr('a.json', '{}'); z.writestr('b.json', '{}')
      with zipfile.ZipFile(d + '/liar.zip', 'w', zipfile.ZIP_DEFLATED) as z: z.writestr('a.json', b'{"x":"' + b'ab' * 1500000 + b'"}')
      b = bytearray(open(d + '/liar.zip', 'rb').read())
      struct.pack_into('<I', b, b.find(b'PK\\x03\\x04') + 22, 1000)
      struct.pack_into('<I', b, b.find(b'PK\\x01\\x02') + 24, 1000)
      open(d + '/liar.zip', 'wb').write(b)
      """
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = ["python3", "-c", script, json.path, dir.path]
    try p.run()
    p.waitUntilExit()
    XCTAssertEqual(p.terminationStatus, 0, "python3 zipfile")
  }

  /// A zipped JSON export imports like the JSON itself; a zip bomb, a zip with two documents and a zip whose declared
  /// sizes lie are refused with the reason, and nothing is stored.
  func testZippedImportAndArchiveExpansionLimits() throws {
    let src = dir.appendingPathComponent("src.sqlite").path
    let id = try CLI.run(["demo", "--no-open", "--db", src]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    let json = dir.appendingPathComponent("demo.json")
    XCTAssertEqual(try CLI.run(["export", id, "--format", "json", "-o", json.path, "--db", src]).status, 0)
    try makeZips(json)
    let db = dir.appendingPathComponent("z.sqlite").path
    let ok = try CLI.run(["import", dir.appendingPathComponent("demo.zip").path, "--db", db])
    XCTAssertEqual(ok.status, 0, ok.stderr)
    // Same document as the JSON file: exporting the imported copy gives the original's assessment back.
    let back = try CLI.run(["export", ok.stdout.trimmingCharacters(in: .whitespacesAndNewlines), "--format", "json", "-o", "-", "--db", db])
    let orig = try String(contentsOf: json, encoding: .utf8)
    func assessment(_ s: String) -> String { String(s[s.range(of: "\"assessment\"")!.lowerBound...].prefix(20_000)) }
    XCTAssertEqual(assessment(back.stdout), assessment(orig))
    let before = try CLI.dump(URL(fileURLWithPath: db))
    let cases: [(String, String)] = [
      ("bomb.zip", "«a.json» expands beyond the limit (at most 67108864 bytes, 100:1); not imported"),
      ("two.zip", "expected exactly one .json file in the zip (found 2)"),
      ("liar.zip", "«a.json» expands beyond the limit (at most 67108864 bytes, 100:1); not imported"),
    ]
    for (name, message) in cases {
      let path = dir.appendingPathComponent(name).path
      let r = try CLI.run(["import", path, "--db", db])
      XCTAssertEqual(r.status, 1, name)
      XCTAssertEqual(r.stderr, "sxsh: «\(path)»: \(message)\n", name)
    }
    XCTAssertEqual(try CLI.dump(URL(fileURLWithPath: db)), before, "a refused archive changes nothing")
  }
}
