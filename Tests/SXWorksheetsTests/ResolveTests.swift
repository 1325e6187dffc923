import Foundation
import XCTest

@testable import SXWorksheets

final class ResolveTests: XCTestCase {
  var tmp: URL!

  override func setUpWithError() throws {
    tmp = FileManager.default.temporaryDirectory.appendingPathComponent("sxsh-resolve-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
  }
  override func tearDownWithError() throws { try? FileManager.default.removeItem(at: tmp) }

  func testLookupOrder() throws {
    let real = Fixture.worksheets.path
    let empty = tmp.path
    let noExe = "/nonexistent/bin/sxsh"
    // Command line first, then the environment variable.
    let cli = try WorksheetLoader.resolve(
      cliDir: real, environment: ["SXSH_WORKSHEETS": "/nonexistent"], currentDirectory: empty, executablePath: noExe)
    XCTAssertEqual(cli.source, .commandLine(real))
    let env = try WorksheetLoader.resolve(
      cliDir: nil, environment: ["SXSH_WORKSHEETS": real], currentDirectory: empty, executablePath: noExe)
    XCTAssertEqual(env.source, .environment(real))
    // ./Worksheets of the current directory.
    let cwd = try WorksheetLoader.resolve(
      cliDir: nil, environment: [:], currentDirectory: Fixture.root.path, executablePath: noExe)
    XCTAssertEqual(cwd.source.path, Fixture.root.appendingPathComponent("Worksheets").path)
    // A build tree: <root>/.build/<triple>/debug/sxsh finds <root>/Worksheets.
    let exe = Fixture.root.appendingPathComponent(".build/x86_64-unknown-linux-gnu/debug/sxsh").path
    let built = try WorksheetLoader.resolve(cliDir: nil, environment: [:], currentDirectory: empty, executablePath: exe)
    guard case .executable(let found) = built.source else { return XCTFail("\(built.source)") }
    XCTAssertEqual(URL(fileURLWithPath: found).resolvingSymlinksInPath().path, Fixture.worksheets.path)
    // Nothing found: the embedded copy.
    let none = try WorksheetLoader.resolve(cliDir: nil, environment: [:], currentDirectory: empty, executablePath: noExe)
    XCTAssertEqual(none.source, .embedded)
    XCTAssertTrue(none.skipped.isEmpty)
    XCTAssertEqual(none.set.worksheets.count, 14)
  }

  /// The candidates of an existing executable (worked out with `realpath` and string steps) are those of the URL route
  /// (symbolic links resolved, then standardized), also through a link to the executable and a linked folder.
  func testExecutableCandidatesMatchTheURLRoute() throws {
    let fm = FileManager.default
    let bin = tmp.appendingPathComponent("opt/sxsh-1.0/bin")
    try fm.createDirectory(at: bin, withIntermediateDirectories: true)
    let exe = bin.appendingPathComponent("sxsh")
    try Data("#!/bin/sh\n".utf8).write(to: exe)
    let link = tmp.appendingPathComponent("sxsh-link")
    try fm.createSymbolicLink(at: link, withDestinationURL: exe)
    let linkedDir = tmp.appendingPathComponent("current")
    try fm.createSymbolicLink(at: linkedDir, withDestinationURL: tmp.appendingPathComponent("opt/sxsh-1.0"))
    let byURL = WorksheetLoader.candidatesByURL
    let real = URL(fileURLWithPath: bin.path).resolvingSymlinksInPath().path
    for path in [exe.path, link.path, linkedDir.path + "/bin/sxsh", bin.path + "/../bin/./sxsh"] {
      let got = WorksheetLoader.executableCandidates(path)
      XCTAssertEqual(got, byURL(path), path)
      XCTAssertEqual(got.first, real + "/Worksheets", path)
    }
    // A path that does not exist keeps the URL route; the URL route itself for the build tree layout.
    XCTAssertEqual(WorksheetLoader.executableCandidates("/nonexistent/bin/sxsh"), byURL("/nonexistent/bin/sxsh"))
    XCTAssertEqual(WorksheetLoader.executableCandidates(""), [])
    XCTAssertEqual(
      byURL("/a/b/.build/x86_64-unknown-linux-gnu/release/sxsh"),
      ["/a/b/.build/x86_64-unknown-linux-gnu/release/Worksheets", "/a/b/.build/x86_64-unknown-linux-gnu/share/sxsh/Worksheets",
       "/a/b/.build/Worksheets", "/a/b/Worksheets"])
    XCTAssertEqual(WorksheetLoader.parent("/a/b"), "/a")
    XCTAssertEqual(WorksheetLoader.parent("/a"), "/")
    XCTAssertEqual(WorksheetLoader.parent("/"), "/")
  }

  func testExplicitBrokenFolderThrowsImplicitOneIsSkipped() throws {
    let copy = tmp.appendingPathComponent("Worksheets")
    try FileManager.default.copyItem(at: Fixture.worksheets, to: copy)
    try "version: 1\ngroups: [\n".write(to: copy.appendingPathComponent("workflow.yaml"), atomically: true, encoding: .utf8)
    XCTAssertThrowsError(
      try WorksheetLoader.resolve(cliDir: nil, environment: ["SXSH_WORKSHEETS": copy.path], currentDirectory: "/", executablePath: nil)
    ) { error in
      XCTAssertTrue((error as? WorksheetLoadError)?.problems.first?.description.hasPrefix("workflow.yaml:3: YAML syntax error") == true, "\(error)")
    }
    let r = try WorksheetLoader.resolve(cliDir: nil, environment: [:], currentDirectory: tmp.path, executablePath: "/nonexistent/sxsh")
    XCTAssertEqual(r.source, .embedded)
    XCTAssertEqual(r.skipped.map(\.source), [.currentDirectory(copy.path)])
    XCTAssertFalse(r.skipped[0].problems.isEmpty)
    XCTAssertEqual(r.source.label.vi, "bản nhúng trong chương trình")
  }

  func testMissingFolderIsOneProblem() {
    let problems = WorksheetLoader.check(directory: tmp.appendingPathComponent("nope").path)
    XCTAssertEqual(problems.count, 1)
    XCTAssertEqual(problems.first?.file, ".")
    XCTAssertTrue(problems.first?.text(.vi).contains("không có thư mục") == true)
  }
}
