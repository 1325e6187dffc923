import Foundation
import SXCore
import XCTest

@testable import SXWorksheets

/// A copy of the real folder with planted mistakes; every problem must come back as `file:line:` with the planted line.
final class BrokenFolderTests: XCTestCase {
  var dir: URL!

  override func setUpWithError() throws { dir = try Fixture.copy() }
  override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

  func write(_ file: String, _ text: String) throws {
    try text.write(to: dir.appendingPathComponent(file), atomically: true, encoding: .utf8)
  }

  /// `file:line` of every problem.
  func locations(_ problems: [WorksheetProblem]) -> [String] { problems.map { "\($0.file):\($0.line)" } }

  func testPlantedWorksheetMistakes() throws {
    try write(
      "worksheets/W02-products.yaml",
      """
      id: W2
      layout: table
      record: product
      title: {vi: Sản phẩm chính, en: Main products}
      help: {vi: Hướng dẫn, en: Guidance}
      fields:
        - key: name
          type: txt
          label: {vi: Sản phẩm, en: Product}
          help: {vi: Tên, en: Name}
        - key: annualQuantity
          type: quantity
          label: {en: Annual quantity}
          help: {vi: Sản lượng, en: Quantity}
          dimensions: [mass]
          units: [t, kgg]
          defaultUnit: t
          min: 10
          max: 5
        - key: note
          type: multiline
          label: {vi: Ghi chú, en: Note}
          help: {vi: Ghi chú, en: Note}
          colour: red
        - key: isRefrence
          type: boolean
          label: {vi: Tham chiếu, en: Reference}
          help: {vi: Sản phẩm tham chiếu, en: Reference product}

      """)
    // A YAML syntax error: an unquoted ": " inside Vietnamese text (a typical trainer mistake).
    try write(
      "worksheets/W12-action-plan.yaml",
      """
      id: W12
      layout: table
      record: actionItem
      title:
        vi: Kế hoạch: thực hiện
        en: Action plan

      """)
    let problems = WorksheetLoader.check(directory: dir.path)
    let workflowLine = try Fixture.lineNumber(in: dir, "workflow.yaml", of: "    worksheets: [W12]")
    XCTAssertGreaterThan(workflowLine, 0)
    XCTAssertEqual(
      locations(problems),
      [
        "workflow.yaml:\(workflowLine)",
        "worksheets/W02-products.yaml:8", "worksheets/W02-products.yaml:13", "worksheets/W02-products.yaml:16",
        "worksheets/W02-products.yaml:19", "worksheets/W02-products.yaml:24", "worksheets/W02-products.yaml:25",
        "worksheets/W12-action-plan.yaml:5",
      ], problems.map(\.description).joined(separator: "\n"))
    let text = problems.map(\.description)
    XCTAssertTrue(text[0].contains("worksheet «W12» does not exist"), text[0])
    XCTAssertTrue(text[1].hasPrefix("worksheets/W02-products.yaml:8: field «name»: unknown field type «txt»"), text[1])
    XCTAssertTrue(text[2].contains("«label» is missing its Vietnamese text (vi)"), text[2])
    XCTAssertTrue(text[3].contains("unknown unit «kgg»"), text[3])
    XCTAssertTrue(text[4].contains("min (10.0) is greater than max (5.0)"), text[4])
    XCTAssertTrue(text[5].contains("unknown key «colour»"), text[5])
    XCTAssertTrue(text[6].contains("the model has no property «isRefrence»"), text[6])
    XCTAssertTrue(text[7].hasPrefix("worksheets/W12-action-plan.yaml:5: YAML syntax error: mapping values are not allowed"), text[7])
    // Vietnamese messages, same locations.
    XCTAssertTrue(problems[1].text(.vi).hasPrefix("worksheets/W02-products.yaml:8: field «name»: kiểu trường không rõ «txt»"))
    XCTAssertEqual(problems[7].column, 15)
    // Loading refuses the folder as a whole.
    XCTAssertThrowsError(try WorksheetLoader.load(directory: dir.path))
  }

  func testPlantedModelAndWorkflowMistakes() throws {
    let recordLine = try Fixture.replaceLine(in: dir, "worksheets/W06-steps.yaml", anchor: "record: processStep", with: "record: processStage")
    let kindLine = try Fixture.replaceLine(
      in: dir, "worksheets/W07-flows.yaml", anchor: "      - value: heat", with: "      - value: warmth")
    let typeLine = try Fixture.replaceLine(
      in: dir, "worksheets/W03-materials.yaml", anchor: "    type: percent", with: "    type: integer")
    let dupLine = try Fixture.replaceLine(
      in: dir, "worksheets/W09-focus.yaml", anchor: "  - key: safetyScore", with: "  - key: costScore")
    let flowLine = try Fixture.replaceLine(
      in: dir, "workflow.yaml", anchor: "    worksheets: [W12]", with: "    worksheets: [W12, W14]")
    let problems = WorksheetLoader.check(directory: dir.path)
    XCTAssertEqual(
      locations(problems),
      [
        "workflow.yaml:\(flowLine)", "worksheets/W03-materials.yaml:\(typeLine)", "worksheets/W06-steps.yaml:\(recordLine)",
        "worksheets/W07-flows.yaml:\(kindLine)", "worksheets/W09-focus.yaml:\(dupLine)",
      ], problems.map(\.description).joined(separator: "\n"))
    let text = problems.map(\.description)
    XCTAssertTrue(text[0].contains("worksheet «W14» does not exist"), text[0])
    XCTAssertTrue(text[1].contains("type «integer» does not fit the model property (Double)"), text[1])
    XCTAssertTrue(text[2].contains("unknown record kind «processStage»"), text[2])
    XCTAssertTrue(text[3].contains("value «warmth» is not in the model"), text[3])
    XCTAssertTrue(text[4].contains("duplicate field «costScore»"), text[4])
  }

  func testPlantedReferenceMistakes() throws {
    let yearLine = try Fixture.replaceLine(
      in: dir, "reference/grid-emission-factors.yaml", anchor: "  - year: 2016", with: "  - year: twenty16")
    let rowLine = try Fixture.lineNumber(in: dir, "reference/grid-emission-factors.yaml", of: "  - year: 2017")
    try Fixture.replaceLine(
      in: dir, "reference/grid-emission-factors.yaml", anchor: "    source: \"Cục Biến đổi khí hậu (DCC)\"", with: "",
      after: "  - year: 2017")
    let fuelLine = try Fixture.replaceLine(
      in: dir, "reference/toe-factors.yaml", anchor: "    fuel: lpg", with: "    fuel: lpg_bottled")
    let benchLine = try Fixture.replaceLine(
      in: dir, "reference/benchmarks.yaml", anchor: "    high: 250", with: "    high: 150")
    let problems = WorksheetLoader.check(directory: dir.path)
    XCTAssertEqual(
      locations(problems),
      [
        "reference/benchmarks.yaml:\(benchLine)", "reference/grid-emission-factors.yaml:\(yearLine)",
        "reference/grid-emission-factors.yaml:\(rowLine)", "reference/toe-factors.yaml:\(fuelLine)",
      ], problems.map(\.description).joined(separator: "\n"))
    let text = problems.map(\.description)
    XCTAssertTrue(text[0].contains("low (200.0) is greater than high (150.0)"), text[0])
    XCTAssertTrue(text[1].contains("«year» must be a whole number"), text[1])
    XCTAssertTrue(text[2].contains("«source» is missing"), text[2])
    XCTAssertTrue(text[3].contains("fuel «lpg_bottled» is not in fuels.yaml"), text[3])
  }

  func testMissingAndStrayFiles() throws {
    try FileManager.default.removeItem(at: dir.appendingPathComponent("reference/fuels.yaml"))
    try write("reference/coal-prices.yaml", "table: coalPrices\n")
    let problems = WorksheetLoader.check(directory: dir.path)
    let text = problems.map(\.description)
    XCTAssertTrue(text.contains("reference/coal-prices.yaml:1: unknown reference table (use: reference/benchmarks.yaml, reference/fuels.yaml, reference/grid-emission-factors.yaml, reference/policy-targets.yaml, reference/toe-factors.yaml)"), text.joined(separator: "\n"))
    XCTAssertTrue(text.contains("reference/fuels.yaml:1: required file is missing"), text.joined(separator: "\n"))
  }
}
