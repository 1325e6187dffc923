import Foundation
import SXCore

/// What a figure reference resolves to: the values of the rows matched (one for a plain figure), its unit and label.
public struct FigureLookup: Sendable {
  public var values: [Double?]
  public var unit: String
  public var label: LocalizedText

  public init(values: [Double?], unit: String, label: LocalizedText) {
    self.values = values
    self.unit = unit
    self.label = label
  }

  /// The sum of the known values; nil when no row matched or none is known.
  public var sum: Double? {
    let known = values.compactMap { $0 }
    return known.isEmpty ? nil : known.reduce(0, +)
  }
}

/// Where rule expressions read their figures from.
public protocol FigureSource: Sendable {
  /// Resolves a reference; nil when the name is unknown.
  func lookup(_ ref: FigureRef) -> FigureLookup?
  /// The value of a reference: `lookup(ref)?.sum`.
  func value(_ ref: FigureRef) -> Double?
}

extension FigureSource {
  public func value(_ ref: FigureRef) -> Double? { lookup(ref)?.sum }
}

/// A figure source made of fixed values by reference text (rule examples, tests). `count(x)` reads the key
/// `count(x)`; other aggregates read the plain key.
public struct DictionaryFigures: FigureSource {
  public var values: [String: Double]
  public init(_ values: [String: Double]) { self.values = values }

  public func lookup(_ ref: FigureRef) -> FigureLookup? {
    let unit = FigureBook.catalogUnit(ref) ?? ""
    return FigureLookup(values: values[ref.text].map { [$0] } ?? [], unit: unit, label: LocalizedText(vi: ref.text, en: ref.text))
  }
}

/// The named figures rules can use, built once from an assessment and its results. Names are documented in
/// `Worksheets/rules/README.md`; the catalogue (`FigureBook.scalarCatalog`, `FigureBook.collectionCatalog`) is what the
/// rules loader checks references against.
public struct FigureBook: FigureSource {
  struct Row: Sendable {
    var attrs: FieldMap<String>
    var values: FieldMap<Double?>
  }

  var scalars: [String: Double?] = [:]
  /// Every collection but `flow`, as rows.
  var collections: [String: [Row]] = [:]
  /// The `flow` collection, read from the assessment only for the flows a selector reaches (a 10,000-flow assessment
  /// builds no 10,000 rows per run).
  var flows: FlowRows?
  /// Search keys of the rows' attributes, by collection, computed when a selector first needs them.
  var rowKeys: [String: AttrKeys] = [:]
  /// Lookups already answered, by reference text (rules share references, and a rule's condition is read several
  /// times: to decide, to list the comparisons, to estimate). The book never changes, so neither do the answers.
  let answers = LookupMemo()
  /// Row ids picked by the rules' step, stream, carrier and material selectors (`Derivation.record`).
  let picks = RowPicks()

  // MARK: Catalogue

  /// Indicator keys of the engine.
  public static let indicatorKeys = [
    "water_per_product", "electricity_per_product", "thermal_per_product", "energy_per_product", "toe_per_product",
    "co2_per_product", "chemicals_per_product", "waste_per_product",
  ]

  /// Every plain figure name with its unit and label.
  public static let scalarCatalog: [String: (unit: String, label: LocalizedText)] = {
    func t(_ vi: String, _ en: String) -> LocalizedText { LocalizedText(vi: vi, en: en) }
    var d: [String: (unit: String, label: LocalizedText)] = [
      "production": ("t", t("sản lượng sản phẩm chuẩn", "reference production")),
      "settings.imbalanceThresholdPercent": ("%", t("ngưỡng lệch cân bằng", "imbalance threshold")),
      "settings.discountRate": ("1/yr", t("suất chiết khấu", "discount rate")),
      "settings.operatingHours": ("h/yr", t("số giờ vận hành", "operating hours")),
      "balance.maxImbalancePercent": ("%", t("độ lệch cân bằng lớn nhất của một công đoạn", "largest step imbalance")),
      "balance.flaggedSteps": ("", t("số công đoạn lệch quá ngưỡng", "steps over the imbalance threshold")),
      "balance.plant.closurePercent": ("%", t("độ khép cân bằng toàn nhà máy", "plant balance closure")),
      "energy.total.gj": ("GJ/yr", t("tổng năng lượng", "total energy")),
      "energy.total.toe": ("TOE/yr", t("tổng năng lượng (TOE)", "total energy (TOE)")),
      "energy.total.cost": ("VND/yr", t("tổng chi phí năng lượng", "total energy cost")),
      "energy.total.electricityKWh": ("kWh/yr", t("tổng điện năng", "total electricity")),
      "energy.total.thermalGJ": ("GJ/yr", t("tổng nhiệt năng nhiên liệu", "total fuel heat")),
      "energy.keyEnergyUser": ("flag", t("cơ sở sử dụng năng lượng trọng điểm", "key energy user")),
      "co2.total.co2e": ("t CO2e/yr", t("tổng phát thải CO2e", "total CO2e")),
      "co2.gridFactor": ("t CO2/MWh", t("hệ số phát thải lưới điện", "grid emission factor")),
      "water.total.supply": ("m³/yr", t("tổng nước cấp", "total water supply")),
      "water.total.consumption": ("m³/yr", t("tổng nước tiêu thụ", "total water consumption")),
      "water.total.outputs": ("m³/yr", t("tổng nước ra", "total water outputs")),
      "water.total.unaccounted": ("m³/yr", t("nước chưa rõ (cấp − ra)", "unaccounted water (supply − outputs)")),
      "water.total.closurePercent": ("%", t("độ khép cân bằng nước", "water balance closure")),
      "water.total.wastewater": ("m³/yr", t("nước thải", "wastewater")),
      "water.total.totalCost": ("VND/yr", t("chi phí nước và nước thải", "water and wastewater cost")),
      "water.valuePerM3": ("VND/m³", t("giá trị mỗi m³ nước tiết kiệm", "value of a m³ of water saved")),
      "wasteCost.total": ("VND/yr", t("tổng chi phí dòng thải (MFCA)", "total waste-stream cost (MFCA)")),
      "dataQuality.overallByCountPercent": ("%", t("tỷ lệ số liệu đo đạc", "share of measured-grade data")),
      "materials.chemicalCost": ("VND/yr", t("chi phí hóa chất", "chemical cost")),
    ]
    for k in indicatorKeys {
      d["indicator." + k] = ("/t", t("chỉ số \(k)", "indicator \(k)"))
      for f in ["goodPractice", "typicalLow", "typicalHigh"] {
        d["benchmark.\(k).\(f)"] = ("/t", t("chuẩn so sánh \(k) (\(f))", "benchmark \(k) (\(f))"))
      }
    }
    return d
  }()

  /// Every collection: its selectable attributes and its fields with units.
  public static let collectionCatalog: [String: (attrs: [String], fields: [String: String])] = [
    "energy.carrier": (
      ["id", "name", "fuel"],
      ["gj": "GJ/yr", "toe": "TOE/yr", "cost": "VND/yr", "kwh": "kWh/yr", "sharePercent": "%", "unallocatedGJ": "GJ/yr",
       "co2e": "t CO2e/yr"]
    ),
    "energy.step": (
      ["id", "name"],
      ["gj": "GJ/yr", "toe": "TOE/yr", "electricityKWh": "kWh/yr", "thermalGJ": "GJ/yr", "cost": "VND/yr", "sharePercent": "%"]
    ),
    "balance.step": (
      ["id", "name"],
      ["massIn": "kg/yr", "massOut": "kg/yr", "unaccounted": "kg/yr", "closurePercent": "%", "imbalancePercent": "%",
       "flagged": "flag"]
    ),
    "water.step": (["id", "name"], ["consumption": "m³/yr", "sharePercent": "%"]),
    "wasteCost.stream": (
      ["id", "name", "kind", "step", "destination"],
      ["mass": "kg/yr", "material": "VND/yr", "energy": "VND/yr", "system": "VND/yr", "wasteManagement": "VND/yr",
       "total": "VND/yr", "kg": "kg/yr", "m3": "m³/yr", "gj": "GJ/yr", "disposalCost": "VND/yr"]
    ),
    "material": (
      ["id", "name", "kind", "use"],
      ["kg": "kg/yr", "cost": "VND/yr", "price": "VND/kg", "intoProductShare": "1"]
    ),
    "flow": (
      ["id", "name", "kind", "direction", "step"],
      ["kg": "kg/yr", "m3": "m³/yr", "gj": "GJ/yr", "kwh": "kWh/yr", "cost": "VND/yr"]
    ),
    "dataQuality.area": (["area"], ["byCountPercent": "%", "byWeightPercent": "%", "records": "", "measuredRecords": ""]),
  ]

  /// Splits a reference into collection name, selector and field, when it names a collection field.
  static func collectionParts(_ ref: FigureRef) -> (name: String, selector: String?, field: String)? {
    guard ref.segments.count >= 2, let last = ref.segments.last, last.selector == nil else { return nil }
    let head = ref.segments.dropLast()
    guard head.dropLast().allSatisfy({ $0.selector == nil }) else { return nil }
    let name = head.map(\.name).joined(separator: ".")
    guard collectionCatalog[name] != nil else { return nil }
    return (name, head.last?.selector, last.name)
  }

  /// A whole collection (`energy.carrier[fuel!=electricity]`, for `count(…)`): its name and selector.
  static func bareCollection(_ ref: FigureRef) -> (name: String, selector: String?)? {
    guard ref.segments.dropLast().allSatisfy({ $0.selector == nil }) else { return nil }
    let name = ref.segments.map(\.name).joined(separator: ".")
    return collectionCatalog[name] == nil ? nil : (name, ref.segments.last?.selector)
  }

  /// The unit of a catalogued reference; nil when the reference is not in the catalogue.
  public static func catalogUnit(_ ref: FigureRef) -> String? {
    if ref.segments.allSatisfy({ $0.selector == nil }), let s = scalarCatalog[ref.text] { return s.unit }
    if let c = collectionParts(ref) { return collectionCatalog[c.name]?.fields[c.field] }
    return nil
  }

  /// Why a reference is not valid (unknown name, field or selector key); nil when it is.
  public static func check(_ ref: FigureRef, params: Set<String>, calcOutputs: Set<String>?) -> LocalizedText? {
    let first = ref.segments[0].name
    if first == "p" || first == "calc" {
      guard ref.segments.count == 2, ref.segments.allSatisfy({ $0.selector == nil }) else {
        return LocalizedText(vi: "«\(ref.text)»: dùng \(first).<tên>", en: "«\(ref.text)»: use \(first).<name>")
      }
      let n = ref.segments[1].name
      if first == "p", !params.contains(n) {
        return LocalizedText(vi: "tham số «\(n)» chưa khai báo trong params", en: "parameter «\(n)» is not declared in params")
      }
      if first == "calc" {
        guard let outs = calcOutputs else {
          return LocalizedText(vi: "«\(ref.text)»: quy tắc không có calculator", en: "«\(ref.text)»: the rule has no calculator")
        }
        if !outs.contains(n) {
          return LocalizedText(vi: "máy tính không có kết quả «\(n)» (có: \(outs.sorted().joined(separator: ", ")))",
            en: "the calculator has no output «\(n)» (has: \(outs.sorted().joined(separator: ", ")))")
        }
      }
      return nil
    }
    if ref.segments.allSatisfy({ $0.selector == nil }), scalarCatalog[ref.text] != nil { return nil }
    if let b = bareCollection(ref), let spec = collectionCatalog[b.name] {
      if let sel = b.selector, case .failure(let m) = Selector.parse(sel) { return m.message }
      if let sel = b.selector, case .success(let s) = Selector.parse(sel), let k = s.keys.first(where: { !spec.attrs.contains($0) }) {
        return LocalizedText(vi: "bộ chọn «\(k)» không có ở «\(b.name)»", en: "selector key «\(k)» is not an attribute of «\(b.name)»")
      }
      return nil
    }
    if let c = collectionParts(ref), let spec = collectionCatalog[c.name] {
      guard spec.fields[c.field] != nil else {
        return LocalizedText(vi: "«\(c.name)» không có trường «\(c.field)» (có: \(spec.fields.keys.sorted().joined(separator: ", ")))",
          en: "«\(c.name)» has no field «\(c.field)» (has: \(spec.fields.keys.sorted().joined(separator: ", ")))")
      }
      if let sel = c.selector {
        switch Selector.parse(sel) {
        case .failure(let m): return m.message
        case .success(let s):
          for k in s.keys where !spec.attrs.contains(k) {
            return LocalizedText(vi: "bộ chọn «\(k)» không có ở «\(c.name)» (dùng: \(spec.attrs.joined(separator: ", ")))",
              en: "selector key «\(k)» is not an attribute of «\(c.name)» (use: \(spec.attrs.joined(separator: ", ")))")
          }
        }
      }
      return nil
    }
    return LocalizedText(
      vi: "số liệu không rõ «\(ref.text)» (xem Worksheets/rules/README.md)", en: "unknown figure «\(ref.text)» (see Worksheets/rules/README.md)")
  }

  // MARK: Lookup

  public func lookup(_ ref: FigureRef) -> FigureLookup? {
    (answers.answer(ref) ?? answers.store(ref, resolve(ref))).lookup
  }

  /// `lookup(ref)?.sum`, summed once per book.
  public func value(_ ref: FigureRef) -> Double? {
    (answers.answer(ref) ?? answers.store(ref, resolve(ref))).sum
  }

  func resolve(_ ref: FigureRef) -> FigureLookup? {
    switch RefPlans.shared.plan(ref) {
    case .scalar(let unit, let label):
      return FigureLookup(values: [scalars[ref.text] ?? nil], unit: unit, label: label)
    case .collection(let name, let selector):
      let n: Int
      if case .success(let sel) = selector {
        if name == "flow", let f = flows { n = f.matching(sel).count } else { n = matching(name, sel).count }
      } else {
        n = 0
      }
      return FigureLookup(values: Array(repeating: 1, count: n), unit: "", label: LocalizedText(vi: ref.text, en: ref.text))
    case .field(let name, let selector, let field, let unit):
      guard case .success(let sel) = selector else { return nil }
      let label = LocalizedText(vi: ref.text, en: ref.text)
      if name == "flow", let f = flows {
        return FigureLookup(values: f.matching(sel).map { f.value($0, field) }, unit: unit, label: label)
      }
      let rows = matching(name, sel)
      return FigureLookup(values: rows.map { $0.values[field] ?? nil }, unit: unit, label: label)
    case .unknown:
      return nil
    }
  }

  /// What a reference names, worked out from its text and segments alone (`RefPlans`): a scalar with its unit and
  /// label, a whole collection (for `count(…)`), a collection field, or nothing known. Selectors are parsed here.
  enum Plan: Sendable {
    case scalar(unit: String, label: LocalizedText)
    case collection(name: String, selector: Result<Selector, RuleFailure>)
    case field(name: String, selector: Result<Selector, RuleFailure>, field: String, unit: String)
    case unknown

    init(_ ref: FigureRef) {
      if ref.segments.allSatisfy({ $0.selector == nil }), let meta = FigureBook.scalarCatalog[ref.text] {
        self = .scalar(unit: meta.unit, label: meta.label)
      } else if let (name, selector) = FigureBook.bareCollection(ref) {
        self = .collection(name: name, selector: Selector.cached(selector ?? ""))
      } else if let c = FigureBook.collectionParts(ref), let spec = FigureBook.collectionCatalog[c.name] {
        self = .field(name: c.name, selector: Selector.cached(c.selector ?? ""), field: c.field, unit: spec.fields[c.field] ?? "")
      } else {
        self = .unknown
      }
    }
  }

  /// The rows of a collection matching a selector, as attribute maps (for resolving carriers, materials, steps).
  func rows(_ collection: String, _ selector: String) -> [Row] {
    guard case .success(let sel) = Selector.cached(selector) else { return [] }
    if collection == "flow", let f = flows { return f.matching(sel).map(f.row) }
    return matching(collection, sel)
  }

  /// The rows of a listed collection that a selector matches, in order; attribute keys come from `rowKeys`.
  func matching(_ collection: String, _ sel: Selector) -> [Row] {
    let rows = collections[collection] ?? []
    guard !sel.tests.isEmpty else { return rows }
    guard let keys = rowKeys[collection] else { return rows.filter { sel.matches($0.attrs) } }
    var out: [Row] = []
    for i in rows.indices where sel.matches(key: { k in keys.get(i, k) { Selector.key(rows[i].attrs[k] ?? "") } }) {
      out.append(rows[i])
    }
    return out
  }
}

/// Lookups answered once per figure book, with the sum of their values: by the reference's slot (`RefSlots`), by
/// its text for a reference without one. Equal texts have equal slots, so this is a memo by reference text.
final class LookupMemo: @unchecked Sendable {
  struct Answer {
    var lookup: FigureLookup?
    var sum: Double?
  }

  private var bySlot: [Answer?] = []
  private var byText: [String: Answer] = [:]
  private let lock = NSLock()

  /// The answer memoised for a reference, if any.
  func answer(_ ref: FigureRef) -> Answer? {
    let slot = ref.slot
    lock.lock()
    defer { lock.unlock() }
    if slot >= 0 { return slot < bySlot.count ? bySlot[slot] : nil }
    return byText[ref.text]
  }

  /// Memoises the lookup of a reference (with its sum) and returns it. (Resolved outside the lock: a lookup may be
  /// resolved twice by two threads, with the same answer.)
  func store(_ ref: FigureRef, _ l: FigureLookup?) -> Answer {
    let slot = ref.slot
    let a = Answer(lookup: l, sum: l?.sum)
    lock.lock()
    defer { lock.unlock() }
    if slot >= 0 {
      if slot >= bySlot.count { bySlot.append(contentsOf: repeatElement(nil, count: slot + 1 - bySlot.count)) }
      bySlot[slot] = a
    } else {
      byText[ref.text] = a
    }
    return a
  }
}

/// The plan of each reference by its slot (`RefSlots`), worked out once per process; a reference without a slot is
/// planned on every resolve.
final class RefPlans: @unchecked Sendable {
  static let shared = RefPlans()
  private var plans: [FigureBook.Plan?] = []
  private let lock = NSLock()

  func plan(_ ref: FigureRef) -> FigureBook.Plan {
    let slot = ref.slot
    guard slot >= 0 else { return FigureBook.Plan(ref) }
    lock.lock()
    if slot < plans.count, let p = plans[slot] {
      lock.unlock()
      return p
    }
    lock.unlock()
    let p = FigureBook.Plan(ref)
    lock.lock()
    if slot >= plans.count { plans.append(contentsOf: repeatElement(nil, count: slot + 1 - plans.count)) }
    plans[slot] = p
    lock.unlock()
    return p
  }
}

/// A small number for each reference text met in the process (rules are parsed once and their references looked up
/// on every recompute), so memos of lookups index an array instead of hashing the text. At most `limit` texts get
/// one; later ones get -1 (memoised by text).
final class RefSlots: @unchecked Sendable {
  static let shared = RefSlots()
  static let limit = 4096
  private var slots: [String: Int] = [:]
  private let lock = NSLock()

  func slot(_ text: String) -> Int {
    lock.lock()
    defer { lock.unlock() }
    if let s = slots[text] { return s }
    guard slots.count < RefSlots.limit else { return -1 }
    let s = slots.count
    slots[text] = s
    return s
  }
}

/// Search keys of the attributes of a collection's rows (attribute → one key per row), computed on first use. The
/// few attributes a collection has are found by a scan of their names (cheaper than hashing the name per row).
final class AttrKeys: @unchecked Sendable {
  private var columns: [(attr: String, keys: [String?])] = []
  private let count: Int
  private let lock = NSLock()

  init(count: Int) { self.count = count }

  private func column(_ attr: String) -> Int? {
    for j in columns.indices where columns[j].attr == attr { return j }
    return nil
  }

  func get(_ i: Int, _ attr: String, _ make: () -> String) -> String {
    lock.lock()
    if let j = column(attr), let k = columns[j].keys[i] {
      lock.unlock()
      return k
    }
    lock.unlock()
    let k = make()
    lock.lock()
    let j: Int
    if let found = column(attr) {
      j = found
    } else {
      columns.append((attr, Array(repeating: nil, count: count)))
      j = columns.count - 1
    }
    columns[j].keys[i] = k
    lock.unlock()
    return k
  }
}

/// The `flow` collection of a figure book over the indexed assessment: a selector is matched against each flow's
/// attributes through their search keys (kinds, directions and step names keyed once per book, flow names keyed at
/// most once per flow and only when a selector reaches them), and values are computed only for the flows matched.
/// Attributes and values are the ones a `Row` of the flow would hold.
struct FlowRows: Sendable {
  let c: Context
  /// Search keys of the steps' display names, by step index.
  let stepKeys: [String]
  let nameKeys: KeyCache

  /// A dense index of each kind (any order; `kindKeys` is built from it, so the two always agree).
  static func ordinal(_ k: FlowKind) -> Int {
    switch k {
    case .rawMaterial: 0
    case .chemical: 1
    case .packaging: 2
    case .water: 3
    case .energy: 4
    case .product: 5
    case .byProduct: 6
    case .reuse: 7
    case .solidWaste: 8
    case .hazardousWaste: 9
    case .wastewater: 10
    case .airEmission: 11
    case .heat: 12
    case .unaccountedLoss: 13
    }
  }

  static let kindKeys: [String] = {
    var keys = Array(repeating: "", count: 14)
    for k in FlowKind.allCases { keys[ordinal(k)] = Selector.key(k.rawValue) }
    return keys
  }()
  static let inputKey = Selector.key(FlowDirection.input.rawValue)
  static let outputKey = Selector.key(FlowDirection.output.rawValue)

  /// Indexes of the flows of each kind (by `ordinal`), in input order, listed when a selector first needs them.
  let kindIndex = KindIndex()

  init(_ c: Context) {
    self.c = c
    stepKeys = c.a.steps.map { Selector.key($0.name.isEmpty ? $0.id : $0.name) }
    nameKeys = KeyCache(count: c.a.flows.count)
  }

  var count: Int { c.a.flows.count }

  /// The step attribute: the display name of the flow's step, its step id when the step is unknown.
  func stepName(_ i: Int) -> String {
    let st = c.facts[i].step
    let a = c.a
    return st >= 0 ? (a.steps[st].name.isEmpty ? a.steps[st].id : a.steps[st].name) : a.flows[i].stepId
  }

  /// `Selector.key` of attribute `k` of flow `i` ("" for an attribute flows do not have).
  func key(_ i: Int, _ k: String) -> String {
    switch k {
    case "kind": return FlowRows.kindKeys[FlowRows.ordinal(c.a.flows[i].kind)]
    case "direction": return c.a.flows[i].direction == .input ? FlowRows.inputKey : FlowRows.outputKey
    case "step":
      let st = c.facts[i].step
      return st >= 0 ? stepKeys[st] : Selector.key(c.a.flows[i].stepId)
    case "name": return nameKeys.get(i) { Selector.key(c.a.flows[i].name) }
    case "id": return Selector.key(c.a.flows[i].id)
    default: return ""
    }
  }

  /// How one selector test is checked on a flow: from a table by kind, direction or step index when the test reads
  /// only that attribute (its outcome depends on nothing else), else through the flow's keys.
  enum Check {
    case kind([Bool])
    case direction(input: Bool, output: Bool)
    case step([Bool], Selector.Test)
    /// `attribute~a|b…` with every alternative ASCII and not empty (searched in one pass, `NeedleSet`).
    case containsASCII(String, NeedleSet)
    case keys(Selector.Test)
  }

  /// Indexes of the flows a selector matches, in input order (the tests in selector order, as `Selector.matches`).
  func matching(_ sel: Selector) -> [Int] {
    if sel.tests.isEmpty { return Array(0..<count) }
    let checks: [Check] = sel.tests.map { t in
      switch t.attribute {
      case "kind": return .kind(FlowRows.kindKeys.map { k in Selector.holds(t) { _ in k } })
      case "direction": return .direction(input: Selector.holds(t) { _ in FlowRows.inputKey }, output: Selector.holds(t) { _ in FlowRows.outputKey })
      case "step": return .step(stepKeys.map { k in Selector.holds(t) { _ in k } }, t)
      default:
        if case .contains(let k, let alts) = t, let set = NeedleSet(alts) { return .containsASCII(k, set) }
        return .keys(t)
      }
    }
    // A kind test limits the flows to scan to the kinds it accepts (the tests are a conjunction).
    var candidates: [Int]?
    for case .kind(let table) in checks {
      let kinds = FlowKind.allCases.filter { table[FlowRows.ordinal($0)] }
      if kinds.count == 1 {
        candidates = kindIndex.flows(of: FlowRows.ordinal(kinds[0]), in: c.a.flows)
      } else if kinds.isEmpty {
        candidates = []
      }
      break
    }
    let facts = c.facts
    let readsNames = checks.contains { if case .containsASCII("name", _) = $0 { true } else { false } }
    return c.a.flows.withUnsafeBufferPointer { flows in
      func scan(_ names: inout FlowNameSlots) -> [Int] {
        var out: [Int] = []
        func test(_ i: Int) -> Bool {
          for j in 0..<checks.count {
            let ok: Bool
            switch checks[j] {
            case .kind(let table): ok = table[FlowRows.ordinal(flows[i].kind)]
            case .direction(let input, let output): ok = flows[i].direction == .input ? input : output
            case .step(let table, let t):
              let st = facts[i].step
              ok = st >= 0 ? table[st] : Selector.holds(t) { _ in Selector.key(flows[i].stepId) }
            case .containsASCII(let k, let set):
              ok = k == "name" ? names.found(i, flows[i].name, set) : set.found(in: key(i, k))
            case .keys(let t): ok = Selector.holds(t) { key(i, $0) }
            }
            if !ok { return false }
          }
          return true
        }
        if let candidates {
          for i in candidates where test(i) { out.append(i) }
        } else {
          for i in 0..<flows.count where test(i) { out.append(i) }
        }
        return out
      }
      // Name tests read the process-wide slots (kept between recomputes), under their lock once for the whole scan.
      if readsNames { return FlowNameMemo.shared.with { scan(&$0) } }
      var none = FlowNameSlots()
      return scan(&none)
    }
  }

  /// One field of flow `i` (nil when unknown or not a flow field).
  func value(_ i: Int, _ field: String) -> Double? {
    switch field {
    case "kg", "m3", "gj", "kwh":
      // The precomputed dimension is the one `measures` would look up.
      let m = FigureBook.measures(c.a.flows[i].quantity, dimension: c.facts[i].dim)
      switch field {
      case "kg": return m.kg
      case "m3": return m.m3
      case "gj": return m.gj
      default: return m.gj.map { $0 * 1e9 / 3.6e6 }
      }
    case "cost":
      let p = c.a.flows[i].unitPrice ?? c.a.flows[i].materialId.flatMap { c.materialById[$0]?.unitPrice }
      return p == nil
        ? nil : c.costValue(c.a.flows[i].quantity, p, waterLike: Context.waterLikeKinds.contains(c.a.flows[i].kind), dim: .some(c.facts[i].dim))
    default: return nil
    }
  }

  /// Flow `i` as a figure row.
  func row(_ i: Int) -> FigureBook.Row {
    let fl = c.a.flows[i]
    return FigureBook.Row(
      attrs: ["id": fl.id, "name": fl.name, "kind": fl.kind.rawValue, "direction": fl.direction.rawValue, "step": stepName(i)],
      values: ["kg": value(i, "kg"), "m3": value(i, "m3"), "gj": value(i, "gj"), "kwh": value(i, "kwh"), "cost": value(i, "cost")])
  }
}

/// The few named fields of a figure row, looked up by a linear scan (a row has at most a dozen fields, so this is
/// cheaper than hashing them into a dictionary for each of thousands of rows). Written as a dictionary literal.
struct FieldMap<Value: Sendable>: Sendable, ExpressibleByDictionaryLiteral {
  /// Keys with their values, in the literal's order (the literal's own array, not copied).
  var pairs: [(String, Value)]

  init(dictionaryLiteral elements: (String, Value)...) { pairs = elements }

  subscript(key: String) -> Value? {
    for (k, v) in pairs where k == key { return v }
    return nil
  }
}
