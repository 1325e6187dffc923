import Foundation
import SXCore

/// Reading, showing, parsing and writing one field of a record (or of the header) through the
/// record's JSON, so every worksheet is edited by the same code.
public enum FieldCodec {
  /// A typed value failed to parse or to pass the field's checks; `message` is shown under the field.
  public struct Failure: Error, Hashable, Sendable {
    public var message: LocalizedText
    public init(_ message: LocalizedText) { self.message = message }
    public init(vi: String, en: String) { message = LocalizedText(vi: vi, en: en) }
  }

  // MARK: JSON access

  /// The record (or header) as a JSON dictionary.
  public static func json(of record: AnyRecord) -> [String: Any] {
    let tree: Any?
    switch record {
    case .teamMember(let r): tree = TreeEncoding.tree(r)
    case .product(let r): tree = TreeEncoding.tree(r)
    case .material(let r): tree = TreeEncoding.tree(r)
    case .energyCarrier(let r): tree = TreeEncoding.tree(r)
    case .waterItem(let r): tree = TreeEncoding.tree(r)
    case .processStep(let r): tree = TreeEncoding.tree(r)
    case .flow(let r): tree = TreeEncoding.tree(r)
    case .wasteStream(let r): tree = TreeEncoding.tree(r)
    case .focusItem(let r): tree = TreeEncoding.tree(r)
    case .opportunity(let r): tree = TreeEncoding.tree(r)
    case .actionItem(let r): tree = TreeEncoding.tree(r)
    case .indicator(let r): tree = TreeEncoding.tree(r)
    case .earlierPeriod(let r): tree = TreeEncoding.tree(r)
    }
    return (tree as? [String: Any]) ?? [:]
  }

  /// The header as a JSON dictionary.
  public static func json(of header: AssessmentHeader) -> [String: Any] {
    (TreeEncoding.tree(header) as? [String: Any]) ?? [:]
  }

  /// `json(of:)` of the header, kept for the last header asked: the W0 form reads every field of it in every
  /// frame, and the header changes only when it is edited. The key is the open document and its revision (every
  /// change of the assessment counts one) as well as the header itself: `==` alone is not exact (strings compare by
  /// canonical equivalence, 0 equals −0), so a header changed only in such a way would show the earlier tree.
  static func cachedJSON(of header: AssessmentHeader, document: UUID, revision: Int) -> [String: Any] {
    let hit = HeaderTreeCache.lock.withLock { () -> [String: Any]? in
      guard HeaderTreeCache.document == document, HeaderTreeCache.revision == revision, HeaderTreeCache.header == header
      else { return nil }
      return HeaderTreeCache.tree
    }
    if let hit { return hit }
    let tree = json(of: header)
    HeaderTreeCache.lock.withLock {
      HeaderTreeCache.document = document
      HeaderTreeCache.revision = revision
      HeaderTreeCache.header = header
      HeaderTreeCache.tree = tree
    }
    return tree
  }

  /// The value at `path` (nil when missing or JSON null).
  public static func value(in obj: [String: Any], at path: [String]) -> Any? {
    var cur: Any? = obj
    for p in path {
      guard let d = cur as? [String: Any] else { return nil }
      cur = d[p]
    }
    // The type is compared: `is NSNull` on a Swift value bridges it to an object first (a dictionary or a string
    // becomes an NSDictionary or an NSString), which was a fifth of the cost of drawing the first form.
    if let c = cur, ObjectIdentifier(type(of: c)) == ObjectIdentifier(NSNull.self) { return nil }
    return cur
  }

  /// `obj` with `value` set at `path` (nil removes the key), creating dictionaries on the way.
  public static func setting(_ obj: [String: Any], at path: [String], to value: Any?) -> [String: Any] {
    guard let first = path.first else { return obj }
    var o = obj
    if path.count == 1 {
      o[first] = value
      return o
    }
    let inner = (o[first] as? [String: Any]) ?? [:]
    o[first] = setting(inner, at: Array(path.dropFirst()), to: value)
    return o
  }

  /// Rebuilds a record of `kind` from JSON. (The text is only decoded: its keys are not sorted, which on Linux
  /// compares them with ICU collation and was most of the cost of writing it.)
  public static func record(_ kind: RecordKind, from obj: [String: Any]) throws -> AnyRecord {
    let data = try JSONSerialization.data(withJSONObject: obj)
    return try AnyRecord.decode(kind, data)
  }

  /// Rebuilds the header from JSON.
  public static func header(from obj: [String: Any]) throws -> AssessmentHeader {
    let data = try JSONSerialization.data(withJSONObject: obj)
    return try JSONDecoder().decode(AssessmentHeader.self, from: data)
  }

  // MARK: Display

  /// The value as shown in a cell or a form line, in the active number format.
  public static func display(_ raw: Any?, _ field: FieldSpec, language: Language, assessment: Assessment, mode: UnitMode = .typed) -> String {
    guard let raw else { return "" }
    switch field.kind {
    case .text, .multiline, .date:
      let text = (raw as? String) ?? ""
      // Foundation's replacingOccurrences costs tens of thousands of instructions even with nothing to replace.
      return text.utf8.contains(UInt8(ascii: "\n")) ? text.replacingOccurrences(of: "\n", with: " ") : text
    case .integer, .score:
      return (raw as? NSNumber).map { field.groupsDigits ? NumberFormat.format($0.doubleValue, language, maxFractionDigits: 0) : field.numberText($0.doubleValue, language) } ?? ""
    case .number:
      return (raw as? NSNumber).map { NumberFormat.format($0.doubleValue, language) } ?? ""
    case .percent:
      return (raw as? NSNumber).map { NumberFormat.format($0.doubleValue * 100, language, maxFractionDigits: 2) + " %" } ?? ""
    case .quantity, .money:
      return quantity(raw).map { DisplayUnits.text($0, mode: mode, language) } ?? ""
    case .price:
      guard let d = raw as? [String: Any], let q = quantity(d["amount"]), let per = d["perUnit"] as? String else { return "" }
      return q.formatted(language) + "/" + per
    case .boolean:
      let b = (raw as? NSNumber)?.boolValue ?? false
      return b ? (language == .vi ? "có" : "yes") : (language == .vi ? "không" : "no")
    case .enum:
      if let arr = raw as? [Any] {
        return arr.compactMap { v in (v as? String).map { optionLabel($0, field, language) } }.joined(separator: ", ")
      }
      return (raw as? String).map { optionLabel($0, field, language) } ?? ""
    case .reference:
      guard let id = raw as? String else { return "" }
      if let r = field.targets.lazy.compactMap({ k in assessment.record(k, id: id) }).first {
        return r.displayName
      }
      // A focus item may point at a step or a waste stream.
      if let r = assessment.record(id: id) { return r.displayName }
      return id
    case .list:
      let n = (raw as? [Any])?.count ?? 0
      return n == 0 ? "" : (language == .vi ? "\(n) mục" : "\(n) items")
    }
  }

  /// The text put in the editor when editing starts (numbers in the active format, units kept).
  public static func editText(_ raw: Any?, _ field: FieldSpec, language: Language, assessment: Assessment) -> String {
    guard let raw else { return "" }
    switch field.kind {
    case .text, .multiline, .date: return (raw as? String) ?? ""
    case .percent: return (raw as? NSNumber).map { NumberFormat.format($0.doubleValue * 100, language, maxFractionDigits: 6) } ?? ""
    case .integer, .score: return (raw as? NSNumber).map { String($0.intValue) } ?? ""
    case .number: return (raw as? NSNumber).map { NumberFormat.format($0.doubleValue, language, maxFractionDigits: 6) } ?? ""
    case .quantity, .money:
      guard let q = quantity(raw) else { return "" }
      return NumberFormat.format(q.value, language, maxFractionDigits: 6) + (q.unit == "1" ? "" : " " + q.unit)
    case .price:
      guard let d = raw as? [String: Any], let q = quantity(d["amount"]), let per = d["perUnit"] as? String else { return "" }
      return NumberFormat.format(q.value, language, maxFractionDigits: 6) + " " + q.unit + "/" + per
    default: return display(raw, field, language: language, assessment: assessment)
    }
  }

  static func optionLabel(_ value: String, _ field: FieldSpec, _ language: Language) -> String {
    field.options.first { $0.value == value }?.label.text(language) ?? value
  }

  static func quantity(_ raw: Any?) -> Quantity? {
    guard let d = raw as? [String: Any], let v = (d["value"] as? NSNumber)?.doubleValue, let u = d["unit"] as? String,
      let si = (d["si"] as? NSNumber)?.doubleValue
    else { return nil }
    return Quantity(value: v, unit: u, si: si)
  }

  static func json(_ q: Quantity) -> [String: Any] { ["value": q.value, "unit": q.unit, "si": q.si] }

  // MARK: Parsing

  /// Parses typed text into the JSON value to store (nil clears the field). Throws a `Failure`
  /// with the message to show under the field when the text is not acceptable.
  public static func parse(_ text: String, _ field: FieldSpec, language: Language, units: UnitSystem) throws(Failure) -> Any? {
    let t = TextRules.nfc(text).trimmingCharacters(in: .whitespaces)
    if t.isEmpty {
      if field.required { throw Failure(vi: "bắt buộc, chưa nhập", en: "required, but empty") }
      switch field.kind {
      case .text, .multiline, .date: return ""
      default: return nil
      }
    }
    switch field.kind {
    case .text, .multiline:
      guard t.count <= Limits.maxTextLength else { throw Failure(vi: "văn bản quá dài", en: "text too long") }
      return t
    case .date:
      guard isISODate(t) else { throw Failure(vi: "ngày phải có dạng YYYY-MM-DD", en: "date must be YYYY-MM-DD") }
      return t
    case .integer, .score:
      let v = try number(t, language)
      guard v == v.rounded(), abs(v) < 1e15 else { throw Failure(vi: "cần một số nguyên", en: "a whole number is needed") }
      try bounds(v, field, language)
      return Int(v)
    case .number:
      let v = try number(t, language)
      try bounds(v, field, language)
      return v
    case .percent:
      let v = try number(t.replacingOccurrences(of: "%", with: "").trimmingCharacters(in: .whitespaces), language)
      try bounds(v, field, language)
      return v / 100
    case .quantity, .money:
      let q = try quantity(t, field, language: language, units: units, dims: field.kind == .money ? [.money] : field.dimensions,
        allowed: field.units, defaultUnit: field.defaultUnit)
      return json(q)
    case .price:
      let parts = t.split(separator: "/", maxSplits: 1).map { String($0).trimmingCharacters(in: .whitespaces) }
      let amount = try quantity(parts[0], field, language: language, units: units, dims: [.money], allowed: field.units,
        defaultUnit: field.defaultUnit)
      let per = parts.count > 1 ? parts[1] : (field.defaultPerUnit ?? "")
      guard let perDef = units.unit(per) else {
        throw Failure(vi: "đơn vị tính giá không rõ «\(per)»", en: "unknown per-unit «\(per)»")
      }
      if !field.perUnits.isEmpty, !field.perUnits.contains(where: { units.unit($0)?.symbol == perDef.symbol }) {
        throw Failure(
          vi: "đơn vị «\(per)» không dùng được ở đây; chọn: \(field.perUnits.joined(separator: ", "))",
          en: "unit «\(per)» is not allowed here; use one of: \(field.perUnits.joined(separator: ", "))")
      }
      return ["amount": json(amount), "perUnit": perDef.symbol] as [String: Any]
    case .boolean:
      let k = TextRules.searchKey(t)
      if ["co", "yes", "y", "c", "1", "true", "x"].contains(k) { return true }
      if ["khong", "no", "n", "k", "0", "false"].contains(k) { return false }
      throw Failure(vi: "chọn có hoặc không", en: "choose yes or no")
    case .enum, .reference:
      // Chosen from a list; typed text is matched against option labels.
      if let o = field.options.first(where: { TextRules.searchKey($0.label.text(language)) == TextRules.searchKey(t) || $0.value == t }) {
        return o.value
      }
      throw Failure(vi: "chọn một giá trị trong danh sách (Enter)", en: "choose a value from the list (Enter)")
    case .list:
      throw Failure(vi: "danh sách này sửa ở màn hình chi tiết", en: "this list is edited in the detail view")
    }
  }

  static func number(_ t: String, _ language: Language) throws(Failure) -> Double {
    do {
      let v = try NumberParser.parse(t, language)
      guard v.isFinite else { throw Failure(vi: "số không hữu hạn", en: "number is not finite") }
      return v
    } catch let e as LocalizedFailure {
      throw Failure(e.message)
    } catch let e as Failure {
      throw e
    } catch {
      throw Failure(vi: "không phải là số", en: "not a number")
    }
  }

  static func quantity(
    _ t: String, _ field: FieldSpec, language: Language, units: UnitSystem, dims: [SXCore.Dimension], allowed: [String], defaultUnit: String?
  ) throws(Failure) -> Quantity {
    let parser = QuantityParser(language: language, units: units)
    var lastError: Failure?
    let candidates: [SXCore.Dimension?] = dims.isEmpty ? [nil] : dims.map { Optional($0) }
    for dim in candidates {
      do {
        // The default unit only applies to a bare number when it has this dimension.
        let du = defaultUnit.flatMap { units.unit($0)?.dimension == dim || dim == nil ? $0 : nil }
        let q = try parser.parse(t, expected: dim, defaultUnit: du, allowed: allowed)
        let inDefault = defaultUnit.flatMap { try? q.value(in: $0, units: units) } ?? q.value
        try bounds(inDefault, field, language, unit: defaultUnit)
        return q
      } catch let e as Failure {
        throw e
      } catch let e as UnitError {
        if case .wrongDimension = e { lastError = Failure(e.message); continue }
        throw Failure(e.message)
      } catch let e as LocalizedFailure {
        throw Failure(e.message)
      } catch {
        throw Failure(vi: "không đọc được «\(t)»", en: "cannot read «\(t)»")
      }
    }
    if dims.count > 1 {
      let names = LocalizedText(vi: dims.map { $0.name.vi }.joined(separator: "/"), en: dims.map { $0.name.en }.joined(separator: "/"))
      throw Failure(vi: "đơn vị không hợp; ô này cần \(names.vi)", en: "unit does not fit; this field needs \(names.en)")
    }
    throw lastError ?? Failure(vi: "không đọc được «\(t)»", en: "cannot read «\(t)»")
  }

  static func bounds(_ v: Double, _ field: FieldSpec, _ language: Language, unit: String? = nil) throws(Failure) {
    let u = unit.map { " " + $0 } ?? ""
    if let lo = field.min, v < lo {
      let s = field.numberText(lo, language)
      throw Failure(vi: "phải ≥ \(s)\(u)", en: "must be ≥ \(s)\(u)")
    }
    if let hi = field.max, v > hi {
      let s = field.numberText(hi, language)
      throw Failure(vi: "phải ≤ \(s)\(u)", en: "must be ≤ \(s)\(u)")
    }
  }

  static func isISODate(_ s: String) -> Bool {
    let parts = s.split(separator: "-")
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
    else { return false }
    var c = DateComponents()
    c.year = y
    c.month = m
    c.day = d
    let cal = Calendar(identifier: .gregorian)
    guard (1...12).contains(m), (1...31).contains(d), let date = cal.date(from: c) else { return false }
    return cal.component(.day, from: date) == d
  }
}

/// The last header given to ``FieldCodec/cachedJSON(of:document:revision:)``, its document and revision, and its tree (the tree is only read, never changed).
private enum HeaderTreeCache {
  static let lock = NSLock()
  nonisolated(unsafe) static var document: UUID?
  nonisolated(unsafe) static var revision = 0
  nonisolated(unsafe) static var header: AssessmentHeader?
  nonisolated(unsafe) static var tree: [String: Any] = [:]
}
