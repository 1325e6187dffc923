import Foundation
import SXCore

// The search keys and `~` outcomes that figure books keep while matching rows by text: per book (`KeyCache`,
// `KindIndex`) and process-wide between recomputes (`NameKeys`, `FlowNameSlots`/`FlowNameMemo`, `NeedleIDs`),
// with the byte-compared `ByteKey` and the ASCII `NeedleSet` they use.

/// Search keys computed on first use and kept (the figure book is a value shared by every rule of a run).
final class KeyCache: @unchecked Sendable {
  /// Per row: the index of its key in `keys`, −1 while not computed (a plain array: cheap to make and to drop).
  private var slots: [Int32]
  private var keys: [String] = []
  private let lock = NSLock()

  init(count: Int) { slots = Array(repeating: -1, count: count) }

  func get(_ i: Int, _ make: () -> String) -> String {
    lock.lock()
    let s = slots[i]
    if s >= 0 {
      let k = keys[Int(s)]
      lock.unlock()
      return k
    }
    lock.unlock()
    let k = make()
    lock.lock()
    if slots[i] < 0 {
      keys.append(k)
      slots[i] = Int32(keys.count - 1)
    }
    lock.unlock()
    return k
  }
}

/// Outcomes of `~` tests (`NeedleSet.found`) on one text, by needle set id (`NeedleSet.id`, below 64): a test's
/// outcome is a pure function of the text and the set's alternatives.
struct NeedleOutcomes: Sendable {
  var tested: UInt64 = 0
  var found: UInt64 = 0

  func outcome(_ id: Int) -> Bool? {
    (tested >> UInt64(id)) & 1 == 0 ? nil : (found >> UInt64(id)) & 1 == 1
  }

  mutating func note(_ id: Int, _ hit: Bool) {
    tested |= 1 << UInt64(id)
    if hit { found |= 1 << UInt64(id) } else { found &= ~(1 << UInt64(id)) }
  }
}

/// A flow name's search key, whether it is byte-searchable, and the `~` outcomes known for it.
struct NameKey: Sendable {
  var key: String
  var searchable: Bool
  var tests = NeedleOutcomes()
}

/// Flow names' search keys with their byte-searchability, kept across runs (a recompute after an edit keys the same
/// names again; the key is a pure function of the text). At most 16,384 names are kept; then the memo starts over.
///
/// Names are held by their UTF-8 bytes (`ByteKey`): hashing a `String` normalises non-ASCII text (Vietnamese names)
/// on every lookup; equal bytes are equal strings, so the memo answers what `Selector.key` would.
final class NameKeys: @unchecked Sendable {
  static let shared = NameKeys()
  private var known: [ByteKey: NameKey] = [:]
  private let lock = NSLock()

  func get(_ name: String) -> NameKey {
    lock.lock()
    if let k = known[ByteKey(name)] {
      lock.unlock()
      return k
    }
    lock.unlock()
    let key = Selector.key(name)
    let searchable = key.utf8.withContiguousStorageIfAvailable { Selector.byteSearchable(key, $0) } ?? false
    lock.lock()
    if known.count >= 16_384 { known.removeAll(keepingCapacity: true) }
    let made = NameKey(key: key, searchable: searchable)
    known[ByteKey(name)] = made
    lock.unlock()
    return made
  }

  /// Records the outcome of needle set `id` on a name already keyed (kept for the next runs).
  func note(_ name: String, set id: Int, _ found: Bool) {
    lock.lock()
    known[ByteKey(name)]?.tests.note(id, found)
    lock.unlock()
  }
}

/// The search keys and `~` outcomes of flow names by flow index, kept between recomputes (a recompute after an edit
/// matches the same flows' names again: checking that a slot still holds the flow's name, byte for byte, is cheaper
/// than hashing the name into `NameKeys`). A slot whose name differs (another assessment, an edited flow) is keyed
/// again through `NameKeys`. Every slot starts as the empty name, whose key is "" (byte-searchable) — what
/// `Selector.key("")` is — so an unused slot is a correct one.
struct FlowNameSlots {
  /// At most this many slots (flow indexes beyond are keyed through `NameKeys` on every test).
  static let limit = 1 << 16
  private var names: [String] = []
  private var keys: [NameKey] = []

  /// `set.found` on the search key of `name`, the name of flow `i`.
  mutating func found(_ i: Int, _ name: String, _ set: NeedleSet) -> Bool {
    guard i < FlowNameSlots.limit else { return FlowNameSlots.found(NameKeys.shared.get(name), name, set) }
    if i >= names.count {
      let more = max(i + 1, 2 * names.count) - names.count
      names.append(contentsOf: repeatElement("", count: more))
      keys.append(contentsOf: repeatElement(NameKey(key: "", searchable: true), count: more))
    }
    if !ByteKey.sameBytes(names[i], name) {
      names[i] = name
      keys[i] = NameKeys.shared.get(name)
    }
    if let id = set.id, let known = keys[i].tests.outcome(id) { return known }
    let ok = set.found(in: keys[i].key, searchable: keys[i].searchable)
    if let id = set.id {
      keys[i].tests.note(id, ok)
      NameKeys.shared.note(name, set: id, ok)
    }
    return ok
  }

  private static func found(_ k: NameKey, _ name: String, _ set: NeedleSet) -> Bool {
    if let id = set.id, let known = k.tests.outcome(id) { return known }
    let ok = set.found(in: k.key, searchable: k.searchable)
    if let id = set.id { NameKeys.shared.note(name, set: id, ok) }
    return ok
  }
}

/// The process-wide `FlowNameSlots`, used under a lock.
final class FlowNameMemo: @unchecked Sendable {
  static let shared = FlowNameMemo()
  private var slots = FlowNameSlots()
  private let lock = NSLock()

  func with<R>(_ body: (inout FlowNameSlots) -> R) -> R {
    lock.lock()
    defer { lock.unlock() }
    return body(&slots)
  }
}

/// Ids of the distinct `~` alternatives lists (ASCII, so equal lists are equal bytes), at most 64 per process.
final class NeedleIDs: @unchecked Sendable {
  static let shared = NeedleIDs()
  private var ids: [[String]: Int] = [:]
  private let lock = NSLock()

  func id(_ alts: [String]) -> Int? {
    lock.lock()
    defer { lock.unlock() }
    if let k = ids[alts] { return k }
    guard ids.count < 64 else { return nil }
    ids[alts] = ids.count
    return ids.count - 1
  }
}

/// A string compared and hashed by its UTF-8 bytes, not by canonical equivalence (no Unicode normalisation per
/// hash). Two canonically equivalent strings with different bytes are different keys: a memo keyed by it only
/// misses more often, never answers for other text.
struct ByteKey: Hashable, Sendable {
  let text: String

  init(_ text: String) {
    var t = text
    t.makeContiguousUTF8()
    self.text = t
  }

  func hash(into hasher: inout Hasher) {
    text.utf8.withContiguousStorageIfAvailable { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
      ?? text.utf8.forEach { hasher.combine($0) }
  }

  static func == (l: ByteKey, r: ByteKey) -> Bool { sameBytes(l.text, r.text) }

  /// Whether two strings have the same UTF-8 bytes.
  static func sameBytes(_ l: String, _ r: String) -> Bool {
    let fast: Bool? = l.utf8.withContiguousStorageIfAvailable { a in
      r.utf8.withContiguousStorageIfAvailable { b in
        a.count == b.count && (a.isEmpty || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0)
      }
    } ?? nil
    return fast ?? l.utf8.elementsEqual(r.utf8)
  }
}

/// Flow indexes by kind ordinal, each list made on first use (the figure book is a value shared by every rule).
final class KindIndex: @unchecked Sendable {
  private var lists: [[Int]?] = Array(repeating: nil, count: 14)
  private let lock = NSLock()

  func flows(of ordinal: Int, in flows: [Flow]) -> [Int] {
    lock.lock()
    defer { lock.unlock() }
    if let l = lists[ordinal] { return l }
    var l: [Int] = []
    flows.withUnsafeBufferPointer { f in
      for i in f.indices where FlowRows.ordinal(f[i].kind) == ordinal { l.append(i) }
    }
    lists[ordinal] = l
    return l
  }
}

/// The alternatives of a `~` test when each is ASCII and not empty: `found(in:)` is `Selector.containsAny` with the
/// haystack's bytes scanned once for all of them (a table of the alternatives' first bytes).
struct NeedleSet: Sendable {
  let needles: [[UInt8]]
  let alternatives: [String]
  /// Bit b set when some needle starts with byte b (ASCII: 128 bits).
  let first: (UInt64, UInt64)
  /// The alternatives' id (`NeedleIDs`), for outcomes kept per name; nil past 64 distinct lists.
  let id: Int?

  init?(_ alts: [String]) {
    guard !alts.isEmpty else { return nil }
    var ns: [[UInt8]] = []
    var lo: UInt64 = 0
    var hi: UInt64 = 0
    for a in alts {
      let b = Array(a.utf8)
      guard !b.isEmpty, b.allSatisfy({ $0 < 0x80 }) else { return nil }
      if b[0] < 64 { lo |= 1 << UInt64(b[0]) } else { hi |= 1 << UInt64(b[0] - 64) }
      ns.append(b)
    }
    needles = ns
    alternatives = alts
    first = (lo, hi)
    id = NeedleIDs.shared.id(alts)
  }

  /// `searchable`: `Selector.byteSearchable` of the haystack when already known.
  func found(in haystack: String, searchable: Bool? = nil) -> Bool {
    if searchable == false { return Selector.containsAny(haystack, alternatives) }
    let fast: Bool? = haystack.utf8.withContiguousStorageIfAvailable { h -> Bool? in
      guard searchable ?? Selector.byteSearchable(haystack, h) else { return nil }
      let n = h.count
      var i = 0
      while i < n {
        let b = h[i]
        let hit = b < 64 ? (first.0 >> UInt64(b)) & 1 : b < 128 ? (first.1 >> UInt64(b - 64)) & 1 : 0
        if hit != 0 {
          for needle in needles where needle[0] == b && needle.count <= n - i {
            var j = 1
            while j < needle.count, h[i + j] == needle[j] { j += 1 }
            if j == needle.count { return true }
          }
        }
        i += 1
      }
      return false
    } ?? nil
    return fast ?? Selector.containsAny(haystack, alternatives)
  }
}
