import Foundation
import SXCore

/// Parses and checks one worksheet definition file.
enum WorksheetParser {
  static let topKeys = ["id", "layout", "record", "title", "help", "tasks", "groupBy", "filter", "fields", "computed"]
  static let fieldKeys = [
    "key", "type", "label", "help", "required", "multiple", "openList", "width", "min", "max", "dimensions", "units",
    "defaultUnit", "perDimensions", "perUnits", "defaultPerUnit", "options", "target", "fields",
  ]

  static func parse(_ root: YNode, file: String, _ diag: inout Diagnostics) -> Worksheet? {
    guard let m = MapReader(root, context: "worksheet", &diag) else { return nil }
    m.checkKeys(topKeys, &diag)
    let id = m.string("id", required: true, &diag)
    if let id, id.range(of: #"^W[0-9]{1,2}$"#, options: .regularExpression) == nil {
      diag.add(m.value("id"), vi: "mã phiếu «\(id)» phải có dạng W0 … W99", en: "worksheet id «\(id)» must look like W0 … W99")
    }
    let ctx = "worksheet \(id ?? "?")"
    let layout: WorksheetLayout? = m.string("layout", required: true, &diag).flatMap { s in
      guard let l = WorksheetLayout(rawValue: s) else {
        diag.add(m.value("layout"), vi: "\(ctx): bố cục không rõ «\(s)» (form hoặc table)",
          en: "\(ctx): unknown layout «\(s)» (form or table)")
        return nil
      }
      return l
    }
    let record: WorksheetRecord? = m.string("record", required: true, &diag).flatMap { s in
      guard let r = WorksheetRecord(rawValue: s) else {
        let all = (["header"] + RecordKind.allCases.map(\.rawValue)).joined(separator: ", ")
        diag.add(m.value("record"), vi: "\(ctx): loại bản ghi không rõ «\(s)» (dùng: \(all))",
          en: "\(ctx): unknown record kind «\(s)» (use: \(all))")
        return nil
      }
      return r
    }
    let title = m.localized("title", &diag)
    let help = m.localized("help", &diag)
    var tasks: [String] = []
    for (t, node) in m.strings("tasks", &diag) ?? [] {
      if let n = Int(t.dropFirst()), t.hasPrefix("T"), (1...18).contains(n) { tasks.append(t) } else {
        diag.add(node, vi: "\(ctx): nhiệm vụ «\(t)» phải là T1 … T18", en: "\(ctx): task «\(t)» must be T1 … T18")
      }
    }
    let modelRoot = record.map(ModelCatalog.root)
    let fieldNodes = m.items("fields", required: true, &diag)
    if m.value("fields") != nil, fieldNodes.isEmpty {
      diag.add(m.value("fields"), vi: "\(ctx): cần ít nhất một trường", en: "\(ctx): at least one field is needed")
    }
    let fields = parseFields(fieldNodes, model: modelRoot, ctx: ctx, &diag)
    var groupBy: String?
    if let g = m.string("groupBy", &diag) {
      if fields.contains(where: { $0.key == g }) { groupBy = g } else {
        diag.add(m.value("groupBy"), vi: "\(ctx): groupBy «\(g)» không phải là trường của phiếu",
          en: "\(ctx): groupBy «\(g)» is not a field of this worksheet")
      }
    }
    let filter = m.value("filter").flatMap { parseFilter($0, model: modelRoot, ctx: ctx, &diag) }
    var computed: [ComputedColumn] = []
    var seenComputed = Set<String>()
    for node in m.items("computed", &diag) {
      guard let c = MapReader(node, context: "\(ctx) computed", &diag) else { continue }
      c.checkKeys(["key", "unit", "label", "help"], &diag)
      let key = c.string("key", required: true, &diag)
      let unit = c.string("unit", required: true, &diag)
      if let unit, !ReferenceParser.isValidUnit(unit) {
        diag.add(c.value("unit"), vi: "\(ctx): đơn vị không rõ «\(unit)»", en: "\(ctx): unknown unit «\(unit)»")
      }
      if let key, !seenComputed.insert(key).inserted || fields.contains(where: { $0.key == key }) {
        diag.add(c.value("key"), vi: "\(ctx): khóa lặp «\(key)»", en: "\(ctx): duplicate key «\(key)»")
      }
      let label = c.localized("label", &diag)
      let help = c.localized("help", &diag)
      if let key, let unit, let label, let help { computed.append(ComputedColumn(key: key, unit: unit, label: label, help: help)) }
    }
    guard let id, let layout, let record, let title, let help else { return nil }
    return Worksheet(
      id: id, file: file, layout: layout, record: record, title: title, help: help, tasks: tasks, groupBy: groupBy,
      filter: filter, fields: fields, computed: computed)
  }

  static func parseFilter(_ node: YNode, model: [String: ModelSlot]?, ctx: String, _ diag: inout Diagnostics) -> WorksheetFilter? {
    guard let f = MapReader(node, context: "\(ctx) filter", &diag) else { return nil }
    f.checkKeys(["key", "values"], &diag)
    guard let key = f.string("key", required: true, &diag) else { return nil }
    let values = f.strings("values", &diag) ?? []
    if values.isEmpty { f.missing("values", &diag) }
    if let model {
      switch ModelCatalog.resolve(key, in: model) {
      case .success(.enumeration(let raws)):
        for (v, n) in values where !raws.contains(v) {
          diag.add(n, vi: "\(ctx): giá trị lọc «\(v)» không có trong mô hình (\(raws.joined(separator: ", ")))",
            en: "\(ctx): filter value «\(v)» is not in the model (\(raws.joined(separator: ", ")))")
        }
      default:
        diag.add(f.value("key"), vi: "\(ctx): chỉ lọc được theo một trường liệt kê của mô hình",
          en: "\(ctx): a filter needs an enum property of the model")
      }
    }
    return WorksheetFilter(key: key, values: values.map(\.0))
  }

  static func parseFields(_ nodes: [YNode], model: [String: ModelSlot]?, ctx: String, _ diag: inout Diagnostics) -> [FieldDef] {
    var out: [FieldDef] = []
    var seen = Set<String>()
    for node in nodes {
      guard let f = parseField(node, model: model, ctx: ctx, &diag) else { continue }
      if !seen.insert(f.key).inserted {
        diag.add(line: f.line, vi: "\(ctx): trường «\(f.key)» bị lặp", en: "\(ctx): duplicate field «\(f.key)»")
        continue
      }
      out.append(f)
    }
    return out
  }

  static func parseField(_ node: YNode, model: [String: ModelSlot]?, ctx: String, _ diag: inout Diagnostics) -> FieldDef? {
    guard let m = MapReader(node, context: "\(ctx) field", &diag) else { return nil }
    let key = m.string("key", required: true, &diag)
    let fctx = "field «\(key ?? "?")»"
    let fm = m.renamed(fctx)
    fm.checkKeys(fieldKeys, &diag)
    let type: FieldType? = fm.string("type", required: true, &diag).flatMap { s in
      guard let t = FieldType(rawValue: s) else {
        let all = FieldType.allCases.map(\.rawValue).joined(separator: ", ")
        diag.add(fm.value("type"), vi: "\(fctx): kiểu trường không rõ «\(s)» (dùng: \(all))",
          en: "\(fctx): unknown field type «\(s)» (use: \(all))")
        return nil
      }
      return t
    }
    let label = fm.localized("label", &diag)
    let help = fm.localized("help", &diag)
    let required = fm.bool("required", &diag) ?? false
    let multiple = fm.bool("multiple", &diag) ?? false
    let openList = fm.bool("openList", &diag) ?? false
    var width = fm.int("width", &diag)
    if let w = width, !(1...200).contains(w) {
      diag.add(fm.value("width"), vi: "\(fctx): độ rộng phải trong 1–200", en: "\(fctx): width must be within 1–200")
      width = nil
    }
    let minV = fm.double("min", &diag)
    let maxV = fm.double("max", &diag)
    if let lo = minV, let hi = maxV, lo > hi {
      diag.add(fm.value("max"), vi: "\(fctx): min (\(lo)) lớn hơn max (\(hi))", en: "\(fctx): min (\(lo)) is greater than max (\(hi))")
    }
    // Model mapping.
    var slot: ModelSlot?
    if let key, let model, let type {
      switch ModelCatalog.resolve(key, in: model) {
      case .failure(let e):
        diag.add(fm.value("key"), vi: "\(fctx): mô hình không có thuộc tính «\(e.segment)»",
          en: "\(fctx): the model has no property «\(e.segment)»")
      case .success(let s):
        slot = s
        if let wrong = ModelCatalog.mismatch(type, multiple: multiple, slot: s) {
          diag.add(fm.value("type"), vi: "\(fctx): kiểu «\(type.rawValue)» không hợp với thuộc tính mô hình (\(wrong))",
            en: "\(fctx): type «\(type.rawValue)» does not fit the model property (\(wrong))")
        }
      }
    }
    let units = UnitRules(fm, fctx: fctx, type: type, &diag)
    // Options.
    var options: [EnumOption] = []
    let optionNodes = fm.items("options", &diag)
    if type == .enumeration {
      if optionNodes.isEmpty { fm.missing("options", &diag) }
      var raws: [String]?
      if case .enumeration(let r) = slot { raws = r }
      if case .enumArray(let r) = slot { raws = r }
      if raws != nil, openList {
        diag.add(fm.value("openList"), vi: "\(fctx): openList không dùng được với liệt kê của mô hình",
          en: "\(fctx): openList cannot be used with a model enum")
      }
      var seen = Set<String>()
      for o in optionNodes {
        guard let om = MapReader(o, context: "\(fctx) option", &diag) else { continue }
        om.checkKeys(["value", "label"], &diag)
        let v = om.string("value", required: true, &diag)
        let l = om.localized("label", &diag)
        if let v, let raws, !raws.contains(v) {
          diag.add(om.value("value"), vi: "\(fctx): giá trị «\(v)» không có trong mô hình (\(raws.joined(separator: ", ")))",
            en: "\(fctx): value «\(v)» is not in the model (\(raws.joined(separator: ", ")))")
        }
        if let v, !seen.insert(v).inserted {
          diag.add(om.value("value"), vi: "\(fctx): giá trị «\(v)» bị lặp", en: "\(fctx): duplicate value «\(v)»")
        }
        if let v, let l { options.append(EnumOption(value: v, label: l)) }
      }
    } else if !optionNodes.isEmpty {
      diag.add(fm.keyNode("options"), vi: "\(fctx): options chỉ dùng cho kiểu enum", en: "\(fctx): options are for enum fields only")
    }
    // Reference targets.
    var targets: [ReferenceTarget] = []
    let targetValues = fm.strings("target", &diag) ?? []
    if type == .reference {
      if targetValues.isEmpty { fm.missing("target", &diag) }
      for (t, n) in targetValues {
        if let r = ReferenceTarget(rawValue: t) { targets.append(r) } else {
          let all = (RecordKind.allCases.map(\.rawValue) + ReferenceTableName.allCases.map(\.rawValue)).joined(separator: ", ")
          diag.add(n, vi: "\(fctx): đích tham chiếu không rõ «\(t)» (dùng: \(all))",
            en: "\(fctx): unknown reference target «\(t)» (use: \(all))")
        }
      }
    } else if !targetValues.isEmpty {
      diag.add(fm.keyNode("target"), vi: "\(fctx): target chỉ dùng cho kiểu reference", en: "\(fctx): target is for reference fields only")
    }
    // Nested rows.
    var sub: [FieldDef] = []
    let subNodes = fm.items("fields", &diag)
    if type == .list {
      if subNodes.isEmpty { fm.missing("fields", &diag) }
      var subModel: [String: ModelSlot]?
      if case .rows(let r) = slot { subModel = r }
      sub = parseFields(subNodes, model: subModel, ctx: fctx, &diag)
    } else if !subNodes.isEmpty {
      diag.add(fm.keyNode("fields"), vi: "\(fctx): fields chỉ dùng cho kiểu list", en: "\(fctx): fields are for list fields only")
    }
    guard let key, let type, let label, let help else { return nil }
    return FieldDef(
      key: key, type: type, label: label, help: help, required: required, multiple: multiple, openList: openList, width: width,
      min: minV, max: maxV, dimensions: units.dimensions, units: units.units, defaultUnit: units.defaultUnit,
      perDimensions: units.perDimensions, perUnits: units.perUnits, defaultPerUnit: units.defaultPerUnit, options: options,
      targets: targets, fields: sub, line: node.line)
  }
}

/// The unit settings of a quantity, money or price field, checked against the unit catalogue.
struct UnitRules {
  var dimensions: [SXCore.Dimension] = []
  var units: [String] = []
  var defaultUnit: String?
  var perDimensions: [SXCore.Dimension] = []
  var perUnits: [String] = []
  var defaultPerUnit: String?

  init(_ fm: MapReader, fctx: String, type: FieldType?, _ diag: inout Diagnostics) {
    guard let type else { return }  // an unknown type is reported already
    let usesUnits = type == .quantity || type == .money || type == .price
    let unitKeys = ["dimensions", "units", "defaultUnit", "perDimensions", "perUnits", "defaultPerUnit"]
    guard usesUnits else {
      for k in unitKeys where fm.has(k) {
        diag.add(fm.keyNode(k), vi: "\(fctx): «\(k)» chỉ dùng cho quantity, money, price",
          en: "\(fctx): «\(k)» is for quantity, money and price fields only")
      }
      return
    }
    let implied: [SXCore.Dimension] = (type == .money || type == .price) ? [.money] : []
    dimensions = Self.dimensions(fm, "dimensions", fctx, &diag) ?? implied
    if dimensions.isEmpty { fm.missing("dimensions", &diag) }
    if type == .money, dimensions != [.money] {
      diag.add(fm.value("dimensions"), vi: "\(fctx): trường money chỉ có thứ nguyên money",
        en: "\(fctx): a money field has dimension money only")
    }
    (units, defaultUnit) = Self.units(fm, "units", "defaultUnit", dimensions, fctx, &diag)
    if type == .price {
      perDimensions = Self.dimensions(fm, "perDimensions", fctx, &diag) ?? []
      if perDimensions.isEmpty { fm.missing("perDimensions", &diag) }
      (perUnits, defaultPerUnit) = Self.units(fm, "perUnits", "defaultPerUnit", perDimensions, fctx, &diag)
    } else {
      for k in ["perDimensions", "perUnits", "defaultPerUnit"] where fm.has(k) {
        diag.add(fm.keyNode(k), vi: "\(fctx): «\(k)» chỉ dùng cho price", en: "\(fctx): «\(k)» is for price fields only")
      }
    }
  }

  static func dimensions(_ fm: MapReader, _ key: String, _ fctx: String, _ diag: inout Diagnostics) -> [SXCore.Dimension]? {
    guard let list = fm.strings(key, &diag) else { return nil }
    var out: [SXCore.Dimension] = []
    for (s, n) in list {
      if let d = SXCore.Dimension(rawValue: s) { out.append(d) } else {
        let all = SXCore.Dimension.allCases.map(\.rawValue).joined(separator: ", ")
        diag.add(n, vi: "\(fctx): thứ nguyên không rõ «\(s)» (dùng: \(all))", en: "\(fctx): unknown dimension «\(s)» (use: \(all))")
      }
    }
    return out
  }

  static func units(
    _ fm: MapReader, _ key: String, _ defKey: String, _ dims: [SXCore.Dimension], _ fctx: String, _ diag: inout Diagnostics
  ) -> ([String], String?) {
    var out: [String] = []
    let list = fm.strings(key, &diag) ?? []
    if list.isEmpty { fm.missing(key, &diag) }
    for (s, n) in list {
      guard let u = UnitSystem.standard.unit(s) else {
        diag.add(n, vi: "\(fctx): đơn vị không rõ «\(s)»", en: "\(fctx): unknown unit «\(s)»")
        continue
      }
      if !dims.isEmpty, !dims.contains(u.dimension) {
        diag.add(n, vi: "\(fctx): đơn vị «\(s)» là \(u.dimension.name.vi), không thuộc thứ nguyên đã khai",
          en: "\(fctx): unit «\(s)» is \(u.dimension.name.en), not one of the declared dimensions")
        continue
      }
      out.append(u.symbol)
    }
    var def = fm.string(defKey, required: true, &diag)
    if let d = def {
      if let u = UnitSystem.standard.unit(d), out.contains(u.symbol) { def = u.symbol } else {
        diag.add(fm.value(defKey), vi: "\(fctx): đơn vị mặc định «\(d)» không có trong danh sách \(key)",
          en: "\(fctx): default unit «\(d)» is not in \(key)")
        def = nil
      }
    }
    return (out, def)
  }
}
