import Foundation
import SXCore

/// Parses and checks the reference tables of `Worksheets/reference/`.
enum ReferenceParser {
  /// The files of the folder and the table each holds.
  static let files: [(file: String, table: ReferenceTableName)] = [
    ("reference/toe-factors.yaml", .toeFactors), ("reference/grid-emission-factors.yaml", .gridFactors),
    ("reference/fuels.yaml", .fuels), ("reference/benchmarks.yaml", .benchmarks),
    ("reference/policy-targets.yaml", .policyTargets),
  ]

  /// Fuel codes the engine relies on; removing one is a problem.
  static let requiredFuels = [
    "electricity", "diesel", "fuel_oil", "lpg", "natural_gas", "coal_anthracite", "coal_bituminous", "coal_subbituminous",
    "gasoline", "wood", "rice_husk", "purchased_steam",
  ]

  /// Symbols allowed in reference units besides the unit catalogue.
  static let extraSymbols: Set<String> = ["TOE", "tCO2", "kgCO2", "tCO2e"]

  /// A unit string of a reference table: a catalogue unit, an extra symbol, or `a/b` of those (`m³/t`, `TOE/yr`).
  static func isValidUnit(_ s: String) -> Bool {
    func simple(_ p: String) -> Bool { extraSymbols.contains(p) || UnitSystem.standard.unit(p) != nil }
    if simple(s) { return true }
    let parts = s.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
    return parts.count == 2 && parts.allSatisfy(simple)
  }

  static let codePattern = #"^[a-z][a-z0-9_]*$"#

  static func isCode(_ s: String) -> Bool { s.range(of: codePattern, options: .regularExpression) != nil }

  /// Reads the common header (`table:`) and returns the mapping.
  static func header(_ root: YNode, table: ReferenceTableName, keys: [String], _ diag: inout Diagnostics) -> MapReader? {
    guard let m = MapReader(root, context: table.rawValue, &diag) else { return nil }
    m.checkKeys(["table"] + keys, &diag)
    if let t = m.string("table", required: true, &diag), t != table.rawValue {
      diag.add(m.value("table"), vi: "tệp này chứa bảng «\(table.rawValue)», không phải «\(t)»",
        en: "this file holds table «\(table.rawValue)», not «\(t)»")
    }
    return m
  }

  /// The citation of a row. `year` is passed when the row's year was read already (grid factors).
  static func citation(_ r: MapReader, status fixed: FactorStatus? = nil, year given: Int?? = nil, _ diag: inout Diagnostics) -> Citation? {
    let source = r.string("source", required: true, &diag)
    let url = r.string("url", &diag)
    let year = given ?? r.int("year", required: true, &diag)
    if let year, !(1900...2100).contains(year) {
      diag.add(r.value("year"), vi: "\(r.context): năm «\(year)» không hợp lệ", en: "\(r.context): invalid year «\(year)»")
    }
    var status = fixed
    if fixed == nil, let s = r.string("status", required: true, &diag) {
      status = FactorStatus(rawValue: s)
      if status == nil {
        diag.add(r.value("status"), vi: "\(r.context): trạng thái «\(s)» phải là official, derived hoặc indicative",
          en: "\(r.context): status «\(s)» must be official, derived or indicative")
      }
    }
    let note = r.localized("note", required: false, &diag)
    guard let source, let year, let status else { return nil }
    return Citation(source: source, url: url, year: year, status: status, note: note)
  }

  static func positive(_ r: MapReader, _ key: String, required: Bool, allowZero: Bool = false, _ diag: inout Diagnostics) -> Double? {
    guard let v = r.double(key, required: required, &diag) else { return nil }
    if v < 0 || (!allowZero && v == 0) {
      diag.add(r.value(key), vi: "\(r.context): «\(key)» phải là số dương", en: "\(r.context): «\(key)» must be positive")
      return nil
    }
    return v
  }

  static func unique(_ r: MapReader, _ key: String, _ value: String?, _ seen: inout Set<String>, _ diag: inout Diagnostics) {
    guard let value else { return }
    if !seen.insert(value).inserted {
      diag.add(r.value(key), vi: "\(r.context): «\(value)» bị lặp", en: "\(r.context): duplicate «\(value)»")
    }
  }

  static func toeFactors(_ root: YNode, _ diag: inout Diagnostics) -> [TOEFactor] {
    guard let m = header(root, table: .toeFactors, keys: ["unit", "factors"], &diag) else { return [] }
    if let u = m.string("unit", required: true, &diag), u != "TOE" {
      diag.add(m.value("unit"), vi: "đơn vị của bảng phải là TOE", en: "the table unit must be TOE")
    }
    var out: [TOEFactor] = []
    var seen = Set<String>()
    for node in m.items("factors", required: true, &diag) {
      guard let r = MapReader(node, context: "TOE factor", &diag) else { continue }
      r.checkKeys(["code", "fuel", "name", "value", "perAmount", "perUnit", "status", "source", "url", "year", "note"], &diag)
      let code = r.string("code", required: true, &diag)
      unique(r, "code", code, &seen, &diag)
      let fuel = r.string("fuel", required: true, &diag)
      let name = r.localized("name", &diag)
      let value = positive(r, "value", required: true, &diag)
      let perAmount = positive(r, "perAmount", required: false, &diag) ?? 1
      let perUnit = r.string("perUnit", required: true, &diag)
      if let perUnit, UnitSystem.standard.unit(perUnit) == nil {
        diag.add(r.value("perUnit"), vi: "\(r.context): đơn vị không rõ «\(perUnit)»", en: "\(r.context): unknown unit «\(perUnit)»")
      }
      let c = citation(r, &diag)
      if let code, let fuel, let name, let value, let perUnit, let c {
        out.append(TOEFactor(code: code, fuel: fuel, name: name, value: value, perAmount: perAmount, perUnit: perUnit, citation: c))
      }
    }
    return out
  }

  static func gridFactors(_ root: YNode, _ diag: inout Diagnostics) -> (unit: String, rows: [GridFactor]) {
    guard let m = header(root, table: .gridFactors, keys: ["unit", "factors"], &diag) else { return ("tCO2/MWh", []) }
    let unit = m.string("unit", required: true, &diag) ?? "tCO2/MWh"
    if !["tCO2/MWh", "kgCO2/kWh"].contains(unit) {
      diag.add(m.value("unit"), vi: "đơn vị phải là tCO2/MWh", en: "the unit must be tCO2/MWh")
    }
    var out: [GridFactor] = []
    var seen = Set<String>()
    for node in m.items("factors", required: true, &diag) {
      guard let r = MapReader(node, context: "grid factor", &diag) else { continue }
      r.checkKeys(["year", "value", "status", "source", "document", "url", "note"], &diag)
      let year = r.int("year", required: true, &diag)
      unique(r, "year", year.map(String.init), &seen, &diag)
      let value = positive(r, "value", required: true, &diag)
      if let value, value > 3 {
        diag.add(r.value("value"), vi: "\(r.context): \(value) tCO2/MWh không hợp lý", en: "\(r.context): \(value) tCO2/MWh is implausible")
      }
      let document = r.string("document", &diag)
      let c = citation(r, year: .some(year), &diag)
      if let year, let value, let c { out.append(GridFactor(year: year, value: value, document: document, citation: c)) }
    }
    return (unit, out.sorted { $0.year < $1.year })
  }

  static func fuels(_ root: YNode, _ diag: inout Diagnostics) -> [FuelFactor] {
    guard let m = header(root, table: .fuels, keys: ["fuels"], &diag) else { return [] }
    var out: [FuelFactor] = []
    var seen = Set<String>()
    for node in m.items("fuels", required: true, &diag) {
      guard let r = MapReader(node, context: "fuel", &diag) else { continue }
      r.checkKeys(
        ["code", "name", "defaultUnit", "ncv", "co2", "ch4", "n2o", "density", "biogenic", "status", "source", "url", "year", "note"],
        &diag)
      let code = r.string("code", required: true, &diag)
      if let code, !isCode(code) {
        diag.add(r.value("code"), vi: "mã «\(code)» chỉ gồm chữ thường, số, gạch dưới",
          en: "code «\(code)» must be lower case letters, digits, underscores")
      }
      unique(r, "code", code, &seen, &diag)
      let name = r.localized("name", &diag)
      let unit = r.string("defaultUnit", required: true, &diag)
      if let unit, UnitSystem.standard.unit(unit) == nil {
        diag.add(r.value("defaultUnit"), vi: "\(r.context): đơn vị không rõ «\(unit)»", en: "\(r.context): unknown unit «\(unit)»")
      }
      let ncv = positive(r, "ncv", required: false, &diag)
      if let ncv, ncv > 60 {
        diag.add(r.value("ncv"), vi: "\(r.context): NCV \(ncv) GJ/t không hợp lý (GJ/t = MJ/kg)",
          en: "\(r.context): NCV \(ncv) GJ/t is implausible (GJ/t = MJ/kg)")
      }
      let co2 = positive(r, "co2", required: false, &diag)
      let ch4 = positive(r, "ch4", required: false, allowZero: true, &diag)
      let n2o = positive(r, "n2o", required: false, allowZero: true, &diag)
      let density = positive(r, "density", required: false, &diag)
      let biogenic = r.bool("biogenic", &diag) ?? false
      let c = citation(r, &diag)
      if let code, let name, let unit, let c {
        out.append(
          FuelFactor(code: code, name: name, defaultUnit: unit, ncv: ncv, co2: co2, ch4: ch4, n2o: n2o, density: density, biogenic: biogenic, citation: c))
      }
    }
    for code in requiredFuels where !seen.contains(code) {
      diag.add(m.value("fuels") ?? root, vi: "thiếu nhiên liệu bắt buộc «\(code)»", en: "required fuel «\(code)» is missing")
    }
    return out
  }

  static func benchmarks(_ root: YNode, _ diag: inout Diagnostics) -> [Benchmark] {
    guard let m = header(root, table: .benchmarks, keys: ["benchmarks"], &diag) else { return [] }
    var out: [Benchmark] = []
    for node in m.items("benchmarks", required: true, &diag) {
      guard let r = MapReader(node, context: "benchmark", &diag) else { continue }
      r.checkKeys(["key", "level", "scope", "low", "high", "median", "unit", "indicative", "source", "url", "year", "note"], &diag)
      let key = r.string("key", required: true, &diag)
      if let key, !isCode(key) {
        diag.add(r.value("key"), vi: "khóa «\(key)» chỉ gồm chữ thường, số, gạch dưới",
          en: "key «\(key)» must be lower case letters, digits, underscores")
      }
      let level: BenchmarkLevel? = r.string("level", required: true, &diag).flatMap { s in
        guard let l = BenchmarkLevel(rawValue: s) else {
          diag.add(r.value("level"), vi: "mức «\(s)» phải là typical, goodPractice hoặc observed",
            en: "level «\(s)» must be typical, goodPractice or observed")
          return nil
        }
        return l
      }
      let scope = r.localized("scope", &diag)
      let (low, high) = range(r, &diag)
      let median = r.double("median", &diag)
      if let median, let low, let high, !(low...high).contains(median) {
        diag.add(r.value("median"), vi: "trung vị nằm ngoài khoảng low–high", en: "median is outside low–high")
      }
      let unit = r.string("unit", required: true, &diag)
      if let unit, !isValidUnit(unit) {
        diag.add(r.value("unit"), vi: "\(r.context): đơn vị không rõ «\(unit)»", en: "\(r.context): unknown unit «\(unit)»")
      }
      let indicative = r.bool("indicative", &diag)
      if indicative == nil, !r.has("indicative") { r.missing("indicative", &diag) }
      let c = citation(r, status: indicative == true ? .indicative : .official, &diag)
      if let key, let level, let scope, let low, let high, let unit, let indicative, let c {
        out.append(
          Benchmark(key: key, level: level, scope: scope, low: low, high: high, median: median, unit: unit, indicative: indicative, citation: c))
      }
    }
    return out
  }

  static func range(_ r: MapReader, _ diag: inout Diagnostics) -> (Double?, Double?) {
    let low = r.double("low", required: true, &diag)
    let high = r.double("high", required: true, &diag)
    if let low, let high, low > high {
      diag.add(r.value("high"), vi: "\(r.context): low (\(low)) lớn hơn high (\(high))",
        en: "\(r.context): low (\(low)) is greater than high (\(high))")
      return (nil, nil)
    }
    return (low, high)
  }

  static func policyTargets(_ root: YNode, _ diag: inout Diagnostics) -> [PolicyTarget] {
    guard let m = header(root, table: .policyTargets, keys: ["targets"], &diag) else { return [] }
    var out: [PolicyTarget] = []
    var seen = Set<String>()
    for node in m.items("targets", required: true, &diag) {
      guard let r = MapReader(node, context: "policy target", &diag) else { continue }
      r.checkKeys(
        ["id", "kind", "document", "title", "scope", "low", "high", "unit", "fromYear", "toYear", "source", "url", "year", "note"],
        &diag)
      let id = r.string("id", required: true, &diag)
      unique(r, "id", id, &seen, &diag)
      let kind: PolicyTargetKind? = r.string("kind", required: true, &diag).flatMap { s in
        guard let k = PolicyTargetKind(rawValue: s) else {
          diag.add(r.value("kind"), vi: "loại «\(s)» phải là reduction hoặc threshold", en: "kind «\(s)» must be reduction or threshold")
          return nil
        }
        return k
      }
      let document = r.string("document", required: true, &diag)
      let title = r.localized("title", &diag)
      let scope = r.localized("scope", &diag)
      let (low, high) = range(r, &diag)
      let unit = r.string("unit", required: true, &diag)
      if let unit, !isValidUnit(unit) {
        diag.add(r.value("unit"), vi: "\(r.context): đơn vị không rõ «\(unit)»", en: "\(r.context): unknown unit «\(unit)»")
      }
      let from = r.int("fromYear", &diag)
      let to = r.int("toYear", &diag)
      if let from, let to, from > to {
        diag.add(r.value("toYear"), vi: "fromYear lớn hơn toYear", en: "fromYear is after toYear")
      }
      let c = citation(r, status: .official, &diag)
      if let id, let kind, let document, let title, let scope, let low, let high, let unit, let c {
        out.append(
          PolicyTarget(
            id: id, kind: kind, document: document, title: title, scope: scope, low: low, high: high, unit: unit, fromYear: from,
            toYear: to, citation: c))
      }
    }
    return out
  }
}
