import Foundation
import SXCore

/// The assessment indexed once (dictionaries, no quadratic scans) plus the unit system and factors.
///
/// A class, immutable once built: the explanation recipes of a run capture it (a few hundred closures per run), and
/// a reference costs one retain where a copy of the value retained each of its dozen members and released them all
/// again when the results were freed.
final class Context: Sendable {
  let a: Assessment
  let f: EngineFactors
  let units: UnitSystem
  /// Reasons that apply to the whole run (e.g. a broken unit system).
  let globalReasons: [LocalizedText]
  let stepById: [String: ProcessStep]
  /// Flow indexes by step id, in input order.
  let flowsByStep: [String: [Int]]
  /// Flow index by id (the first flow of an id), only for the ids waste streams name (the only lookups by flow id).
  let streamFlowById: [String: Int]
  let carrierById: [String: EnergyCarrier]
  let materialById: [String: Material]
  /// Unit definitions by the exact symbol typed (looked up once per distinct string).
  let unitCache: [String: UnitDef]
  /// Per flow (same index as `a.flows`): its step's index, quantity dimension, mass and water volume, computed once.
  let facts: [FlowFacts]
  /// Step index by id (the first step of an id).
  let stepIndex: [String: Int]
  /// The "per" units of the prices noted while indexing (flows, W3–W8 rows) with their SI scale of 1 and dimension,
  /// found by comparing bytes (`price` reads them without hashing).
  let priceUnits: SymbolMemo<(one: Double, dimension: SXCore.Dimension)>

  init(_ a: Assessment, _ f: EngineFactors) {
    self.a = a
    self.f = f
    var reasons: [LocalizedText] = []
    let us: UnitSystem
    do {
      us = try a.header.settings.unitSystem()
    } catch let e as LocalizedFailure {
      us = .standard
      reasons.append(Reason.unitSystem(e.message))
    } catch {
      us = .standard
      reasons.append(Reason.unitSystem(LocalizedText(vi: "\(error)", en: "\(error)")))
    }
    units = us
    globalReasons = reasons
    var sb: [String: ProcessStep] = [:]
    for s in a.steps where sb[s.id] == nil { sb[s.id] = s }
    stepById = sb
    var si: [String: Int] = [:]
    for (k, s) in a.steps.enumerated() where si[s.id] == nil { si[s.id] = k }
    stepIndex = si
    // Only the ids the waste streams name; a flow id is hashed only when its length is one of theirs.
    var fid: [String: Int] = [:]
    let wanted = Set(a.wasteStreams.compactMap(\.flowId))
    if !wanted.isEmpty {
      var lengths: [Int] = []
      for w in wanted where !lengths.contains(w.utf8.count) { lengths.append(w.utf8.count) }
      for i in a.flows.indices {
        let id = a.flows[i].id
        if lengths.contains(id.utf8.count), fid[id] == nil, wanted.contains(id) { fid[id] = i }
      }
    }
    streamFlowById = fid
    var cb: [String: EnergyCarrier] = [:]
    for c in a.energyCarriers where cb[c.id] == nil { cb[c.id] = c }
    carrierById = cb
    var mb: [String: Material] = [:]
    for m in a.materials where mb[m.id] == nil { mb[m.id] = m }
    materialById = mb
    // Every distinct unit string once, then one catalogue lookup each; the flows' quantity units are looked up in
    // the same pass that computes their facts.
    var uc: [String: UnitDef] = [:]
    var unknown = Set<String>()
    // The last strings noted (rows repeat the same few units): an equal string needs no hashing.
    var recent: (String, String) = ("", "")
    func note(_ s: String?) {
      guard let s, s != recent.0, s != recent.1 else { return }
      recent = (s, recent.0)
      guard uc[s] == nil, !unknown.contains(s) else { return }
      if let d = us.unit(s) { uc[s] = d } else { unknown.insert(s) }
    }
    func note(_ p: UnitPrice?) {
      guard let p else { return }
      note(p.amount.unit)
      note(p.perUnit)
    }
    for c in a.energyCarriers { note(c.annualQuantity?.unit); note(c.unitPrice); note(c.ncvOverride) }
    for m in a.materials { note(m.annualQuantity?.unit); note(m.unitPrice) }
    for w in a.water { note(w.annualQuantity?.unit); note(w.unitPrice) }
    for w in a.wasteStreams { note(w.quantity?.unit); note(w.materialValue) }
    var facts: [FlowFacts] = []
    facts.reserveCapacity(a.flows.count)
    let wd = f.waterDensity
    let gas = f.gasDensity
    var factStep = ""
    var byIndex = Array(repeating: [Int](), count: a.steps.count)
    var fbs: [String: [Int]] = [:]
    var lastUnknown: String?
    var unknownGroup: [Int] = []
    var lastStepIndex = -1
    // The few unit strings the flows type, with their facts, found by comparing bytes (no hashing, no `UnitDef`
    // copy per flow); a string not among them goes through the dictionaries above.
    var flowUnits = SymbolMemo<(dim: SXCore.Dimension?, nm3: Bool)>()
    var notedPrices = SymbolMemo<Bool>()
    var perUnits = SymbolMemo<(one: Double, dimension: SXCore.Dimension)>()
    // The units of a flow's price (its amount's unit and its "per" unit), noted once each.
    func notePrice(_ amountUnit: String, _ perUnit: String) {
      if notedPrices.get(amountUnit) == nil {
        note(amountUnit)
        notedPrices.add(amountUnit, true)
      }
      if notedPrices.get(perUnit) == nil {
        note(perUnit)
        notedPrices.add(perUnit, true)
        if let d = uc[perUnit] { perUnits.add(perUnit, (d.toSI(1), d.dimension)) }
      }
    }
    // The last price units noted: flows repeat the same pair, which needs noting only once (no `UnitPrice` copy).
    var lastPrice: (amountUnit: String, perUnit: String)?
    // A unit string the memo does not hold, looked up once (kept out of the loop: no `UnitDef` copy per flow).
    @inline(never) func flowUnitFacts(_ unit: String) -> (dim: SXCore.Dimension?, nm3: Bool) {
      var def = uc[unit]
      if def == nil, !unknown.contains(unit) {
        def = us.unit(unit)
        if let d = def { uc[unit] = d } else { unknown.insert(unit) }
      }
      return (def?.dimension, def?.symbol == Context.normalCubicMetre)
    }
    a.flows.withUnsafeBufferPointer { flows in
      for i in flows.indices {
        var x = FlowFacts()
        let sid = flows[i].stepId
        if sid != factStep || lastStepIndex < 0 {
          factStep = sid
          lastStepIndex = si[sid] ?? -1
        }
        x.step = lastStepIndex
        // Flows by step: by the step's index when it is known, else by the id typed (grouped while it repeats).
        if lastStepIndex >= 0 {
          byIndex[lastStepIndex].append(i)
        } else {
          if sid != lastUnknown {
            if let l = lastUnknown { fbs[l, default: []].append(contentsOf: unknownGroup) }
            lastUnknown = sid
            unknownGroup = []
          }
          unknownGroup.append(i)
        }
        if let amountUnit = flows[i].unitPrice?.amount.unit, let perUnit = flows[i].unitPrice?.perUnit,
          lastPrice.map({ $0.amountUnit != amountUnit || $0.perUnit != perUnit }) ?? true {
          notePrice(amountUnit, perUnit)
          lastPrice = (amountUnit, perUnit)
        }
        if let q = flows[i].quantity {
          // The unit's dimension and whether it is Nm³, from the memo when a flow typed the same unit.
          let unitFacts: (dim: SXCore.Dimension?, nm3: Bool)
          if let known = flowUnits.get(q.unit) {
            unitFacts = known
          } else {
            unitFacts = flowUnitFacts(q.unit)
            flowUnits.add(q.unit, unitFacts)
          }
          x.nm3 = unitFacts.nm3
          if let dimension = unitFacts.dim {
            x.dim = dimension
            let kind = flows[i].kind
            switch dimension {
            case .mass:
              x.kg = q.si
              x.m3 = q.si / wd
            case .volume:
              x.m3 = q.si
              if unitFacts.nm3 {
                if Context.gasKinds.contains(kind) { x.kg = q.si * gas }
              } else if Context.waterLikeKinds.contains(kind) {
                x.kg = q.si * wd
              }
            default: break
            }
          }
        }
        facts.append(x)
      }
    }
    if let l = lastUnknown { fbs[l, default: []].append(contentsOf: unknownGroup) }
    // A step index is the first step of its id (`stepIndex`), so each id gets its flows once, in input order.
    for k in a.steps.indices where !byIndex[k].isEmpty { fbs[a.steps[k].id] = byIndex[k] }
    flowsByStep = fbs
    unitCache = uc
    self.facts = facts
    priceUnits = perUnits
  }

  /// The same index over the assessment with other opportunities (the context indexes no opportunity).
  func replacingOpportunities(_ o: [Opportunity]) -> Context {
    var a = self.a
    a.opportunities = o
    return Context(self, assessment: a)
  }

  /// `c`'s index over `assessment`, which differs from `c.a` in nothing the index covers.
  private init(_ c: Context, assessment: Assessment) {
    a = assessment
    f = c.f
    units = c.units
    globalReasons = c.globalReasons
    stepById = c.stepById
    flowsByStep = c.flowsByStep
    streamFlowById = c.streamFlowById
    carrierById = c.carrierById
    materialById = c.materialById
    unitCache = c.unitCache
    facts = c.facts
    stepIndex = c.stepIndex
    priceUnits = c.priceUnits
  }

  /// The unit definition of a typed symbol (cached).
  func unit(_ symbol: String) -> UnitDef? { unitCache[symbol] ?? units.unit(symbol) }

  func dimension(_ q: Quantity) -> SXCore.Dimension? { unit(q.unit)?.dimension }

  /// Liquid volume units convert to mass at the water density for water-like kinds (evaporation recorded as m³ of
  /// water included).
  static let waterLikeKinds: KindSet = [.water, .wastewater, .reuse, .airEmission, .unaccountedLoss]
  /// Kinds whose normal cubic metres (Nm³) are a gas: flue gas, vented or leaking air. They convert to mass at the
  /// density of air at 0 °C, 1 atm (`EngineFactors.gasDensity`); Nm³ of any other kind stays out of the mass balance.
  static let gasKinds: KindSet = [.airEmission, .unaccountedLoss]
  static let normalCubicMetre = "Nm³"

  /// Mass in kg of a quantity; water-like kinds convert liquid volume with the water density, gas kinds convert Nm³
  /// with the gas density.
  func massKg(_ q: Quantity?, kind: FlowKind, name: String) -> Val {
    guard let q else { return .missing(Reason.missingQuantity(name)) }
    guard let d = dimension(q) else { return .missing(Reason.unknownUnit(name, q.unit)) }
    switch d {
    case .mass: return Val(q.si)
    case .volume:
      let gas = unit(q.unit)?.symbol == Context.normalCubicMetre
      if gas, Context.gasKinds.contains(kind) { return Val(q.si * f.gasDensity) }
      if !gas, Context.waterLikeKinds.contains(kind) { return Val(q.si * f.waterDensity) }
      return .missing(Reason.notMass(name, q.unit))
    default: return .missing(Reason.notMass(name, q.unit))
    }
  }

  /// Whether flow `i`'s mass was converted from Nm³ at the gas density (shown as a factor in explanations).
  func isGasVolume(_ i: Int) -> Bool {
    Context.gasKinds.contains(a.flows[i].kind) && facts[i].nm3
  }

  /// The gas density as an explanation factor.
  var gasDensityFactor: ExplainFactor {
    ExplainFactor("ρ khí/gas (0 °C, 1 atm)", f.gasDensity, "kg/Nm³", source: f.gasDensitySource)
  }

  /// Mass of flow `i` (precomputed); the reason, when unknown, names the flow as `name`.
  func flowMass(_ i: Int, name: @autoclosure () -> String) -> Val {
    if let k = facts[i].kg { return Val(k) }
    return massKg(a.flows[i].quantity, kind: a.flows[i].kind, name: name())
  }

  /// Water volume of flow `i` in m³ (precomputed).
  func flowWater(_ i: Int, name: @autoclosure () -> String) -> Val {
    if let v = facts[i].m3 { return Val(v) }
    return waterM3(a.flows[i].quantity, name: name())
  }

  /// The display name of flow `i` (its id when the name is empty).
  func flowName(_ i: Int) -> String { a.flows[i].name.isEmpty ? a.flows[i].id : a.flows[i].name }

  /// Volume in m³ of a water quantity (mass converts with the water density).
  func waterM3(_ q: Quantity?, name: String) -> Val {
    guard let q else { return .missing(Reason.missingQuantity(name)) }
    guard let d = dimension(q) else { return .missing(Reason.unknownUnit(name, q.unit)) }
    switch d {
    case .volume: return Val(q.si)
    case .mass: return Val(q.si / f.waterDensity)
    default: return .missing(Reason.notVolume(name, q.unit))
    }
  }

  /// VND per SI unit of a price, with the dimension it is "per".
  func price(_ p: UnitPrice?, name: String) -> (vndPerSI: Double, dimension: SXCore.Dimension)? {
    guard let p else { return nil }
    let one: Double
    let dimension: SXCore.Dimension
    if let known = priceUnits.get(p.perUnit) {
      (one, dimension) = known
    } else {
      guard let u = unit(p.perUnit) else { return nil }
      (one, dimension) = (u.toSI(1), u.dimension)
    }
    guard one != 0 else { return nil }
    let v = p.amount.si / one
    guard v.isFinite else { return nil }
    return (v, dimension)
  }

  /// Why a price is unusable (missing, unknown unit, …).
  func priceReason(_ p: UnitPrice?, name: String) -> LocalizedText {
    guard let p else { return Reason.missingPrice(name) }
    if unit(p.perUnit) == nil { return Reason.unknownUnit(name, p.perUnit) }
    return Reason.badPrice(name, Reason.notFinite)
  }

  /// The price of an input flow: its own, else the linked material's.
  func flowPrice(_ fl: Flow) -> UnitPrice? {
    fl.unitPrice ?? fl.materialId.flatMap { materialById[$0]?.unitPrice }
  }

  /// The money value of a quantity at a price of the same dimension (water mass/volume interchange).
  func cost(_ q: Quantity?, _ p: UnitPrice?, name: String, waterLike: Bool = false) -> Val {
    guard let q else { return .missing(Reason.missingQuantity(name)) }
    guard let pr = price(p, name: name) else { return .missing(priceReason(p, name: name)) }
    guard let d = dimension(q) else { return .missing(Reason.unknownUnit(name, q.unit)) }
    if d == pr.dimension { return Val(q.si * pr.vndPerSI) }
    if waterLike, d == .mass, pr.dimension == .volume { return Val(q.si / f.waterDensity * pr.vndPerSI) }
    if waterLike, d == .volume, pr.dimension == .mass { return Val(q.si * f.waterDensity * pr.vndPerSI) }
    return .missing(Reason.badPrice(name, Reason.unitMismatch(q.unit, p?.perUnit ?? "")))
  }

  /// `cost(q, p, name:, waterLike:).value` without building the reasons of a missing cost; `dim` is the quantity's
  /// dimension when already known (`facts[i].dim` of a flow).
  func costValue(_ q: Quantity?, _ p: UnitPrice?, waterLike: Bool = false, dim: SXCore.Dimension?? = nil) -> Double? {
    guard let q, let pr = price(p, name: "") else { return nil }
    guard let d = dim ?? dimension(q) else { return nil }
    if d == pr.dimension { return Val(q.si * pr.vndPerSI).value }
    if waterLike, d == .mass, pr.dimension == .volume { return Val(q.si / f.waterDensity * pr.vndPerSI).value }
    if waterLike, d == .volume, pr.dimension == .mass { return Val(q.si * f.waterDensity * pr.vndPerSI).value }
    return nil
  }

  func stepName(_ id: String) -> String { stepById[id].map { $0.name.isEmpty ? $0.id : $0.name } ?? id }
}

/// A handful of strings with a value each, found by a linear scan (String equality, as a dictionary's, compared only
/// when the UTF-8 lengths agree — equal small strings compare by their bits). At most 16 entries are kept.
struct SymbolMemo<Value> {
  private var keys: [String] = []
  private var values: [Value] = []

  func get(_ s: String) -> Value? {
    let n = s.utf8.count
    for k in keys.indices where keys[k].utf8.count == n && keys[k] == s { return values[k] }
    return nil
  }

  mutating func add(_ s: String, _ v: Value) {
    guard keys.count < 16 else { return }
    keys.append(s)
    values.append(v)
  }
}

/// What the engine needs of one flow, computed once per run (no strings, no copies of the record).
struct FlowFacts: Sendable {
  /// Index of the flow's step in `a.steps`, −1 when the step is unknown.
  var step = -1
  var dim: SXCore.Dimension?
  /// Mass in kg (mass units; liquid volumes of water-like kinds; Nm³ of gas kinds), nil otherwise.
  var kg: Double?
  /// Volume in m³ as `waterM3` computes it (volumes; masses at the water density), nil otherwise.
  var m3: Double?
  /// The quantity's unit is the normal cubic metre (Nm³).
  var nm3 = false
}

extension Array where Element == ExplainInput {
  /// Keeps explanation input lists readable for huge steps.
  func capped(_ n: Int = 200) -> [ExplainInput] { count > n ? Array(prefix(n)) : self }
}

extension SymbolMemo: Sendable where Value: Sendable {}
