import SXCore

/// Reads an assessment header from the JSON the store keeps, without `JSONDecoder`: its first use in a process costs
/// about four million instructions for the header's dozen types (generic containers instantiated and their protocol
/// conformances looked up, type by type), a quarter of the app's work before its first frame.
///
/// It gives the header only for a document of exactly the header's shape, read the way `JSONDecoder` reads it
/// (the synthesized `Decodable` rules: every non-optional key present, an optional one missing or null, the JSON type
/// each field needs), and nil for anything else — an unknown or repeated key, a number that is not an exact integer
/// where an `Int` is needed, a number out of range, malformed JSON — so the caller decodes those with `JSONDecoder`,
/// whose result or error is unchanged. A field added to the model and written by the encoder is an unknown key here,
/// so a stale reader falls back rather than dropping it. Tests check both readers agree.
enum HeaderJSON {
  static func decode(_ text: String) -> AssessmentHeader? {
    var text = text
    return text.withUTF8 { bytes -> AssessmentHeader? in
      var p = Parser(bytes: bytes)
      guard let root = p.document() else { return nil }
      return header(root)
    }
  }

  // MARK: The model

  static func header(_ v: Value) -> AssessmentHeader? {
    guard var o = Object(v) else { return nil }
    guard let id = o.string("id") else { return nil }
    var h = AssessmentHeader(id: id)
    guard let title = o.string("title"), let profile = o.required("profile", plantProfile),
      let period = o.required("period", Self.period), let settings = o.required("settings", Self.settings),
      let statusText = o.string("status"), let status = AssessmentStatus(rawValue: statusText), let isSample = o.bool("isSample"),
      let dismissed = o.required("dismissedRules", { array($0, string) }), let createdAt = o.string("createdAt"),
      let updatedAt = o.string("updatedAt"), let provenance = o.required("provenance", { map($0, Self.provenance) }), o.isDone
    else { return nil }
    h.title = title
    h.profile = profile
    h.period = period
    h.settings = settings
    h.status = status
    h.isSample = isSample
    h.dismissedRules = dismissed
    h.createdAt = createdAt
    h.updatedAt = updatedAt
    h.provenance = provenance
    return h
  }

  static func plantProfile(_ v: Value) -> PlantProfile? {
    guard var o = Object(v) else { return nil }
    var p = PlantProfile()
    guard let name = o.string("name"), let address = o.string("address"), let province = o.string("province"),
      let sector = o.string("sector"), let products = o.string("products"), let markets = o.string("markets"),
      let employees = o.optional("employees", int), let shifts = o.optional("shifts", int),
      let operatingHours = o.optional("operatingHours", quantity), let annualOutput = o.optional("annualOutput", quantity),
      let turnover = o.optional("turnover", quantity), let labourCost = o.optional("labourCost", quantity),
      let previousProgrammes = o.string("previousProgrammes"), let contact = o.string("contact"), o.isDone
    else { return nil }
    p.name = name
    p.address = address
    p.province = province
    p.sector = sector
    p.products = products
    p.markets = markets
    p.employees = employees
    p.shifts = shifts
    p.operatingHours = operatingHours
    p.annualOutput = annualOutput
    p.turnover = turnover
    p.labourCost = labourCost
    p.previousProgrammes = previousProgrammes
    p.contact = contact
    return p
  }

  static func period(_ v: Value) -> AssessmentPeriod? {
    guard var o = Object(v), let start = o.string("start"), let end = o.string("end"), o.isDone else { return nil }
    return AssessmentPeriod(start: start, end: end)
  }

  static func settings(_ v: Value) -> AssessmentSettings? {
    guard var o = Object(v) else { return nil }
    var s = AssessmentSettings()
    guard let rates = o.required("currencyRates", { array($0, currencyRate) }),
      let localUnits = o.required("localUnits", { array($0, localUnit) }), let gridFactorYear = o.required("gridFactorYear", int),
      let imbalanceThreshold = o.required("imbalanceThreshold", double), let discountRate = o.required("discountRate", double),
      let criteria = o.required("criteria", { array($0, criterion) }), let benchmarkSector = o.string("benchmarkSector"),
      let systemCost = o.optional("systemCost", quantity), let wastewaterCharge = o.optional("wastewaterCharge", unitPrice),
      o.isDone
    else { return nil }
    s.currencyRates = rates
    s.localUnits = localUnits
    s.gridFactorYear = gridFactorYear
    s.imbalanceThreshold = imbalanceThreshold
    s.discountRate = discountRate
    s.criteria = criteria
    s.benchmarkSector = benchmarkSector
    s.systemCost = systemCost
    s.wastewaterCharge = wastewaterCharge
    return s
  }

  static func quantity(_ v: Value) -> Quantity? {
    guard var o = Object(v), let value = o.required("value", double), let unit = o.string("unit"), let si = o.required("si", double),
      o.isDone
    else { return nil }
    return Quantity(value: value, unit: unit, si: si)
  }

  static func unitPrice(_ v: Value) -> UnitPrice? {
    guard var o = Object(v), let amount = o.required("amount", quantity), let perUnit = o.string("perUnit"), o.isDone else { return nil }
    return UnitPrice(amount: amount, perUnit: perUnit)
  }

  static func currencyRate(_ v: Value) -> CurrencyRate? {
    guard var o = Object(v), let currency = o.string("currency"), let vndPerUnit = o.required("vndPerUnit", double),
      let date = o.string("date"), let source = o.string("source"), o.isDone
    else { return nil }
    return CurrencyRate(currency: currency, vndPerUnit: vndPerUnit, date: date, source: source)
  }

  static func localUnit(_ v: Value) -> LocalUnit? {
    guard var o = Object(v), let symbol = o.string("symbol"), let factor = o.required("factor", double),
      let baseUnit = o.string("baseUnit"), let note = o.string("note"), o.isDone
    else { return nil }
    return LocalUnit(symbol: symbol, factor: factor, baseUnit: baseUnit, note: note)
  }

  static func criterion(_ v: Value) -> FeasibilityCriterion? {
    guard var o = Object(v), let id = o.string("id"), let groupText = o.string("group"),
      let group = FeasibilityCriterion.Group(rawValue: groupText), let name = o.required("name", localizedText),
      let weight = o.required("weight", double), o.isDone
    else { return nil }
    return FeasibilityCriterion(id: id, group: group, name: name, weight: weight)
  }

  static func localizedText(_ v: Value) -> LocalizedText? {
    guard var o = Object(v), let vi = o.string("vi"), let en = o.string("en"), o.isDone else { return nil }
    return LocalizedText(vi: vi, en: en)
  }

  static func provenance(_ v: Value) -> Provenance? {
    guard var o = Object(v), let by = o.string("by"), let at = o.string("at"), let device = o.string("device"), o.isDone else { return nil }
    return Provenance(by: by, at: at, device: device)
  }

  // MARK: Values

  static func string(_ v: Value) -> String? {
    if case .string(let s) = v { return s }
    return nil
  }

  static func bool(_ v: Value) -> Bool? {
    if case .bool(let b) = v { return b }
    return nil
  }

  /// A finite, normal (or exactly zero) number. JSONDecoder refuses a literal that overflows or underflows a Double;
  /// an underflow and a subnormal result are left to it.
  static func double(_ v: Value) -> Double? {
    guard case .number(let literal) = v, let d = Double(literal), d.isFinite else { return nil }
    if d == 0 {
      let significand = literal.prefix { $0 != "e" && $0 != "E" }
      guard significand.allSatisfy({ $0 == "0" || $0 == "-" || $0 == "." }) else { return nil }
    } else if abs(d) < Double.leastNormalMagnitude {
      return nil
    }
    return d
  }

  /// An integer literal that fits an Int (anything else, `3.0` included, is left to JSONDecoder).
  static func int(_ v: Value) -> Int? {
    guard case .number(let literal) = v, !literal.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }) else { return nil }
    return Int(literal)
  }

  static func array<T>(_ v: Value, _ element: (Value) -> T?) -> [T]? {
    guard case .array(let items) = v else { return nil }
    var out: [T] = []
    out.reserveCapacity(items.count)
    for item in items {
      guard let e = element(item) else { return nil }
      out.append(e)
    }
    return out
  }

  static func map<T>(_ v: Value, _ element: (Value) -> T?) -> [String: T]? {
    guard case .object(let members) = v else { return nil }
    var out: [String: T] = [:]
    for (k, item) in members {
      guard out[k] == nil, let e = element(item) else { return nil }
      out[k] = e
    }
    return out
  }

  /// The members of one JSON object, taken key by key; `isDone` is true once every member was taken exactly once.
  struct Object {
    var members: [(key: String, value: Value)]
    var taken = 0

    init?(_ v: Value) {
      guard case .object(let m) = v else { return nil }
      members = m
    }

    /// The member `key`, nil when missing; a repeated key makes the object unreadable here (`isDone` stays false).
    mutating func take(_ key: String) -> Value? {
      var found: Value?
      var count = 0
      for m in members where m.key == key {
        found = m.value
        count += 1
      }
      guard count == 1 else {
        if count > 1 { taken = -members.count - 1 }
        return nil
      }
      taken += 1
      return found
    }

    var isDone: Bool { taken == members.count }

    mutating func string(_ key: String) -> String? { take(key).flatMap(HeaderJSON.string) }
    mutating func bool(_ key: String) -> Bool? { take(key).flatMap(HeaderJSON.bool) }
    mutating func required<T>(_ key: String, _ read: (Value) -> T?) -> T? { take(key).flatMap(read) }

    /// An optional field: `.some(nil)` when missing or null, `.some(value)` when readable, nil when not readable.
    mutating func optional<T>(_ key: String, _ read: (Value) -> T?) -> T?? {
      guard let v = take(key) else { return .some(nil) }
      if case .null = v { return .some(nil) }
      guard let t = read(v) else { return nil }
      return .some(t)
    }
  }

  // MARK: JSON

  indirect enum Value {
    case null
    case bool(Bool)
    /// The literal as written (parsed by the reader of the field: Int or Double).
    case number(String)
    case string(String)
    case array([Value])
    case object([(key: String, value: Value)])
  }

  /// A strict RFC 8259 reader over UTF-8 bytes: one value, surrounded only by whitespace; nil for anything else.
  struct Parser {
    let bytes: UnsafeBufferPointer<UInt8>
    var i = 0
    var depth = 0

    init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    mutating func document() -> Value? {
      guard let v = value() else { return nil }
      skipSpace()
      return i == bytes.count ? v : nil
    }

    mutating func skipSpace() {
      while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
    }

    mutating func literal(_ word: StaticString) -> Bool {
      let n = word.utf8CodeUnitCount
      guard i + n <= bytes.count else { return false }
      for k in 0..<n where bytes[i + k] != word.utf8Start[k] { return false }
      i += n
      return true
    }

    mutating func value() -> Value? {
      skipSpace()
      guard i < bytes.count else { return nil }
      switch bytes[i] {
      case UInt8(ascii: "{"): return object()
      case UInt8(ascii: "["): return array()
      case UInt8(ascii: "\""): return string().map(Value.string)
      case UInt8(ascii: "t"): return literal("true") ? .bool(true) : nil
      case UInt8(ascii: "f"): return literal("false") ? .bool(false) : nil
      case UInt8(ascii: "n"): return literal("null") ? .null : nil
      default: return number()
      }
    }

    mutating func object() -> Value? {
      depth += 1
      defer { depth -= 1 }
      guard depth <= 64 else { return nil }
      i += 1
      var members: [(key: String, value: Value)] = []
      skipSpace()
      if i < bytes.count, bytes[i] == UInt8(ascii: "}") {
        i += 1
        return .object(members)
      }
      while true {
        skipSpace()
        guard i < bytes.count, bytes[i] == UInt8(ascii: "\""), let key = string() else { return nil }
        skipSpace()
        guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { return nil }
        i += 1
        guard let v = value() else { return nil }
        members.append((key, v))
        skipSpace()
        guard i < bytes.count else { return nil }
        if bytes[i] == UInt8(ascii: ",") {
          i += 1
          continue
        }
        guard bytes[i] == UInt8(ascii: "}") else { return nil }
        i += 1
        return .object(members)
      }
    }

    mutating func array() -> Value? {
      depth += 1
      defer { depth -= 1 }
      guard depth <= 64 else { return nil }
      i += 1
      var items: [Value] = []
      skipSpace()
      if i < bytes.count, bytes[i] == UInt8(ascii: "]") {
        i += 1
        return .array(items)
      }
      while true {
        guard let v = value() else { return nil }
        items.append(v)
        skipSpace()
        guard i < bytes.count else { return nil }
        if bytes[i] == UInt8(ascii: ",") {
          i += 1
          continue
        }
        guard bytes[i] == UInt8(ascii: "]") else { return nil }
        i += 1
        return .array(items)
      }
    }

    /// A string at `i` (the opening quote); escapes decoded, a lone surrogate or a raw control character refused.
    mutating func string() -> String? {
      i += 1
      var out: [UInt8] = []
      while i < bytes.count {
        let b = bytes[i]
        if b == UInt8(ascii: "\"") {
          i += 1
          return String(decoding: out, as: UTF8.self)
        }
        if b < 0x20 { return nil }
        if b != UInt8(ascii: "\\") {
          out.append(b)
          i += 1
          continue
        }
        i += 1
        guard i < bytes.count else { return nil }
        let e = bytes[i]
        i += 1
        switch e {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
        case UInt8(ascii: "b"): out.append(0x08)
        case UInt8(ascii: "f"): out.append(0x0C)
        case UInt8(ascii: "n"): out.append(0x0A)
        case UInt8(ascii: "r"): out.append(0x0D)
        case UInt8(ascii: "t"): out.append(0x09)
        case UInt8(ascii: "u"):
          guard let hi = hex4() else { return nil }
          var scalar: Unicode.Scalar?
          if hi >= 0xD800 && hi < 0xDC00 {
            guard literal("\\u"), let lo = hex4(), lo >= 0xDC00 && lo < 0xE000 else { return nil }
            scalar = Unicode.Scalar(0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00))
          } else {
            scalar = Unicode.Scalar(hi)
          }
          guard let s = scalar else { return nil }
          out.append(contentsOf: String(Character(s)).utf8)
        default: return nil
        }
      }
      return nil
    }

    mutating func hex4() -> UInt32? {
      guard i + 4 <= bytes.count else { return nil }
      var v: UInt32 = 0
      for _ in 0..<4 {
        let c = bytes[i]
        let d: UInt8
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): d = c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): d = c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): d = c - UInt8(ascii: "A") + 10
        default: return nil
        }
        v = v << 4 | UInt32(d)
        i += 1
      }
      return v
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`, kept as written.
    mutating func number() -> Value? {
      let start = i
      func digits(_ p: inout Parser) -> Int {
        let s = p.i
        while p.i < p.bytes.count, p.bytes[p.i] >= UInt8(ascii: "0"), p.bytes[p.i] <= UInt8(ascii: "9") { p.i += 1 }
        return p.i - s
      }
      if i < bytes.count, bytes[i] == UInt8(ascii: "-") { i += 1 }
      guard i < bytes.count else { return nil }
      if bytes[i] == UInt8(ascii: "0") {
        i += 1
      } else {
        guard digits(&self) > 0 else { return nil }
      }
      if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
        i += 1
        guard digits(&self) > 0 else { return nil }
      }
      if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
        i += 1
        if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
        guard digits(&self) > 0 else { return nil }
      }
      return .number(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self))
    }
  }
}
