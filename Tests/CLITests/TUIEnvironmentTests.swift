import Foundation
import XCTest

/// The environment variables the full-screen app honours, end to end: the real binary in a private tmux server.
/// (The app hands its readers only the variables it names, AppRunner.swift; a name left out there would read as
/// unset without any error, which these tests would show.)
final class TUIEnvironmentTests: XCTestCase {
  var panes: [TmuxPane] = []

  override func tearDown() { panes.forEach { $0.close() } }

  func pane() throws -> TmuxPane {
    let p = try TmuxPane()
    panes.append(p)
    return p
  }

  func env(_ p: TmuxPane, _ extra: [String: String] = [:]) -> [String: String] {
    ["TERM": "tmux-256color", "LANG": "C.UTF-8", "SXSH_DB": p.path("t.sqlite"), "SXSH_LANG": "en", "XDG_STATE_HOME": p.dir.path]
      .merging(extra) { $1 }
  }

  /// The demo's profile sheet, and the app quit again (exit 0).
  func showProfile(_ p: TmuxPane, _ extra: [String: String] = [:]) throws -> String {
    try p.start("demo", env: env(p, extra))
    try p.waitFor("F1Help")
    try p.keys("Enter")
    try p.waitFor("Company name")
    let screen = try p.screen()
    try p.keys("C-q")
    XCTAssertEqual(p.exitStatus(), "0")
    return screen
  }

  /// The parameters of every SGR sequence written (`ESC [ … m`), split at `;`.
  static func sgrParameters(_ raw: Data) -> Set<String> {
    let text = String(decoding: raw, as: UTF8.self)
    var out = Set<String>()
    for m in text.matches(of: /\x1B\[([0-9;]*)m/) {
      for p in m.1.split(separator: ";") { out.insert(String(p)) }
    }
    return out
  }

  /// NO_COLOR (https://no-color.org): not one colour is sent, emphasis stays (bold, reverse). The same screens
  /// without it do send colours, so the check can fail.
  func testNoColorSendsNoColours() throws {
    let colour: (String) -> Bool = { p in
      guard let n = Int(p) else { return false }
      return (30...49).contains(n) || (90...107).contains(n)
    }
    let plain = try pane()
    _ = try showProfile(plain)
    XCTAssertTrue(Self.sgrParameters(plain.raw()).contains(where: colour), "colours expected without NO_COLOR: \(Self.sgrParameters(plain.raw()))")
    let mono = try pane()
    let screen = try showProfile(mono, ["NO_COLOR": "1"])
    XCTAssertTrue(screen.contains("Sông Hương"), screen)
    let sent = Self.sgrParameters(mono.raw())
    XCTAssertFalse(sent.contains(where: colour), "NO_COLOR: colour parameters sent: \(sent.sorted())")
    XCTAssertTrue(sent.contains("1") || sent.contains("7"), "bold or reverse still marks the bars: \(sent.sorted())")
  }

  /// SXSH_ASCII=1: no line-drawing, arrow or other symbol on screen; the Vietnamese data stays letter for letter.
  func testASCIIModeDrawsNoSymbols() throws {
    func symbols(_ screen: String) -> [Character] {
      screen.filter { ch in
        !ch.unicodeScalars.allSatisfy { s in
          s.value < 0x80 || (0xA0...0xFF).contains(s.value) || s.properties.isAlphabetic || s.properties.numericType != nil
            || [.nonspacingMark, .spacingMark].contains(s.properties.generalCategory)
        }
      }.map { $0 }
    }
    let plain = try showProfile(try pane())
    XCTAssertFalse(symbols(plain).isEmpty, "the screen without ASCII mode shows symbols (│ ▸ ↑): \(plain)")
    let ascii = try showProfile(try pane(), ["SXSH_ASCII": "1"])
    XCTAssertEqual(symbols(ascii), [], ascii)
    XCTAssertTrue(ascii.contains("Công ty CP Dệt May Sông Hương"), ascii)
  }

  /// SXSH_WORKSHEETS: the worksheets are read from that folder (a changed title shows); a folder that is not there
  /// is a clear error naming the variable, before anything is drawn.
  func testWorksheetsFolderFromTheEnvironment() throws {
    let dir = try CLI.tempDir()
    defer { try? FileManager.default.removeItem(at: dir) }
    let copy = try CLI.worksheetsCopy(in: dir)
    let profile = copy.appendingPathComponent("worksheets/W00-profile.yaml")
    let yaml = try String(contentsOf: profile, encoding: .utf8)
    XCTAssertTrue(yaml.contains("  en: Company profile\n"))
    try yaml.replacingOccurrences(of: "  en: Company profile\n", with: "  en: Site profile (local copy)\n")
      .write(to: profile, atomically: true, encoding: .utf8)
    let p = try pane()
    try p.start("demo", env: env(p, ["SXSH_WORKSHEETS": copy.path]))
    try p.waitFor("Site profile (local copy)")
    try p.keys("C-q")
    XCTAssertEqual(p.exitStatus(), "0")

    let missing = try pane()
    try missing.start("demo", env: env(missing, ["SXSH_WORKSHEETS": dir.appendingPathComponent("nowhere").path]))
    XCTAssertEqual(missing.exitStatus(), "1")
    try missing.waitFor("nowhere")
    XCTAssertFalse(missing.raw().contains(Data("\u{1B}[?1049h".utf8)), "the alternate screen must not be entered")
  }
}
