import Foundation
import SXCore

/// The shape of a model property, read from the Codable model itself (via `Mirror`), so worksheet keys are checked
/// against the real property names and types and follow model changes without a hand-kept list.
indirect enum ModelSlot {
  case string, int, double, bool, quantity, price
  /// A `String` raw-value enum with its values.
  case enumeration([String])
  case stringArray
  case enumArray([String])
  /// `[String: T]` — any key, values of one slot.
  case map(ModelSlot)
  /// A nested struct.
  case object([String: ModelSlot])
  /// An array of structs (nested rows).
  case rows([String: ModelSlot])
  /// Not editable through worksheets (provenance, settings lists).
  case other

  var name: String {
    switch self {
    case .string: "String"
    case .int: "Int"
    case .double: "Double"
    case .bool: "Bool"
    case .quantity: "Quantity"
    case .price: "UnitPrice"
    case .enumeration: "enum"
    case .stringArray: "[String]"
    case .enumArray: "[enum]"
    case .map: "dictionary"
    case .object: "struct"
    case .rows: "[struct]"
    case .other: "other"
    }
  }
}

enum ModelCatalog {
  /// The properties of the record a worksheet edits (for `header`, the whole assessment: keys start with `header.`).
  static func root(_ record: WorksheetRecord) -> [String: ModelSlot] {
    switch record {
    case .header: return slots(of: Assessment(header: AssessmentHeader(id: "")))
    case .kind(let k): return slots(of: sample(k))
    }
  }

  /// An empty instance of each record kind (exhaustive: a new kind fails to compile here).
  static func sample(_ kind: RecordKind) -> Any {
    switch kind {
    case .teamMember: TeamMember(id: "")
    case .product: Product(id: "")
    case .material: Material(id: "")
    case .energyCarrier: EnergyCarrier(id: "")
    case .waterItem: WaterItem(id: "")
    case .processStep: ProcessStep(id: "")
    case .flow: Flow(id: "", stepId: "")
    case .wasteStream: WasteStream(id: "")
    case .focusItem: FocusItem(id: "", targetId: "")
    case .opportunity: Opportunity(id: "")
    case .actionItem: ActionItem(id: "")
    case .indicator: IndicatorTarget(id: "", key: "")
    case .earlierPeriod: EarlierPeriodValue(id: "")
    }
  }

  static func slots(of value: Any) -> [String: ModelSlot] {
    var out: [String: ModelSlot] = [:]
    for child in Mirror(reflecting: value).children {
      guard let label = child.label else { continue }
      out[label] = classify(child.value)
    }
    return out
  }

  static func classify(_ v: Any) -> ModelSlot {
    let t = type(of: v)
    switch t {
    case is String.Type, is String?.Type: return .string
    case is Int.Type, is Int?.Type: return .int
    case is Double.Type, is Double?.Type: return .double
    case is Bool.Type, is Bool?.Type: return .bool
    case is Quantity.Type, is Quantity?.Type: return .quantity
    case is UnitPrice.Type, is UnitPrice?.Type: return .price
    case is [String].Type: return .stringArray
    case is [String: Int].Type: return .map(.int)
    case is [String: String].Type: return .map(.string)
    case is [CPTechnique].Type: return .enumArray(CPTechnique.allCases.map(\.rawValue))
    case is [ResourceSaving].Type: return .rows(slots(of: ResourceSaving(resource: .other)))
    default: break
    }
    if let values = enumValues(v) { return .enumeration(values) }
    if Mirror(reflecting: v).displayStyle == .struct { return .object(slots(of: v)) }
    return .other
  }

  /// The raw values of a `String` raw-value enum case's type.
  static func enumValues(_ v: Any) -> [String]? {
    guard let c = v as? any CaseIterable, v is any RawRepresentable else { return nil }
    return allRawValues(c)
  }

  private static func allRawValues<T: CaseIterable>(_ value: T) -> [String]? {
    let raws = T.allCases.compactMap { ($0 as? any RawRepresentable)?.rawValue as? String }
    return raws.count == T.allCases.count ? raws : nil
  }

  /// Resolves a dotted key path; nil with the failing segment when a segment does not exist.
  static func resolve(_ path: String, in root: [String: ModelSlot]) -> Result<ModelSlot, PathError> {
    let segments = path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    var current = ModelSlot.object(root)
    for (i, seg) in segments.enumerated() {
      guard !seg.isEmpty else { return .failure(PathError(segment: seg, index: i)) }
      switch current {
      case .object(let d):
        guard let next = d[seg] else { return .failure(PathError(segment: seg, index: i)) }
        current = next
      case .map(let s):
        current = s
      default:
        return .failure(PathError(segment: seg, index: i))
      }
    }
    return .success(current)
  }

  struct PathError: Error {
    let segment: String
    let index: Int
  }

  /// The model shapes a field type may edit, or nil when compatible.
  static func mismatch(_ type: FieldType, multiple: Bool, slot: ModelSlot) -> String? {
    let ok: Bool
    switch (type, slot) {
    case (.text, .string), (.multiline, .string), (.date, .string), (.reference, .string):
      ok = !multiple
    case (.text, .stringArray), (.reference, .stringArray):
      ok = multiple
    case (.enumeration, .string), (.enumeration, .enumeration):
      ok = !multiple
    case (.enumeration, .enumArray), (.enumeration, .stringArray):
      ok = multiple
    case (.integer, .int), (.score, .int), (.number, .double), (.percent, .double), (.boolean, .bool):
      ok = !multiple
    case (.quantity, .quantity), (.money, .quantity), (.price, .price), (.list, .rows):
      ok = !multiple
    default:
      ok = false
    }
    return ok ? nil : slot.name + (multiple ? " (multiple: true)" : "")
  }
}
