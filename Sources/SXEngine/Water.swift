import Foundation
import SXCore

/// What the other areas need from the water area.
struct WaterOutcome {
  var results: WaterResults
  /// Plant water use for indicators, m³.
  var supply: Val
  /// VND per m³ of water saved (average supply price + wastewater charge), when known.
  var valuePerM3: Val
  var stepConsumption: [String: Val]
}

enum WaterArea {
  /// W5 output lines whose name says they are not discharged as wastewater.
  static let notWastewaterKeys = [
    "bay hoi", "evapor", "san pham", "product", "hoi nuoc", "steam", "tai su dung", "reuse", "recycl", "tuan hoan",
  ]

  static func isWastewater(_ w: WaterItem) -> Bool {
    // `Selector.key` is `TextRules.searchKey` (letter by letter for Latin text); `containsAny` is Foundation's
    // `contains` for each key, searched byte by byte in such keys.
    return !Selector.containsAny(Selector.key(w.name), notWastewaterKeys)
  }

  static func compute(_ c: Context, ledger: inout Ledger) -> WaterOutcome {
    let items = c.a.water
    // Sources and their cost.
    var sources: [WaterLine] = []
    var supply = Val.sum
    var supplyCost = Val.sum
    var pricedVolume = 0.0
    var pricedCost = 0.0
    var sourceInputs: [ExplainInput] = []
    for w in items where w.role == .source {
      let name = w.name.isEmpty ? w.id : w.name
      let base = "water.sources[\(w.id)]"
      ledger.name("water.sources", id: w.id, name: w.name)
      let v = c.waterM3(w.annualQuantity, name: name)
      let cost = c.cost(w.annualQuantity, w.unitPrice, name: name, waterLike: true)
      supply.add(v)
      supplyCost.add(cost)
      if let vv = v.value, let cc = cost.value {
        pricedVolume += vv
        pricedCost += cc
      }
      let qIn = input(name, w.annualQuantity, source: src("water", w.id, w.dataSource))
      sourceInputs.append(ExplainInput(name, v.value, "m³", source: src("water", w.id, w.dataSource)))
      sources.append(
        WaterLine(
          id: w.id, name: name, stepId: w.stepId,
          volume: ledger.figure(
            base + ".volume", v, "m³", label: lt("Nguồn nước", "Water source", name),
            formula: LocalizedText(vi: "lượng năm (khối lượng quy đổi 1000 kg/m³)", en: "annual amount (mass at 1000 kg/m³)"),
            inputs: [qIn]),
          cost: ledger.figure(
            base + ".cost", cost, "VND", label: lt("Chi phí nước", "Water cost", name),
            formula: LocalizedText(vi: "lượng × đơn giá", en: "amount × unit price"),
            inputs: [qIn, ExplainInput("đơn giá/price", w.unitPrice?.amount.value, EnergyArea.price(w.unitPrice), source: src("water", w.id))])))
    }
    // Fallback: no W5 source lines → Σ water input flows of the steps.
    var supplyFromFlows = false
    if sources.isEmpty {
      supplyFromFlows = true
      supply = .sum
      for fl in c.a.flows where fl.kind == .water && fl.direction == .input {
        let v = c.waterM3(fl.quantity, name: fl.name)
        supply.add(v)
        sourceInputs.append(ExplainInput(fl.name, v.value, "m³", source: src("flows", fl.id, fl.dataSource)))
      }
      if sourceInputs.isEmpty { supply = .missing(Reason.noData) }
    }
    let avgPrice: Val = pricedVolume > 0 ? Val(pricedCost / pricedVolume) : .missing(Reason.missingPrice("nước/water"))

    // Consumers by step.
    var consumers: [WaterLine] = []
    var byStepW5: [String: Val] = [:]
    for w in items where w.role == .consumer {
      let name = w.name.isEmpty ? w.id : w.name
      let base = "water.consumers[\(w.id)]"
      ledger.name("water.consumers", id: w.id, name: w.name)
      let v = c.waterM3(w.annualQuantity, name: name)
      if let sid = w.stepId { byStepW5[sid, default: .sum].add(v) }
      let qIn = input(name, w.annualQuantity, source: src("water", w.id, w.dataSource))
      var cost = Val(nil, v.reasons + avgPrice.reasons)
      if let vv = v.value, let p = avgPrice.value { cost.value = vv * p }
      consumers.append(
        WaterLine(
          id: w.id, name: name, stepId: w.stepId,
          volume: ledger.figure(base + ".volume", v, "m³", label: lt("Hộ tiêu thụ nước", "Water consumer", name),
            formula: LocalizedText(vi: "lượng năm", en: "annual amount"), inputs: [qIn]),
          cost: ledger.figure(base + ".cost", cost, "VND", label: lt("Chi phí nước của hộ tiêu thụ", "Consumer water cost", name),
            formula: LocalizedText(vi: "thể tích × giá nước bình quân", en: "volume × average water price"),
            inputs: [qIn, ExplainInput("giá bình quân/average price", avgPrice.value, "VND/m³", source: "water.sources")])))
    }
    // Step water use: W5 consumers of the step, else its water input flows.
    var stepUse: [String: Val] = [:]
    var consumption = Val.sum
    for s in c.a.steps {
      var v: Val
      if let w = byStepW5[s.id] {
        v = w
      } else {
        v = .sum
        for i in c.flowsByStep[s.id] ?? [] where c.a.flows[i].kind == .water && c.a.flows[i].direction == .input {
          v.add(c.flowWater(i, name: c.a.flows[i].name))
        }
      }
      stepUse[s.id] = v
      consumption.add(v)
    }
    var steps: [StepWater] = []
    let consumptionValue = consumption.value
    for s in c.a.steps {
      let v = stepUse[s.id] ?? Val(0)
      let name = c.stepName(s.id)
      let base = "water.steps[\(s.id)]"
      ledger.name("water.steps", id: s.id, name: s.name)
      let basis = byStepW5[s.id] != nil
        ? LocalizedText(vi: "Σ hộ tiêu thụ W5 của công đoạn", en: "Σ W5 consumers of the step")
        : LocalizedText(vi: "Σ dòng nước vào của công đoạn (W7)", en: "Σ water input flows of the step (W7)")
      steps.append(
        StepWater(
          id: s.id, name: name,
          consumption: ledger.figure(base + ".consumption", v, "m³", label: lt("Nước dùng", "Water use", name), formula: basis),
          sharePercent: ledger.figure(
            base + ".sharePercent", v.divided(by: consumption, zeroReason: Reason.zeroBase).map { $0 * 100 }, "%",
            label: lt("Tỷ trọng nước", "Water share", name),
            formula: LocalizedText(vi: "nước công đoạn / Σ nước các công đoạn × 100", en: "step water / Σ step water × 100"),
            inputs: [ExplainInput("m³", v.value, "m³", source: base + ".consumption"),
                     ExplainInput("Σ m³", consumptionValue, "m³", source: "water.total.consumption")])))
    }

    // Outputs and wastewater.
    var outputs: [WaterLine] = []
    var outTotal = Val.sum
    var wwW5 = Val.sum
    var outInputs: [ExplainInput] = []
    for w in items where w.role == .output {
      let name = w.name.isEmpty ? w.id : w.name
      let base = "water.outputs[\(w.id)]"
      ledger.name("water.outputs", id: w.id, name: w.name)
      let v = c.waterM3(w.annualQuantity, name: name)
      outTotal.add(v)
      if isWastewater(w) { wwW5.add(v) }
      outInputs.append(ExplainInput(name, v.value, "m³", source: src("water", w.id, w.dataSource)))
      let qIn = input(name, w.annualQuantity, source: src("water", w.id, w.dataSource))
      let cost = w.unitPrice == nil ? Val(0) : c.cost(w.annualQuantity, w.unitPrice, name: name, waterLike: true)
      outputs.append(
        WaterLine(
          id: w.id, name: name, stepId: w.stepId,
          volume: ledger.figure(base + ".volume", v, "m³", label: lt("Đầu ra nước", "Water output", name),
            formula: LocalizedText(vi: "lượng năm", en: "annual amount"), inputs: [qIn]),
          cost: ledger.figure(base + ".cost", cost, "VND", label: lt("Phí của đầu ra", "Output charge", name),
            formula: LocalizedText(vi: "lượng × đơn giá riêng của dòng (nếu có)", en: "amount × the line's own price (if any)"),
            inputs: [qIn])))
    }
    if outputs.isEmpty { outTotal = .missing(LocalizedText(vi: "chưa có đầu ra nước (W5)", en: "no water outputs (W5)")) }
    // Wastewater: Σ wastewater flows of the steps when recorded, else W5 outputs that are discharged.
    var wwFlows = Val.sum
    var hasWWFlows = false
    var wwIndexes: [Int] = []
    for i in c.a.flows.indices where c.a.flows[i].kind == .wastewater && c.a.flows[i].direction == .output {
      hasWWFlows = true
      wwFlows.add(c.flowWater(i, name: c.a.flows[i].name))
      wwIndexes.append(i)
    }
    let wwList = wwIndexes
    @Sendable func wwInputs() -> [ExplainInput] {
      wwList.map { i in
        ExplainInput(c.a.flows[i].name, c.flowWater(i, name: c.a.flows[i].name).value, "m³", source: src("flows", c.a.flows[i].id, c.a.flows[i].dataSource))
      }
    }
    // Plant-level W5 discharge lines first (step wastewater flows may pass through a treatment step twice).
    let fromFlows = outputs.isEmpty && hasWWFlows
    let wastewater = fromFlows ? wwFlows : (outputs.isEmpty ? Val(0) : wwW5)
    var charge = Val.sum
    var chargeFactors: [ExplainFactor] = []
    if let p = c.a.header.settings.wastewaterCharge {
      if let pr = c.price(p, name: "phí nước thải/wastewater charge"), pr.dimension == .volume || pr.dimension == .mass {
        let perM3 = pr.dimension == .volume ? pr.vndPerSI : pr.vndPerSI * c.f.waterDensity
        charge = wastewater.map { $0 * perM3 }
        chargeFactors = [ExplainFactor("phí/charge", perM3, "VND/m³", source: "header.settings.wastewaterCharge")]
      } else {
        charge = .missing(c.priceReason(p, name: "phí nước thải/wastewater charge"))
      }
    } else if (wastewater.value ?? 0) > 0 {
      charge = .missing(Reason.missingPrice("phí nước thải/wastewater charge"))
    }
    var unacc = Val(nil, supply.reasons + outTotal.reasons)
    if let s = supply.value, let o = outTotal.value { unacc.value = s - o }
    var closure = Val(nil, unacc.reasons)
    if let s = supply.value, let o = outTotal.value { closure = s > 0 ? Val(o / s * 100, unacc.reasons) : Val(nil, unacc.reasons + [Reason.zeroBase]) }
    var totalCost = supplyCost
    if supplyFromFlows { totalCost = .missing(Reason.missingPrice("nguồn nước/water source (W5)")) }
    totalCost.add(charge)
    let so = [ExplainInput("cấp/supply", supply.value, "m³", source: "water.total.supply"),
              ExplainInput("ra/outputs", outTotal.value, "m³", source: "water.total.outputs")]
    func tot(_ key: String, _ v: Val, _ unit: String, _ vi: String, _ en: String, _ fvi: String, _ fen: String,
             _ ins: [ExplainInput], _ fs: [ExplainFactor] = []) -> Figure {
      ledger.figure("water.total." + key, v, unit, label: LocalizedText(vi: vi, en: en), formula: LocalizedText(vi: fvi, en: fen),
        inputs: ins.capped(), factors: fs)
    }
    let totals = WaterTotals(
      supply: tot("supply", supply, "m³", "Tổng nước cấp", "Total water supply",
        supplyFromFlows ? "Σ dòng nước vào các công đoạn (không có nguồn W5)" : "Σ nguồn nước W5",
        supplyFromFlows ? "Σ water input flows (no W5 sources)" : "Σ W5 sources", sourceInputs),
      consumption: tot("consumption", consumption, "m³", "Tổng nước dùng", "Total water use", "Σ nước dùng các công đoạn",
        "Σ step water use", steps.map { ExplainInput($0.name, $0.consumption.value, "m³", source: $0.consumption.path) }),
      outputs: tot("outputs", outTotal, "m³", "Tổng đầu ra nước", "Total water outputs", "Σ đầu ra W5 (nước thải, bay hơi, vào sản phẩm)",
        "Σ W5 outputs (wastewater, evaporation, in product)", outInputs),
      unaccounted: tot("unaccounted", unacc, "m³", "Nước thất thoát chưa rõ", "Unaccounted water", "cấp − ra", "supply − outputs", so),
      closurePercent: tot("closurePercent", closure, "%", "Độ khép cân bằng nước", "Water balance closure", "ra / cấp × 100",
        "outputs / supply × 100", so),
      wastewater: tot("wastewater", wastewater, "m³", "Nước thải", "Wastewater",
        fromFlows ? "Σ dòng nước thải của các công đoạn (W7; không có đầu ra W5)" : "Σ đầu ra W5 là nước thải (trừ bay hơi, vào sản phẩm, tái sử dụng)",
        fromFlows ? "Σ wastewater flows of the steps (W7; no W5 outputs)" : "Σ W5 outputs discharged (not evaporation, in product, reuse)",
        fromFlows ? wwInputs() : outInputs),
      supplyCost: tot("supplyCost", supplyCost, "VND", "Chi phí nước cấp", "Water supply cost", "Σ lượng × đơn giá nguồn",
        "Σ amount × source price", sources.map { ExplainInput($0.name, $0.cost.value, "VND", source: $0.cost.path) }),
      wastewaterCharge: tot("wastewaterCharge", charge, "VND", "Phí nước thải", "Wastewater charge", "nước thải × phí/m³",
        "wastewater × charge per m³", [ExplainInput("m³", wastewater.value, "m³", source: "water.total.wastewater")], chargeFactors),
      totalCost: tot("totalCost", totalCost, "VND", "Tổng chi phí nước", "Total water cost", "chi phí cấp + phí nước thải",
        "supply cost + wastewater charge", [ExplainInput("cấp/supply", supplyCost.value, "VND", source: "water.total.supplyCost"),
                                           ExplainInput("phí/charge", charge.value, "VND", source: "water.total.wastewaterCharge")]))
    var value = avgPrice
    if let p = c.a.header.settings.wastewaterCharge, let pr = c.price(p, name: ""), pr.dimension == .volume {
      value = value.map { $0 + pr.vndPerSI }
    }
    return WaterOutcome(
      results: WaterResults(sources: sources, consumers: consumers, outputs: outputs, steps: steps, total: totals),
      supply: supply, valuePerM3: value, stepConsumption: stepUse)
  }

  static func lt(_ vi: String, _ en: String, _ name: String) -> LocalizedText {
    LocalizedText(vi: "\(vi) — \(name)", en: "\(en) — \(name)")
  }
}
