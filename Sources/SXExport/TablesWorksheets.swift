import Foundation
import SXCore
import SXEngine
import SXWorksheets

/// The worksheet tables W0–W13, driven by the worksheet definitions: one column per field (labels from the
/// definitions), values read from the records by their key paths, quantities converted to the field's default unit.
enum WorksheetTables {
  static func build(_ input: ExportInput) -> [ExportTable] {
    let ctx = FieldContext(input)
    return input.worksheets.worksheets.map { ws in
      ws.layout == .form && ws.record == .header ? headerTable(ws, ctx) : rowTable(ws, ctx)
    }
  }

  /// The records of one kind, in order (`Assessment.records(of:)` without building every record first).
  static func rows(of kind: RecordKind, in a: Assessment) -> [AnyRecord] {
    switch kind {
    case .teamMember: a.team.map(AnyRecord.teamMember)
    case .product: a.products.map(AnyRecord.product)
    case .material: a.materials.map(AnyRecord.material)
    case .energyCarrier: a.energyCarriers.map(AnyRecord.energyCarrier)
    case .waterItem: a.water.map(AnyRecord.waterItem)
    case .processStep: a.steps.map(AnyRecord.processStep)
    case .flow: a.flows.map(AnyRecord.flow)
    case .wasteStream: a.wasteStreams.map(AnyRecord.wasteStream)
    case .focusItem: a.focus.map(AnyRecord.focusItem)
    case .opportunity: a.opportunities.map(AnyRecord.opportunity)
    case .actionItem: a.actions.map(AnyRecord.actionItem)
    case .indicator: a.indicators.map(AnyRecord.indicator)
    case .earlierPeriod: a.earlierPeriods.map(AnyRecord.earlierPeriod)
    }
  }

  static func slug(_ ws: Worksheet) -> String {
    // `worksheets/W04-energy.yaml` → `W04-energy`
    let name = fileStem(ws.file)
    return name.isEmpty ? ws.id : name
  }

  /// The file name without folder and extension, remembered per path (every export names the same few files; the
  /// Foundation path calls cost more than the rest of a small table).
  static func fileStem(_ file: String) -> String {
    stems.value(file) { ((file as NSString).lastPathComponent as NSString).deletingPathExtension }
  }

  static let stems = KeyMemo<String, String>()

  /// A computed column's label and the unit of its definition.
  struct LabelUnit: Hashable, Sendable {
    let label: String
    let unit: String
  }

  /// `label.contains(unit)` of the computed columns' labels and defined units (`String.contains` through Foundation
  /// costs more than the rest of a small table), remembered per process.
  static let labelHolds = KeyMemo<LabelUnit, Bool>()

  /// W0 (a form): one row per field, value and unit.
  static func headerTable(_ ws: Worksheet, _ ctx: FieldContext) -> ExportTable {
    let i = ctx.input
    let header = HeaderReader(i.assessment.header)
    var rows: [[CellValue]] = []
    for f in ws.fields {
      let raw = header.value(at: FieldContext.path(f.key))
      let plan = ColumnPlan.make(f, values: [raw], ctx)
      let cells = plan.cells(raw, ctx)
      let unit = plan.columns.first?.unit ?? ""
      var value = cells.first ?? .empty
      // Years read as years (2023), not as grouped numbers (2.023).
      if f.key.hasSuffix("Year"), let y = value.number { value = .text(String(Int(y))) }
      let extraUnit = cells.count > 1 ? (cells[1].text ?? "") : unit
      rows.append([.text(i.t(f.label)), value, .str(extraUnit)])
    }
    return ExportTable(
      id: slug(ws), title: "\(ws.id) · \(i.t(ws.title))",
      columns: [ExportColumn(i.t("Mục", "Field"), wide: true), ExportColumn(i.t("Giá trị", "Value"), wide: true), ExportColumn(i.t("Đơn vị", "Unit"))],
      rows: rows)
  }

  /// A table worksheet (or W11, a form over filtered rows): one row per record.
  static func rowTable(_ ws: Worksheet, _ ctx: FieldContext) -> ExportTable {
    let i = ctx.input
    guard case .kind(let kind) = ws.record else {
      return ExportTable(id: slug(ws), title: "\(ws.id) · \(i.t(ws.title))", columns: [], rows: [])
    }
    let a = i.assessment
    switch kind {
    case .teamMember: return rowTable(ws, ctx, a.team)
    case .product: return rowTable(ws, ctx, a.products)
    case .material: return rowTable(ws, ctx, a.materials)
    case .energyCarrier: return rowTable(ws, ctx, a.energyCarriers)
    case .waterItem: return rowTable(ws, ctx, a.water)
    case .processStep: return rowTable(ws, ctx, a.steps)
    case .flow: return rowTable(ws, ctx, a.flows)
    case .wasteStream: return rowTable(ws, ctx, a.wasteStreams)
    case .focusItem: return rowTable(ws, ctx, a.focus)
    case .opportunity: return rowTable(ws, ctx, a.opportunities)
    case .actionItem: return rowTable(ws, ctx, a.actions)
    case .indicator: return rowTable(ws, ctx, a.indicators)
    case .earlierPeriod: return rowTable(ws, ctx, a.earlierPeriods)
    }
  }

  /// `rowTable` over the records of one kind, read column by column (`RecordRows`).
  static func rowTable<R: FieldRecord>(_ ws: Worksheet, _ ctx: FieldContext, _ all: [R]) -> ExportTable {
    let i = ctx.input
    let kind = R.recordKind
    let records = RecordRows(all)
    if let filter = ws.filter {
      let path = FieldContext.path(filter.key)
      let column = RecordRows<R>.column(path)
      records.filter { k in records.value(k, at: path, column)?.string.map(filter.values.contains) ?? false }
    }
    var columns: [ExportColumn] = []
    var rows: [[CellValue]] = Array(repeating: [], count: records.count)
    // Room for a value and a unit column per field, and the computed columns, in each row.
    for k in rows.indices { rows[k].reserveCapacity(ws.fields.count * 2 + ws.computed.count) }
    var values: [FieldValue?] = []
    values.reserveCapacity(records.count)
    for f in ws.fields {
      let path = FieldContext.path(f.key)
      let column = RecordRows<R>.column(path)
      values.removeAll(keepingCapacity: true)
      for k in 0..<records.count { values.append(records.value(k, at: path, column)) }
      let plan = ColumnPlan.make(f, values: values, ctx)
      columns += plan.columns
      for k in values.indices { plan.append(values[k], ctx, to: &rows[k]) }
    }
    if !ws.computed.isEmpty {
      let figures = ComputedColumns.Lookup(kind: kind, ids: records.records.map(\.id), i)
      for c in ws.computed {
        let column = figures.column(c.key)
        guard column.contains(where: { $0 != nil }) else { continue }
        let unit = column.compactMap { $0?.unit }.first ?? c.unit
        let label = i.t(c.label)
        // Labels often carry their unit already ("Năng lượng (GJ)", "% TOE").
        // Whether the label holds the definition's unit depends on the definitions alone: worked out once per process.
        let holdsDefined = labelHolds.value(LabelUnit(label: label, unit: c.unit)) { label.contains(c.unit) }
        let shown = label.hasSuffix(")") || holdsDefined || (unit != c.unit && label.contains(unit)) ? nil : unit
        columns.append(ExportColumn(label, unit: shown, format: ComputedColumns.format(unit)))
        for k in column.indices { rows[k].append(.num(column[k]?.value)) }
      }
    }
    return ExportTable(id: slug(ws), title: "\(ws.id) · \(i.t(ws.title))", columns: columns, rows: rows)
  }
}

/// Lookups shared by the field readers: record names by id, the unit system, reference table names.
struct FieldContext {
  let input: ExportInput
  let units: UnitSystem
  let names: [String: String]
  let fuelNames: [String: String]
  /// Unit lookups by symbol, made once per export (`UnitSystem.unit` normalises the symbol on every call).
  let unitCache = UnitCache()

  final class UnitCache {
    var units: [String: UnitDef?] = [:]
  }

  /// `units.unit(symbol)`, remembered.
  func unit(_ symbol: String) -> UnitDef? {
    if let u = unitCache.units[symbol] { return u }
    let u = units.unit(symbol)
    unitCache.units[symbol] = u
    return u
  }

  /// `units.convert(v, from:, to:)` for units already known to exist and share a dimension.
  static func convert(_ v: Double, from f: UnitDef, to t: UnitDef) -> Double { t.fromSI(f.toSI(v)) }

  init(_ input: ExportInput) {
    self.input = input
    units = (try? input.assessment.header.settings.unitSystem()) ?? .standard
    // `AnyRecord.displayName` of every record by id, in `Assessment.records` order (a later id wins), read from the
    // arrays without wrapping (or copying) each record.
    let a = input.assessment
    var n: [String: String] = [:]
    n.reserveCapacity(a.team.count + a.products.count + a.materials.count + a.energyCarriers.count + a.water.count + a.steps.count
      + a.flows.count + a.wasteStreams.count + a.focus.count + a.opportunities.count + a.actions.count + a.indicators.count
      + a.earlierPeriods.count)
    for k in a.team.indices { n[a.team[k].id] = a.team[k].name }
    for k in a.products.indices { n[a.products[k].id] = a.products[k].name }
    for k in a.materials.indices { n[a.materials[k].id] = a.materials[k].name }
    for k in a.energyCarriers.indices { n[a.energyCarriers[k].id] = a.energyCarriers[k].name }
    for k in a.water.indices { n[a.water[k].id] = a.water[k].name }
    for k in a.steps.indices { n[a.steps[k].id] = a.steps[k].name }
    for k in a.flows.indices { n[a.flows[k].id] = a.flows[k].name }
    for k in a.wasteStreams.indices { n[a.wasteStreams[k].id] = a.wasteStreams[k].name }
    for k in a.focus.indices { n[a.focus[k].id] = a.focus[k].targetId }
    for k in a.opportunities.indices { n[a.opportunities[k].id] = a.opportunities[k].title }
    for k in a.actions.indices { n[a.actions[k].id] = a.actions[k].what }
    for r in a.indicators { n[r.id] = r.name.isEmpty ? r.key : r.name }
    for r in a.earlierPeriods { n[r.id] = r.period + " " + r.key }
    names = n
    fuelNames = FieldContext.fuelNames(input)
  }

  /// Fuel names by code, from the reference tables.
  static func fuelNames(_ input: ExportInput) -> [String: String] {
    var fuels: [String: String] = [:]
    for f in input.worksheets.reference.fuels { fuels[f.code] = f.name.text(input.language) }
    return fuels
  }

  /// The record as its JSON value tree (what its stored JSON body reads back as).
  func json(record: AnyRecord) -> JSONTree? { RecordFields.tree(record) }

  func json(header: AssessmentHeader) -> JSONTree? {
    JSONTree.of(header).map { JSONTree.object("header", $0) }
  }

  /// A dotted key path (`investment.equipment`) split at the dots, remembered per key (every export reads the same
  /// few hundred keys of the worksheet definitions).
  static func path(_ key: String) -> [String] {
    paths.value(key) { key.split(separator: ".").map(String.init) }
  }

  static let paths = KeyMemo<String, [String]>()

  /// The JSON value at a dotted key path (`investment.equipment`), or nil.
  static func value(at key: String, in json: JSONTree?) -> JSONTree? {
    json?.value(at: path(key))
  }

  static func quantity(_ v: FieldValue?) -> Quantity? { v?.quantity }

  static func price(_ v: FieldValue?) -> UnitPrice? { v?.price }

  static func quantity(_ v: JSONTree?) -> Quantity? {
    guard let v, let value = v["value"]?.number, let unit = v["unit"]?.string else { return nil }
    let si = v["si"]?.number ?? value
    return Quantity(value: value, unit: unit, si: si)
  }

  static func price(_ v: JSONTree?) -> UnitPrice? {
    guard let v, let amount = quantity(v["amount"]), let per = v["perUnit"]?.string else { return nil }
    return UnitPrice(amount: amount, perUnit: per)
  }

  /// A quantity in `unit`, when convertible.
  func value(_ q: Quantity, in unit: String) -> Double? {
    if q.unit == unit { return q.value }
    guard let u = self.unit(unit), let from = self.unit(q.unit), u.dimension == from.dimension else { return nil }
    return FieldContext.convert(q.value, from: from, to: u)
  }

  /// A price as amount-unit per per-unit, when convertible.
  func value(_ p: UnitPrice, amountUnit: String, perUnit: String) -> Double? {
    guard let a = value(p.amount, in: amountUnit) else { return nil }
    if p.perUnit == perUnit { return a }
    guard let pu = unit(p.perUnit), let tu = unit(perUnit), pu.dimension == tu.dimension else { return nil }
    let ratio = FieldContext.convert(1, from: pu, to: tu)
    guard ratio != 0 else { return nil }
    return a / ratio
  }

  func boolText(_ b: Bool) -> String { input.t(b ? "có" : "không", b ? "yes" : "no") }
}

/// How one field becomes columns: a number column in one unit, or value + unit columns when units are mixed.
struct ColumnPlan {
  enum Mode { case text, number, percent, quantity(String), quantityMixed, price(String, String), priceMixed }
  let field: FieldDef
  let mode: Mode
  let columns: [ExportColumn]

  static func make(_ f: FieldDef, values: [FieldValue?], _ ctx: FieldContext) -> ColumnPlan {
    let label = ctx.input.t(f.label)
    let wide = f.type == .multiline || f.type == .list
    switch f.type {
    case .integer, .score:
      return ColumnPlan(field: f, mode: .number, columns: [ExportColumn(label, format: NumberFormats.integer)])
    case .number:
      return ColumnPlan(field: f, mode: .number, columns: [ExportColumn(label, format: NumberFormats.general)])
    case .percent:
      return ColumnPlan(field: f, mode: .percent, columns: [ExportColumn(label, unit: "%", format: NumberFormats.percent1)])
    case .quantity, .money:
      let qs = values.compactMap { $0?.quantity }
      let candidates = [f.defaultUnit].compactMap { $0 } + (qs.first.map { [$0.unit] } ?? [])
      if let unit = candidates.first(where: { u in qs.allSatisfy { ctx.value($0, in: u) != nil } }) {
        let fmt = f.type == .money ? NumberFormats.integer : NumberFormats.general
        return ColumnPlan(field: f, mode: .quantity(unit), columns: [ExportColumn(label, unit: unit, format: fmt)])
      }
      return ColumnPlan(
        field: f, mode: .quantityMixed,
        columns: [ExportColumn(label), ExportColumn(label + " — " + ctx.input.t("đơn vị", "unit"))])
    case .price:
      let ps = values.compactMap { $0?.price }
      let a = f.defaultUnit ?? ps.first?.amount.unit ?? "VND"
      let per = f.defaultPerUnit ?? ps.first?.perUnit ?? ""
      if ps.allSatisfy({ ctx.value($0, amountUnit: a, perUnit: per) != nil }) {
        return ColumnPlan(field: f, mode: .price(a, per), columns: [ExportColumn(label, unit: "\(a)/\(per)", format: NumberFormats.general)])
      }
      return ColumnPlan(
        field: f, mode: .priceMixed,
        columns: [ExportColumn(label), ExportColumn(label + " — " + ctx.input.t("đơn vị", "unit"))])
    default:
      return ColumnPlan(field: f, mode: .text, columns: [ExportColumn(label, wide: wide)])
    }
  }

  func cells(_ raw: FieldValue?, _ ctx: FieldContext) -> [CellValue] {
    var out: [CellValue] = []
    append(raw, ctx, to: &out)
    return out
  }

  /// `cells(raw, ctx)` appended to `row` (no array per cell).
  func append(_ raw: FieldValue?, _ ctx: FieldContext, to row: inout [CellValue]) {
    switch mode {
    case .number: row.append(.num(raw?.number))
    case .percent: row.append(.num(raw?.number.map { $0 * 100 }))
    case .quantity(let u): row.append(.num(FieldContext.quantity(raw).flatMap { ctx.value($0, in: u) }))
    case .quantityMixed:
      if let q = FieldContext.quantity(raw) {
        row.append(.num(q.value))
        row.append(.text(q.unit))
      } else {
        row.append(.empty)
        row.append(.empty)
      }
    case .price(let a, let per): row.append(.num(FieldContext.price(raw).flatMap { ctx.value($0, amountUnit: a, perUnit: per) }))
    case .priceMixed:
      if let p = FieldContext.price(raw) {
        row.append(.num(p.amount.value))
        row.append(.text("\(p.amount.unit)/\(p.perUnit)"))
      } else {
        row.append(.empty)
        row.append(.empty)
      }
    case .text: row.append(.str(ColumnPlan.text(field, raw, ctx)))
    }
  }

  /// The readable text of a non-numeric field (enum labels, referenced names, yes/no, nested lists).
  static func text(_ f: FieldDef, _ raw: FieldValue?, _ ctx: FieldContext) -> String {
    guard let raw else { return "" }
    if let arr = raw.array {
      if f.type == .list {
        // The nested key paths split once for every item.
        let paths = f.fields.map { FieldContext.path($0.key) }
        return arr.map { item in
          f.fields.indices.compactMap { j in nestedText(f.fields[j], item.value(at: paths[j]), ctx) }.joined(separator: " · ")
        }
        .joined(separator: "; ")
      }
      return arr.map { text(f, $0, ctx) }.filter { !$0.isEmpty }.joined(separator: "; ")
    }
    let l = ctx.input.language
    switch f.type {
    case .boolean: return raw.bool.map(ctx.boolText) ?? ""
    case .enumeration: return raw.string.map { f.optionLabel($0).text(l) } ?? ""
    case .reference:
      guard let id = raw.string else { return "" }
      return ctx.names[id] ?? ctx.fuelNames[id] ?? id
    case .quantity, .money:
      return FieldContext.quantity(raw).map { "\(NumberFormat.auto($0.value, l)) \($0.unit)" } ?? ""
    case .price:
      return FieldContext.price(raw).map { "\(NumberFormat.auto($0.amount.value, l)) \($0.amount.unit)/\($0.perUnit)" } ?? ""
    case .percent: return raw.number.map { NumberFormat.auto($0 * 100, l) + " %" } ?? ""
    default:
      if let s = raw.string { return s }
      if let n = raw.number { return NumberFormat.auto(n, l) }
      return ""
    }
  }

  static func nestedText(_ f: FieldDef, _ raw: FieldValue?, _ ctx: FieldContext) -> String? {
    let s = text(f, raw, ctx)
    return s.isEmpty ? nil : s
  }
}

/// Engine figures shown as read-only columns of the worksheets (the `computed:` entries of the definitions).
enum ComputedColumns {
  static func format(_ unit: String) -> String {
    switch unit {
    case "VND", "kWh", "kg": NumberFormats.integer
    case "%": NumberFormats.percent1
    case "yr", "TOE", "GJ", "tCO2", "t CO2e", "t": NumberFormats.decimal2
    default: NumberFormats.general
    }
  }

  /// `figure(kind:key:id:_:)` of every record of a table: each record matched once to its result row (the first with
  /// its id, as `figure` finds it), then any key read from the matched rows.
  struct Lookup {
    let kind: RecordKind
    let carriers: [(energy: CarrierEnergy?, co2: EmissionRow?)]
    let water: [WaterLine?]
    let streams: [StreamCost?]
    let economics: [OpportunityEconomics?]
    let indicators: [Figure?]

    init(kind: RecordKind, ids: [String], _ i: ExportInput) {
      self.kind = kind
      let r = i.results
      carriers = kind == .energyCarrier
        ? ids.map { id in (r.energy.carriers.first { $0.id == id }, r.co2.carriers.first { $0.id == id }) } : []
      if kind == .waterItem {
        let lines = r.water.sources + r.water.consumers + r.water.outputs
        water = ids.map { id in lines.first { $0.id == id } }
      } else {
        water = []
      }
      streams = kind == .wasteStream ? ids.map { id in r.wasteCost.streams.first { $0.id == id } } : []
      economics = kind == .opportunity ? ids.map { id in r.economics.opportunities.first { $0.id == id } } : []
      indicators = kind == .indicator
        ? ids.map { id in
          guard let key = i.assessment.indicators.first(where: { $0.id == id })?.key else { return nil }
          return r.indicators.items.first { $0.key == key }?.value
        } : []
    }

    /// The figures of `key`, one per record.
    func column(_ key: String) -> [Figure?] {
      switch kind {
      case .energyCarrier:
        return carriers.map { m in
          let (e, c) = m
          switch key {
          case "energyGJ": return e?.gj
          case "toe": return e?.toe
          case "toeShare": return e?.sharePercent
          case "annualCost": return e?.cost
          case "co2": return c?.co2e
          case "co2Biogenic": return c?.biogenicCO2
          default: return nil
          }
        }
      case .waterItem:
        return key == "annualCost" ? water.map { $0?.cost } : water.map { _ in nil }
      case .wasteStream:
        return streams.map { s in
          switch key {
          case "materialLossCost": return s?.material
          case "energyCost": return s?.energy
          case "systemCost": return s?.system
          case "totalLossCost": return s?.total
          default: return nil
          }
        }
      case .opportunity:
        return economics.map { e in
          switch key {
          case "totalInvestment": return e?.investment
          case "annualSavings": return e?.annualSaving
          case "simplePayback": return e?.simplePayback
          case "npv": return e?.npv
          case "irr": return e?.irr
          case "toeSaved": return e?.toeSaving
          default: return nil
          }
        }
      case .indicator:
        return key == "current" ? indicators : indicators.map { _ in nil }
      default:
        return []
      }
    }
  }

  static func figure(kind: RecordKind, key: String, id: String, _ i: ExportInput) -> Figure? {
    let r = i.results
    switch (kind, key) {
    case (.energyCarrier, _):
      let e = r.energy.carriers.first { $0.id == id }
      let c = r.co2.carriers.first { $0.id == id }
      switch key {
      case "energyGJ": return e?.gj
      case "toe": return e?.toe
      case "toeShare": return e?.sharePercent
      case "annualCost": return e?.cost
      case "co2": return c?.co2e
      case "co2Biogenic": return c?.biogenicCO2
      default: return nil
      }
    case (.waterItem, "annualCost"):
      return (r.water.sources + r.water.consumers + r.water.outputs).first { $0.id == id }?.cost
    case (.wasteStream, _):
      let s = r.wasteCost.streams.first { $0.id == id }
      switch key {
      case "materialLossCost": return s?.material
      case "energyCost": return s?.energy
      case "systemCost": return s?.system
      case "totalLossCost": return s?.total
      default: return nil
      }
    case (.opportunity, _):
      let e = r.economics.opportunities.first { $0.id == id }
      switch key {
      case "totalInvestment": return e?.investment
      case "annualSavings": return e?.annualSaving
      case "simplePayback": return e?.simplePayback
      case "npv": return e?.npv
      case "irr": return e?.irr
      case "toeSaved": return e?.toeSaving
      default: return nil
      }
    case (.indicator, "current"):
      guard let key = i.assessment.indicators.first(where: { $0.id == id })?.key else { return nil }
      return r.indicators.items.first { $0.key == key }?.value
    default:
      return nil
    }
  }
}

/// A process-wide memo of values worked out from a key (file stems, split key paths), under a lock; the value is
/// worked out outside the lock, so two threads may both work out a missing key (the same value).
final class KeyMemo<Key: Hashable & Sendable, Value: Sendable>: @unchecked Sendable {
  private let lock = NSLock()
  private var values: [Key: Value] = [:]

  func value(_ key: Key, _ make: () -> Value) -> Value {
    lock.lock()
    let known = values[key]
    lock.unlock()
    if let known { return known }
    let made = make()
    lock.lock()
    values[key] = made
    lock.unlock()
    return made
  }
}
