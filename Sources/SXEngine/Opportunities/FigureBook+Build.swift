import Foundation
import SXCore

extension FigureBook {
  /// Builds the figures of an assessment from its engine results (one pass over each table).
  public init(_ a: Assessment, results r: Results, factors: EngineFactors) {
    let c = Context(a, factors)
    var scratch = Ledger()
    let water = WaterArea.compute(c, ledger: &scratch)
    self.init(c, results: r, water: water)
  }

  init(_ c: Context, results r: Results, water: WaterOutcome) {
    let a = c.a
    var s: [String: Double?] = [:]
    s["production"] = r.indicators.production.value
    s["settings.imbalanceThresholdPercent"] = a.header.settings.imbalanceThreshold * 100
    s["settings.discountRate"] = a.header.settings.discountRate
    s["settings.operatingHours"] = a.header.profile.operatingHours.flatMap { q in c.dimension(q) == .time ? q.si / 3600 : nil }
    var maxImb: Double?
    for st in r.balance.steps {
      if let u = st.unaccounted.value, let i = st.massIn.value, i > 0 { maxImb = max(maxImb ?? 0, abs(u) / i * 100) }
    }
    s["balance.maxImbalancePercent"] = maxImb
    s["balance.flaggedSteps"] = Double(r.balance.steps.filter(\.flagged).count)
    s["balance.plant.closurePercent"] = r.balance.plant.closurePercent.value
    let t = r.energy.total
    s["energy.total.gj"] = t.gj.value
    s["energy.total.toe"] = t.toe.value
    s["energy.total.cost"] = t.cost.value
    s["energy.total.electricityKWh"] = t.electricityKWh.value
    s["energy.total.thermalGJ"] = t.thermalGJ.value
    s["energy.keyEnergyUser"] = r.energy.keyEnergyUser ? 1 : 0
    s["co2.total.co2e"] = r.co2.total.co2e.value
    s["co2.gridFactor"] = r.co2.gridFactor.value
    let w = r.water.total
    s["water.total.supply"] = w.supply.value
    s["water.total.consumption"] = w.consumption.value
    s["water.total.outputs"] = w.outputs.value
    s["water.total.unaccounted"] = w.unaccounted.value
    s["water.total.closurePercent"] = w.closurePercent.value
    s["water.total.wastewater"] = w.wastewater.value
    s["water.total.totalCost"] = w.totalCost.value
    s["water.valuePerM3"] = water.valuePerM3.value
    s["wasteCost.total"] = r.wasteCost.total.value
    s["dataQuality.overallByCountPercent"] = r.dataQuality.overallByCountPercent.value
    for i in r.indicators.items {
      s["indicator." + i.key] = i.value.value
      s["benchmark.\(i.key).goodPractice"] = i.benchmark?.goodPractice
      s["benchmark.\(i.key).typicalLow"] = i.benchmark?.typicalLow
      s["benchmark.\(i.key).typicalHigh"] = i.benchmark?.typicalHigh
    }
    var col: [String: [Row]] = [:]
    let co2ById = Dictionary(r.co2.carriers.map { ($0.id, $0.co2e.value) }, uniquingKeysWith: { a, _ in a })
    col["energy.carrier"] = r.energy.carriers.map { e in
      let fuel = c.carrierById[e.id]?.fuel ?? e.fuel
      return Row(attrs: ["id": e.id, "name": e.name, "fuel": fuel], values: [
        "gj": e.gj.value, "toe": e.toe.value, "cost": e.cost.value, "kwh": e.kwhEq.value, "sharePercent": e.sharePercent.value,
        "unallocatedGJ": e.unallocatedGJ.value, "co2e": co2ById[e.id] ?? nil,
      ])
    }
    col["energy.step"] = r.energy.steps.map { e in
      Row(attrs: ["id": e.id, "name": e.name], values: [
        "gj": e.gj.value, "toe": e.toe.value, "electricityKWh": e.electricityKWh.value, "thermalGJ": e.thermalGJ.value,
        "cost": e.cost.value, "sharePercent": e.sharePercent.value,
      ])
    }
    col["balance.step"] = r.balance.steps.map { b in
      var imb: Double?
      if let u = b.unaccounted.value, let i = b.massIn.value, i > 0 { imb = abs(u) / i * 100 }
      return Row(attrs: ["id": b.id, "name": b.name], values: [
        "massIn": b.massIn.value, "massOut": b.massOut.value, "unaccounted": b.unaccounted.value,
        "closurePercent": b.closurePercent.value, "imbalancePercent": imb, "flagged": b.flagged ? 1 : 0,
      ])
    }
    col["water.step"] = r.water.steps.map { x in
      Row(attrs: ["id": x.id, "name": x.name], values: ["consumption": x.consumption.value, "sharePercent": x.sharePercent.value])
    }
    let streamById = Dictionary(a.wasteStreams.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    col["wasteCost.stream"] = r.wasteCost.streams.map { x in
      let ws = streamById[x.id]
      let q = ws?.quantity ?? ws?.flowId.flatMap { c.streamFlowById[$0] }.map { c.a.flows[$0].quantity } ?? nil
      let m = FigureBook.measures(q, c)
      return Row(
        attrs: ["id": x.id, "name": x.name, "kind": ws?.kind.rawValue ?? "", "step": x.stepId.map(c.stepName) ?? "",
                "destination": ws?.destination ?? ""],
        values: [
          "mass": x.mass.value, "material": x.material.value, "energy": x.energy.value, "system": x.system.value,
          "wasteManagement": x.wasteManagement.value, "total": x.total.value, "kg": m.kg, "m3": m.m3, "gj": m.gj,
          "disposalCost": ws?.disposalCost.map(\.si),
        ])
    }
    var chemicalCost: Double?
    col["material"] = a.materials.map { m in
      let kg = c.massKg(m.annualQuantity, kind: m.kind, name: m.name).value
      let cost = c.cost(m.annualQuantity, m.unitPrice, name: m.name).value
      if m.kind == .chemical, let v = cost { chemicalCost = (chemicalCost ?? 0) + v }
      let price: Double? = (kg.flatMap { k in k > 0 ? cost.map { $0 / k } : nil })
      return Row(attrs: ["id": m.id, "name": m.name, "kind": m.kind.rawValue, "use": m.use], values: [
        "kg": kg, "cost": cost, "price": price, "intoProductShare": m.intoProductShare,
      ])
    }
    s["materials.chemicalCost"] = chemicalCost
    flows = FlowRows(c)
    col["dataQuality.area"] = r.dataQuality.areas.map { d in
      Row(attrs: ["area": d.area], values: [
        "byCountPercent": d.byCountPercent.value, "byWeightPercent": d.byWeightPercent.value, "records": Double(d.records),
        "measuredRecords": Double(d.measuredRecords),
      ])
    }
    scalars = s
    collections = col
    rowKeys = col.mapValues { AttrKeys(count: $0.count) }
  }

  /// A quantity as kg, m³ or GJ, whichever its dimension allows.
  static func measures(_ q: Quantity?, _ c: Context) -> (kg: Double?, m3: Double?, gj: Double?) {
    measures(q, dimension: q.flatMap { c.dimension($0) })
  }

  static func measures(_ q: Quantity?, dimension: SXCore.Dimension?) -> (kg: Double?, m3: Double?, gj: Double?) {
    guard let q, let d = dimension else { return (nil, nil, nil) }
    switch d {
    case .mass: return (q.si, nil, nil)
    case .volume: return (nil, q.si, nil)
    case .energy: return (nil, nil, q.si / 1e9)
    default: return (nil, nil, nil)
    }
  }
}
