import Foundation
import XCTest

/// I/O errors and full disks (issue 8): injected pwrite/fdatasync failures (libfiu's fiu-run), a tiny tmpfs that
/// fills up, and /dev/full. Acknowledged saves survive; failures say NOT SAVED / CHƯA LƯU and exit non-zero;
/// nothing claims a save that failed. Skips only when fiu-run is missing or tmpfs cannot be mounted (not root).
final class ReliabilityIOErrorTests: XCTestCase {
  var dir = URL(fileURLWithPath: NSTemporaryDirectory())

  override func setUpWithError() throws { dir = try CLI.tempDir() }
  override func tearDown() { try? FileManager.default.removeItem(at: dir) }

  static var bench: URL { CLI.binary.deletingLastPathComponent().appendingPathComponent("sxsh-bench") }

  static func tool(_ name: String) -> String? {
    ["/usr/bin/\(name)", "/usr/local/bin/\(name)", "/bin/\(name)"].first { FileManager.default.isExecutableFile(atPath: $0) }
  }

  func run(_ exe: String, _ args: [String], env: [String: String] = [:]) throws -> CLI.Result {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: exe)
    p.arguments = args
    var e = ProcessInfo.processInfo.environment
    e["SXSH_LANG"] = "en"
    e["SWIFT_BACKTRACE"] = "enable=no"
    for (k, v) in env { e[k] = v }
    p.environment = e
    let out = dir.appendingPathComponent("out-\(UUID().uuidString)"), err = dir.appendingPathComponent("err-\(UUID().uuidString)")
    FileManager.default.createFile(atPath: out.path, contents: nil)
    FileManager.default.createFile(atPath: err.path, contents: nil)
    defer {
      try? FileManager.default.removeItem(at: out)
      try? FileManager.default.removeItem(at: err)
    }
    let oh = try FileHandle(forWritingTo: out), eh = try FileHandle(forWritingTo: err)
    p.standardOutput = oh
    p.standardError = eh
    p.standardInput = FileHandle.nullDevice
    try p.run()
    p.waitUntilExit()
    try oh.close()
    try eh.close()
    return CLI.Result(
      status: p.terminationStatus, stdout: String(decoding: try Data(contentsOf: out), as: UTF8.self),
      stderr: String(decoding: try Data(contentsOf: err), as: UTF8.self))
  }

  func labels(_ db: String) throws -> Set<String> {
    Set(try CLI.sqlite(db, "SELECT label FROM editLog; ").split(separator: "\n").map(String.init))
  }

  func integrity(_ db: String) throws -> String {
    try CLI.sqlite(db, "PRAGMA integrity_check;").trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// SQLite's writes (pwrite) and syncs fail at random. Plain write(2) is left alone: it is how the CLI prints
  /// its messages, and a process whose stderr fails cannot report anything (see the /dev/full test for that).
  static let faults = [
    "-c", "enable_random name=posix/io/rw/pwrite,probability=0.01",
    "-c", "enable_random name=posix/io/sync/fdatasync,probability=0.01",
    "-c", "enable_random name=posix/io/sync/fsync,probability=0.01",
  ]

  /// Many edits in one process (the app's commit path) with random write and sync failures.
  func testRandomIOErrorsNeverLoseAnAcknowledgedEdit() throws {
    guard let fiu = Self.tool("fiu-run") else { throw XCTSkip("fiu-run (Debian fiu-utils) is not installed") }
    guard FileManager.default.isExecutableFile(atPath: Self.bench.path) else { throw XCTSkip("sxsh-bench is not built") }
    let db = dir.appendingPathComponent("fiu.sqlite").path
    XCTAssertEqual(try CLI.run(["demo", "--no-open", "--db", db]).status, 0)
    var acked = Set<String>(), failed = 0
    for round in 0..<3 {
      let r = try run(fiu, ["-x"] + Self.faults + [Self.bench.path, "writer", db, "400"])
      XCTAssertLessThan(r.status, 128, "round \(round): the writer crashed: \(r.stderr.suffix(400))")
      for line in r.stdout.split(separator: "\n") {
        if line.hasPrefix("ack ") {
          acked.insert("w" + line.dropFirst(4))
        } else if line.hasPrefix("NOT SAVED ") {
          failed += 1
        } else if !line.hasPrefix("OPEN FAILED") {
          XCTFail("unexpected output: \(line)")
        }
      }
    }
    XCTAssertGreaterThan(acked.count, 300, "most edits should go through")
    XCTAssertGreaterThan(failed, 0, "fiu must have injected failures (else this test proves nothing)")
    // The writer labels edits w1…w400 in each round, so compare per label: each acknowledged label is stored.
    XCTAssertEqual(try integrity(db), "ok")
    XCTAssertEqual(acked.subtracting(try labels(db)), [], "acknowledged edits missing after I/O errors")
  }

  /// The CLI itself under injected failures: exit 0 only when the assessment is really stored; otherwise a
  /// one-line "sxsh: …" message (NOT SAVED when the commit failed) and a non-zero exit, never a crash.
  func testCLINeverClaimsASaveThatFailed() throws {
    guard let fiu = Self.tool("fiu-run") else { throw XCTSkip("fiu-run (Debian fiu-utils) is not installed") }
    let db = dir.appendingPathComponent("cli.sqlite").path
    XCTAssertEqual(try CLI.run(["demo", "--no-open", "--db", db]).status, 0)
    let heavy = Self.faults.map { $0.replacingOccurrences(of: "0.01", with: "0.03") }
    var ids: [String] = [], failures = 0, notSaved = 0
    for i in 0..<40 {
      let r = try run(fiu, ["-x"] + heavy + [CLI.binary.path, "new", "--plant", "Nhà máy \(i)", "--sector", "dệt", "--db", db])
      XCTAssertLessThan(r.status, 128, "run \(i) crashed: \(r.stderr.suffix(300))")
      XCTAssertFalse(r.stderr.contains("Fatal error"), r.stderr)
      if r.status == 0 {
        let id = r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        XCTAssertEqual(id.count, 36, "exit 0 must print the new id: \(r.stdout)")
        ids.append(id)
      } else {
        failures += 1
        XCTAssertTrue(r.stderr.hasPrefix("sxsh: "), "run \(i): \(r.stderr)")
        if r.stderr.contains("NOT SAVED") { notSaved += 1 }
        XCTAssertFalse(r.stdout.contains("-"), "no id may be printed for a failed save: \(r.stdout)")
      }
    }
    XCTAssertGreaterThan(failures, 0, "fiu must have injected failures")
    XCTAssertGreaterThan(ids.count, 0, "some saves must go through, or nothing is checked")
    let list = try CLI.run(["list", "--db", db, "--json"])
    XCTAssertEqual(list.status, 0, list.stderr)
    for id in ids { XCTAssertTrue(list.stdout.contains(id), "acknowledged \(id) is missing") }
    XCTAssertEqual(try integrity(db), "ok")
    print("fiu CLI: \(ids.count) saved, \(failures) refused (\(notSaved) NOT SAVED)")
  }

  /// A full disk: a 2 MiB tmpfs fills up; the failing save is a clean NOT SAVED, what was saved stays readable.
  func testFullDiskIsACleanError() throws {
    let mnt = dir.appendingPathComponent("tiny").path
    try FileManager.default.createDirectory(atPath: mnt, withIntermediateDirectories: true)
    guard let mount = Self.tool("mount"), try run(mount, ["-t", "tmpfs", "-o", "size=2m,mode=0700", "tmpfs", mnt]).status == 0 else {
      throw XCTSkip("cannot mount a tmpfs here (needs root)")
    }
    defer { _ = try? run(Self.tool("umount") ?? "/bin/umount", [mnt]) }
    let db = mnt + "/full.sqlite"
    XCTAssertEqual(try CLI.run(["demo", "--no-open", "--db", db]).status, 0)
    var saved: [String] = [], sawFull = false
    let filler = String(repeating: "Dữ liệu đo đạc thực tế của nhà máy. ", count: 250)
    for i in 0..<200 where !sawFull {
      let r = try CLI.run(["new", "--plant", "P\(i) " + filler, "--sector", "dệt", "--db", db])
      if r.status == 0 {
        saved.append(r.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
      } else {
        sawFull = true
        XCTAssertTrue(r.stderr.hasPrefix("sxsh: "), r.stderr)
        XCTAssertTrue(r.stderr.contains("NOT SAVED") || r.stderr.contains("full"), r.stderr)
        XCTAssertLessThan(r.status, 128)
      }
    }
    XCTAssertTrue(sawFull, "the 2 MiB disk never filled up")
    XCTAssertGreaterThan(saved.count, 0)
    let list = try CLI.run(["list", "--db", db, "--json"])
    XCTAssertEqual(list.status, 0, "reads keep working on a full disk: \(list.stderr)")
    for id in saved { XCTAssertTrue(list.stdout.contains(id), "saved \(id) is missing") }
    XCTAssertEqual(try integrity(db), "ok")
    // An export onto the full disk fails cleanly and leaves no partial or temporary file.
    let before = Set(try FileManager.default.contentsOfDirectory(atPath: mnt))
    let e = try CLI.run(["export", saved[0], "--db", db, "-o", mnt + "/out.json"])
    if e.status != 0 {
      XCTAssertTrue(e.stderr.hasPrefix("sxsh: "), e.stderr)
      XCTAssertEqual(Set(try FileManager.default.contentsOfDirectory(atPath: mnt)), before, "no partial export left behind")
    }
  }

  /// Exporting to a full device (/dev/full semantics: every write fails with ENOSPC) through standard output.
  func testExportToDevFullIsAClearError() throws {
    guard FileManager.default.fileExists(atPath: "/dev/full") else { throw XCTSkip("no /dev/full") }
    let db = dir.appendingPathComponent("d.sqlite").path
    let id = try CLI.run(["demo", "--no-open", "--db", db]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    let r = try run("/bin/sh", ["-c", "\"$0\" export \"$1\" --db \"$2\" -o - > /dev/full", CLI.binary.path, id, db])
    XCTAssertNotEqual(r.status, 0, "writing to a full device must not report success")
    XCTAssertLessThan(r.status, 128, "a clean error, not a crash: \(r.stderr.suffix(300))")
    XCTAssertTrue(r.stderr.hasPrefix("sxsh: "), r.stderr)
  }
}
