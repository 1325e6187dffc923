import Foundation
import XCTest

/// The app's own invocations (`sxsh`, `sxsh open [ID]`, `sxsh demo`) are read without ArgumentParser: they must
/// behave as the same arguments parsed by ArgumentParser (`sxsh ID ...`, without `open`, is always parsed by it).
final class FastLaunchCLITests: XCTestCase {
  var dir = URL(fileURLWithPath: NSTemporaryDirectory())

  override func setUpWithError() throws { dir = try CLI.tempDir() }
  override func tearDown() { try? FileManager.default.removeItem(at: dir) }

  func testOpenAndDemoBehaveAsParsedByArgumentParser() throws {
    let db = dir.appendingPathComponent("f.sqlite").path
    // demo --no-open, both spellings of --db: creates the demo once and prints its id.
    let made = try CLI.run(["demo", "--no-open", "--db", db])
    XCTAssertEqual(made.status, 0, made.stderr)
    let id = made.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    XCTAssertFalse(id.isEmpty)
    let again = try CLI.run(["demo", "--db=" + db, "--no-open"])
    XCTAssertEqual(again.status, 0, again.stderr)
    XCTAssertEqual(again.stdout, made.stdout)
    XCTAssertEqual(try CLI.run(["list", "--db", db]).stdout.split(separator: "\n").filter { $0.contains(id.prefix(8)) }.count, 1)
    // Opening without a terminal: the same failure through the fast path (`open ID`) and ArgumentParser (`ID`),
    // for an existing and a missing assessment, in both languages.
    for target in [id, String(id.prefix(8)), "no-such-assessment"] {
      for lang in ["en", "vi"] {
        let fast = try CLI.run(["open", target, "--db", db, "--lang", lang])
        let parsed = try CLI.run([target, "--db", db, "--lang", lang])
        XCTAssertNotEqual(fast.status, 0)
        XCTAssertEqual(fast.status, parsed.status, target)
        XCTAssertEqual(fast.stderr, parsed.stderr, target)
        XCTAssertEqual(fast.stdout, parsed.stdout, target)
      }
    }
    let noTerminal = try CLI.run(["--db", db])
    XCTAssertEqual(noTerminal.status, 1)
    XCTAssertTrue(noTerminal.stderr.contains("interactive terminal"), noTerminal.stderr)
    XCTAssertEqual(try CLI.run(["open", "--lang=vi", "--db", db]).stderr, try CLI.run([id, "--lang", "vi", "--db", db]).stderr)
  }

  func testAnythingElseIsLeftToArgumentParser() throws {
    let db = dir.appendingPathComponent("g.sqlite").path
    // Help is ArgumentParser's, unchanged.
    let help = try CLI.run(["open", "--db", db, "--help"])
    XCTAssertEqual(help.status, 0)
    XCTAssertTrue(help.stdout.contains("USAGE"), help.stdout)
    XCTAssertTrue(try CLI.run(["--help"]).stdout.contains("SUBCOMMANDS"))
    // Bad or misplaced options are ArgumentParser's errors (exit status 64), never a start of the app.
    for args in [["--lang", "xx"], ["open", "--db"], ["demo", "x"], ["open", "--no-open"], ["--db", db, "--db", db, "--bogus"]] {
      let r = try CLI.run(args)
      XCTAssertEqual(r.status, 64, "\(args): \(r.stderr)")
      XCTAssertFalse(r.stderr.contains("interactive terminal"), "\(args)")
    }
    XCTAssertFalse(FileManager.default.fileExists(atPath: db), "nothing was created")
  }
}
