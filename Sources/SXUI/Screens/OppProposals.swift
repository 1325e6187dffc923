import SXCore
import SXEngine

/// The knowledge base's proposals (`Results.proposals`) under the opportunity register: "Đề xuất / Proposed", each with
/// why it was proposed (the triggering figures against the benchmark or threshold). `a` accepts one (an ordinary
/// opportunity with its rule id and explanation), `x` dismisses it (the rule goes to `header.dismissedRules` and is
/// never proposed again); both are undoable edits.
enum OppProposals {
  static func list(_ d: DocState) -> [Proposal] { d.results?.proposals ?? [] }

  /// The proposal selected (the register's rows come first, then the proposals).
  static func selected(_ d: DocState) -> Proposal? {
    let n = OpportunitiesView.rows(d).count
    let ps = list(d)
    let i = d.opp.row - n
    return i >= 0 && i < ps.count ? ps[i] : nil
  }

  /// `a` (accept) or `x` (dismiss) on the selected proposal.
  static func act(_ s: inout AppState, accept: Bool) -> [Effect] {
    guard let d = s.doc, let p = selected(d) else {
      s.say(Strings.noProposalSelected(s.language), .warning)
      return []
    }
    let lang = s.language
    if accept {
      var o = p.opportunity
      if o.ruleId == nil { o.ruleId = p.ruleId }
      if o.explanation.isEmpty { o.explanation = p.explanation.vi + "\n" + p.explanation.en }
      return [.commit([.upsert(.opportunity(o), position: nil)], label: Strings.proposalAccepted(lang) + ": " + p.title.text(lang))]
    }
    var h = d.assessment.header
    guard !h.dismissedRules.contains(p.ruleId) else { return [] }
    h.dismissedRules.append(p.ruleId)
    return [.commit([.setHeader(h)], label: Strings.proposalDismissed(lang) + ": " + p.title.text(lang))]
  }

  /// Draws the section: heading with the keys, one line per proposal, the selected one's explanation.
  static func render(_ s: AppState, _ d: DocState, into b: inout ScreenBuffer, in rect: Rect) {
    let lang = s.language
    let ps = list(d)
    guard !ps.isEmpty, rect.height >= 2 else { return }
    let n = OpportunitiesView.rows(d).count
    let heading = Strings.proposedTitle(lang) + " (\(ps.count)) · a " + Strings.kAccept(lang) + " · x " + Strings.kDismiss(lang)
    b.put(TextLayout.truncate(heading, to: rect.width), row: rect.row, col: rect.col, style: Style.title.bolded)
    let sel = d.opp.row - n
    let why = sel >= 0 && sel < ps.count ? TextLayout.wrap(ps[sel].explanation.text(lang), width: max(1, rect.width)) : []
    let whyHeight = min(why.count, max(0, (rect.height - 1) / 2))
    let cells = ps.map { p -> [String] in
      [p.title.text(lang), OpportunitiesView.money(p.evaluation.economics.annualNetSaving, lang),
        p.evaluation.economics.simplePayback.value.map { NumberFormat.format($0, lang, maxFractionDigits: 1) } ?? "—"]
    }
    let cols = [
      TableColumn(Strings.colTitle(lang), width: .flexible(min: 14, weight: 3)),
      TableColumn(Strings.colSaving(lang), width: .fit(min: 6, max: 14), alignment: .right),
      TableColumn(Strings.colPayback(lang), width: .fit(min: 5, max: 9), alignment: .right),
    ]
    var t = TableView(columns: cols, rows: cells, selected: max(0, min(sel, ps.count - 1)), highlight: .row)
    let tableHeight = rect.height - 1 - whyHeight
    t.render(into: &b, in: Rect(row: rect.row + 1, col: rect.col, height: tableHeight, width: rect.width), focused: sel >= 0)
    for (i, line) in why.prefix(whyHeight).enumerated() {
      b.put(line, row: rect.row + 1 + tableHeight + i, col: rect.col, style: .muted, maxWidth: rect.width)
    }
  }
}
