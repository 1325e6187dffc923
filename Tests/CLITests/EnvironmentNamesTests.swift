import Foundation
import XCTest

/// The full-screen loop hands the terminal, the worksheet lookup and the trace a dictionary of the environment
/// variables it names (`Environment.variables([...])` in AppRunner.swift), not the whole environment. A variable read
/// from that dictionary but missing from the list would read as unset, silently (NO_COLOR ignored, say): every name
/// those readers look up must be listed.
final class EnvironmentNamesTests: XCTestCase {
  /// The files whose environment reads get the loop's dictionary.
  static let readers = [
    "sxsh/AppRunner.swift", "sxsh/AppTrace.swift", "SXTerminal/TerminalSession.swift", "SXTerminal/TerminalOptions.swift",
    "SXUI/Kit/Theme.swift", "SXWorksheets/Resolve.swift",
  ]

  /// Names read as `env["NAME"]` or `environment["NAME"]`, and `environment[environmentVariable]` (the worksheet
  /// folder variable, named in WorksheetLoader.swift).
  static func namesRead(in source: String) -> Set<String> {
    var names = captures(#"\b(?:env|environment)\["([A-Z_][A-Z0-9_]*)"\]"#, in: source)
    if source.contains("environment[environmentVariable]") { names.insert("SXSH_WORKSHEETS") }
    return names
  }

  /// The names listed in AppRunner's `Environment.variables([...])` (string literals, and the worksheet variable).
  static func namesListed(in appRunner: String) -> Set<String> {
    guard let start = appRunner.range(of: "Environment.variables(["),
      let end = appRunner.range(of: "])", range: start.upperBound..<appRunner.endIndex)
    else { return [] }
    let list = String(appRunner[start.upperBound..<end.lowerBound])
    var names = captures(#""([A-Z_][A-Z0-9_]*)""#, in: list)
    if list.contains("WorksheetLoader.environmentVariable") { names.insert("SXSH_WORKSHEETS") }
    return names
  }

  /// The first capture group of every match of `pattern` in `text`.
  static func captures(_ pattern: String, in text: String) -> Set<String> {
    let re = try! NSRegularExpression(pattern: pattern)
    return Set(re.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { String(text[Range($0.range(at: 1), in: text)!]) })
  }

  func testEveryVariableTheLoopsReadersUseIsLookedUp() throws {
    let root = CLI.repoRoot.appendingPathComponent("Sources")
    let worksheetsLoader = try String(contentsOf: root.appendingPathComponent("SXWorksheets/WorksheetLoader.swift"), encoding: .utf8)
    XCTAssertTrue(worksheetsLoader.contains(#"environmentVariable = "SXSH_WORKSHEETS""#))
    let listed = Self.namesListed(in: try String(contentsOf: root.appendingPathComponent("sxsh/AppRunner.swift"), encoding: .utf8))
    XCTAssertTrue(listed.isSuperset(of: ["TERM", "SXSH_WORKSHEETS"]), "the list in AppRunner.swift was not found: \(listed)")
    var read = Set<String>()
    for file in Self.readers {
      read.formUnion(Self.namesRead(in: try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)))
    }
    XCTAssertTrue(read.isSuperset(of: ["TERM", "NO_COLOR", "SXSH_TRACE", "SXSH_WORKSHEETS"]), "readers not found: \(read)")
    XCTAssertEqual(read.subtracting(listed).sorted(), [], "read by the loop's readers but not looked up in AppRunner.swift")
  }

  func testDetectorsOnPlantedExamples() {
    XCTAssertEqual(Self.namesRead(in: #"if env["FOO_BAR"] == "1" {}; environment["NO_COLOR"]; env[name]"#), ["FOO_BAR", "NO_COLOR"])
    XCTAssertEqual(
      Self.namesListed(in: #"let env = Environment.variables([WorksheetLoader.environmentVariable, "TERM", "X1"])"#),
      ["SXSH_WORKSHEETS", "TERM", "X1"])
  }
}
