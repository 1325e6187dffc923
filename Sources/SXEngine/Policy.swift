import Foundation
import SXCore

/// Gap between the opportunities' planned savings (per unit product, production unchanged) and the policy bands.
enum PolicyArea {
  static func compute(
    _ c: Context, production: Figure, energy: EnergyOutcome, water: WaterOutcome, planned: PlannedSavings, ledger: inout Ledger
  ) -> PolicyResults {
    // Materials baseline: W3 raw materials and chemicals, else the raw-material and chemical input flows.
    var materials = Val.sum
    var matSource = "W3 materials (raw material, chemical)"
    let w3 = c.a.materials.filter { $0.kind == .rawMaterial || $0.kind == .chemical }
    if w3.isEmpty {
      matSource = "W7 flows (raw material, chemical inputs)"
      for i in c.a.flows.indices where c.a.flows[i].direction == .input && (c.a.flows[i].kind == .rawMaterial || c.a.flows[i].kind == .chemical) {
        materials.add(c.flowMass(i, name: c.a.flows[i].name))
      }
    } else {
      for m in w3 { materials.add(c.massKg(m.annualQuantity, kind: m.kind, name: m.name)) }
    }
    let prod = Val(production.value, production.reasons)
    let rows: [(String, LocalizedText, String, Val, String, Val)] = [
      ("energy", LocalizedText(vi: "năng lượng", en: "energy"), "TOE", energy.plant.toe, "energy.total.toe", planned.toe),
      ("water", LocalizedText(vi: "nước", en: "water"), "m³", water.supply, "water.total.supply", planned.waterM3),
      ("materials", LocalizedText(vi: "nguyên liệu, hóa chất", en: "materials, chemicals"), "kg", materials, matSource, planned.materialKg),
    ]
    var baselines: [PolicyBaseline] = []
    var percents: [String: Val] = [:]
    for (key, name, unit, base, source, saving) in rows {
      let p = "policy.baselines[\(key)]"
      ledger.name("policy.baselines", id: key, name: name.en)
      let l = { @Sendable (vi: String, en: String) in LocalizedText(vi: "\(vi) — \(name.vi)", en: "\(en) — \(name.en)") }
      let pct = saving.divided(by: base, zeroReason: Reason.zeroBase).map { $0 * 100 }
      percents[key] = pct
      baselines.append(
        PolicyBaseline(
          resource: key,
          baseline: ledger.figure(p + ".baseline", base, unit + "/yr", label: l("Mức nền", "Baseline"),
            formula: LocalizedText(vi: "tiêu thụ năm hiện tại", en: "current annual consumption"),
            inputs: [ExplainInput(unit, base.value, unit, source: source)]),
          baselinePerUnit: ledger.figure(p + ".baselinePerUnit", base.divided(by: prod, zeroReason: Reason.zeroProduction), unit + "/t",
            label: l("Mức nền trên tấn sản phẩm", "Baseline per tonne of product"),
            formula: LocalizedText(vi: "mức nền / sản lượng", en: "baseline / production"),
            inputs: [ExplainInput(unit, base.value, unit, source: source), ExplainInput("t", production.value, "t", source: "indicators.production")]),
          plannedSaving: ledger.figure(p + ".plannedSaving", saving, unit + "/yr", label: l("Tiết kiệm theo kế hoạch", "Planned saving"),
            formula: LocalizedText(
              vi: "Σ tiết kiệm vật lý của các giải pháp không bị loại (W10)", en: "Σ physical savings of the opportunities not rejected (W10)"),
            inputs: [ExplainInput(unit, saving.value, unit, source: "economics.opportunities")]),
          plannedPercent: ledger.figure(p + ".plannedPercent", pct, "%", label: l("Mức giảm trên đơn vị sản phẩm", "Cut per unit product"),
            formula: LocalizedText(
              vi: "tiết kiệm / mức nền × 100 (sản lượng không đổi)", en: "saving / baseline × 100 (production unchanged)"),
            inputs: [ExplainInput("saving", saving.value, unit, source: p + ".plannedSaving"),
                     ExplainInput("baseline", base.value, unit, source: p + ".baseline")])))
    }
    var targets: [PolicyTargetResult] = []
    for t in c.f.policyTargets {
      ledger.name("policy.targets", id: t.id, name: t.name.en)
      var gaps: [PolicyGap] = []
      for (key, name, _, _, _, _) in rows {
        let pct = percents[key] ?? Val(nil)
        let p = "policy.targets[\(t.id)].gaps[\(key)]"
        ledger.name("policy.targets[\(t.id)].gaps", id: key, name: name.en)
        let fac = [ExplainFactor("band", t.lowPercent, "%", source: t.source, year: t.byYear),
                   ExplainFactor("band high", t.highPercent, "%", source: t.source, year: t.byYear)]
        let ins = [ExplainInput("planned", pct.value, "%", source: "policy.baselines[\(key)].plannedPercent")]
        let lo = ledger.figure(p + ".gapToLow", pct.map { max(0, t.lowPercent - $0) }, "%",
          label: LocalizedText(vi: "Còn thiếu tới mức thấp — \(t.name.vi), \(name.vi)", en: "Gap to low end — \(t.name.en), \(name.en)"),
          formula: LocalizedText(vi: "max(0, mức thấp − % kế hoạch)", en: "max(0, low end − planned %)"), inputs: ins, factors: fac)
        let hi = ledger.figure(p + ".gapToHigh", pct.map { max(0, t.highPercent - $0) }, "%",
          label: LocalizedText(vi: "Còn thiếu tới mức cao — \(t.name.vi), \(name.vi)", en: "Gap to high end — \(t.name.en), \(name.en)"),
          formula: LocalizedText(vi: "max(0, mức cao − % kế hoạch)", en: "max(0, high end − planned %)"), inputs: ins, factors: fac)
        gaps.append(
          PolicyGap(
            resource: key, gapToLow: lo, gapToHigh: hi, meetsLow: (pct.value ?? -1) >= t.lowPercent,
            meetsHigh: (pct.value ?? -1) >= t.highPercent))
      }
      targets.append(
        PolicyTargetResult(
          id: t.id, name: t.name, lowPercent: t.lowPercent, highPercent: t.highPercent, byYear: t.byYear, source: t.source, gaps: gaps))
    }
    return PolicyResults(baselines: baselines, targets: targets)
  }
}
