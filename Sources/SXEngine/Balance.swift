import Foundation
import SXCore

/// Running sums of one balance (a step or the plant). Explanation inputs are not collected here: they are rebuilt
/// from the flows when a figure is explained (`BalanceArea.flowInputs`).
struct BalanceSums: Sendable {
  var massIn = Val.sum
  var massOut = Val.sum
  var stock = Val.sum
  var waterIn = Val.sum
  var waterOut = Val.sum
  var energyIn = Val.sum
  var energyOut = Val.sum
  var outputCount = 0
  /// Flows whose mass is unknown, by direction (name), in order.
  var unknownIn: [String] = []
  var unknownOut: [String] = []
  var inKinds = KindSet()
  var outKinds = KindSet()
  /// Some mass came from Nm³ of a gas at the gas density.
  var usedGasDensity = false
  /// A utility step: it makes an energy carrier (an output of kind `energy`, e.g. steam, compressed air) and no
  /// product. Its mass balance is reported but not flagged (see `BalanceArea.make`).
  var utility: Bool { outKinds.contains(.energy) && !outKinds.contains(.product) }
}

/// Per-step mass inputs and the names the other areas need.
struct BalanceOutcome {
  var results: BalanceResults
  /// Σ inputs by mass per step, kg (only known parts).
  var stepMassIn: [String: Double]
  /// Steps that make an energy carrier and no product (see `BalanceSums.utility`).
  var utilitySteps: Set<String> = []
}

/// How one flow enters the balance.
enum BalanceRole {
  /// Energy or heat, balanced apart from mass, GJ.
  case energy(Val)
  /// A secondary utility (steam in t, compressed air in Nm³) made by another step: listed, not converted.
  case notConverted
  /// Mass, kg.
  case mass(Val)
}

enum BalanceArea {
  static let unitKg = "kg"

  /// The role of flow `i` (the same rule for the sums and for the explanations).
  static func role(_ c: Context, _ i: Int, flowEnergy: FlowEnergy) -> BalanceRole {
    let kind = c.a.flows[i].kind
    let energyDim = c.facts[i].dim == .energy
    if kind == .energy || kind == .heat || (kind == .unaccountedLoss && energyDim) {
      if let gj = flowEnergy.gj(i) { return .energy(gj) }
      if let q = c.a.flows[i].quantity {
        if energyDim { return .energy(Val(q.si / 1e9)) }
        if c.a.flows[i].carrierId == nil { return .notConverted }
        return .energy(.missing(Reason.unknownUnit(c.flowName(i), q.unit)))
      }
      return .energy(.missing(Reason.missingQuantity(c.flowName(i))))
    }
    return .mass(c.flowMass(i, name: c.flowName(i)))
  }

  /// The explanation inputs of a step's balance: mass inputs (`.input`), mass outputs (`.output`) or, for `nil`, the
  /// energy flows of both directions, in flow order, at most 200.
  static func flowInputs(_ c: Context, stepId: String, flowEnergy: FlowEnergy, _ dir: FlowDirection?) -> [ExplainInput] {
    var out: [ExplainInput] = []
    for i in c.flowsByStep[stepId] ?? [] where out.count < 200 {
      let fl = c.a.flows[i]
      let source = src("flows", fl.id, fl.dataSource)
      switch role(c, i, flowEnergy: flowEnergy) {
      case .energy(let gj) where dir == nil: out.append(ExplainInput(c.flowName(i), gj.value, "GJ", source: source))
      case .notConverted where dir == nil:
        out.append(ExplainInput(c.flowName(i) + " (không quy đổi/not converted)", fl.quantity?.value, fl.quantity?.unit ?? "", source: source))
      case .mass(let m) where dir == fl.direction: out.append(ExplainInput(c.flowName(i), m.value, unitKg, source: source))
      default: break
      }
    }
    return out
  }

  static func compute(_ c: Context, flowEnergy: FlowEnergy, ledger: inout Ledger) -> BalanceOutcome {
    let threshold = c.a.header.settings.imbalanceThreshold
    var steps: [MassBalance] = []
    var plant = BalanceSums()
    var stepMassIn: [String: Double] = [:]
    var utilitySteps = Set<String>()
    var stepRows: [(name: String, id: String, massIn: Double?, massOut: Double?)] = []
    var worst: (step: String, unaccounted: Double, missing: LocalizedText?)?
    for step in c.a.steps {
      var s = BalanceSums()
      let name = step.name.isEmpty ? step.id : step.name
      for i in c.flowsByStep[step.id] ?? [] {
        let isIn = c.a.flows[i].direction == .input
        let kind = c.a.flows[i].kind
        if isIn { s.inKinds.insert(kind) } else { s.outKinds.insert(kind); s.outputCount += 1 }
        switch role(c, i, flowEnergy: flowEnergy) {
        case .energy(let gj):
          if isIn { s.energyIn.add(gj) } else { s.energyOut.add(gj) }
          continue
        case .notConverted:
          continue
        case .mass(let m):
          if isIn {
            s.massIn.add(m)
            if m.value == nil { s.unknownIn.append(c.flowName(i)) }
          } else {
            s.massOut.add(m)
            if m.value == nil { s.unknownOut.append(c.flowName(i)) }
          }
          if m.value != nil, c.facts[i].dim == .volume, Context.gasKinds.contains(kind), c.isGasVolume(i) { s.usedGasDensity = true }
        }
        if kind == .water || kind == .wastewater {
          let w = c.flowWater(i, name: c.flowName(i))
          if isIn { s.waterIn.add(w) } else { s.waterOut.add(w) }
        }
      }
      if let sc = step.stockChange {
        if c.dimension(sc) == .mass { s.stock = Val(sc.si) } else { s.stock = .missing(Reason.notMass(name, sc.unit)) }
      }
      if s.outputCount == 0 { s.massOut = .missing(Reason.noOutputs(name)) }
      let sid = step.id
      let mb = make(
        "balance.steps[\(step.id)]", id: step.id, name: name, s, threshold: threshold, c: c,
        massInputs: { flowInputs(c, stepId: sid, flowEnergy: flowEnergy, .input) },
        massOutputs: { flowInputs(c, stepId: sid, flowEnergy: flowEnergy, .output) },
        energyInputs: { flowInputs(c, stepId: sid, flowEnergy: flowEnergy, nil) }, ledger: &ledger)
      ledger.name("balance.steps", id: step.id, name: step.name)
      stepMassIn[step.id] = s.massIn.value ?? 0
      if s.utility { utilitySteps.insert(step.id) }
      // Utility steps are not candidates for the plant's "biggest missing" (their imbalance is not judged on mass).
      if !s.utility, let u = mb.unaccounted.value, worst.map({ abs(u) > abs($0.unaccounted) }) ?? true {
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
      plant.usedGasDensity = plant.usedGasDensity || s.usedGasDensity
      stepRows.append((name, step.id, s.massIn.value, s.massOut.value))
    }
    if c.a.steps.isEmpty { plant.massIn = .missing(Reason.noData) }
    let rows = stepRows
    var p = make(
      "balance.plant", id: "plant", name: "plant", plant, threshold: threshold, c: c,
      massInputs: { rows.map { ExplainInput($0.name, $0.massIn, unitKg, source: "balance.steps[\($0.id)].massIn") } },
      massOutputs: { rows.map { ExplainInput($0.name, $0.massOut, unitKg, source: "balance.steps[\($0.id)].massOut") } },
      energyInputs: { [] }, ledger: &ledger)
    if p.flagged, let w = worst {
      p.biggestMissing = LocalizedText(
        vi: "công đoạn «\(w.step)»: " + (w.missing?.vi ?? "chênh lệch lớn nhất"),
        en: "step «\(w.step)»: " + (w.missing?.en ?? "largest imbalance"))
    }
    return BalanceOutcome(
      results: BalanceResults(thresholdPercent: threshold * 100, steps: steps, plant: p), stepMassIn: stepMassIn,
      utilitySteps: utilitySteps)
  }

  static func make(
    _ base: String, id: String, name: String, _ s: BalanceSums, threshold: Double, c: Context,
    massInputs: @escaping @Sendable () -> [ExplainInput], massOutputs: @escaping @Sendable () -> [ExplainInput],
    energyInputs: @escaping @Sendable () -> [ExplainInput], ledger: inout Ledger
  ) -> MassBalance {
    let l = { @Sendable (vi: String, en: String) in LocalizedText(vi: "\(vi) — \(name)", en: "\(en) — \(name)") }
    let gasFactor = s.usedGasDensity ? [c.gasDensityFactor] : []
    let gasNote = s.usedGasDensity
      ? LocalizedText(vi: "; khí (Nm³) quy đổi theo khối lượng riêng không khí ở 0 °C, 1 atm", en: "; gases (Nm³) at the density of air at 0 °C, 1 atm")
      : LocalizedText(vi: "", en: "")
    let massIn = ledger.figure(
      base + ".massIn", s.massIn, unitKg, label: l("Tổng đầu vào (khối lượng)", "Total inputs (mass)"),
      formula: LocalizedText(
        vi: "Σ khối lượng các dòng vào (nước quy đổi 1 m³ = 1000 kg; năng lượng/nhiệt không tính)" + gasNote.vi,
        en: "Σ mass of input flows (water at 1 m³ = 1000 kg; energy and heat excluded)" + gasNote.en), inputs: massInputs(),
      factors: gasFactor)
    let massOut = ledger.figure(
      base + ".massOut", s.massOut, unitKg, label: l("Tổng đầu ra (khối lượng)", "Total outputs (mass)"),
      formula: LocalizedText(vi: "Σ khối lượng các dòng ra" + gasNote.vi, en: "Σ mass of output flows" + gasNote.en),
      inputs: massOutputs(), factors: gasFactor)
    let stock = ledger.figure(
      base + ".stockChange", s.stock, unitKg, label: l("Thay đổi tồn kho", "Stock change"),
      formula: LocalizedText(vi: "tăng tồn kho trong kỳ (W6)", en: "increase of stock over the period (W6)"))
    var unacc = s.massIn
    unacc.value = nil
    if let i = s.massIn.value, let o = s.massOut.value, let k = s.stock.value { unacc.value = i - o - k }
    unacc.reasons = s.massIn.reasons + s.massOut.reasons + s.stock.reasons
    let (vIn, vOut, vStock, vUnacc) = (s.massIn.value, s.massOut.value, s.stock.value, unacc.value)
    let ioInputs = { @Sendable in
      [
        ExplainInput("vào/in", vIn, unitKg, source: base + ".massIn"),
        ExplainInput("ra/out", vOut, unitKg, source: base + ".massOut"),
        ExplainInput("tồn kho/stock", vStock, unitKg, source: base + ".stockChange"),
      ]
    }
    let unaccounted = ledger.figure(
      base + ".unaccounted", unacc, unitKg, label: l("Chênh lệch chưa giải thích", "Unaccounted"),
      formula: LocalizedText(vi: "vào − ra − thay đổi tồn kho", en: "in − out − stock change"), inputs: ioInputs())
    var closureV = Val(nil, unacc.reasons)
    if let i = s.massIn.value, let o = s.massOut.value, let k = s.stock.value {
      closureV = i > 0 ? Val((o + k) / i * 100, unacc.reasons) : Val(nil, unacc.reasons + [Reason.noInputs(name)])
    }
    let closure = ledger.figure(
      base + ".closurePercent", closureV, "%", label: l("Độ khép cân bằng", "Balance closure"),
      formula: LocalizedText(vi: "(ra + thay đổi tồn kho) / vào × 100", en: "(out + stock change) / in × 100"),
      inputs: ioInputs())
    var flagged = false
    var missing: LocalizedText?
    let utility = s.utility
    if !utility, let u = unacc.value, let i = s.massIn.value, i > 0, abs(u) / i > threshold {
      flagged = true
      missing = biggestMissing(s, unaccounted: u)
    }
    let m = missing
    // A utility step (makes steam, compressed air, … and no product) is judged on energy, not mass: its mass
    // balance lacks combustion/intake air and fuel mass (carriers are energy), so a mass gap there is not a finding.
    let utilityNote = LocalizedText(
      vi: "; công đoạn phụ trợ (đầu ra chính là dạng năng lượng: hơi, khí nén…, không có sản phẩm): không gắn cờ theo khối lượng vì "
        + "không khí cháy/không khí hút vào và khối lượng nhiên liệu không có trong cân bằng; xem năng lượng vào/ra",
      en: "; utility step (main output is an energy carrier such as steam or compressed air, no product): not flagged on mass, "
        + "as combustion/intake air and fuel mass are not in the balance; see energy in/out")
    ledger.flag(
      base + ".flagged", flagged, label: l("Cờ mất cân bằng", "Imbalance flag"),
      formula: LocalizedText(
        vi: "|chênh lệch| / vào > ngưỡng (\(threshold * 100) %); dòng thiếu lớn nhất: \(m?.vi ?? "—")" + (utility ? utilityNote.vi : ""),
        en: "|unaccounted| / in > threshold (\(threshold * 100) %); biggest missing stream: \(m?.en ?? "—")" + (utility ? utilityNote.en : "")),
      inputs: [
        ExplainInput("chênh lệch/unaccounted", vUnacc, unitKg, source: base + ".unaccounted"),
        ExplainInput("vào/in", vIn, unitKg, source: base + ".massIn"),
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
        en: "Σ physical energy of energy input flows (balanced apart from mass)"), inputs: energyInputs())
    let energyOut = ledger.figure(
      base + ".energyOut", s.energyOut, "GJ", label: l("Năng lượng/nhiệt ra", "Energy/heat out"),
      formula: LocalizedText(vi: "Σ dòng nhiệt/năng lượng ra", en: "Σ heat/energy output flows"), inputs: energyInputs())
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

/// A set of flow kinds as a bit mask (one bit per kind; no hashing per flow).
struct KindSet: Sendable, ExpressibleByArrayLiteral {
  private var bits: UInt32 = 0

  init() {}

  init(arrayLiteral kinds: FlowKind...) {
    for k in kinds { insert(k) }
  }

  /// One bit per kind, by the same dense index the rule figures use.
  private static func bit(_ k: FlowKind) -> UInt32 { 1 << UInt32(FlowRows.ordinal(k)) }

  mutating func insert(_ k: FlowKind) { bits |= KindSet.bit(k) }
  func contains(_ k: FlowKind) -> Bool { bits & KindSet.bit(k) != 0 }
  func isDisjoint(with kinds: [FlowKind]) -> Bool { !kinds.contains { contains($0) } }
}
