import Foundation
import SXCore
import SXWorksheets

/// Printable empty worksheets (HTML), generated from the worksheet definitions, for plant floors where a laptop is
/// impractical: one page per worksheet with its guidance, labelled fields with units, empty rows, and the codes of
/// the choice fields.
public enum BlankWorksheets {
  public static func render(_ set: WorksheetSet, language l: Language, plant: String, generator: String) -> String {
    let t = { (vi: String, en: String) in l == .vi ? vi : en }
    var body = "<h1>\(HTML.escape(t("Phiếu công tác đánh giá nhanh SXSH", "Rapid CP assessment worksheets")))</h1>\n"
    if !plant.isEmpty { body += "<p><b>\(HTML.escape(plant))</b></p>\n" }
    body += "<ol>" + set.worksheets.map { "<li>\(HTML.escape($0.id)) — \(HTML.escape($0.title.text(l)))</li>" }.joined() + "</ol>\n"
    for ws in set.worksheets {
      let fields = ws.fields
      let isTable = ws.layout == .table
      let wide = isTable && fields.count > 6
      body += "<section class=\"sheet\(wide ? " wide" : "")\" data-worksheet=\"\(HTML.escape(ws.id))\">\n"
      body += "<h2>\(HTML.escape(ws.id)) · \(HTML.escape(ws.title.text(l)))</h2>\n"
      body += "<p class=\"meta\">\(HTML.escape(plant)) · \(HTML.escape(t("Người ghi", "Recorded by"))): ____________ · \(HTML.escape(t("Ngày", "Date"))): ___/___/______</p>\n"
      let help = ws.help.text(l).trimmingCharacters(in: .whitespacesAndNewlines)
      if !help.isEmpty { body += "<p class=\"help\">\(HTML.escape(firstParagraph(help)))</p>\n" }
      if isTable {
        body += "<table class=\"blank\"><thead><tr><th class=\"no\">#</th>"
        for f in fields { body += "<th>\(HTML.escape(f.label.text(l)))\(unit(f).map { "<br><span class=\"unit\">(\(HTML.escape($0)))</span>" } ?? "")</th>" }
        body += "</tr></thead><tbody>"
        let rows = wide ? 12 : 16
        for r in 1...rows {
          body += "<tr><td class=\"no\">\(r)</td>" + String(repeating: "<td></td>", count: fields.count) + "</tr>"
        }
        body += "</tbody></table>\n"
      } else {
        body += "<table class=\"form\"><tbody>"
        for f in fields {
          let u = unit(f).map { " (\($0))" } ?? ""
          body += "<tr><th>\(HTML.escape(f.label.text(l) + u))</th><td>\(f.type == .multiline || f.type == .list ? "<br><br>" : "")</td></tr>"
        }
        body += "</tbody></table>\n"
      }
      let choices = fields.filter { !$0.options.isEmpty }
      if !choices.isEmpty {
        body += "<div class=\"codes\">"
        for f in choices {
          body += "<p><b>\(HTML.escape(f.label.text(l))):</b> " + f.options.map { "☐ \(HTML.escape($0.label.text(l)))" }.joined(separator: " &nbsp; ") + "</p>"
        }
        body += "</div>\n"
      }
      body += "</section>\n"
    }
    let css = """
      @page wide { size: A4 landscape; margin: 10mm; }
      body { max-width: none; padding: 0 4mm; }
      section.sheet { break-before: page; }
      section.wide { page: wide; }
      .meta { font-size: 9pt; }
      .help { font-size: 8.5pt; color: #5d6d7e; }
      table.blank th { font-size: 8pt; vertical-align: bottom; }
      table.blank td { height: 9mm; }
      table.blank .no { width: 7mm; text-align: center; color: #5d6d7e; }
      table.form th { width: 45%; font-weight: normal; background: #f4f6f7; }
      table.form td { height: 9mm; }
      .unit { font-weight: normal; color: #5d6d7e; }
      .codes p { font-size: 8pt; margin: 0.5mm 0; }
      """
    return HTML.page(
      title: t("Phiếu công tác trống", "Blank worksheets") + (plant.isEmpty ? "" : " — \(plant)"), language: l, generator: generator,
      body: body, extraCSS: css)
  }

  static func unit(_ f: FieldDef) -> String? {
    switch f.type {
    case .quantity, .money: f.defaultUnit
    case .price: f.defaultUnit.map { $0 + "/" + (f.defaultPerUnit ?? "…") }
    case .percent: "%"
    case .date: "YYYY-MM-DD"
    case .score: "\(Int(f.min ?? 1))–\(Int(f.max ?? 5))"
    default: nil
    }
  }

  static func firstParagraph(_ s: String) -> String {
    let p = s.components(separatedBy: "\n\n").first ?? s
    return p.count > 600 ? String(p.prefix(599)) + "…" : p
  }
}
