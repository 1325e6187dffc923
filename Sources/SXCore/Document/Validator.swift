import Foundation

/// Checks an assessment as a whole. Used on import (a bad document writes nothing) and before every stored edit.
public enum Validator {
  /// Allowed dimensions of a flow's quantity by kind.
  public static func dimensions(for kind: FlowKind) -> Set<Dimension> {
    switch kind {
    case .rawMaterial, .chemical, .packaging, .product, .byProduct, .reuse, .solidWaste, .hazardousWaste:
      [.mass, .volume, .count, .length, .area]
    case .water, .wastewater: [.volume, .mass]
    case .energy: [.energy, .mass, .volume]
    case .heat: [.energy]
    case .airEmission: [.mass, .volume]
    case .unaccountedLoss: [.mass, .volume, .energy]
    }
  }

  /// Every problem of `a`, with paths relative to the assessment (`$.flows[3].quantity`).
  public static func validate(_ a: Assessment) -> [DataIssue] {
    var v = Run(a)
    v.run()
    return v.issues
  }

  /// The problems of the header alone (settings and profile, text lengths), as ``validate(_:)`` reports them.
  /// Used before storing one edit of the header: the cost does not grow with the rows.
  public static func validateHeader(_ a: Assessment) -> [DataIssue] {
    var v = Run(a)
    v.header()
    v.longTexts(longTexts(in: a.header, prefix: "$.header"))
    return v.issues
  }

  /// The problems of one text field of the profile or the period (`path` as in JSON: `["profile", "address"]`):
  /// exactly those of ``validateHeader(_:)`` at `$.header.profile.address` (a blank plant name, a text too long),
  /// found from that text alone. Nil when `path` is not such a field (the whole header check is then needed).
  /// Used before storing an edit of that field, whose own problems are the only ones shown.
  public static func validateHeaderText(_ a: Assessment, at path: [String]) -> [DataIssue]? {
    guard path.count == 2 else { return nil }
    let p = a.header.profile, period = a.header.period
    let text: String
    switch (path[0], path[1]) {
    case ("profile", "name"): text = p.name
    case ("profile", "address"): text = p.address
    case ("profile", "province"): text = p.province
    case ("profile", "sector"): text = p.sector
    case ("profile", "products"): text = p.products
    case ("profile", "markets"): text = p.markets
    case ("profile", "previousProgrammes"): text = p.previousProgrammes
    case ("profile", "contact"): text = p.contact
    case ("period", "start"): text = period.start
    case ("period", "end"): text = period.end
    default: return nil
    }
    let fieldPath = "$.header." + path[0] + "." + path[1]
    var v = Run(a)
    // Of the header's own checks only the plant name's concerns a text of the profile or the period.
    if path[0] == "profile" && path[1] == "name" { v.required(text, fieldPath) }
    v.longTexts(longTexts(in: text, prefix: fieldPath))
    return v.issues
  }

  /// The problems of one row as it would be stored at `index` among the rows of its kind in `a` (named
  /// `arrayName` in paths: `flows`), with the same paths and messages as ``validate(_:)``: its fields,
  /// its references to other rows of `a`, an empty id, text lengths. Used before storing one edit of a row:
  /// the cost does not grow with the number of rows of other kinds, and only linearly (no allocation) with
  /// the referenced ones.
  public static func validate(record: AnyRecord, at index: Int, arrayName: String, in a: Assessment) -> [DataIssue] {
    var v = Run(a)
    v.record(record, at: index, arrayName: arrayName)
    return v.issues
  }

  struct Run {
    let a: Assessment
    var issues: [DataIssue] = []
    var units = UnitSystem.standard {
      didSet { unitCache = [:] }
    }
    /// Unit lookups of this run by symbol as written (a lookup normalises the text; rows repeat a few units).
    var unitCache: [String: UnitDef?] = [:]

    mutating func unit(_ symbol: String) -> UnitDef? {
      if let known = unitCache[symbol] { return known }
      let u = units.unit(symbol)
      unitCache[symbol] = u
      return u
    }

    init(_ a: Assessment) { self.a = a }

    mutating func issue(_ path: String, vi: String, en: String) {
      issues.append(DataIssue(path: path, message: LocalizedText(vi: vi, en: en)))
    }

    mutating func required(_ s: String, _ path: @autoclosure () -> String) {
      // Most texts start with a letter: only a text that starts with white space can be blank.
      if let first = s.unicodeScalars.first, !CharacterSet.whitespacesAndNewlines.contains(first) { return }
      if s.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
        issue(path(), vi: "bắt buộc, chưa nhập", en: "required, but empty")
      }
    }

    mutating func quantity(_ q: Quantity?, _ path: String, _ dims: Set<Dimension>, nonNegative: Bool = true) {
      guard let q else { return }
      guard q.value.isFinite, q.si.isFinite, abs(q.si) <= 1e300 else {
        issue(path, vi: "số không hữu hạn (NaN hoặc vô cực)", en: "number is not finite (NaN or infinity)")
        return
      }
      guard let u = unit(q.unit) else {
        issue(path + ".unit", vi: "đơn vị không rõ «\(q.unit)»", en: "unknown unit «\(q.unit)»")
        return
      }
      if !dims.isEmpty, !dims.contains(u.dimension) {
        let need = dims.map(\.name.vi).sorted().joined(separator: "/")
        let needEn = dims.map(\.name.en).sorted().joined(separator: "/")
        issue(
          path + ".unit", vi: "đơn vị «\(q.unit)» là \(u.dimension.name.vi), cần \(need)",
          en: "unit «\(q.unit)» is \(u.dimension.name.en); \(needEn) is needed")
      }
      let expected = u.toSI(q.value)
      if abs(expected - q.si) > 1e-9 * max(1, abs(expected)) {
        issue(path + ".si", vi: "giá trị SI không khớp với giá trị và đơn vị", en: "SI value does not match value and unit")
      }
      if nonNegative, q.value < 0, u.offset == 0 {
        issue(path, vi: "không được âm (\(q.value))", en: "must not be negative (\(q.value))")
      }
    }

    mutating func price(_ p: UnitPrice?, _ path: String) {
      guard let p else { return }
      quantity(p.amount, path + ".amount", [.money])
      if unit(p.perUnit) == nil {
        issue(path + ".perUnit", vi: "đơn vị không rõ «\(p.perUnit)»", en: "unknown unit «\(p.perUnit)»")
      }
    }

    mutating func score(_ s: Int?, _ path: String, _ range: ClosedRange<Int>) {
      if let s, !range.contains(s) {
        issue(path, vi: "phải trong khoảng \(range.lowerBound)–\(range.upperBound)", en: "must be within \(range.lowerBound)–\(range.upperBound)")
      }
    }

    mutating func uniqueIds(_ ids: [String], _ path: String) {
      var seen = Set<String>()
      for (i, id) in ids.enumerated() {
        if id.isEmpty { issue("\(path)[\(i)].id", vi: "thiếu mã dòng", en: "row id missing") }
        if !seen.insert(id).inserted { issue("\(path)[\(i)].id", vi: "mã dòng trùng «\(id)»", en: "duplicate row id «\(id)»") }
      }
    }

    mutating func run() {
      header()
      uniqueIds(a.team.map(\.id), "$.team")
      for (i, t) in a.team.enumerated() { teamMember(t, i) }
      uniqueIds(a.products.map(\.id), "$.products")
      for (i, r) in a.products.enumerated() { product(r, i) }
      uniqueIds(a.materials.map(\.id), "$.materials")
      for (i, r) in a.materials.enumerated() { material(r, i) }
      uniqueIds(a.energyCarriers.map(\.id), "$.energyCarriers")
      for (i, r) in a.energyCarriers.enumerated() { energyCarrier(r, i) }
      let stepIds = Set(a.steps.map(\.id))
      uniqueIds(a.water.map(\.id), "$.water")
      for (i, r) in a.water.enumerated() { waterItem(r, i, stepIds.contains) }
      uniqueIds(a.steps.map(\.id), "$.steps")
      for (i, r) in a.steps.enumerated() { processStep(r, i) }
      let carrierIds = Set(a.energyCarriers.map(\.id))
      uniqueIds(a.flows.map(\.id), "$.flows")
      for (i, f) in a.flows.enumerated() { flow(f, i, stepIds.contains, carrierIds.contains) }
      uniqueIds(a.wasteStreams.map(\.id), "$.wasteStreams")
      let flowIds = Set(a.flows.map(\.id))
      for (i, w) in a.wasteStreams.enumerated() { wasteStream(w, i, stepIds.contains, flowIds.contains) }
      let targets = stepIds.union(a.wasteStreams.map(\.id))
      uniqueIds(a.focus.map(\.id), "$.focus")
      for (i, f) in a.focus.enumerated() { focusItem(f, i, targets.contains) }
      uniqueIds(a.opportunities.map(\.id), "$.opportunities")
      for (i, o) in a.opportunities.enumerated() { opportunity(o, i, stepIds.contains) }
      uniqueIds(a.actions.map(\.id), "$.actions")
      for (i, x) in a.actions.enumerated() { actionItem(x, i) }
      uniqueIds(a.indicators.map(\.id), "$.indicators")
      for (i, x) in a.indicators.enumerated() { indicator(x, i) }
      uniqueIds(a.earlierPeriods.map(\.id), "$.earlierPeriods")
      for (i, x) in a.earlierPeriods.enumerated() { earlierPeriod(x, i) }
      textLimits()
    }

    /// The settings (which give the unit system) and the profile.
    mutating func header() {
      let h = a.header
      let s = h.settings
      // Settings first: the unit system depends on them.
      for (i, r) in s.currencyRates.enumerated() where !(r.vndPerUnit.isFinite && r.vndPerUnit > 0) {
        issue("$.header.settings.currencyRates[\(i)].vndPerUnit", vi: "tỷ giá phải là số dương", en: "rate must be positive")
      }
      do { units = try s.unitSystem() } catch let e as LocalizedFailure {
        issue("$.header.settings", vi: e.message.vi, en: e.message.en)
      } catch {}
      if !(s.imbalanceThreshold > 0 && s.imbalanceThreshold < 1) {
        issue("$.header.settings.imbalanceThreshold", vi: "phải trong khoảng (0, 1)", en: "must be within (0, 1)")
      }
      if !(s.discountRate >= 0 && s.discountRate < 1) {
        issue("$.header.settings.discountRate", vi: "phải trong khoảng [0, 1)", en: "must be within [0, 1)")
      }
      if !(1990...2100).contains(s.gridFactorYear) {
        issue("$.header.settings.gridFactorYear", vi: "năm không hợp lệ", en: "invalid year")
      }
      for (i, c) in s.criteria.enumerated() where !(c.weight.isFinite && c.weight >= 0) {
        issue("$.header.settings.criteria[\(i)].weight", vi: "trọng số phải ≥ 0", en: "weight must be ≥ 0")
      }
      quantity(s.systemCost, "$.header.settings.systemCost", [.money])
      price(s.wastewaterCharge, "$.header.settings.wastewaterCharge")
      let p = h.profile
      required(p.name, "$.header.profile.name")
      if let e = p.employees, e < 0 { issue("$.header.profile.employees", vi: "không được âm", en: "must not be negative") }
      score(p.shifts, "$.header.profile.shifts", 0...4)
      quantity(p.operatingHours, "$.header.profile.operatingHours", [.time])
      quantity(p.annualOutput, "$.header.profile.annualOutput", [.mass, .volume, .count, .length, .area])
      quantity(p.turnover, "$.header.profile.turnover", [.money])
      quantity(p.labourCost, "$.header.profile.labourCost", [.money])
    }

    mutating func teamMember(_ t: TeamMember, _ i: Int) { required(t.name, "$.team[\(i)].name") }

    mutating func product(_ r: Product, _ i: Int) {
      required(r.name, "$.products[\(i)].name")
      quantity(r.annualQuantity, "$.products[\(i)].annualQuantity", [.mass, .volume, .count, .length, .area])
    }

    mutating func material(_ r: Material, _ i: Int) {
      required(r.name, "$.materials[\(i)].name")
      quantity(r.annualQuantity, "$.materials[\(i)].annualQuantity", [.mass, .volume, .count, .length, .area])
      price(r.unitPrice, "$.materials[\(i)].unitPrice")
      if let x = r.intoProductShare, !(0...1).contains(x) {
        issue("$.materials[\(i)].intoProductShare", vi: "phải trong khoảng 0–1", en: "must be within 0–1")
      }
    }

    mutating func energyCarrier(_ r: EnergyCarrier, _ i: Int) {
      required(r.name, "$.energyCarriers[\(i)].name")
      required(r.fuel, "$.energyCarriers[\(i)].fuel")
      quantity(r.annualQuantity, "$.energyCarriers[\(i)].annualQuantity", [.energy, .mass, .volume])
      price(r.unitPrice, "$.energyCarriers[\(i)].unitPrice")
    }

    mutating func waterItem(_ r: WaterItem, _ i: Int, _ isStep: (String) -> Bool) {
      required(r.name, "$.water[\(i)].name")
      quantity(r.annualQuantity, "$.water[\(i)].annualQuantity", [.volume, .mass])
      price(r.unitPrice, "$.water[\(i)].unitPrice")
      if let sid = r.stepId, !isStep(sid) {
        issue("$.water[\(i)].stepId", vi: "công đoạn không tồn tại «\(sid)»", en: "no such process step «\(sid)»")
      }
    }

    mutating func processStep(_ r: ProcessStep, _ i: Int) {
      required(r.name, "$.steps[\(i)].name")
      quantity(r.stockChange, "$.steps[\(i)].stockChange", [.mass], nonNegative: false)
      quantity(r.systemCost, "$.steps[\(i)].systemCost", [.money])
    }

    mutating func flow(_ f: Flow, _ i: Int, _ isStep: (String) -> Bool, _ isCarrier: (String) -> Bool) {
      let path = "$.flows[\(i)]"
      required(f.name, path + ".name")
      if !isStep(f.stepId) {
        issue(path + ".stepId", vi: "công đoạn không tồn tại «\(f.stepId)»", en: "no such process step «\(f.stepId)»")
      }
      quantity(f.quantity, path + ".quantity", dimensions(for: f.kind))
      price(f.unitPrice, path + ".unitPrice")
      if let c = f.carrierId, !isCarrier(c) {
        issue(path + ".carrierId", vi: "dạng năng lượng không tồn tại «\(c)»", en: "no such energy carrier «\(c)»")
      }
    }

    mutating func wasteStream(_ w: WasteStream, _ i: Int, _ isStep: (String) -> Bool, _ isFlow: (String) -> Bool) {
      let path = "$.wasteStreams[\(i)]"
      required(w.name, path + ".name")
      if let sid = w.sourceStepId, !isStep(sid) {
        issue(path + ".sourceStepId", vi: "công đoạn không tồn tại «\(sid)»", en: "no such process step «\(sid)»")
      }
      if let fid = w.flowId, !isFlow(fid) {
        issue(path + ".flowId", vi: "dòng vào/ra không tồn tại «\(fid)»", en: "no such flow «\(fid)»")
      }
      quantity(w.quantity, path + ".quantity", dimensions(for: w.kind))
      quantity(w.disposalCost, path + ".disposalCost", [.money])
      price(w.materialValue, path + ".materialValue")
    }

    mutating func focusItem(_ f: FocusItem, _ i: Int, _ isTarget: (String) -> Bool) {
      let path = "$.focus[\(i)]"
      if !isTarget(f.targetId) {
        issue(path + ".targetId", vi: "không có công đoạn/dòng thải «\(f.targetId)»", en: "no step or stream «\(f.targetId)»")
      }
      score(f.costScore, path + ".costScore", 1...5)
      score(f.environmentScore, path + ".environmentScore", 1...5)
      score(f.safetyScore, path + ".safetyScore", 1...5)
      score(f.regulationScore, path + ".regulationScore", 1...5)
    }

    mutating func opportunity(_ o: Opportunity, _ i: Int, _ isStep: (String) -> Bool) {
      let path = "$.opportunities[\(i)]"
      required(o.title, path + ".title")
      score(o.effort, path + ".effort", 1...10)
      for (k, q) in [("equipment", o.investment.equipment), ("installation", o.investment.installation),
                     ("engineering", o.investment.engineering), ("other", o.investment.other)] {
        quantity(q, path + ".investment.\(k)", [.money])
      }
      quantity(o.addedOM, path + ".addedOM", [.money])
      quantity(o.actualCost, path + ".actualCost", [.money])
      quantity(o.actualSavings, path + ".actualSavings", [.money], nonNegative: false)
      if let l = o.lifetimeYears, !(l.isFinite && l > 0 && l <= 100) {
        issue(path + ".lifetimeYears", vi: "tuổi thọ phải trong (0, 100] năm", en: "lifetime must be within (0, 100] years")
      }
      for (j, sv) in o.savings.enumerated() {
        quantity(sv.quantity, path + ".savings[\(j)].quantity", [], nonNegative: false)
        quantity(sv.value, path + ".savings[\(j)].value", [.money], nonNegative: false)
      }
      for (k, v) in o.scores.sorted(by: { $0.key < $1.key }) { score(v, path + ".scores.\(k)", 1...5) }
      if let sid = o.stepId, !isStep(sid) {
        issue(path + ".stepId", vi: "công đoạn không tồn tại «\(sid)»", en: "no such process step «\(sid)»")
      }
    }

    mutating func actionItem(_ x: ActionItem, _ i: Int) {
      required(x.what, "$.actions[\(i)].what")
      quantity(x.budget, "$.actions[\(i)].budget", [.money])
    }

    mutating func indicator(_ x: IndicatorTarget, _ i: Int) {
      required(x.key, "$.indicators[\(i)].key")
      for (n, v) in [("baseline", x.baseline), ("target", x.target)] where v.map({ !$0.isFinite }) ?? false {
        issue("$.indicators[\(i)].\(n)", vi: "số không hữu hạn", en: "number is not finite")
      }
    }

    mutating func earlierPeriod(_ x: EarlierPeriodValue, _ i: Int) {
      if x.value.map({ !$0.isFinite }) ?? false {
        issue("$.earlierPeriods[\(i)].value", vi: "số không hữu hạn", en: "number is not finite")
      }
    }

    /// One row at `index` among the rows of its kind, checked against the rest of `a` (references, duplicate id,
    /// text lengths). The unit system comes from `a`'s settings.
    mutating func record(_ r: AnyRecord, at i: Int, arrayName: String) {
      if let u = try? a.header.settings.unitSystem() { units = u }
      let a = self.a
      let isStep: (String) -> Bool = { id in a.steps.contains { $0.id == id } }
      switch r {
      case .teamMember(let x): teamMember(x, i)
      case .product(let x): product(x, i)
      case .material(let x): material(x, i)
      case .energyCarrier(let x): energyCarrier(x, i)
      case .waterItem(let x): waterItem(x, i, isStep)
      case .processStep(let x): processStep(x, i)
      case .flow(let x): flow(x, i, isStep, { id in a.energyCarriers.contains { $0.id == id } })
      case .wasteStream(let x): wasteStream(x, i, isStep, { id in a.flows.contains { $0.id == id } })
      case .focusItem(let x): focusItem(x, i, { id in isStep(id) || a.wasteStreams.contains { $0.id == id } })
      case .opportunity(let x): opportunity(x, i, isStep)
      case .actionItem(let x): actionItem(x, i)
      case .indicator(let x): indicator(x, i)
      case .earlierPeriod(let x): earlierPeriod(x, i)
      }
      let path = "$.\(arrayName)[\(i)]"
      if r.id.isEmpty { issue(path + ".id", vi: "thiếu mã dòng", en: "row id missing") }
      longTexts(Validator.longTexts(of: r, prefix: path))
    }

    /// Every string in the assessment must be at most `Limits.maxTextLength` characters.
    mutating func textLimits() { longTexts(Validator.longTexts(in: a, prefix: "$")) }

    mutating func longTexts(_ found: [(path: String, count: Int)]) {
      for (path, n) in found {
        issue(
          path, vi: "văn bản quá dài (\(n) ký tự; tối đa \(Limits.maxTextLength))",
          en: "text too long (\(n) characters; at most \(Limits.maxTextLength))")
      }
    }

  }
}
