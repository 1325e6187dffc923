import Foundation
import SXCore
import SXEngine
import XCTest

@testable import SXWorksheets

/// The faster load path (issue 8, cold start): one parse for worksheets and rules, Yams's basic resolver, and the
/// quick NFC and trimming helpers; each checked against the slower reference it replaces.
final class StartupPathTests: XCTestCase {
  /// The resolved rules are exactly those the rules loader reads from the same files.
  func testResolvedRulesAreTheFolderRules() throws {
    let noExe = "/nonexistent/bin/sxsh"
    let empty = FileManager.default.temporaryDirectory.appendingPathComponent("sxsh-none-\(UUID().uuidString)").path
    let embedded = try WorksheetLoader.resolve(cliDir: nil, environment: [:], currentDirectory: empty, executablePath: noExe)
    XCTAssertEqual(embedded.source, .embedded)
    XCTAssertEqual(embedded.rules, try RulesLoader.load(files: WorksheetLoader.embeddedFiles))
    XCTAssertFalse(embedded.rules.isEmpty)
    let folder = try WorksheetLoader.resolve(cliDir: Fixture.worksheets.path, environment: [:], currentDirectory: empty, executablePath: noExe)
    XCTAssertEqual(folder.rules, try RulesLoader.load(directory: Fixture.worksheets.path))
    XCTAssertEqual(try RulesLoader.resolve(cliDir: Fixture.worksheets.path), folder.rules)
    XCTAssertEqual(folder.set, try WorksheetLoader.load(directory: Fixture.worksheets.path))
  }

  /// Every scalar the quick check accepts is a starter and its own NFC, so text made only of them is NFC.
  func testNFCQuickCheckScalarsAreStable() {
    var accepted = 0
    for v in 0..<0x3000 as Range<UInt32> {
      guard let u = Unicode.Scalar(v), YAMLTree.isNFCStable(u) else { continue }
      accepted += 1
      let s = String(Character(u))
      XCTAssertEqual(s.precomposedStringWithCanonicalMapping.unicodeScalars.map(\.value), [v], String(v, radix: 16))
      XCTAssertEqual(u.properties.canonicalCombiningClass, .notReordered, String(v, radix: 16))
    }
    XCTAssertGreaterThan(accepted, 1000)
    // Combining marks and the singletons that NFC replaces are not accepted.
    for v: UInt32 in [0x300, 0x301, 0x323, 0x340, 0x2000, 0x2001, 0x20D0, 0x2126, 0x212B, 0x2329] {
      XCTAssertFalse(YAMLTree.isNFCStable(Unicode.Scalar(v)!), String(v, radix: 16))
    }
  }

  /// The quick NFC gives what Foundation gives, on NFC, NFD and mixed Vietnamese text and on every worksheet file.
  func testNFCMatchesFoundation() throws {
    let samples = [
      "Công ty dệt nhuộm — Đà Nẵng", "Cong ty de\u{0323}\u{0302}t", "A\u{030A}ngstrom \u{212B}", "\u{2000}x", "e\u{301}", "中文 ½ ³ → ≤ ₂",
      "",
    ]
    for s in samples + Array(WorksheetLoader.embeddedFiles.values) {
      XCTAssertEqual(Array(YAMLTree.nfc(s).unicodeScalars), Array(TextRules.nfc(s).unicodeScalars), s)
    }
  }

  /// The native trim removes exactly what `trimmingCharacters(in: .whitespacesAndNewlines)` removes.
  func testTrimMatchesFoundation() {
    for v in Array(0..<0x3100 as Range<UInt32>) + [0xFEFF, 0xFFFC, 0x1F600] {
      guard let u = Unicode.Scalar(v) else { continue }
      let c = String(Character(u))
      for s in [c + "a" + c, "a" + c + "b"] {
        XCTAssertEqual(YAMLTree.trimmed(s), s.trimmingCharacters(in: .whitespacesAndNewlines), String(v, radix: 16))
      }
    }
  }

  /// With the basic resolver, plain `null`/`~`/empty values are still empty, and a repeated key is still reported.
  func testBasicResolverKeepsNullsAndDuplicates() {
    var d = Diagnostics(file: "t.yaml")
    let root = YAMLTree.parse("a: ~\nb: null\nc:\nd: 'null'\ne: 12\nf: true\n", &d)
    XCTAssertTrue(d.problems.isEmpty)
    guard case .mapping(let pairs)? = root?.value else { return XCTFail("not a mapping") }
    XCTAssertEqual(pairs.map(\.key.scalar), ["a", "b", "c", "d", "e", "f"])
    XCTAssertEqual(pairs.map(\.value.isNull), [true, true, true, false, false, false])
    XCTAssertEqual(pairs.map(\.value.scalar), [nil, nil, nil, "null", "12", "true"])
    var dup = Diagnostics(file: "t.yaml")
    XCTAssertNil(YAMLTree.parse("x: 1\ny: 2\nx: 3\n", &dup))
    XCTAssertEqual(dup.problems.count, 1)
    XCTAssertTrue(dup.problems.first?.message.en.contains("duplicate keys in one mapping: x") == true, "\(dup.problems)")
    // Keys equal as text but written differently are one key; 1 and 01 are two.
    var dup2 = Diagnostics(file: "t.yaml")
    XCTAssertNil(YAMLTree.parse("x: 1\n'x': 2\n", &dup2))
    var two = Diagnostics(file: "t.yaml")
    XCTAssertNotNil(YAMLTree.parse("1: a\n01: b\n", &two))
    XCTAssertTrue(two.problems.isEmpty)
  }
}
