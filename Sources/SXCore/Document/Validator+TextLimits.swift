import Foundation

extension Validator {
  /// Finds the strings of a value longer than `Limits.maxTextLength` characters, with their JSON paths, by encoding
  /// it through an `Encoder` that only looks at strings (no JSON text is built or parsed).
  static func longTexts<T: Encodable>(in value: T, prefix: String) -> [(path: String, count: Int)] {
    // Long texts are rare (every stored edit is checked), so a first walk that keeps no paths and stops at the first
    // long string decides; only then is the value walked again with paths. At 10,000 flows the first walk alone
    // costs a fraction of the path-keeping one (paths are arrays of existentials built per field).
    do { try value.encode(to: TextLimitEncoder(codingPath: [], found: nil)) } catch {
      return longTextsWithPaths(in: value, prefix: prefix)
    }
    return []
  }

  private static func longTextsWithPaths<T: Encodable>(in value: T, prefix: String) -> [(path: String, count: Int)] {
    let found = TextLimitEncoder.Found()
    try? value.encode(to: TextLimitEncoder(codingPath: [], found: found))
    return found.items.map { (JSONCoding.path($0.path, prefix: prefix), $0.count) }
  }
}

extension Validator {
  /// ``longTexts(in:prefix:)`` of one row.
  static func longTexts(of r: AnyRecord, prefix: String) -> [(path: String, count: Int)] {
    switch r {
    case .teamMember(let x): longTexts(in: x, prefix: prefix)
    case .product(let x): longTexts(in: x, prefix: prefix)
    case .material(let x): longTexts(in: x, prefix: prefix)
    case .energyCarrier(let x): longTexts(in: x, prefix: prefix)
    case .waterItem(let x): longTexts(in: x, prefix: prefix)
    case .processStep(let x): longTexts(in: x, prefix: prefix)
    case .flow(let x): longTexts(in: x, prefix: prefix)
    case .wasteStream(let x): longTexts(in: x, prefix: prefix)
    case .focusItem(let x): longTexts(in: x, prefix: prefix)
    case .opportunity(let x): longTexts(in: x, prefix: prefix)
    case .actionItem(let x): longTexts(in: x, prefix: prefix)
    case .indicator(let x): longTexts(in: x, prefix: prefix)
    case .earlierPeriod(let x): longTexts(in: x, prefix: prefix)
    }
  }
}

/// An `Encoder` that checks every string it is given against the text limit. With `found` it remembers where the long
/// ones are (coding paths kept); without it, it is a probe that keeps no paths and throws ``Long`` at the first one.
struct TextLimitEncoder: Encoder {
  struct Long: Error {}
  final class Found {
    var items: [(path: [CodingKey], count: Int)] = []
    func check(_ s: String, _ path: [CodingKey]) {
      // At most one character per UTF-8 byte: only a long encoding can be a long text.
      guard s.utf8.count > Limits.maxTextLength else { return }
      let n = s.count
      if n > Limits.maxTextLength { items.append((path, n)) }
    }
  }

  var codingPath: [CodingKey]
  let found: Found?
  var userInfo: [CodingUserInfoKey: Any] { [:] }

  func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
    KeyedEncodingContainer(Keyed(codingPath: codingPath, found: found))
  }
  func unkeyedContainer() -> UnkeyedEncodingContainer { Unkeyed(codingPath: codingPath, found: found) }
  func singleValueContainer() -> SingleValueEncodingContainer { Single(codingPath: codingPath, found: found) }

  /// Checks `s` at `path` (built only when paths are kept).
  static func check(_ s: String, _ found: Found?, _ path: @autoclosure () -> [CodingKey]) throws {
    // At most one character per UTF-8 byte: only a long encoding can be a long text.
    guard s.utf8.count > Limits.maxTextLength else { return }
    guard let found else {
      if s.count > Limits.maxTextLength { throw Long() }
      return
    }
    found.check(s, path())
  }

  /// `path` followed by `key` when paths are kept, else the empty path.
  static func extended(_ path: [CodingKey], _ key: CodingKey, _ found: Found?) -> [CodingKey] {
    found == nil ? [] : path + [key]
  }

  struct Index: CodingKey {
    var intValue: Int?
    var stringValue: String { "\(intValue ?? 0)" }
    init(_ i: Int) { intValue = i }
    init?(intValue: Int) { self.intValue = intValue }
    init?(stringValue: String) { nil }
  }

  struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
    var codingPath: [CodingKey]
    let found: Found?
    mutating func encodeNil(forKey key: Key) throws {}
    mutating func encode(_ value: String, forKey key: Key) throws { try check(value, found, codingPath + [key]) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
      if let s = value as? String { return try check(s, found, codingPath + [key]) }
      try value.encode(to: TextLimitEncoder(codingPath: extended(codingPath, key, found), found: found))
    }
    mutating func encode(_ value: Bool, forKey key: Key) throws {}
    mutating func encode(_ value: Double, forKey key: Key) throws {}
    mutating func encode(_ value: Int, forKey key: Key) throws {}
    mutating func encode(_ value: Float, forKey key: Key) throws {}
    mutating func encode(_ value: Int8, forKey key: Key) throws {}
    mutating func encode(_ value: Int16, forKey key: Key) throws {}
    mutating func encode(_ value: Int32, forKey key: Key) throws {}
    mutating func encode(_ value: Int64, forKey key: Key) throws {}
    mutating func encode(_ value: UInt, forKey key: Key) throws {}
    mutating func encode(_ value: UInt8, forKey key: Key) throws {}
    mutating func encode(_ value: UInt16, forKey key: Key) throws {}
    mutating func encode(_ value: UInt32, forKey key: Key) throws {}
    mutating func encode(_ value: UInt64, forKey key: Key) throws {}
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
      KeyedEncodingContainer(Keyed<NestedKey>(codingPath: extended(codingPath, key, found), found: found))
    }
    mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer {
      Unkeyed(codingPath: extended(codingPath, key, found), found: found)
    }
    mutating func superEncoder() -> Encoder { TextLimitEncoder(codingPath: codingPath, found: found) }
    mutating func superEncoder(forKey key: Key) -> Encoder { TextLimitEncoder(codingPath: extended(codingPath, key, found), found: found) }
  }

  struct Unkeyed: UnkeyedEncodingContainer {
    var codingPath: [CodingKey]
    let found: Found?
    var count = 0
    init(codingPath: [CodingKey], found: Found?) {
      self.codingPath = codingPath
      self.found = found
    }
    mutating func next() -> [CodingKey] {
      defer { count += 1 }
      return extended(codingPath, Index(count), found)
    }
    mutating func encodeNil() throws { count += 1 }
    mutating func encode(_ value: String) throws { try check(value, found, next()) }
    mutating func encode<T: Encodable>(_ value: T) throws {
      let path = next()
      if let s = value as? String { return try check(s, found, path) }
      try value.encode(to: TextLimitEncoder(codingPath: path, found: found))
    }
    mutating func encode(_ value: Bool) throws { count += 1 }
    mutating func encode(_ value: Double) throws { count += 1 }
    mutating func encode(_ value: Int) throws { count += 1 }
    mutating func encode(_ value: Float) throws { count += 1 }
    mutating func encode(_ value: Int8) throws { count += 1 }
    mutating func encode(_ value: Int16) throws { count += 1 }
    mutating func encode(_ value: Int32) throws { count += 1 }
    mutating func encode(_ value: Int64) throws { count += 1 }
    mutating func encode(_ value: UInt) throws { count += 1 }
    mutating func encode(_ value: UInt8) throws { count += 1 }
    mutating func encode(_ value: UInt16) throws { count += 1 }
    mutating func encode(_ value: UInt32) throws { count += 1 }
    mutating func encode(_ value: UInt64) throws { count += 1 }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
      KeyedEncodingContainer(Keyed<NestedKey>(codingPath: next(), found: found))
    }
    mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer { Unkeyed(codingPath: next(), found: found) }
    mutating func superEncoder() -> Encoder { TextLimitEncoder(codingPath: next(), found: found) }
  }

  struct Single: SingleValueEncodingContainer {
    var codingPath: [CodingKey]
    let found: Found?
    mutating func encodeNil() throws {}
    mutating func encode(_ value: String) throws { try check(value, found, codingPath) }
    mutating func encode<T: Encodable>(_ value: T) throws {
      if let s = value as? String { return try check(s, found, codingPath) }
      try value.encode(to: TextLimitEncoder(codingPath: codingPath, found: found))
    }
    mutating func encode(_ value: Bool) throws {}
    mutating func encode(_ value: Double) throws {}
    mutating func encode(_ value: Int) throws {}
    mutating func encode(_ value: Float) throws {}
    mutating func encode(_ value: Int8) throws {}
    mutating func encode(_ value: Int16) throws {}
    mutating func encode(_ value: Int32) throws {}
    mutating func encode(_ value: Int64) throws {}
    mutating func encode(_ value: UInt) throws {}
    mutating func encode(_ value: UInt8) throws {}
    mutating func encode(_ value: UInt16) throws {}
    mutating func encode(_ value: UInt32) throws {}
    mutating func encode(_ value: UInt64) throws {}
  }
}
