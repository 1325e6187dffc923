import ArgumentParser
import Foundation
import SXCore
import SXEngine
import SXStore
import SXWorksheets

/// Loads the assessment, the factors and the knowledge base, and computes the results with the opportunity layer.
struct OpportunityContext {
  let db: AppDatabase
  let assessment: Assessment
  let rules: [OpportunityRule]
  let results: Results

  init(global: GlobalOptions, id: String, worksheets: String?) throws {
    db = try global.open()
    assessment = try db.load(try db.resolveId(id))
    rules = try RulesLoader.resolve(cliDir: worksheets)
    results = Engine.compute(assessment, factors: try Reference.factors(worksheets: worksheets), rules: rules)
  }
}

/// Text rendering of opportunities, proposals and summaries (numbers per language).
enum OpportunityText {
  static func num(_ v: Double?, _ l: Language, digits: Int = 1) -> String {
    v.map { NumberFormat.format($0, l, maxFractionDigits: digits) } ?? "—"
  }

  /// Millions of VND: "1.234,5 triệu đ" / "1,234.5 M VND".
  static func money(_ v: Double?, _ l: Language) -> String {
    v.map { NumberFormat.format($0 / 1e6, l, maxFractionDigits: 1) + (l == .vi ? " triệu đ" : " M VND") } ?? "—"
  }

  static func economics(_ o: OpportunityResult, _ l: Language) -> String {
    let e = o.economics
    let vi = l == .vi
    let irr = e.irr.value.map { num($0 * 100, l) + " %" } ?? "—"
    return [
      (vi ? "Đầu tư " : "Investment ") + money(e.investment.value, l),
      (vi ? "tiết kiệm ròng " : "net saving ") + money(e.annualNetSaving.value, l) + (vi ? "/năm" : "/yr"),
      (vi ? "hoàn vốn " : "payback ") + num(e.simplePayback.value, l) + (vi ? " năm" : " yr"),
      "NPV " + money(e.npv.value, l), "IRR " + irr,
      "CO2e " + num(o.co2Saving, l) + " t" + (vi ? "/năm" : "/yr"),
    ].joined(separator: " · ")
  }

  static func opportunity(_ o: OpportunityResult, _ l: Language) -> String {
    let vi = l == .vi
    var lines = ["• \(o.title)  [\(o.id)]"]
    lines.append("  \(o.technique.label.text(l)) · \(o.status.label.text(l)) · \(o.costClass.label.text(l))")
    lines.append("  " + economics(o, l))
    let score = o.weightedScore.map { num($0, l, digits: 2) + "/5" } ?? (vi ? "— (không khả thi kỹ thuật)" : "— (technically infeasible)")
    lines.append("  " + (vi ? "Sàng lọc: " : "Screening: ") + o.screening.label.text(l) + (o.screeningSuggested ? (vi ? " (gợi ý)" : " (suggested)") : "")
      + " — " + o.screeningReason.text(l) + " · " + (vi ? "điểm " : "score ") + score)
    if o.actualCost != nil || o.actualSaving != nil || !o.followUpDate.isEmpty {
      lines.append("  " + (vi ? "Ước tính/thực tế: chi phí " : "Estimated/actual: cost ") + money(o.estimatedCost, l) + " / " + money(o.actualCost, l)
        + (vi ? "; tiết kiệm " : "; saving ") + money(o.estimatedSaving, l) + " / " + money(o.actualSaving, l)
        + (o.followUpDate.isEmpty ? "" : (vi ? "; theo dõi " : "; follow-up ") + o.followUpDate))
    }
    return lines.joined(separator: "\n")
  }

  static func proposal(_ p: Proposal, _ l: Language) -> String {
    let vi = l == .vi
    var lines = ["• \(p.title.text(l))  [\(p.ruleId)]"]
    lines.append("  \(p.technique.label.text(l)) · \(p.area.label.text(l)) · " + (vi ? "vốn điển hình " : "typical investment ")
      + money(p.investmentLow, l) + " – " + money(p.investmentHigh, l))
    lines.append("  " + economics(p.evaluation, l))
    lines.append("  " + p.explanation.text(l))
    return lines.joined(separator: "\n")
  }

  static func summary(_ s: OpportunitySummary, _ l: Language) -> String {
    let vi = l == .vi
    func row(_ b: SummaryBucket) -> String {
      "  \(b.label.text(l)): \(b.count) · " + money(b.investment, l) + " · " + money(b.annualNetSaving, l) + (vi ? "/năm" : "/yr")
        + " · \(num(b.toe, l)) TOE · \(num(b.waterM3, l, digits: 0)) m³ · \(num(b.co2t, l)) t CO2e"
    }
    var lines = [vi ? "Tổng hợp (số · vốn · tiết kiệm ròng · TOE · nước · CO2e):" : "Summary (count · investment · net saving · TOE · water · CO2e):"]
    lines.append(row(s.total))
    for (title, group) in [
      (vi ? "Theo kỹ thuật" : "By technique", s.byTechnique), (vi ? "Theo trạng thái" : "By status", s.byStatus),
      (vi ? "Theo thời gian hoàn vốn" : "By payback", s.byPayback), (vi ? "Theo mức chi phí" : "By cost class", s.byCostClass),
    ] {
      lines.append(title + ":")
      lines += group.filter { $0.count > 0 }.map(row)
    }
    lines.append(vi ? "So với mức nền (trên đơn vị sản phẩm):" : "Against the baseline (per unit product):")
    for b in s.baselines {
      let bands = b.bands.map { "\($0.id) \(num($0.lowPercent, l, digits: 0))–\(num($0.highPercent, l, digits: 0)) %: "
        + ($0.meetsHigh ? (vi ? "đạt mức cao" : "meets high") : $0.meetsLow ? (vi ? "đạt mức thấp" : "meets low") : (vi ? "chưa đạt" : "below")) }
      lines.append("  \(b.resource): \(num(b.saved, l)) / \(num(b.baseline, l)) \(b.unit) = \(num(b.percent, l)) % · "
        + "\(num(b.perUnitBefore, l, digits: 3)) → \(num(b.perUnitAfter, l, digits: 3)) \(b.unit)/t · " + bands.joined(separator: "; "))
    }
    if !s.macc.isEmpty {
      lines.append(vi ? "Đường chi phí giảm phát thải biên (đ/t CO2e):" : "Marginal abatement cost curve (VND/t CO2e):")
      for p in s.macc {
        lines.append("  \(num(p.costPerTCO2, l, digits: 0)) · \(num(p.co2t, l)) t (\(num(p.cumulativeFrom, l)) → \(num(p.cumulativeTo, l))) · \(p.title)")
      }
    }
    lines.append((vi ? "Quy tắc trùng lặp: " : "Overlap rule: ") + s.overlapRule.text(l))
    return lines.joined(separator: "\n")
  }

  static func json<T: Encodable>(_ v: T) throws -> String {
    String(decoding: try JSONCoding.encoder(pretty: true).encode(v), as: UTF8.self)
  }
}

struct OpportunitiesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "opportunities",
    abstract: "Các giải pháp SXSH với hiệu quả kinh tế. The CP opportunities with their economics.",
    discussion: """
      Mỗi giải pháp: vốn, tiết kiệm ròng, hoàn vốn, NPV, IRR (suất chiết khấu của đánh giá), CO2e, sàng lọc, điểm có trọng số
      (không khả thi kỹ thuật thì loại). Tổng hợp theo kỹ thuật, trạng thái, thời gian hoàn vốn, mức chi phí; so với mức nền
      và dải chính sách; đường MACC. Trùng lặp: tiết kiệm trên cùng một dòng kết hợp B × (1 − Π(1 − sᵢ/B)).
      Each opportunity with investment, net saving, payback, NPV, IRR (the assessment's discount rate), CO2e, screening and
      weighted score (technically infeasible is a hard gate); totals by technique, status, payback, cost class; against the
      baseline and the policy bands; the MACC. Overlaps: savings on one stream combine as B × (1 − Π(1 − sᵢ/B)).
      """)
  @OptionGroup var global: GlobalOptions
  @Argument(help: "Assessment id or unique prefix.") var id: String
  @Flag(help: "JSON output.") var json = false
  @Option(help: "Worksheets folder (default: the lookup order in the README).") var worksheets: String?

  func run() throws {
    try guarded(global.language) {
      let ctx = try OpportunityContext(global: global, id: id, worksheets: worksheets)
      let items = ctx.results.opportunities ?? []
      let summary = ctx.results.opportunitySummary ?? OpportunitySummary.of(items, results: ctx.results)
      if json {
        struct Out: Encodable {
          var assessmentId: String
          var discountRate: Double
          var opportunities: [OpportunityResult]
          var opportunitySummary: OpportunitySummary
        }
        print(try OpportunityText.json(Out(assessmentId: ctx.assessment.id, discountRate: ctx.assessment.header.settings.discountRate,
          opportunities: items, opportunitySummary: summary)))
        return
      }
      let l = global.language
      if items.isEmpty { print(l == .vi ? "Chưa có giải pháp nào; xem sxsh derive." : "No opportunities yet; see sxsh derive.") }
      for o in items { print(OpportunityText.opportunity(o, l)) }
      print("")
      print(OpportunityText.summary(summary, l))
    }
  }
}

struct DeriveCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "derive",
    abstract: "Chạy cơ sở tri thức, in các đề xuất. Run the knowledge base and print what it proposes.",
    discussion: """
      Quy tắc ở Worksheets/rules/*.yaml; quy tắc đã bỏ qua (sxsh dismiss) hoặc đã nhận (sxsh accept) không đề xuất lại.
      Rules live in Worksheets/rules/*.yaml; dismissed (sxsh dismiss) or accepted (sxsh accept) rules are not proposed again.
      """)
  @OptionGroup var global: GlobalOptions
  @Argument(help: "Assessment id or unique prefix.") var id: String
  @Flag(help: "JSON output.") var json = false
  @Option(help: "Worksheets folder (default: the lookup order in the README).") var worksheets: String?

  func run() throws {
    try guarded(global.language) {
      let ctx = try OpportunityContext(global: global, id: id, worksheets: worksheets)
      let proposals = ctx.results.proposals ?? []
      let summary = OpportunitySummary.of(proposals.map(\.evaluation), results: ctx.results)
      if json {
        struct Out: Encodable {
          var assessmentId: String
          var rules: Int
          var dismissed: [String]
          var proposals: [Proposal]
          var summary: OpportunitySummary
        }
        print(try OpportunityText.json(Out(assessmentId: ctx.assessment.id, rules: ctx.rules.count,
          dismissed: ctx.assessment.header.dismissedRules, proposals: proposals, summary: summary)))
        return
      }
      let l = global.language
      print(l == .vi
        ? "\(proposals.count) đề xuất từ \(ctx.rules.count) quy tắc (\(ctx.assessment.header.dismissedRules.count) đã bỏ qua)."
        : "\(proposals.count) proposal(s) from \(ctx.rules.count) rules (\(ctx.assessment.header.dismissedRules.count) dismissed).")
      for p in proposals { print(OpportunityText.proposal(p, l)) }
      if !proposals.isEmpty {
        print("")
        print(OpportunityText.summary(summary, l))
      }
    }
  }
}

struct DismissCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "dismiss", abstract: "Bỏ qua một đề xuất (được ghi nhớ). Dismiss a proposal (remembered).")
  @OptionGroup var global: GlobalOptions
  @Argument(help: "Assessment id or unique prefix.") var id: String
  @Argument(help: "Rule id (see sxsh derive).") var rule: String
  @Option(help: "Worksheets folder (default: the lookup order in the README).") var worksheets: String?

  func run() throws {
    try guarded(global.language) {
      let db = try global.open()
      let aid = try db.resolveId(id)
      let a = try db.load(aid)
      let rules = try RulesLoader.resolve(cliDir: worksheets)
      guard rules.contains(where: { $0.id == rule }) else {
        throw CLIError(vi: "không có quy tắc «\(rule)»", en: "no rule «\(rule)»")
      }
      let l = global.language
      if a.header.dismissedRules.contains(rule) {
        print(l == .vi ? "«\(rule)» đã được bỏ qua trước đó." : "«\(rule)» was already dismissed.")
        return
      }
      var h = a.header
      h.dismissedRules.append(rule)
      try db.commit([.setHeader(h)], to: aid, label: "dismiss \(rule)", by: Environment.stamp())
      print(l == .vi ? "Đã bỏ qua «\(rule)»; sẽ không đề xuất lại." : "Dismissed «\(rule)»; it will not be proposed again.")
    }
  }
}

struct AcceptCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "accept", abstract: "Nhận một đề xuất thành giải pháp (W10). Accept a proposal as an opportunity (W10).")
  @OptionGroup var global: GlobalOptions
  @Argument(help: "Assessment id or unique prefix.") var id: String
  @Argument(help: "Rule id (see sxsh derive).") var rule: String
  @Option(help: "Worksheets folder (default: the lookup order in the README).") var worksheets: String?

  func run() throws {
    try guarded(global.language) {
      let ctx = try OpportunityContext(global: global, id: id, worksheets: worksheets)
      let l = global.language
      if ctx.assessment.opportunities.contains(where: { $0.ruleId == rule }) {
        throw CLIError(vi: "«\(rule)» đã được nhận", en: "«\(rule)» is already accepted")
      }
      guard let p = (ctx.results.proposals ?? []).first(where: { $0.ruleId == rule }) else {
        throw CLIError(vi: "quy tắc «\(rule)» không đề xuất gì cho đánh giá này (hoặc đã bị bỏ qua); xem sxsh derive",
          en: "rule «\(rule)» proposes nothing for this assessment (or it was dismissed); see sxsh derive")
      }
      var o = p.opportunity
      o.date = String(Environment.now().prefix(10))
      o.screening = p.evaluation.screening
      o.screeningReason = p.evaluation.screeningReason.text(l)
      try ctx.db.commit([.upsert(.opportunity(o), position: nil)], to: ctx.assessment.id, label: "accept \(rule)", by: Environment.stamp())
      print(l == .vi ? "Đã thêm giải pháp «\(o.title)» [\(o.id)]." : "Added the opportunity «\(p.title.en)» [\(o.id)].")
    }
  }
}
