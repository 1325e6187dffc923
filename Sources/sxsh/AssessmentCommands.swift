import ArgumentParser
import Foundation
import SXCore
import SXExport
import SXStore

struct ListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list", abstract: "Liệt kê các đánh giá. List the assessments in the database.")
  @OptionGroup var global: GlobalOptions
  @Flag(help: "JSON output.") var json = false
  @Option(help: "Tìm (không dấu, đ→d). Search (diacritic-insensitive).") var search: String?

  func run() throws {
    try guarded(global.language) {
      let db = try global.open()
      var rows = try db.listAssessments()
      if let s = search { rows = rows.filter { TextRules.matches($0.searchKey, s) } }
      if json {
        print(String(decoding: try JSONCoding.encoder(pretty: true).encode(rows), as: UTF8.self))
        return
      }
      let l = global.language
      if rows.isEmpty {
        print(l == .vi ? "Chưa có đánh giá nào. Tạo mới: sxsh new --plant TÊN --sector NGÀNH, hoặc sxsh demo." :
          "No assessments yet. Create one: sxsh new --plant NAME --sector SECTOR, or sxsh demo.")
        return
      }
      for r in rows {
        let sample = r.isSample ? (l == .vi ? " [mẫu]" : " [sample]") : ""
        print("\(r.id.prefix(8))  \(r.plant)\(sample) — \(r.sector) — \(r.periodStart)…\(r.periodEnd) — \(r.status) — \(r.updatedAt)")
      }
    }
  }
}

struct ShowCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show", abstract: "Xem một đánh giá. Show one assessment (id or unique id prefix).")
  @OptionGroup var global: GlobalOptions
  @Argument(help: "Assessment id or unique prefix.") var id: String
  @Flag(help: "JSON output: the assessment document with row counts.") var json = false

  func run() throws {
    try guarded(global.language) {
      let db = try global.open()
      let a = try db.load(try db.resolveId(id))
      let counts = AssessmentCounts(a)
      if json {
        let doc = AssessmentDocument(assessment: a, generator: BuildInfo.generator)
        let base = try doc.encoded()
        guard var obj = try JSONSerialization.jsonObject(with: base) as? [String: Any] else { return }
        obj["counts"] = counts.dictionary
        let out = try JSONSerialization.data(withJSONObject: obj, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])
        print(String(decoding: out, as: UTF8.self))
        return
      }
      let l = global.language
      let p = a.header.profile
      let vi = l == .vi
      print("\(p.name)\(a.header.isSample ? (vi ? "  [DỮ LIỆU MẪU]" : "  [SAMPLE DATA]") : "")")
      print("  id: \(a.id)")
      print("  \(vi ? "Ngành" : "Sector"): \(p.sector)   \(vi ? "Tỉnh" : "Province"): \(p.province)")
      print("  \(vi ? "Kỳ đánh giá" : "Period"): \(a.header.period.start) … \(a.header.period.end)   \(vi ? "Trạng thái" : "Status"): \(a.header.status.label.text(l))")
      if let o = p.annualOutput { print("  \(vi ? "Sản lượng năm" : "Annual output"): \(o.formatted(l))") }
      for (k, v) in counts.labelled(l) { print("  \(k): \(v)") }
    }
  }
}

/// Row counts of an assessment, by worksheet.
struct AssessmentCounts {
  var values: [(key: String, vi: String, en: String, n: Int)]

  init(_ a: Assessment) {
    values = [
      ("team", "Nhóm SXSH", "CP team", a.team.count),
      ("products", "Sản phẩm", "Products", a.products.count),
      ("materials", "Nguyên liệu, hóa chất", "Materials and chemicals", a.materials.count),
      ("energyCarriers", "Dạng năng lượng", "Energy carriers", a.energyCarriers.count),
      ("water", "Dòng nước", "Water lines", a.water.count),
      ("steps", "Công đoạn", "Process steps", a.steps.count),
      ("flows", "Dòng vào/ra", "Flows", a.flows.count),
      ("wasteStreams", "Dòng thải", "Waste streams", a.wasteStreams.count),
      ("focus", "Chọn trọng tâm", "Focus items", a.focus.count),
      ("opportunities", "Cơ hội SXSH", "CP opportunities", a.opportunities.count),
      ("actions", "Kế hoạch hành động", "Action items", a.actions.count),
      ("indicators", "Chỉ số", "Indicators", a.indicators.count),
    ]
  }

  var dictionary: [String: Int] { Dictionary(uniqueKeysWithValues: values.map { ($0.key, $0.n) }) }
  func labelled(_ l: Language) -> [(String, Int)] { values.map { (l == .vi ? $0.vi : $0.en, $0.n) } }
}

struct NewCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "new", abstract: "Tạo đánh giá mới. Create an assessment.")
  @OptionGroup var global: GlobalOptions
  @Option(help: "Tên doanh nghiệp. Plant name.") var plant: String
  @Option(help: "Ngành. Sector (e.g. dệt may / textile).") var sector: String
  @Option(help: "Tỉnh/thành. Province.") var province: String = ""
  @Option(help: "Kỳ bắt đầu (YYYY-MM-DD). Period start.") var start: String?
  @Option(help: "Kỳ kết thúc (YYYY-MM-DD). Period end.") var end: String?

  func run() throws {
    try guarded(global.language) {
      let db = try global.open()
      let now = Environment.now()
      var h = AssessmentHeader(id: UUID().uuidString.lowercased())
      h.profile.name = TextRules.nfc(plant)
      h.profile.sector = TextRules.nfc(sector)
      h.profile.province = TextRules.nfc(province)
      let year = Calendar(identifier: .gregorian).component(.year, from: Date()) - 1
      h.period = AssessmentPeriod(start: start ?? "\(year)-01-01", end: end ?? "\(year)-12-31")
      h.createdAt = now
      h.updatedAt = now
      let stamp = Environment.stamp()
      for f in ["profile", "period"] { h.provenance[f] = stamp }
      try db.create(Assessment(header: h))
      print(h.id)
    }
  }
}

struct DeleteCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "delete", abstract: "Xóa một đánh giá. Delete an assessment.")
  @OptionGroup var global: GlobalOptions
  @Argument(help: "Assessment id or unique prefix.") var id: String
  @Flag(help: "Không hỏi lại. Do not ask.") var yes = false

  func run() throws {
    try guarded(global.language) {
      let db = try global.open()
      let full = try db.resolveId(id)
      let a = try db.load(full)
      let vi = global.language == .vi
      if !yes {
        guard isatty(0) != 0 else {
          throw CLIError(vi: "cần xác nhận: thêm --yes", en: "confirmation needed: add --yes")
        }
        print(vi ? "Xóa «\(a.header.profile.name)» (\(full))? Gõ c/y để xóa: " : "Delete «\(a.header.profile.name)» (\(full))? Type y to delete: ", terminator: "")
        let answer = readLine()?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
        guard ["y", "yes", "c", "có", "co"].contains(answer) else {
          print(vi ? "Không xóa." : "Not deleted.")
          return
        }
      }
      try db.delete(full)
      print(vi ? "Đã xóa \(full)" : "Deleted \(full)")
    }
  }
}

struct ImportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import", abstract: "Nhập tài liệu JSON. Import an assessment document (prints the new id).",
    discussion: """
      The file is a JSON document (schemaVersion 1, as written by `sxsh export --format json`), at most 64 MiB, or a
      .zip holding exactly one such .json file: at most 1,000 entries, 64 MiB once expanded and 100:1 expansion
      (counted while inflating, whatever the archive declares). Anything else is refused and nothing is stored.
      """)
  @OptionGroup var global: GlobalOptions
  @Argument(help: "JSON file (schemaVersion 1), or a .zip holding one.") var file: String

  func run() throws {
    try guarded(global.language) {
      let db = try global.open()
      let url = URL(fileURLWithPath: file)
      let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
      guard size <= Limits.maxImportBytes else {
        throw CLIError(vi: "«\(file)» quá lớn (\(size) byte; tối đa \(Limits.maxImportBytes))", en: "«\(file)» is too large (\(size) bytes; at most \(Limits.maxImportBytes))")
      }
      let data: Data
      do { data = try Data(contentsOf: url) } catch {
        throw CLIError(vi: "không đọc được «\(file)»", en: "cannot read «\(file)»")
      }
      var doc = try AssessmentDocument.decode(ArchiveImport.looksLikeZip(data) ? try ArchiveImport.document(in: data, name: file) : data)
      // A document always becomes a new assessment: a fresh id, so importing twice never overwrites.
      let existing = Set(try db.listAssessments().map(\.id))
      if existing.contains(doc.assessment.header.id) {
        doc.assessment.header.id = UUID().uuidString.lowercased()
      }
      try db.create(doc.assessment)
      print(doc.assessment.id)
    }
  }
}
