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
    _ c: Context, stepMassIn: [String: Double], utilitySteps: Set<String> = [], energy: EnergyOutcome, ledger: inout Ledger
  ) -> WasteCostResults {
    let settings = c.a.header.settings
    // Default material prices per step: water-like (water, chemicals) and material-like inputs.
    // By the step's index (`FlowFacts.step`, the first step of its id); flows of an unknown step by the id typed.
    var waterPriceAt = Array(repeating: PriceAcc(), count: c.a.steps.count)
    var materialPriceAt = Array(repeating: PriceAcc(), count: c.a.steps.count)
    var waterPriceOther: [String: PriceAcc] = [:]
    var materialPriceOther: [String: PriceAcc] = [:]
    for i in c.a.flows.indices where c.a.flows[i].direction == .input {
      let kind = c.a.flows[i].kind
      let waterLike = kind == .water || kind == .chemical
      let materialLike = kind == .rawMaterial || kind == .chemical || kind == .packaging
      guard waterLike || materialLike, let m = c.facts[i].kg, m > 0 else { continue }
      let price = c.a.flows[i].unitPrice ?? c.a.flows[i].materialId.flatMap { c.materialById[$0]?.unitPrice }
      guard let cost = c.costValue(c.a.flows[i].quantity, price, waterLike: kind == .water, dim: .some(c.facts[i].dim)) else { continue }
      let st = c.facts[i].step
      if st >= 0 {
        if waterLike { waterPriceAt[st].cost += cost; waterPriceAt[st].mass += m }
        if materialLike { materialPriceAt[st].cost += cost; materialPriceAt[st].mass += m }
      } else {
        let stepId = c.a.flows[i].stepId
        if waterLike { waterPriceOther[stepId, default: PriceAcc()].cost += cost; waterPriceOther[stepId, default: PriceAcc()].mass += m }
        if materialLike {
          materialPriceOther[stepId, default: PriceAcc()].cost += cost
          materialPriceOther[stepId, default: PriceAcc()].mass += m
        }
      }
    }
    /// The average input price of a step (nil when none of its inputs is priced), as a dictionary by step id gave it.
    func averagePrice(_ sid: String, water: Bool) -> Double? {
      if let k = c.stepIndex[sid] { return (water ? waterPriceAt[k] : materialPriceAt[k]).perKg }
      return (water ? waterPriceOther[sid] : materialPriceOther[sid])?.perKg
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
    // Energy price per GJ: of each step's energy supply, else the plant's thermal (fuel) energy.
    let thermalGJ = energy.carrierAmounts.reduce(0.0) { $0 + ($1.1.isElectricity ? 0 : $1.1.gj.value ?? 0) }
    let thermalCost = energy.carrierAmounts.reduce(0.0) { $0 + ($1.1.isElectricity ? 0 : $1.1.cost.value ?? 0) }
    let plantThermalPerGJ: Double? = thermalGJ > 0 && thermalCost > 0 ? thermalCost / thermalGJ : nil
    for w in c.a.wasteStreams {
      let name = w.name.isEmpty ? w.id : w.name
      let base = "wasteCost.streams[\(w.id)]"
      ledger.name("wasteCost.streams", id: w.id, name: w.name)
      let flowIndex = w.flowId.flatMap { c.streamFlowById[$0] }
      let stepId = w.sourceStepId ?? flowIndex.map { c.a.flows[$0].stepId }
      let q = w.quantity ?? flowIndex.flatMap { c.a.flows[$0].quantity }
      let isWater = w.kind == .wastewater
      let qIn = input(name, q, source: src("wasteStreams", w.id, w.dataSource))
      let wsSrc = src("wasteStreams", w.id)
      let stepIn: Double? = stepId.flatMap { stepMassIn[$0] }
      // An energy stream (heat, or an amount in energy units, e.g. steam leaks in GJ) has no mass: it is valued at an
      // energy price and takes no mass share of the step's energy and system costs.
      let qDim = q.flatMap { c.dimension($0) }
      let isEnergy = w.kind == .heat || qDim == .energy
      let mass: Val
      var material: Val
      var energyC: Val
      var systemC: Val
      var matInputs: [ExplainInput] = [qIn]
      var energyInputs: [ExplainInput] = []
      var energyFactors: [ExplainFactor] = []
      var systemInputs: [ExplainInput] = []
      var energyFormula = LocalizedText(vi: "chi phí năng lượng công đoạn × m / m_vào", en: "step energy cost × m / m_in")
      var systemFormula = LocalizedText(vi: "chi phí hệ thống công đoạn × m / m_vào", en: "step system cost × m / m_in")
      if isEnergy {
        mass = Val(0)
        material = Val(0)
        let gj: Val = q.map { qq in qDim == .energy ? Val(qq.si / 1e9) : .missing(Reason.unknownUnit(name, qq.unit)) }
          ?? .missing(Reason.noStreamMass(name))
        // Price: the stream's own value per energy unit, else the step's energy cost per GJ, else the plant's fuels.
        var perGJ: Val
        var priceSource: String
        if let p = w.materialValue, let pr = c.price(p, name: name), pr.dimension == .energy {
          perGJ = Val(pr.vndPerSI * 1e9)
          priceSource = wsSrc + ".materialValue"
        } else if let sid = stepId, let e = energy.stepAmounts[sid], let cst = e.cost.value, let g = e.gj.value, g > 0, cst > 0 {
          perGJ = Val(cst / g)
          priceSource = "energy.steps[\(sid)].cost / energy.steps[\(sid)].gj"
        } else if let p = plantThermalPerGJ {
          perGJ = Val(p)
          priceSource = "energy.total (Σ chi phí nhiên liệu / Σ GJ nhiên liệu; fuel cost / fuel GJ)"
        } else {
          perGJ = .missing(Reason.missingPrice(name))
          priceSource = "—"
        }
        energyC = Val(nil, gj.reasons + perGJ.reasons)
        if let g = gj.value, let p = perGJ.value { energyC.value = g * p }
        systemC = Val(0)
        energyInputs = [ExplainInput("GJ", gj.value, "GJ", source: wsSrc + ".quantity")]
        energyFactors = [ExplainFactor("giá năng lượng/energy price", perGJ.value ?? 0, "VND/GJ", source: priceSource)]
        energyFormula = LocalizedText(
          vi: "dòng năng lượng (nhiệt, hơi tính bằng GJ): GJ × giá năng lượng (giá riêng của dòng, nếu không: chi phí năng lượng / GJ "
            + "của công đoạn, nếu không: chi phí / GJ nhiên liệu của nhà máy)",
          en: "energy stream (heat, steam in GJ): GJ × energy price (the stream's own value, else the step's energy cost per GJ, "
            + "else the plant's fuel cost per GJ)")
        systemFormula = LocalizedText(
          vi: "dòng năng lượng không có khối lượng nên không nhận phần chi phí hệ thống (= 0)",
          en: "an energy stream has no mass, so it takes no share of the system cost (= 0)")
      } else {
        mass = q == nil ? Val.missing(Reason.noStreamMass(name)) : c.massKg(q, kind: w.kind, name: name)
        if let p = w.materialValue {
          material = c.cost(q, p, name: name, waterLike: isWater)
          matInputs.append(ExplainInput("giá trị/value", p.amount.value, EnergyArea.price(p), source: wsSrc + ".materialValue"))
        } else if let sid = stepId, let p = averagePrice(sid, water: isWater) {
          material = mass.map { $0 * p }
          matInputs.append(ExplainInput("giá bình quân đầu vào/average input price", p, "VND/kg", source: src("steps", sid)))
        } else {
          material = Val(nil, mass.reasons + [Reason.missingPrice(name)])
        }
        if let sid = stepId, let step = c.stepById[sid] {
          // Share of the step: by mass input; in a utility step (its mass balance lacks intake/combustion air) by the
          // stream's share of the step's outputs in the same unit dimension (e.g. leaked Nm³ / all Nm³ out).
          var share: Val
          var shareIn: [ExplainInput]
          if utilitySteps.contains(sid), let qq = q, let d = qDim {
            var outSI = 0.0
            for i in c.flowsByStep[sid] ?? [] where c.a.flows[i].direction == .output && c.facts[i].dim == d {
              outSI += c.a.flows[i].quantity?.si ?? 0
            }
            share = outSI > 0 ? Val(min(1, qq.si / outSI)) : .missing(Reason.stepNoMassIn(c.stepName(sid)))
            shareIn = [ExplainInput("q", qq.value, qq.unit, source: wsSrc),
                       ExplainInput("Σ q_ra/out", c.units.unit(qq.unit).map { outSI / $0.toSI(1) }, qq.unit, source: "flows (\(sid))")]
            energyFormula = LocalizedText(
              vi: "công đoạn phụ trợ: chi phí năng lượng công đoạn × q / Σ đầu ra cùng đơn vị", en: "utility step: step energy cost × q / Σ outputs in the same unit")
            systemFormula = LocalizedText(
              vi: "công đoạn phụ trợ: chi phí hệ thống công đoạn × q / Σ đầu ra cùng đơn vị", en: "utility step: step system cost × q / Σ outputs in the same unit")
          } else {
            share = mass.divided(by: Val(stepMassIn[sid] ?? 0), zeroReason: Reason.stepNoMassIn(c.stepName(sid)))
            shareIn = [
              ExplainInput("m", mass.value, "kg", source: base + ".mass"),
              ExplainInput("m_in", stepIn, "kg", source: "balance.steps[\(sid)].massIn"),
            ]
          }
          let stepEnergy = energy.stepAmounts[sid]?.cost ?? Val(0)
          let (stepSystem, sysSource) = systemCost(step)
          energyC = Val(nil, share.reasons + stepEnergy.reasons)
          if let sh = share.value, let e = stepEnergy.value { energyC.value = sh * e }
          systemC = Val(nil, share.reasons + stepSystem.reasons)
          if let sh = share.value, let sy = stepSystem.value { systemC.value = sh * sy }
          energyInputs = shareIn + [ExplainInput("E", stepEnergy.value, "VND", source: "energy.steps[\(sid)].cost")]
          systemInputs = shareIn + [ExplainInput("S", stepSystem.value, "VND", source: sysSource)]
        } else {
          energyC = .missing(Reason.noStreamStep(name))
          systemC = .missing(Reason.noStreamStep(name))
          let shareIn = [ExplainInput("m", mass.value, "kg", source: base + ".mass"), ExplainInput("m_in", nil, "kg", source: "")]
          energyInputs = shareIn + [ExplainInput("E", nil, "VND", source: "")]
          systemInputs = shareIn + [ExplainInput("S", nil, "VND", source: "—")]
        }
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
      let l = { @Sendable (vi: String, en: String) in LocalizedText(vi: "\(vi) — \(name)", en: "\(en) — \(name)") }
      let (mIns, eIns, eFac, sIns, wFac, eForm, sForm) = (matInputs, energyInputs, energyFactors, systemInputs, wmFactors, energyFormula, systemFormula)
      let (vMat, vEn, vSys, vWm, disposal) = (material.value, energyC.value, systemC.value, wm.value, w.disposalCost?.si)
      let energyStream = isEnergy
      let sc = StreamCost(
        id: w.id, name: name, stepId: stepId,
        mass: ledger.figure(base + ".mass", mass, "kg", label: l("Khối lượng dòng thải", "Waste stream mass"),
          formula: energyStream
            ? LocalizedText(vi: "dòng năng lượng (nhiệt, GJ): không có khối lượng (= 0)", en: "energy stream (heat, GJ): no mass (= 0)")
            : LocalizedText(vi: "khối lượng dòng thải (hoặc của dòng ra gắn kèm)", en: "stream mass (or its linked output flow)"),
          inputs: [qIn],
          factors: !energyStream && q.map { $0.unit == Context.normalCubicMetre || c.unit($0.unit)?.symbol == Context.normalCubicMetre } == true
            && Context.gasKinds.contains(w.kind) ? [c.gasDensityFactor] : []),
        material: ledger.figure(base + ".material", material, "VND", label: l("Giá trị vật liệu mất", "Material value lost"),
          formula: energyStream
            ? LocalizedText(vi: "dòng năng lượng: không có vật liệu (= 0); giá trị tính ở chi phí năng lượng", en: "energy stream: no material (= 0); valued as energy cost")
            : LocalizedText(
              vi: "m × giá (giá riêng của dòng, nếu không: giá bình quân theo khối lượng của đầu vào công đoạn)",
              en: "m × price (the stream's own value, else the step's mass-weighted average input price)"),
          inputs: mIns),
        energy: ledger.figure(base + ".energy", energyC, "VND", label: l("Chi phí năng lượng phân bổ", "Allocated energy cost"),
          formula: eForm, inputs: eIns, factors: eFac),
        system: ledger.figure(base + ".system", systemC, "VND", label: l("Chi phí hệ thống phân bổ", "Allocated system cost"),
          formula: sForm, inputs: sIns),
        wasteManagement: ledger.figure(base + ".wasteManagement", wm, "VND", label: l("Chi phí quản lý chất thải", "Waste management cost"),
          formula: LocalizedText(
            vi: "phí xử lý/thải bỏ (W8); nước thải không có phí riêng: m³ × phí nước thải; trống = 0",
            en: "disposal/treatment fee (W8); wastewater without one: m³ × wastewater charge; empty = 0"),
          inputs: [ExplainInput("phí/fee", disposal, "VND", source: wsSrc + ".disposalCost")],
          factors: wFac),
        total: ledger.figure(base + ".total", total, "VND", label: l("Tổng chi phí dòng thải", "Waste stream total cost"),
          formula: LocalizedText(vi: "vật liệu + năng lượng + hệ thống + quản lý chất thải", en: "material + energy + system + waste management"),
          inputs: [
            ExplainInput("C_mat", vMat, "VND", source: base + ".material"),
            ExplainInput("C_energy", vEn, "VND", source: base + ".energy"),
            ExplainInput("C_system", vSys, "VND", source: base + ".system"),
            ExplainInput("C_wm", vWm, "VND", source: base + ".wasteManagement"),
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
      func f(_ k: String, _ v: Val, _ vi: String, _ en: String, _ pick: @escaping @Sendable (StreamCost) -> Figure) -> Figure {
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
    let allStreams = streams
    let total = ledger.figure(
      "wasteCost.total", grand, "VND", label: LocalizedText(vi: "Tổng chi phí các dòng thải", en: "Total cost of waste streams"),
      formula: LocalizedText(vi: "Σ tổng chi phí các dòng thải", en: "Σ waste stream totals"),
      inputs: allStreams.map { ExplainInput($0.name, $0.total.value, "VND", source: $0.total.path) }.capped())
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
