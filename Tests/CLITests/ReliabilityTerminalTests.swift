import Foundation
import XCTest

/// Signals and terminal conditions against the real binary in a private tmux server (issue 8).
final class ReliabilityTerminalTests: XCTestCase {
  var pane: TmuxPane?

  override func tearDown() { pane?.close() }

  func makePane() throws -> TmuxPane {
    let p = try TmuxPane()
    pane = p
    return p
  }

  func baseEnv(_ p: TmuxPane, lang: String = "C.UTF-8", term: String = "tmux-256color") -> [String: String] {
    ["TERM": term, "LANG": lang, "SXSH_DB": p.path("t.sqlite"), "SXSH_LANG": "en", "XDG_STATE_HOME": p.dir.path]
  }

  // MARK: start-up refusals

  func testStdinNotATerminalIsAClearError() throws {
    let dir = try CLI.tempDir()
    defer { try? FileManager.default.removeItem(at: dir) }
    let r = try CLI.run(["demo", "--db", dir.appendingPathComponent("x.sqlite").path], stdin: Data("q\n".utf8))
    XCTAssertNotEqual(r.status, 0)
    XCTAssertTrue(r.stderr.contains("terminal"), r.stderr)
    XCTAssertFalse(r.stdout.contains("\u{1B}["), "no escape sequences may be drawn without a terminal")
  }

  func testDumbAndUnknownTerminalFailBeforeDrawing() throws {
    for (term, expected) in [("dumb", "dumb"), ("xyz-no-such-terminal", "Unknown terminal type")] {
      let p = try TmuxPane()
      defer { p.close() }
      try p.start("demo", env: baseEnv(p, term: term))
      XCTAssertEqual(p.exitStatus(), "1", "TERM=\(term)")
      try p.waitFor(expected)
      XCTAssertFalse(p.raw().contains(Data("\u{1B}[?1049h".utf8)), "TERM=\(term): the alternate screen must never be entered")
      XCTAssertEqual(sttyModes(p.file("stty-after")), sttyModes(p.file("stty-before")))
    }
  }

  func testTinyTerminalShowsAClearMessage() throws {
    let p = try makePane()
    try p.start("demo", env: baseEnv(p), cols: 20, rows: 6)
    try p.waitFor("enlarge")
    // Back to a usable size: the app draws normally again.
    try p.resize(80, 24)
    try p.waitFor("F1Help")
    try p.keys("C-q")
    XCTAssertEqual(p.exitStatus(), "0")
  }

  // MARK: signals

  func testSIGTERMAndSIGHUPExitZeroAndRestoreTheTerminal() throws {
    for sig in [SIGTERM, SIGHUP] {
      let p = try TmuxPane()
      defer { p.close() }
      try p.start("demo", env: baseEnv(p))
      try p.waitFor("F1Help")
      guard let pid = p.appPid() else { return XCTFail("no sxsh process") }
      kill(pid, sig)
      XCTAssertEqual(p.exitStatus(), "0", "signal \(sig)")
      let before = sttyModes(p.file("stty-before"))
      XCTAssertTrue(before.contains("icanon") && before.contains("echo"), "baseline: \(before)")
      XCTAssertEqual(sttyModes(p.file("stty-after")), before, "signal \(sig): terminal modes not restored")
      let raw = String(decoding: p.raw(), as: UTF8.self)
      let enter = raw.range(of: "\u{1B}[?1049h", options: .backwards)
      let leave = raw.range(of: "\u{1B}[?1049l", options: .backwards)
      XCTAssertNotNil(enter, "the app used the alternate screen")
      if let enter, let leave { XCTAssertTrue(leave.lowerBound > enter.lowerBound, "alternate screen left after the signal") }
      XCTAssertNotNil(leave)
    }
  }

  /// A crash (SIGSEGV, SIGABRT) restores the terminal before the process dies: the modes as they were, the alternate
  /// screen left, and a non-zero status. The handler also points the output back at the terminal first, in case a
  /// frame was being worked out into memory at that moment (`TerminalSession.prepare`).
  func testACrashRestoresTheTerminal() throws {
    for sig in [SIGSEGV, SIGABRT] {
      let p = try TmuxPane()
      defer { p.close() }
      try p.start("demo", env: baseEnv(p).merging(["SWIFT_BACKTRACE": "enable=no"]) { $1 })
      try p.waitFor("F1Help")
      guard let pid = p.appPid() else { return XCTFail("no sxsh process") }
      kill(pid, sig)
      let status = p.exitStatus()
      XCTAssertNotNil(status)
      XCTAssertNotEqual(status, "0", "signal \(sig)")
      XCTAssertEqual(sttyModes(p.file("stty-after")), sttyModes(p.file("stty-before")), "signal \(sig): terminal modes not restored")
      let raw = String(decoding: p.raw(), as: UTF8.self)
      let enter = raw.range(of: "\u{1B}[?1049h", options: .backwards)
      let leave = raw.range(of: "\u{1B}[?1049l", options: .backwards)
      XCTAssertNotNil(enter, "the app used the alternate screen")
      XCTAssertNotNil(leave, "signal \(sig): alternate screen not left")
      if let enter, let leave { XCTAssertTrue(leave.lowerBound > enter.lowerBound, "alternate screen left after the crash") }
    }
  }

  /// As documented: on SIGTERM a value still being typed is discarded (only Enter commits), the committed edit before
  /// it is kept, and the position is saved for the next start.
  func testSIGTERMDiscardsTheFieldBeingTypedAndKeepsCommittedEdits() throws {
    let p = try makePane()
    try p.start("demo", env: baseEnv(p))
    try p.waitFor("F1Help")
    // W0, second line (company name): commit one value, then type another without Enter.
    try p.keys("Enter", "Down", "Enter", "C-u")
    try p.text("Xưởng Đã Lưu")
    try p.keys("Enter")
    try p.waitFor("Saved: W0")
    try p.keys("Enter", "C-u")
    try p.text("Đang Gõ Dở")
    try p.waitFor("Đang Gõ Dở")
    guard let pid = p.appPid() else { return XCTFail("no sxsh process") }
    kill(pid, SIGTERM)
    XCTAssertEqual(p.exitStatus(), "0")
    let dump = try CLI.dump(URL(fileURLWithPath: p.path("t.sqlite")))
    XCTAssertTrue(dump.contains("Xưởng Đã Lưu"), "the committed edit is stored")
    XCTAssertFalse(dump.contains("Đang Gõ Dở"), "the value being typed is discarded")
    XCTAssertTrue(dump.contains("\"sheet\":\"W0\""), "the position is saved")
  }

  func testSIGWINCHStormKeepsTheAppAlive() throws {
    let p = try makePane()
    try p.start("demo", env: baseEnv(p))
    try p.waitFor("F1Help")
    let sizes = [(40, 10), (20, 3), (1, 1), (200, 60), (81, 25), (10, 2), (132, 43)]
    for i in 0..<120 {
      let s = sizes[i % sizes.count]
      try p.resize(s.0, s.1)
    }
    try p.resize(80, 24)
    try p.waitFor("F1Help")
    XCTAssertNil(p.exitStatus(timeout: 0.2), "the app must survive the resize storm")
    try p.keys("F1")
    try p.waitFor("Help")
    try p.keys("Escape", "C-q")
    XCTAssertEqual(p.exitStatus(), "0")
  }

  // MARK: keys and locale

  /// Ctrl-S must not freeze the terminal (IXON off) and Ctrl-Q must reach the app (it quits).
  func testCtrlSDoesNotFreezeAndCtrlQQuits() throws {
    let p = try makePane()
    try p.start("demo", env: baseEnv(p))
    try p.waitFor("F1Help")
    try p.keys("C-s")
    try p.keys("F1")
    try p.waitFor("Help", timeout: 5)
    try p.keys("Escape", "C-q")
    XCTAssertEqual(p.exitStatus(), "0")
    XCTAssertEqual(sttyModes(p.file("stty-after")), sttyModes(p.file("stty-before")))
  }

  /// Under LANG=C the app falls back to C.UTF-8, so typed Vietnamese is stored whole.
  func testLangCKeepsTypedVietnamese() throws {
    for lang in ["C", "POSIX"] {
      let p = try TmuxPane()
      defer { p.close() }
      try p.start("", env: baseEnv(p, lang: lang))
      try p.waitFor("Assessments")
      try p.keys("IC")
      try p.waitFor("Company name")
      let name = "Công ty Dệt Huế 25°C"
      try p.text(name)
      try p.keys("Enter")
      try p.waitFor("W0 ·")
      try p.keys("C-q")
      XCTAssertEqual(p.exitStatus(), "0")
      let list = try CLI.run(["list", "--db", p.path("t.sqlite"), "--json"])
      XCTAssertTrue(list.stdout.contains(name), "LANG=\(lang): \(list.stdout)")
    }
  }
}
