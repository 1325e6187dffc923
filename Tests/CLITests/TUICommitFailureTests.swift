import Foundation
import XCTest

/// A save whose sync fails, end to end: the real binary in a private tmux server, under libfiu's `fiu-run -x`, with
/// its `fdatasync` made to fail (`fiu-ctrl`) just before Enter.
///
/// While a commit runs, the app works out the bytes of the frame that shows it saved, and writes them only once the
/// commit returned. When it fails, those bytes must never reach the terminal, and the screen (whose last frame
/// ncurses then counts as sent) must be painted whole again, right.
final class TUICommitFailureTests: XCTestCase {
  static func tool(_ name: String) -> String? {
    ["/usr/bin/\(name)", "/usr/local/bin/\(name)", "/bin/\(name)"].first { FileManager.default.isExecutableFile(atPath: $0) }
  }

  func fiuCtrl(_ ctrl: String, _ command: String, _ pid: pid_t) throws {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: Self.tool("fiu-ctrl")!)
    p.arguments = ["-f", ctrl, "-c", command, "\(pid)"]
    try p.run()
    p.waitUntilExit()
    XCTAssertEqual(p.terminationStatus, 0, "fiu-ctrl \(command)")
  }

  func sqlite(_ db: String, _ sql: String) throws -> String {
    try CLI.sqlite(db, sql).trimmingCharacters(in: .whitespacesAndNewlines)
  }

  func testAFailedSyncIsNeverShownAsSaved() throws {
    guard let fiuRun = Self.tool("fiu-run"), Self.tool("fiu-ctrl") != nil else {
      throw XCTSkip("fiu-run and fiu-ctrl (Debian fiu-utils) are not installed")
    }
    let p = try TmuxPane()
    defer { p.close() }
    let db = p.path("t.sqlite"), ctrl = p.path("fiu")
    let env = ["TERM": "tmux-256color", "LANG": "C.UTF-8", "SXSH_DB": db, "SXSH_LANG": "en", "XDG_STATE_HOME": p.dir.path]
    try p.start("demo", env: env, wrapper: [fiuRun, "-x", "-f", ctrl])
    try p.waitFor("F1Help")
    try p.keys("Enter")  // the profile sheet (W0), its first field: the assessment's title
    try p.waitFor("Assessment title")
    try p.keys("Enter")
    try p.waitFor("EscCancel")
    try p.keys("C-u")
    let typed = "Nhà máy Thử Lỗi"
    try p.text(typed)
    try p.waitFor(typed)
    let pid = try XCTUnwrap(p.appPid(), "sxsh's pid")
    let sentBefore = p.raw().count

    // Every sync fails: the save is refused.
    try fiuCtrl(ctrl, "enable name=posix/io/sync/fdatasync", pid)
    try p.keys("Enter")
    XCTAssertTrue(try p.waitFor("NOT SAVED"))
    let failed = try p.screen()
    let sent = String(decoding: p.raw().dropFirst(sentBefore), as: UTF8.self)
    XCTAssertFalse(sent.contains("Saved"), "the frame of the save that failed reached the terminal:\n\(sent.debugDescription)")
    // The editor is still open with the text typed (kept for a retry), and the screen is whole: the sheet's other
    // labels and the key bar of the editor are there, and no line of the failed frame is left over.
    XCTAssertTrue(failed.contains(typed), failed)
    XCTAssertTrue(failed.contains("EscCancel"), failed)
    XCTAssertTrue(failed.contains("Sector"), failed)
    XCTAssertFalse(failed.contains("Saved"), failed)
    let title = "SELECT json_extract(body, '$.title') FROM assessment"
    let stored = try sqlite(db, title)
    XCTAssertFalse(stored.isEmpty)
    XCTAssertNotEqual(stored, typed)

    // Syncs work again: the same Enter saves it.
    try fiuCtrl(ctrl, "disable name=posix/io/sync/fdatasync", pid)
    try p.keys("Enter")
    XCTAssertTrue(try p.waitFor("Saved"))
    let saved = try p.screen()
    XCTAssertTrue(saved.contains(typed), saved)
    XCTAssertFalse(saved.contains("NOT SAVED"), saved)
    XCTAssertFalse(saved.contains("EscCancel"), saved)
    try p.keys("C-q")
    XCTAssertEqual(p.exitStatus(), "0")
    XCTAssertEqual(try sqlite(db, title), typed)
    XCTAssertEqual(try sqlite(db, "PRAGMA integrity_check"), "ok")
  }
}
