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
}
