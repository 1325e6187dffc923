import Foundation
import XCTest

/// Terminal conditions against the real binary (issue 8). The tmux-driven cases (TERM=dumb/unknown, 20×6, SIGTERM/
/// SIGHUP, SIGWINCH storm, Ctrl-S/Ctrl-Q, LANG=C) are in Tests/Reliability/wip until their harness stops hanging.
final class ReliabilityTerminalTests: XCTestCase {
  // MARK: start-up refusals

  func testStdinNotATerminalIsAClearError() throws {
    let dir = try CLI.tempDir()
    defer { try? FileManager.default.removeItem(at: dir) }
    let r = try CLI.run(["demo", "--db", dir.appendingPathComponent("x.sqlite").path], stdin: Data("q\n".utf8))
    XCTAssertNotEqual(r.status, 0)
    XCTAssertTrue(r.stderr.contains("terminal"), r.stderr)
    XCTAssertFalse(r.stdout.contains("\u{1B}["), "no escape sequences may be drawn without a terminal")
  }
}
