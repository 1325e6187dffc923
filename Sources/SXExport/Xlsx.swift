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
    for t in tables { sheets.append(Data(sheetBytes(t, &strings, &styles, language))) }
    entries.append(("[Content_Types].xml", Data(XLSXParts.contentTypes(sheets: tables.count).utf8)))
    entries.append(("_rels/.rels", Data(utf8Of: XLSXParts.rootRels)))
    entries.append(("docProps/core.xml", Data(XLSXParts.core(title: title, creator: creator, language: language).utf8)))
    entries.append(("docProps/app.xml", Data(XLSXParts.app(creator: creator).utf8)))
    entries.append(("xl/workbook.xml", Data(XLSXParts.workbook(names: names).utf8)))
    entries.append(("xl/_rels/workbook.xml.rels", Data(XLSXParts.workbookRels(sheets: tables.count).utf8)))
    entries.append(("xl/styles.xml", Data(utf8Of: styles.xml)))
    entries.append(("xl/sharedStrings.xml", Data(strings.xmlBytes)))
    for (k, s) in sheets.enumerated() { entries.append(("xl/worksheets/sheet\(k + 1).xml", s)) }
    return try Zip.archive(entries)
  }

  /// Unique sheet names (≤ 31 characters, none of `: \ / ? * [ ]`, not starting or ending with `'`).
  static func sheetNames(_ tables: [ExportTable]) -> [String] {
    var used = Set<String>()
    return tables.map { t in
      var base = t.title
      if base.utf8.contains(where: { ":\\/?*[]".utf8.contains($0) }) { base = String(base.map { ":\\/?*[]".contains($0) ? "-" : $0 }) }
      if let f = base.utf8.first, let l = base.utf8.last, f == 0x27 || f == 0x20 || l == 0x27 || l == 0x20 {
        base = base.trimmingCharacters(in: CharacterSet(charactersIn: "' "))
      }
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
    String(decoding: sheetBytes(t, &strings, &styles, l), as: UTF8.self)
  }

  /// The worksheet part, written as bytes.
  static func sheetBytes(_ t: ExportTable, _ strings: inout SharedStrings, _ styles: inout XLSXStyles, _ l: Language) -> [UInt8] {
    let widths = columnWidths(t, l)
    let letters = (0..<max(t.columns.count, 1)).map { Array(column($0).utf8) }
    let lastCol = String(decoding: letters[max(t.columns.count - 1, 0)], as: UTF8.self)
    var s = XMLBytes(capacity: 1024 + t.rows.count * t.columns.count * 40)
    s += XLSXParts.xmlHeader
    s += "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
    s += "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
    s += "<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>"
    s += "<dimension ref=\"A1:\(lastCol)\(t.rows.count + 1)\"/>"
    s += "<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
    s += "<selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/></sheetView></sheetViews>"
    s += "<sheetFormatPr defaultRowHeight=\"15\"/>"
    if !t.columns.isEmpty {
      s += "<cols>"
      for (k, w) in widths.enumerated() {
        s += "<col min=\""
        s.int(k + 1)
        s += "\" max=\""
        s.int(k + 1)
        s += "\" width=\""
        s.int(w)
        s += "\" customWidth=\"1\"/>"
      }
      s += "</cols>"
    }
    s += "<sheetData>"
    s += "<row r=\"1\">"
    for (k, c) in t.columns.enumerated() {
      s += "<c r=\""
      s.bytes(letters[k])
      s += "1\" s=\""
      s.int(XLSXStyles.header)
      s += "\" t=\"s\"><v>"
      s.int(strings.index(c.header))
      s += "</v></c>"
    }
    s += "</row>"
    // Style indexes per column, looked up at the column's first number (the order styles are numbered in).
    var numberStyles = [Int](repeating: -1, count: t.columns.count)
    let textStyles = t.columns.map { $0.wide ? XLSXStyles.wrap : XLSXStyles.text }
    for (r, row) in t.rows.enumerated() {
      s += "<row r=\""
      s.int(r + 2)
      s += "\">"
      for (k, cell) in row.enumerated() where k < t.columns.count {
        switch cell {
        case .empty: continue
        case .number(let v):
          s += "<c r=\""
          s.bytes(letters[k])
          s.int(r + 2)
          s += "\" s=\""
          if numberStyles[k] < 0 { numberStyles[k] = styles.number(t.columns[k].format) }
          s.int(numberStyles[k])
          s += "\"><v>"
          s += v.description
          s += "</v></c>"
        case .text(let x):
          s += "<c r=\""
          s.bytes(letters[k])
          s.int(r + 2)
          s += "\" s=\""
          s.int(textStyles[k])
          s += "\" t=\"s\"><v>"
          s.int(strings.index(x))
          s += "</v></c>"
        }
      }
      s += "</row>"
    }
    s += "</sheetData>"
    if !t.columns.isEmpty { s += "<autoFilter ref=\"A1:\(lastCol)\(t.rows.count + 1)\"/>" }
    s += "<pageMargins left=\"0.5\" right=\"0.5\" top=\"0.6\" bottom=\"0.6\" header=\"0.3\" footer=\"0.3\"/>"
    s += "<pageSetup paperSize=\"9\" orientation=\"\(t.columns.count > 6 ? "landscape" : "portrait")\" fitToWidth=\"1\" fitToHeight=\"0\"/>"
    s += "</worksheet>"
    return s.bytes
  }

  /// Widths in characters: the widest display text of each column (combining marks count zero), clamped.
  static func columnWidths(_ t: ExportTable, _ l: Language) -> [Int] {
    t.columns.enumerated().map { k, c in
      let header = c.header
      var w: Int
      if let widest = DisplayWidth.widestWord(header) {
        w = widest >= 0 ? widest : 4
      } else {
        w = header.split(separator: " ").map { DisplayWidth.of(String($0)) }.max() ?? 4
      }
      w = max(w, min(DisplayWidth.of(header), 24))
      for row in t.rows where k < row.count {
        w = max(w, Fmt.cellWidth(row[k], c, l))
      }
      return min(max(w + 2, 8), c.wide ? 60 : 40)
    }
  }
}

/// A growing UTF-8 buffer for the XML parts.
struct XMLBytes {
  private(set) var bytes: [UInt8] = []

  init(capacity: Int) { bytes.reserveCapacity(capacity) }

  static func += (b: inout XMLBytes, s: String) {
    var s = s
    s.withUTF8 { b.bytes.append(contentsOf: $0) }
  }

  mutating func bytes(_ a: [UInt8]) { bytes.append(contentsOf: a) }

  /// A non-negative integer in decimal (negative ones as Swift prints them).
  mutating func int(_ n: Int) {
    guard n >= 0 else {
      self += String(n)
      return
    }
    if n < 10 {
      bytes.append(0x30 + UInt8(n))
      return
    }
    var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
      (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    var count = 0
    var v = n
    withUnsafeMutableBytes(of: &digits) { d in
      while v > 0 {
        d[count] = 0x30 + UInt8(v % 10)
        v /= 10
        count += 1
      }
      for i in stride(from: count - 1, through: 0, by: -1) { bytes.append(d[i]) }
    }
  }
}

/// The shared-string table: each distinct text once.
struct SharedStrings {
  private(set) var list: [String] = []
  private var lookup: [String: Int] = [:]
  private var count = 0

  /// The index of each text seen, by its UTF-8 bytes: hashing bytes is cheap where hashing a `String` normalises
  /// non-ASCII text. A text is looked up by `String` (canonical equivalence, as before) only when its bytes are new.
  private var byBytes: [UTF8Key: Int] = [:]

  struct UTF8Key: Hashable {
    let bytes: [UInt8]
    func hash(into h: inout Hasher) { bytes.withUnsafeBytes { h.combine(bytes: $0) } }
  }

  init() {
    // A demo assessment has ~730 distinct texts: room for them from the start, so that no growth rehashes the
    // texts (a `String` hash normalises non-ASCII text).
    list.reserveCapacity(1024)
    lookup.reserveCapacity(1024)
    byBytes.reserveCapacity(1024)
  }

  mutating func index(_ s: String) -> Int {
    count += 1
    let clean = XLSXParts.clean(s)
    var bytes = clean
    let key = UTF8Key(bytes: bytes.withUTF8 { Array($0) })
    if let k = byBytes[key] { return k }
    // New bytes: the index of a canonically equal text seen before, else a new entry (one `String` hash for both).
    let next = list.count
    let k = SharedStrings.slot(&lookup[clean, default: next])
    if k == next { list.append(clean) }
    byBytes[key] = k
    return k
  }

  private static func slot(_ v: inout Int) -> Int { v }

  var xml: String { String(decoding: xmlBytes, as: UTF8.self) }

  var xmlBytes: [UInt8] {
    var s = XMLBytes(capacity: 256 + list.reduce(0) { $0 + $1.utf8.count + 40 })
    s += XLSXParts.xmlHeader
    s += "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"\(count)\" uniqueCount=\"\(list.count)\">"
    for x in list {
      s += "<si><t xml:space=\"preserve\">"
      s += XLSXParts.esc(x)
      s += "</t></si>"
    }
    s += "</sst>"
    return s.bytes
  }
}
