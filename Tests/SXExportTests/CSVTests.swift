import Foundation
import SXCore
import XCTest

@testable import SXExport

final class CSVTests: XCTestCase {
  func testRFC4180QuotingAndBOM() {
    let t = ExportTable(
      id: "t", title: "t", columns: [ExportColumn("Tên \"a\""), ExportColumn("Số", unit: "kg")],
      rows: [[.text("dòng 1, có \"ngoặc\"\nxuống dòng"), .number(-12.5)], [.empty, .number(3)]])
    let d = CSVExport.data(t)
    XCTAssertEqual(Array(d.prefix(3)), [0xEF, 0xBB, 0xBF])
    XCTAssertEqual(
      String(decoding: d.dropFirst(3), as: UTF8.self),
      "\"Tên \"\"a\"\"\",\"Số (kg)\"\r\n\"dòng 1, có \"\"ngoặc\"\"\nxuống dòng\",\"-12.5\"\r\n\"\",\"3\"\r\n")
  }

  func testFormulaInjectionIsNeutralisedInTextOnly() {
    for s in ["=1+1", "+1", "-1+2", "@SUM(A1)", "\tx", "\rx", "＝1", "＋1", "－1", "＠x"] {
      XCTAssertEqual(CSVExport.neutralise(s), "'" + s, s.debugDescription)
      XCTAssertEqual(CSVExport.neutralise(s, raw: true), s)
    }
    for s in ["a=1", "Nguyễn", "", "1+1"] { XCTAssertEqual(CSVExport.neutralise(s), s) }
    let t = ExportTable(id: "t", title: "t", columns: [ExportColumn("a"), ExportColumn("b")], rows: [[.text("-5"), .number(-5)]])
    XCTAssertTrue(String(decoding: CSVExport.data(t), as: UTF8.self).hasSuffix("\"'-5\",\"-5\"\r\n"), "numbers stay numbers")
  }

  /// Every csv file read back with Python's csv module gives exactly the table's values (both languages, and the
  /// hostile assessment).
  func testRoundTripThroughPythonCSV() throws {
    guard let py = Checker.python() else { return }
    let script = """
      import csv, json, sys, os
      out = {}
      for name in sorted(os.listdir(sys.argv[1])):
          with open(os.path.join(sys.argv[1], name), newline='', encoding='utf-8-sig') as f:
              out[name] = list(csv.reader(f, strict=True))
      json.dump(out, sys.stdout, ensure_ascii=False)
      """
    var inputs = [try demoInput(.vi), try demoInput(.en)]
    inputs.append(try ExportInput.compute(hostileAssessment(), language: .vi, generator: "t"))
    for input in inputs {
      let dir = try Checker.tempDir()
      defer { try? FileManager.default.removeItem(at: dir) }
      let tables = ExportTables.all(input)
      let files = CSVExport.files(tables)
      for f in files { try f.data.write(to: dir.appendingPathComponent(f.name)) }
      let r = try Checker.run(py, ["-c", script, dir.path])
      XCTAssertEqual(r.status, 0, r.stderr)
      let read = try XCTUnwrap(try JSONSerialization.jsonObject(with: r.stdout) as? [String: [[String]]])
      XCTAssertEqual(read.count, tables.count)
      for (k, t) in tables.enumerated() {
        let rows = try XCTUnwrap(read[files[k].name], files[k].name)
        XCTAssertEqual(rows.first, t.headers.map { CSVExport.neutralise($0) }, t.id)
        XCTAssertEqual(Array(rows.dropFirst()), t.rows.map { $0.map(csvText) }, t.id)
      }
      if input.assessment.header.profile.name.hasPrefix("=") {
        let all = read.values.flatMap { $0 }.flatMap { $0 }
        XCTAssertFalse(all.contains { s in ["=", "+", "@", "\t", "＝"].contains { s.hasPrefix($0) } }, "no cell starts a formula")
        XCTAssertTrue(all.contains("'=HYPERLINK(\"http://evil.example\",\"x\")"))
        XCTAssertTrue(all.contains("'-2+3"))
      }
    }
  }

  func testZipHoldsTheSameFiles() throws {
    let tables = ExportTables.all(try demoInput(.en))
    let zip = try CSVExport.zip(tables)
    XCTAssertEqual(Array(zip.prefix(2)), [0x50, 0x4B])
    guard let py = Checker.python() else { return }
    let dir = try Checker.tempDir()
    defer { try? FileManager.default.removeItem(at: dir) }
    try zip.write(to: dir.appendingPathComponent("c.zip"))
    let r = try Checker.run(py, ["-c", "import zipfile,sys; z=zipfile.ZipFile(sys.argv[1]); print('\\n'.join(n for n in z.namelist())); assert z.testzip() is None", dir.appendingPathComponent("c.zip").path])
    XCTAssertEqual(r.status, 0, r.stderr)
    XCTAssertEqual(r.out.split(separator: "\n").map(String.init), CSVExport.files(tables).map(\.name))
  }

  /// File names are remembered per (place, table id): the remembered name is the one worked out afresh, for plain,
  /// hostile and non-ASCII ids, at the same and at other places, read twice; another id at a known place gets its own.
  func testFileNamesRememberedAsWorkedOut() {
    let ids = ["W03-materials", "results-energy-carriers", "../..//x", ".hidden.", "Năng lượng", "", "a\u{0}b", "-.-", "W03-materials "]
    for _ in 0..<2 {
      for (k, id) in ids.enumerated() {
        for index in [0, k, 9, 10, 99, 100] {
          let t = ExportTable(id: id, title: "t", columns: [], rows: [])
          XCTAssertEqual(CSVExport.fileName(index, t), CSVExport.makeFileName(index, t), "\(index) \(id)")
        }
      }
    }
    XCTAssertEqual(CSVExport.fileName(0, ExportTable(id: "W03-materials", title: "", columns: [], rows: [])), "01-W03-materials.csv")
    XCTAssertEqual(CSVExport.fileName(0, ExportTable(id: "W04-energy", title: "", columns: [], rows: [])), "01-W04-energy.csv")
    XCTAssertEqual(CSVExport.fileName(9, ExportTable(id: "Năng lượng", title: "", columns: [], rows: [])), "10-N-ng-l--ng.csv")
  }
}
