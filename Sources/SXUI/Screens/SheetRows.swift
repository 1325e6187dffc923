import SXCore

/// Row access by kind and index without building `Assessment.records` (which wraps every row of every kind):
/// the screens ask for the rows of one kind, one row or a row's index on every keystroke, so these must cost
/// what is asked for, not the size of the assessment.
extension Assessment {
  /// The number of rows of `kind`.
  func rowCount(_ kind: RecordKind) -> Int {
    switch kind {
    case .teamMember: team.count
    case .product: products.count
    case .material: materials.count
    case .energyCarrier: energyCarriers.count
    case .waterItem: water.count
    case .processStep: steps.count
    case .flow: flows.count
    case .wasteStream: wasteStreams.count
    case .focusItem: focus.count
    case .opportunity: opportunities.count
    case .actionItem: actions.count
    case .indicator: indicators.count
    case .earlierPeriod: earlierPeriods.count
    }
  }

  /// The row of `kind` at `index` (in stored order).
  func row(_ kind: RecordKind, at i: Int) -> AnyRecord {
    switch kind {
    case .teamMember: .teamMember(team[i])
    case .product: .product(products[i])
    case .material: .material(materials[i])
    case .energyCarrier: .energyCarrier(energyCarriers[i])
    case .waterItem: .waterItem(water[i])
    case .processStep: .processStep(steps[i])
    case .flow: .flow(flows[i])
    case .wasteStream: .wasteStream(wasteStreams[i])
    case .focusItem: .focusItem(focus[i])
    case .opportunity: .opportunity(opportunities[i])
    case .actionItem: .actionItem(actions[i])
    case .indicator: .indicator(indicators[i])
    case .earlierPeriod: .earlierPeriod(earlierPeriods[i])
    }
  }

  /// The index of the row `id` among the rows of `kind` (what `position(of:id:)` answers, without copying rows).
  func rowIndex(_ kind: RecordKind, id: String) -> Int? {
    switch kind {
    case .teamMember: team.firstIndex { $0.id == id }
    case .product: products.firstIndex { $0.id == id }
    case .material: materials.firstIndex { $0.id == id }
    case .energyCarrier: energyCarriers.firstIndex { $0.id == id }
    case .waterItem: water.firstIndex { $0.id == id }
    case .processStep: steps.firstIndex { $0.id == id }
    case .flow: flows.firstIndex { $0.id == id }
    case .wasteStream: wasteStreams.firstIndex { $0.id == id }
    case .focusItem: focus.firstIndex { $0.id == id }
    case .opportunity: opportunities.firstIndex { $0.id == id }
    case .actionItem: actions.firstIndex { $0.id == id }
    case .indicator: indicators.firstIndex { $0.id == id }
    case .earlierPeriod: earlierPeriods.firstIndex { $0.id == id }
    }
  }

  /// The row `id` of `kind`, if any.
  func record(_ kind: RecordKind, id: String) -> AnyRecord? {
    rowIndex(kind, id: id).map { row(kind, at: $0) }
  }

  /// The row `id` of any kind (kinds in worksheet order), if any.
  func record(id: String) -> AnyRecord? {
    for k in RecordKind.allCases { if let r = record(k, id: id) { return r } }
    return nil
  }

  /// The rows of one kind as a collection that wraps each row only when read.
  func rows(_ kind: RecordKind) -> KindRows { KindRows(a: self, kind: kind) }
}

/// The rows of one kind of an assessment, read on demand.
struct KindRows: RandomAccessCollection {
  let a: Assessment
  let kind: RecordKind
  var startIndex: Int { 0 }
  var endIndex: Int { a.rowCount(kind) }
  subscript(i: Int) -> AnyRecord { a.row(kind, at: i) }
}

/// The rows a worksheet shows, in the order shown: indices into the rows of the sheet's kind (nil: all of them,
/// in stored order), read on demand so that a cursor move does not copy ten thousand rows.
struct SheetRows: RandomAccessCollection {
  let base: KindRows
  /// Visible order as indices into `base`; nil when every row is shown in stored order.
  let order: [Int]?
  var startIndex: Int { 0 }
  var endIndex: Int { order?.count ?? base.count }
  subscript(i: Int) -> AnyRecord { base[order?[i] ?? i] }
  /// No rows (a header worksheet).
  static let empty = SheetRows(base: KindRows(a: Assessment(header: AssessmentHeader(id: "")), kind: .flow), order: [])
}

/// The rows shown plus the row being added (kept in the editor until its first value is stored).
struct RowsPlus: RandomAccessCollection {
  let rows: SheetRows
  let extra: AnyRecord?
  var startIndex: Int { 0 }
  var endIndex: Int { rows.count + (extra == nil ? 0 : 1) }
  subscript(i: Int) -> AnyRecord {
    if i == rows.count, let extra { return extra }
    return rows[i]
  }
}
