import Foundation
import SXCore

/// A parsed rule expression: a small, safe arithmetic/logic language over named figures. No code is evaluated.
///
/// Grammar (whitespace is free):
/// ```
/// expr    := or
/// or      := and ("or" and)*
/// and     := not ("and" not)*
/// not     := "not" not | cmp
/// cmp     := sum (("<" | "<=" | ">" | ">=" | "==" | "!=") sum)?
/// sum     := product (("+" | "-") product)*
/// product := unary (("*" | "/") unary)*
/// unary   := "-" unary | atom
/// atom    := number | ref | name "(" expr ("," expr)* ")" | "(" expr ")"
/// ref     := segment ("." segment)*            segment := name ("[" selector "]")?
/// number  := 12 | 1.5 | 2e6 | 1_000            (always the decimal point)
/// ```
/// A selector is `key=value`, `key!=value` or `key~a|b|c` (contains one of, diacritics and case ignored), several
/// joined by `,`; a bare `[x]` matches a row's id or name. Functions: `min`, `max`, `abs`, `known(x)` (1 when x has a
/// value), `default(x, y)` (x when known, else y), `count(ref)` (rows matched), `maxOf(ref)`, `minOf(ref)` (over the rows matched; a plain ref sums them).
/// Truth: a comparison is 1 or 0; any number ≠ 0 is true; a missing figure makes the result unknown, and a rule
/// fires only when its condition is known and true.
public indirect enum RuleExpr: Hashable, Sendable {
  case number(Double)
  case ref(FigureRef)
  case negate(RuleExpr)
  case not(RuleExpr)
  case binary(RuleOp, RuleExpr, RuleExpr)
  case call(String, [RuleExpr])

  /// Every figure reference in the expression, in order of appearance (duplicates removed).
  public var refs: [FigureRef] {
    var out: [FigureRef] = []
    func walk(_ e: RuleExpr) {
      switch e {
      case .number: break
      case .ref(let r): if !out.contains(r) { out.append(r) }
      case .negate(let x), .not(let x): walk(x)
      case .binary(_, let a, let b): walk(a); walk(b)
      case .call(_, let args): args.forEach(walk)
      }
    }
    walk(self)
    return out
  }

  /// The expression written back in the source syntax (canonical spacing).
  public var text: String {
    switch self {
    case .number(let v): return RuleExpr.numberText(v)
    case .ref(let r): return r.text
    case .negate(let x): return "-" + x.wrapped
    case .not(let x): return "not " + x.wrapped
    case .binary(let op, let a, let b): return "\(a.wrapped) \(op.rawValue) \(b.wrapped)"
    case .call(let n, let args): return "\(n)(" + args.map(\.text).joined(separator: ", ") + ")"
    }
  }

  var wrapped: String {
    switch self {
    case .binary: "(" + text + ")"
    default: text
    }
  }

  static func numberText(_ v: Double) -> String {
    if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
    return String(v)
  }

  /// The functions the language knows, with their argument counts (nil: one or more).
  public static let functions: [String: Int?] = [
    "min": nil, "max": nil, "abs": 1, "known": 1, "default": 2, "count": 1, "maxOf": 1, "minOf": 1,
  ]
}

/// A binary operator.
public enum RuleOp: String, Hashable, Sendable, CaseIterable {
  case add = "+", sub = "-", mul = "*", div = "/"
  case lt = "<", le = "<=", gt = ">", ge = ">=", eq = "==", ne = "!="
  case and, or

  var isComparison: Bool { [.lt, .le, .gt, .ge, .eq, .ne].contains(self) }
}

/// A reference to a figure: dotted segments, each with an optional row selector.
public struct FigureRef: Hashable, Sendable {
  public struct Segment: Hashable, Sendable {
    public var name: String
    /// The selector text between `[` and `]`, trimmed; nil without brackets.
    public var selector: String?

    public init(name: String, selector: String? = nil) {
      self.name = name
      self.selector = selector
    }
  }

  public var segments: [Segment] {
    didSet {
      text = FigureRef.text(segments)
      role = FigureRef.role(segments)
      slot = RefSlots.shared.slot(text)
    }
  }

  public init(segments: [Segment]) {
    self.segments = segments
    text = FigureRef.text(segments)
    role = FigureRef.role(segments)
    slot = RefSlots.shared.slot(text)
  }

  /// The reference as written (canonical), e.g. `energy.carrier[fuel=coal_anthracite].toe`; kept with the segments
  /// (every lookup of a figure is by this text).
  public private(set) var text: String

  /// What a reference reads: a rule parameter (`p.x`), a calculator output (`calc.x`) or a figure.
  enum Role: Hashable, Sendable {
    case figure, param, calc
  }

  /// Worked out with the segments, so an evaluation does not compare names.
  private(set) var role: Role

  /// The process-wide number of `text` (`RefSlots`), or -1: figure books memoise their answers by it, so a lookup
  /// hashes no text (rules are parsed once; their references are looked up on every recompute).
  private(set) var slot: Int

  private static func role(_ segments: [Segment]) -> Role {
    guard segments.count == 2 else { return .figure }
    switch segments[0].name {
    case "p": return .param
    case "calc": return .calc
    default: return .figure
    }
  }

  private static func text(_ segments: [Segment]) -> String {
    segments.map { s in s.name + (s.selector.map { "[\($0)]" } ?? "") }.joined(separator: ".")
  }

  /// Parses a reference on its own (used for `show:` lists and example keys).
  public static func parse(_ text: String) throws -> FigureRef {
    var p = RuleParser(text)
    let e = try p.parseAll()
    guard case .ref(let r) = e else { throw RuleSyntaxError(offset: 0, message: LocalizedText(vi: "cần tên một số liệu", en: "a figure name is expected")) }
    return r
  }
}

/// A syntax error at a character offset of the expression text.
public struct RuleSyntaxError: Error, Hashable, Sendable {
  /// 0-based offset in characters.
  public var offset: Int
  public var message: LocalizedText
}

/// Tokenizer + recursive-descent parser for `RuleExpr`.
public struct RuleParser {
  enum Token: Equatable {
    case number(Double)
    case name(String)
    case selector(String)
    case symbol(String)
    case end
  }

  private let chars: [Character]
  private var pos = 0
  private var tokenStart = 0
  private var current: Token = .end

  public init(_ text: String) { chars = Array(text) }

  /// Parses the whole text as one expression.
  public mutating func parseAll() throws -> RuleExpr {
    try advance()
    let e = try parseOr()
    guard current == .end else { throw error("unexpected «\(describe(current))»", "thừa «\(describe(current))»") }
    return e
  }

  /// Parses `text`, reporting the first error.
  public static func parse(_ text: String) throws -> RuleExpr {
    var p = RuleParser(text)
    return try p.parseAll()
  }

  private func describe(_ t: Token) -> String {
    switch t {
    case .number(let v): RuleExpr.numberText(v)
    case .name(let n): n
    case .selector(let s): "[\(s)]"
    case .symbol(let s): s
    case .end: "end"
    }
  }

  private func error(_ en: String, _ vi: String, at offset: Int? = nil) -> RuleSyntaxError {
    RuleSyntaxError(offset: offset ?? tokenStart, message: LocalizedText(vi: vi, en: en))
  }

  // MARK: Tokens

  private mutating func advance() throws {
    while pos < chars.count, chars[pos].isWhitespace { pos += 1 }
    tokenStart = pos
    guard pos < chars.count else { current = .end; return }
    let c = chars[pos]
    if c.isNumber || (c == "." && pos + 1 < chars.count && chars[pos + 1].isNumber) {
      var s = ""
      while pos < chars.count, chars[pos].isNumber || chars[pos] == "." || chars[pos] == "_" {
        if chars[pos] != "_" { s.append(chars[pos]) }
        pos += 1
      }
      if pos < chars.count, chars[pos] == "e" || chars[pos] == "E" {
        var exp = "e"
        var q = pos + 1
        if q < chars.count, chars[q] == "+" || chars[q] == "-" { exp.append(chars[q]); q += 1 }
        if q < chars.count, chars[q].isNumber {
          while q < chars.count, chars[q].isNumber { exp.append(chars[q]); q += 1 }
          s += exp
          pos = q
        }
      }
      guard let v = Double(s), v.isFinite else { throw error("bad number «\(s)»", "số không hợp lệ «\(s)»") }
      current = .number(v)
      return
    }
    if c.isLetter || c == "_" {
      var s = ""
      while pos < chars.count, chars[pos].isLetter || chars[pos].isNumber || chars[pos] == "_" {
        s.append(chars[pos])
        pos += 1
      }
      current = .name(s)
      return
    }
    if c == "[" {
      var s = ""
      pos += 1
      while pos < chars.count, chars[pos] != "]" {
        if chars[pos] == "[" { throw error("«[» inside a selector", "«[» trong bộ chọn") }
        s.append(chars[pos])
        pos += 1
      }
      guard pos < chars.count else { throw error("«[» is not closed", "thiếu «]»") }
      pos += 1
      current = .selector(s.trimmingCharacters(in: .whitespaces))
      return
    }
    let two = pos + 1 < chars.count ? String([c, chars[pos + 1]]) : ""
    if ["<=", ">=", "==", "!="].contains(two) {
      pos += 2
      current = .symbol(two)
      return
    }
    if "+-*/<>(),.".contains(c) {
      pos += 1
      current = .symbol(String(c))
      return
    }
    throw error("unexpected character «\(c)»", "ký tự không hợp lệ «\(c)»")
  }

  // MARK: Grammar

  private mutating func parseOr() throws -> RuleExpr {
    var l = try parseAnd()
    while current == .name("or") {
      try advance()
      l = .binary(.or, l, try parseAnd())
    }
    return l
  }

  private mutating func parseAnd() throws -> RuleExpr {
    var l = try parseNot()
    while current == .name("and") {
      try advance()
      l = .binary(.and, l, try parseNot())
    }
    return l
  }

  private mutating func parseNot() throws -> RuleExpr {
    if current == .name("not") {
      try advance()
      return .not(try parseNot())
    }
    return try parseComparison()
  }

  private mutating func parseComparison() throws -> RuleExpr {
    let l = try parseSum()
    if case .symbol(let s) = current, let op = RuleOp(rawValue: s), op.isComparison {
      try advance()
      let r = try parseSum()
      if case .symbol(let s2) = current, let op2 = RuleOp(rawValue: s2), op2.isComparison {
        throw error("comparisons cannot be chained; use «and»", "không so sánh nối tiếp; dùng «and»")
      }
      return .binary(op, l, r)
    }
    return l
  }

  private mutating func parseSum() throws -> RuleExpr {
    var l = try parseProduct()
    while case .symbol(let s) = current, s == "+" || s == "-" {
      try advance()
      l = .binary(s == "+" ? .add : .sub, l, try parseProduct())
    }
    return l
  }

  private mutating func parseProduct() throws -> RuleExpr {
    var l = try parseUnary()
    while case .symbol(let s) = current, s == "*" || s == "/" {
      try advance()
      l = .binary(s == "*" ? .mul : .div, l, try parseUnary())
    }
    return l
  }

  private mutating func parseUnary() throws -> RuleExpr {
    if current == .symbol("-") {
      try advance()
      return .negate(try parseUnary())
    }
    return try parseAtom()
  }

  private mutating func parseAtom() throws -> RuleExpr {
    switch current {
    case .number(let v):
      try advance()
      return .number(v)
    case .symbol("("):
      try advance()
      let e = try parseOr()
      guard current == .symbol(")") else { throw error("«)» expected", "thiếu «)»") }
      try advance()
      return e
    case .name(let n):
      if ["and", "or", "not"].contains(n) { throw error("a value is expected before «\(n)»", "thiếu giá trị trước «\(n)»") }
      let nameStart = tokenStart
      try advance()
      if current == .symbol("(") {
        guard let arity = RuleExpr.functions[n] else {
          throw error("unknown function «\(n)» (use: \(RuleExpr.functions.keys.sorted().joined(separator: ", ")))",
            "hàm không rõ «\(n)» (dùng: \(RuleExpr.functions.keys.sorted().joined(separator: ", ")))", at: nameStart)
        }
        try advance()
        var args = [try parseOr()]
        while current == .symbol(",") {
          try advance()
          args.append(try parseOr())
        }
        guard current == .symbol(")") else { throw error("«)» expected", "thiếu «)»") }
        if let a = arity, args.count != a {
          throw error("«\(n)» takes \(a) argument(s)", "«\(n)» cần \(a) đối số")
        }
        if ["count", "maxOf", "minOf"].contains(n), case .ref = args[0] {} else if ["count", "maxOf", "minOf"].contains(n) {
          throw error("«\(n)» needs a figure name", "«\(n)» cần tên một số liệu")
        }
        try advance()
        return .call(n, args)
      }
      var segs = [FigureRef.Segment(name: n, selector: nil)]
      while true {
        if case .selector(let s) = current {
          guard segs[segs.count - 1].selector == nil else { throw error("two selectors in a row", "hai bộ chọn liền nhau") }
          segs[segs.count - 1].selector = s
          try advance()
        } else if current == .symbol(".") {
          try advance()
          guard case .name(let next) = current else { throw error("a name is expected after «.»", "thiếu tên sau «.»") }
          segs.append(FigureRef.Segment(name: next, selector: nil))
          try advance()
        } else {
          break
        }
      }
      return .ref(FigureRef(segments: segs))
    case .end:
      throw error("the expression ends too early", "biểu thức kết thúc sớm")
    default:
      throw error("unexpected «\(describe(current))»", "không mong đợi «\(describe(current))»")
    }
  }
}
