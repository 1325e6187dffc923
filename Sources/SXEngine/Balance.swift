import Foundation
import SXCore

/// Running sums of one balance (a step or the plant).
struct BalanceSums {
  var massIn = Val.sum
  var massOut = Val.sum
  var stock = Val.sum
  var waterIn = Val.sum
  var waterOut = Val.sum
  var energyIn = Val.sum
  var energyOut = Val.sum
  var outputCount = 0
  var inputs: [ExplainInput] = []
  var outputs: [ExplainInput] = []
  var energyNotes: [ExplainInput] = []
  /// Flows whose mass is unknown, by direction (name), in order.
  var unknownIn: [String] = []
  var unknownOut: [String] = []
  var inKinds = Set<FlowKind>()
  var outKinds = Set<FlowKind>()
}

/// Per-step mass inputs and the names the other areas need.
struct BalanceOutcome {
  var results: BalanceResults
  /// Σ inputs by mass per step, kg (only known parts).
  var stepMassIn: [String: Double]
}

enum BalanceArea {
  static let unitKg = "kg"

  static func compute(_ c: Context, flowEnergy: [Int: EnergyAmount], ledger: inout Ledger) -> BalanceOutcome {
    let threshold = c.a.header.settings.imbalanceThreshold
    var steps: [MassBalance] = []
    var plant = BalanceSums()
    var stepMassIn: [String: Double] = [:]
    var worst: (step: String, unaccounted: Double, missing: LocalizedText?)?
    for step in c.a.steps {
      var s = BalanceSums()
      let name = step.name.isEmpty ? step.id : step.name
      for i in c.flowsByStep[step.id] ?? [] {
        let fl = c.a.flows[i]
        let isIn = fl.direction == .input
        let fname = fl.name.isEmpty ? fl.id : fl.name
        let source = src("flows", fl.id, fl.dataSource)
        if isIn { s.inKinds.insert(fl.kind) } else { s.outKinds.insert(fl.kind); s.outputCount += 1 }
        // Energy and heat are balanced apart from mass.
        let energyDim = fl.quantity.flatMap { c.dimension($0) } == .energy
        if fl.kind == .energy || fl.kind == .heat || (fl.kind == .unaccountedLoss && energyDim) {
          let gj: Val
          if let e = flowEnergy[i] {
            gj = e.gj
          } else if let q = fl.quantity, energyDim {
            gj = Val(q.si / 1e9)
          } else if fl.quantity != nil, fl.carrierId == nil {
            // A secondary utility (steam in t, compressed air in Nm³) made by another step: it is not converted
            // (its producer's fuel is counted there); listed in the explanation only.
            s.energyNotes.append(ExplainInput(fname + " (không quy đổi/not converted)", fl.quantity?.value, fl.quantity?.unit ?? "", source: source))
            continue
          } else {
            gj = .missing(fl.quantity == nil ? Reason.missingQuantity(fname) : Reason.unknownUnit(fname, fl.quantity?.unit ?? ""))
          }
          if isIn { s.energyIn.add(gj) } else { s.energyOut.add(gj) }
          s.energyNotes.append(ExplainInput(fname, gj.value, "GJ", source: source))
          continue
        }
        let m = c.massKg(fl.quantity, kind: fl.kind, name: fname)
        let item = ExplainInput(fname, m.value, unitKg, source: source)
        if isIn {
          s.massIn.add(m)
          s.inputs.append(item)
          if m.value == nil { s.unknownIn.append(fname) }
        } else {
          s.massOut.add(m)
          s.outputs.append(item)
          if m.value == nil { s.unknownOut.append(fname) }
        }
        if fl.kind == .water || fl.kind == .wastewater {
          let w = c.waterM3(fl.quantity, name: fname)
          if isIn { s.waterIn.add(w) } else { s.waterOut.add(w) }
        }
      }
      if let sc = step.stockChange {
        if c.dimension(sc) == .mass { s.stock = Val(sc.si) } else { s.stock = .missing(Reason.notMass(name, sc.unit)) }
      }
      if s.outputCount == 0 { s.massOut = .missing(Reason.noOutputs(name)) }
      let mb = make("balance.steps[\(step.id)]", id: step.id, name: name, s, threshold: threshold, ledger: &ledger)
      ledger.name("balance.steps", id: step.id, name: step.name)
      stepMassIn[step.id] = s.massIn.value ?? 0
      if let u = mb.unaccounted.value, worst.map({ abs(u) > abs($0.unaccounted) }) ?? true {
        worst = (name, u, mb.biggestMissing)
      }
      steps.append(mb)
      plant.massIn.add(s.massIn)
      plant.massOut.add(s.massOut)
      plant.stock.add(s.stock)
      plant.waterIn.add(s.waterIn)
      plant.waterOut.add(s.waterOut)
      plant.energyIn.add(s.energyIn)
      plant.energyOut.add(s.energyOut)
      plant.outputCount += s.outputCount
      plant.inputs.append(ExplainInput(name, s.massIn.value, unitKg, source: "balance.steps[\(step.id)].massIn"))
      plant.outputs.append(ExplainInput(name, s.massOut.value, unitKg, source: "balance.steps[\(step.id)].massOut"))
    }
    if c.a.steps.isEmpty { plant.massIn = .missing(Reason.noData) }
    var p = make("balance.plant", id: "plant", name: "plant", plant, threshold: threshold, ledger: &ledger)
    if p.flagged, let w = worst {
      p.biggestMissing = LocalizedText(
        vi: "công đoạn «\(w.step)»: " + (w.missing?.vi ?? "chênh lệch lớn nhất"),
        en: "step «\(w.step)»: " + (w.missing?.en ?? "largest imbalance"))
    }
    return BalanceOutcome(
      results: BalanceResults(thresholdPercent: threshold * 100, steps: steps, plant: p), stepMassIn: stepMassIn)
  }

  static func make(
    _ base: String, id: String, name: String, _ s: BalanceSums, threshold: Double, ledger: inout Ledger
  ) -> MassBalance {
    let l = { (vi: String, en: String) in LocalizedText(vi: "\(vi) — \(name)", en: "\(en) — \(name)") }
    let massIn = ledger.figure(
      base + ".massIn", s.massIn, unitKg, label: l("Tổng đầu vào (khối lượng)", "Total inputs (mass)"),
      formula: LocalizedText(
        vi: "Σ khối lượng các dòng vào (nước quy đổi 1 m³ = 1000 kg; năng lượng/nhiệt không tính)",
        en: "Σ mass of input flows (water at 1 m³ = 1000 kg; energy and heat excluded)"), inputs: s.inputs.capped())
    let massOut = ledger.figure(
      base + ".massOut", s.massOut, unitKg, label: l("Tổng đầu ra (khối lượng)", "Total outputs (mass)"),
      formula: LocalizedText(vi: "Σ khối lượng các dòng ra", en: "Σ mass of output flows"), inputs: s.outputs.capped())
    let stock = ledger.figure(
      base + ".stockChange", s.stock, unitKg, label: l("Thay đổi tồn kho", "Stock change"),
      formula: LocalizedText(vi: "tăng tồn kho trong kỳ (W6)", en: "increase of stock over the period (W6)"))
    var unacc = s.massIn
    unacc.value = nil
    if let i = s.massIn.value, let o = s.massOut.value, let k = s.stock.value { unacc.value = i - o - k }
    unacc.reasons = s.massIn.reasons + s.massOut.reasons + s.stock.reasons
    let ioInputs = [
      ExplainInput("vào/in", s.massIn.value, unitKg, source: base + ".massIn"),
      ExplainInput("ra/out", s.massOut.value, unitKg, source: base + ".massOut"),
      ExplainInput("tồn kho/stock", s.stock.value, unitKg, source: base + ".stockChange"),
    ]
    let unaccounted = ledger.figure(
      base + ".unaccounted", unacc, unitKg, label: l("Chênh lệch chưa giải thích", "Unaccounted"),
      formula: LocalizedText(vi: "vào − ra − thay đổi tồn kho", en: "in − out − stock change"), inputs: ioInputs)
    var closureV = Val(nil, unacc.reasons)
    if let i = s.massIn.value, let o = s.massOut.value, let k = s.stock.value {
      closureV = i > 0 ? Val((o + k) / i * 100, unacc.reasons) : Val(nil, unacc.reasons + [Reason.noInputs(name)])
    }
    let closure = ledger.figure(
      base + ".closurePercent", closureV, "%", label: l("Độ khép cân bằng", "Balance closure"),
      formula: LocalizedText(vi: "(ra + thay đổi tồn kho) / vào × 100", en: "(out + stock change) / in × 100"),
      inputs: ioInputs)
    var flagged = false
    var missing: LocalizedText?
    if let u = unacc.value, let i = s.massIn.value, i > 0, abs(u) / i > threshold {
      flagged = true
      missing = biggestMissing(s, unaccounted: u)
    }
    ledger.flag(
      base + ".flagged", flagged, label: l("Cờ mất cân bằng", "Imbalance flag"),
      formula: LocalizedText(
        vi: "|chênh lệch| / vào > ngưỡng (\(threshold * 100) %); dòng thiếu lớn nhất: \(missing?.vi ?? "—")",
        en: "|unaccounted| / in > threshold (\(threshold * 100) %); biggest missing stream: \(missing?.en ?? "—")"),
      inputs: [
        ExplainInput("chênh lệch/unaccounted", unacc.value, unitKg, source: base + ".unaccounted"),
        ExplainInput("vào/in", s.massIn.value, unitKg, source: base + ".massIn"),
      ],
      factors: [ExplainFactor("ngưỡng/threshold", threshold, "1", source: "header.settings.imbalanceThreshold")])
    let waterIn = ledger.figure(
      base + ".waterIn", s.waterIn, "m³", label: l("Nước vào", "Water in"),
      formula: LocalizedText(vi: "Σ thể tích dòng nước vào", en: "Σ volume of water input flows"))
    let waterOut = ledger.figure(
      base + ".waterOut", s.waterOut, "m³", label: l("Nước ra (nước thải)", "Water out (wastewater)"),
      formula: LocalizedText(vi: "Σ thể tích dòng nước thải ra", en: "Σ volume of wastewater output flows"))
    let energyIn = ledger.figure(
      base + ".energyIn", s.energyIn, "GJ", label: l("Năng lượng vào", "Energy in"),
      formula: LocalizedText(
        vi: "Σ năng lượng vật lý các dòng năng lượng vào (cân bằng riêng, không trộn với khối lượng)",
        en: "Σ physical energy of energy input flows (balanced apart from mass)"), inputs: s.energyNotes.capped())
    let energyOut = ledger.figure(
      base + ".energyOut", s.energyOut, "GJ", label: l("Năng lượng/nhiệt ra", "Energy/heat out"),
      formula: LocalizedText(vi: "Σ dòng nhiệt/năng lượng ra", en: "Σ heat/energy output flows"), inputs: s.energyNotes.capped())
    return MassBalance(
      id: id, name: name, massIn: massIn, massOut: massOut, stockChange: stock, unaccounted: unaccounted,
      closurePercent: closure, flagged: flagged, biggestMissing: missing, waterIn: waterIn, waterOut: waterOut,
      energyIn: energyIn, energyOut: energyOut)
  }

  /// Names the stream most likely missing from an imbalance `u` = in − out − stock.
  static func biggestMissing(_ s: BalanceSums, unaccounted u: Double) -> LocalizedText {
    // Sizes shown in t above 1 000 kg.
    let big = abs(u) >= 1_000
    let kg = NumberFormat.auto(big ? abs(u) / 1000 : abs(u), .vi) + (big ? " t" : " kg")
    let kgEn = NumberFormat.auto(big ? abs(u) / 1000 : abs(u), .en) + (big ? " t" : " kg")
    if u > 0 {
      if let n = s.unknownOut.first {
        return LocalizedText(vi: "«\(n)» (chưa có khối lượng, ~\(kg))", en: "«\(n)» (no mass, ~\(kgEn))")
      }
      if s.inKinds.contains(.water), !s.outKinds.contains(.wastewater), !s.outKinds.contains(.airEmission) {
        return LocalizedText(
          vi: "nước thải/bay hơi chưa ghi nhận (~\(kg))", en: "unrecorded wastewater/evaporation (~\(kgEn))")
      }
      if !s.inKinds.isDisjoint(with: [.rawMaterial, .packaging]), s.outKinds.isDisjoint(with: [.solidWaste, .hazardousWaste]) {
        return LocalizedText(vi: "chất thải rắn chưa ghi nhận (~\(kg))", en: "unrecorded solid waste (~\(kgEn))")
      }
      return LocalizedText(vi: "dòng ra chưa ghi nhận (~\(kg))", en: "unrecorded output (~\(kgEn))")
    }
    if let n = s.unknownIn.first {
      return LocalizedText(vi: "«\(n)» (chưa có khối lượng, ~\(kg))", en: "«\(n)» (no mass, ~\(kgEn))")
    }
    return LocalizedText(vi: "đầu vào chưa ghi nhận (~\(kg))", en: "unrecorded input (~\(kgEn))")
  }
}
