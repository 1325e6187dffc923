import Foundation
import SXCore

extension EnergyAmount {
  /// An empty sum (all zero, no reasons).
  static var zero: EnergyAmount {
    var e = EnergyAmount()
    e.gj = .sum; e.toe = .sum; e.co2Kg = .sum; e.ch4Kg = .sum; e.n2oKg = .sum; e.biogenicKg = .sum
    e.cost = .sum; e.thermalGJ = .sum
    return e
  }

  mutating func add(_ o: EnergyAmount) {
    gj.add(o.gj); toe.add(o.toe); co2Kg.add(o.co2Kg); ch4Kg.add(o.ch4Kg); n2oKg.add(o.n2oKg)
    biogenicKg.add(o.biogenicKg); cost.add(o.cost); thermalGJ.add(o.thermalGJ)
    if let k = o.electricityKWh { electricityKWh = (electricityKWh ?? 0) + k }
    mergeFactors(o)
  }

  /// Adds the numbers only (the hot path of the step and carrier sums; factors are merged when explained).
  mutating func addNumbers(_ o: EnergyAmount) {
    gj.add(o.gj); toe.add(o.toe); co2Kg.add(o.co2Kg); ch4Kg.add(o.ch4Kg); n2oKg.add(o.n2oKg)
    biogenicKg.add(o.biogenicKg); cost.add(o.cost); thermalGJ.add(o.thermalGJ)
    if let k = o.electricityKWh { electricityKWh = (electricityKWh ?? 0) + k }
  }

  /// Appends `o`'s factors not yet listed (at most 50).
  mutating func mergeFactors(_ o: EnergyAmount) {
    for f in o.factors + o.toeFactors + o.co2Factors where !factors.contains(f) && factors.count < 50 { factors.append(f) }
  }

  /// Every number × `k` (an amount for one SI unit scaled to a quantity); reasons and factors are kept.
  func scaled(_ k: Double) -> EnergyAmount {
    var e = self
    e.gj = gj.map { $0 * k }; e.toe = toe.map { $0 * k }; e.co2Kg = co2Kg.map { $0 * k }; e.ch4Kg = ch4Kg.map { $0 * k }
    e.n2oKg = n2oKg.map { $0 * k }; e.biogenicKg = biogenicKg.map { $0 * k }; e.cost = cost.map { $0 * k }
    e.thermalGJ = thermalGJ.map { $0 * k }
    e.electricityKWh = electricityKWh.map { $0 * k }
    e.factors = []; e.toeFactors = []; e.co2Factors = []
    return e
  }

  /// No figure of the amount has a reason (complete).
  var isClean: Bool {
    gj.reasons.isEmpty && toe.reasons.isEmpty && co2Kg.reasons.isEmpty && ch4Kg.reasons.isEmpty && n2oKg.reasons.isEmpty
      && biogenicKg.reasons.isEmpty && cost.reasons.isEmpty && thermalGJ.reasons.isEmpty && gj.value != nil
  }
}

/// The key of a cached energy conversion: carrier, unit typed and price.
private struct ConversionKey: Hashable {
  let carrier: String
  let unit: String
  let price: UnitPrice?
}

/// What the other areas need from the energy area.
struct EnergyOutcome {
  var results: EnergyResults
  var carrierAmounts: [(EnergyCarrier, EnergyAmount)]
  var stepAmounts: [String: EnergyAmount]
  var plant: EnergyAmount
}

enum EnergyArea {
  static let gjPerKWh = 0.0036

  /// Converts every energy flow once. Every conversion is linear in the amount, so the amount of one SI unit is
  /// computed once per (carrier, unit, price) and scaled; a conversion with any reason (missing factor, price, …) is
  /// done per flow, so its reasons name the flow. Factors are left out here (see `mergedFactors`).
  static func flowAmounts(_ c: Context) -> FlowEnergy {
    var out = FlowEnergy(count: c.a.flows.count)
    var perUnit: [ConversionKey: Int32] = [:]
    // The last few (carrier id, unit, flow price) seen with their slot: flows repeat a handful of them, and an equal
    // string compares without hashing.
    var recent: [(carrier: String, unit: String, price: UnitPrice?, slot: Int32)] = []
    c.a.flows.withUnsafeBufferPointer { flows in
      for i in flows.indices where flows[i].kind == .energy {
        guard let cid = flows[i].carrierId else { continue }
        if let q = flows[i].quantity {
          let own = flows[i].unitPrice
          var hit: Int32 = -1
          for r in recent where r.carrier == cid && r.unit == q.unit && r.price == own {
            hit = r.slot
            break
          }
          if hit >= 0 {
            out.set(i, slot: hit, scale: q.si)
            continue
          }
          guard let car = c.carrierById[cid] else { continue }
          let price = own ?? car.unitPrice
          let key = ConversionKey(carrier: cid, unit: q.unit, price: price)
          let slot: Int32
          if let known = perUnit[key] {
            slot = known
          } else {
            let one = c.energy(Quantity(value: 1, unit: q.unit, si: 1), carrier: car, price: price, name: "")
            // A conversion with reasons is done per flow (-1 here, never scaled).
            slot = one.isClean ? out.add(one) : -1
            perUnit[key] = slot
          }
          if slot >= 0 {
            if recent.count < 8 { recent.append((cid, q.unit, own, slot)) }
            out.set(i, slot: slot, scale: q.si)
            continue
          }
        }
        guard let car = c.carrierById[cid] else { continue }
        var e = c.energy(flows[i].quantity, carrier: car, price: flows[i].unitPrice ?? car.unitPrice, name: c.flowName(i))
        e.factors = []; e.toeFactors = []; e.co2Factors = []
        out.set(i, slot: out.add(e), scale: nil)
      }
    }
    return out
  }

  /// The factors of a sum of energy flows, merged in flow order as `EnergyAmount.add` does (for explanations).
  static func mergedFactors(_ c: Context, _ flows: [Int]) -> [ExplainFactor] {
    var acc = EnergyAmount.zero
    for i in flows {
      guard let cid = c.a.flows[i].carrierId, let car = c.carrierById[cid] else { continue }
      acc.mergeFactors(c.energy(c.a.flows[i].quantity, carrier: car, price: c.a.flows[i].unitPrice ?? car.unitPrice, name: c.flowName(i)))
    }
    return acc.factors
  }

  static func compute(_ c: Context, flowEnergy: FlowEnergy, ledger: inout Ledger) -> EnergyOutcome {
    // Σ step flows per carrier, and per step: by the carrier's index (its first row of that id) and the step's index
    // (`FlowFacts.step`); flows of an unknown step by its id. Dictionaries by id are built from them at the end.
    let carriers0 = c.a.energyCarriers
    var carrierIndex: [String: Int] = [:]
    for (k, car) in carriers0.enumerated() where carrierIndex[car.id] == nil { carrierIndex[car.id] = k }
    var carrierSum = Array(repeating: EnergyAmount.zero, count: carriers0.count)
    var carrierTouched = Array(repeating: false, count: carriers0.count)
    // Σ of the typed amounts per carrier (SI and the first flow's unit), shown when W4 has no annual quantity.
    var carrierQty: [(si: Double, unit: String, dim: SXCore.Dimension?, mixed: Bool)?] = Array(repeating: nil, count: carriers0.count)
    // Flow indexes summed per carrier and per step (in flow order), for the explanations' factors.
    var carrierFlowList = Array(repeating: [Int](), count: carriers0.count)
    let stepCount = c.a.steps.count
    var stepSum = Array(repeating: EnergyAmount.zero, count: stepCount)
    var stepTouched = Array(repeating: false, count: stepCount)
    var stepFlowList = Array(repeating: [Int](), count: stepCount)
    var otherStepAmounts: [String: EnergyAmount] = [:]
    var otherStepFlows: [String: [Int]] = [:]
    var lastCarrier: (id: String, index: Int)?
    // Only energy flows have amounts (`flowAmounts`): other flows are skipped before the lookup.
    for i in c.a.flows.indices where c.a.flows[i].kind == .energy && c.a.flows[i].direction == .input {
      guard let cid = c.a.flows[i].carrierId, flowEnergy.has(i) else { continue }
      // A flow has an amount only when its carrier is known (`flowAmounts`).
      let ci: Int
      if let l = lastCarrier, l.id == cid {
        ci = l.index
      } else {
        guard let k = carrierIndex[cid] else { continue }
        ci = k
        lastCarrier = (cid, k)
      }
      flowEnergy.addNumbers(i, into: &carrierSum[ci])
      carrierTouched[ci] = true
      carrierFlowList[ci].append(i)
      let st = c.facts[i].step
      if st >= 0 {
        flowEnergy.addNumbers(i, into: &stepSum[st])
        stepTouched[st] = true
        stepFlowList[st].append(i)
      } else {
        let sid = c.a.flows[i].stepId
        flowEnergy.addNumbers(i, into: &otherStepAmounts[sid, default: .zero])
        otherStepFlows[sid, default: []].append(i)
      }
      if let fq = c.a.flows[i].quantity {
        let d = c.facts[i].dim
        if var acc = carrierQty[ci] {
          acc.si += fq.si
          acc.mixed = acc.mixed || d != acc.dim
          carrierQty[ci] = acc
        } else {
          carrierQty[ci] = (fq.si, fq.unit, d, false)
        }
      }
    }
    var flowsByCarrier: [String: EnergyAmount] = [:]
    var flowQty: [String: (si: Double, unit: String, dim: SXCore.Dimension?, mixed: Bool)] = [:]
    var carrierFlows: [String: [Int]] = [:]
    for k in carriers0.indices where carrierTouched[k] {
      flowsByCarrier[carriers0[k].id] = carrierSum[k]
      carrierFlows[carriers0[k].id] = carrierFlowList[k]
      if let q = carrierQty[k] { flowQty[carriers0[k].id] = q }
    }
    var stepAmounts = otherStepAmounts
    var stepFlows = otherStepFlows
    for k in 0..<stepCount where stepTouched[k] {
      stepAmounts[c.a.steps[k].id] = stepSum[k]
      stepFlows[c.a.steps[k].id] = stepFlowList[k]
    }
    var amounts: [(EnergyCarrier, EnergyAmount)] = []
    var plant = EnergyAmount.zero
    for car in c.a.energyCarriers {
      let name = car.name.isEmpty ? car.id : car.name
      var e: EnergyAmount
      if car.annualQuantity == nil, let sum = flowsByCarrier[car.id] {
        e = sum
        e.isElectricity = car.fuel == "electricity"
        e.factors = mergedFactors(c, carrierFlows[car.id] ?? [])
      } else {
        e = c.energy(car.annualQuantity, carrier: car, price: car.unitPrice, name: name)
      }
      amounts.append((car, e))
      plant.add(e)
    }
    if c.a.energyCarriers.isEmpty { plant.gj = .missing(Reason.noData); plant.toe = .missing(Reason.noData) }

    var carriers: [CarrierEnergy] = []
    let plantGJ = plant.gj.value
    let byCarrier = flowsByCarrier
    for (car, e) in amounts {
      let base = "energy.carriers[\(car.id)]"
      let name = car.name.isEmpty ? car.id : car.name
      ledger.name("energy.carriers", id: car.id, name: car.name)
      let qIn = input(name, car.annualQuantity, source: src("energyCarriers", car.id, car.dataSource))
      var qVal = Val(car.annualQuantity?.value, car.annualQuantity == nil ? [Reason.missingQuantity(name)] : [])
      var qUnit = car.annualQuantity?.unit ?? ""
      if car.annualQuantity == nil, let fq = flowQty[car.id], !fq.mixed, let v = try? c.units.fromSI(fq.si, unit: fq.unit) {
        qVal = Val(v)
        qUnit = fq.unit
      }
      let qFig = ledger.figure(
        base + ".quantity", qVal, qUnit, label: lt("Lượng tiêu thụ năm", "Annual consumption", name),
        formula: LocalizedText(vi: "số liệu W4 (hoặc Σ dòng năng lượng của các công đoạn)", en: "W4 figure (or Σ step energy flows)"),
        inputs: [qIn])
      let gj = ledger.figure(
        base + ".gj", e.gj, "GJ", label: lt("Năng lượng vật lý", "Physical energy", name),
        formula: e.isElectricity
          ? LocalizedText(vi: "kWh × 0,0036 GJ/kWh", en: "kWh × 0.0036 GJ/kWh")
          : LocalizedText(vi: "lượng × nhiệt trị NCV (thể tích qua khối lượng riêng)", en: "amount × NCV (volume via density)"),
        inputs: [qIn], factors: e.factors)
      let kwh = ledger.figure(
        base + ".kwhEq", e.gj.map { $0 / gjPerKWh }, "kWh", label: lt("Quy đổi kWh", "kWh equivalent", name),
        formula: LocalizedText(vi: "GJ / 0,0036", en: "GJ / 0.0036"),
        inputs: [ExplainInput("GJ", e.gj.value, "GJ", source: base + ".gj")])
      let toe = ledger.figure(
        base + ".toe", e.toe, "TOE", label: lt("Quy đổi TOE", "TOE", name),
        formula: e.toeMethod == "moit"
          ? LocalizedText(vi: "lượng × hệ số TOE của Bộ Công Thương", en: "amount × MOIT TOE factor")
          : LocalizedText(vi: "GJ / 41,868 (suy ra từ nhiệt trị)", en: "GJ / 41.868 (derived from energy content)"),
        inputs: [qIn, ExplainInput("GJ", e.gj.value, "GJ", source: base + ".gj")], factors: e.toeFactors)
      let cost = ledger.figure(
        base + ".cost", e.cost, "VND", label: lt("Chi phí năng lượng", "Energy cost", name),
        formula: LocalizedText(vi: "lượng × đơn giá", en: "amount × unit price"),
        inputs: [qIn, ExplainInput("đơn giá/price", car.unitPrice?.amount.value, price(car.unitPrice), source: src("energyCarriers", car.id))])
      let share = ledger.figure(
        base + ".sharePercent", e.gj.divided(by: plant.gj, zeroReason: Reason.zeroBase).map { $0 * 100 }, "%",
        label: lt("Tỷ trọng", "Share", name),
        formula: LocalizedText(vi: "GJ dạng năng lượng / tổng GJ × 100", en: "carrier GJ / total GJ × 100"),
        inputs: [ExplainInput("GJ", e.gj.value, "GJ", source: base + ".gj"), ExplainInput("Σ GJ", plantGJ, "GJ", source: "energy.total.gj")])
      var unalloc = Val(nil)
      if let g = e.gj.value {
        unalloc = Val(g - (flowsByCarrier[car.id]?.gj.value ?? 0), e.gj.reasons + (flowsByCarrier[car.id]?.gj.reasons ?? []))
      } else {
        unalloc = Val(nil, e.gj.reasons)
      }
      let unallocated = ledger.figure(
        base + ".unallocatedGJ", unalloc, "GJ", label: lt("Chưa phân bổ cho công đoạn", "Not allocated to steps", name),
        formula: LocalizedText(vi: "GJ của dạng năng lượng − Σ GJ các dòng công đoạn", en: "carrier GJ − Σ GJ of step flows"),
        inputs: [ExplainInput("GJ", e.gj.value, "GJ", source: base + ".gj"),
                 ExplainInput("Σ công đoạn/steps", byCarrier[car.id]?.gj.value ?? 0, "GJ", source: "flows")])
      carriers.append(
        CarrierEnergy(
          id: car.id, name: name, fuel: car.fuel, quantity: qFig, gj: gj, kwhEq: kwh, toe: toe, toeMethod: e.toeMethod,
          cost: cost, sharePercent: share, unallocatedGJ: unallocated))
    }

    var stepsOut: [StepEnergy] = []
    let stepTotal: Val = {
      var v = Val.sum
      for s in c.a.steps { if let e = stepAmounts[s.id] { v.add(e.gj) } }
      return v
    }()
    for s in c.a.steps {
      let e = stepAmounts[s.id] ?? .zero
      let base = "energy.steps[\(s.id)]"
      let name = c.stepName(s.id)
      ledger.name("energy.steps", id: s.id, name: s.name)
      let sid = s.id
      let summed = stepFlows[s.id] ?? []
      // The seven figures of a step list the same factors: merged once, when the first of them is explained (an
      // export explains every figure; merging converts each of the step's flows again).
      let stepFactors = Once { mergedFactors(c, summed) }
      let flowInputs = { @Sendable in
        (c.flowsByStep[sid] ?? []).compactMap { i -> ExplainInput? in
          guard let fe = flowEnergy.gj(i) else { return nil }
          let fl = c.a.flows[i]
          return ExplainInput(fl.name, fe.value, "GJ", source: src("flows", fl.id, fl.dataSource))
        }.capped()
      }
      func f(_ key: String, _ v: Val, _ unit: String, _ vi: String, _ en: String, _ fvi: String, _ fen: String) -> Figure {
        ledger.figure(base + "." + key, v, unit, label: lt(vi, en, name), formula: LocalizedText(vi: fvi, en: fen),
          inputs: flowInputs(), factors: stepFactors.value)
      }
      stepsOut.append(
        StepEnergy(
          id: s.id, name: name,
          gj: f("gj", e.gj, "GJ", "Năng lượng vật lý", "Physical energy", "Σ GJ các dòng năng lượng vào", "Σ GJ of energy input flows"),
          kwhEq: f("kwhEq", e.gj.map { $0 / gjPerKWh }, "kWh", "Quy đổi kWh", "kWh equivalent", "GJ / 0,0036", "GJ / 0.0036"),
          toe: f("toe", e.toe, "TOE", "TOE", "TOE", "Σ TOE các dòng", "Σ TOE of flows"),
          electricityKWh: f("electricityKWh", Val(e.electricityKWh ?? 0), "kWh", "Điện", "Electricity", "Σ kWh điện", "Σ electricity kWh"),
          thermalGJ: f("thermalGJ", e.thermalGJ, "GJ", "Nhiệt (nhiên liệu)", "Thermal (fuels)", "Σ GJ nhiên liệu", "Σ fuel GJ"),
          cost: f("cost", e.cost, "VND", "Chi phí năng lượng", "Energy cost", "Σ lượng × đơn giá", "Σ amount × unit price"),
          sharePercent: f("sharePercent", e.gj.divided(by: stepTotal, zeroReason: Reason.zeroBase).map { $0 * 100 }, "%",
            "Tỷ trọng", "Share", "GJ công đoạn / Σ GJ các công đoạn × 100", "step GJ / Σ step GJ × 100")))
    }

    let carrierInputs = amounts.map { ExplainInput($0.0.name, $0.1.gj.value, "GJ", source: "energy.carriers[\($0.0.id)].gj") }
    let toeInputs = amounts.map { ExplainInput($0.0.name, $0.1.toe.value, "TOE", source: "energy.carriers[\($0.0.id)].toe") }
    let thermal: Val = {
      var v = Val.sum
      for (_, e) in amounts { v.add(e.thermalGJ) }
      return v
    }()
    func tot(_ key: String, _ v: Val, _ unit: String, _ vi: String, _ en: String, _ ins: [ExplainInput]) -> Figure {
      ledger.figure("energy.total." + key, v, unit, label: LocalizedText(vi: vi, en: en),
        formula: LocalizedText(vi: "Σ các dạng năng lượng", en: "Σ over energy carriers"), inputs: ins)
    }
    let totals = EnergyTotals(
      gj: tot("gj", plant.gj, "GJ", "Tổng năng lượng vật lý", "Total physical energy", carrierInputs),
      kwhEq: tot("kwhEq", plant.gj.map { $0 / gjPerKWh }, "kWh", "Tổng quy đổi kWh", "Total kWh equivalent", carrierInputs),
      toe: tot("toe", plant.toe, "TOE", "Tổng TOE", "Total TOE", toeInputs),
      electricityKWh: tot("electricityKWh", Val(plant.electricityKWh ?? 0), "kWh", "Tổng điện", "Total electricity", carrierInputs),
      thermalGJ: tot("thermalGJ", thermal, "GJ", "Tổng nhiệt (nhiên liệu)", "Total thermal (fuels)", carrierInputs),
      cost: tot("cost", plant.cost, "VND", "Tổng chi phí năng lượng", "Total energy cost",
        amounts.map { ExplainInput($0.0.name, $0.1.cost.value, "VND", source: "energy.carriers[\($0.0.id)].cost") }))
    let key = (plant.toe.value ?? 0) > c.f.keyEnergyUserTOE
    let plantTOE = plant.toe.value
    ledger.flag(
      "energy.keyEnergyUser", key, label: LocalizedText(vi: "Cơ sở sử dụng năng lượng trọng điểm", en: "Key energy user"),
      formula: LocalizedText(vi: "tổng TOE/năm > \(c.f.keyEnergyUserTOE)", en: "total TOE/yr > \(c.f.keyEnergyUserTOE)"),
      inputs: [ExplainInput("TOE", plantTOE, "TOE/yr", source: "energy.total.toe")],
      factors: [ExplainFactor("ngưỡng/threshold", c.f.keyEnergyUserTOE, "TOE/yr", source: c.f.keyEnergyUserSource)])
    return EnergyOutcome(
      results: EnergyResults(
        carriers: carriers, steps: stepsOut, total: totals, keyEnergyUser: key, keyEnergyUserThresholdTOE: c.f.keyEnergyUserTOE),
      carrierAmounts: amounts, stepAmounts: stepAmounts, plant: plant)
  }

  static func lt(_ vi: String, _ en: String, _ name: String) -> LocalizedText {
    LocalizedText(vi: "\(vi) — \(name)", en: "\(en) — \(name)")
  }

  static func price(_ p: UnitPrice?) -> String { p.map { "\($0.amount.unit)/\($0.perUnit)" } ?? "" }
}

/// The energy amount of each flow (`EnergyArea.flowAmounts`): an index into a few amounts — one SI unit of a clean
/// conversion, scaled by the flow's SI amount when read, or a flow's own conversion — instead of a copy per flow.
struct FlowEnergy: Sendable {
  private var slot: [Int32]
  private var scale: [Double]
  private var scaled: [Bool]
  private var amounts: [EnergyAmount] = []

  init(count: Int) {
    slot = Array(repeating: -1, count: count)
    scale = Array(repeating: 0, count: count)
    scaled = Array(repeating: false, count: count)
  }

  mutating func add(_ e: EnergyAmount) -> Int32 {
    amounts.append(e)
    return Int32(amounts.count - 1)
  }

  /// Flow `i` reads amount `slot`, times `scale` when given.
  mutating func set(_ i: Int, slot s: Int32, scale k: Double?) {
    slot[i] = s
    scale[i] = k ?? 0
    scaled[i] = k != nil
  }

  func has(_ i: Int) -> Bool { slot[i] >= 0 }

  /// The amount of flow `i` (nil when it has none), as `EnergyAmount.scaled` gives it.
  subscript(_ i: Int) -> EnergyAmount? {
    let s = slot[i]
    guard s >= 0 else { return nil }
    return scaled[i] ? amounts[Int(s)].scaled(scale[i]) : amounts[Int(s)]
  }

  /// The GJ of flow `i` (nil when it has no amount), equal to `self[i]?.gj`.
  func gj(_ i: Int) -> Val? {
    let s = slot[i]
    guard s >= 0 else { return nil }
    let k = scale[i]
    return scaled[i] ? amounts[Int(s)].gj.map { $0 * k } : amounts[Int(s)].gj
  }

  /// `into.addNumbers(self[i]!)` without building the flow's amount.
  func addNumbers(_ i: Int, into acc: inout EnergyAmount) {
    let s = Int(slot[i])
    guard s >= 0 else { return }
    guard scaled[i] else {
      acc.addNumbers(amounts[s])
      return
    }
    let k = scale[i]
    amounts.withUnsafeBufferPointer { a in
      let o = a[s]
      acc.gj.addScaled(o.gj, k); acc.toe.addScaled(o.toe, k); acc.co2Kg.addScaled(o.co2Kg, k)
      acc.ch4Kg.addScaled(o.ch4Kg, k); acc.n2oKg.addScaled(o.n2oKg, k)
      acc.biogenicKg.addScaled(o.biogenicKg, k); acc.cost.addScaled(o.cost, k)
      acc.thermalGJ.addScaled(o.thermalGJ, k)
      if let e = o.electricityKWh { acc.electricityKWh = (acc.electricityKWh ?? 0) + e * k }
    }
  }
}
