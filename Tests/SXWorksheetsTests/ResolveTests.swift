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
