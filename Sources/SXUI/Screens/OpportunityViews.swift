import Foundation
import SXCalc
import SXCore
import SXEngine

/// F6: the opportunity register with economics; sort by payback/NPV/savings/effort, filter by technique and screening.
enum OpportunitiesView {
  struct Row {
    var opp: Opportunity
    var econ: OpportunityEconomics?
  }

  static func rows(_ d: DocState) -> [Row] {
    let econ = Dictionary((d.results?.economics.opportunities ?? []).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    var rows = d.assessment.opportunities.map { Row(opp: $0, econ: econ[$0.id]) }
    if d.opp.technique > 0 {
      let t = CPTechnique.allCases[d.opp.technique - 1]
      rows = rows.filter { $0.opp.technique == t || $0.opp.tags.contains(t) }
    }
    if d.opp.screening > 0 {
      let c = ScreeningClass.allCases[d.opp.screening - 1]
      rows = rows.filter { $0.opp.screening == c }
    }
    func key(_ r: Row) -> Double? {
      switch d.opp.sort {
      case 1: r.econ?.simplePayback.value
      case 2: r.econ?.npv.value.map { -$0 }
      case 3: r.econ?.annualNetSaving.value.map { -$0 }
      case 4: r.opp.effort.map(Double.init)
      default: nil
      }
    }
    if d.opp.sort > 0 {
      rows = rows.enumerated().sorted { a, b in
        switch (key(a.element), key(b.element)) {
        case let (x?, y?): return x == y ? a.offset < b.offset : x < y
        case (.some, nil): return true
        case (nil, .some): return false
        default: return a.offset < b.offset
        }
      }.map(\.element)
    }
    return rows
  }

  static func update(_ s: inout AppState, _ key: Key) -> [Effect] {
    guard var d = s.doc else { return [] }
    if d.opp.detail && d.opp.calc != nil { return OppCalcPanel.update(&s, key) }
    let n = rows(d).count + OppProposals.list(d).count
    let lang = s.language
    switch key {
    case .char("a") where !d.opp.detail, .char("x") where !d.opp.detail:
      s.doc = d
      return OppProposals.act(&s, accept: key == .char("a"))
    case .char("c") where d.opp.detail:
      let rs = rows(d)
      guard !rs.isEmpty else { return [] }
      d.opp.calc = OppCalcPanel.open(rs[min(d.opp.row, rs.count - 1)].opp)
    case .up, .char("k"): d.opp.row = max(0, d.opp.row - 1)
    case .down, .char("j"): d.opp.row = min(max(0, n - 1), d.opp.row + 1)
    case .enter:
      guard d.opp.detail || d.opp.row < rows(d).count else { return [] }
      d.opp.detail.toggle()
    case .char("s"):
      d.opp.sort = (d.opp.sort + 1) % Strings.sortLabels.count
      s.say(Strings.sortedBy(lang) + " " + Strings.sortLabels[d.opp.sort](lang))
    case .char("f"):
      d.opp.technique = (d.opp.technique + 1) % (CPTechnique.allCases.count + 1)
      d.opp.row = 0
      s.say(Strings.colTechnique(lang) + ": " + (d.opp.technique == 0 ? Strings.filterAll(lang) : CPTechnique.allCases[d.opp.technique - 1].label.text(lang)))
    case .char("v"):
      d.opp.screening = (d.opp.screening + 1) % (ScreeningClass.allCases.count + 1)
      d.opp.row = 0
      s.say(Strings.colScreening(lang) + ": " + (d.opp.screening == 0 ? Strings.filterAll(lang) : ScreeningClass.allCases[d.opp.screening - 1].label.text(lang)))
    case .escape:
      if d.opp.detail { d.opp.detail = false } else { d.view = .sheet }
    default: return []
    }
    s.doc = d
    return [.saveUIState]
  }

  static func explainPath(_ d: DocState) -> String? {
    let rs = rows(d)
    guard !rs.isEmpty, d.opp.row < rs.count else { return nil }
    return rs[d.opp.row].econ?.simplePayback.path
  }

  static func render(_ s: AppState, _ d: DocState, into b: inout ScreenBuffer, in rect: Rect) {
    let lang = s.language
    let rs = rows(d)
    var head = Strings.oppsTitle(lang) + " · " + Strings.kSort(lang) + ": " + Strings.sortLabels[d.opp.sort](lang)
    if d.opp.technique > 0 { head += " · " + CPTechnique.allCases[d.opp.technique - 1].label.text(lang) }
    if d.opp.screening > 0 { head += " · " + ScreeningClass.allCases[d.opp.screening - 1].label.text(lang) }
    b.put(TextLayout.truncate(head, to: rect.width), row: rect.row, col: rect.col, style: Style.title.bolded)
    let proposals = OppProposals.list(d)
    guard !rs.isEmpty || !proposals.isEmpty else {
      b.put(d.assessment.opportunities.isEmpty ? Strings.noOpps(lang) : Strings.noMatch(lang), row: rect.row + 2, col: rect.col, style: .muted)
      return
    }
    let sel = max(0, min(d.opp.row, rs.count - 1))
    if d.opp.detail {
      let area = Rect(row: rect.row + 1, col: rect.col, height: rect.height - 1, width: rect.width)
      if let st = d.opp.calc {
        OppCalcPanel.render(s, st, d.assessment.opportunities.first { $0.id == st.oppId }, into: &b, in: area)
      } else {
        renderDetail(s, rs[sel], into: &b, in: area)
      }
      return
    }
    let wide = rect.width >= 90
    var cols = [TableColumn(Strings.colTitle(lang), width: .flexible(min: 14, weight: 3))]
    if wide { cols.append(TableColumn(Strings.colTechnique(lang), width: .fit(min: 8, max: 22))) }
    cols += [
      TableColumn(Strings.colScreening(lang), width: .fit(min: 6, max: 16)),
      TableColumn(Strings.colInvestment(lang), width: .fit(min: 6, max: 14), alignment: .right),
      TableColumn(Strings.colSaving(lang), width: .fit(min: 6, max: 14), alignment: .right),
      TableColumn(Strings.colPayback(lang), width: .fit(min: 5, max: 9), alignment: .right),
    ]
    if wide { cols += [TableColumn(Strings.colNPV(lang), width: .fit(min: 6, max: 14), alignment: .right), TableColumn(Strings.colEffort(lang), width: .fit(min: 4, max: 9), alignment: .right)] }
    let cells = rs.map { r -> [String] in
      var c = [r.opp.title]
      if wide { c.append(r.opp.technique.label.text(lang)) }
      c += [r.opp.screening.label.text(lang), money(r.econ?.investment, lang), money(r.econ?.annualNetSaving, lang),
        r.econ?.simplePayback.value.map { NumberFormat.format($0, lang, maxFractionDigits: 1) } ?? "—"]
      if wide { c += [money(r.econ?.npv, lang), r.opp.effort.map(String.init) ?? "—"] }
      return c
    }
    var t = TableView(columns: cols, rows: cells, selected: sel, highlight: .row, emptyText: Strings.noOpps(lang))
    if let e = d.results?.economics {
      var foot = [Strings.total(lang)]
      if wide { foot.append("") }
      foot += ["", money(e.totalInvestment, lang), money(e.totalAnnualNetSaving, lang), ""]
      if wide { foot += [money(e.totalNPV, lang), ""] }
      t.footer = foot
    }
    // With proposals: the register on top (its rows, header and total), "Đề xuất / Proposed" below.
    var height = rect.height - 1
    if !proposals.isEmpty { height = max(3, min(height - 6, max(rs.count, 1) + 2, (rect.height - 1) / 2)) }
    t.render(into: &b, in: Rect(row: rect.row + 1, col: rect.col, height: height, width: rect.width), focused: d.opp.row < rs.count)
    if !proposals.isEmpty {
      OppProposals.render(s, d, into: &b, in: Rect(row: rect.row + 1 + height, col: rect.col, height: rect.height - 1 - height, width: rect.width))
    }
  }

  /// Money in millions of VND ("12,5 tr" / "12.5 M").
  static func money(_ f: Figure?, _ lang: Language) -> String {
    guard let v = f?.value else { return "—" }
    return NumberFormat.format(v / 1e6, lang, maxFractionDigits: 1) + (lang == .vi ? " tr" : " M")
  }

  static func renderDetail(_ s: AppState, _ r: Row, into b: inout ScreenBuffer, in rect: Rect) {
    let lang = s.language
    var lines: [(String, String)] = [
      (Strings.colTitle(lang), r.opp.title), (Strings.colTechnique(lang), r.opp.technique.label.text(lang)),
      (Strings.colScreening(lang), r.opp.screening.label.text(lang) + (r.opp.screeningReason.isEmpty ? "" : " — " + r.opp.screeningReason)),
      ("Status", r.opp.status.label.text(lang)),
    ]
    if let e = r.econ {
      lines += [
        (Strings.colInvestment(lang), Fig.text(e.investment, lang, digits: 0)), (Strings.colSaving(lang), Fig.text(e.annualNetSaving, lang, digits: 0)),
        (Strings.colPayback(lang), Fig.text(e.simplePayback, lang)), (Strings.colNPV(lang), Fig.text(e.npv, lang, digits: 0)),
        ("IRR", Fig.text(e.irr, lang)), ("TOE", Fig.text(e.toeSaving, lang, digits: 2)),
      ]
    }
    var y = rect.row
    for (k, v) in lines where y < rect.bottom {
      b.put(k, row: y, col: rect.col, width: 18, alignment: .left, style: .header)
      b.put(TextLayout.truncate(v, to: rect.width - 19), row: y, col: rect.col + 19)
      y += 1
    }
    let why = r.opp.explanation.isEmpty ? r.opp.cause : r.opp.explanation
    if !why.isEmpty && y + 1 < rect.bottom {
      b.put(Strings.whyProposed(lang), row: y + 1, col: rect.col, style: Style.header.bolded)
      for (i, line) in TextLayout.wrap(why, width: rect.width).enumerated() where y + 2 + i < rect.bottom {
        b.put(line, row: y + 2 + i, col: rect.col)
      }
    }
  }
}

/// State of the calculators view: which calculator, the typed inputs, the selected input.
public struct CalcViewState: Hashable, Sendable {
  public var selection = 0
  public var field = 0
  public var open = false
  public var inputs: [String: String] = [:]
  public var editor: TextField?
  public init() {}
}

/// F7: every calculator of `CalculatorCatalog`, runnable with its default inputs and editable numbers.
enum CalculatorsView {
  static func update(_ s: inout AppState, _ key: Key) -> [Effect] {
    guard var d = s.doc else { return [] }
    let all = CalculatorCatalog.all
    if var ed = d.calc.editor {
      switch key {
      case .enter, .tab:
        let calc = all[d.calc.selection]
        d.calc.inputs[calc.inputs[d.calc.field].name] = ed.committedText
        d.calc.editor = nil
      case .escape: d.calc.editor = nil
      default:
        ed.handle(key)
        d.calc.editor = ed
      }
      s.doc = d
      return []
    }
    switch key {
    case .up, .char("k"):
      if d.calc.open { d.calc.field = max(0, d.calc.field - 1) } else { d.calc.selection = max(0, d.calc.selection - 1) }
    case .down, .char("j"):
      if d.calc.open {
        d.calc.field = min(max(0, all[d.calc.selection].inputs.count - 1), d.calc.field + 1)
      } else {
        d.calc.selection = min(max(0, all.count - 1), d.calc.selection + 1)
      }
    case .enter:
      if !d.calc.open {
        d.calc.open = true
        d.calc.field = 0
        d.calc.inputs = [:]
      } else if d.calc.field < all[d.calc.selection].inputs.count {
        let input = all[d.calc.selection].inputs[d.calc.field]
        d.calc.editor = TextField(d.calc.inputs[input.name] ?? input.defaultValue.map { NumberFormat.format($0, s.language, maxFractionDigits: 6) } ?? "")
      }
    case .escape:
      if d.calc.open { d.calc.open = false } else { d.view = .sheet }
    default: return []
    }
    s.doc = d
    return []
  }

  static func render(_ s: AppState, _ d: DocState, into b: inout ScreenBuffer, in rect: Rect) {
    let lang = s.language
    let all = CalculatorCatalog.all
    b.put(Strings.calcTitle(lang), row: rect.row, col: rect.col, style: Style.title.bolded)
    guard !all.isEmpty else {
      b.put(Strings.noCalculators(lang), row: rect.row + 2, col: rect.col, style: .muted)
      return
    }
    let sel = min(d.calc.selection, all.count - 1)
    if !d.calc.open {
      var list = ListView(items: all.map { $0.title.text(lang) }, selected: sel, highlight: .row)
      list.render(into: &b, in: Rect(row: rect.row + 1, col: rect.col, height: rect.height - 3, width: rect.width))
      b.put(TextLayout.truncate(RowText.firstLine(all[sel].help.text(lang)), to: rect.width), row: rect.bottom - 1, col: rect.col, style: .muted)
      return
    }
    let calc = all[sel]
    b.put(TextLayout.truncate(calc.title.text(lang), to: rect.width), row: rect.row + 1, col: rect.col, style: .header)
    var rows: [FormRow] = []
    for input in calc.inputs {
      let typed = d.calc.inputs[input.name]
      rows.append(FormRow(label: input.name, value: typed ?? input.defaultValue.map { NumberFormat.format($0, lang, maxFractionDigits: 6) } ?? "", unit: input.unit))
    }
    // Typed values carry their unit (a bare number is in the input's unit) and go to SI; untyped ones use the default.
    var panel = OppCalcState(oppId: "")
    panel.inputs = d.calc.inputs
    let run = OppCalcPanel.run(calc, panel, lang)
    let outTop = rect.row + 2 + min(calc.inputs.count, max(1, rect.height / 2))
    var form = FormView(rows: rows, focusedIndex: d.calc.field, labelWidth: min(24, rect.width / 3))
    form.render(into: &b, in: Rect(row: rect.row + 2, col: rect.col, height: outTop - rect.row - 2, width: rect.width), editor: d.calc.editor)
    b.horizontalLine(row: outTop, col: rect.col, width: rect.width, style: .muted)
    var y = outTop + 1
    switch run {
    case .success(let out):
      for o in calc.outputs where y < rect.bottom {
        let v = out[o.name].map { NumberFormat.auto($0, lang) } ?? "—"
        b.put(o.name, row: y, col: rect.col, width: min(24, rect.width / 3), alignment: .left, style: .header)
        b.put(v + " " + o.unit, row: y, col: rect.col + min(24, rect.width / 3) + 2)
        y += 1
      }
    case .failure(let e):
      b.put(TextLayout.truncate(e.text, to: rect.width), row: y, col: rect.col, style: Style.error.bolded)
    }
  }
}

enum RowText {
  static func firstLine(_ s: String) -> String { String(s.split(separator: "\n").first ?? "") }
}
