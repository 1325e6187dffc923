import Foundation
import SXCore

/// Material flow cost accounting (ISO 14051) of the waste streams, domain.md §5.4:
/// C_mat = m × p; C_energy = E_step × m / m_in,step; C_system = S_step × m / m_in,step; C_wm = disposal/treatment.
enum WasteCostArea {
  /// Mass-weighted average input price of a step for one class of inputs.
  struct PriceAcc {
    var cost = 0.0
    var mass = 0.0
    var perKg: Double? { mass > 0 ? cost / mass : nil }
  }

  static func compute(
    _ c: Context, stepMassIn: [String: Double], energy: EnergyOutcome, ledger: inout Ledger
  ) -> WasteCostResults {
    let settings = c.a.header.settings
    // Default material prices per step: water-like (water, chemicals) and material-like inputs.
    var waterPrice: [String: PriceAcc] = [:]
    var materialPrice: [String: PriceAcc] = [:]
    for fl in c.a.flows where fl.direction == .input {
      let waterLike = fl.kind == .water || fl.kind == .chemical
      let materialLike = fl.kind == .rawMaterial || fl.kind == .chemical || fl.kind == .packaging
      guard waterLike || materialLike else { continue }
      let name = fl.name.isEmpty ? fl.id : fl.name
      guard let m = c.massKg(fl.quantity, kind: fl.kind, name: name).value, m > 0,
        let cost = c.cost(fl.quantity, c.flowPrice(fl), name: name, waterLike: fl.kind == .water).value
      else { continue }
      if waterLike { waterPrice[fl.stepId, default: PriceAcc()].cost += cost; waterPrice[fl.stepId, default: PriceAcc()].mass += m }
      if materialLike {
        materialPrice[fl.stepId, default: PriceAcc()].cost += cost
        materialPrice[fl.stepId, default: PriceAcc()].mass += m
      }
    }
    // System cost per step: its own, else the plant's system cost shared by mass input among the other steps.
    var sharedMass = 0.0
    for s in c.a.steps where s.systemCost == nil { sharedMass += stepMassIn[s.id] ?? 0 }
    func systemCost(_ s: ProcessStep) -> (Val, String) {
      if let own = s.systemCost { return (Val(own.si), src("steps", s.id) + ".systemCost") }
      guard let plant = settings.systemCost else { return (Val(0), "—") }
      guard sharedMass > 0 else { return (Val(nil, [Reason.zeroBase]), "header.settings.systemCost") }
      return (Val(plant.si * (stepMassIn[s.id] ?? 0) / sharedMass), "header.settings.systemCost × m_in/Σ m_in")
    }

    var streams: [StreamCost] = []
    var stepSums: [String: (mat: Val, en: Val, sys: Val, wm: Val, tot: Val)] = [:]
    var grand = Val.sum
    for w in c.a.wasteStreams {
      let name = w.name.isEmpty ? w.id : w.name
      let base = "wasteCost.streams[\(w.id)]"
      ledger.name("wasteCost.streams", id: w.id, name: w.name)
      let flow = w.flowId.flatMap { c.flowById[$0] }.map { c.a.flows[$0] }
      let stepId = w.sourceStepId ?? flow?.stepId
      let q = w.quantity ?? flow?.quantity
      let isWater = w.kind == .wastewater
      let mass = q == nil ? Val.missing(Reason.noStreamMass(name)) : c.massKg(q, kind: w.kind, name: name)
      let qIn = input(name, q, source: src("wasteStreams", w.id, w.dataSource))
      // Material value lost.
      var material: Val
      var matInputs = [qIn]
      if let p = w.materialValue {
        material = c.cost(q, p, name: name, waterLike: isWater)
        matInputs.append(ExplainInput("giá trị/value", p.amount.value, EnergyArea.price(p), source: src("wasteStreams", w.id) + ".materialValue"))
      } else if let sid = stepId, let p = (isWater ? waterPrice[sid] : materialPrice[sid])?.perKg {
        material = mass.map { $0 * p }
        matInputs.append(ExplainInput("giá bình quân đầu vào/average input price", p, "VND/kg", source: src("steps", sid)))
      } else {
        material = Val(nil, mass.reasons + [Reason.missingPrice(name)])
      }
      // Energy and system cost by mass share of the step.
      var energyC = Val(nil)
      var systemC = Val(nil)
      var sysSource = "—"
      var share = Val(nil)
      var stepEnergy = Val.sum
      var stepSystem = Val.sum
      if let sid = stepId, let step = c.stepById[sid] {
        let mIn = stepMassIn[sid] ?? 0
        share = mass.divided(by: Val(mIn), zeroReason: Reason.stepNoMassIn(c.stepName(sid)))
        stepEnergy = energy.stepAmounts[sid]?.cost ?? Val(0)
        (stepSystem, sysSource) = systemCost(step)
        energyC = Val(nil, share.reasons + stepEnergy.reasons)
        if let sh = share.value, let e = stepEnergy.value { energyC.value = sh * e }
        systemC = Val(nil, share.reasons + stepSystem.reasons)
        if let sh = share.value, let sy = stepSystem.value { systemC.value = sh * sy }
      } else {
        energyC = .missing(Reason.noStreamStep(name))
        systemC = .missing(Reason.noStreamStep(name))
      }
      // Waste management: disposal/treatment cost; wastewater without one pays the wastewater charge.
      var wm = Val.sum
      var wmFactors: [ExplainFactor] = []
      if let d = w.disposalCost {
        wm = Val(d.si)
      } else if isWater, let p = settings.wastewaterCharge, let pr = c.price(p, name: name), pr.dimension == .volume {
        wm = c.waterM3(q, name: name).map { $0 * pr.vndPerSI }
        wmFactors = [ExplainFactor("phí nước thải/wastewater charge", pr.vndPerSI, "VND/m³", source: "header.settings.wastewaterCharge")]
      }
      var total = Val.sum
      total.add(material); total.add(energyC); total.add(systemC); total.add(wm)
      if material.value == nil && energyC.value == nil && systemC.value == nil { total.value = wm.value.flatMap { $0 > 0 ? $0 : nil } }
      let shareIn = [
        ExplainInput("m", mass.value, "kg", source: base + ".mass"),
        ExplainInput("m_in", stepId.flatMap { stepMassIn[$0] }, "kg", source: stepId.map { "balance.steps[\($0)].massIn" } ?? ""),
      ]
      let l = { (vi: String, en: String) in LocalizedText(vi: "\(vi) — \(name)", en: "\(en) — \(name)") }
      let sc = StreamCost(
        id: w.id, name: name, stepId: stepId,
        mass: ledger.figure(base + ".mass", mass, "kg", label: l("Khối lượng dòng thải", "Waste stream mass"),
          formula: LocalizedText(vi: "khối lượng dòng thải (hoặc của dòng ra gắn kèm)", en: "stream mass (or its linked output flow)"),
          inputs: [qIn]),
        material: ledger.figure(base + ".material", material, "VND", label: l("Giá trị vật liệu mất", "Material value lost"),
          formula: LocalizedText(
            vi: "m × giá (giá riêng của dòng, nếu không: giá bình quân theo khối lượng của đầu vào công đoạn)",
            en: "m × price (the stream's own value, else the step's mass-weighted average input price)"),
          inputs: matInputs),
        energy: ledger.figure(base + ".energy", energyC, "VND", label: l("Chi phí năng lượng phân bổ", "Allocated energy cost"),
          formula: LocalizedText(vi: "chi phí năng lượng công đoạn × m / m_vào", en: "step energy cost × m / m_in"),
          inputs: shareIn + [ExplainInput("E", stepEnergy.value, "VND", source: stepId.map { "energy.steps[\($0)].cost" } ?? "")]),
        system: ledger.figure(base + ".system", systemC, "VND", label: l("Chi phí hệ thống phân bổ", "Allocated system cost"),
          formula: LocalizedText(vi: "chi phí hệ thống công đoạn × m / m_vào", en: "step system cost × m / m_in"),
          inputs: shareIn + [ExplainInput("S", stepSystem.value, "VND", source: sysSource)]),
        wasteManagement: ledger.figure(base + ".wasteManagement", wm, "VND", label: l("Chi phí quản lý chất thải", "Waste management cost"),
          formula: LocalizedText(
            vi: "phí xử lý/thải bỏ (W8); nước thải không có phí riêng: m³ × phí nước thải; trống = 0",
            en: "disposal/treatment fee (W8); wastewater without one: m³ × wastewater charge; empty = 0"),
          inputs: [ExplainInput("phí/fee", w.disposalCost?.si, "VND", source: src("wasteStreams", w.id) + ".disposalCost")],
          factors: wmFactors),
        total: ledger.figure(base + ".total", total, "VND", label: l("Tổng chi phí dòng thải", "Waste stream total cost"),
          formula: LocalizedText(vi: "vật liệu + năng lượng + hệ thống + quản lý chất thải", en: "material + energy + system + waste management"),
          inputs: [
            ExplainInput("C_mat", material.value, "VND", source: base + ".material"),
            ExplainInput("C_energy", energyC.value, "VND", source: base + ".energy"),
            ExplainInput("C_system", systemC.value, "VND", source: base + ".system"),
            ExplainInput("C_wm", wm.value, "VND", source: base + ".wasteManagement"),
          ]))
      streams.append(sc)
      grand.add(total)
      let key = stepId ?? ""
      var acc = stepSums[key] ?? (.sum, .sum, .sum, .sum, .sum)
      acc.mat.add(material); acc.en.add(energyC); acc.sys.add(systemC); acc.wm.add(wm); acc.tot.add(total)
      stepSums[key] = acc
    }
    if c.a.wasteStreams.isEmpty { grand = .missing(LocalizedText(vi: "chưa có dòng thải (W8)", en: "no waste streams (W8)")) }

    var streamsByStep: [String: [StreamCost]] = [:]
    for sc in streams { if let sid = sc.stepId { streamsByStep[sid, default: []].append(sc) } }
    var steps: [StepWasteCost] = []
    for s in c.a.steps {
      guard let acc = stepSums[s.id] else { continue }
      let name = c.stepName(s.id)
      let base = "wasteCost.steps[\(s.id)]"
      ledger.name("wasteCost.steps", id: s.id, name: s.name)
      let ins = streamsByStep[s.id] ?? []
      func f(_ k: String, _ v: Val, _ vi: String, _ en: String, _ pick: (StreamCost) -> Figure) -> Figure {
        ledger.figure(base + "." + k, v, "VND", label: LocalizedText(vi: "\(vi) — \(name)", en: "\(en) — \(name)"),
          formula: LocalizedText(vi: "Σ các dòng thải của công đoạn", en: "Σ over the step's waste streams"),
          inputs: ins.map { ExplainInput($0.name, pick($0).value, "VND", source: pick($0).path) })
      }
      steps.append(
        StepWasteCost(
          id: s.id, name: name, material: f("material", acc.mat, "Vật liệu mất", "Material lost", { $0.material }),
          energy: f("energy", acc.en, "Năng lượng", "Energy", { $0.energy }), system: f("system", acc.sys, "Hệ thống", "System", { $0.system }),
          wasteManagement: f("wasteManagement", acc.wm, "Quản lý chất thải", "Waste management", { $0.wasteManagement }),
          total: f("total", acc.tot, "Tổng chi phí dòng thải", "Total waste cost", { $0.total })))
    }
    let total = ledger.figure(
      "wasteCost.total", grand, "VND", label: LocalizedText(vi: "Tổng chi phí các dòng thải", en: "Total cost of waste streams"),
      formula: LocalizedText(vi: "Σ tổng chi phí các dòng thải", en: "Σ waste stream totals"),
      inputs: streams.map { ExplainInput($0.name, $0.total.value, "VND", source: $0.total.path) }.capped())
    return WasteCostResults(streams: streams, steps: steps, total: total, pareto: pareto(streams, ledger: &ledger))
  }

  /// Streams ranked by total cost, with cumulative share and A/B/C class (80 % / 95 %).
  static func pareto(_ streams: [StreamCost], ledger: inout Ledger) -> [ParetoEntry] {
    let ranked = streams.compactMap { s in s.total.value.map { (s, $0) } }
      .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0.id < $1.0.id }
    let sum = ranked.reduce(0) { $0 + $1.1 }
    var cumulative = 0.0
    var out: [ParetoEntry] = []
    for (i, (s, v)) in ranked.enumerated() {
      let before = cumulative
      let base = "wasteCost.pareto[\(s.id)]"
      ledger.name("wasteCost.pareto", id: s.id, name: s.name)
      let share = sum > 0 ? Val(v / sum * 100) : Val(nil, [Reason.zeroBase])
      cumulative += share.value ?? 0
      let cls = before < 80 ? "A" : before < 95 ? "B" : "C"
      let ins = [ExplainInput(s.name, v, "VND", source: s.total.path), ExplainInput("Σ", sum, "VND", source: "wasteCost.total")]
      out.append(
        ParetoEntry(
          rank: i + 1, streamId: s.id, name: s.name, total: s.total,
          sharePercent: ledger.figure(base + ".sharePercent", share, "%", label: LocalizedText(vi: "Tỷ trọng — \(s.name)", en: "Share — \(s.name)"),
            formula: LocalizedText(vi: "chi phí dòng / Σ chi phí × 100", en: "stream cost / Σ cost × 100"), inputs: ins),
          cumulativePercent: ledger.figure(
            base + ".cumulativePercent", share.value == nil ? share : Val(cumulative), "%",
            label: LocalizedText(vi: "Tích lũy — \(s.name)", en: "Cumulative — \(s.name)"),
            formula: LocalizedText(
              vi: "Σ tỷ trọng các dòng xếp trước và dòng này (A ≤ 80 %, B ≤ 95 %, C còn lại)",
              en: "Σ shares of the streams ranked before and this one (A ≤ 80 %, B ≤ 95 %, C the rest)"),
            inputs: ins),
          paretoClass: cls))
    }
    return out
  }
}
