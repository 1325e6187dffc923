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
    case .teamMember(let r): { key in teamMember(key).map { f in withUnsafePointer(to: r) { f($0) } } }
    case .product(let r): { key in product(key).map { f in withUnsafePointer(to: r) { f($0) } } }
    case .material(let r): { key in material(key).map { f in withUnsafePointer(to: r) { f($0) } } }
    case .energyCarrier(let r): { key in energyCarrier(key).map { f in withUnsafePointer(to: r) { f($0) } } }
    case .waterItem(let r): { key in waterItem(key).map { f in withUnsafePointer(to: r) { f($0) } } }
    case .processStep(let r): { key in processStep(key).map { f in withUnsafePointer(to: r) { f($0) } } }
    case .flow(let r): { key in flow(key).map { f in withUnsafePointer(to: r) { f($0) } } }
    case .wasteStream(let r): { key in wasteStream(key).map { f in withUnsafePointer(to: r) { f($0) } } }
    case .focusItem(let r): { key in focusItem(key).map { f in withUnsafePointer(to: r) { f($0) } } }
    case .opportunity(let r): { key in opportunity(key).map { f in withUnsafePointer(to: r) { f($0) } } }
    case .actionItem(let r): { key in actionItem(key).map { f in withUnsafePointer(to: r) { f($0) } } }
    case .indicator(let r): { key in indicator(key).map { f in withUnsafePointer(to: r) { f($0) } } }
    case .earlierPeriod(let r): { key in earlierPeriod(key).map { f in withUnsafePointer(to: r) { f($0) } } }
    }
  }

  static func teamMember(_ key: String) -> ((UnsafePointer<TeamMember>) -> Lookup)? {
    switch key {
    case "id": { r in s(r.pointee.id) }
    case "name": { r in s(r.pointee.name) }
    case "role": { r in s(r.pointee.role) }
    case "position": { r in s(r.pointee.position) }
    case "department": { r in s(r.pointee.department) }
    case "justification": { r in s(r.pointee.justification) }
    case "contact": { r in s(r.pointee.contact) }
    default: nil
    }
  }

  static func product(_ key: String) -> ((UnsafePointer<Product>) -> Lookup)? {
    switch key {
    case "id": { r in s(r.pointee.id) }
    case "name": { r in s(r.pointee.name) }
    case "annualQuantity": { r in q(r.pointee.annualQuantity) }
    case "isReference": { r in b(r.pointee.isReference) }
    case "note": { r in s(r.pointee.note) }
    default: nil
    }
  }

  static func material(_ key: String) -> ((UnsafePointer<Material>) -> Lookup)? {
    switch key {
    case "id": { r in s(r.pointee.id) }
    case "name": { r in s(r.pointee.name) }
    case "kind": { r in e(r.pointee.kind) }
    case "annualQuantity": { r in q(r.pointee.annualQuantity) }
    case "unitPrice": { r in p(r.pointee.unitPrice) }
    case "use": { r in s(r.pointee.use) }
    case "intoProductShare": { r in n(r.pointee.intoProductShare) }
    case "hazard": { r in s(r.pointee.hazard) }
    case "dataSource": { r in e(r.pointee.dataSource) }
    default: nil
    }
  }

  static func energyCarrier(_ key: String) -> ((UnsafePointer<EnergyCarrier>) -> Lookup)? {
    switch key {
    case "id": { r in s(r.pointee.id) }
    case "name": { r in s(r.pointee.name) }
    case "fuel": { r in s(r.pointee.fuel) }
    case "annualQuantity": { r in q(r.pointee.annualQuantity) }
    case "unitPrice": { r in p(r.pointee.unitPrice) }
    case "ncvOverride": { r in p(r.pointee.ncvOverride) }
    case "use": { r in s(r.pointee.use) }
    case "dataSource": { r in e(r.pointee.dataSource) }
    default: nil
    }
  }

  static func waterItem(_ key: String) -> ((UnsafePointer<WaterItem>) -> Lookup)? {
    switch key {
    case "id": { r in s(r.pointee.id) }
    case "role": { r in e(r.pointee.role) }
    case "name": { r in s(r.pointee.name) }
    case "stepId": { r in s(r.pointee.stepId) }
    case "annualQuantity": { r in q(r.pointee.annualQuantity) }
    case "unitPrice": { r in p(r.pointee.unitPrice) }
    case "pollutants": { r in s(r.pointee.pollutants) }
    case "dataSource": { r in e(r.pointee.dataSource) }
    default: nil
    }
  }

  static func processStep(_ key: String) -> ((UnsafePointer<ProcessStep>) -> Lookup)? {
    switch key {
    case "id": { r in s(r.pointee.id) }
    case "name": { r in s(r.pointee.name) }
    case "description": { r in s(r.pointee.description) }
    case "stockChange": { r in q(r.pointee.stockChange) }
    case "systemCost": { r in q(r.pointee.systemCost) }
    default: nil
    }
  }

  static func flow(_ key: String) -> ((UnsafePointer<Flow>) -> Lookup)? {
    switch key {
    case "id": { r in s(r.pointee.id) }
    case "stepId": { r in s(r.pointee.stepId) }
    case "direction": { r in e(r.pointee.direction) }
    case "kind": { r in e(r.pointee.kind) }
    case "name": { r in s(r.pointee.name) }
    case "quantity": { r in q(r.pointee.quantity) }
    case "unitPrice": { r in p(r.pointee.unitPrice) }
    case "dataSource": { r in e(r.pointee.dataSource) }
    case "note": { r in s(r.pointee.note) }
    case "carrierId": { r in s(r.pointee.carrierId) }
    case "materialId": { r in s(r.pointee.materialId) }
    default: nil
    }
  }

  static func wasteStream(_ key: String) -> ((UnsafePointer<WasteStream>) -> Lookup)? {
    switch key {
    case "id": { r in s(r.pointee.id) }
    case "name": { r in s(r.pointee.name) }
    case "sourceStepId": { r in s(r.pointee.sourceStepId) }
    case "flowId": { r in s(r.pointee.flowId) }
    case "kind": { r in e(r.pointee.kind) }
    case "quantity": { r in q(r.pointee.quantity) }
    case "composition": { r in s(r.pointee.composition) }
    case "destination": { r in s(r.pointee.destination) }
    case "disposalCost": { r in q(r.pointee.disposalCost) }
    case "materialValue": { r in p(r.pointee.materialValue) }
    case "causes": { r in texts(r.pointee.causes) }
    case "dataSource": { r in e(r.pointee.dataSource) }
    default: nil
    }
  }

  static func focusItem(_ key: String) -> ((UnsafePointer<FocusItem>) -> Lookup)? {
    switch key {
    case "id": { r in s(r.pointee.id) }
    case "targetId": { r in s(r.pointee.targetId) }
    case "costScore": { r in n(r.pointee.costScore) }
    case "environmentScore": { r in n(r.pointee.environmentScore) }
    case "safetyScore": { r in n(r.pointee.safetyScore) }
    case "regulationScore": { r in n(r.pointee.regulationScore) }
    case "selected": { r in b(r.pointee.selected) }
    case "note": { r in s(r.pointee.note) }
    default: nil
    }
  }

  static func opportunity(_ key: String) -> ((UnsafePointer<Opportunity>) -> Lookup)? {
    switch key {
    case "id": { r in s(r.pointee.id) }
    case "title": { r in s(r.pointee.title) }
    case "stepId": { r in s(r.pointee.stepId) }
    case "wasteStreamId": { r in s(r.pointee.wasteStreamId) }
    case "cause": { r in s(r.pointee.cause) }
    case "technique": { r in e(r.pointee.technique) }
    case "tags": { r in t(JSONTree.array(r.pointee.tags.map { JSONTree.leaf($0.rawValue) })) }
    case "originator": { r in s(r.pointee.originator) }
    case "date": { r in s(r.pointee.date) }
    case "owner": { r in s(r.pointee.owner) }
    case "team": { r in s(r.pointee.team) }
    case "effort": { r in n(r.pointee.effort) }
    case "investment":
      { r in
        t(
          object([
            ("equipment", r.pointee.investment.equipment.map(quantity)), ("installation", r.pointee.investment.installation.map(quantity)),
            ("engineering", r.pointee.investment.engineering.map(quantity)), ("other", r.pointee.investment.other.map(quantity)),
          ]))
      }
    case "addedOM": { r in q(r.pointee.addedOM) }
    case "lifetimeYears": { r in n(r.pointee.lifetimeYears) }
    case "savings":
      { r in
        t(
          JSONTree.array(
            r.pointee.savings.map { v in
              object([
                ("resource", JSONTree.leaf(v.resource.rawValue)), ("quantity", v.quantity.map(quantity)),
                ("carrierId", v.carrierId.map { JSONTree.leaf($0) }), ("value", v.value.map(quantity)),
              ])
            }))
      }
    case "screening": { r in e(r.pointee.screening) }
    case "screeningReason": { r in s(r.pointee.screeningReason) }
    case "scores": { r in t(JSONTree.object(r.pointee.scores.map { ($0.key, JSONTree.leaf(Double($0.value))) })) }
    case "technicallyFeasible": { r in b(r.pointee.technicallyFeasible) }
    case "status": { r in e(r.pointee.status) }
    case "actualCost": { r in q(r.pointee.actualCost) }
    case "actualSavings": { r in q(r.pointee.actualSavings) }
    case "followUpDate": { r in s(r.pointee.followUpDate) }
    case "ruleId": { r in s(r.pointee.ruleId) }
    case "explanation": { r in s(r.pointee.explanation) }
    case "calculatorId": { r in s(r.pointee.calculatorId) }
    case "note": { r in s(r.pointee.note) }
    default: nil
    }
  }

  static func actionItem(_ key: String) -> ((UnsafePointer<ActionItem>) -> Lookup)? {
    switch key {
    case "id": { r in s(r.pointee.id) }
    case "opportunityId": { r in s(r.pointee.opportunityId) }
    case "what": { r in s(r.pointee.what) }
    case "who": { r in s(r.pointee.who) }
    case "start": { r in s(r.pointee.start) }
    case "due": { r in s(r.pointee.due) }
    case "budget": { r in q(r.pointee.budget) }
    case "kpi": { r in s(r.pointee.kpi) }
    case "done": { r in b(r.pointee.done) }
    default: nil
    }
  }

  static func indicator(_ key: String) -> ((UnsafePointer<IndicatorTarget>) -> Lookup)? {
    switch key {
    case "id": { r in s(r.pointee.id) }
    case "key": { r in s(r.pointee.key) }
    case "name": { r in s(r.pointee.name) }
    case "unit": { r in s(r.pointee.unit) }
    case "baseline": { r in n(r.pointee.baseline) }
    case "target": { r in n(r.pointee.target) }
    case "note": { r in s(r.pointee.note) }
    default: nil
    }
  }

  static func earlierPeriod(_ key: String) -> ((UnsafePointer<EarlierPeriodValue>) -> Lookup)? {
    switch key {
    case "id": { r in s(r.pointee.id) }
    case "period": { r in s(r.pointee.period) }
    case "key": { r in s(r.pointee.key) }
    case "value": { r in n(r.pointee.value) }
    case "unit": { r in s(r.pointee.unit) }
    case "source": { r in s(r.pointee.source) }
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
    case .teamMember(let r): finite(r)
    case .product(let r): finite(r)
    case .material(let r): finite(r)
    case .energyCarrier(let r): finite(r)
    case .waterItem(let r): finite(r)
    case .processStep(let r): finite(r)
    case .flow(let r): finite(r)
    case .wasteStream(let r): finite(r)
    case .focusItem(let r): finite(r)
    case .opportunity(let r): finite(r)
    case .actionItem(let r): finite(r)
    case .indicator(let r): finite(r)
    case .earlierPeriod(let r): finite(r)
    }
  }

  static func finite(_ r: TeamMember) -> Bool { true }
  static func finite(_ r: FocusItem) -> Bool { true }
  static func finite(_ r: Product) -> Bool { ok(r.annualQuantity) }
  static func finite(_ r: Material) -> Bool { ok(r.annualQuantity) && ok(r.unitPrice) && ok(r.intoProductShare) }
  static func finite(_ r: EnergyCarrier) -> Bool { ok(r.annualQuantity) && ok(r.unitPrice) && ok(r.ncvOverride) }
  static func finite(_ r: WaterItem) -> Bool { ok(r.annualQuantity) && ok(r.unitPrice) }
  static func finite(_ r: ProcessStep) -> Bool { ok(r.stockChange) && ok(r.systemCost) }
  static func finite(_ r: Flow) -> Bool { ok(r.quantity) && ok(r.unitPrice) }
  static func finite(_ r: WasteStream) -> Bool { ok(r.quantity) && ok(r.disposalCost) && ok(r.materialValue) }
  static func finite(_ r: Opportunity) -> Bool {
    ok(r.investment.equipment) && ok(r.investment.installation) && ok(r.investment.engineering) && ok(r.investment.other)
      && ok(r.addedOM) && ok(r.lifetimeYears) && ok(r.actualCost) && ok(r.actualSavings)
      && r.savings.allSatisfy { ok($0.quantity) && ok($0.value) }
  }
  static func finite(_ r: ActionItem) -> Bool { ok(r.budget) }
  static func finite(_ r: IndicatorTarget) -> Bool { ok(r.baseline) && ok(r.target) }
  static func finite(_ r: EarlierPeriodValue) -> Bool { ok(r.value) }

  static func finite(_ h: AssessmentHeader) -> Bool {
    let p = h.profile
    let t = h.settings
    return ok(p.operatingHours) && ok(p.annualOutput) && ok(p.turnover) && ok(p.labourCost) && ok(t.imbalanceThreshold)
      && ok(t.discountRate) && ok(t.systemCost) && ok(t.wastewaterCharge) && t.currencyRates.allSatisfy { $0.vndPerUnit.isFinite }
      && t.localUnits.allSatisfy { $0.factor.isFinite } && t.criteria.allSatisfy { $0.weight.isFinite }
  }
}

/// A record type read column by column (`RecordRows`): its kind, its id, the reader of one property (resolved once per
/// column instead of once per cell), whether its numbers are finite, and the record wrapped (for the encoded tree).
protocol FieldRecord {
  static var recordKind: RecordKind { get }
  var id: String { get }
  static func field(_ key: String) -> ((UnsafePointer<Self>) -> RecordFields.Lookup)?
  static func finite(_ r: Self) -> Bool
  var wrapped: AnyRecord { get }
}

extension TeamMember: FieldRecord {
  static var recordKind: RecordKind { .teamMember }
  static func field(_ key: String) -> ((UnsafePointer<TeamMember>) -> RecordFields.Lookup)? { RecordFields.teamMember(key) }
  static func finite(_ r: TeamMember) -> Bool { RecordFields.finite(r) }
  var wrapped: AnyRecord { .teamMember(self) }
}

extension Product: FieldRecord {
  static var recordKind: RecordKind { .product }
  static func field(_ key: String) -> ((UnsafePointer<Product>) -> RecordFields.Lookup)? { RecordFields.product(key) }
  static func finite(_ r: Product) -> Bool { RecordFields.finite(r) }
  var wrapped: AnyRecord { .product(self) }
}

extension Material: FieldRecord {
  static var recordKind: RecordKind { .material }
  static func field(_ key: String) -> ((UnsafePointer<Material>) -> RecordFields.Lookup)? { RecordFields.material(key) }
  static func finite(_ r: Material) -> Bool { RecordFields.finite(r) }
  var wrapped: AnyRecord { .material(self) }
}

extension EnergyCarrier: FieldRecord {
  static var recordKind: RecordKind { .energyCarrier }
  static func field(_ key: String) -> ((UnsafePointer<EnergyCarrier>) -> RecordFields.Lookup)? { RecordFields.energyCarrier(key) }
  static func finite(_ r: EnergyCarrier) -> Bool { RecordFields.finite(r) }
  var wrapped: AnyRecord { .energyCarrier(self) }
}

extension WaterItem: FieldRecord {
  static var recordKind: RecordKind { .waterItem }
  static func field(_ key: String) -> ((UnsafePointer<WaterItem>) -> RecordFields.Lookup)? { RecordFields.waterItem(key) }
  static func finite(_ r: WaterItem) -> Bool { RecordFields.finite(r) }
  var wrapped: AnyRecord { .waterItem(self) }
}

extension ProcessStep: FieldRecord {
  static var recordKind: RecordKind { .processStep }
  static func field(_ key: String) -> ((UnsafePointer<ProcessStep>) -> RecordFields.Lookup)? { RecordFields.processStep(key) }
  static func finite(_ r: ProcessStep) -> Bool { RecordFields.finite(r) }
  var wrapped: AnyRecord { .processStep(self) }
}

extension Flow: FieldRecord {
  static var recordKind: RecordKind { .flow }
  static func field(_ key: String) -> ((UnsafePointer<Flow>) -> RecordFields.Lookup)? { RecordFields.flow(key) }
  static func finite(_ r: Flow) -> Bool { RecordFields.finite(r) }
  var wrapped: AnyRecord { .flow(self) }
}

extension WasteStream: FieldRecord {
  static var recordKind: RecordKind { .wasteStream }
  static func field(_ key: String) -> ((UnsafePointer<WasteStream>) -> RecordFields.Lookup)? { RecordFields.wasteStream(key) }
  static func finite(_ r: WasteStream) -> Bool { RecordFields.finite(r) }
  var wrapped: AnyRecord { .wasteStream(self) }
}

extension FocusItem: FieldRecord {
  static var recordKind: RecordKind { .focusItem }
  static func field(_ key: String) -> ((UnsafePointer<FocusItem>) -> RecordFields.Lookup)? { RecordFields.focusItem(key) }
  static func finite(_ r: FocusItem) -> Bool { RecordFields.finite(r) }
  var wrapped: AnyRecord { .focusItem(self) }
}

extension Opportunity: FieldRecord {
  static var recordKind: RecordKind { .opportunity }
  static func field(_ key: String) -> ((UnsafePointer<Opportunity>) -> RecordFields.Lookup)? { RecordFields.opportunity(key) }
  static func finite(_ r: Opportunity) -> Bool { RecordFields.finite(r) }
  var wrapped: AnyRecord { .opportunity(self) }
}

extension ActionItem: FieldRecord {
  static var recordKind: RecordKind { .actionItem }
  static func field(_ key: String) -> ((UnsafePointer<ActionItem>) -> RecordFields.Lookup)? { RecordFields.actionItem(key) }
  static func finite(_ r: ActionItem) -> Bool { RecordFields.finite(r) }
  var wrapped: AnyRecord { .actionItem(self) }
}

extension IndicatorTarget: FieldRecord {
  static var recordKind: RecordKind { .indicator }
  static func field(_ key: String) -> ((UnsafePointer<IndicatorTarget>) -> RecordFields.Lookup)? { RecordFields.indicator(key) }
  static func finite(_ r: IndicatorTarget) -> Bool { RecordFields.finite(r) }
  var wrapped: AnyRecord { .indicator(self) }
}

extension EarlierPeriodValue: FieldRecord {
  static var recordKind: RecordKind { .earlierPeriod }
  static func field(_ key: String) -> ((UnsafePointer<EarlierPeriodValue>) -> RecordFields.Lookup)? { RecordFields.earlierPeriod(key) }
  static func finite(_ r: EarlierPeriodValue) -> Bool { RecordFields.finite(r) }
  var wrapped: AnyRecord { .earlierPeriod(self) }
}
