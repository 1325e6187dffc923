import Foundation
import XCTest

/// `sxsh worksheets check`: the shipped folder passes; a broken copy gets `file:line:` messages.
final class WorksheetsCheckCLITests: XCTestCase {
  func testShippedFolderIsValid() throws {
    let r = try CLI.run(["worksheets", "check", CLI.repoRoot.appendingPathComponent("Worksheets").path])
    XCTAssertEqual(r.status, 0, r.stdout + r.stderr)
  }

  func testBrokenCopyReportsFileAndLine() throws {
    let dir = try CLI.tempDir()
    defer { try? FileManager.default.removeItem(at: dir) }
    let copy = try CLI.worksheetsCopy(in: dir)
    // Line 26 of W01 is `    type: text`: make it an unknown field type.
    let team = copy.appendingPathComponent("worksheets/W01-team.yaml")
    var lines = try String(contentsOf: team, encoding: .utf8).components(separatedBy: "\n")
    XCTAssertEqual(lines[25], "    type: text")
    lines[25] = "    type: textt"
    try lines.joined(separator: "\n").write(to: team, atomically: true, encoding: .utf8)
    // A YAML syntax error on line 3 of W02: an unclosed flow sequence.
    let products = copy.appendingPathComponent("worksheets/W02-products.yaml")
    var p = try String(contentsOf: products, encoding: .utf8).components(separatedBy: "\n")
    p[2] = "layout: [table"
    try p.joined(separator: "\n").write(to: products, atomically: true, encoding: .utf8)

    let r = try CLI.run(["worksheets", "check", copy.path])
    XCTAssertEqual(r.status, 1)
    XCTAssertTrue(r.stdout.contains("\(copy.path)/worksheets/W01-team.yaml:26: "), r.stdout)
    XCTAssertTrue(r.stdout.contains("textt"), r.stdout)
    let yamlLine = r.stdout.components(separatedBy: "\n").first { $0.contains("W02-products.yaml:") }
    XCTAssertNotNil(yamlLine, r.stdout)
    // libyaml reports an unclosed flow sequence where it notices it: on line 3 or the next line.
    XCTAssertTrue(["W02-products.yaml:3:", "W02-products.yaml:4:"].contains { yamlLine?.contains($0) ?? false }, yamlLine ?? "")
  }
}
