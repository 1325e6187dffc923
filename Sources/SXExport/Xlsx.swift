import Foundation
import SXCore

/// An Office Open XML workbook (SpreadsheetML) written directly with ZIPFoundation: one sheet per table, real numeric
/// cells with number formats, units in the headers, a frozen header row, an autofilter, column widths from the display
/// width of the text. Text is always a shared-string cell; no formula is ever written.
public enum XLSXExport {
  public static func data(_ tables: [ExportTable], title: String, creator: String, language: Language) throws -> Data {
    var strings = SharedStrings()
    var styles = XLSXStyles()
    let names = sheetNames(tables)
    var entries: [(name: String, data: Data)] = []
    var sheets: [Data] = []
    for t in tables { sheets.append(Data(sheet(t, &strings, &styles, language).utf8)) }
    entries.append(("[Content_Types].xml", Data(XLSXParts.contentTypes(sheets: tables.count).utf8)))
    entries.append(("_rels/.rels", Data(XLSXParts.rootRels.utf8)))
    entries.append(("docProps/core.xml", Data(XLSXParts.core(title: title, creator: creator, language: language).utf8)))
    entries.append(("docProps/app.xml", Data(XLSXParts.app(creator: creator).utf8)))
    entries.append(("xl/workbook.xml", Data(XLSXParts.workbook(names: names).utf8)))
    entries.append(("xl/_rels/workbook.xml.rels", Data(XLSXParts.workbookRels(sheets: tables.count).utf8)))
    entries.append(("xl/styles.xml", Data(styles.xml.utf8)))
    entries.append(("xl/sharedStrings.xml", Data(strings.xml.utf8)))
    for (k, s) in sheets.enumerated() { entries.append(("xl/worksheets/sheet\(k + 1).xml", s)) }
    return try Zip.archive(entries)
  }

  /// Unique sheet names (≤ 31 characters, none of `: \ / ? * [ ]`, not starting or ending with `'`).
  static func sheetNames(_ tables: [ExportTable]) -> [String] {
    var used = Set<String>()
    return tables.map { t in
      var base = String(t.title.map { ":\\/?*[]".contains($0) ? "-" : $0 }).trimmingCharacters(in: CharacterSet(charactersIn: "' "))
      if base.isEmpty { base = t.id }
      var name = String(base.prefix(31))
      var n = 2
      while used.contains(name.lowercased()) {
        let suffix = " (\(n))"
        name = String(base.prefix(31 - suffix.count)) + suffix
        n += 1
      }
      used.insert(name.lowercased())
      return name
    }
  }

  static func column(_ index: Int) -> String {
    var n = index + 1
    var s = ""
    while n > 0 {
      let r = (n - 1) % 26
      s = String(UnicodeScalar(UInt8(65 + r))) + s
      n = (n - 1) / 26
    }
    return s
  }

  static func sheet(_ t: ExportTable, _ strings: inout SharedStrings, _ styles: inout XLSXStyles, _ l: Language) -> String {
    let widths = columnWidths(t, l)
    let lastCol = column(max(t.columns.count - 1, 0))
    var s = XLSXParts.xmlHeader
    s += "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
    s += "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
    s += "<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>"
    s += "<dimension ref=\"A1:\(lastCol)\(t.rows.count + 1)\"/>"
    s += "<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
    s += "<selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/></sheetView></sheetViews>"
    s += "<sheetFormatPr defaultRowHeight=\"15\"/>"
    if !t.columns.isEmpty {
      s += "<cols>"
      for (k, w) in widths.enumerated() { s += "<col min=\"\(k + 1)\" max=\"\(k + 1)\" width=\"\(w)\" customWidth=\"1\"/>" }
      s += "</cols>"
    }
    s += "<sheetData>"
    s += "<row r=\"1\">"
    for (k, c) in t.columns.enumerated() {
      s += "<c r=\"\(column(k))1\" s=\"\(XLSXStyles.header)\" t=\"s\"><v>\(strings.index(c.header))</v></c>"
    }
    s += "</row>"
    for (r, row) in t.rows.enumerated() {
      s += "<row r=\"\(r + 2)\">"
      for (k, cell) in row.enumerated() where k < t.columns.count {
        let ref = "\(column(k))\(r + 2)"
        switch cell {
        case .empty: continue
        case .number(let v):
          s += "<c r=\"\(ref)\" s=\"\(styles.number(t.columns[k].format))\"><v>\(v)</v></c>"
        case .text(let x):
          let style = t.columns[k].wide ? XLSXStyles.wrap : XLSXStyles.text
          s += "<c r=\"\(ref)\" s=\"\(style)\" t=\"s\"><v>\(strings.index(x))</v></c>"
        }
      }
      s += "</row>"
    }
    s += "</sheetData>"
    if !t.columns.isEmpty { s += "<autoFilter ref=\"A1:\(lastCol)\(t.rows.count + 1)\"/>" }
    s += "<pageMargins left=\"0.5\" right=\"0.5\" top=\"0.6\" bottom=\"0.6\" header=\"0.3\" footer=\"0.3\"/>"
    s += "<pageSetup paperSize=\"9\" orientation=\"\(t.columns.count > 6 ? "landscape" : "portrait")\" fitToWidth=\"1\" fitToHeight=\"0\"/>"
    s += "</worksheet>"
    return s
  }

  /// Widths in characters: the widest display text of each column (combining marks count zero), clamped.
  static func columnWidths(_ t: ExportTable, _ l: Language) -> [Int] {
    t.columns.enumerated().map { k, c in
      var w = c.header.split(separator: " ").map { DisplayWidth.of(String($0)) }.max() ?? 4
      w = max(w, min(DisplayWidth.of(c.header), 24))
      for row in t.rows where k < row.count {
        let text = Fmt.cell(row[k], c, l)
        let longest = text.split(separator: "\n").map { DisplayWidth.of(String($0)) }.max() ?? 0
        w = max(w, longest)
      }
      return min(max(w + 2, 8), c.wide ? 60 : 40)
    }
  }
}

/// The shared-string table: each distinct text once.
struct SharedStrings {
  private(set) var list: [String] = []
  private var lookup: [String: Int] = [:]
  private var count = 0

  mutating func index(_ s: String) -> Int {
    count += 1
    let clean = XLSXParts.clean(s)
    if let k = lookup[clean] { return k }
    list.append(clean)
    lookup[clean] = list.count - 1
    return list.count - 1
  }

  var xml: String {
    var s = XLSXParts.xmlHeader
    s += "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"\(count)\" uniqueCount=\"\(list.count)\">"
    for x in list { s += "<si><t xml:space=\"preserve\">\(XLSXParts.esc(x))</t></si>" }
    return s + "</sst>"
  }
}
