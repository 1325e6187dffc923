import Foundation
import XCTest

#if canImport(Glibc)
  import Glibc
#endif

/// Export from the TUI (issue 7): the real binary under the private tmux server of ``TUIEndToEndTests`` writes the
/// same file as `sxsh export`, owner-only, asks before replacing it, and writes a csv zip to a typed path.
extension TUIEndToEndTests {
  func testExportFromTheTUIWritesWhatTheCLIWrites() throws {
    let db = dir.appendingPathComponent("export.sqlite")
    XCTAssertEqual(try CLI.run(["demo", "--no-open", "--db", db.path]).status, 0)
    let status = dir.appendingPathComponent("status")
    let command = "cd '\(dir.path)' && env \(CLI.unsetDrawingVariables) LANG=C.UTF-8 TERM=tmux-256color SXSH_LANG=en '\(CLI.binary.path)' demo --db '\(db.path)'; echo $? > '\(status.path)'; sleep 30"
    XCTAssertEqual(try tmux(["new-session", "-d", "-s", "t", "-x", "100", "-y", "30", command]), 0)
    waitFor("W0 · Company profile")
    try keys("C-e")
    waitFor("Save to")
    try keys("Enter")
    // The demo plant "Công ty CP Dệt May Sông Hương (MẪU)", folded to ASCII.
    let name = "cong-ty-cp-det-may-song-huong-mau-en.xlsx"
    waitFor("Exported xlsx (en)")
    let file = dir.appendingPathComponent(name)
    let data = try Data(contentsOf: file)
    XCTAssertEqual(Array(data.prefix(4)), [0x50, 0x4B, 0x03, 0x04], "an xlsx is a zip")
    let mode = (try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? NSNumber)?.intValue
    XCTAssertEqual(mode, 0o600)
    // The same bytes as the command line's export of the same assessment.
    let cli = dir.appendingPathComponent("cli.xlsx")
    let r = try CLI.run(["export", "00000000-0000-4000-8000-00000000d3e0", "--format", "xlsx", "--lang", "en", "-o", cli.path, "--db", db.path])
    XCTAssertEqual(r.status, 0, r.stderr)
    XCTAssertEqual(try Data(contentsOf: cli), data)

    // Again: the file exists, so the app asks; "No" keeps it, "Yes" replaces it.
    try keys("C-e")
    waitFor("Save to")
    try keys("Enter")
    waitFor("Overwrite this file?")
    try keys("n")
    try keys("C-e", "Enter")
    waitFor("Overwrite this file?")
    try keys("y")
    waitFor("Exported xlsx (en)")

    // csv to a typed relative path ending in .zip; letters typed in the path are text, not commands.
    try keys("C-e", "Down", "Tab", "Tab", "C-u")
    try text("bảng-số-liệu.zip")
    try keys("Enter")
    waitFor("Exported csv (en)")
    let zip = try Data(contentsOf: dir.appendingPathComponent("bảng-số-liệu.zip"))
    XCTAssertEqual(Array(zip.prefix(2)), [0x50, 0x4B])

    // A folder that does not exist: NOT EXPORTED with the reason, and the dialog stays with the typed path.
    try keys("C-e", "Tab", "Tab", "C-u")
    try text("/nonexistent-sxsh/x.zip")
    try keys("Enter")
    waitFor("NOT EXPORTED")
    waitFor("/nonexistent-sxsh/x.zip")
    try keys("Escape", "F10")
    XCTAssertEqual(waitForExit(status), "0")
  }
}
