import Foundation
import SXCore
import XCTest

@testable import SXExport

final class XLSXTests: XCTestCase {
  func workbook(_ input: ExportInput, in dir: URL) throws -> (URL, [ExportTable]) {
    let tables = ExportTables.all(input)
    let data = try XLSXExport.data(tables, title: "t", creator: "sxsh test", language: input.language)
    let url = dir.appendingPathComponent("book-\(input.language.rawValue).xlsx")
    try data.write(to: url)
    return (url, tables)
  }

  /// openpyxl reads every sheet: numbers are numbers (not text), text matches, no formula anywhere, header frozen.
  func testOpenpyxlReadsNumbersAsNumbers() throws {
    guard let py = Checker.python(module: "openpyxl") else { return }
    let script = """
      import json, sys, openpyxl
      wb = openpyxl.load_workbook(sys.argv[1])
      out = []
      for ws in wb.worksheets:
          rows = []
          for row in ws.iter_rows():
              r = []
              for c in row:
                  if c.value is None: r.append(None)
                  elif c.data_type == 'f': r.append(['f', str(c.value)])
                  elif isinstance(c.value, bool): r.append(['b', c.value])
                  elif isinstance(c.value, (int, float)): r.append(['n', c.value, c.number_format])
                  else: r.append(['s', c.value])
              rows.append(r)
          out.append({'name': ws.title, 'freeze': ws.freeze_panes, 'rows': rows,
                      'widths': [ws.column_dimensions[k].width for k in sorted(ws.column_dimensions.keys())]})
      json.dump(out, sys.stdout, ensure_ascii=False)
      """
    for input in [try demoInput(.vi), try demoInput(.en), try ExportInput.compute(hostileAssessment(), language: .vi, generator: "t")] {
      let dir = try Checker.tempDir()
      defer { try? FileManager.default.removeItem(at: dir) }
      let (url, tables) = try workbook(input, in: dir)
      let r = try Checker.run(py, ["-c", script, url.path])
      XCTAssertEqual(r.status, 0, r.stderr)
      let sheets = try XCTUnwrap(try JSONSerialization.jsonObject(with: r.stdout) as? [[String: Any]])
      XCTAssertEqual(sheets.map { $0["name"] as? String ?? "" }, XLSXExport.sheetNames(tables))
      var numbers = 0
      for (t, sheet) in zip(tables, sheets) {
        XCTAssertEqual(sheet["freeze"] as? String, "A2", t.id)
        let rows = try XCTUnwrap(sheet["rows"] as? [[Any]])
        XCTAssertEqual(rows.first?.compactMap { ($0 as? [Any])?.last as? String }, t.headers, t.id)
        for (k, row) in t.rows.enumerated() {
          let got = k + 1 < rows.count ? rows[k + 1] : []
          for (c, cell) in row.enumerated() {
            let g = c < got.count ? got[c] as? [Any] : nil
            switch cell {
            case .empty: XCTAssertNil(g, "\(t.id) r\(k) c\(c)")
            case .number(let v):
              numbers += 1
              XCTAssertEqual(g?.first as? String, "n", "\(t.id) r\(k) c\(c): a number, not text")
              let n = (g?[1] as? NSNumber)?.doubleValue ?? .nan
              XCTAssertEqual(n, v, accuracy: abs(v) * 1e-12 + 1e-12, "\(t.id) r\(k) c\(c)")
            case .text(let s):
              XCTAssertEqual(g?.first as? String, "s", "\(t.id) r\(k) c\(c)")
              XCTAssertEqual(g?.last as? String, XLSXParts.clean(s), "\(t.id) r\(k) c\(c)")
            }
          }
        }
        let widths = (sheet["widths"] as? [NSNumber])?.map(\.doubleValue) ?? []
        XCTAssertEqual(widths.count, t.columns.count, t.id)
      }
      XCTAssertGreaterThan(numbers, 500)
    }
  }

  /// LibreOffice (headless) opens the workbook and converts every sheet to csv; the values are the table's.
  func testLibreOfficeConvertsEverySheetWithTheSameValues() throws {
    guard let soffice = Checker.require(["soffice", "libreoffice"]) else { return }
    let dir = try Checker.tempDir()
    defer { try? FileManager.default.removeItem(at: dir) }
    let (url, tables) = try workbook(try demoInput(.vi), in: dir)
    let out = dir.appendingPathComponent("out")
    // Field sep ",", quote ", UTF-8, from line 1, raw values (not "as shown"), every sheet (-1) to its own file.
    let r = try Checker.run(
      soffice,
      [
        "-env:UserInstallation=file://\(dir.path)/lo-profile", "--headless", "--norestore",
        "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", "--outdir", out.path, url.path,
      ], timeout: 240)
    XCTAssertEqual(r.status, 0, r.stderr)
    let names = XLSXExport.sheetNames(tables)
    for (t, name) in zip(tables, names) {
      let file = out.appendingPathComponent("book-vi-\(name).csv")
      guard let data = try? Data(contentsOf: file) else {
        XCTFail("LibreOffice wrote no csv for sheet «\(name)»; files: \((try? FileManager.default.contentsOfDirectory(atPath: out.path)) ?? [])")
        continue
      }
      let rows = parseCSV(String(decoding: data, as: UTF8.self))
      XCTAssertEqual(rows.first, t.headers, t.id)
      for (k, row) in t.rows.enumerated() {
        let got = k + 1 < rows.count ? rows[k + 1] : []
        for (c, cell) in row.enumerated() {
          let g = c < got.count ? got[c] : ""
          switch cell {
          case .empty: XCTAssertEqual(g, "", "\(t.id) r\(k) c\(c)")
          case .number(let v):
            let n = Double(g) ?? .nan
            XCTAssertEqual(n, v, accuracy: abs(v) * 1e-9 + 1e-9, "\(t.id) r\(k) c\(c): «\(g)»")
          case .text(let s): XCTAssertEqual(g, s.replacingOccurrences(of: "\r\n", with: "\n"), "\(t.id) r\(k) c\(c)")
          }
        }
      }
    }
  }

  func testNoFormulaElementsAndTextIsSharedStrings() throws {
    let input = try ExportInput.compute(hostileAssessment(), language: .en, generator: "t")
    let tables = ExportTables.all(input)
    var strings = SharedStrings()
    var styles = XLSXStyles()
    for t in tables {
      let xml = XLSXExport.sheet(t, &strings, &styles, .en)
      XCTAssertFalse(xml.contains("<f>") || xml.contains("<f "), t.id)
      XCTAssertFalse(xml.contains("HYPERLINK"), "text lives in sharedStrings only")
    }
    XCTAssertTrue(strings.xml.contains("=HYPERLINK(&quot;http://evil.example&quot;,&quot;x&quot;)"))
  }

  func testSheetNamesAreValidAndUnique() {
    let t = { (s: String) in ExportTable(id: "x", title: s, columns: [], rows: []) }
    let names = XLSXExport.sheetNames([t("a/b:c?d*e[f]"), t(String(repeating: "x", count: 40)), t(String(repeating: "x", count: 40)), t("'q'")])
    XCTAssertEqual(names[0], "a-b-c-d-e-f-")
    XCTAssertEqual(names[1].count, 31)
    XCTAssertNotEqual(names[1], names[2])
    XCTAssertLessThanOrEqual(names[2].count, 31)
    XCTAssertEqual(names[3], "q")
  }
}

/// A small RFC 4180 reader for LibreOffice's output.
func parseCSV(_ text: String) -> [[String]] {
  var rows: [[String]] = []
  var row: [String] = []
  var field = ""
  var quoted = false
  var chars = Array(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text)
  chars.append("\n")
  var k = 0
  var any = false
  while k < chars.count {
    let ch = chars[k]
    if quoted {
      if ch == "\"" {
        if k + 1 < chars.count, chars[k + 1] == "\"" {
          field.append("\"")
          k += 1
        } else {
          quoted = false
        }
      } else {
        field.append(ch)
      }
    } else if ch == "\"" {
      quoted = true
      any = true
    } else if ch == "," {
      row.append(field)
      field = ""
      any = true
    } else if ch == "\n" || ch == "\r\n" {
      if any || !field.isEmpty {
        row.append(field)
        rows.append(row)
      }
      row = []
      field = ""
      any = false
    } else if ch != "\r" {
      field.append(ch)
      any = true
    }
    k += 1
  }
  return rows
}
