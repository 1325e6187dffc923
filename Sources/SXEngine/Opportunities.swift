import Foundation
import SXCore

/// Planned physical savings of the counted opportunities, for the policy gap.
struct PlannedSavings {
  var toe = Val.sum
  var waterM3 = Val.sum
  var materialKg = Val.sum
}

enum OpportunityArea {
  /// `explain`: register each figure with the recipe of its explanation in `ledger`. Without it (the knowledge base's
  /// proposals, whose ledger is dropped) only the figures are made: the same paths, values, units and reasons.
  static func compute(
    _ c: Context, water: WaterOutcome, ledger: inout Ledger, explain: Bool = true
  ) -> (EconomicsResults, PlannedSavings) {
    let rate = c.a.header.settings.discountRate
    let electricity = c.a.energyCarriers.first { $0.fuel == "electricity" }
    var out: [OpportunityEconomics] = []
    out.reserveCapacity(c.a.opportunities.count)
    var planned = PlannedSavings()
    var totI = Val.sum
    var totS = Val.sum
    var totNPV = Val.sum
    for o in c.a.opportunities {
      let title = o.title.isEmpty ? o.id : o.title
      // The opportunity's figure paths, made once per id and process (a recompute meets the same ids again).
      let paths = OpportunityPaths.shared.paths(o.id)
      let base = paths.base
      if explain { ledger.name("economics.opportunities", id: o.id, name: o.title) }
      var saving = o.savings.isEmpty ? Val.missing(Reason.noSavings) : .sum
      var toe = Val.sum
      var waterM3 = Val.sum
      var materialKg = Val.sum
      var savingInputs: [ExplainInput] = []
      for (j, sv) in o.savings.enumerated() {
        let what = "\(title) / \(sv.resource.label.vi)"
        let q = sv.quantity
        var carrier = sv.carrierId.flatMap { c.carrierById[$0] }
        let material = sv.carrierId.flatMap { c.materialById[$0] }
        if carrier == nil, material == nil, sv.resource == .electricity {
          carrier = electricity ?? {
            var e = EnergyCarrier(id: "electricity")
            e.fuel = "electricity"
            return e
          }()
        }
        let energy = carrier.map { c.energy(q, carrier: $0, price: $0.unitPrice, name: what) }
        // Value per year.
        var value: Val
        if let v = sv.value {
          value = Val(v.si)
        } else if q == nil {
          value = .missing(Reason.savingUnpriced(what))
        } else if let e = energy {
          value = e.cost.value == nil ? Val(nil, [Reason.savingUnpriced(what)] + e.cost.reasons) : e.cost
        } else if let m = material {
          let v = c.cost(q, m.unitPrice, name: what)
          value = v.value == nil ? Val(nil, [Reason.savingUnpriced(what)] + v.reasons) : v
        } else if sv.resource == .water {
          value = Val(nil, [Reason.savingUnpriced(what)])
          if let m3 = c.waterM3(q, name: what).value, let p = water.valuePerM3.value { value = Val(m3 * p) }
        } else {
          value = .missing(Reason.savingUnpriced(what))
        }
        saving.add(value)
        if explain {
          savingInputs.append(ExplainInput(sv.resource.label.en, value.value, "VND/yr", source: "\(src("opportunities", o.id)).savings[\(j)]"))
        }
        // Physical saving.
        switch sv.resource {
        case .electricity, .fuel, .steam:
          if let e = energy { toe.add(e.toe) } else if q != nil { toe.add(.missing(Reason.savingNotConvertible(what))) }
        case .water:
          if q != nil { waterM3.add(c.waterM3(q, name: what)) }
        case .chemicals, .rawMaterial:
          if q != nil { materialKg.add(c.massKg(q, kind: .rawMaterial, name: what)) }
        case .wasteDisposal, .other:
          break
        }
      }
      let totalVND = o.investment.totalVND
      let investment = Val(totalVND)
      let om = Val(o.addedOM?.si ?? 0)
      let net = saving.map { $0 - (o.addedOM?.si ?? 0) }
      let life: Val = o.lifetimeYears.map { Val($0) } ?? .missing(Reason.noLifetime)
      let years = o.lifetimeYears.map { max(1, Int($0.rounded(.down))) }
      let ioIn =
        explain
        ? [
          ExplainInput("I₀", investment.value, "VND", source: base + ".investment"),
          ExplainInput("S_net", net.value, "VND/yr", source: base + ".annualNetSaving"),
          ExplainInput("n", years.map(Double.init), "yr", source: src("opportunities", o.id) + ".lifetimeYears"),
        ] : []
      let rateF = explain ? [ExplainFactor("r", rate, "1/yr", source: "header.settings.discountRate")] : []
      var flows: [Double]?
      if let s = net.value, let n = years { flows = Economics.levelFlows(investment: totalVND, annualNetSaving: s, years: n) }
      let needs = net.reasons + life.reasons
      // Simple payback: on the cash flows when the lifetime is known, else I / S_net.
      var payback: Val
      if let f = flows {
        payback = Economics.simplePayback(cashFlows: f).map { Val($0, net.reasons) } ?? Val(nil, net.reasons + [Reason.neverPaysBack])
      } else if let s = net.value {
        payback = totalVND == 0 ? Val(0) : s > 0 ? Val(totalVND / s) : .missing(Reason.neverPaysBack)
        payback.reasons += net.reasons
      } else {
        payback = Val(nil, net.reasons)
      }
      let npv: Val = flows.map { Val(Economics.npv(rate: rate, cashFlows: $0), needs) } ?? Val(nil, needs)
      let irr: Val = flows.map { f in Economics.irr(cashFlows: f).map { Val($0, needs) } ?? Val(nil, needs + [Reason.noIRR]) } ?? Val(nil, needs)
      let dpb: Val = flows.map { f in
        Economics.discountedPayback(rate: rate, cashFlows: f).map { Val($0, needs) } ?? Val(nil, needs + [Reason.neverPaysBack])
      } ?? Val(nil, needs)
      let ann: Val = flows.map { Val(Economics.annualisedSaving(rate: rate, cashFlows: $0), needs) } ?? Val(nil, needs)
      let counted = o.screening != .rejected && o.status != .rejected
      let l = { @Sendable (vi: String, en: String) in LocalizedText(vi: "\(vi) — \(title)", en: "\(en) — \(title)") }
      func fig(_ k: String, _ v: Val, _ unit: String, _ vi: String, _ en: String, _ fvi: String, _ fen: String,
               _ ins: @autoclosure () -> [ExplainInput], _ fs: [ExplainFactor] = []) -> Figure {
        let path = paths.path(k)
        guard explain else { return Figure(path: path, value: v.value, unit: unit, reasons: v.reasons) }
        let inputs = ins()
        return ledger.figure(path, v, unit, label: l(vi, en), formula: LocalizedText(vi: fvi, en: fen), inputs: inputs, factors: fs)
      }
      let inv = o.investment
      let e = OpportunityEconomics(
        id: o.id, title: title,
        investment: fig("investment", investment, "VND", "Vốn đầu tư", "Investment", "thiết bị + lắp đặt + thiết kế + khác",
          "equipment + installation + engineering + other",
          [input("equipment", inv.equipment, source: base), input("installation", inv.installation, source: base),
           input("engineering", inv.engineering, source: base), input("other", inv.other, source: base)]),
        annualSaving: fig("annualSaving", saving, "VND/yr", "Tiết kiệm hằng năm", "Annual saving",
          "Σ giá trị tiết kiệm (nhập, hoặc lượng × đơn giá của dạng năng lượng/nguyên liệu/nước)",
          "Σ saving values (entered, or amount × the carrier/material/water price)", savingInputs),
        addedOM: fig("addedOM", om, "VND/yr", "Chi phí vận hành thêm", "Added O&M", "W10", "W10",
          [input("addedOM", o.addedOM, source: src("opportunities", o.id))]),
        annualNetSaving: fig("annualNetSaving", net, "VND/yr", "Tiết kiệm ròng hằng năm", "Annual net saving", "tiết kiệm − chi phí vận hành thêm",
          "saving − added O&M", [ExplainInput("S", saving.value, "VND/yr", source: base + ".annualSaving"),
                                 ExplainInput("O&M", om.value, "VND/yr", source: base + ".addedOM")]),
        lifetimeYears: fig("lifetimeYears", life, "yr", "Tuổi thọ", "Lifetime", "W10 (làm tròn xuống số năm nguyên cho dòng tiền)",
          "W10 (whole years, rounded down, for the cash flows)", []),
        discountRate: rate,
        simplePayback: fig("simplePayback", payback, "yr", "Thời gian hoàn vốn giản đơn", "Simple payback",
          OpportunityArea.paybackFormula.vi, OpportunityArea.paybackFormula.en, ioIn),
        npv: fig("npv", npv, "VND", "Giá trị hiện tại ròng", "NPV", OpportunityArea.npvFormula.vi, OpportunityArea.npvFormula.en, ioIn, rateF),
        irr: fig("irr", irr, "1/yr", "Tỷ suất hoàn vốn nội bộ", "IRR", "r sao cho NPV = 0", "r such that NPV = 0", ioIn),
        discountedPayback: fig("discountedPayback", dpb, "yr", "Hoàn vốn có chiết khấu", "Discounted payback",
          "như hoàn vốn giản đơn trên dòng tiền đã chiết khấu CF_t/(1+r)^t", "as simple payback, on discounted flows CF_t/(1+r)^t", ioIn, rateF),
        annualisedSaving: fig("annualisedSaving", ann, "VND/yr", "Tiết kiệm quy đổi hằng năm", "Annualised saving",
          "NPV × CRF, CRF = r(1+r)^n/((1+r)^n − 1) (= S_net − I₀ × CRF)", "NPV × CRF, CRF = r(1+r)^n/((1+r)^n − 1) (= S_net − I₀ × CRF)",
          ioIn, rateF),
        toeSaving: fig("toeSaving", toe, "TOE/yr", "Tiết kiệm năng lượng", "Energy saving", "Σ lượng tiết kiệm điện/nhiên liệu/hơi quy đổi TOE",
          "Σ electricity/fuel/steam savings in TOE", savingInputs),
        waterSaving: fig("waterSaving", waterM3, "m³/yr", "Tiết kiệm nước", "Water saving", "Σ lượng nước tiết kiệm", "Σ water savings", []),
        materialSaving: fig("materialSaving", materialKg, "kg/yr", "Tiết kiệm nguyên liệu, hóa chất", "Material saving",
          "Σ nguyên liệu và hóa chất tiết kiệm", "Σ raw-material and chemical savings", []),
        counted: counted)
      out.append(e)
      if counted {
        planned.toe.add(toe)
        planned.waterM3.add(waterM3)
        planned.materialKg.add(materialKg)
        totI.add(investment)
        totS.add(net)
        totNPV.add(npv)
      }
    }
    let countedIns = out.filter(\.counted)
    func total(_ k: String, _ v: Val, _ unit: String, _ vi: String, _ en: String, _ pick: @escaping @Sendable (OpportunityEconomics) -> Figure) -> Figure {
      guard explain else { return Figure(path: "economics." + k, value: v.value, unit: unit, reasons: v.reasons) }
      return ledger.figure("economics." + k, v, unit, label: LocalizedText(vi: vi, en: en),
        formula: LocalizedText(vi: "Σ các giải pháp không bị loại", en: "Σ over opportunities not rejected"),
        inputs: countedIns.map { ExplainInput($0.title, pick($0).value, unit, source: pick($0).path) }.capped())
    }
    return (
      EconomicsResults(
        opportunities: out,
        totalInvestment: total("totalInvestment", totI, "VND", "Tổng vốn đầu tư", "Total investment", { $0.investment }),
        totalAnnualNetSaving: total("totalAnnualNetSaving", totS, "VND/yr", "Tổng tiết kiệm ròng", "Total annual net saving", { $0.annualNetSaving }),
        totalNPV: total("totalNPV", totNPV, "VND", "Tổng NPV", "Total NPV", { $0.npv })),
      planned
    )
  }

  /// The cash-flow convention of the payback and NPV formulas.
  static let convention = LocalizedText(
    vi: "quy ước: năm 0 = −I₀ (không chiết khấu), năm t = S_net cuối năm t",
    en: "convention: year 0 = −I₀ (undiscounted), year t = S_net at the end of year t")
  /// The formulas of the simple payback and the NPV, with the convention (joined once per process).
  static let paybackFormula = LocalizedText(
    vi: "số năm đến khi dòng tiền tích lũy ≥ 0, nội suy tuyến tính (= I₀ / S_net với dòng tiền đều); " + convention.vi,
    en: "years until the cumulative flow turns ≥ 0, linear inside the year (= I₀ / S_net for level flows); " + convention.en)
  static let npvFormula = LocalizedText(vi: "Σ CF_t / (1+r)^t; " + convention.vi, en: "Σ CF_t / (1+r)^t; " + convention.en)

  /// `a + b + c`, its UTF-8 copied once into a string of the exact size (the figure paths of every opportunity;
  /// appending to a `String` costs more than the bytes).
  static func joined(_ a: String, _ b: String, _ c: String) -> String {
    String(unsafeUninitializedCapacity: a.utf8.count + b.utf8.count + c.utf8.count) { out -> Int in
      var o = 0
      func copy(_ part: String) {
        let copied: Int? = part.utf8.withContiguousStorageIfAvailable { bytes -> Int in
          if let base = bytes.baseAddress, !bytes.isEmpty { (out.baseAddress! + o).initialize(from: base, count: bytes.count) }
          return bytes.count
        }
        if let n = copied {
          o += n
        } else {
          for byte in part.utf8 {
            out[o] = byte
            o += 1
          }
        }
      }
      copy(a)
      copy(b)
      copy(c)
      return o
    }
  }
}

/// The figure paths of an opportunity's economics (`economics.opportunities[<id>]` and each field under it), by
/// opportunity id, made once per process for at most `limit` ids (later ids get theirs made on every call).
final class OpportunityPaths: @unchecked Sendable {
  struct Paths: Sendable {
    var base: String
    /// (field, path) for every field of `OpportunityEconomics` that is a figure.
    var fields: [(String, String)]

    /// The path of field `k`.
    func path(_ k: String) -> String {
      for (f, p) in fields where f == k { return p }
      return OpportunityArea.joined(base, ".", k)
    }
  }

  static let shared = OpportunityPaths()
  static let limit = 4096
  static let fieldNames = [
    "investment", "annualSaving", "addedOM", "annualNetSaving", "lifetimeYears", "simplePayback", "npv", "irr",
    "discountedPayback", "annualisedSaving", "toeSaving", "waterSaving", "materialSaving",
  ]
  private var made: [String: Paths] = [:]
  private let lock = NSLock()

  static func make(_ id: String) -> Paths {
    let base = OpportunityArea.joined("economics.opportunities[", id, "]")
    return Paths(base: base, fields: fieldNames.map { ($0, OpportunityArea.joined(base, ".", $0)) })
  }

  func paths(_ id: String) -> Paths {
    lock.lock()
    if let p = made[id] {
      lock.unlock()
      return p
    }
    lock.unlock()
    let p = OpportunityPaths.make(id)
    lock.lock()
    if made.count < OpportunityPaths.limit { made[id] = p }
    lock.unlock()
    return p
  }
}
