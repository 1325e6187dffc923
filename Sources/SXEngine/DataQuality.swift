import Foundation
import SXCore

/// Share of measured-grade data (measured, records, calculated) by count and by weight, per area.
enum QualityArea {
  struct Acc {
    var n = 0
    var measured = 0
    var weight = 0.0
    var measuredWeight = 0.0

    mutating func add(_ ds: DataSource, weight w: Double?) {
      n += 1
      let m = ds.isMeasuredGrade
      if m { measured += 1 }
      if let w, w.isFinite {
        weight += abs(w)
        if m { measuredWeight += abs(w) }
      }
    }
  }

  static func compute(_ c: Context, energy: EnergyOutcome, ledger: inout Ledger) -> DataQualityResults {
    var balance = Acc()
    for i in c.a.flows.indices where c.a.flows[i].kind != .energy && c.a.flows[i].kind != .heat {
      balance.add(c.a.flows[i].dataSource, weight: c.facts[i].kg)
    }
    var energyAcc = Acc()
    for (car, e) in energy.carrierAmounts { energyAcc.add(car.dataSource, weight: e.gj.value) }
    var water = Acc()
    for w in c.a.water { water.add(w.dataSource, weight: c.waterM3(w.annualQuantity, name: w.name).value) }
    var waste = Acc()
    for w in c.a.wasteStreams {
      let q = w.quantity ?? w.flowId.flatMap { c.streamFlowById[$0] }.flatMap { c.a.flows[$0].quantity }
      // Energy streams (heat, GJ) weigh nothing here.
      waste.add(w.dataSource, weight: c.massKg(q, kind: w.kind, name: w.name).value)
    }
    var materials = Acc()
    for m in c.a.materials { materials.add(m.dataSource, weight: c.massKg(m.annualQuantity, kind: m.kind, name: m.name).value) }
    let areas: [(String, String, Acc)] = [
      ("balance", "kg", balance), ("energy", "GJ", energyAcc), ("water", "m³", water), ("wasteCost", "kg", waste),
      ("materials", "kg", materials),
    ]
    var out: [DataQualityArea] = []
    var all = Acc()
    for (key, unit, a) in areas {
      all.n += a.n
      all.measured += a.measured
      let p = "dataQuality.areas[\(key)]"
      ledger.name("dataQuality.areas", id: key, name: key)
      let empty = LocalizedText(vi: "chưa có dòng số liệu", en: "no records")
      let byCount = ledger.figure(
        p + ".byCountPercent", a.n > 0 ? Val(Double(a.measured) / Double(a.n) * 100) : .missing(empty), "%",
        label: LocalizedText(vi: "Tỷ lệ số liệu đo/sổ sách (theo số dòng) — \(key)", en: "Measured-grade share (by count) — \(key)"),
        formula: LocalizedText(
          vi: "số dòng đo đạc/sổ sách/tính toán / tổng số dòng × 100",
          en: "rows measured/records/calculated / all rows × 100"),
        inputs: [ExplainInput("measured-grade", Double(a.measured), "rows", source: key), ExplainInput("all", Double(a.n), "rows", source: key)])
      let byWeight = ledger.figure(
        p + ".byWeightPercent", a.weight > 0 ? Val(a.measuredWeight / a.weight * 100) : .missing(empty), "%",
        label: LocalizedText(vi: "Tỷ lệ số liệu đo/sổ sách (theo \(unit)) — \(key)", en: "Measured-grade share (by \(unit)) — \(key)"),
        formula: LocalizedText(vi: "Σ \(unit) đo đạc/sổ sách/tính toán / Σ \(unit) × 100", en: "Σ measured-grade \(unit) / Σ \(unit) × 100"),
        inputs: [ExplainInput("measured-grade", a.measuredWeight, unit, source: key), ExplainInput("all", a.weight, unit, source: key)])
      out.append(DataQualityArea(area: key, records: a.n, measuredRecords: a.measured, byCountPercent: byCount, byWeightPercent: byWeight))
    }
    let (allMeasured, allN) = (all.measured, all.n)
    let overall = ledger.figure(
      "dataQuality.overallByCountPercent", all.n > 0 ? Val(Double(all.measured) / Double(all.n) * 100) : .missing(Reason.noData), "%",
      label: LocalizedText(vi: "Tỷ lệ số liệu đo/sổ sách (toàn bộ)", en: "Measured-grade share (overall)"),
      formula: LocalizedText(vi: "Σ dòng đo/sổ sách / Σ dòng × 100", en: "Σ measured-grade rows / Σ rows × 100"),
      inputs: [ExplainInput("measured-grade", Double(allMeasured), "rows"), ExplainInput("all", Double(allN), "rows")])
    return DataQualityResults(areas: out, overallByCountPercent: overall)
  }
}
