import Foundation
import SXCore
import SXEngine

/// A Sankey diagram of the material balance: inputs by kind → process steps → outputs by kind, with the stock change
/// and the unaccounted difference as their own links so that every step node balances (Σ in = Σ out).
public struct Sankey: Sendable, Hashable {
  public enum Column: Int, Sendable, Hashable { case sources = 0, steps = 1, sinks = 2 }

  public struct Node: Sendable, Hashable {
    public var id: String
    public var label: String
    public var column: Column
  }

  public struct Link: Sendable, Hashable {
    public var from: Int
    public var to: Int
    /// Mass, kg.
    public var kg: Double
    /// The unaccounted difference of a step (in − out − stock change).
    public var unaccounted: Bool
  }

  public var nodes: [Node]
  public var links: [Link]

  public func inflow(_ node: Int) -> Double { links.filter { $0.to == node }.reduce(0) { $0 + $1.kg } }
  public func outflow(_ node: Int) -> Double { links.filter { $0.from == node }.reduce(0) { $0 + $1.kg } }
  public func index(of id: String) -> Int? { nodes.firstIndex { $0.id == id } }

  /// Builds the diagram from the engine's balance: each flow's mass as the engine counted it (from the explanation of
  /// `balance.steps[id].massIn/massOut`), closed with the engine's stock change and unaccounted figures.
  public static func material(_ input: ExportInput) -> Sankey {
    let a = input.assessment
    var nodes: [Node] = []
    var links: [Link] = []
    var index: [String: Int] = [:]
    func node(_ id: String, _ label: String, _ column: Column) -> Int {
      if let k = index[id] { return k }
      nodes.append(Node(id: id, label: label, column: column))
      index[id] = nodes.count - 1
      return nodes.count - 1
    }
    func add(_ from: Int, _ to: Int, _ kg: Double, unaccounted: Bool = false) {
      guard kg > 0, kg.isFinite else { return }
      if let k = links.firstIndex(where: { $0.from == from && $0.to == to && $0.unaccounted == unaccounted }) {
        links[k].kg += kg
      } else {
        links.append(Link(from: from, to: to, kg: kg, unaccounted: unaccounted))
      }
    }
    let balance = Dictionary(input.results.balance.steps.map { ($0.id, $0) }, uniquingKeysWith: { x, _ in x })
    // Steps first so that they keep the flow-chart order in the middle column.
    for s in a.steps { _ = node("step:" + s.id, s.name.isEmpty ? s.id : s.name, .steps) }
    let flows = Dictionary(a.flows.map { ($0.id, $0) }, uniquingKeysWith: { x, _ in x })
    for s in a.steps {
      let sn = node("step:" + s.id, s.name.isEmpty ? s.id : s.name, .steps)
      guard let b = balance[s.id] else { continue }
      // Each flow's mass exactly as the engine counted it: the inputs of the balance explanation.
      for (dir, figure) in [(FlowDirection.input, "massIn"), (.output, "massOut")] {
        var sum = 0.0
        for x in input.results.explain(path: "balance.steps[\(s.id)].\(figure)")?.inputs ?? [] {
          guard let kg = x.value, let id = flowId(x.source), let f = flows[id] else { continue }
          sum += kg
          let label = input.t(f.kind.label)
          if dir == .input { add(node("in:" + f.kind.rawValue, label, .sources), sn, kg) } else { add(sn, node("out:" + f.kind.rawValue, label, .sinks), kg) }
        }
        // Anything the explanation does not list (it is capped) still shows, as "other".
        let total = (dir == .input ? b.massIn.value : b.massOut.value) ?? sum
        if total - sum > max(total, 1) * 1e-9 {
          let label = input.t("khác", "other")
          if dir == .input { add(node("in:other", label, .sources), sn, total - sum) } else { add(sn, node("out:other", label, .sinks), total - sum) }
        }
      }
      if let st = b.stockChange.value, st != 0 {
        let label = input.t("thay đổi tồn kho", "stock change")
        if st > 0 { add(sn, node("out:stock", label, .sinks), st) } else { add(node("in:stock", label, .sources), sn, -st) }
      }
      if let u = b.unaccounted.value, u != 0 {
        if u > 0 {
          add(sn, node("out:unaccounted", input.t("chưa giải thích", "unaccounted"), .sinks), u, unaccounted: true)
        } else {
          add(node("in:unaccounted", input.t("đầu ra vượt đầu vào", "outputs above inputs"), .sources), sn, -u, unaccounted: true)
        }
      }
    }
    return Sankey(nodes: nodes, links: links)
  }

  /// The flow id of an explanation source such as `flows[f3] · measured`.
  static func flowId(_ source: String) -> String? {
    guard source.hasPrefix("flows["), let close = source.firstIndex(of: "]") else { return nil }
    return String(source[source.index(source.startIndex, offsetBy: 6)..<close])
  }

  // MARK: - SVG

  /// The diagram as an SVG (link values in `data-kg` so that a reader can check the balance from the page).
  public func svg(_ language: Language, title: String, width: Double = 1000) -> String {
    let height = 40 + Double(max(nodes.filter { $0.column == .steps }.count, 6)) * 62
    let top = 30.0, gap = 14.0, nodeW = 14.0
    let xs: [Column: Double] = [.sources: 200, .steps: width / 2 - nodeW / 2, .sinks: width - 220]
    var size = nodes.indices.map { max(inflow($0), outflow($0)) }
    var scale = Double.infinity
    for col in [Column.sources, .steps, .sinks] {
      let ids = nodes.indices.filter { nodes[$0].column == col }
      let total = ids.reduce(0) { $0 + size[$1] }
      guard total > 0 else { continue }
      scale = min(scale, (height - top - 10 - gap * Double(max(ids.count - 1, 0))) / total)
    }
    if !scale.isFinite { scale = 0 }
    // Very small flows still get a visible sliver.
    size = size.map { $0 * scale }
    var y = [Double](repeating: 0, count: nodes.count)
    for col in [Column.sources, .steps, .sinks] {
      var cur = top
      for k in nodes.indices where nodes[k].column == col {
        y[k] = cur
        cur += max(size[k], 2) + gap
      }
    }
    var out = SVG.open(width: width, height: height, title: title, cls: "sankey")
    var outOffset = [Double](repeating: 0, count: nodes.count)
    var inOffset = [Double](repeating: 0, count: nodes.count)
    for (k, l) in links.enumerated() {
      let w = max(l.kg * scale, 0.8)
      let x0 = (xs[nodes[l.from].column] ?? 0) + nodeW, x1 = xs[nodes[l.to].column] ?? 0
      let y0 = y[l.from] + outOffset[l.from] + w / 2, y1 = y[l.to] + inOffset[l.to] + w / 2
      outOffset[l.from] += l.kg * scale
      inOffset[l.to] += l.kg * scale
      let mx = (x0 + x1) / 2
      let colour = l.unaccounted ? "#d9534f" : SVG.palette[nodes[l.to].column == .sinks ? l.to % SVG.palette.count : l.from % SVG.palette.count]
      out += "<path class=\"link\" id=\"link\(k)\" data-from=\"\(SVG.esc(nodes[l.from].id))\" data-to=\"\(SVG.esc(nodes[l.to].id))\" "
        + "data-kg=\"\(Fmt.plain(l.kg))\" d=\"M\(SVG.f(x0)),\(SVG.f(y0)) C\(SVG.f(mx)),\(SVG.f(y0)) \(SVG.f(mx)),\(SVG.f(y1)) \(SVG.f(x1)),\(SVG.f(y1))\" "
        + "fill=\"none\" stroke=\"\(colour)\" stroke-opacity=\"0.45\" stroke-width=\"\(SVG.f(w))\">"
        + "<title>\(SVG.esc(nodes[l.from].label)) → \(SVG.esc(nodes[l.to].label)): \(Fmt.num(l.kg / 1000, language)) t</title></path>\n"
    }
    for (k, n) in nodes.enumerated() {
      let x = xs[n.column] ?? 0
      let h = max(size[k], 2)
      out += "<rect class=\"node\" data-id=\"\(SVG.esc(n.id))\" x=\"\(SVG.f(x))\" y=\"\(SVG.f(y[k]))\" width=\"\(SVG.f(nodeW))\" height=\"\(SVG.f(h))\" fill=\"#34495e\"/>\n"
      let t = max(inflow(k), outflow(k)) / 1000
      let label = "\(SVG.esc(n.label)) · \(Fmt.num(t, language)) t"
      let ty = y[k] + h / 2 + 4
      switch n.column {
      case .sources: out += "<text x=\"\(SVG.f(x - 6))\" y=\"\(SVG.f(ty))\" text-anchor=\"end\">\(label)</text>\n"
      case .steps: out += "<text x=\"\(SVG.f(x + nodeW + 4))\" y=\"\(SVG.f(ty))\" class=\"halo\">\(label)</text>\n"
      case .sinks: out += "<text x=\"\(SVG.f(x + nodeW + 6))\" y=\"\(SVG.f(ty))\">\(label)</text>\n"
      }
    }
    return out + "</svg>\n"
  }
}

/// Small SVG helpers shared by the charts.
enum SVG {
  static let palette = ["#1f77b4", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#17becf", "#bcbd22", "#e377c2", "#7f7f7f", "#aec7e8"]

  static func open(width: Double, height: Double, title: String, cls: String) -> String {
    "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart \(cls)\" viewBox=\"0 0 \(f(width)) \(f(height))\" "
      + "width=\"\(f(width))\" height=\"\(f(height))\" role=\"img\" aria-label=\"\(esc(title))\" "
      + "font-family=\"DejaVu Sans, Arial, sans-serif\" font-size=\"12\"><title>\(esc(title))</title>\n"
  }

  static func f(_ v: Double) -> String { String(format: "%.1f", v.isFinite ? v : 0) }

  static func esc(_ s: String) -> String { HTML.escape(s) }
}
