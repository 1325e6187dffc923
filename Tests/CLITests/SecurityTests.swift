import Foundation
import XCTest

/// Owner-only files, export path safety, no string-built SQL, no network code (issue 8, security).
final class SecurityTests: XCTestCase {
  var dir = URL(fileURLWithPath: NSTemporaryDirectory())
  var savedMask: mode_t = 0

  override func setUpWithError() throws {
    dir = try CLI.tempDir()
    // The children inherit a permissive umask: sxsh itself must make its files owner-only.
    savedMask = umask(0o022)
  }

  override func tearDown() {
    umask(savedMask)
    try? FileManager.default.removeItem(at: dir)
  }

  func mode(_ path: String) -> Int? {
    var st = stat()
    guard lstat(path, &st) == 0 else { return nil }
    return Int(st.st_mode & 0o7777)
  }

  func assertMode(_ path: String, _ expected: Int, file: StaticString = #filePath, line: UInt = #line) {
    guard let m = mode(path) else { return XCTFail("\(path) does not exist", file: file, line: line) }
    XCTAssertEqual(String(m, radix: 8), String(expected, radix: 8), path, file: file, line: line)
  }

  // MARK: permissions

  func testDefaultDatabaseFolderAndFilesAreOwnerOnly() throws {
    let xdg = dir.appendingPathComponent("xdg").path
    let r = try CLI.run(["demo", "--no-open"], env: ["XDG_DATA_HOME": xdg, "SXSH_DB": ""])
    XCTAssertEqual(r.status, 0, r.stderr)
    assertMode(xdg + "/sxsh", 0o700)
    assertMode(xdg + "/sxsh/sxsh.sqlite", 0o600)
    for ext in ["-wal", "-shm"] where FileManager.default.fileExists(atPath: xdg + "/sxsh/sxsh.sqlite" + ext) {
      assertMode(xdg + "/sxsh/sxsh.sqlite" + ext, 0o600)
    }
  }

  func testBackupsExportsAndRestoreAreOwnerOnly() throws {
    let db = dir.appendingPathComponent("p.sqlite").path
    let id = try CLI.run(["demo", "--no-open", "--db", db]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    XCTAssertFalse(id.isEmpty)
    assertMode(db, 0o600)
    let b = try CLI.run(["backup", "--db", db])
    XCTAssertEqual(b.status, 0, b.stderr)
    let backup = b.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    assertMode(dir.appendingPathComponent("backups").path, 0o700)
    assertMode(backup, 0o600)
    let out = dir.appendingPathComponent("a.json").path
    let e = try CLI.run(["export", id, "--db", db, "--format", "json", "-o", out])
    XCTAssertEqual(e.status, 0, e.stderr)
    assertMode(out, 0o600)
    let r = try CLI.run(["restore", backup, "--db", db, "--yes"])
    XCTAssertEqual(r.status, 0, r.stderr)
    assertMode(db, 0o600)
    let aside = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix("p.sqlite.before-restore-") && !$0.hasSuffix("-wal") && !$0.hasSuffix("-shm") }
    XCTAssertEqual(aside.count, 1)
    for a in aside { assertMode(dir.appendingPathComponent(a).path, 0o600) }
  }

  // MARK: export paths

  func demo() throws -> (db: String, id: String) {
    let db = dir.appendingPathComponent("e.sqlite").path
    let id = try CLI.run(["demo", "--no-open", "--db", db]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    return (db, id)
  }

  func testExportNeverSilentlyOverwrites() throws {
    let (db, id) = try demo()
    let out = dir.appendingPathComponent("keep.json").path
    try Data("precious".utf8).write(to: URL(fileURLWithPath: out))
    let r = try CLI.run(["export", id, "--db", db, "-o", out])
    XCTAssertNotEqual(r.status, 0)
    XCTAssertTrue(r.stderr.contains("--force"), r.stderr)
    XCTAssertEqual(try String(contentsOfFile: out, encoding: .utf8), "precious")
    let f = try CLI.run(["export", id, "--db", db, "-o", out, "--force"])
    XCTAssertEqual(f.status, 0, f.stderr)
    XCTAssertTrue(try String(contentsOfFile: out, encoding: .utf8).contains("\"schemaVersion\""))
  }

  func testExportNeverFollowsASymlink() throws {
    let (db, id) = try demo()
    let target = dir.appendingPathComponent("target.txt").path
    try Data("untouched".utf8).write(to: URL(fileURLWithPath: target))
    let link = dir.appendingPathComponent("link.json").path
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
    let dangling = dir.appendingPathComponent("dangling.json").path
    let nowhere = dir.appendingPathComponent("created-through-link.txt").path
    try FileManager.default.createSymbolicLink(atPath: dangling, withDestinationPath: nowhere)
    for (path, force) in [(link, false), (link, true), (dangling, false), (dangling, true)] {
      let r = try CLI.run(["export", id, "--db", db, "-o", path] + (force ? ["--force"] : []))
      XCTAssertNotEqual(r.status, 0, "\(path) force=\(force)")
      XCTAssertTrue(r.stderr.contains("symbolic link"), r.stderr)
    }
    XCTAssertEqual(try String(contentsOfFile: target, encoding: .utf8), "untouched")
    XCTAssertFalse(FileManager.default.fileExists(atPath: nowhere))
    let linkType = (try FileManager.default.attributesOfItem(atPath: link))[.type] as? FileAttributeType
    XCTAssertEqual(linkType, .typeSymbolicLink, "the link itself must not be replaced")
  }

  // MARK: source checks

  /// Every `sql:` string literal that interpolates (`\(`) or is concatenated, in the given Swift source.
  static func stringBuiltSQL(in source: String) -> [String] {
    var found: [String] = []
    let pattern = #"sql:\s*("""[\s\S]*?"""|"(?:[^"\\\n]|\\.)*")(\s*\+)?"#
    guard let re = try? NSRegularExpression(pattern: pattern) else { return ["bad pattern"] }
    let ns = source as NSString
    for m in re.matches(in: source, range: NSRange(location: 0, length: ns.length)) {
      let literal = ns.substring(with: m.range(at: 1))
      let concatenated = m.range(at: 2).location != NSNotFound
      if literal.contains("\\(") || concatenated { found.append(ns.substring(with: m.range).prefix(120).description) }
    }
    return found
  }

  /// Network APIs that must not appear in an offline app.
  static let networkTokens = [
    "URLSession", "URLRequest", "FoundationNetworking", "import Network", "NWConnection", "CFSocket", "getaddrinfo", "gethostbyname",
    "socket(", "connect(", "sendto(", "recvfrom(", "Stream.getStreamsToHost", "libcurl",
  ]

  static func networkUse(in source: String) -> [String] {
    source.split(separator: "\n").filter { line in
      let code = line.trimmingCharacters(in: .whitespaces)
      guard !code.hasPrefix("//"), !code.hasPrefix("///"), !code.hasPrefix("*") else { return false }
      return networkTokens.contains { code.contains($0) }
    }.map(String.init)
  }

  func sources() throws -> [(String, String)] {
    let root = CLI.repoRoot.appendingPathComponent("Sources")
    guard let e = FileManager.default.enumerator(atPath: root.path) else { return [] }
    var out: [(String, String)] = []
    while let rel = e.nextObject() as? String {
      guard rel.hasSuffix(".swift") || rel.hasSuffix(".h") || rel.hasSuffix(".c") else { continue }
      out.append((rel, try String(contentsOf: root.appendingPathComponent(rel), encoding: .utf8)))
    }
    return out
  }

  func testDetectorsCatchPlantedExamples() {
    let bad = [
      #"try db.execute(sql: "DELETE FROM t WHERE id = '\(id)'")"#,
      "try Row.fetchAll(db, sql: \"\"\"\n  SELECT * FROM t WHERE name = '\\(name)'\n  \"\"\")",
      #"try db.execute(sql: "DELETE FROM t WHERE id = " + id)"#,
    ]
    for b in bad { XCTAssertEqual(Self.stringBuiltSQL(in: b).count, 1, b) }
    XCTAssertEqual(Self.stringBuiltSQL(in: #"try db.execute(sql: "DELETE FROM t WHERE id = ?", arguments: [id])"#), [])
    XCTAssertEqual(Self.networkUse(in: "let s = URLSession.shared\n// URLSession in a comment"), ["let s = URLSession.shared"])
  }

  func testNoSQLIsBuiltFromStrings() throws {
    let files = try sources()
    XCTAssertGreaterThan(files.count, 20, "the Sources folder was not found")
    var hits: [String] = []
    for (name, text) in files { hits += Self.stringBuiltSQL(in: text).map { "\(name): \($0)" } }
    XCTAssertEqual(hits, [], "bind values with arguments: (or GRDB literal interpolation) instead")
  }

  func testNoNetworkCodeAnywhere() throws {
    var hits: [String] = []
    for (name, text) in try sources() { hits += Self.networkUse(in: text).map { "\(name): \($0)" } }
    XCTAssertEqual(hits, [])
    // The linked binary does not pull in Foundation's networking library (and curl with it).
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = ["ldd", CLI.binary.path]
    let out = Pipe()
    p.standardOutput = out
    try p.run()
    let libs = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    p.waitUntilExit()
    XCTAssertTrue(libs.contains("libc.so"), libs)
    XCTAssertFalse(libs.contains("FoundationNetworking"), libs)
    XCTAssertFalse(libs.contains("libcurl"), libs)
  }
}
