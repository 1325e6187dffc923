import Foundation
import SXCore

/// The fixed parts of the workbook package and the XML text helpers.
enum XLSXParts {
  static let xmlHeader = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

  /// XML-escapes text.
  static func esc(_ s: String) -> String {
    // One pass over the bytes (the same result as replacing &, <, >, " in turn); most text has none of them.
    guard s.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 }) else { return s }
    var out: [UInt8] = []
    out.reserveCapacity(s.utf8.count + 16)
    for b in s.utf8 {
      switch b {
      case 0x26: out += Array("&amp;".utf8)
      case 0x3C: out += Array("&lt;".utf8)
      case 0x3E: out += Array("&gt;".utf8)
      case 0x22: out += Array("&quot;".utf8)
      default: out.append(b)
      }
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// Removes characters XML 1.0 cannot hold (C0 controls other than tab, LF, CR; U+FFFE/FFFF) and caps the length at
  /// the spreadsheet cell limit (32,767 characters).
  static func clean(_ s: String) -> String {
    // Nothing to remove and short enough (at most one character per byte): the text as is.
    var t = s
    let plain = t.withUTF8 { b in b.count <= 32_767 && !b.contains(where: { $0 < 0x20 || $0 == 0xEF }) }
    if plain { return s }
    var out = String.UnicodeScalarView()
    for u in s.unicodeScalars {
      let v = u.value
      if v < 0x20 && v != 0x09 && v != 0x0A && v != 0x0D { continue }
      if v == 0xFFFE || v == 0xFFFF { continue }
      out.append(u)
    }
    let str = String(out)
    return str.count > 32_767 ? String(str.prefix(32_767)) : str
  }

  static func contentTypes(sheets: Int) -> String {
    var s = xmlHeader + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
    s += "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
    s += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
    s += "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
    for k in 1...max(sheets, 1) where k <= sheets {
      s += "<Override PartName=\"/xl/worksheets/sheet\(k).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
    }
    s += "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
    s += "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>"
    s += "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
    s += "<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>"
    return s + "</Types>"
  }

  static let rootRels =
    xmlHeader + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
    + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
    + "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties\" Target=\"docProps/app.xml\"/>"
    + "</Relationships>"

  static func core(title: String, creator: String, language: Language) -> String {
    xmlHeader + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
      + "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" "
      + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
      + "<dc:title>\(esc(clean(title)))</dc:title><dc:creator>\(esc(clean(creator)))</dc:creator>"
      + "<dc:language>\(language.rawValue)</dc:language>"
      + "<dcterms:created xsi:type=\"dcterms:W3CDTF\">2026-01-01T00:00:00Z</dcterms:created>"
      + "</cp:coreProperties>"
  }

  static func app(creator: String) -> String {
    xmlHeader + "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">"
      + "<Application>\(esc(clean(creator)))</Application></Properties>"
  }

  static func workbook(names: [String]) -> String {
    var s = xmlHeader + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
    s += "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
    s += "<bookViews><workbookView activeTab=\"0\"/></bookViews><sheets>"
    for (k, n) in names.enumerated() { s += "<sheet name=\"\(esc(clean(n)))\" sheetId=\"\(k + 1)\" r:id=\"rId\(k + 1)\"/>" }
    s += "</sheets><definedNames>"
    // Print the header row on every page.
    for (k, n) in names.enumerated() {
      s += "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"\(k)\">'\(esc(clean(n)).replacingOccurrences(of: "'", with: "''"))'!$1:$1</definedName>"
    }
    return s + "</definedNames></workbook>"
  }

  static func workbookRels(sheets: Int) -> String {
    var s = xmlHeader + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    for k in 0..<sheets {
      s += "<Relationship Id=\"rId\(k + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet\(k + 1).xml\"/>"
    }
    s += "<Relationship Id=\"rId\(sheets + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
    s += "<Relationship Id=\"rId\(sheets + 2)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>"
    return s + "</Relationships>"
  }
}

/// Cell styles: 0 default, 1 header (bold, filled, wrapped, bordered), 2 text, 3 wrapped text, then one per number format.
struct XLSXStyles {
  static let header = 1
  static let text = 2
  static let wrap = 3
  private var formats: [String] = []

  /// The style index of a number format (built-in `General`/`0`/`#,##0`/`#,##0.00` or a custom code).
  mutating func number(_ code: String) -> Int {
    if let k = formats.firstIndex(of: code) { return 4 + k }
    formats.append(code)
    return 4 + formats.count - 1
  }

  static func builtinId(_ code: String) -> Int? {
    switch code {
    case "General": 0
    case "0": 1
    case "0.00": 2
    case "#,##0": 3
    case "#,##0.00": 4
    default: nil
    }
  }

  var xml: String {
    var custom: [(Int, String)] = []
    var ids: [Int] = []
    for code in formats {
      if let b = XLSXStyles.builtinId(code) {
        ids.append(b)
      } else {
        let id = 164 + custom.count
        custom.append((id, code))
        ids.append(id)
      }
    }
    var s = XLSXParts.xmlHeader + "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
    if !custom.isEmpty {
      s += "<numFmts count=\"\(custom.count)\">" + custom.map { "<numFmt numFmtId=\"\($0.0)\" formatCode=\"\(XLSXParts.esc($0.1))\"/>" }.joined() + "</numFmts>"
    }
    s += "<fonts count=\"2\"><font><sz val=\"10\"/><name val=\"Arial\"/><family val=\"2\"/></font>"
    s += "<font><b/><sz val=\"10\"/><name val=\"Arial\"/><family val=\"2\"/></font></fonts>"
    s += "<fills count=\"3\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill>"
    s += "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FFDCE6F1\"/><bgColor indexed=\"64\"/></patternFill></fill></fills>"
    s += "<borders count=\"2\"><border><left/><right/><top/><bottom/><diagonal/></border>"
    s += "<border><left style=\"thin\"><color rgb=\"FFB0B0B0\"/></left><right style=\"thin\"><color rgb=\"FFB0B0B0\"/></right>"
    s += "<top style=\"thin\"><color rgb=\"FFB0B0B0\"/></top><bottom style=\"thin\"><color rgb=\"FFB0B0B0\"/></bottom><diagonal/></border></borders>"
    s += "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
    s += "<cellXfs count=\"\(4 + ids.count)\">"
    s += "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
    s += "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"2\" borderId=\"1\" xfId=\"0\" applyFont=\"1\" applyFill=\"1\" applyBorder=\"1\" applyAlignment=\"1\"><alignment vertical=\"top\" wrapText=\"1\"/></xf>"
    s += "<xf numFmtId=\"49\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\" applyAlignment=\"1\"><alignment vertical=\"top\"/></xf>"
    s += "<xf numFmtId=\"49\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\" applyAlignment=\"1\"><alignment vertical=\"top\" wrapText=\"1\"/></xf>"
    for id in ids {
      s += "<xf numFmtId=\"\(id)\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\" applyAlignment=\"1\"><alignment vertical=\"top\"/></xf>"
    }
    s += "</cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
    return s + "</styleSheet>"
  }
}
