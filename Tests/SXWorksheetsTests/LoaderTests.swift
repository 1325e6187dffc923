import Foundation
import SXCore
import XCTest

@testable import SXWorksheets

final class LoaderTests: XCTestCase {
  func testRealFolderHasNoProblems() {
    let problems = WorksheetLoader.check(directory: Fixture.worksheets.path)
    XCTAssertEqual(problems.map(\.description), [])
  }

  func testRealFolderLoadsEveryWorksheetInWorkflowOrder() throws {
    let set = try WorksheetLoader.load(directory: Fixture.worksheets.path)
    XCTAssertEqual(set.version, 1)
    XCTAssertEqual(set.worksheets.map(\.id), (0...13).map { "W\($0)" })
    XCTAssertEqual(set.workflow.map(\.step), [1, 2, 3, 4, 5, 6])
    XCTAssertEqual(set.workflow.first?.title.vi, "Khởi động")
    XCTAssertEqual(set.group(of: "W7")?.id, "analyse")
    XCTAssertEqual(set.group(of: "W11")?.step, 4)
    // Every definition file on disk is part of the set.
    let files = try Fixture.diskFiles().keys.filter { $0.hasPrefix("worksheets/") }.sorted()
    XCTAssertEqual(set.worksheets.map(\.file).sorted(), files)
    // W0 edits the header; every record kind except earlierPeriod has a worksheet.
    XCTAssertEqual(set.worksheet(id: "W0")?.record, .header)
    let kinds = Set(set.worksheets.compactMap { w -> RecordKind? in if case .kind(let k) = w.record { k } else { nil } })
    XCTAssertEqual(kinds, Set(RecordKind.allCases).subtracting([.earlierPeriod]))
    XCTAssertEqual(set.worksheets(for: .kind(.opportunity)).map(\.id), ["W10", "W11"])
  }

  func testEveryLabelAndHelpIsBilingual() throws {
    let set = try WorksheetLoader.load(directory: Fixture.worksheets.path)
    func check(_ t: LocalizedText, _ what: String) {
      XCTAssertFalse(t.vi.isEmpty, what)
      XCTAssertFalse(t.en.isEmpty, what)
      XCTAssertEqual(t.vi, TextRules.nfc(t.vi), what)
    }
    for w in set.worksheets {
      check(w.title, w.id)
      check(w.help, w.id)
      XCTAssertGreaterThan(w.help.vi.count, 200, "\(w.id) guidance is too thin")
      for f in w.fields + w.fields.flatMap(\.fields) {
        check(f.label, "\(w.id).\(f.key)")
        check(f.help, "\(w.id).\(f.key)")
        f.options.forEach { check($0.label, "\(w.id).\(f.key)=\($0.value)") }
      }
    }
  }

  func testKeyWorksheetsDriveTheTUI() throws {
    let set = try WorksheetLoader.load(directory: Fixture.worksheets.path)
    let w7 = try XCTUnwrap(set.worksheet(id: "W7"))
    XCTAssertEqual(w7.layout, .table)
    XCTAssertEqual(w7.record, .kind(.flow))
    XCTAssertEqual(w7.groupBy, "stepId")
    XCTAssertEqual(w7.fields.map(\.key), ["stepId", "direction", "kind", "name", "quantity", "unitPrice", "dataSource", "carrierId", "materialId", "note"])
    XCTAssertEqual(w7.field("kind")?.options.map(\.value), FlowKind.allCases.map(\.rawValue))
    XCTAssertEqual(w7.field("direction")?.options.map(\.value), ["in", "out"])
    XCTAssertEqual(w7.field("stepId")?.targets, [.record(.processStep)])
    let q = try XCTUnwrap(w7.field("quantity"))
    XCTAssertEqual(q.type, .quantity)
    XCTAssertEqual(q.defaultUnit, "t")
    XCTAssertTrue(q.units.contains("m³") && q.units.contains("kWh"))
    XCTAssertEqual(q.min, 0)
    let w4 = try XCTUnwrap(set.worksheet(id: "W4"))
    XCTAssertEqual(w4.field("fuel")?.targets, [.table(.fuels)])
    XCTAssertEqual(w4.field("ncvOverride")?.dimensions, [.energy])
    XCTAssertEqual(w4.field("ncvOverride")?.perDimensions, [.mass, .volume])
    XCTAssertEqual(w4.field("dataSource")?.options.map(\.value), DataSource.allCases.map(\.rawValue))
    XCTAssertTrue(w4.computed.map(\.key).contains("toe"))
    let w10 = try XCTUnwrap(set.worksheet(id: "W10"))
    XCTAssertEqual(w10.field("technique")?.options.map(\.value), CPTechnique.allCases.map(\.rawValue))
    XCTAssertEqual(w10.field("status")?.options.map(\.value), ["I", "N", "P", "K"])
    XCTAssertEqual(w10.field("tags")?.multiple, true)
    XCTAssertEqual(w10.field("savings")?.fields.map(\.key), ["resource", "quantity", "carrierId", "value"])
    let w11 = try XCTUnwrap(set.worksheet(id: "W11"))
    XCTAssertEqual(w11.layout, .form)
    XCTAssertEqual(w11.filter, WorksheetFilter(key: "screening", values: ["implementNow", "studyFurther"]))
    XCTAssertEqual(w11.field("scores.economic")?.max, 5)
    XCTAssertEqual(w11.field("investment.installation")?.defaultUnit, "triệu VND")
    XCTAssertEqual(set.worksheet(id: "W12")?.fields.filter(\.required).map(\.key), ["what", "who", "due"])
    XCTAssertEqual(set.worksheet(id: "W8")?.field("causes")?.multiple, true)
    XCTAssertEqual(set.worksheet(id: "W0")?.field("header.profile.name")?.required, true)
    XCTAssertEqual(set.worksheet(id: "W0")?.field("header.settings.discountRate")?.type, .percent)
    XCTAssertEqual(set.worksheet(id: "W9")?.field("targetId")?.targets, [.record(.processStep), .record(.wasteStream)])
  }

  func testEmbeddedCopyEqualsDisk() throws {
    let disk = try Fixture.diskFiles()
    let embedded = WorksheetLoader.embeddedFiles
    let hint = "The embedded copy is out of date: run Sources/SXWorksheets/embed-worksheets.sh and commit Embedded.generated.swift."
    XCTAssertEqual(Set(embedded.keys), Set(disk.keys), hint)
    for (path, text) in disk {
      XCTAssertEqual(embedded[path], text, "\(path): \(hint)")
    }
    // The digest the script wrote next to the text (compared at start with the pre-parsed form's) is that text's.
    XCTAssertEqual(EmbeddedWorksheets.digest, CompiledWorksheets.digest(embedded), hint)
    XCTAssertEqual(EmbeddedWorksheets.digest, CompiledWorksheets.digest(disk), hint)
    let set = try WorksheetLoader.embedded()
    XCTAssertEqual(set, try WorksheetLoader.load(directory: Fixture.worksheets.path))
  }

  func testTextIsNFCNormalisedOnLoad() throws {
    var files = WorksheetLoader.embeddedFiles
    let nfdTitle = "Năng lượng".decomposedStringWithCanonicalMapping
    XCTAssertNotEqual(Array(nfdTitle.unicodeScalars), Array("Năng lượng".unicodeScalars))
    files["worksheets/W04-energy.yaml"] = files["worksheets/W04-energy.yaml"]?.replacingOccurrences(
      of: "  vi: Năng lượng\n", with: "  vi: \(nfdTitle)\n")
    let set = try WorksheetLoader.load(files: files)
    let title = try XCTUnwrap(set.worksheet(id: "W4")?.title.vi)
    XCTAssertEqual(Array(title.unicodeScalars), Array("Năng lượng".precomposedStringWithCanonicalMapping.unicodeScalars))
  }

  func testLoadOfABrokenFolderThrowsEveryProblem() throws {
    var files = WorksheetLoader.embeddedFiles
    files["worksheets/W06-steps.yaml"] = files["worksheets/W06-steps.yaml"]?.replacingOccurrences(of: "type: money", with: "type: cash")
    XCTAssertThrowsError(try WorksheetLoader.load(files: files)) { error in
      guard let e = error as? WorksheetLoadError else { return XCTFail("\(error)") }
      XCTAssertEqual(e.problems.count, 1)
      XCTAssertTrue(e.message.en.contains("worksheets/W06-steps.yaml:"))
      XCTAssertTrue(e.message.vi.contains("kiểu trường không rõ «cash»"))
    }
    XCTAssertThrowsError(try WorksheetLoader.load(directory: "/nonexistent/sxsh/Worksheets"))
  }
}
