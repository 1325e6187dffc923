import Foundation
import SXCore

/// The numerators of the indicators, for the plant and per step.
struct IndicatorInputs {
  var key: String
  var name: LocalizedText
  var unit: String
  /// Unit of the numerator (before dividing by tonnes of product).
  var numeratorUnit: String
  var plant: Val
  var plantSource: String
  var steps: [String: Val]
}

enum IndicatorArea {
  /// The denominator: the reference product (W2) quantity, else the annual output (W0), in tonnes.
  static func production(_ c: Context, ledger: inout Ledger) -> Figure {
    let ref = c.a.products.first { $0.isReference } ?? c.a.products.first
    let q = ref?.annualQuantity ?? c.a.header.profile.annualOutput
    let source = ref?.annualQuantity != nil ? src("products", ref?.id ?? "") : "header.profile.annualOutput"
    var v: Val
    if let q {
      if c.dimension(q) != .mass {
        v = .missing(Reason.productionNotMass(q.unit))
      } else if q.si == 0 {
        v = .missing(Reason.zeroProduction)
      } else {
        v = Val(q.si / 1000)
      }
    } else {
      v = .missing(Reason.noProduction)
    }
    return ledger.figure(
      "indicators.production", v, "t", label: LocalizedText(vi: "Sản lượng sản phẩm chuẩn", en: "Reference production"),
      formula: LocalizedText(vi: "sản lượng năm của sản phẩm chuẩn (W2), hoặc sản lượng W0", en: "annual quantity of the reference product (W2), or W0 output"),
      inputs: [input(ref?.name ?? "annualOutput", q, source: source)])
  }

  static func numerators(_ c: Context, energy: EnergyOutcome, water: WaterOutcome) -> [IndicatorInputs] {
    // Per-step chemicals and waste from the flows (one pass).
    // By the step's index (`FlowFacts.step`, the first step of its id); flows of an unknown step by the id typed.
    var chemAt: [Val?] = Array(repeating: nil, count: c.a.steps.count)
    var wasteAt: [Val?] = Array(repeating: nil, count: c.a.steps.count)
    var chemSteps: [String: Val] = [:]
    var wasteSteps: [String: Val] = [:]
    var chemFlows = Val.sum
    var wasteFlows = Val.sum
    for i in c.a.flows.indices {
      let kind = c.a.flows[i].kind
      let dir = c.a.flows[i].direction
      if kind == .chemical, dir == .input {
        let m = c.flowMass(i, name: c.a.flows[i].name)
        let st = c.facts[i].step
        if st >= 0 {
          if chemAt[st] == nil { chemAt[st] = .sum }
          chemAt[st]!.add(m)
        } else {
          chemSteps[c.a.flows[i].stepId, default: .sum].add(m)
        }
        chemFlows.add(m)
      } else if kind == .solidWaste || kind == .hazardousWaste, dir == .output {
        let m = c.flowMass(i, name: c.a.flows[i].name)
        let st = c.facts[i].step
        if st >= 0 {
          if wasteAt[st] == nil { wasteAt[st] = .sum }
          wasteAt[st]!.add(m)
        } else {
          wasteSteps[c.a.flows[i].stepId, default: .sum].add(m)
        }
        wasteFlows.add(m)
      }
    }
    for k in c.a.steps.indices {
      if let v = chemAt[k] { chemSteps[c.a.steps[k].id] = v }
      if let v = wasteAt[k] { wasteSteps[c.a.steps[k].id] = v }
    }
    // Plant chemicals: W3 chemicals when listed, else the chemical flows.
    var chemicals = Val.sum
    var chemSource = "W3 materials (chemical)"
    let w3chem = c.a.materials.filter { $0.kind == .chemical }
    if w3chem.isEmpty {
      chemicals = chemFlows
      chemSource = "W7 flows (chemical inputs)"
    } else {
      for m in w3chem { chemicals.add(c.massKg(m.annualQuantity, kind: .chemical, name: m.name)) }
    }
    // Plant waste: W8 solid/hazardous streams when listed, else the waste flows.
    var waste = Val.sum
    var wasteSource = "W8 waste streams (solid, hazardous)"
    let w8 = c.a.wasteStreams.filter { $0.kind == .solidWaste || $0.kind == .hazardousWaste }
    if w8.isEmpty {
      waste = wasteFlows
      wasteSource = "W7 flows (solid/hazardous outputs)"
    } else {
      for w in w8 {
        let q = w.quantity ?? w.flowId.flatMap { c.streamFlowById[$0] }.flatMap { c.a.flows[$0].quantity }
        waste.add(c.massKg(q, kind: w.kind, name: w.name))
      }
    }
    var thermal = Val.sum
    for (_, e) in energy.carrierAmounts { thermal.add(e.thermalGJ) }
    let gwp = (c.f.gwpCH4, c.f.gwpN2O)
    func steps(_ f: (EnergyAmount) -> Val) -> [String: Val] {
      var d: [String: Val] = [:]
      for (k, e) in energy.stepAmounts { d[k] = f(e) }
      return d
    }
    let t = { (vi: String, en: String) in LocalizedText(vi: vi, en: en) }
    return [
      IndicatorInputs(
        key: "water_per_product", name: t("Nước trên tấn sản phẩm", "Water per tonne of product"), unit: "m³/t", numeratorUnit: "m³",
        plant: water.supply, plantSource: "water.total.supply", steps: water.stepConsumption),
      IndicatorInputs(
        key: "electricity_per_product", name: t("Điện trên tấn sản phẩm", "Electricity per tonne of product"), unit: "kWh/t",
        numeratorUnit: "kWh", plant: Val(energy.plant.electricityKWh ?? 0), plantSource: "energy.total.electricityKWh",
        steps: steps { Val($0.electricityKWh ?? 0) }),
      IndicatorInputs(
        key: "thermal_per_product", name: t("Nhiệt trên tấn sản phẩm", "Thermal energy per tonne of product"), unit: "GJ/t",
        numeratorUnit: "GJ", plant: thermal, plantSource: "energy.total.thermalGJ", steps: steps { $0.thermalGJ }),
      IndicatorInputs(
        key: "energy_per_product", name: t("Năng lượng trên tấn sản phẩm", "Energy per tonne of product"), unit: "GJ/t",
        numeratorUnit: "GJ", plant: energy.plant.gj, plantSource: "energy.total.gj", steps: steps { $0.gj }),
      IndicatorInputs(
        key: "toe_per_product", name: t("TOE trên tấn sản phẩm", "TOE per tonne of product"), unit: "TOE/t", numeratorUnit: "TOE",
        plant: energy.plant.toe, plantSource: "energy.total.toe", steps: steps { $0.toe }),
      IndicatorInputs(
        key: "co2_per_product", name: t("CO2e trên tấn sản phẩm", "CO2e per tonne of product"), unit: "t CO2e/t",
        numeratorUnit: "t CO2e", plant: energy.plant.co2eKg(gwpCH4: gwp.0, gwpN2O: gwp.1).map { $0 / 1000 },
        plantSource: "co2.total.co2e", steps: steps { $0.co2eKg(gwpCH4: gwp.0, gwpN2O: gwp.1).map { $0 / 1000 } }),
      IndicatorInputs(
        key: "chemicals_per_product", name: t("Hóa chất trên tấn sản phẩm", "Chemicals per tonne of product"), unit: "kg/t",
        numeratorUnit: "kg", plant: chemicals, plantSource: chemSource, steps: chemSteps),
      IndicatorInputs(
        key: "waste_per_product", name: t("Chất thải rắn trên tấn sản phẩm", "Solid waste per tonne of product"), unit: "kg/t",
        numeratorUnit: "kg", plant: waste, plantSource: wasteSource, steps: wasteSteps),
    ]
  }

  static func compute(
    _ c: Context, production: Figure, energy: EnergyOutcome, water: WaterOutcome, ledger: inout Ledger
  ) -> IndicatorResults {
    let prod = Val(production.value, production.reasons)
    var earlierByKey: [String: [EarlierPeriodValue]] = [:]
    for e in c.a.earlierPeriods { earlierByKey[e.key, default: []].append(e) }
    var targetByKey: [String: IndicatorTarget] = [:]
    for t in c.a.indicators where targetByKey[t.key] == nil { targetByKey[t.key] = t }
    var items: [Indicator] = []
    for n in numerators(c, energy: energy, water: water) {
      let base = "indicators.items[\(n.key)]"
      ledger.name("indicators.items", id: n.key, name: n.name.en)
      let value = n.plant.divided(by: prod, zeroReason: Reason.zeroProduction)
      let ins = [
        ExplainInput(n.numeratorUnit, n.plant.value, n.numeratorUnit, source: n.plantSource),
        ExplainInput("sản lượng/production", production.value, "t", source: "indicators.production"),
      ]
      let bm = c.f.benchmarks[n.key]
      let bmFactors = bm.map { b in
        [b.typicalLow.map { ExplainFactor("typical low", $0, b.unit, source: b.source, year: b.year) },
         b.typicalHigh.map { ExplainFactor("typical high", $0, b.unit, source: b.source, year: b.year) },
         b.goodPractice.map { ExplainFactor("good practice", $0, b.unit, source: b.source, year: b.year) }].compactMap { $0 }
      } ?? []
      let fig = ledger.figure(
        base + ".value", value, n.unit, label: n.name,
        formula: LocalizedText(vi: "\(n.numeratorUnit) / tấn sản phẩm", en: "\(n.numeratorUnit) / tonne of product"), inputs: ins,
        factors: bmFactors)
      // Benchmark.
      var rating = BenchmarkRating.noBenchmark
      var exceeds = false
      var aboveGood = false
      if let b = bm, b.unit == n.unit {
        if let v = value.value {
          if let hi = b.typicalHigh, v > hi { exceeds = true }
          if let g = b.goodPractice, v > g { aboveGood = true }
          if let g = b.goodPractice, v <= g {
            rating = .atOrBelowGoodPractice
          } else if exceeds {
            rating = .aboveTypical
          } else if let lo = b.typicalLow, v < lo {
            rating = .belowTypical
          } else {
            rating = .withinTypical
          }
        } else {
          rating = .unknown
        }
      }
      ledger.flag(
        base + ".exceedsTypical", exceeds, label: LocalizedText(vi: "Vượt mức điển hình — \(n.name.vi)", en: "Above typical — \(n.name.en)"),
        formula: LocalizedText(vi: "giá trị > cận trên mức điển hình của ngành", en: "value > upper end of the sector's typical range"),
        inputs: [ExplainInput(n.key, value.value, n.unit, source: base + ".value")], factors: bmFactors)
      // Earlier periods of the plant.
      var earlier: [EarlierComparison] = []
      for (j, e) in (earlierByKey[n.key] ?? []).enumerated() {
        let p = "\(base).earlier[\(e.period.isEmpty ? String(j) : e.period)]"
        var change: Val
        // An earlier value in another but convertible unit (e.g. TOE/t against GJ/t) is converted first.
        var conversion: ExplainFactor?
        if let ev0 = e.value, let v = value.value {
          var ev = ev0
          var mismatch = false
          if norm(e.unit) != norm(n.unit), !e.unit.isEmpty {
            if let k = convert(from: e.unit, to: n.unit, gjPerTOE: c.f.gjPerTOE) {
              ev = ev0 * k
              conversion = ExplainFactor("\(e.unit) → \(n.unit)", k, "\(n.unit) per \(e.unit)",
                source: "1 TOE = \(c.f.gjPerTOE) GJ (IEA); 1 kWh = 0.0036 GJ")
            } else {
              mismatch = true
            }
          }
          if mismatch {
            change = .missing(Reason.unitMismatch(e.unit, n.unit))
          } else {
            change = ev != 0 ? Val((v - ev) / ev * 100, value.reasons) : .missing(Reason.zeroBase)
          }
        } else {
          change = Val(nil, value.reasons + (e.value == nil ? [Reason.noData] : []))
        }
        let conv = conversion
        let cf = ledger.figure(
          p + ".changePercent", change, "%", label: LocalizedText(vi: "So với kỳ \(e.period)", en: "Change vs \(e.period)"),
          formula: conv == nil
            ? LocalizedText(vi: "(hiện tại − kỳ trước) / kỳ trước × 100", en: "(current − earlier) / earlier × 100")
            : LocalizedText(
              vi: "(hiện tại − kỳ trước × hệ số đổi đơn vị) / (kỳ trước × hệ số đổi đơn vị) × 100",
              en: "(current − earlier × unit conversion) / (earlier × unit conversion) × 100"),
          inputs: [ExplainInput("hiện tại/current", value.value, n.unit, source: base + ".value"),
                   ExplainInput(e.period, e.value, e.unit, source: src("earlierPeriods", e.id) + (e.source.isEmpty ? "" : " · \(e.source)"))],
          factors: conv.map { [$0] } ?? [])
        earlier.append(EarlierComparison(period: e.period, value: e.value, unit: e.unit, source: e.source, changePercent: cf))
      }
      // Plant target (W13).
      var target: TargetComparison?
      if let t = targetByKey[n.key] {
        var gap = Val(nil, value.reasons)
        if let v = value.value, let tv = t.target { gap.value = v - tv } else if t.target == nil { gap.reasons.append(Reason.noData) }
        let g = ledger.figure(
          base + ".target.gapToTarget", gap, n.unit, label: LocalizedText(vi: "Khoảng cách tới mục tiêu — \(n.name.vi)", en: "Gap to target — \(n.name.en)"),
          formula: LocalizedText(vi: "hiện tại − mục tiêu (W13)", en: "current − target (W13)"),
          inputs: [ExplainInput("hiện tại/current", value.value, n.unit, source: base + ".value"),
                   ExplainInput("mục tiêu/target", t.target, t.unit, source: src("indicators", t.id))])
        target = TargetComparison(baseline: t.baseline, target: t.target, unit: t.unit, gapToTarget: g)
      }
      // Per step (per tonne of the plant's product).
      var steps: [StepIndicator] = []
      for s in c.a.steps {
        guard let num = n.steps[s.id] else { continue }
        let p = "\(base).steps[\(s.id)]"
        ledger.name("\(base).steps", id: s.id, name: s.name)
        let sv = num.divided(by: prod, zeroReason: Reason.zeroProduction)
        steps.append(
          StepIndicator(
            id: s.id, name: c.stepName(s.id),
            value: ledger.figure(
              p, sv, n.unit, label: LocalizedText(vi: "\(n.name.vi) — \(c.stepName(s.id))", en: "\(n.name.en) — \(c.stepName(s.id))"),
              formula: LocalizedText(vi: "lượng của công đoạn / tấn sản phẩm của nhà máy", en: "step amount / tonne of the plant's product"),
              inputs: [ExplainInput(n.numeratorUnit, num.value, n.numeratorUnit, source: "steps[\(s.id)]"),
                       ExplainInput("t", production.value, "t", source: "indicators.production")])))
      }
      items.append(
        Indicator(
          key: n.key, name: n.name, value: fig,
          benchmark: bm.map {
            BenchmarkUse(unit: $0.unit, typicalLow: $0.typicalLow, typicalHigh: $0.typicalHigh, goodPractice: $0.goodPractice,
              source: $0.source, indicative: $0.indicative)
          }, rating: rating, exceedsTypical: exceeds, aboveGoodPractice: aboveGood, earlier: earlier, target: target, steps: steps))
    }
    return IndicatorResults(production: production, items: items)
  }

  /// GJ per unit of the energy numerators an indicator may be written in.
  static func gjPer(_ unit: String, gjPerTOE: Double) -> Double? {
    switch unit.lowercased() {
    case "gj": 1
    case "mj": 0.001
    case "tj": 1_000
    case "toe": gjPerTOE
    case "ktoe": gjPerTOE * 1_000
    case "kgoe": gjPerTOE / 1_000
    case "kwh": 0.0036
    case "mwh": 3.6
    default: nil
    }
  }

  /// The factor k with value_in_`to` = value_in_`from` × k, for indicator units «energy/denominator» that differ only
  /// in the energy unit (e.g. TOE/t → GJ/t: k = 41.868); nil otherwise.
  static func convert(from: String, to: String, gjPerTOE: Double) -> Double? {
    func split(_ u: String) -> (String, String)? {
      let n = norm(u)
      guard let slash = n.firstIndex(of: "/") else { return nil }
      return (String(n[..<slash]), String(n[n.index(after: slash)...]))
    }
    guard let (fn, fd) = split(from), let (tn, td) = split(to), fd == td,
      let a = gjPer(fn, gjPerTOE: gjPerTOE), let b = gjPer(tn, gjPerTOE: gjPerTOE), b > 0
    else { return nil }
    return a / b
  }

  static func norm(_ s: String) -> String {
    UnitNorms.shared.get(s) {
      TextRules.nfc(s).replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "m3", with: "m³")
        .replacingOccurrences(of: "₂", with: "2").lowercased().replacingOccurrences(of: "co2e", with: "co2")
    }
  }
}

/// `IndicatorArea.norm` of each unit text, computed once per process (indicator units are a small set of texts).
final class UnitNorms: @unchecked Sendable {
  static let shared = UnitNorms()
  private var norms: [String: String] = [:]
  private let lock = NSLock()

  func get(_ s: String, _ make: () -> String) -> String {
    lock.lock()
    if let n = norms[s] {
      lock.unlock()
      return n
    }
    lock.unlock()
    let n = make()
    lock.lock()
    if norms.count < 4096 { norms[s] = n }
    lock.unlock()
    return n
  }
}
