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

  /// Reading a folder: files with the bytes of the embedded copy are taken from it, others are decoded; both give
  /// what decoding every file gives.
  func testFolderReadTakesIdenticalFilesFromTheEmbeddedCopy() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sxsh-read-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: dir) }
    for (rel, text) in WorksheetLoader.embeddedFiles {
      let url = dir.appendingPathComponent(rel)
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(text.utf8).write(to: url)
    }
    let changed = try XCTUnwrap(WorksheetLoader.embeddedFiles.keys.sorted().first { $0.hasSuffix(".yaml") })
    try Data(("# edited\n" + WorksheetLoader.embeddedFiles[changed]!).utf8).write(to: dir.appendingPathComponent(changed))
    let read = WorksheetLoader.readDirectory(dir.path)
    XCTAssertEqual(read.problems, [])
    var expected = WorksheetLoader.embeddedFiles
    expected[changed] = "# edited\n" + expected[changed]!
    let files = try XCTUnwrap(read.files)
    XCTAssertEqual(Set(files.keys), Set(expected.keys))
    for (rel, text) in expected { XCTAssertTrue(CompiledWorksheets.sameBytes(files[rel], text), rel) }
    // Through a symbolic link to the folder, and a path with "." and "..": the same files under the same names.
    let link = dir.deletingLastPathComponent().appendingPathComponent("sxsh-read-link-\(UUID().uuidString)")
    try FileManager.default.createSymbolicLink(at: link, withDestinationURL: dir)
    defer { try? FileManager.default.removeItem(at: link) }
    for path in [link.path, link.path + "/./worksheets/..", dir.path + "/"] {
      let again = WorksheetLoader.readDirectory(path)
      XCTAssertEqual(again.problems, [], path)
      XCTAssertEqual(again.files, files, path)
    }
    XCTAssertFalse(WorksheetLoader.sameBytes(Data("ab".utf8), "abc"))
    XCTAssertTrue(WorksheetLoader.sameBytes(Data("Việt".utf8), "Việt"))
  }

  /// Rules files identical to the embedded copy are parsed on first use: sound because the embedded rules have no
  /// problem (so they never decide whether a folder is used), and the deferred rules are those the loader reads.
  func testRulesIdenticalToTheEmbeddedCopyAreParsedOnFirstUse() throws {
    let embeddedFiles = WorksheetLoader.embeddedFiles
    let parsed = RulesLoader.parse(files: embeddedFiles)
    XCTAssertEqual(parsed.problems, [])
    XCTAssertFalse(parsed.rules.isEmpty)
    let noExe = "/nonexistent/bin/sxsh"
    let empty = FileManager.default.temporaryDirectory.appendingPathComponent("sxsh-none-\(UUID().uuidString)").path
    let embedded = try WorksheetLoader.resolve(cliDir: nil, environment: [:], currentDirectory: empty, executablePath: noExe)
    XCTAssertTrue(embedded.lazyRules.isDeferred)
    XCTAssertEqual(embedded.rules, parsed.rules)
    XCTAssertFalse(embedded.lazyRules.isDeferred)
    // Parsed on another thread: the same rules, read while that parse may still run.
    let background = try WorksheetLoader.resolve(cliDir: nil, environment: [:], currentDirectory: empty, executablePath: noExe)
    background.parseRulesInBackground()
    XCTAssertEqual(background.rules, parsed.rules)
    background.parseRulesInBackground()
    XCTAssertEqual(background.rules, parsed.rules)
    // A folder with the same rules files (other files may differ) defers them too.
    var edited = embeddedFiles
    edited["workflow.yaml"] = edited["workflow.yaml"]! + "\n# a comment\n"
    let same = try WorksheetLoader.loadWithRules(files: edited, source: "(memory)")
    XCTAssertTrue(same.rules.isDeferred)
    XCTAssertEqual(same.rules.value, parsed.rules)
    // A changed rules file is parsed and checked with the folder: its problems refuse the folder.
    let ruleFile = try XCTUnwrap(embeddedFiles.keys.filter { $0.hasPrefix("rules/") && $0.hasSuffix(".yaml") }.sorted().first)
    var changed = embeddedFiles
    changed[ruleFile] = changed[ruleFile]! + "\n# a comment\n"
    let reparsed = try WorksheetLoader.loadWithRules(files: changed, source: "(memory)")
    XCTAssertFalse(reparsed.rules.isDeferred)
    XCTAssertEqual(reparsed.rules.value, RulesLoader.parse(files: changed).rules)
    var broken = embeddedFiles
    broken[ruleFile] = "area: nowhere\nrules: 3\n"
    XCTAssertThrowsError(try WorksheetLoader.loadWithRules(files: broken, source: "(memory)"))
    // An extra rules file is not the embedded copy either.
    var extra = embeddedFiles
    extra["rules/zz-extra.yaml"] = embeddedFiles[ruleFile]
    XCTAssertNil(LazyRules.deferredIfEmbedded(extra))
  }

  /// The pre-built embedded set is exactly what the YAML loader gives for the embedded files, and the generated file
  /// is up to date (run `Sources/SXWorksheets/embed-worksheets.sh` after editing `Worksheets/`). With
  /// `SXSH_WRITE_COMPILED=path` this test writes the generated file instead (what the script does).
  func testCompiledEmbeddedSetIsWhatTheYAMLGives() throws {
    let generatedFile = Fixture.root.appendingPathComponent("Sources/SXWorksheets/EmbeddedCompiled.generated.swift")
    if let out = ProcessInfo.processInfo.environment["SXSH_WRITE_COMPILED"], !out.isEmpty {
      try CompiledWorksheets.generatedSource().write(toFile: out, atomically: true, encoding: .utf8)
      return
    }
    let yaml = try WorksheetLoader.loadWithRules(files: WorksheetLoader.embeddedFiles, source: "(embedded)", compiled: false)
    XCTAssertEqual(yaml.rules.value, RulesLoader.parse(files: WorksheetLoader.embeddedFiles).rules)
    let compiled = try XCTUnwrap(CompiledWorksheets.embeddedSet(), "stale: run Sources/SXWorksheets/embed-worksheets.sh")
    XCTAssertEqual(compiled, yaml.set)
    XCTAssertEqual(try String(contentsOf: generatedFile, encoding: .utf8), try CompiledWorksheets.generatedSource(),
      "stale: run Sources/SXWorksheets/embed-worksheets.sh")
    // The embedded copy and a folder with the same files load it, with the rules parsed on first use.
    let embedded = try WorksheetLoader.embeddedWithRules()
    XCTAssertEqual(embedded.set, yaml.set)
    XCTAssertTrue(embedded.rules.isDeferred)
    XCTAssertEqual(embedded.rules.value, yaml.rules.value)
    XCTAssertTrue(CompiledWorksheets.sameFiles(try Fixture.diskFiles(), WorksheetLoader.embeddedFiles))
    let folder = try WorksheetLoader.loadWithRules(directory: Fixture.worksheets.path)
    XCTAssertEqual(folder.set, yaml.set)
    XCTAssertTrue(folder.rules.isDeferred)
    // Any other folder is parsed from its YAML: a changed title shows, a missing or extra file is not the embedded copy.
    var files = WorksheetLoader.embeddedFiles
    let w0 = try XCTUnwrap(files.keys.filter { $0.hasPrefix("worksheets/") }.sorted().first)
    XCTAssertNil(WorksheetLoader.compiledIfEmbedded(files.merging(["worksheets/extra.txt": "x"]) { a, _ in a }))
    files[w0] = files[w0]! + "\n# a comment\n"
    XCTAssertNil(WorksheetLoader.compiledIfEmbedded(files))
    XCTAssertEqual(try WorksheetLoader.load(files: files), yaml.set)
    files.removeValue(forKey: "README.md")
    XCTAssertNil(WorksheetLoader.compiledIfEmbedded(files))
    XCTAssertFalse(CompiledWorksheets.sameBytes("Việt", "Vie\u{0302}\u{0323}t"))
    XCTAssertTrue(CompiledWorksheets.sameBytes("Việt", "Vi" + "ệt"))
  }

  /// The loader's regular-file check says what `URLResourceValues.isRegularFile` says: files yes; links (to files, to
  /// folders, dangling), folders, FIFOs and missing paths no.
  func testRegularFileCheckMatchesFoundation() throws {
    let fm = FileManager.default
    let dir = fm.temporaryDirectory.appendingPathComponent("sxsh-reg-\(UUID().uuidString)")
    try fm.createDirectory(at: dir.appendingPathComponent("sub"), withIntermediateDirectories: true)
    defer { try? fm.removeItem(at: dir) }
    try Data("a".utf8).write(to: dir.appendingPathComponent("f"))
    try fm.createSymbolicLink(atPath: dir.appendingPathComponent("lf").path, withDestinationPath: "f")
    try fm.createSymbolicLink(atPath: dir.appendingPathComponent("ld").path, withDestinationPath: "sub")
    try fm.createSymbolicLink(atPath: dir.appendingPathComponent("dangling").path, withDestinationPath: "nowhere")
    XCTAssertEqual(mkfifo(dir.appendingPathComponent("fifo").path, 0o600), 0)
    var checked = 0
    for name in ["f", "lf", "ld", "sub", "dangling", "fifo", "missing"] {
      let url = dir.appendingPathComponent(name)
      let foundation = (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true
      XCTAssertEqual(WorksheetLoader.isRegularFile(url.path), foundation, name)
      if foundation { checked += 1 }
    }
    XCTAssertEqual(checked, 1)
  }

  /// The embedded schema, whose JSON check the loader skips, is valid JSON; a changed one is still checked.
  func testEmbeddedSchemaIsJSON() throws {
    let schema = try XCTUnwrap(WorksheetLoader.embeddedFiles[WorksheetLoader.schemaFile])
    XCTAssertNotNil(try JSONSerialization.jsonObject(with: Data(schema.utf8)) as? [String: Any])
    var files = WorksheetLoader.embeddedFiles
    files[WorksheetLoader.schemaFile] = schema + "}"
    XCTAssertEqual(WorksheetLoader.check(files: files).map(\.file), [WorksheetLoader.schemaFile])
  }

  /// The path join without URL gives what the URL round trip gives, and defers to it for anything not plain.
  func testJoinMatchesURL() {
    let folders = [
      "/", "/work/wt-start", "/work/wt-start/", "/a b/c-d_e+f", "/tmp//x", "/tmp/./x", "/tmp/../x", "/x/.hidden", "/x/%41",
      "/x/Việt", "relative/dir", "", "/x/y/.", "/x/y/..",
    ]
    for a in folders {
      for b in ["Worksheets", "workflow.yaml", ".hidden", "a/b", "..", "", "Việt", "%41"] {
        XCTAssertEqual(WorksheetLoader.join(a, b), URL(fileURLWithPath: a).appendingPathComponent(b).path, "\(a) + \(b)")
      }
    }
    XCTAssertTrue(WorksheetLoader.isPlainPath("/work/wt-start/Worksheets/worksheets/W0-profile.yaml", absolute: true))
    XCTAssertFalse(WorksheetLoader.isPlainPath("/work/./x", absolute: true))
    XCTAssertFalse(WorksheetLoader.isPlainPath("/work//x", absolute: true))
    XCTAssertFalse(WorksheetLoader.isPlainPath("/work/Việt", absolute: true))
    XCTAssertFalse(WorksheetLoader.isPlainPath("work", absolute: true))
    XCTAssertFalse(WorksheetLoader.isPlainPath(".x", absolute: false))
  }

  /// Every scalar the quick check accepts is a starter and its own NFC, so text made only of them is NFC.
  func testNFCQuickCheckScalarsAreStable() {
    var accepted = 0
    for v in 0..<0x3000 as Range<UInt32> {
      guard let u = Unicode.Scalar(v), TextRules.isNFCStable(u) else { continue }
      accepted += 1
      let s = String(Character(u))
      XCTAssertEqual(s.precomposedStringWithCanonicalMapping.unicodeScalars.map(\.value), [v], String(v, radix: 16))
      XCTAssertEqual(u.properties.canonicalCombiningClass, .notReordered, String(v, radix: 16))
    }
    XCTAssertGreaterThan(accepted, 1000)
    // Combining marks and the singletons that NFC replaces are not accepted.
    for v: UInt32 in [0x300, 0x301, 0x323, 0x340, 0x2000, 0x2001, 0x20D0, 0x2126, 0x212B, 0x2329] {
      XCTAssertFalse(TextRules.isNFCStable(Unicode.Scalar(v)!), String(v, radix: 16))
    }
  }

  /// The quick NFC gives what Foundation gives, on NFC, NFD and mixed Vietnamese text and on every worksheet file.
  func testNFCMatchesFoundation() throws {
    let samples = [
      "Công ty dệt nhuộm — Đà Nẵng", "Cong ty de\u{0323}\u{0302}t", "A\u{030A}ngstrom \u{212B}", "\u{2000}x", "e\u{301}", "中文 ½ ³ → ≤ ₂",
      "",
    ]
    for s in samples + Array(WorksheetLoader.embeddedFiles.values) {
      XCTAssertEqual(Array(YAMLTree.nfc(s).unicodeScalars), Array(s.precomposedStringWithCanonicalMapping.unicodeScalars), s)
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
