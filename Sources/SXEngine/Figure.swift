import Foundation
import SXCore

/// Whether a figure could be computed from complete data.
public enum FigureStatus: String, Codable, Hashable, Sendable {
  /// Computed from complete inputs.
  case ok
  /// Missing or unusable inputs: `value` is a partial sum or `nil`; `reasons` say why.
  case incomplete
}

/// One computed number with its unit. `value` is never NaN or infinite: a non-finite result becomes `nil`,
/// `incomplete`, with a reason. A partial sum (some inputs missing) keeps its value but is `incomplete`.
public struct Figure: Codable, Hashable, Sendable {
  /// The explain path of this figure (see `Results.explain(path:)`).
  public var path: String
  public var value: Double?
  public var unit: String
  public var status: FigureStatus
  /// Why the figure is incomplete (empty when `ok`).
  public var reasons: [LocalizedText]

  public init(path: String, value: Double?, unit: String, reasons: [LocalizedText] = []) {
    self.path = path
    self.unit = unit
    var rs = reasons
    if let v = value, !v.isFinite {
      self.value = nil
      rs.append(Reason.notFinite)
    } else {
      self.value = value
    }
    if self.value == nil, rs.isEmpty { rs.append(Reason.noData) }
    self.reasons = Reason.unique(rs)
    self.status = self.reasons.isEmpty ? .ok : .incomplete
  }

  public var isOK: Bool { status == .ok }
}

/// One input shown by an explanation: a named number with its unit and where it comes from.
public struct ExplainInput: Codable, Hashable, Sendable {
  public var name: String
  public var value: Double?
  public var unit: String
  /// The record it comes from and its data source, e.g. `flows[f3] · measured`.
  public var source: String

  public init(_ name: String, _ value: Double?, _ unit: String, source: String = "") {
    self.name = name
    self.value = value.flatMap { $0.isFinite ? $0 : nil }
    self.unit = unit
    self.source = source
  }
}

/// One factor used by a figure: its value, unit, source and year.
public struct ExplainFactor: Codable, Hashable, Sendable {
  public var name: String
  public var value: Double
  public var unit: String
  public var source: String
  public var year: Int?

  public init(_ name: String, _ value: Double, _ unit: String, source: String, year: Int? = nil) {
    self.name = name
    self.value = value.isFinite ? value : 0
    self.unit = unit
    self.source = source
    self.year = year
  }
}

/// How a figure was computed: the formula (both languages), its inputs, its factors and the result.
public struct Explanation: Codable, Hashable, Sendable {
  public var path: String
  public var label: LocalizedText
  public var formula: LocalizedText
  public var inputs: [ExplainInput]
  public var factors: [ExplainFactor]
  public var result: Figure

  public init(
    path: String, label: LocalizedText, formula: LocalizedText, inputs: [ExplainInput], factors: [ExplainFactor],
    result: Figure
  ) {
    self.path = path
    self.label = label
    self.formula = formula
    self.inputs = inputs
    self.factors = factors
    self.result = result
  }

  /// A readable rendering in `language`.
  public func text(_ language: Language) -> String {
    let vi = language == .vi
    var lines: [String] = []
    lines.append("\(label.text(language))  [\(path)]")
    lines.append((vi ? "Công thức: " : "Formula: ") + formula.text(language))
    if !inputs.isEmpty {
      lines.append(vi ? "Đầu vào:" : "Inputs:")
      for i in inputs {
        let v = i.value.map { NumberFormat.auto($0, language) } ?? "—"
        lines.append("  • \(i.name) = \(v) \(i.unit)" + (i.source.isEmpty ? "" : "  (\(i.source))"))
      }
    }
    if !factors.isEmpty {
      lines.append(vi ? "Hệ số:" : "Factors:")
      for f in factors {
        let y = f.year.map { ", \($0)" } ?? ""
        lines.append("  • \(f.name) = \(NumberFormat.format(f.value, language, maxFractionDigits: 7)) \(f.unit)  (\(f.source)\(y))")
      }
    }
    let r = result.value.map { NumberFormat.auto($0, language) } ?? "—"
    lines.append((vi ? "Kết quả: " : "Result: ") + "\(r) \(result.unit)")
    if !result.reasons.isEmpty {
      lines.append((vi ? "Chưa đầy đủ: " : "Incomplete: ") + result.reasons.map { $0.text(language) }.joined(separator: "; "))
    }
    return lines.joined(separator: "\n")
  }
}

/// A value being computed: the number (if any) and the reasons it is incomplete.
///
/// A sum starts as `.sum` (0, nothing known yet): adding known parts gives their total; if every part added is
/// missing, the sum stays `nil` (so "all inputs missing" is never shown as 0); an empty sum is 0.
struct Val: Sendable {
  var value: Double?
  var reasons: [LocalizedText]
  private var known: Bool

  init(_ value: Double?, _ reasons: [LocalizedText] = []) {
    if let v = value, !v.isFinite {
      self.value = nil
      self.reasons = reasons + [Reason.notFinite]
    } else {
      self.value = value
      self.reasons = reasons
    }
    known = self.value != nil
  }

  static func missing(_ r: LocalizedText) -> Val { Val(nil, [r]) }
  /// An empty sum.
  static var sum: Val {
    var v = Val(0)
    v.known = false
    return v
  }

  /// Adds another value: the sum of the known parts; reasons accumulate.
  mutating func add(_ o: Val) {
    if let b = o.value {
      value = (known ? (value ?? 0) : 0) + b
      known = true
    } else if !known {
      value = nil
    }
    if !o.reasons.isEmpty { reasons.append(contentsOf: o.reasons) }
  }

  /// `add(o.map { $0 * k })` without building the scaled value when it is a plain finite number.
  mutating func addScaled(_ o: Val, _ k: Double) {
    if let v = o.value, o.reasons.isEmpty {
      let p = v * k
      if p.isFinite {
        add(p)
        return
      }
    }
    add(o.map { $0 * k })
  }

  /// Adds a known number.
  mutating func add(_ x: Double) {
    value = (known ? (value ?? 0) : 0) + x
    known = true
  }

  func map(_ f: (Double) -> Double) -> Val { Val(value.map(f), reasons) }

  /// `self / d`; a zero or missing divisor gives `nil` with `zeroReason`.
  func divided(by d: Val, zeroReason: LocalizedText) -> Val {
    guard let a = value else { return Val(nil, reasons + d.reasons) }
    guard let b = d.value else { return Val(nil, reasons + d.reasons) }
    guard b != 0 else { return Val(nil, reasons + d.reasons + [zeroReason]) }
    return Val(a / b, reasons + d.reasons)
  }
}

/// How to build one figure's explanation: label, formula, inputs and factors, each evaluated only when the figure is
/// explained (`Results.explain(path:)`). The closures capture the values of the run (the context, row indexes, partial
/// sums), never mutable state, so the explanation is the one of the run that produced the figure.
struct Recipe: Sendable {
  let label: @Sendable () -> LocalizedText
  let formula: @Sendable () -> LocalizedText
  let inputs: @Sendable () -> [ExplainInput]
  let factors: @Sendable () -> [ExplainFactor]
}

/// One registered figure with its recipe.
struct LedgerEntry: Sendable {
  let figure: Figure
  let recipe: Recipe

  var explanation: Explanation {
    Explanation(
      path: figure.path, label: recipe.label(), formula: recipe.formula(), inputs: recipe.inputs(), factors: recipe.factors(),
      result: figure)
  }
}

/// Collects every figure and the recipe of its explanation during one engine run. Nothing is formatted here: the
/// label, formula and inputs are autoclosures, evaluated only by `Results.explain(path:)`.
struct Ledger: Sendable {
  var entries: [LedgerEntry] = []
  /// Collection path (e.g. `balance.steps`) → its rows (id, name), for name-based explain paths.
  var names: [String: [NamedRow]] = [:]

  mutating func figure(
    _ path: String, _ v: Val, _ unit: String, label: @autoclosure @escaping @Sendable () -> LocalizedText,
    formula: @autoclosure @escaping @Sendable () -> LocalizedText,
    inputs: @autoclosure @escaping @Sendable () -> [ExplainInput] = [],
    factors: @autoclosure @escaping @Sendable () -> [ExplainFactor] = []
  ) -> Figure {
    let f = Figure(path: path, value: v.value, unit: unit, reasons: v.reasons)
    entries.append(LedgerEntry(figure: f, recipe: Recipe(label: label, formula: formula, inputs: inputs, factors: factors)))
    return f
  }

  /// Registers a flag (shown as 1 = yes, 0 = no) with its explanation.
  mutating func flag(
    _ path: String, _ on: Bool, label: @autoclosure @escaping @Sendable () -> LocalizedText,
    formula: @autoclosure @escaping @Sendable () -> LocalizedText,
    inputs: @autoclosure @escaping @Sendable () -> [ExplainInput] = [],
    factors: @autoclosure @escaping @Sendable () -> [ExplainFactor] = []
  ) {
    let f = Figure(path: path, value: on ? 1 : 0, unit: "flag")
    entries.append(LedgerEntry(figure: f, recipe: Recipe(label: label, formula: formula, inputs: inputs, factors: factors)))
  }

  /// Records a row's id and name under its collection path, for name-based explain paths (resolved lazily).
  mutating func name(_ collection: String, id: String, name: String) {
    names[collection, default: []].append(NamedRow(id: id, name: name))
  }
}

/// The explanations of one run, kept as recipes (not part of the JSON). Equality and hashing look at the figures
/// only: the recipes are a pure function of the run's inputs.
struct ExplainBook: Hashable, Sendable {
  var entries: [LedgerEntry] = []
  var names: [String: [NamedRow]] = [:]

  static func == (l: ExplainBook, r: ExplainBook) -> Bool {
    l.entries.count == r.entries.count && zip(l.entries, r.entries).allSatisfy { $0.figure == $1.figure } && l.names == r.names
  }

  func hash(into h: inout Hasher) { h.combine(entries.count) }

  /// Index of the last entry of each path, built on the first lookup (a run registers thousands of figures; an
  /// export explains every one of them).
  let index = PathIndex()

  /// The entry of a canonical path (the last registration wins, as a dictionary insert did).
  func entry(_ path: String) -> LedgerEntry? { index.get(entries)[path].map { entries[$0] } }
}

/// Path → index of its last entry, computed once per book.
final class PathIndex: @unchecked Sendable {
  private var built: [String: Int]?
  private let lock = NSLock()

  func get(_ entries: [LedgerEntry]) -> [String: Int] {
    lock.lock()
    defer { lock.unlock() }
    if let b = built { return b }
    var d: [String: Int] = [:]
    d.reserveCapacity(entries.count)
    // By index: the path is read in place (an `enumerated()` loop copied each entry, retaining its closures).
    for i in entries.indices { d[entries[i].figure.path] = i }
    built = d
    return d
  }
}

/// A value computed by `make` on its first read and kept (reads may come from several threads: `Results` is
/// `Sendable`). Several explanation recipes of one run share one, when they would each compute the same value.
final class Once<Value: Sendable>: @unchecked Sendable {
  private var made: Value?
  private var make: (@Sendable () -> Value)?
  private let lock = NSLock()

  init(_ make: @escaping @Sendable () -> Value) { self.make = make }

  var value: Value {
    lock.lock()
    defer { lock.unlock() }
    if let made { return made }
    let v = make!()
    made = v
    make = nil
    return v
  }
}

/// A row of a collection: its id and display name (for `[name]` selectors in explain paths).
struct NamedRow: Hashable, Sendable {
  var id: String
  var name: String
}

/// Builds an `ExplainInput` from a quantity of a record.
func input(_ name: String, _ q: Quantity?, source: String) -> ExplainInput {
  ExplainInput(name, q?.value, q?.unit ?? "", source: source)
}

/// Formats a record reference with its data source, e.g. `flows[f3] · measured`.
func src(_ table: String, _ id: String, _ ds: DataSource? = nil) -> String {
  "\(table)[\(id)]" + (ds.map { " · \($0.rawValue)" } ?? "")
}
