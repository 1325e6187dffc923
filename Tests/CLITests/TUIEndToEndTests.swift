import Foundation
import XCTest

#if canImport(Glibc)
  import Glibc
#endif

/// The real `sxsh` binary driven through a private tmux server (its own `-L` socket, `-f /dev/null`).
///
/// Every tmux client runs with stdin/stdout/stderr on /dev/null — the server daemon forks from the first client
/// and would otherwise keep the test's pipe open forever — except `capture-pane -p`, whose short-lived client
/// writes into a temporary file. Every call has a deadline; `tearDown` always kills the server.
final class TUIEndToEndTests: XCTestCase {
  var socket = ""
  var dir: URL!

  override func setUpWithError() throws {
    guard let tmux = Self.tmuxPath else { throw XCTSkip("tmux is not installed") }
    _ = tmux
    socket = "sxsh-e2e-\(getpid())-\(UUID().uuidString.prefix(8))"
    dir = try CLI.tempDir()
  }

  override func tearDown() {
    if !socket.isEmpty { _ = try? tmux(["kill-server"]) }
    if let dir { try? FileManager.default.removeItem(at: dir) }
    super.tearDown()
  }

  static let tmuxPath: String? = ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"].first { FileManager.default.isExecutableFile(atPath: $0) }

  // MARK: tmux

  /// Runs one tmux client to completion (at most `timeout` seconds); output goes to `output` or /dev/null.
  ///
  /// Through `CLI.spawnDetached` (posix_spawn, /dev/null descriptors): a `Process` never sees a tmux client end.
  @discardableResult
  func tmux(_ args: [String], output: URL? = nil, timeout: TimeInterval = 10) throws -> Int32 {
    var env = ProcessInfo.processInfo.environment
    env["TMUX"] = nil
    env["TERM"] = "xterm-256color"
    let argv = [Self.tmuxPath ?? "/usr/bin/tmux", "-L", socket, "-f", "/dev/null"] + args
    guard let status = try CLI.spawnDetached(argv, environment: env, output: output, timeout: timeout) else { throw TmuxTimeout(args: args) }
    return status
  }

  struct TmuxTimeout: Error, CustomStringConvertible {
    var args: [String]
    var description: String { "tmux \(args.joined(separator: " ")) did not finish" }
  }

  /// The visible screen.
  func screen() -> String {
    let file = dir.appendingPathComponent("pane-\(UUID().uuidString).txt")
    defer { try? FileManager.default.removeItem(at: file) }
    guard (try? tmux(["capture-pane", "-p", "-t", "t"], output: file)) == 0, let data = FileManager.default.contents(atPath: file.path) else { return "" }
    return String(decoding: data, as: UTF8.self)
  }

  /// Waits until `text` is on screen (NFC comparison), failing with the screen after `timeout` seconds.
  func waitFor(_ text: String, timeout: TimeInterval = 20, file: StaticString = #filePath, line: UInt = #line) {
    let deadline = Date().addingTimeInterval(timeout)
    var last = ""
    while Date() < deadline {
      last = screen()
      if last.precomposedStringWithCanonicalMapping.contains(text.precomposedStringWithCanonicalMapping) { return }
      usleep(100_000)
    }
    XCTFail("«\(text)» did not appear; screen:\n\(last)", file: file, line: line)
  }

  func keys(_ k: String...) throws { try tmux(["send-keys", "-t", "t"] + k) }
  func text(_ s: String) throws { try tmux(["send-keys", "-t", "t", "-l", s]) }

  /// Starts the app in a new session of 80×24; its exit status goes to `status`.
  func start(_ db: URL, status: URL) throws {
    let bin = CLI.binary.path
    let command = "env \(CLI.unsetDrawingVariables) LANG=C.UTF-8 TERM=tmux-256color SXSH_DB='\(db.path)' SXSH_LANG=en '\(bin)'; echo $? > '\(status.path)'; sleep 30"
    XCTAssertEqual(try tmux(["new-session", "-d", "-s", "t", "-x", "80", "-y", "24", command]), 0)
  }

  func waitForExit(_ status: URL, timeout: TimeInterval = 10) -> String? {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
      if let d = FileManager.default.contents(atPath: status.path), !d.isEmpty {
        return String(decoding: d, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
      }
      usleep(100_000)
    }
    return nil
  }

  // MARK: The walk-through

  func testCreateFillBalanceOpportunityQuitReopen() throws {
    let db = dir.appendingPathComponent("e2e.sqlite")
    let status = dir.appendingPathComponent("status")
    try start(db, status: status)
    waitFor("Assessments")
    // Home: a new assessment.
    try keys("IC")
    waitFor("Company name")
    try text("Công ty Dệt Huế")
    try keys("Enter")
    waitFor("W0 · Company profile")
    // Profile: the sector is the 5th line.
    try keys("Enter", "Down", "Down", "Down", "Down", "Enter")
    try text("dệt nhuộm")
    try keys("Enter")
    waitFor("Saved: W0")
    // W6: one process step.
    try keys("Escape", "Down", "Down", "Down", "Down", "Down", "Down", "Enter", "IC")
    try text("Nhuộm")
    try keys("Enter")
    waitFor("Saved: W6")
    // W7: three flows typed with units; the second name in NFD.
    try keys("Escape", "Down", "Enter")
    waitFor("W7 ·")
    let names = ["Vải mộc", "Nu\u{031B}o\u{031B}\u{0301}c nhuo\u{0323}\u{0302}m", "Vải thành phẩm"]
    let amounts = ["10 t", "200 m³", "9,5 t"]
    for (name, amount) in zip(names, amounts) {
      try keys("IC")
      try text(name)
      try keys("Enter")
      waitFor("Saved: W7 · Flow")
      try keys("Right", "Enter", "C-u")
      try text(amount)
      try keys("Enter")
      waitFor("Saved: W7 · Quantity")
    }
    // The third flow is an output.
    try keys("Left", "Left", "Left", "Enter", "Down", "Enter")
    waitFor("Saved: W7 · In/out")
    // The balance shows the step with its inputs and outputs, updated.
    try keys("F5")
    waitFor("Closure")
    waitFor("9.5 t")
    waitFor("Vải mộc")
    // W10: an opportunity.
    try keys("F5", "Escape", "Down", "Down", "Down", "Enter", "IC")
    try text("Thu hồi nước làm mát")
    try keys("Enter")
    waitFor("Saved: W10")
    // Resize below the minimum, then back.
    try tmux(["resize-window", "-t", "t", "-x", "40", "-y", "10"])
    waitFor("enlarge")
    try tmux(["resize-window", "-t", "t", "-x", "80", "-y", "24"])
    waitFor("W10")
    // Ctrl-C asks; yes quits with status 0.
    try keys("C-c")
    waitFor("Quit sxsh?")
    try keys("y")
    XCTAssertEqual(waitForExit(status), "0")
    try tmux(["kill-session", "-t", "t"])

    // Reopen: the assessment is listed and opens where the user left it (W10).
    try FileManager.default.removeItem(at: status)
    try start(db, status: status)
    waitFor("Công ty Dệt Huế")
    try keys("Enter")
    waitFor("Thu hồi nước làm mát")
    try keys("F10")
    XCTAssertEqual(waitForExit(status), "0")

    // Everything stored, NFD stored as NFC.
    let list = try CLI.run(["list", "--json"], env: ["SXSH_DB": db.path])
    XCTAssertEqual(list.status, 0, list.stderr)
    let ids = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]]).compactMap { $0["id"] as? String }
    let id = try XCTUnwrap(ids.first)
    let shown = try CLI.run(["show", id, "--json"], env: ["SXSH_DB": db.path])
    XCTAssertEqual(shown.status, 0, shown.stderr)
    for want in ["Công ty Dệt Huế", "dệt nhuộm", "Nhuộm", "Nước nhuộm", "Vải mộc", "Vải thành phẩm", "Thu hồi nước làm mát"] {
      XCTAssertTrue(shown.stdout.contains(want), "stored data lacks «\(want)»")
    }
    XCTAssertFalse(shown.stdout.unicodeScalars.contains("\u{0323}"), "NFD must be stored as NFC")
  }
}
