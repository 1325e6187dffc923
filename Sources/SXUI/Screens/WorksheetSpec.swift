import Foundation
import SXCore

/// The field types a worksheet definition can declare (Worksheets/worksheets/*.yaml `type:`).
public enum FieldKind: String, Sendable, Hashable, CaseIterable {
  case text, multiline, integer, number, percent, quantity, money, price, date, `enum`, reference, boolean, score, list

  /// True for the types edited by choosing from a list instead of typing.
  public var isChoice: Bool { self == .enum || self == .reference || self == .boolean }
}

/// One choice of an enum field.
public struct FieldOption: Sendable, Hashable {
  public var value: String
  public var label: LocalizedText
  public init(value: String, label: LocalizedText) {
    self.value = value
    self.label = label
  }
}

/// A field of a worksheet, as the screens need it: where the value lives, how it is typed,
/// shown and checked. Built from the `SXWorksheets` definitions (see `WorksheetSpec+Load`).
public struct FieldSpec: Sendable, Hashable {
  /// Dotted path of the value in the record's JSON (`quantity`, `investment.equipment`),
  /// or in the header for W0 (`header.profile.name`).
  public var key: String {
    didSet { pathSegments = Self.segments(key) }
  }
  /// The path segments of `key`, without the `header.` prefix of W0 fields (split once, not per row and frame).
  public private(set) var pathSegments: [String] = []
  public var kind: FieldKind
  public var label: LocalizedText
  public var help: LocalizedText
  public var required: Bool
  public var min: Double?
  public var max: Double?
  /// Allowed dimensions for quantities (empty: any).
  public var dimensions: [SXCore.Dimension]
  /// Allowed units (empty: any of the dimensions).
  public var units: [String]
  public var defaultUnit: String?
  /// Price fields: the "per" units.
  public var perUnits: [String]
  public var defaultPerUnit: String?
  public var options: [FieldOption]
  /// Reference fields: the kinds of row referred to (a focus item may point at a step or a stream).
  public var targets: [RecordKind]
  /// The model property is an array (`tags`, `causes`).
  public var multiple: Bool
  /// Enum fields: values other than the options may be typed.
  public var openList: Bool
  /// Read-only engine figures shown beside the fields (W10/W11 computed columns).
  public var computed: Bool
  /// Preferred table column width.
  public var width: Int?
  /// List fields: the fields of one nested row (W10/W11 `savings`: resource, quantity, carrier, value).
  public var subfields: [FieldSpec] = []

  public init(
    key: String, kind: FieldKind, label: LocalizedText, help: LocalizedText = LocalizedText(vi: "", en: ""),
    required: Bool = false, min: Double? = nil, max: Double? = nil, dimensions: [SXCore.Dimension] = [], units: [String] = [],
    defaultUnit: String? = nil, perUnits: [String] = [], defaultPerUnit: String? = nil, options: [FieldOption] = [],
    targets: [RecordKind] = [], multiple: Bool = false, openList: Bool = false, computed: Bool = false, width: Int? = nil
  ) {
    self.key = key
    self.pathSegments = Self.segments(key)
    self.kind = kind
    self.label = label
    self.help = help
    self.required = required
    self.min = min
    self.max = max
    self.dimensions = dimensions
    self.units = units
    self.defaultUnit = defaultUnit
    self.perUnits = perUnits
    self.defaultPerUnit = defaultPerUnit
    self.options = options
    self.targets = targets
    self.multiple = multiple
    self.openList = openList
    self.computed = computed
    self.width = width
  }

  /// True for integer fields that count something (employees: 1.200). Years, codes, ids and scores are written
  /// without grouping, as typed (2023, not 2.023).
  public var groupsDigits: Bool {
    guard kind == .integer else { return false }
    let k = key.split(separator: ".").last.map { $0.lowercased() } ?? ""
    if k.hasSuffix("year") || k.contains("code") || k == "id" || k.hasSuffix("id") || k.hasSuffix("number") { return false }
    if let lo = min, lo >= 1000, let hi = max, hi <= 9999 { return false }
    return true
  }

  /// A bound or value of this field as text: grouped like any number, or plain for years and codes.
  public func numberText(_ v: Double, _ language: Language) -> String {
    if (kind == .integer || kind == .score) && !groupsDigits && v == v.rounded() && abs(v) < 1e15 { return String(Int(v)) }
    return NumberFormat.format(v, language)
  }

  static func segments(_ key: String) -> [String] {
    var parts: [String]
    if key.utf8.allSatisfy({ $0 < 0x80 }) {
      // An ASCII key (every worksheet's): split on the "." bytes, the same pieces as splitting its Characters
      // without grapheme breaking (~130 fields are built before the first frame).
      parts = key.utf8.split(separator: UInt8(ascii: ".")).map { String(decoding: $0, as: UTF8.self) }
    } else {
      parts = key.split(separator: ".").map(String.init)
    }
    if parts.first == "header" { parts.removeFirst() }
    return parts
  }
}

/// How a worksheet is laid out.
public enum SheetLayout: String, Sendable, Hashable {
  case form, table
}

/// One worksheet (W0–W13) as the screens use it.
public struct WorksheetSpec: Sendable, Hashable {
  /// "W0" … "W13".
  public var id: String
  public var title: LocalizedText
  public var help: LocalizedText
  public var layout: SheetLayout
  /// The row kind edited; nil for the header (W0).
  public var record: RecordKind?
  public var fields: [FieldSpec] {
    didSet { editableFields = Self.editable(fields) }
  }
  /// Fields that can be edited in a cell or a form line (lists are summarised, not edited here). Kept with `fields`:
  /// the keys of an open editor read it (filtering the fields again cost ~15 k instructions a read).
  public private(set) var editableFields: [FieldSpec]
  /// Only rows whose value at `filterKey` is one of `filterValues` are shown (W11).
  public var filterKey: String?
  public var filterValues: [String]

  public init(
    id: String, title: LocalizedText, help: LocalizedText, layout: SheetLayout, record: RecordKind?, fields: [FieldSpec],
    filterKey: String? = nil, filterValues: [String] = []
  ) {
    self.id = id
    self.title = title
    self.help = help
    self.layout = layout
    self.record = record
    self.fields = fields
    self.editableFields = Self.editable(fields)
    self.filterKey = filterKey
    self.filterValues = filterValues
  }

  static func editable(_ fields: [FieldSpec]) -> [FieldSpec] { fields.filter { $0.kind != .list } }
}

/// A step of the CP method grouping worksheets (workflow.yaml).
public struct WorkflowStep: Sendable, Hashable {
  public var id: String
  public var step: Int
  public var title: LocalizedText
  public var help: LocalizedText
  public var worksheetIds: [String]
  public init(id: String, step: Int, title: LocalizedText, help: LocalizedText, worksheetIds: [String]) {
    self.id = id
    self.step = step
    self.title = title
    self.help = help
    self.worksheetIds = worksheetIds
  }
}

/// Every worksheet in the guided order, grouped by the method's steps.
public struct WorksheetCatalog: Sendable, Hashable {
  public var steps: [WorkflowStep]
  /// Worksheets in guided order.
  public var sheets: [WorksheetSpec]

  public init(steps: [WorkflowStep], sheets: [WorksheetSpec]) {
    self.steps = steps
    // Order sheets as the workflow lists them; any not listed go last.
    let order = steps.flatMap(\.worksheetIds)
    self.sheets = sheets.sorted { a, b in
      (order.firstIndex(of: a.id) ?? Int.max, a.id) < (order.firstIndex(of: b.id) ?? Int.max, b.id)
    }
  }

  /// The worksheet with `id`.
  public func sheet(_ id: String) -> WorksheetSpec? { sheets.first { $0.id == id } }
  /// The method step a worksheet belongs to.
  public func step(of sheetId: String) -> WorkflowStep? { steps.first { $0.worksheetIds.contains(sheetId) } }
}
