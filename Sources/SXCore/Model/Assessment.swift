import Foundation

/// A whole rapid CP assessment: the header and every worksheet's rows, in order.
public struct Assessment: Codable, Hashable, Sendable {
  public var header: AssessmentHeader
  public var team: [TeamMember] = []
  public var products: [Product] = []
  public var materials: [Material] = []
  public var energyCarriers: [EnergyCarrier] = []
  public var water: [WaterItem] = []
  public var steps: [ProcessStep] = []
  public var flows: [Flow] = []
  public var wasteStreams: [WasteStream] = []
  public var focus: [FocusItem] = []
  public var opportunities: [Opportunity] = []
  public var actions: [ActionItem] = []
  public var indicators: [IndicatorTarget] = []
  public var earlierPeriods: [EarlierPeriodValue] = []

  public init(header: AssessmentHeader) { self.header = header }

  public var id: String { header.id }

  /// The flows of one step, in their order.
  public func flows(of stepId: String) -> [Flow] { flows.filter { $0.stepId == stepId } }
  public func step(_ id: String?) -> ProcessStep? { id.flatMap { i in steps.first { $0.id == i } } }
  public func carrier(_ id: String?) -> EnergyCarrier? { id.flatMap { i in energyCarriers.first { $0.id == i } } }
}

/// The kinds of rows an assessment holds (one per table worksheet).
public enum RecordKind: String, Codable, CaseIterable, Sendable {
  case teamMember, product, material, energyCarrier, waterItem, processStep, flow, wasteStream, focusItem, opportunity
  case actionItem, indicator, earlierPeriod
}

/// One row of any kind, as the unit of editing and storage.
public enum AnyRecord: Hashable, Sendable {
  case teamMember(TeamMember)
  case product(Product)
  case material(Material)
  case energyCarrier(EnergyCarrier)
  case waterItem(WaterItem)
  case processStep(ProcessStep)
  case flow(Flow)
  case wasteStream(WasteStream)
  case focusItem(FocusItem)
  case opportunity(Opportunity)
  case actionItem(ActionItem)
  case indicator(IndicatorTarget)
  case earlierPeriod(EarlierPeriodValue)

  public var kind: RecordKind {
    switch self {
    case .teamMember: .teamMember
    case .product: .product
    case .material: .material
    case .energyCarrier: .energyCarrier
    case .waterItem: .waterItem
    case .processStep: .processStep
    case .flow: .flow
    case .wasteStream: .wasteStream
    case .focusItem: .focusItem
    case .opportunity: .opportunity
    case .actionItem: .actionItem
    case .indicator: .indicator
    case .earlierPeriod: .earlierPeriod
    }
  }

  public var id: String {
    switch self {
    case .teamMember(let r): r.id
    case .product(let r): r.id
    case .material(let r): r.id
    case .energyCarrier(let r): r.id
    case .waterItem(let r): r.id
    case .processStep(let r): r.id
    case .flow(let r): r.id
    case .wasteStream(let r): r.id
    case .focusItem(let r): r.id
    case .opportunity(let r): r.id
    case .actionItem(let r): r.id
    case .indicator(let r): r.id
    case .earlierPeriod(let r): r.id
    }
  }

  /// The record as JSON (the stored body).
  public func encoded() throws -> Data {
    let e = JSONCoding.encoder()
    switch self {
    case .teamMember(let r): return try e.encode(r)
    case .product(let r): return try e.encode(r)
    case .material(let r): return try e.encode(r)
    case .energyCarrier(let r): return try e.encode(r)
    case .waterItem(let r): return try e.encode(r)
    case .processStep(let r): return try e.encode(r)
    case .flow(let r): return try e.encode(r)
    case .wasteStream(let r): return try e.encode(r)
    case .focusItem(let r): return try e.encode(r)
    case .opportunity(let r): return try e.encode(r)
    case .actionItem(let r): return try e.encode(r)
    case .indicator(let r): return try e.encode(r)
    case .earlierPeriod(let r): return try e.encode(r)
    }
  }

  /// Decodes a stored body of `kind`.
  public static func decode(_ kind: RecordKind, _ data: Data) throws -> AnyRecord {
    let d = JSONDecoder()
    switch kind {
    case .teamMember: return .teamMember(try d.decode(TeamMember.self, from: data))
    case .product: return .product(try d.decode(Product.self, from: data))
    case .material: return .material(try d.decode(Material.self, from: data))
    case .energyCarrier: return .energyCarrier(try d.decode(EnergyCarrier.self, from: data))
    case .waterItem: return .waterItem(try d.decode(WaterItem.self, from: data))
    case .processStep: return .processStep(try d.decode(ProcessStep.self, from: data))
    case .flow: return .flow(try d.decode(Flow.self, from: data))
    case .wasteStream: return .wasteStream(try d.decode(WasteStream.self, from: data))
    case .focusItem: return .focusItem(try d.decode(FocusItem.self, from: data))
    case .opportunity: return .opportunity(try d.decode(Opportunity.self, from: data))
    case .actionItem: return .actionItem(try d.decode(ActionItem.self, from: data))
    case .indicator: return .indicator(try d.decode(IndicatorTarget.self, from: data))
    case .earlierPeriod: return .earlierPeriod(try d.decode(EarlierPeriodValue.self, from: data))
    }
  }
}

extension Assessment {
  /// Every row, in worksheet order then row order.
  public var records: [AnyRecord] {
    team.map(AnyRecord.teamMember) + products.map(AnyRecord.product) + materials.map(AnyRecord.material)
      + energyCarriers.map(AnyRecord.energyCarrier) + water.map(AnyRecord.waterItem) + steps.map(AnyRecord.processStep)
      + flows.map(AnyRecord.flow) + wasteStreams.map(AnyRecord.wasteStream) + focus.map(AnyRecord.focusItem)
      + opportunities.map(AnyRecord.opportunity) + actions.map(AnyRecord.actionItem) + indicators.map(AnyRecord.indicator)
      + earlierPeriods.map(AnyRecord.earlierPeriod)
  }

  /// Rebuilds an assessment from its header and rows (rows of each kind in order).
  public init(header: AssessmentHeader, records: [AnyRecord]) {
    self.init(header: header)
    for r in records { append(r) }
  }

  mutating func append(_ r: AnyRecord) {
    switch r {
    case .teamMember(let x): team.append(x)
    case .product(let x): products.append(x)
    case .material(let x): materials.append(x)
    case .energyCarrier(let x): energyCarriers.append(x)
    case .waterItem(let x): water.append(x)
    case .processStep(let x): steps.append(x)
    case .flow(let x): flows.append(x)
    case .wasteStream(let x): wasteStreams.append(x)
    case .focusItem(let x): focus.append(x)
    case .opportunity(let x): opportunities.append(x)
    case .actionItem(let x): actions.append(x)
    case .indicator(let x): indicators.append(x)
    case .earlierPeriod(let x): earlierPeriods.append(x)
    }
  }

  /// The rows of one kind, in order.
  public func records(of kind: RecordKind) -> [AnyRecord] { records.filter { $0.kind == kind } }

  /// Replaces the rows of one kind (used by edits).
  public mutating func setRecords(_ kind: RecordKind, _ rows: [AnyRecord]) {
    let others = records.filter { $0.kind != kind }
    self = Assessment(header: header, records: others + rows)
    // Keep worksheet order stable: `records` lists kinds in a fixed order, so re-sorting is not needed.
  }
}

extension AnyRecord {
  /// The text a row is known by (name, title or action), used for search keys and messages.
  public var displayName: String {
    switch self {
    case .teamMember(let r): r.name
    case .product(let r): r.name
    case .material(let r): r.name
    case .energyCarrier(let r): r.name
    case .waterItem(let r): r.name
    case .processStep(let r): r.name
    case .flow(let r): r.name
    case .wasteStream(let r): r.name
    case .focusItem(let r): r.targetId
    case .opportunity(let r): r.title
    case .actionItem(let r): r.what
    case .indicator(let r): r.name.isEmpty ? r.key : r.name
    case .earlierPeriod(let r): r.period + " " + r.key
    }
  }
}

extension Provenance {
  /// Sets `stamp` as the provenance of every top-level field whose JSON differs between `old` and `new`.
  ///
  /// Works on the encoded rows so it covers every field of every kind without per-type code.
  public static func stampChanges(old: Data?, new: Data, stamp: Provenance) throws -> Data {
    guard var n = try JSONSerialization.jsonObject(with: new) as? [String: Any] else { return new }
    let o = (try old.flatMap { try JSONSerialization.jsonObject(with: $0) as? [String: Any] }) ?? [:]
    var prov = (n["provenance"] as? [String: Any]) ?? [:]
    let stampObj: [String: Any] = ["by": stamp.by, "at": stamp.at, "device": stamp.device]
    for (k, v) in n where k != "provenance" && k != "id" {
      let before = o[k].map { try? JSONSerialization.data(withJSONObject: [$0], options: [.sortedKeys]) } ?? nil
      let after = try? JSONSerialization.data(withJSONObject: [v], options: [.sortedKeys])
      if before != after { prov[k] = stampObj }
    }
    n["provenance"] = prov
    return try JSONSerialization.data(withJSONObject: n, options: [.sortedKeys])
  }
}
