import FuzzBodies
import Foundation
import XCTest

/// Replays every seed in corpus/<target>/ and every saved crash in crashes/<Target>-* through the same property
/// the fuzzer checks. A crash found by fuzzing is fixed, then its file stays in crashes/ as a regression test.
final class ReplayTests: XCTestCase {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  func inputs(corpus: String, target: String) throws -> [URL] {
    let fm = FileManager.default
    let c = Self.root.appendingPathComponent("corpus/\(corpus)")
    var out = try fm.contentsOfDirectory(at: c, includingPropertiesForKeys: nil)
    let crashes = Self.root.appendingPathComponent("crashes")
    out += ((try? fm.contentsOfDirectory(at: crashes, includingPropertiesForKeys: nil)) ?? []).filter {
      $0.lastPathComponent.hasPrefix(target + "-")
    }
    return out.sorted { $0.path < $1.path }
  }

  func replay(_ corpus: String, _ target: String, minimum: Int, _ body: (Data) -> Void) throws {
    let files = try inputs(corpus: corpus, target: target)
    XCTAssertGreaterThanOrEqual(files.count, minimum, "seed corpus for \(target)")
    for f in files { body(try Data(contentsOf: f)) }
  }

  func testImportCorpus() throws { try replay("import", "FuzzImport", minimum: 2, FuzzBodies.importDocument) }
  func testQuantityCorpus() throws { try replay("quantity", "FuzzQuantity", minimum: 8, FuzzBodies.quantity) }
  func testWorksheetsCorpus() throws { try replay("worksheets", "FuzzWorksheets", minimum: 5, FuzzBodies.worksheets) }
  func testCalcArgsCorpus() throws { try replay("calcargs", "FuzzCalcArgs", minimum: 5, FuzzBodies.calcArgs) }

  /// Seeds not named `broken-*` are the real files: unmutated, the folder has no problem, so fuzzing starts from
  /// valid input; the `broken-*` seeds do have problems (and the checker reports them instead of crashing).
  func testWorksheetSeedsAreValidUnlessBroken() throws {
    let files = try inputs(corpus: "worksheets", target: "-none-")
    for f in files {
      let problems = FuzzBodies.worksheetProblems(try Data(contentsOf: f))
      if f.lastPathComponent.hasPrefix("broken-") {
        XCTAssertFalse(problems.isEmpty, f.lastPathComponent)
      } else {
        XCTAssertEqual(problems, [], f.lastPathComponent)
      }
    }
  }
}
