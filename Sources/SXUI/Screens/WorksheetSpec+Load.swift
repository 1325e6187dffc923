import SXCore
import SXWorksheets

extension WorksheetCatalog {
  /// The catalogue of the screens, built from the loaded `Worksheets/` folder.
  public init(_ set: WorksheetSet) {
    let steps = set.workflow.map {
      WorkflowStep(id: $0.id, step: $0.step, title: $0.title, help: $0.help, worksheetIds: $0.worksheetIds)
    }
    let fuelOptions = set.reference.fuels.map { FieldOption(value: $0.code, label: $0.name) }
    let sheets = set.worksheets.map { ws -> WorksheetSpec in
      let record: RecordKind? = {
        if case .kind(let k) = ws.record { return k }
        return nil
      }()
      let fields = ws.fields.map { FieldSpec($0, fuelOptions: fuelOptions) }
      return WorksheetSpec(
        id: ws.id, title: ws.title, help: ws.help, layout: ws.layout == .form ? .form : .table, record: record, fields: fields,
        filterKey: ws.filter?.key, filterValues: ws.filter?.values ?? [])
    }
    self.init(steps: steps, sheets: sheets)
  }
}

extension FieldSpec {
  /// A screen field from a worksheet field definition. Reference-table targets (fuels) become options.
  init(_ f: FieldDef, fuelOptions: [FieldOption]) {
    let kind: FieldKind =
      switch f.type {
      case .text: .text
      case .multiline: .multiline
      case .integer: .integer
      case .number: .number
      case .quantity: .quantity
      case .money: .money
      case .price: .price
      case .percent: .percent
      case .date: .date
      case .enumeration: .enum
      case .reference: .reference
      case .boolean: .boolean
      case .score: .score
      case .list: .list
      }
    var options = f.options.map { FieldOption(value: $0.value, label: $0.label) }
    var targets: [RecordKind] = []
    var isEnum = kind
    for t in f.targets {
      switch t {
      case .record(let k): targets.append(k)
      case .table(let name):
        if name == .fuels {
          options += fuelOptions
          isEnum = .enum
        }
      }
    }
    self.init(
      key: f.key, kind: targets.isEmpty && kind == .reference ? isEnum : kind, label: f.label, help: f.help, required: f.required,
      min: f.min, max: f.max, dimensions: f.dimensions, units: f.units, defaultUnit: f.defaultUnit, perUnits: f.perUnits,
      defaultPerUnit: f.defaultPerUnit, options: options, targets: targets, multiple: f.multiple, openList: f.openList || (kind == .reference && targets.isEmpty && options.isEmpty),
      width: f.width)
    subfields = f.fields.map { FieldSpec($0, fuelOptions: fuelOptions) }
  }
}
