import Foundation
import SXCore

/// The report in Markdown: the same blocks as the HTML report; charts as SVG data-URI images.
public enum MarkdownReport {
  public static func render(_ i: ExportInput) -> String {
    var out = "<!-- \(escape(i.generator)) -->\n\n"
    for block in Report.blocks(i) {
      switch block {
      case .heading(let n, let s): out += String(repeating: "#", count: n) + " " + escape(s) + "\n\n"
      case .paragraph(let s): out += inline(s) + "\n\n"
      case .list(let xs): out += xs.map { "- " + inline($0) }.joined(separator: "\n") + "\n\n"
      case .table(let t):
        if let note = t.note { out += "_" + escape(note) + "_\n\n" }
        out += table(t, i.language) + "\n"
      case .figure(let svg, let caption):
        out += "![\(escape(caption))](data:image/svg+xml;base64,\(Data(utf8Of: svg).base64EncodedString()))\n\n"
        out += "_" + escape(caption) + "_\n\n"
      case .kpis(let kv): out += kv.map { "- \(escape($0.0)): **\(escape($0.1))**" }.joined(separator: "\n") + "\n\n"
      case .pageBreak: out += "\n---\n\n"
      }
    }
    return out
  }

  static func table(_ t: ExportTable, _ l: Language) -> String {
    var s = "| " + t.columns.map { cell($0.header) }.joined(separator: " | ") + " |\n"
    s += "|" + t.columns.map { _ in " --- |" }.joined() + "\n"
    for row in t.rows {
      s += "| " + zip(row, t.columns).map { cell(Fmt.cell($0, $1, l)) }.joined(separator: " | ") + " |\n"
    }
    return s
  }

  static func cell(_ s: String) -> String {
    escape(s).replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\r\n", with: "<br>")
      .replacingOccurrences(of: "\n", with: "<br>")
  }

  /// Escapes HTML and the Markdown characters that would change the meaning of plain text.
  static func escape(_ s: String) -> String {
    var out = HTML.escape(s)
    for ch in ["\\", "`", "*", "_", "[", "]"] { out = out.replacingOccurrences(of: ch, with: "\\" + ch) }
    return out
  }

  /// `**bold**` kept, the rest escaped.
  static func inline(_ s: String) -> String {
    s.components(separatedBy: "**").enumerated().map { k, p in k % 2 == 1 ? "**\(escape(p))**" : escape(p) }.joined()
  }
}
