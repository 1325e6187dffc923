import Foundation
import SXCore

/// A parsed row selector: `key=value`, `key!=value`, `key~a|b`, or a bare id/name, joined by `,`.
///
/// The values are kept as search keys (`Selector.key`, for `~` also trimmed), computed once at parsing, so matching
/// a row computes only the row's own keys.
struct Selector: Sendable {
  enum Test: Sendable {
    case equal(String, String)
    case notEqual(String, String)
    case contains(String, [String])
    case idOrName(String)
  }

  var tests: [Test]

  var keys: [String] {
    tests.compactMap {
      switch $0 {
      case .equal(let k, _), .notEqual(let k, _), .contains(let k, _): k
      case .idOrName: nil
      }
    }
  }

  static func parse(_ text: String) -> Result<Selector, RuleFailure> {
    var tests: [Test] = []
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    if trimmed.isEmpty { return .success(Selector(tests: [])) }
    for part in trimmed.split(separator: ",", omittingEmptySubsequences: false) {
      let p = part.trimmingCharacters(in: .whitespaces)
      if let r = p.range(of: "!=") {
        tests.append(.notEqual(String(p[..<r.lowerBound]).trimmingCharacters(in: .whitespaces), key(String(p[r.upperBound...]).trimmingCharacters(in: .whitespaces))))
      } else if let r = p.range(of: "=") {
        tests.append(.equal(String(p[..<r.lowerBound]).trimmingCharacters(in: .whitespaces), key(String(p[r.upperBound...]).trimmingCharacters(in: .whitespaces))))
      } else if let r = p.range(of: "~") {
        let alts = p[r.upperBound...].split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        // As `TextRules.matches` prepares its needle.
        tests.append(.contains(String(p[..<r.lowerBound]).trimmingCharacters(in: .whitespaces), alts.map { key($0).trimmingCharacters(in: .whitespaces) }))
      } else if !p.isEmpty {
        tests.append(.idOrName(key(p)))
      } else {
        return .failure(RuleFailure(vi: "bộ chọn «[\(text)]» có phần rỗng", en: "selector «[\(text)]» has an empty part"))
      }
    }
    for case .contains(_, let alts) in tests where alts.isEmpty {
      return .failure(RuleFailure(vi: "bộ chọn «[\(text)]»: «~» cần ít nhất một từ", en: "selector «[\(text)]»: «~» needs at least one word"))
    }
    return .success(Selector(tests: tests))
  }

  func matches(_ attrs: FieldMap<String>) -> Bool {
    matches(key: { Selector.key(attrs[$0] ?? "") })
  }

  /// Matches a row given the search key (`Selector.key`) of each of its attributes ("" for a missing one).
  func matches(key: (String) -> String) -> Bool {
    tests.allSatisfy { Selector.holds($0, key: key) }
  }

  /// Whether one test holds for a row, given the search keys of its attributes.
  static func holds(_ t: Test, key: (String) -> String) -> Bool {
    switch t {
    case .equal(let k, let v): key(k) == v
    case .notEqual(let k, let v): key(k) != v
    case .contains(let k, let alts):
      alts.contains { $0.isEmpty } || containsAny(key(k), alts)
    case .idOrName(let x): key("id") == x || key("name") == x
    }
  }

  /// Whether `haystack` contains any of `needles` (`contains` of each, in order), with the haystack's bytes checked
  /// once for all the needles.
  static func containsAny(_ haystack: String, _ needles: [String]) -> Bool {
    if needles.count == 1 { return contains(haystack, needles[0]) }
    let fast: Bool? = haystack.utf8.withContiguousStorageIfAvailable { h -> Bool? in
      guard byteSearchable(haystack, h) else { return nil }
      for needle in needles {
        let found: Bool? = needle.utf8.withContiguousStorageIfAvailable { n -> Bool? in
          guard !n.isEmpty, !n.contains(where: { $0 >= 0x80 }) else { return nil }
          return byteSearch(h, n)
        } ?? nil
        if found ?? haystack.contains(needle) { return true }
      }
      return false
    } ?? nil
    return fast ?? needles.contains { contains(haystack, $0) }
  }

  /// Every ASCII byte of the haystack is a whole character (no combining marks nor format characters after it).
  static func byteSearchable(_ haystack: String, _ h: UnsafeBufferPointer<UInt8>) -> Bool {
    if h.contains(where: { $0 >= 0x80 }) {
      for u in haystack.unicodeScalars where u.value >= 0x80 {
        switch u.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark, .format, .surrogate, .privateUse, .unassigned: return false
        default: continue
        }
      }
    }
    return true
  }

  /// Whether the bytes `n` (not empty) occur in `h`.
  private static func byteSearch(_ h: UnsafeBufferPointer<UInt8>, _ n: UnsafeBufferPointer<UInt8>) -> Bool {
    guard n.count <= h.count else { return false }
    let first = n[0]
    var i = 0
    let last = h.count - n.count
    while i <= last {
      if h[i] == first {
        var j = 1
        while j < n.count, h[i + j] == n[j] { j += 1 }
        if j == n.count { return true }
      }
      i += 1
    }
    return false
  }

  /// `haystack.contains(needle)` (Foundation's search). An ASCII needle in a haystack without combining marks or
  /// format characters (so every ASCII character there is a whole character) is searched byte by byte — what search
  /// keys of Vietnamese text are.
  static func contains(_ haystack: String, _ needle: String) -> Bool {
    let fast: Bool? = haystack.utf8.withContiguousStorageIfAvailable { h in
      needle.utf8.withContiguousStorageIfAvailable { n -> Bool? in
        guard !n.isEmpty, !n.contains(where: { $0 >= 0x80 }), byteSearchable(haystack, h) else { return nil }
        return byteSearch(h, n)
      } ?? nil
    } ?? nil
    return fast ?? haystack.contains(needle)
  }

  /// The parsed selector of a text, parsed once per process (selectors come from the rules, a small fixed set).
  static func cached(_ text: String) -> Result<Selector, RuleFailure> {
    SelectorCache.shared.get(text) { parse(text) }
  }

  /// `TextRules.searchKey`, without its Unicode work for ASCII text (where it only lower-cases) nor for Latin text
  /// without combining marks (Vietnamese in NFC), which is keyed letter by letter (`LatinKeys`).
  static func key(_ s: String) -> String {
    for b in s.utf8 where b >= 0x80 { return LatinKeys.shared.key(s) ?? TextRules.searchKey(s) }
    return s.lowercased()
  }
}

extension Selector.Test {
  /// The one attribute a test reads; nil for `idOrName` (two attributes).
  var attribute: String? {
    switch self {
    case .equal(let k, _), .notEqual(let k, _), .contains(let k, _): k
    case .idOrName: nil
    }
  }
}

/// Parsed selectors by text.
final class SelectorCache: @unchecked Sendable {
  static let shared = SelectorCache()
  private var parsed: [String: Result<Selector, RuleFailure>] = [:]
  private let lock = NSLock()

  func get(_ text: String, _ make: () -> Result<Selector, RuleFailure>) -> Result<Selector, RuleFailure> {
    lock.lock()
    defer { lock.unlock() }
    if let p = parsed[text] { return p }
    let p = make()
    if parsed.count < 4096 { parsed[text] = p }
    return p
  }
}

/// `TextRules.searchKey` of text made only of ASCII, precomposed Latin letters (U+0080–U+024F, U+1E00–U+1EFF: every
/// Vietnamese letter in NFC) and common punctuation, sub/superscripts, arrows and math signs (U+2010–U+2027,
/// U+2030–U+205E, U+2070–U+209F, U+2190–U+22FF), computed character by character: such text is already NFC (no
/// combining mark, no composition exclusion or singleton in these blocks), and case and diacritic folding map each
/// character on its own, so the key is the concatenation of each character's key. A non-ASCII character's key is
/// `TextRules.searchKey` of that character, computed once per process. Text with any other character returns nil
/// (the caller uses `TextRules.searchKey`).
final class LatinKeys: @unchecked Sendable {
  static let shared = LatinKeys()
  private var keys: [[UInt8]?] = Array(repeating: nil, count: 0x2300)
  private let lock = NSLock()

  static func covered(_ v: UInt32) -> Bool {
    v < 0x250 || (0x1E00..<0x1F00).contains(v) || (0x2010...0x2027).contains(v) || (0x2030...0x205E).contains(v)
      || (0x2070...0x209F).contains(v) || (0x2190..<0x2300).contains(v)
  }

  /// Keys of characters found so far, packed: bit 7 of the low byte marks a known key, bits 0–6 its length (≤ 7),
  /// the next bytes the key's UTF-8 (0 = not yet known or longer than 7 bytes, then `keys` holds it).
  private var packed: [UInt64] = Array(repeating: 0, count: 0x2300)

  func key(_ s: String) -> String? {
    let fast: String??? = s.utf8.withContiguousStorageIfAvailable { (b: UnsafeBufferPointer<UInt8>) -> String?? in keyOfUTF8(b) }
    if let storage = fast, let decoded = storage { return decoded }
    return keyOfScalars(s)
  }

  /// The key from the string's UTF-8 bytes (a native string is valid UTF-8), decoding each character in place.
  /// `.some(nil)` when a character is not covered; nil (use `keyOfScalars`) when the bytes do not decode.
  private func keyOfUTF8(_ b: UnsafeBufferPointer<UInt8>) -> String?? {
    lock.lock()
    defer { lock.unlock() }
    // First straight into the string's storage (no per-byte array growth), when the key fits in twice the text's
    // bytes (keys fold diacritics, so they are rarely longer) and every character's key is packed already; else
    // again into an array, learning the keys of characters not met yet.
    var outcome = KeyOutcome.done
    let direct = String(unsafeUninitializedCapacity: 2 * b.count + 16) { out -> Int in
      var sink = FixedKeySink(out: out)
      outcome = write(b, into: &sink, learning: false)
      return outcome == .done ? sink.count : 0
    }
    switch outcome {
    case .done: return .some(direct)
    case .notCovered: return .some(nil)
    case .undecodable: return nil
    case .noRoom, .unknownCharacter: break
    }
    var sink = ArrayKeySink()
    sink.bytes.reserveCapacity(b.count + 8)
    switch write(b, into: &sink, learning: true) {
    case .done: return .some(String(decoding: sink.bytes, as: UTF8.self))
    case .notCovered: return .some(nil)
    case .undecodable, .noRoom, .unknownCharacter: return nil
    }
  }

  /// How writing a key ended.
  private enum KeyOutcome {
    case done
    /// The sink is full.
    case noRoom
    /// A character outside the covered blocks (the key is `TextRules.searchKey`'s).
    case notCovered
    /// Bytes that do not decode.
    case undecodable
    /// A character whose key is not packed yet, while not learning.
    case unknownCharacter
  }

  /// The one UTF-8 decoding loop: writes the key of the text `b` into `sink`, character by character (ASCII lower-
  /// cased, other covered characters by their packed key). `learning`: a character without a packed key gets its key
  /// computed (`learn`); else writing stops there.
  @inline(__always)
  private func write<Sink: KeySink>(_ b: UnsafeBufferPointer<UInt8>, into sink: inout Sink, learning: Bool) -> KeyOutcome {
    var i = 0
    let n = b.count
    while i < n {
      let c = b[i]
      if c < 0x80 {
        guard sink.put(c >= 0x41 && c <= 0x5A ? c + 0x20 : c) else { return .noRoom }
        i += 1
        continue
      }
      let v: UInt32
      if c & 0xE0 == 0xC0, i + 1 < n {
        v = UInt32(c & 0x1F) << 6 | UInt32(b[i + 1] & 0x3F)
        i += 2
      } else if c & 0xF0 == 0xE0, i + 2 < n {
        v = UInt32(c & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F)
        i += 3
      } else if c & 0xF8 == 0xF0, i + 3 < n {
        // Four-byte characters are beyond U+FFFF: never covered.
        return .notCovered
      } else {
        return .undecodable
      }
      guard LatinKeys.covered(v) else { return .notCovered }
      let p = packed[Int(v)]
      if p != 0 {
        var bytes = p >> 8
        for _ in 0..<Int(p & 0x7F) {
          guard sink.put(UInt8(truncatingIfNeeded: bytes)) else { return .noRoom }
          bytes >>= 8
        }
        continue
      }
      // A character not met yet, or with a long key.
      guard learning else { return .unknownCharacter }
      guard let k = learn(v) else { return .undecodable }
      for x in k { guard sink.put(x) else { return .noRoom } }
    }
    return .done
  }

  /// The key of the covered, non-ASCII character `v`, computed once (`keys`) and packed when it fits in 7 bytes;
  /// nil when `v` is not a scalar.
  private func learn(_ v: UInt32) -> [UInt8]? {
    let k: [UInt8]
    if let known = keys[Int(v)] {
      k = known
    } else {
      guard let scalar = Unicode.Scalar(v) else { return nil }
      k = Array(TextRules.searchKey(String(scalar)).utf8)
      keys[Int(v)] = k
    }
    if k.count <= 7 {
      var q: UInt64 = 0x80 | UInt64(k.count)
      for (j, x) in k.enumerated() { q |= UInt64(x) << (8 * UInt64(j + 1)) }
      packed[Int(v)] = q
    }
    return k
  }

  private func keyOfScalars(_ s: String) -> String? {
    lock.lock()
    defer { lock.unlock() }
    var out: [UInt8] = []
    out.reserveCapacity(s.utf8.count)
    // One pass: text with a character not covered returns nil (the key built so far is dropped).
    for u in s.unicodeScalars {
      let v = u.value
      guard LatinKeys.covered(v) else { return nil }
      if v < 0x80 {
        // ASCII letters lower-case; everything else in ASCII is kept (as `TextRules.searchKey` does).
        out.append(v >= 0x41 && v <= 0x5A ? UInt8(v + 0x20) : UInt8(v))
        continue
      }
      if let known = keys[Int(v)] {
        out += known
      } else {
        let k = Array(TextRules.searchKey(String(u)).utf8)
        keys[Int(v)] = k
        out += k
      }
    }
    return String(decoding: out, as: UTF8.self)
  }
}

/// Where `LatinKeys` writes a key, byte by byte.
private protocol KeySink {
  /// Appends one byte; false when there is no room.
  mutating func put(_ c: UInt8) -> Bool
}

/// A string's uninitialised storage, of fixed room.
private struct FixedKeySink: KeySink {
  let out: UnsafeMutableBufferPointer<UInt8>
  var count = 0

  init(out: UnsafeMutableBufferPointer<UInt8>) { self.out = out }

  mutating func put(_ c: UInt8) -> Bool {
    guard count < out.count else { return false }
    out[count] = c
    count += 1
    return true
  }
}

/// A growing array.
private struct ArrayKeySink: KeySink {
  var bytes: [UInt8] = []

  mutating func put(_ c: UInt8) -> Bool {
    bytes.append(c)
    return true
  }
}
