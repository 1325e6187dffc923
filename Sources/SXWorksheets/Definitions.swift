import Foundation
import SXCore

/// The whole `Worksheets/` folder, parsed and checked: the guided workflow, every worksheet and the reference tables.
public struct WorksheetSet: Sendable, Hashable {
  /// Format version of the folder (`version:` in `workflow.yaml`).
  public let version: Int
  /// The steps of the CP method, in order, each listing its worksheets.
  public let workflow: [WorkflowGroup]
  /// Every worksheet, in workflow order (W0 … W13).
  public let worksheets: [Worksheet]
  /// TOE factors, grid emission factors, fuels, benchmarks and policy targets.
  public let reference: ReferenceTables

  public init(version: Int, workflow: [WorkflowGroup], worksheets: [Worksheet], reference: ReferenceTables) {
    self.version = version
    self.workflow = workflow
    self.worksheets = worksheets
    self.reference = reference
  }

  /// The worksheet with this id (`W4`).
  public func worksheet(id: String) -> Worksheet? { worksheets.first { $0.id == id } }

  /// The worksheets editing rows of one record kind (W10 and W11 both edit opportunities).
  public func worksheets(for record: WorksheetRecord) -> [Worksheet] { worksheets.filter { $0.record == record } }

  /// The workflow group a worksheet belongs to.
  public func group(of worksheetId: String) -> WorkflowGroup? { workflow.first { $0.worksheetIds.contains(worksheetId) } }
}

/// One step of the CP method (UNIDO "6 steps"), grouping worksheets in the guided order.
public struct WorkflowGroup: Sendable, Hashable {
  /// Stable id, e.g. `start`, `analyse`.
  public let id: String
  /// The method step number (1–6).
  public let step: Int
  public let title: LocalizedText
  public let help: LocalizedText
  /// Worksheet ids in the order they are filled in.
  public let worksheetIds: [String]

  public init(id: String, step: Int, title: LocalizedText, help: LocalizedText, worksheetIds: [String]) {
    self.id = id
    self.step = step
    self.title = title
    self.help = help
    self.worksheetIds = worksheetIds
  }
}

/// How a worksheet is shown: one record as a form, or many rows as a table.
public enum WorksheetLayout: String, Sendable, Hashable, CaseIterable {
  case form, table
}

/// What a worksheet edits: the assessment header (W0) or rows of one record kind.
public enum WorksheetRecord: Sendable, Hashable {
  case header
  case kind(RecordKind)

  /// The value written in the definition file (`header` or a `RecordKind` raw value).
  public var rawValue: String {
    switch self {
    case .header: "header"
    case .kind(let k): k.rawValue
    }
  }

  public init?(rawValue: String) {
    if rawValue == "header" {
      self = .header
    } else if let k = RecordKind(rawValue: rawValue) {
      self = .kind(k)
    } else {
      return nil
    }
  }
}

/// A row filter of a worksheet: only rows whose enum field `key` has one of `values` are shown (W11: screened options).
public struct WorksheetFilter: Sendable, Hashable {
  public let key: String
  public let values: [String]

  public init(key: String, values: [String]) {
    self.key = key
    self.values = values
  }
}

/// One worksheet (W0 … W13) as defined in `Worksheets/worksheets/*.yaml`.
public struct Worksheet: Sendable, Hashable {
  /// `W0` … `W13`.
  public let id: String
  /// The definition file, relative to the folder (`worksheets/W04-energy.yaml`).
  public let file: String
  public let layout: WorksheetLayout
  public let record: WorksheetRecord
  public let title: LocalizedText
  /// Method guidance for the consultant: what to collect, where from, pitfalls.
  public let help: LocalizedText
  /// The UNIDO tasks (`T1` … `T18`) the worksheet covers.
  public let tasks: [String]
  /// For tables: the field whose value splits the rows into groups (W7 per process step).
  public let groupBy: String?
  public let filter: WorksheetFilter?
  /// The editable fields, in display order.
  public let fields: [FieldDef]
  /// Columns computed by the engine and shown read-only next to the fields.
  public let computed: [ComputedColumn]

  public init(
    id: String, file: String, layout: WorksheetLayout, record: WorksheetRecord, title: LocalizedText, help: LocalizedText,
    tasks: [String], groupBy: String?, filter: WorksheetFilter?, fields: [FieldDef], computed: [ComputedColumn]
  ) {
    self.id = id
    self.file = file
    self.layout = layout
    self.record = record
    self.title = title
    self.help = help
    self.tasks = tasks
    self.groupBy = groupBy
    self.filter = filter
    self.fields = fields
    self.computed = computed
  }

  /// The field with this key path.
  public func field(_ key: String) -> FieldDef? { fields.first { $0.key == key } }
}

/// The type of a field; the raw value is the name written in the definition files.
public enum FieldType: String, Sendable, Hashable, CaseIterable {
  /// One line of text (model `String`).
  case text
  /// Several lines of text (model `String`).
  case multiline
  /// A whole number (model `Int`).
  case integer
  /// A decimal number without unit (model `Double`).
  case number
  /// A number with a unit (model `Quantity`); `dimensions`, `units`, `defaultUnit` apply.
  case quantity
  /// An amount of money (model `Quantity` of dimension money; VND by default).
  case money
  /// An amount per unit (model `UnitPrice`): `units` for the amount, `perUnits` for the denominator.
  case price
  /// A share typed and shown in %, stored as a fraction 0…1 (model `Double`); bounds are written in %.
  case percent
  /// An ISO date `YYYY-MM-DD` (model `String`).
  case date
  /// One of `options` (model enum raw value, or `String` when `openList`).
  case enumeration = "enum"
  /// The id of a row of another worksheet, or a code of a reference table (model `String`).
  case reference
  /// Yes/no (model `Bool`).
  case boolean
  /// A small integer score within `min`…`max` (model `Int`).
  case score
  /// Nested rows (model array of structs), described by `fields`.
  case list
}

/// A choice of an enum field: the stored value and its label.
public struct EnumOption: Sendable, Hashable {
  public let value: String
  public let label: LocalizedText

  public init(value: String, label: LocalizedText) {
    self.value = value
    self.label = label
  }
}

/// The reference tables a `reference` field may point to.
public enum ReferenceTableName: String, Sendable, Hashable, CaseIterable {
  case fuels, toeFactors, gridFactors, benchmarks, policyTargets
}

/// What a `reference` field points to: rows of a record kind or codes of a reference table.
public enum ReferenceTarget: Sendable, Hashable {
  case record(RecordKind)
  case table(ReferenceTableName)

  /// The value written in the definition file.
  public var rawValue: String {
    switch self {
    case .record(let k): k.rawValue
    case .table(let t): t.rawValue
    }
  }

  public init?(rawValue: String) {
    if let k = RecordKind(rawValue: rawValue) {
      self = .record(k)
    } else if let t = ReferenceTableName(rawValue: rawValue) {
      self = .table(t)
    } else {
      return nil
    }
  }
}

/// One field of a worksheet.
public struct FieldDef: Sendable, Hashable {
  /// Model property path: relative to the record (`quantity`, `investment.equipment`, `scores.technical`),
  /// or to the assessment for W0 (`header.profile.name`).
  public let key: String
  public let type: FieldType
  public let label: LocalizedText
  public let help: LocalizedText
  public let required: Bool
  /// The model property is an array (`causes`, `tags`).
  public let multiple: Bool
  /// Enum fields: values other than `options` may be typed.
  public let openList: Bool
  /// Column width hint for tables, in terminal cells.
  public let width: Int?
  /// Bounds, in the displayed unit (`defaultUnit` for quantities, % for percent).
  public let min: Double?
  public let max: Double?
  /// Quantity, money and price fields: the dimensions and units allowed, and the default.
  public let dimensions: [SXCore.Dimension]
  public let units: [String]
  public let defaultUnit: String?
  /// Price fields: the dimensions and units allowed for the "per" unit, and the default.
  public let perDimensions: [SXCore.Dimension]
  public let perUnits: [String]
  public let defaultPerUnit: String?
  public let options: [EnumOption]
  public let targets: [ReferenceTarget]
  /// List fields: the fields of one nested row.
  public let fields: [FieldDef]
  /// Line of the field in its definition file.
  public let line: Int

  public init(
    key: String, type: FieldType, label: LocalizedText, help: LocalizedText, required: Bool = false, multiple: Bool = false,
    openList: Bool = false, width: Int? = nil, min: Double? = nil, max: Double? = nil, dimensions: [SXCore.Dimension] = [],
    units: [String] = [], defaultUnit: String? = nil, perDimensions: [SXCore.Dimension] = [], perUnits: [String] = [],
    defaultPerUnit: String? = nil, options: [EnumOption] = [], targets: [ReferenceTarget] = [], fields: [FieldDef] = [],
    line: Int = 0
  ) {
    self.key = key
    self.type = type
    self.label = label
    self.help = help
    self.required = required
    self.multiple = multiple
    self.openList = openList
    self.width = width
    self.min = min
    self.max = max
    self.dimensions = dimensions
    self.units = units
    self.defaultUnit = defaultUnit
    self.perDimensions = perDimensions
    self.perUnits = perUnits
    self.defaultPerUnit = defaultPerUnit
    self.options = options
    self.targets = targets
    self.fields = fields
    self.line = line
  }

  /// The label of an option value (the value itself for an open-list entry).
  public func optionLabel(_ value: String) -> LocalizedText {
    options.first { $0.value == value }?.label ?? LocalizedText(vi: value, en: value)
  }
}

/// A read-only column computed by the engine (e.g. W4 `toe`, W11 `npv`).
public struct ComputedColumn: Sendable, Hashable {
  /// The engine result key.
  public let key: String
  /// The unit shown (`VND`, `%`, `TOE`, `tCO2`, `GJ`, `yr`, `1`).
  public let unit: String
  public let label: LocalizedText
  public let help: LocalizedText

  public init(key: String, unit: String, label: LocalizedText, help: LocalizedText) {
    self.key = key
    self.unit = unit
    self.label = label
    self.help = help
  }
}
