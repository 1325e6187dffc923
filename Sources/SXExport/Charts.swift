import Foundation
import SXCore
import SXEngine

/// A point of the marginal abatement cost curve: one accepted opportunity.
public struct MACCPoint: Sendable, Hashable {
  public var id: String
  public var title: String
  /// t CO₂e avoided per year.
  public var abatement: Double
  /// VND per t CO₂e (negative: the opportunity saves money): −annualised net saving / abatement.
  public var costPerTonne: Double
}

/// MACC points: the engine's (`Results.opportunitySummary.macc`) when present, else computed here from the accepted
/// (counted) opportunities' economics: CO₂e avoided from their energy savings at the
/// plant's own specific emissions per carrier (grid factor for electricity without a carrier).
public enum MACC {
  public static func points(_ i: ExportInput) -> [MACCPoint] {
    let a = i.assessment
    let r = i.results
    // The engine's opportunity layer, when it ran, already has the MACC (overlaps counted once): use it.
    if let engine = r.opportunitySummary?.macc, !engine.isEmpty {
      return engine.map { MACCPoint(id: $0.id, title: $0.title, abatement: $0.co2t, costPerTonne: $0.costPerTCO2) }
    }
    let co2ByCarrier = Dictionary(r.co2.carriers.map { ($0.id, $0.co2e.value) }, uniquingKeysWith: { x, _ in x })
    let econ = Dictionary(r.economics.opportunities.map { ($0.id, $0) }, uniquingKeysWith: { x, _ in x })
    let units = (try? a.header.settings.unitSystem()) ?? .standard
    var out: [MACCPoint] = []
    for o in a.opportunities {
      guard let e = econ[o.id], e.counted, o.screening != .rejected, o.status != .rejected else { continue }
      var t = 0.0
      for s in o.savings {
        guard let q = s.quantity else { continue }
        if let cid = s.carrierId, let c = a.carrier(cid), let cq = c.annualQuantity, cq.si != 0,
          let co2 = co2ByCarrier[cid] ?? nil,
          units.unit(q.unit)?.dimension == units.unit(cq.unit)?.dimension
        {
          t += co2 * q.si / cq.si
        } else if s.resource == .electricity, let kwh = try? units.convert(q.value, from: q.unit, to: "kWh"),
          let g = r.co2.gridFactor.value
        {
          t += kwh / 1000 * g
        }
      }
      guard t > 0, let ann = e.annualisedSaving.value ?? e.annualNetSaving.value else { continue }
      out.append(MACCPoint(id: o.id, title: o.title, abatement: t, costPerTonne: -ann / t))
    }
    return out.sorted { $0.costPerTonne < $1.costPerTonne }
  }
}

/// SVG charts of the report.
enum Charts {
  /// Horizontal bars, one per item, with the value and unit at the end.
  static func bars(_ items: [(String, Double)], unit: String, title: String, _ l: Language, width: Double = 760) -> String {
    let rows = items.filter { $0.1.isFinite }
    let labelW = 260.0, barH = 18.0, gap = 6.0, top = 8.0
    let height = top + Double(max(rows.count, 1)) * (barH + gap) + 8
    let maxV = max(rows.map { abs($0.1) }.max() ?? 0, 1e-9)
    let avail = width - labelW - 120
    var s = SVG.open(width: width, height: height, title: title, cls: "bars")
    for (k, (label, v)) in rows.enumerated() {
      let y = top + Double(k) * (barH + gap)
      let w = max(abs(v) / maxV * avail, 1)
      s += "<text x=\"\(SVG.f(labelW - 6))\" y=\"\(SVG.f(y + barH - 5))\" text-anchor=\"end\">\(SVG.esc(clip(label, 40)))</text>"
      s += "<rect x=\"\(SVG.f(labelW))\" y=\"\(SVG.f(y))\" width=\"\(SVG.f(w))\" height=\"\(SVG.f(barH))\" fill=\"\(SVG.palette[k % SVG.palette.count])\"/>"
      s += "<text x=\"\(SVG.f(labelW + w + 4))\" y=\"\(SVG.f(y + barH - 5))\">\(SVG.esc(Fmt.num(v, l) + " " + unit))</text>\n"
    }
    return s + "</svg>\n"
  }

  /// Pareto: bars of the waste cost by stream (descending) and the cumulative share as a line.
  static func pareto(_ entries: [ParetoEntry], title: String, _ l: Language, width: Double = 760, height: Double = 300) -> String {
    let left = 70.0, right = 50.0, top = 16.0, bottom = 90.0
    let n = max(entries.count, 1)
    let plotW = width - left - right, plotH = height - top - bottom
    let maxV = max(entries.compactMap(\.total.value).max() ?? 0, 1e-9)
    let bw = plotW / Double(n)
    var s = SVG.open(width: width, height: height, title: title, cls: "pareto")
    s += "<line x1=\"\(SVG.f(left))\" y1=\"\(SVG.f(top + plotH))\" x2=\"\(SVG.f(left + plotW))\" y2=\"\(SVG.f(top + plotH))\" stroke=\"#333\"/>"
    s += "<text x=\"\(SVG.f(left - 6))\" y=\"\(SVG.f(top + 8))\" text-anchor=\"end\">\(SVG.esc(Fmt.num(maxV / 1e6, l)))</text>"
    s += "<text x=\"\(SVG.f(left - 6))\" y=\"\(SVG.f(top + plotH))\" text-anchor=\"end\">0</text>"
    s += "<text x=\"12\" y=\"\(SVG.f(top + plotH / 2))\" transform=\"rotate(-90 12 \(SVG.f(top + plotH / 2)))\" text-anchor=\"middle\">\(l == .vi ? "triệu VND" : "million VND")</text>"
    s += "<text x=\"\(SVG.f(left + plotW + 6))\" y=\"\(SVG.f(top + 8))\">100 %</text>"
    var points: [String] = []
    for (k, e) in entries.enumerated() {
      let v = e.total.value ?? 0
      let h = v / maxV * plotH
      let x = left + Double(k) * bw
      let colour = e.paretoClass == "A" ? "#c0392b" : e.paretoClass == "B" ? "#e67e22" : "#95a5a6"
      s += "<rect class=\"bar\" x=\"\(SVG.f(x + bw * 0.1))\" y=\"\(SVG.f(top + plotH - h))\" width=\"\(SVG.f(bw * 0.8))\" height=\"\(SVG.f(h))\" fill=\"\(colour)\"><title>\(SVG.esc(e.name))</title></rect>"
      let cx = x + bw / 2
      let cy = top + plotH - (e.cumulativePercent.value ?? 0) / 100 * plotH
      points.append("\(SVG.f(cx)),\(SVG.f(cy))")
      s += "<text x=\"\(SVG.f(cx))\" y=\"\(SVG.f(top + plotH + 12))\" text-anchor=\"end\" font-size=\"10\" transform=\"rotate(-35 \(SVG.f(cx)) \(SVG.f(top + plotH + 12)))\">\(SVG.esc(clip(e.name, 24)))</text>\n"
    }
    s += "<polyline points=\"\(points.joined(separator: " "))\" fill=\"none\" stroke=\"#2c3e50\" stroke-width=\"2\"/>"
    let y80 = top + plotH * 0.2
    s += "<line x1=\"\(SVG.f(left))\" y1=\"\(SVG.f(y80))\" x2=\"\(SVG.f(left + plotW))\" y2=\"\(SVG.f(y80))\" stroke=\"#999\" stroke-dasharray=\"4 3\"/>"
    s += "<text x=\"\(SVG.f(left + plotW + 6))\" y=\"\(SVG.f(y80 + 4))\">80 %</text>\n"
    return s + "</svg>\n"
  }

  /// MACC: bars as wide as the abatement, as high as the cost per tonne (below the axis: saves money).
  static func macc(_ points: [MACCPoint], title: String, _ l: Language, width: Double = 760, height: Double = 320) -> String {
    let left = 80.0, right = 20.0, top = 16.0, bottom = 40.0
    let plotW = width - left - right, plotH = height - top - bottom
    let total = max(points.reduce(0) { $0 + $1.abatement }, 1e-9)
    let maxC = max(points.map(\.costPerTonne).max() ?? 0, 0), minC = min(points.map(\.costPerTonne).min() ?? 0, 0)
    let span = max(maxC - minC, 1e-9)
    let zeroY = top + maxC / span * plotH
    var s = SVG.open(width: width, height: height, title: title, cls: "macc")
    var x = left
    for (k, p) in points.enumerated() {
      let w = p.abatement / total * plotW
      let h = abs(p.costPerTonne) / span * plotH
      let y = p.costPerTonne >= 0 ? zeroY - h : zeroY
      s += "<rect class=\"bar\" x=\"\(SVG.f(x))\" y=\"\(SVG.f(y))\" width=\"\(SVG.f(max(w - 1, 1)))\" height=\"\(SVG.f(max(h, 1)))\" fill=\"\(SVG.palette[k % SVG.palette.count])\">"
      s += "<title>\(SVG.esc(p.title)): \(SVG.esc(Fmt.num(p.abatement, l))) t CO₂e; \(SVG.esc(Fmt.num(p.costPerTonne / 1e6, l))) \(l == .vi ? "triệu VND/t" : "million VND/t")</title></rect>"
      let ly = p.costPerTonne >= 0 ? y - 4 : y + h + 12
      if w > 18 { s += "<text x=\"\(SVG.f(x + w / 2))\" y=\"\(SVG.f(ly))\" text-anchor=\"middle\" font-size=\"10\">\(k + 1)</text>" }
      s += "\n"
      x += w
    }
    s += "<line x1=\"\(SVG.f(left))\" y1=\"\(SVG.f(zeroY))\" x2=\"\(SVG.f(left + plotW))\" y2=\"\(SVG.f(zeroY))\" stroke=\"#333\"/>"
    s += "<text x=\"\(SVG.f(left + plotW))\" y=\"\(SVG.f(height - 8))\" text-anchor=\"end\">\(SVG.esc(Fmt.num(total, l))) t CO₂e/\(l == .vi ? "năm" : "yr")</text>"
    s += "<text x=\"\(SVG.f(left - 6))\" y=\"\(SVG.f(top + 8))\" text-anchor=\"end\">\(SVG.esc(Fmt.num(maxC / 1e6, l)))</text>"
    s += "<text x=\"\(SVG.f(left - 6))\" y=\"\(SVG.f(top + plotH))\" text-anchor=\"end\">\(SVG.esc(Fmt.num(minC / 1e6, l)))</text>"
    s += "<text x=\"14\" y=\"\(SVG.f(top + plotH / 2))\" transform=\"rotate(-90 14 \(SVG.f(top + plotH / 2)))\" text-anchor=\"middle\">\(l == .vi ? "triệu VND/t CO₂e" : "million VND/t CO₂e")</text>\n"
    return s + "</svg>\n"
  }

  /// The process flow chart: the steps in order as boxes joined by arrows, wrapping onto rows of four.
  static func processFlow(_ steps: [(String, String)], title: String, width: Double = 760) -> String {
    let perRow = 4, boxW = 160.0, boxH = 54.0, gapX = 30.0, gapY = 34.0
    let rows = max((steps.count + perRow - 1) / perRow, 1)
    let height = Double(rows) * (boxH + gapY) + 10
    var s = SVG.open(width: width, height: height, title: title, cls: "flow")
    s += "<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#555\"/></marker></defs>\n"
    func pos(_ k: Int) -> (Double, Double) { (10 + Double(k % perRow) * (boxW + gapX), 10 + Double(k / perRow) * (boxH + gapY)) }
    for (k, (name, sub)) in steps.enumerated() {
      let (x, y) = pos(k)
      s += "<rect x=\"\(SVG.f(x))\" y=\"\(SVG.f(y))\" width=\"\(SVG.f(boxW))\" height=\"\(SVG.f(boxH))\" rx=\"6\" fill=\"#eaf2f8\" stroke=\"#2c3e50\"/>"
      s += "<text x=\"\(SVG.f(x + boxW / 2))\" y=\"\(SVG.f(y + 22))\" text-anchor=\"middle\" font-weight=\"bold\">\(k + 1). \(SVG.esc(clip(name, 20)))</text>"
      s += "<text x=\"\(SVG.f(x + boxW / 2))\" y=\"\(SVG.f(y + 40))\" text-anchor=\"middle\" font-size=\"10\">\(SVG.esc(clip(sub, 28)))</text>\n"
      if k + 1 < steps.count {
        let (nx, ny) = pos(k + 1)
        if ny == y {
          s += "<line x1=\"\(SVG.f(x + boxW))\" y1=\"\(SVG.f(y + boxH / 2))\" x2=\"\(SVG.f(nx - 2))\" y2=\"\(SVG.f(ny + boxH / 2))\" stroke=\"#555\" marker-end=\"url(#arrow)\"/>\n"
        } else {
          s += "<path d=\"M\(SVG.f(x + boxW / 2)),\(SVG.f(y + boxH)) V\(SVG.f(y + boxH + gapY / 2)) H\(SVG.f(nx + boxW / 2)) V\(SVG.f(ny - 2))\" fill=\"none\" stroke=\"#555\" marker-end=\"url(#arrow)\"/>\n"
        }
      }
    }
    return s + "</svg>\n"
  }

  static func clip(_ s: String, _ n: Int) -> String { s.count <= n ? s : String(s.prefix(n - 1)) + "…" }
}
