import Foundation
import SXCore

/// The assessment indexed once (dictionaries, no quadratic scans) plus the unit system and factors.
struct Context {
  let a: Assessment
  let f: EngineFactors
  let units: UnitSystem
  /// Reasons that apply to the whole run (e.g. a broken unit system).
  var globalReasons: [LocalizedText] = []
  let stepById: [String: ProcessStep]
  /// Flow indexes by step id, in input order.
  let flowsByStep: [String: [Int]]
  let flowById: [String: Int]
  let carrierById: [String: EnergyCarrier]
  let materialById: [String: Material]
  /// Unit definitions by the exact symbol typed (looked up once per distinct string).
  let unitCache: [String: UnitDef]

  init(_ a: Assessment, _ f: EngineFactors) {
    self.a = a
    self.f = f
    var reasons: [LocalizedText] = []
    do {
      units = try a.header.settings.unitSystem()
    } catch let e as LocalizedFailure {
      units = .standard
      reasons.append(Reason.unitSystem(e.message))
    } catch {
      units = .standard
      reasons.append(Reason.unitSystem(LocalizedText(vi: "\(error)", en: "\(error)")))
    }
    globalReasons = reasons
    var sb: [String: ProcessStep] = [:]
    for s in a.steps where sb[s.id] == nil { sb[s.id] = s }
    stepById = sb
    var fbs: [String: [Int]] = [:]
    var fid: [String: Int] = [:]
    for (i, fl) in a.flows.enumerated() {
      fbs[fl.stepId, default: []].append(i)
      if fid[fl.id] == nil { fid[fl.id] = i }
    }
    flowsByStep = fbs
    flowById = fid
    var cb: [String: EnergyCarrier] = [:]
    for c in a.energyCarriers where cb[c.id] == nil { cb[c.id] = c }
    carrierById = cb
    var mb: [String: Material] = [:]
    for m in a.materials where mb[m.id] == nil { mb[m.id] = m }
    materialById = mb
    // Every distinct unit string once, then one catalogue lookup each.
    var symbols = Set<String>()
    func note(_ s: String?) { if let s { symbols.insert(s) } }
    func note(_ p: UnitPrice?) {
      note(p?.amount.unit)
      note(p?.perUnit)
    }
    for i in a.flows.indices {
      note(a.flows[i].quantity?.unit)
      note(a.flows[i].unitPrice)
    }
    for c in a.energyCarriers { note(c.annualQuantity?.unit); note(c.unitPrice); note(c.ncvOverride) }
    for m in a.materials { note(m.annualQuantity?.unit); note(m.unitPrice) }
    for w in a.water { note(w.annualQuantity?.unit); note(w.unitPrice) }
    for w in a.wasteStreams { note(w.quantity?.unit); note(w.materialValue) }
    var uc: [String: UnitDef] = [:]
    for s in symbols { if let d = units.unit(s) { uc[s] = d } }
    unitCache = uc
  }

  /// The unit definition of a typed symbol (cached).
  func unit(_ symbol: String) -> UnitDef? { unitCache[symbol] ?? units.unit(symbol) }

  func dimension(_ q: Quantity) -> SXCore.Dimension? { unit(q.unit)?.dimension }

  /// Liquid volume units convert to mass at the water density for water-like kinds; gas volumes (Nm³) never do.
  static let waterLikeKinds: Set<FlowKind> = [.water, .wastewater, .reuse, .airEmission, .unaccountedLoss]

  /// Mass in kg of a quantity; water-like kinds convert volume with the water density.
  func massKg(_ q: Quantity?, kind: FlowKind, name: String) -> Val {
    guard let q else { return .missing(Reason.missingQuantity(name)) }
    guard let d = dimension(q) else { return .missing(Reason.unknownUnit(name, q.unit)) }
    switch d {
    case .mass: return Val(q.si)
    case .volume where Context.waterLikeKinds.contains(kind) && unit(q.unit)?.symbol != "Nm³":
      return Val(q.si * f.waterDensity)
    default: return .missing(Reason.notMass(name, q.unit))
    }
  }

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
    guard let p, let u = unit(p.perUnit), u.toSI(1) != 0 else { return nil }
    let v = p.amount.si / u.toSI(1)
    guard v.isFinite else { return nil }
    return (v, u.dimension)
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

  func stepName(_ id: String) -> String { stepById[id].map { $0.name.isEmpty ? $0.id : $0.name } ?? id }
}

extension Array where Element == ExplainInput {
  /// Keeps explanation input lists readable for huge steps.
  func capped(_ n: Int = 200) -> [ExplainInput] { count > n ? Array(prefix(n)) : self }
}
