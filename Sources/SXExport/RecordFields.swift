import Foundation
import SXCore

/// A record's value at a key path, read straight from its fields: what `JSONTree.of(record)?.value(at: path)` gives
/// (the synthesised `Encodable` conformance: every stored property under its own name, nil optionals left out, enums
/// as their raw strings, integers as numbers, quantities as `{value, unit, si}`), without encoding the whole record
/// (its provenance of every field included) for the few fields a worksheet shows. The properties listed but not built
/// here (provenance, dictionaries of text, the header's settings lists) and a record holding a non-finite number
/// (which cannot be encoded: every value is then nil) go through the encoded tree, made once per record.
/// `FastPathTests` checks every property name against the model (`Mirror`) and every value against the tree.
final class RecordReader {
  let record: AnyRecord
  private var tree: JSONTree??
  /// Whether every number of the record is finite (else the encoded tree, which is nil, answers everything).
  private let encodable: Bool
  /// The record's own field reader, holding the record (not copied out of `record` on every read).
  private let read: (String) -> RecordFields.Lookup?

  init(_ record: AnyRecord) {
    self.record = record
    encodable = RecordFields.finite(record)
    read = RecordFields.reader(record)
  }

  /// The value at `path` (nil when missing or null).
  func value(at path: [String]) -> FieldValue? {
    guard let first = path.first else { return encoded()?.value(at: path).map(FieldValue.tree) }
    if encodable, case .found(let value) = RecordFields.top(record.kind, first, read) {
      guard let value else { return nil }
      return path.count == 1 ? value : value.value(at: Array(path.dropFirst()))
    }
    return encoded()?.value(at: path).map(FieldValue.tree)
  }

  /// The record's whole encoded tree, made on first use.
  private func encoded() -> JSONTree? {
    if let tree { return tree }
    let t = RecordFields.tree(record)
    tree = .some(t)
    return t
  }
}

/// The header (W0) read the same way, at `header.…` key paths (see `RecordReader`).
final class HeaderReader {
  let header: AssessmentHeader
  private var tree: JSONTree??
  private let encodable: Bool

  init(_ header: AssessmentHeader) {
    self.header = header
    encodable = RecordFields.finite(header)
  }

  /// The header's properties read so far (the profile is one object of many fields), not the settings.
  private var read: [String: RecordFields.Lookup] = [:]

  func value(at path: [String]) -> FieldValue? {
    if encodable, path.count >= 2, path[0] == "header", case .found(let value) = lookup(path[1], path.dropFirst(2)) {
      guard let value else { return nil }
      return path.count == 2 ? value : value.value(at: Array(path.dropFirst(2)))
    }
    if tree == nil { tree = .some(JSONTree.of(header).map { JSONTree.object("header", $0) }) }
    return tree!?.value(at: path).map(FieldValue.tree)
  }

  private func lookup(_ key: String, _ rest: ArraySlice<String>) -> RecordFields.Lookup {
    if key == "settings" { return RecordFields.header(header, key, rest) }
    if let known = read[key] { return known }
    let l = RecordFields.header(header, key, rest)
    read[key] = l
    return l
  }
}

/// A field's value as the worksheet tables read it: a single value straight from the record (no node allocated), or
/// a node of the encoded tree (lists, objects, and whatever is read from the encoded tree). Its accessors answer as
/// those of `JSONTree` answer for the same value (numbers and booleans read as each other, negative zero as zero).
enum FieldValue {
  case string(String)
  /// A finite number, never negative zero.
  case number(Double)
  case bool(Bool)
  case quantity(Quantity)
  case price(UnitPrice)
  case tree(JSONTree)

  /// A number, negative zero read as zero (as the encoded tree holds it).
  static func num(_ d: Double) -> FieldValue { .number(d == 0 ? 0 : d) }

  var number: Double? {
    switch self {
    case .number(let d): d
    case .bool(let b): b ? 1 : 0
    case .tree(let t): t.number
    default: nil
    }
  }

  var bool: Bool? {
    switch self {
    case .bool(let b): b
    case .number(let d): d == 0 ? false : d == 1 ? true : nil
    case .tree(let t): t.bool
    default: nil
    }
  }

  var string: String? {
    switch self {
    case .string(let s): s
    case .tree(let t): t.string
    default: nil
    }
  }

  var array: [FieldValue]? {
    if case .tree(let t) = self { return t.array?.map(FieldValue.tree) }
    return nil
  }

  /// `FieldContext.quantity` of the same value as a tree.
  var quantity: Quantity? {
    switch self {
    case .quantity(let q): FieldValue.normal(q)
    case .tree(let t): FieldContext.quantity(t)
    default: nil
    }
  }

  /// `FieldContext.price` of the same value as a tree.
  var price: UnitPrice? {
    switch self {
    case .price(let p): UnitPrice(amount: FieldValue.normal(p.amount), perUnit: p.perUnit)
    case .tree(let t): FieldContext.price(t)
    default: nil
    }
  }

  static func normal(_ q: Quantity) -> Quantity { Quantity(value: q.value == 0 ? 0 : q.value, unit: q.unit, si: q.si == 0 ? 0 : q.si) }

  /// The same value as a tree node.
  var tree: JSONTree {
    switch self {
    case .string(let s): JSONTree.leaf(s)
    case .number(let d): JSONTree.leaf(d)
    case .bool(let b): JSONTree.leaf(b)
    case .quantity(let q): RecordFields.quantity(q)
    case .price(let p): RecordFields.price(p)
    case .tree(let t): t
    }
  }

  /// The value at `path` below this one (itself for an empty path); nil when missing or null.
  func value(at path: [String]) -> FieldValue? {
    guard !path.isEmpty else { return self }
    return tree.value(at: path).map(FieldValue.tree)
  }
}

enum RecordFields {
  /// A top-level property: its value (nil when absent from the encoding: a nil optional, or no such property), or
  /// `encoded` when it is read from the encoded tree instead.
  enum Lookup {
    case found(FieldValue?)
    case encoded
  }

  /// The record's encoded tree (`JSONTree.of`).
  static func tree(_ record: AnyRecord) -> JSONTree? {
    switch record {
    case .teamMember(let r): JSONTree.of(r)
    case .product(let r): JSONTree.of(r)
    case .material(let r): JSONTree.of(r)
    case .energyCarrier(let r): JSONTree.of(r)
    case .waterItem(let r): JSONTree.of(r)
    case .processStep(let r): JSONTree.of(r)
    case .flow(let r): JSONTree.of(r)
    case .wasteStream(let r): JSONTree.of(r)
    case .focusItem(let r): JSONTree.of(r)
    case .opportunity(let r): JSONTree.of(r)
    case .actionItem(let r): JSONTree.of(r)
    case .indicator(let r): JSONTree.of(r)
    case .earlierPeriod(let r): JSONTree.of(r)
    }
  }

  /// The stored property names of each record kind (the keys of its synthesised encoding).
  static let properties: [RecordKind: Set<String>] = [
    .teamMember: ["id", "name", "role", "position", "department", "justification", "contact", "provenance"],
    .product: ["id", "name", "annualQuantity", "isReference", "note", "provenance"],
    .material: ["id", "name", "kind", "annualQuantity", "unitPrice", "use", "intoProductShare", "hazard", "dataSource", "provenance"],
    .energyCarrier: ["id", "name", "fuel", "annualQuantity", "unitPrice", "ncvOverride", "use", "dataSource", "provenance"],
    .waterItem: ["id", "role", "name", "stepId", "annualQuantity", "unitPrice", "pollutants", "dataSource", "provenance"],
    .processStep: ["id", "name", "description", "stockChange", "systemCost", "provenance"],
    .flow: [
      "id", "stepId", "direction", "kind", "name", "quantity", "unitPrice", "dataSource", "note", "carrierId", "materialId", "provenance",
    ],
    .wasteStream: [
      "id", "name", "sourceStepId", "flowId", "kind", "quantity", "composition", "destination", "disposalCost", "materialValue", "causes",
      "dataSource", "provenance",
    ],
    .focusItem: [
      "id", "targetId", "costScore", "environmentScore", "safetyScore", "regulationScore", "selected", "note", "provenance",
    ],
    .opportunity: [
      "id", "title", "stepId", "wasteStreamId", "cause", "technique", "tags", "originator", "date", "owner", "team", "effort",
      "investment", "addedOM", "lifetimeYears", "savings", "screening", "screeningReason", "scores", "technicallyFeasible", "status",
      "actualCost", "actualSavings", "followUpDate", "ruleId", "explanation", "calculatorId", "calculatorInputs", "note", "provenance",
    ],
    .actionItem: ["id", "opportunityId", "what", "who", "start", "due", "budget", "kpi", "done", "provenance"],
    .indicator: ["id", "key", "name", "unit", "baseline", "target", "note", "provenance"],
    .earlierPeriod: ["id", "period", "key", "value", "unit", "source", "provenance"],
  ]

  /// The header's stored property names, and those of its profile and period.
  static let headerProperties: Set<String> = [
    "id", "title", "profile", "period", "settings", "status", "isSample", "dismissedRules", "createdAt", "updatedAt", "provenance",
  ]
  static let profileProperties: Set<String> = [
    "name", "address", "province", "sector", "products", "markets", "employees", "shifts", "operatingHours", "annualOutput",
    "turnover", "labourCost", "previousProgrammes", "contact",
  ]

  // MARK: Values

  static func s(_ v: String) -> Lookup { .found(.string(v)) }
  static func s(_ v: String?) -> Lookup { .found(v.map(FieldValue.string)) }
  static func e<T: RawRepresentable>(_ v: T) -> Lookup where T.RawValue == String { .found(.string(v.rawValue)) }
  static func b(_ v: Bool) -> Lookup { .found(.bool(v)) }
  static func n(_ v: Double?) -> Lookup { .found(v.map(FieldValue.num)) }
  static func n(_ v: Int?) -> Lookup { .found(v.map { FieldValue.num(Double($0)) }) }
  static func q(_ v: Quantity?) -> Lookup { .found(v.map(FieldValue.quantity)) }
  static func p(_ v: UnitPrice?) -> Lookup { .found(v.map(FieldValue.price)) }
  static func t(_ v: JSONTree) -> Lookup { .found(.tree(v)) }
  static func texts(_ v: [String]) -> Lookup { t(JSONTree.array(v.map { JSONTree.leaf($0) })) }

  static func quantity(_ q: Quantity) -> JSONTree {
    JSONTree.object([("value", JSONTree.leaf(q.value)), ("unit", JSONTree.leaf(q.unit)), ("si", JSONTree.leaf(q.si))])
  }

  static func price(_ p: UnitPrice) -> JSONTree {
    JSONTree.object([("amount", quantity(p.amount)), ("perUnit", JSONTree.leaf(p.perUnit))])
  }

  /// The members of an object, nil optionals left out.
  static func object(_ members: [(String, JSONTree?)]) -> JSONTree {
    JSONTree.object(members.compactMap { m in m.1.map { (m.0, $0) } })
  }

  /// The top-level property `key` of `record`.
  static func top(_ record: AnyRecord, _ key: String) -> Lookup { top(record.kind, key, reader(record)) }

  /// The property `key` of a record of `kind` through its `read`er.
  static func top(_ kind: RecordKind, _ key: String, _ read: (String) -> Lookup?) -> Lookup {
    if let found = read(key) { return found }
    // Not built here: read from the encoded tree when the record has such a property, else absent.
    return properties[kind]?.contains(key) == true ? .encoded : .found(nil)
  }

  /// The reader of the properties built here, holding the record.
  static func reader(_ record: AnyRecord) -> (String) -> Lookup? {
    switch record {
    case .teamMember(let r): { teamMember(r, $0) }
    case .product(let r): { product(r, $0) }
    case .material(let r): { material(r, $0) }
    case .energyCarrier(let r): { energyCarrier(r, $0) }
    case .waterItem(let r): { waterItem(r, $0) }
    case .processStep(let r): { processStep(r, $0) }
    case .flow(let r): { flow(r, $0) }
    case .wasteStream(let r): { wasteStream(r, $0) }
    case .focusItem(let r): { focusItem(r, $0) }
    case .opportunity(let r): { opportunity(r, $0) }
    case .actionItem(let r): { actionItem(r, $0) }
    case .indicator(let r): { indicator(r, $0) }
    case .earlierPeriod(let r): { earlierPeriod(r, $0) }
    }
  }

  static func teamMember(_ r: TeamMember, _ key: String) -> Lookup? {
    switch key {
    case "id": s(r.id)
    case "name": s(r.name)
    case "role": s(r.role)
    case "position": s(r.position)
    case "department": s(r.department)
    case "justification": s(r.justification)
    case "contact": s(r.contact)
    default: nil
    }
  }

  static func product(_ r: Product, _ key: String) -> Lookup? {
    switch key {
    case "id": s(r.id)
    case "name": s(r.name)
    case "annualQuantity": q(r.annualQuantity)
    case "isReference": b(r.isReference)
    case "note": s(r.note)
    default: nil
    }
  }

  static func material(_ r: Material, _ key: String) -> Lookup? {
    switch key {
    case "id": s(r.id)
    case "name": s(r.name)
    case "kind": e(r.kind)
    case "annualQuantity": q(r.annualQuantity)
    case "unitPrice": p(r.unitPrice)
    case "use": s(r.use)
    case "intoProductShare": n(r.intoProductShare)
    case "hazard": s(r.hazard)
    case "dataSource": e(r.dataSource)
    default: nil
    }
  }

  static func energyCarrier(_ r: EnergyCarrier, _ key: String) -> Lookup? {
    switch key {
    case "id": s(r.id)
    case "name": s(r.name)
    case "fuel": s(r.fuel)
    case "annualQuantity": q(r.annualQuantity)
    case "unitPrice": p(r.unitPrice)
    case "ncvOverride": p(r.ncvOverride)
    case "use": s(r.use)
    case "dataSource": e(r.dataSource)
    default: nil
    }
  }

  static func waterItem(_ r: WaterItem, _ key: String) -> Lookup? {
    switch key {
    case "id": s(r.id)
    case "role": e(r.role)
    case "name": s(r.name)
    case "stepId": s(r.stepId)
    case "annualQuantity": q(r.annualQuantity)
    case "unitPrice": p(r.unitPrice)
    case "pollutants": s(r.pollutants)
    case "dataSource": e(r.dataSource)
    default: nil
    }
  }

  static func processStep(_ r: ProcessStep, _ key: String) -> Lookup? {
    switch key {
    case "id": s(r.id)
    case "name": s(r.name)
    case "description": s(r.description)
    case "stockChange": q(r.stockChange)
    case "systemCost": q(r.systemCost)
    default: nil
    }
  }

  static func flow(_ r: Flow, _ key: String) -> Lookup? {
    switch key {
    case "id": s(r.id)
    case "stepId": s(r.stepId)
    case "direction": e(r.direction)
    case "kind": e(r.kind)
    case "name": s(r.name)
    case "quantity": q(r.quantity)
    case "unitPrice": p(r.unitPrice)
    case "dataSource": e(r.dataSource)
    case "note": s(r.note)
    case "carrierId": s(r.carrierId)
    case "materialId": s(r.materialId)
    default: nil
    }
  }

  static func wasteStream(_ r: WasteStream, _ key: String) -> Lookup? {
    switch key {
    case "id": s(r.id)
    case "name": s(r.name)
    case "sourceStepId": s(r.sourceStepId)
    case "flowId": s(r.flowId)
    case "kind": e(r.kind)
    case "quantity": q(r.quantity)
    case "composition": s(r.composition)
    case "destination": s(r.destination)
    case "disposalCost": q(r.disposalCost)
    case "materialValue": p(r.materialValue)
    case "causes": texts(r.causes)
    case "dataSource": e(r.dataSource)
    default: nil
    }
  }

  static func focusItem(_ r: FocusItem, _ key: String) -> Lookup? {
    switch key {
    case "id": s(r.id)
    case "targetId": s(r.targetId)
    case "costScore": n(r.costScore)
    case "environmentScore": n(r.environmentScore)
    case "safetyScore": n(r.safetyScore)
    case "regulationScore": n(r.regulationScore)
    case "selected": b(r.selected)
    case "note": s(r.note)
    default: nil
    }
  }

  static func opportunity(_ r: Opportunity, _ key: String) -> Lookup? {
    switch key {
    case "id": s(r.id)
    case "title": s(r.title)
    case "stepId": s(r.stepId)
    case "wasteStreamId": s(r.wasteStreamId)
    case "cause": s(r.cause)
    case "technique": e(r.technique)
    case "tags": t(JSONTree.array(r.tags.map { JSONTree.leaf($0.rawValue) }))
    case "originator": s(r.originator)
    case "date": s(r.date)
    case "owner": s(r.owner)
    case "team": s(r.team)
    case "effort": n(r.effort)
    case "investment":
      t(
        object([
          ("equipment", r.investment.equipment.map(quantity)), ("installation", r.investment.installation.map(quantity)),
          ("engineering", r.investment.engineering.map(quantity)), ("other", r.investment.other.map(quantity)),
        ]))
    case "addedOM": q(r.addedOM)
    case "lifetimeYears": n(r.lifetimeYears)
    case "savings":
      t(
        JSONTree.array(
          r.savings.map { v in
            object([
              ("resource", JSONTree.leaf(v.resource.rawValue)), ("quantity", v.quantity.map(quantity)),
              ("carrierId", v.carrierId.map { JSONTree.leaf($0) }), ("value", v.value.map(quantity)),
            ])
          }))
    case "screening": e(r.screening)
    case "screeningReason": s(r.screeningReason)
    case "scores": t(JSONTree.object(r.scores.map { ($0.key, JSONTree.leaf(Double($0.value))) }))
    case "technicallyFeasible": b(r.technicallyFeasible)
    case "status": e(r.status)
    case "actualCost": q(r.actualCost)
    case "actualSavings": q(r.actualSavings)
    case "followUpDate": s(r.followUpDate)
    case "ruleId": s(r.ruleId)
    case "explanation": s(r.explanation)
    case "calculatorId": s(r.calculatorId)
    case "note": s(r.note)
    default: nil
    }
  }

  static func actionItem(_ r: ActionItem, _ key: String) -> Lookup? {
    switch key {
    case "id": s(r.id)
    case "opportunityId": s(r.opportunityId)
    case "what": s(r.what)
    case "who": s(r.who)
    case "start": s(r.start)
    case "due": s(r.due)
    case "budget": q(r.budget)
    case "kpi": s(r.kpi)
    case "done": b(r.done)
    default: nil
    }
  }

  static func indicator(_ r: IndicatorTarget, _ key: String) -> Lookup? {
    switch key {
    case "id": s(r.id)
    case "key": s(r.key)
    case "name": s(r.name)
    case "unit": s(r.unit)
    case "baseline": n(r.baseline)
    case "target": n(r.target)
    case "note": s(r.note)
    default: nil
    }
  }

  static func earlierPeriod(_ r: EarlierPeriodValue, _ key: String) -> Lookup? {
    switch key {
    case "id": s(r.id)
    case "period": s(r.period)
    case "key": s(r.key)
    case "value": n(r.value)
    case "unit": s(r.unit)
    case "source": s(r.source)
    default: nil
    }
  }

  /// The header's property `key`, with the rest of the path (`settings` is read here only for its single values).
  static func header(_ h: AssessmentHeader, _ key: String, _ rest: ArraySlice<String>) -> Lookup {
    switch key {
    case "id": return s(h.id)
    case "title": return s(h.title)
    case "status": return e(h.status)
    case "isSample": return b(h.isSample)
    case "dismissedRules": return texts(h.dismissedRules)
    case "createdAt": return s(h.createdAt)
    case "updatedAt": return s(h.updatedAt)
    case "period": return t(JSONTree.object([("start", JSONTree.leaf(h.period.start)), ("end", JSONTree.leaf(h.period.end))]))
    case "profile":
      let f = h.profile
      return t(
        object([
          ("name", JSONTree.leaf(f.name)), ("address", JSONTree.leaf(f.address)), ("province", JSONTree.leaf(f.province)),
          ("sector", JSONTree.leaf(f.sector)), ("products", JSONTree.leaf(f.products)), ("markets", JSONTree.leaf(f.markets)),
          ("employees", f.employees.map { JSONTree.leaf(Double($0)) }), ("shifts", f.shifts.map { JSONTree.leaf(Double($0)) }),
          ("operatingHours", f.operatingHours.map(quantity)), ("annualOutput", f.annualOutput.map(quantity)),
          ("turnover", f.turnover.map(quantity)), ("labourCost", f.labourCost.map(quantity)),
          ("previousProgrammes", JSONTree.leaf(f.previousProgrammes)), ("contact", JSONTree.leaf(f.contact)),
        ]))
    case "settings":
      // A single value of the settings (a whole list or the settings object: the encoded tree).
      guard let field = rest.first else { return .encoded }
      let x = h.settings
      switch field {
      case "gridFactorYear": return t(JSONTree.object([(field, JSONTree.leaf(Double(x.gridFactorYear)))]))
      case "imbalanceThreshold": return t(JSONTree.object([(field, JSONTree.leaf(x.imbalanceThreshold))]))
      case "discountRate": return t(JSONTree.object([(field, JSONTree.leaf(x.discountRate))]))
      case "benchmarkSector": return t(JSONTree.object([(field, JSONTree.leaf(x.benchmarkSector))]))
      case "systemCost": return t(object([(field, x.systemCost.map(quantity))]))
      case "wastewaterCharge": return t(object([(field, x.wastewaterCharge.map(price))]))
      case "currencyRates", "localUnits", "criteria": return .encoded
      default: return t(JSONTree.object([]))
      }
    case "provenance": return .encoded
    default: return .found(nil)
    }
  }

  // MARK: Finite numbers (an encoding with a non-finite number fails: the whole tree is nil)

  static func ok(_ v: Double?) -> Bool { v?.isFinite ?? true }
  static func ok(_ v: Quantity?) -> Bool { v.map { $0.value.isFinite && $0.si.isFinite } ?? true }
  static func ok(_ v: UnitPrice?) -> Bool { ok(v?.amount) }

  static func finite(_ record: AnyRecord) -> Bool {
    switch record {
    case .teamMember, .focusItem: true
    case .product(let r): ok(r.annualQuantity)
    case .material(let r): ok(r.annualQuantity) && ok(r.unitPrice) && ok(r.intoProductShare)
    case .energyCarrier(let r): ok(r.annualQuantity) && ok(r.unitPrice) && ok(r.ncvOverride)
    case .waterItem(let r): ok(r.annualQuantity) && ok(r.unitPrice)
    case .processStep(let r): ok(r.stockChange) && ok(r.systemCost)
    case .flow(let r): ok(r.quantity) && ok(r.unitPrice)
    case .wasteStream(let r): ok(r.quantity) && ok(r.disposalCost) && ok(r.materialValue)
    case .opportunity(let r):
      ok(r.investment.equipment) && ok(r.investment.installation) && ok(r.investment.engineering) && ok(r.investment.other)
        && ok(r.addedOM) && ok(r.lifetimeYears) && ok(r.actualCost) && ok(r.actualSavings)
        && r.savings.allSatisfy { ok($0.quantity) && ok($0.value) }
    case .actionItem(let r): ok(r.budget)
    case .indicator(let r): ok(r.baseline) && ok(r.target)
    case .earlierPeriod(let r): ok(r.value)
    }
  }

  static func finite(_ h: AssessmentHeader) -> Bool {
    let p = h.profile
    let t = h.settings
    return ok(p.operatingHours) && ok(p.annualOutput) && ok(p.turnover) && ok(p.labourCost) && ok(t.imbalanceThreshold)
      && ok(t.discountRate) && ok(t.systemCost) && ok(t.wastewaterCharge) && t.currencyRates.allSatisfy { $0.vndPerUnit.isFinite }
      && t.localUnits.allSatisfy { $0.factor.isFinite } && t.criteria.allSatisfy { $0.weight.isFinite }
  }
}
