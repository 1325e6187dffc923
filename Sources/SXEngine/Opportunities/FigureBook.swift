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
  var collections: [String: [Row]] = [:]

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
    if ref.segments.allSatisfy({ $0.selector == nil }), let meta = FigureBook.scalarCatalog[ref.text] {
      return FigureLookup(values: [scalars[ref.text] ?? nil], unit: meta.unit, label: meta.label)
    }
    if let (name, selector) = FigureBook.bareCollection(ref) {
      return FigureLookup(values: rows(name, selector ?? "").map { _ in 1 }, unit: "", label: LocalizedText(vi: ref.text, en: ref.text))
    }
    guard let c = FigureBook.collectionParts(ref), let spec = FigureBook.collectionCatalog[c.name] else { return nil }
    let sel: Selector
    switch Selector.parse(c.selector ?? "") {
    case .success(let s): sel = s
    case .failure: return nil
    }
    let rows = (collections[c.name] ?? []).filter { sel.matches($0.attrs) }
    let label = LocalizedText(vi: ref.text, en: ref.text)
    return FigureLookup(values: rows.map { $0.values[c.field] ?? nil }, unit: spec.fields[c.field] ?? "", label: label)
  }

  /// The rows of a collection matching a selector, as attribute maps (for resolving carriers, materials, steps).
  func rows(_ collection: String, _ selector: String) -> [Row] {
    guard case .success(let sel) = Selector.parse(selector) else { return [] }
    return (collections[collection] ?? []).filter { sel.matches($0.attrs) }
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

/// A parsed row selector: `key=value`, `key!=value`, `key~a|b`, or a bare id/name, joined by `,`.
///
/// The values are kept as search keys (`Selector.key`, for `~` also trimmed), computed once at parsing, so matching
/// a row computes only the row's own keys.
struct Selector: Sendable {
  enum Test: Sendable {
    case equal(String, String)
    case notEqual(String, String)
    case contains(String, [String])
    case idOrName(String)
  }

  var tests: [Test]

  var keys: [String] {
    tests.compactMap {
      switch $0 {
      case .equal(let k, _), .notEqual(let k, _), .contains(let k, _): k
      case .idOrName: nil
      }
    }
  }

  static func parse(_ text: String) -> Result<Selector, RuleFailure> {
    var tests: [Test] = []
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    if trimmed.isEmpty { return .success(Selector(tests: [])) }
    for part in trimmed.split(separator: ",", omittingEmptySubsequences: false) {
      let p = part.trimmingCharacters(in: .whitespaces)
      if let r = p.range(of: "!=") {
        tests.append(.notEqual(String(p[..<r.lowerBound]).trimmingCharacters(in: .whitespaces), key(String(p[r.upperBound...]).trimmingCharacters(in: .whitespaces))))
      } else if let r = p.range(of: "=") {
        tests.append(.equal(String(p[..<r.lowerBound]).trimmingCharacters(in: .whitespaces), key(String(p[r.upperBound...]).trimmingCharacters(in: .whitespaces))))
      } else if let r = p.range(of: "~") {
        let alts = p[r.upperBound...].split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        // As `TextRules.matches` prepares its needle.
        tests.append(.contains(String(p[..<r.lowerBound]).trimmingCharacters(in: .whitespaces), alts.map { key($0).trimmingCharacters(in: .whitespaces) }))
      } else if !p.isEmpty {
        tests.append(.idOrName(key(p)))
      } else {
        return .failure(RuleFailure(vi: "bộ chọn «[\(text)]» có phần rỗng", en: "selector «[\(text)]» has an empty part"))
      }
    }
    for case .contains(_, let alts) in tests where alts.isEmpty {
      return .failure(RuleFailure(vi: "bộ chọn «[\(text)]»: «~» cần ít nhất một từ", en: "selector «[\(text)]»: «~» needs at least one word"))
    }
    return .success(Selector(tests: tests))
  }

  func matches(_ attrs: FieldMap<String>) -> Bool {
    tests.allSatisfy { t in
      switch t {
      case .equal(let k, let v): Selector.key(attrs[k] ?? "") == v
      case .notEqual(let k, let v): Selector.key(attrs[k] ?? "") != v
      case .contains(let k, let alts):
        alts.contains { $0.isEmpty } || {
          let h = Selector.key(attrs[k] ?? "")
          return alts.contains { h.contains($0) }
        }()
      case .idOrName(let x): Selector.key(attrs["id"] ?? "") == x || Selector.key(attrs["name"] ?? "") == x
      }
    }
  }

  /// `TextRules.searchKey`, without its Unicode work for ASCII text (where it only lower-cases).
  static func key(_ s: String) -> String {
    for b in s.utf8 where b >= 0x80 { return TextRules.searchKey(s) }
    return s.lowercased()
  }
}
