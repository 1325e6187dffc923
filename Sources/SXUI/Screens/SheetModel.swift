import Foundation
import SXCore

/// The data side of a worksheet view: visible rows, cell texts, statuses, new rows and edits.
enum SheetModel {
  /// The JSON array name of a kind in the assessment document (validator paths `$.flows[3]`).
  static func arrayName(_ kind: RecordKind) -> String {
    switch kind {
    case .teamMember: "team"
    case .product: "products"
    case .material: "materials"
    case .energyCarrier: "energyCarriers"
    case .waterItem: "water"
    case .processStep: "steps"
    case .flow: "flows"
    case .wasteStream: "wasteStreams"
    case .focusItem: "focus"
    case .opportunity: "opportunities"
    case .actionItem: "actions"
    case .indicator: "indicators"
    case .earlierPeriod: "earlierPeriods"
    }
  }

  /// The rows of a sheet in stored order, after the sheet's own filter (W11: screened options).
  static func baseRows(_ spec: WorksheetSpec, _ a: Assessment) -> SheetRows {
    guard let kind = spec.record else { return .empty }
    let all = a.rows(kind)
    guard let key = spec.filterKey, !spec.filterValues.isEmpty else { return SheetRows(base: all, order: nil) }
    let path = key.split(separator: ".").map(String.init)
    return SheetRows(base: all, order: all.indices.filter { i in
      let v = FieldCodec.value(in: FieldCodec.json(of: all[i]), at: path) as? String
      return v.map(spec.filterValues.contains) ?? false
    })
  }

  /// The rows shown: base rows, filtered by the typed filter, then sorted when asked.
  static func visibleRows(_ spec: WorksheetSpec, _ sheet: SheetState, _ a: Assessment, _ language: Language) -> SheetRows {
    let rows = baseRows(spec, a)
    let fields = spec.editableFields
    let filtering = !sheet.filter.isEmpty
    let sorting = sheet.sortField.map { $0 < fields.count } ?? false
    guard filtering || sorting else { return rows }
    var order = rows.order ?? Array(rows.base.indices)
    if filtering {
      order = order.filter { i in
        let obj = FieldCodec.json(of: rows.base[i])
        let text = fields.map { FieldCodec.display(FieldCodec.value(in: obj, at: $0.pathSegments), $0, language: language, assessment: a) }
        return TextRules.matches(text.joined(separator: " "), sheet.filter)
      }
    }
    if let sf = sheet.sortField, sf < fields.count {
      let f = fields[sf]
      let keyed = order.map { i -> (Int, Double?, String) in
        let raw = FieldCodec.value(in: FieldCodec.json(of: rows.base[i]), at: f.pathSegments)
        return (i, sortNumber(raw), FieldCodec.display(raw, f, language: language, assessment: a))
      }
      let sorted = keyed.sorted { x, y in
        if let a = x.1, let b = y.1 { return a < b }
        if x.1 != nil || y.1 != nil { return x.1 != nil }
        return TextRules.viLess(x.2, y.2)
      }
      order = (sheet.sortDescending ? Array(sorted.reversed()) : sorted).map(\.0)
    }
    return SheetRows(base: rows.base, order: order)
  }

  static func sortNumber(_ raw: Any?) -> Double? {
    if let n = raw as? NSNumber, !(raw is Bool) { return n.doubleValue }
    if let q = FieldCodec.quantity(raw) { return q.si }
    if let d = raw as? [String: Any], let q = FieldCodec.quantity(d["amount"]) { return q.si }
    return nil
  }

  /// The raw value of a field on a row, or on the header.
  static func raw(_ field: FieldSpec, record: AnyRecord?, header: AssessmentHeader) -> Any? {
    let obj = record.map(FieldCodec.json(of:)) ?? FieldCodec.json(of: header)
    return FieldCodec.value(in: obj, at: field.pathSegments)
  }

  /// Empty, in progress, complete or with warnings: the marker of a sheet in the navigation.
  enum Progress { case empty, inProgress, complete, warnings }

  /// Whether a sheet has rows (or header values) and whether all its required fields are filled.
  struct Fill: Hashable, Sendable {
    var hasData: Bool
    var allFilled: Bool
  }

  /// Reads every row of the sheet (or the header).
  static func fill(_ spec: WorksheetSpec, _ a: Assessment) -> Fill {
    // The paths are split once per sheet, not once per row and field.
    let required = spec.editableFields.filter(\.required).map(\.pathSegments)
    if spec.record != nil {
      let rows = baseRows(spec, a)
      if rows.isEmpty { return Fill(hasData: false, allFilled: false) }
      // With no required field every row is complete: no row needs reading.
      if required.isEmpty { return Fill(hasData: true, allFilled: true) }
      let allFilled = rows.allSatisfy { r in
        let obj = FieldCodec.json(of: r)
        return required.allSatisfy { isFilled(FieldCodec.value(in: obj, at: $0)) }
      }
      return Fill(hasData: true, allFilled: allFilled)
    }
    let obj = FieldCodec.json(of: a.header)
    let filled = spec.editableFields.contains { isFilled(FieldCodec.value(in: obj, at: $0.pathSegments)) }
    return Fill(hasData: filled, allFilled: required.allSatisfy { isFilled(FieldCodec.value(in: obj, at: $0)) })
  }

  /// The marker from the sheet's fill and the validator's findings (the order of the checks is that of the
  /// navigation: empty, then warnings, then complete or in progress).
  static func progress(_ spec: WorksheetSpec, _ fill: Fill, _ issues: [DataIssue]) -> Progress {
    if let kind = spec.record {
      if !fill.hasData { return .empty }
      let prefix = "$." + arrayName(kind) + "["
      if issues.contains(where: { $0.path.hasPrefix(prefix) }) { return .warnings }
      return fill.allFilled ? .complete : .inProgress
    }
    if issues.contains(where: { $0.path.hasPrefix("$.header") }) { return .warnings }
    if !fill.hasData { return .empty }
    return fill.allFilled ? .complete : .inProgress
  }

  static func isFilled(_ raw: Any?) -> Bool {
    guard let raw else { return false }
    // Filled when not only whitespace (what trimming it would leave), found without building the trimmed copy.
    if let s = raw as? String { return s.unicodeScalars.contains { !CharacterSet.whitespaces.contains($0) } }
    if let arr = raw as? [Any] { return !arr.isEmpty }
    return true
  }

  /// A new row of `kind` with defaults. Flows go to `stepId` (the selected row's step, else the first step).
  static func newRecord(_ kind: RecordKind, id: String, stepId: String?, a: Assessment) -> AnyRecord? {
    switch kind {
    case .teamMember: return .teamMember(TeamMember(id: id))
    case .product: return .product(Product(id: id))
    case .material: return .material(Material(id: id))
    case .energyCarrier: return .energyCarrier(EnergyCarrier(id: id))
    case .waterItem: return .waterItem(WaterItem(id: id))
    case .processStep: return .processStep(ProcessStep(id: id))
    case .flow:
      guard let step = stepId ?? a.steps.first?.id else { return nil }
      return .flow(Flow(id: id, stepId: step))
    case .wasteStream: return .wasteStream(WasteStream(id: id))
    case .focusItem:
      guard let t = a.steps.first?.id ?? a.wasteStreams.first?.id else { return nil }
      return .focusItem(FocusItem(id: id, targetId: t))
    case .opportunity: return .opportunity(Opportunity(id: id))
    case .actionItem: return .actionItem(ActionItem(id: id))
    case .indicator: return .indicator(IndicatorTarget(id: id, key: ""))
    case .earlierPeriod: return .earlierPeriod(EarlierPeriodValue(id: id))
    }
  }

  /// A copy of a row under a new id (text name marked as a copy).
  static func copy(_ r: AnyRecord, id: String, suffix: String) -> AnyRecord? {
    var obj = FieldCodec.json(of: r)
    obj["id"] = id
    obj["provenance"] = [String: Any]()
    for key in ["name", "title", "what"] {
      if let s = obj[key] as? String, !s.isEmpty { obj[key] = s + suffix }
    }
    return try? FieldCodec.record(r.kind, from: obj)
  }

  /// Builds the edit that stores `value` in a field, and checks the result with the field's rules and the
  /// validator. An invalid value is refused with the message to show under the field.
  static func edit(
    setting value: Any?, field: FieldSpec, target: FieldTarget, spec: WorksheetSpec, a: Assessment, language: Language
  ) throws(FieldCodec.Failure) -> Edit {
    let edit: Edit
    let fieldPath: String
    let issues: [DataIssue]
    if spec.record == nil {
      guard let h = try? headerSetting(a.header, at: field.pathSegments, to: value) else {
        throw FieldCodec.Failure(vi: "giá trị không hợp lệ", en: "invalid value")
      }
      edit = .setHeader(h)
      fieldPath = "$.header." + field.pathSegments.joined(separator: ".")
      var after = a
      after.header = h
      // A text of the profile or the period: its own problems, found from it alone (the only ones used below).
      issues = Validator.validateHeaderText(after, at: field.pathSegments) ?? Validator.validateHeader(after)
    } else {
      guard let base = target.newRecord ?? spec.record.flatMap({ k in target.recordId.flatMap { a.record(k, id: $0) } }) else {
        throw FieldCodec.Failure(vi: "dòng không còn nữa", en: "the row no longer exists")
      }
      let obj = FieldCodec.setting(FieldCodec.json(of: base), at: field.pathSegments, to: value)
      guard let r = try? FieldCodec.record(base.kind, from: obj) else {
        throw FieldCodec.Failure(vi: "giá trị không hợp lệ", en: "invalid value")
      }
      edit = .upsert(r, position: nil)
      // An existing row keeps its index; a new one goes at the end (position nil).
      let index = a.rowIndex(base.kind, id: base.id) ?? a.rowCount(base.kind)
      fieldPath = "$." + arrayName(base.kind) + "[\(index)]." + field.pathSegments.joined(separator: ".")
      issues = Validator.validate(record: r, at: index, arrayName: arrayName(base.kind), in: a)
    }
    for issue in issues where issue.path == fieldPath || issue.path.hasPrefix(fieldPath + ".") || issue.path.hasPrefix(fieldPath + "[") {
      throw FieldCodec.Failure(issue.message)
    }
    return edit
  }

  /// The header with `value` set at `path`, as rebuilding it from its JSON with the value set would give. A field of
  /// the profile, the period or the settings rebuilds that member only (the header's members are decoded one by
  /// one, each from its own key): an address edit then does not write and read the whole settings back.
  static func headerSetting(_ header: AssessmentHeader, at path: [String], to value: Any?) throws -> AssessmentHeader {
    func member<T: Codable>(_ v: T) throws -> T {
      guard let tree = TreeEncoding.tree(v) as? [String: Any] else { throw FieldCodec.Failure(vi: "giá trị không hợp lệ", en: "invalid value") }
      let obj = FieldCodec.setting(tree, at: Array(path.dropFirst()), to: value)
      return try JSONDecoder().decode(T.self, from: JSONSerialization.data(withJSONObject: obj))
    }
    var h = header
    // A text typed into the title or a text field of the profile or the period (most header edits): set as it is,
    // which is what the JSON round trip gives for a string; any other value or field goes through JSON (~4 M
    // instructions, about a millisecond before the commit can start).
    if path == ["title"], let text = value as? String {
      h.title = text
      return h
    }
    if path.count == 2, let text = value as? String {
      switch path[0] {
      case "profile": if setText(&h.profile, path[1], text) { return h }
      case "period": if setText(&h.period, path[1], text) { return h }
      default: break
      }
    }
    switch path.first {
    case "profile" where path.count > 1: h.profile = try member(h.profile)
    case "period" where path.count > 1: h.period = try member(h.period)
    case "settings" where path.count > 1: h.settings = try member(h.settings)
    default: return try FieldCodec.header(from: FieldCodec.setting(FieldCodec.json(of: header), at: path, to: value))
    }
    return h
  }

  /// Sets the text field `key` (its JSON name) of the profile; false when it is not one.
  static func setText(_ p: inout PlantProfile, _ key: String, _ text: String) -> Bool {
    switch key {
    case "name": p.name = text
    case "address": p.address = text
    case "province": p.province = text
    case "sector": p.sector = text
    case "products": p.products = text
    case "markets": p.markets = text
    case "previousProgrammes": p.previousProgrammes = text
    case "contact": p.contact = text
    default: return false
    }
    return true
  }

  /// Sets the text field `key` (its JSON name) of the period; false when it is not one.
  static func setText(_ p: inout AssessmentPeriod, _ key: String, _ text: String) -> Bool {
    switch key {
    case "start": p.start = text
    case "end": p.end = text
    default: return false
    }
    return true
  }

  /// Issues of the validator about one row (or the header), for the message under the table.
  static func issues(of record: AnyRecord?, _ a: Assessment, _ all: [DataIssue]) -> [DataIssue] {
    guard let r = record else { return all.filter { $0.path.hasPrefix("$.header") } }
    guard let i = a.rowIndex(r.kind, id: r.id) else { return [] }
    let prefix = "$." + arrayName(r.kind) + "[\(i)]"
    return all.filter { $0.path == prefix || $0.path.hasPrefix(prefix + ".") }
  }
}
