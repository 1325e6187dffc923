import SXCore
import SXEngine

/// Formatting helpers for engine figures.
enum Fig {
  static func text(_ f: Figure?, _ lang: Language, digits: Int = 1) -> String { DisplayUnits.figure(f, lang, digits: digits) }
}

/// F5: inputs and outputs of one process step side by side, with closure and the flag; live after every commit.
enum BalanceView {
  static func update(_ s: inout AppState, _ key: Key) -> [Effect] {
    guard var d = s.doc else { return [] }
    let n = d.assessment.steps.count
    switch key {
    case .left, .pageUp, .up, .char("k"): d.balanceStep = max(0, d.balanceStep - 1)
    case .right, .pageDown, .down, .char("j"), .tab: d.balanceStep = min(max(0, n - 1), d.balanceStep + 1)
    case .escape: d.view = .sheet
    default: return []
    }
    s.doc = d
    return [.saveUIState]
  }

  /// The explain path of the figure the balance view shows.
  static func explainPath(_ d: DocState) -> String? {
    guard !d.assessment.steps.isEmpty else { return nil }
    let step = d.assessment.steps[min(d.balanceStep, d.assessment.steps.count - 1)]
    return "balance.steps[\(step.id)].closurePercent"
  }

  static func render(_ s: AppState, _ d: DocState, into b: inout ScreenBuffer, in rect: Rect) {
    let lang = s.language
    b.put(TextLayout.truncate(Strings.balanceTitle(lang), to: rect.width), row: rect.row, col: rect.col, style: Style.title.bolded)
    guard !d.assessment.steps.isEmpty else {
      b.put(Strings.noSteps(lang), row: rect.row + 2, col: rect.col + 1, style: .muted)
      return
    }
    let i = min(d.balanceStep, d.assessment.steps.count - 1)
    let step = d.assessment.steps[i]
    let head = "◀ \(i + 1)/\(d.assessment.steps.count) " + step.name + " ▶"
    b.put(TextLayout.truncate(b.asciiOnly ? head.replacingOccurrences(of: "◀", with: "<").replacingOccurrences(of: "▶", with: ">") : head, to: rect.width), row: rect.row + 1, col: rect.col, style: .header)
    let flows = d.assessment.flows(of: step.id)
    let half = (rect.width - 1) / 2
    let listTop = rect.row + 3
    let summaryHeight = 7
    let listHeight = max(1, rect.height - 3 - summaryHeight)
    for (col, dir, title) in [(rect.col, FlowDirection.input, Strings.inputs), (rect.col + half + 1, FlowDirection.output, Strings.outputs)] {
      b.put(title(lang), row: rect.row + 2, col: col, style: Style.header.bolded)
      var y = listTop
      let mine = flows.filter { $0.direction == dir }
      if mine.isEmpty { b.put("—", row: y, col: col, style: .muted) }
      for f in mine.prefix(listHeight) {
        // Numbers are never cut: the name gives way.
        let q = f.quantity.map { DisplayUnits.text($0, mode: s.unitMode, lang) } ?? "—"
        let qw = min(DisplayWidth.width(of: q), max(1, half - 2))
        b.put(TextLayout.truncate(f.name, to: max(0, half - qw - 2)), row: y, col: col)
        b.put(q, row: y, col: col + half - qw - 1, width: qw, alignment: .right)
        y += 1
      }
    }
    b.verticalLine(row: rect.row + 2, col: rect.col + half, height: listHeight + 1, style: .muted)
    // Summary: mass, water, energy; closure and the flag.
    var y = listTop + listHeight
    b.horizontalLine(row: y, col: rect.col, width: rect.width, style: .muted)
    y += 1
    guard let mb = d.results?.balance.steps.first(where: { $0.id == step.id }) else {
      b.put(Strings.noResults(lang), row: y, col: rect.col, style: .muted)
      return
    }
    let lines: [(String, String, String, String)] = [
      (Strings.massIn(lang), Fig.text(mb.massIn, lang), Strings.massOut(lang), Fig.text(mb.massOut, lang)),
      (Strings.stockChange(lang), Fig.text(mb.stockChange, lang), Strings.unaccounted(lang), Fig.text(mb.unaccounted, lang)),
      (Strings.water(lang) + " ↓", Fig.text(mb.waterIn, lang), Strings.water(lang) + " ↑", Fig.text(mb.waterOut, lang)),
      (Strings.energy(lang) + " ↓", Fig.text(mb.energyIn, lang), Strings.energy(lang) + " ↑", Fig.text(mb.energyOut, lang)),
    ]
    // Label columns shrink so that values are never cut.
    let leftValue = lines.map { DisplayWidth.width(of: $0.1) }.max() ?? 0
    let rightValue = lines.map { DisplayWidth.width(of: $0.3) }.max() ?? 0
    let rightWidth = rect.width - half - 1
    let leftLabel = max(1, min(18, half - leftValue - 1))
    let rightLabel = max(1, min(18, rightWidth - rightValue - 1))
    for (a, av, c, cv) in lines where y < rect.bottom {
      b.put(TextLayout.truncate(a, to: leftLabel), row: y, col: rect.col, width: leftLabel, alignment: .left)
      b.put(av, row: y, col: rect.col + leftLabel, width: half - leftLabel - 1, alignment: .right)
      b.put(TextLayout.truncate(c, to: rightLabel), row: y, col: rect.col + half + 1, width: rightLabel, alignment: .left)
      b.put(cv, row: y, col: rect.col + half + 1 + rightLabel, width: rightWidth - rightLabel, alignment: .right)
      y += 1
    }
    guard y < rect.bottom else { return }
    let threshold = NumberFormat.format(d.results?.balance.thresholdPercent ?? 5, lang) + " %"
    let closure = Strings.closure(lang) + ": " + Fig.text(mb.closurePercent, lang) + " (" + Strings.threshold(lang) + " " + threshold + ") — "
    let flag = mb.flagged ? Strings.balanceFlag(lang) : Strings.balanceOK(lang)
    let w = b.put(TextLayout.truncate(closure, to: rect.width), row: y, col: rect.col, style: Style.normal.bolded)
    b.put(TextLayout.truncate(flag, to: rect.width - w), row: y, col: rect.col + w, style: mb.flagged ? Style.error.bolded : Style.ok.bolded)
    if let missing = mb.biggestMissing, y + 1 < rect.bottom {
      b.put(TextLayout.truncate(Strings.biggestMissing(lang) + ": " + missing.text(lang), to: rect.width), row: y + 1, col: rect.col, style: .warning)
    }
  }
}

/// F4: energy and CO₂ by carrier and step, indicators against benchmarks, the waste-cost Pareto; bar charts.
enum ResultsView {
  static let tabs = [Strings.tabEnergy, Strings.tabCO2, Strings.tabIndicators, Strings.tabWaste]

  struct Line {
    var label: String
    var figure: Figure
    var valueText: String
    var style: Style = .ok
  }

  static func update(_ s: inout AppState, _ key: Key) -> [Effect] {
    guard var d = s.doc else { return [] }
    switch key {
    case .tab, .right: d.resultsTab = (d.resultsTab + 1) % tabs.count; d.resultsRow = 0
    case .backTab, .left: d.resultsTab = (d.resultsTab + tabs.count - 1) % tabs.count; d.resultsRow = 0
    case .up, .char("k"): d.resultsRow = max(0, d.resultsRow - 1)
    case .down, .char("j"): d.resultsRow = min(max(0, lines(s, d).count - 1), d.resultsRow + 1)
    case .escape: d.view = .sheet
    default: return []
    }
    s.doc = d
    return [.saveUIState]
  }

  /// The figures of the current tab, as bars.
  static func lines(_ s: AppState, _ d: DocState) -> [Line] {
    guard let r = d.results else { return [] }
    let lang = s.language
    switch d.resultsTab {
    case 0:
      return r.energy.carriers.map { Line(label: $0.name, figure: $0.gj, valueText: Fig.text($0.gj, lang) + " · " + Fig.text($0.cost, lang, digits: 0)) }
        + r.energy.steps.map { Line(label: "› " + $0.name, figure: $0.gj, valueText: Fig.text($0.gj, lang), style: .header) }
    case 1:
      return r.co2.carriers.map { Line(label: $0.name, figure: $0.co2e, valueText: Fig.text($0.co2e, lang, digits: 2)) }
        + r.co2.steps.map { Line(label: "› " + $0.name, figure: $0.co2e, valueText: Fig.text($0.co2e, lang, digits: 2), style: .header) }
    case 2:
      return r.indicators.items.map { ind in
        var text = Fig.text(ind.value, lang, digits: 2)
        if let bm = ind.benchmark {
          let range = [bm.typicalLow, bm.typicalHigh].compactMap { $0 }.map { NumberFormat.format($0, lang) }.joined(separator: "–")
          text += " · " + Strings.benchmark(lang) + " " + range + " " + bm.unit
        }
        return Line(label: ind.name.text(lang), figure: ind.value, valueText: text, style: ind.exceedsTypical ? .error : .ok)
      }
    default:
      return r.wasteCost.pareto.map {
        Line(label: "\($0.rank). " + $0.name, figure: $0.total, valueText: Fig.text($0.total, lang, digits: 0) + " · " + Fig.text($0.cumulativePercent, lang, digits: 0),
          style: $0.paretoClass == "A" ? .error : .warning)
      }
    }
  }

  static func explainPath(_ s: AppState, _ d: DocState) -> String? {
    let ls = lines(s, d)
    return ls.isEmpty ? nil : ls[min(d.resultsRow, ls.count - 1)].figure.path
  }

  static func render(_ s: AppState, _ d: DocState, into b: inout ScreenBuffer, in rect: Rect) {
    let lang = s.language
    var x = rect.col
    for (i, t) in tabs.enumerated() {
      let label = " " + t(lang) + " "
      x += b.put(label, row: rect.row, col: x, style: i == d.resultsTab ? Style.selected.bolded : .header)
      x += 1
    }
    guard d.results != nil else {
      b.put(Strings.noResults(lang), row: rect.row + 2, col: rect.col, style: .muted)
      return
    }
    let ls = lines(s, d)
    let area = Rect(row: rect.row + 2, col: rect.col, height: rect.height - 2, width: rect.width)
    if ls.isEmpty {
      b.put(Strings.incomplete(lang), row: area.row, col: area.col, style: .muted)
      return
    }
    let visible = area.height
    let offset = max(0, min(d.resultsRow - visible + 1, ls.count - visible))
    let shown = Array(ls.dropFirst(max(0, offset)).prefix(visible))
    let chart = BarChart(
      bars: shown.map { BarChart.Bar(label: $0.label, value: $0.figure.value ?? 0, valueText: $0.valueText, style: $0.style) },
      labelWidth: min(area.width / 3, 26))
    chart.render(into: &b, in: area)
    let sel = d.resultsRow - max(0, offset)
    if sel >= 0 && sel < shown.count {
      b.setStyle(.selected, in: Rect(row: area.row + sel, col: area.col, height: 1, width: min(area.width / 3, 26)))
    }
  }
}
