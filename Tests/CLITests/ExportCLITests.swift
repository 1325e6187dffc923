import Foundation
import XCTest

/// `sxsh export`: every format of the demo in both languages, owner-only files, no overwrite without --force, no
/// writing through a symlink, no partial file left on failure.
final class ExportCLITests: XCTestCase {
  func demo(_ dir: URL) throws -> (db: String, id: String) {
    let db = dir.appendingPathComponent("x.sqlite").path
    let r = try CLI.run(["demo", "--no-open", "--db", db])
    XCTAssertEqual(r.status, 0, r.stderr)
    return (db, r.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
  }

  func mode(_ path: String) -> Int {
    ((try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions] as? NSNumber)?.intValue ?? -1
  }

  func testEveryFormatInBothLanguages() throws {
    let dir = try CLI.tempDir()
    defer { try? FileManager.default.removeItem(at: dir) }
    let (db, id) = try demo(dir)
    for lang in ["vi", "en"] {
      for (format, ext, magic) in [("xlsx", "xlsx", "PK"), ("html", "html", "<!DOCTYPE html>"), ("md", "md", "<!--"), ("blank", "html", "<!DOCTYPE html>"), ("json", "json", "{"), ("csv", "zip", "PK")] {
        let out = dir.appendingPathComponent("\(format)-\(lang).\(ext)").path
        let r = try CLI.run(["export", id, "--db", db, "--format", format, "--lang", lang, "-o", out], env: ["SXSH_LANG": lang])
        XCTAssertEqual(r.status, 0, "\(format) \(lang): \(r.stderr)")
        let data = try Data(contentsOf: URL(fileURLWithPath: out))
        XCTAssertTrue(data.starts(with: Data(magic.utf8)), "\(format) \(lang)")
        XCTAssertEqual(mode(out), 0o600, "\(format) owner-only")
      }
      let folder = dir.appendingPathComponent("csv-\(lang)").path
      let r = try CLI.run(["export", id, "--db", db, "--format", "csv", "--lang", lang, "-o", folder])
      XCTAssertEqual(r.status, 0, r.stderr)
      XCTAssertEqual(mode(folder), 0o700)
      let files = try FileManager.default.contentsOfDirectory(atPath: folder)
      XCTAssertGreaterThan(files.count, 20)
      XCTAssertTrue(files.allSatisfy { $0.hasSuffix(".csv") && mode(folder + "/" + $0) == 0o600 })
    }
    let vi = try String(contentsOf: dir.appendingPathComponent("html-vi.html"), encoding: .utf8)
    let en = try String(contentsOf: dir.appendingPathComponent("html-en.html"), encoding: .utf8)
    XCTAssertTrue(vi.contains("<html lang=\"vi\">") && vi.contains("Cân bằng vật chất"))
    XCTAssertTrue(en.contains("<html lang=\"en\">") && en.contains("Material balance"))
    let json = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("json-vi.json"))) as? [String: Any]
    XCTAssertNotNil(json?["results"], "json = document + results")
    XCTAssertNotNil(json?["assessment"])
  }

  func testBatchExportWritesWhatSingleExportsWrite() throws {
    let dir = try CLI.tempDir()
    defer { try? FileManager.default.removeItem(at: dir) }
    let (db, demoId) = try demo(dir)
    let made = try CLI.run(["new", "--db", db, "--plant", "Nhà máy Bình An", "--sector", "dệt may"])
    XCTAssertEqual(made.status, 0, made.stderr)
    let otherId = made.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    for (format, ext) in [("xlsx", "xlsx"), ("csv", "zip"), ("json", "json")] {
      let out = dir.appendingPathComponent("all-\(format)").path
      let r = try CLI.run(["export", "--all", "--db", db, "--format", format, "-o", out])
      XCTAssertEqual(r.status, 0, "\(format): \(r.stderr)")
      XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out).sorted(), ["\(demoId).\(ext)", "\(otherId).\(ext)"].sorted())
      for id in [demoId, otherId] {
        let single = dir.appendingPathComponent("one-\(id).\(ext)").path
        XCTAssertEqual(try CLI.run(["export", id, "--db", db, "--format", format, "-o", single]).status, 0)
        let batch = "\(out)/\(id).\(ext)"
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: batch)), try Data(contentsOf: URL(fileURLWithPath: single)), "\(format) \(id)")
        XCTAssertEqual(mode(batch), 0o600)
      }
    }
    // Two ids named on the command line: the same two files.
    let listed = dir.appendingPathComponent("listed").path
    XCTAssertEqual(try CLI.run(["export", demoId, otherId, "--db", db, "--format", "md", "-o", listed]).status, 0)
    XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: listed).count, 2)
  }

  func testBatchExportReportsEachFailureAndWritesTheOthers() throws {
    let dir = try CLI.tempDir()
    defer { try? FileManager.default.removeItem(at: dir) }
    let (db, demoId) = try demo(dir)
    let made = try CLI.run(["new", "--db", db, "--plant", "Other", "--sector", "textile"])
    let otherId = made.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    let out = dir.appendingPathComponent("batch")
    try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
    // The demo's file is already there: it is refused without --force and left as it was; the other is written.
    let planted = out.appendingPathComponent("\(demoId).html")
    try Data("keep".utf8).write(to: planted)
    let r = try CLI.run(["export", "--all", "--db", db, "--format", "html", "-o", out.path, "--lang", "en"])
    XCTAssertNotEqual(r.status, 0)
    XCTAssertTrue(r.stderr.contains(demoId) && r.stderr.contains("--force"), r.stderr)
    XCTAssertFalse(r.stderr.contains(otherId), r.stderr)
    XCTAssertEqual(try String(contentsOf: planted, encoding: .utf8), "keep")
    let other = try String(contentsOf: out.appendingPathComponent("\(otherId).html"), encoding: .utf8)
    XCTAssertTrue(other.hasPrefix("<!DOCTYPE html>"))
    // With --force both are written.
    XCTAssertEqual(try CLI.run(["export", "--all", "--db", db, "--format", "html", "-o", out.path, "--force"]).status, 0)
    XCTAssertNotEqual(try String(contentsOf: planted, encoding: .utf8), "keep")
    // Neither ids nor --all: a usage error.
    XCTAssertNotEqual(try CLI.run(["export", "--db", db, "-o", out.path]).status, 0)
  }

  func testNoOverwriteWithoutForceNoSymlinkNoLeftovers() throws {
    let dir = try CLI.tempDir()
    defer { try? FileManager.default.removeItem(at: dir) }
    let (db, id) = try demo(dir)
    let out = dir.appendingPathComponent("r.html").path
    XCTAssertEqual(try CLI.run(["export", id, "--db", db, "--format", "html", "-o", out]).status, 0)
    let before = try Data(contentsOf: URL(fileURLWithPath: out))
    let again = try CLI.run(["export", id, "--db", db, "--format", "md", "-o", out])
    XCTAssertNotEqual(again.status, 0)
    XCTAssertTrue(again.stderr.contains("--force"), again.stderr)
    XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: out)), before, "untouched")
    XCTAssertEqual(try CLI.run(["export", id, "--db", db, "--format", "md", "-o", out, "--force"]).status, 0)
    XCTAssertNotEqual(try Data(contentsOf: URL(fileURLWithPath: out)), before)

    // A planted symlink is refused, and its target is untouched.
    let victim = dir.appendingPathComponent("victim.txt")
    try Data("keep".utf8).write(to: victim)
    let link = dir.appendingPathComponent("link.xlsx").path
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: victim.path)
    for force in [[], ["--force"]] {
      let r = try CLI.run(["export", id, "--db", db, "--format", "xlsx", "-o", link] + force)
      XCTAssertNotEqual(r.status, 0)
      XCTAssertEqual(try String(contentsOf: victim, encoding: .utf8), "keep")
    }

    // A folder that is not a csv export is never replaced, even with --force.
    let other = dir.appendingPathComponent("other")
    try FileManager.default.createDirectory(at: other, withIntermediateDirectories: true)
    try Data("x".utf8).write(to: other.appendingPathComponent("notes.txt"))
    XCTAssertNotEqual(try CLI.run(["export", id, "--db", db, "--format", "csv", "-o", other.path, "--force"]).status, 0)
    XCTAssertTrue(FileManager.default.fileExists(atPath: other.appendingPathComponent("notes.txt").path))
    // A csv folder is replaced with --force.
    let csv = dir.appendingPathComponent("csv").path
    XCTAssertEqual(try CLI.run(["export", id, "--db", db, "--format", "csv", "-o", csv]).status, 0)
    XCTAssertNotEqual(try CLI.run(["export", id, "--db", db, "--format", "csv", "-o", csv]).status, 0)
    XCTAssertEqual(try CLI.run(["export", id, "--db", db, "--format", "csv", "-o", csv, "--force", "--lang", "en"]).status, 0)

    // A failed write (missing folder) leaves nothing behind.
    let missing = dir.appendingPathComponent("nope/r.xlsx").path
    XCTAssertNotEqual(try CLI.run(["export", id, "--db", db, "--format", "xlsx", "-o", missing]).status, 0)
    let left = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix(".") }
    XCTAssertEqual(left, [], "no temporary files left")
  }
}
