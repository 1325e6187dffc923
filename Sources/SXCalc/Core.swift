import Foundation
import SXCore

// The calculator model: a calculator is a pure function from SI inputs to SI outputs, with its inputs,
// outputs, bounds and bilingual help described as data so the CLI (and the TUI) can list, parse and show them.

/// One limit of an input, in SI (e.g. absolute pressure > 0 Pa).
public struct CalcBound: Sendable, Hashable {
  public let value: Double
  public let inclusive: Bool
  public init(_ value: Double, inclusive: Bool) {
    self.value = value
    self.inclusive = inclusive
  }
  public static func over(_ v: Double) -> CalcBound { CalcBound(v, inclusive: false) }
  public static func atLeast(_ v: Double) -> CalcBound { CalcBound(v, inclusive: true) }
  public static func under(_ v: Double) -> CalcBound { CalcBound(v, inclusive: false) }
  public static func atMost(_ v: Double) -> CalcBound { CalcBound(v, inclusive: true) }
}

/// One named choice of an enumerated input; the input's value is the choice's index.
public struct CalcChoice: Sendable, Hashable {
  public let key: String
  public let label: LocalizedText
  public init(_ key: String, vi: String, en: String) {
    self.key = key
    self.label = LocalizedText(vi: vi, en: en)
  }
}

/// The kind of value an input takes.
public enum CalcInputKind: Sendable, Hashable {
  /// A number with a unit.
  case number
  /// One of a fixed list of choices (value = index).
  case choice([CalcChoice])
  /// A list of numbers in the input's unit (e.g. yearly cash flows).
  case list
}

/// One input of a calculator. `unit` is the unit a bare number is read in; `defaultValue` is in that unit;
/// `min`/`max` are in SI.
public struct CalcInput: Sendable, Hashable {
  public let name: String
  public let unit: String
  public let defaultValue: Double?
  public let min: CalcBound?
  public let max: CalcBound?
  public let help: LocalizedText
  public let kind: CalcInputKind
  /// The input is used only when the choice input `usedWhen.input` has the index `usedWhen.choice`.
  public let usedWhen: UsedWhen?

  public struct UsedWhen: Sendable, Hashable {
    public let input: String
    public let choice: Int
  }

  public init(
    _ name: String, _ unit: String, default defaultValue: Double? = nil, min: CalcBound? = nil, max: CalcBound? = nil,
    vi: String, en: String, kind: CalcInputKind = .number, usedWhen: UsedWhen? = nil
  ) {
    self.usedWhen = usedWhen
    self.name = name
    self.unit = unit
    self.defaultValue = defaultValue
    self.min = min
    self.max = max
    self.help = LocalizedText(vi: vi, en: en)
    self.kind = kind
  }

  public var choices: [CalcChoice] {
    if case .choice(let c) = kind { return c }
    return []
  }

  /// The default as an SI value (choices: the index).
  public var defaultSI: Double? {
    guard let d = defaultValue else { return nil }
    if case .choice = kind { return d }
    return try? CalcUnits.toSI(d, unit)
  }
}

/// One output of a calculator: its name and the unit it is shown in (values are SI inside).
public struct CalcOutputSpec: Sendable, Hashable {
  public let name: String
  public let unit: String
  public let help: LocalizedText
  public init(_ name: String, _ unit: String, vi: String = "", en: String = "") {
    self.name = name
    self.unit = unit
    self.help = LocalizedText(vi: vi, en: en)
  }
}

/// A calculator error naming the input at fault, with its message in Vietnamese and English.
public struct CalcError: LocalizedFailure, Equatable {
  public let input: String?
  public let message: LocalizedText

  public init(input: String?, vi: String, en: String) {
    self.input = input
    self.message = LocalizedText(vi: vi, en: en)
  }

  public static func missing(_ name: String) -> CalcError {
    CalcError(input: name, vi: "thiếu giá trị đầu vào «\(name)»", en: "missing input «\(name)»")
  }
  public static func unknownInput(_ name: String, calculator: String) -> CalcError {
    CalcError(
      input: name, vi: "máy tính «\(calculator)» không có đầu vào «\(name)»",
      en: "calculator «\(calculator)» has no input «\(name)»")
  }
  public static func notFinite(_ name: String) -> CalcError {
    CalcError(input: name, vi: "«\(name)» phải là một số hữu hạn", en: "«\(name)» must be a finite number")
  }
  /// A relation between inputs that does not hold (e.g. outlet temperature must exceed inlet).
  public static func invalid(_ name: String, vi: String, en: String) -> CalcError {
    CalcError(input: name, vi: "«\(name)»: \(vi)", en: "«\(name)»: \(en)")
  }
  /// A result that would be NaN or infinite (inputs outside the model's range).
  public static func noResult(_ output: String) -> CalcError {
    CalcError(
      input: nil, vi: "không tính được «\(output)» với các giá trị này (ngoài phạm vi của mô hình)",
      en: "cannot compute «\(output)» for these values (outside the model's range)")
  }
}

/// The SI arguments a calculator body receives: every input present, within bounds, finite.
public struct CalcArgs: Sendable {
  public var numbers: [String: Double]
  public var lists: [String: [Double]]

  public init(numbers: [String: Double], lists: [String: [Double]] = [:]) {
    self.numbers = numbers
    self.lists = lists
  }

  /// The SI value of an input (validated before the body runs; NaN only on a programming error,
  /// which the output check turns into a clean error).
  public subscript(_ name: String) -> Double { numbers[name] ?? .nan }
  public func choice(_ name: String) -> Int { Int(numbers[name] ?? 0) }
  public func list(_ name: String) -> [Double] { lists[name] ?? [] }
}

/// What a calculator returns: SI output values (an output may be absent when it is undefined, e.g. a
/// payback that never happens) and notes explaining such cases.
public struct CalcResult: Sendable {
  public var values: [String: Double]
  public var notes: [LocalizedText]
  /// Inputs this computation did not use (e.g. level savings when a cash-flow list is given).
  public var unused: Set<String>
  public init(values: [String: Double], notes: [LocalizedText] = [], unused: Set<String> = []) {
    self.values = values
    self.notes = notes
    self.unused = unused
  }
}

/// A utility calculator: stable id, bilingual title and help (formula, assumptions, source), inputs and outputs
/// described as data, and a pure body working in SI.
public struct Calculator: Sendable, Identifiable {
  public let id: String
  public let title: LocalizedText
  public let help: LocalizedText
  public let inputs: [CalcInput]
  public let outputs: [CalcOutputSpec]
  let body: @Sendable (CalcArgs) throws -> CalcResult

  public init(
    id: String, title: LocalizedText, help: LocalizedText, inputs: [CalcInput], outputs: [CalcOutputSpec],
    body: @escaping @Sendable (CalcArgs) throws -> CalcResult
  ) {
    self.id = id
    self.title = title
    self.help = help
    self.inputs = inputs
    self.outputs = outputs
    self.body = body
  }

  public func input(_ name: String) -> CalcInput? { inputs.first { $0.name == name } }

  /// Runs the calculator on SI values. Missing inputs take their default; every input is checked (finite,
  /// within its bounds, a valid choice) before the body runs, and every output is checked finite after.
  public func compute(_ values: [String: Double], lists: [String: [Double]] = [:]) throws -> CalcResult {
    for name in values.keys where input(name) == nil { throw CalcError.unknownInput(name, calculator: id) }
    for name in lists.keys where input(name) == nil { throw CalcError.unknownInput(name, calculator: id) }
    var numbers: [String: Double] = [:]
    var listValues: [String: [Double]] = [:]
    for spec in inputs {
      switch spec.kind {
      case .list:
        let list = lists[spec.name] ?? []
        for v in list {
          guard v.isFinite else { throw CalcError.notFinite(spec.name) }
          try Self.check(v, spec)
        }
        listValues[spec.name] = list
      case .choice(let choices):
        guard let v = values[spec.name] ?? spec.defaultSI else { throw CalcError.missing(spec.name) }
        guard v.isFinite, v == v.rounded(), v >= 0, Int(v) < choices.count else {
          throw CalcError(
            input: spec.name,
            vi: "«\(spec.name)» phải là một trong: \(choices.map(\.key).joined(separator: ", "))",
            en: "«\(spec.name)» must be one of: \(choices.map(\.key).joined(separator: ", "))")
        }
        numbers[spec.name] = v
      case .number:
        guard let v = values[spec.name] ?? spec.defaultSI else { throw CalcError.missing(spec.name) }
        guard v.isFinite else { throw CalcError.notFinite(spec.name) }
        try Self.check(v, spec)
        numbers[spec.name] = v
      }
    }
    let result = try body(CalcArgs(numbers: numbers, lists: listValues))
    for spec in outputs {
      if let v = result.values[spec.name], !v.isFinite { throw CalcError.noResult(spec.name) }
    }
    return result
  }

  static func check(_ v: Double, _ spec: CalcInput) throws {
    if let lo = spec.min, lo.inclusive ? v < lo.value : v <= lo.value {
      throw CalcError(
        input: spec.name,
        vi: "«\(spec.name)» phải \(lo.inclusive ? "≥" : ">") \(CalcUnits.describe(lo.value, spec.unit))",
        en: "«\(spec.name)» must be \(lo.inclusive ? "≥" : ">") \(CalcUnits.describe(lo.value, spec.unit))")
    }
    if let hi = spec.max, hi.inclusive ? v > hi.value : v >= hi.value {
      throw CalcError(
        input: spec.name,
        vi: "«\(spec.name)» phải \(hi.inclusive ? "≤" : "<") \(CalcUnits.describe(hi.value, spec.unit))",
        en: "«\(spec.name)» must be \(hi.inclusive ? "≤" : "<") \(CalcUnits.describe(hi.value, spec.unit))")
    }
  }
}

/// Helpers for building calculators.
extension LocalizedText {
  static func t(_ vi: String, _ en: String) -> LocalizedText { LocalizedText(vi: vi, en: en) }
}

/// Common bounds, in SI.
enum Bounds {
  /// Absolute pressure > 0.
  static let positive = CalcBound.over(0)
  static let nonNegative = CalcBound.atLeast(0)
  /// Temperature above absolute zero.
  static let aboveAbsoluteZero = CalcBound.over(0)
  /// An efficiency or fraction in (0, 1].
  static let one = CalcBound.atMost(1)
  /// One year of hours (8784 h in a leap year), in seconds.
  static let yearSeconds = CalcBound.atMost(8_784 * 3_600)
}
