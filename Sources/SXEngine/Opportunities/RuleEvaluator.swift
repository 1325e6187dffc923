import Foundation
import SXCalc
import SXCore

/// The values an expression can read: figures, the rule's parameters (`p.x`) and its calculator's outputs (`calc.x`).
public struct RuleEnvironment: Sendable {
  public var figures: any FigureSource
  public var params: [String: Double]
  /// Calculator outputs, SI.
  public var calc: [String: Double]

  public init(figures: any FigureSource, params: [String: Double] = [:], calc: [String: Double] = [:]) {
    self.figures = figures
    self.params = params
    self.calc = calc
  }

  /// The value of one reference (a plain reference sums the rows matched).
  public func value(_ r: FigureRef) -> Double? {
    // What `lookup(r)?.sum` gives, without building the lookup: a parameter or output sums to itself (0 + v).
    switch r.role {
    case .param: return params[r.segments[1].name].map { 0 + $0 }
    case .calc: return calc[r.segments[1].name].map { 0 + $0 }
    case .figure: return figures.value(r)
    }
  }

  func lookup(_ r: FigureRef) -> FigureLookup? {
    switch r.role {
    case .param: return FigureLookup(values: [params[r.segments[1].name]], unit: "", label: LocalizedText(vi: r.text, en: r.text))
    case .calc: return FigureLookup(values: [calc[r.segments[1].name]], unit: "", label: LocalizedText(vi: r.text, en: r.text))
    case .figure: return figures.lookup(r)
    }
  }
}

/// Evaluates rule expressions. Unknown values propagate as nil; comparisons give 1 or 0.
public enum RuleEvaluator {
  public static func evaluate(_ e: RuleExpr, _ env: RuleEnvironment) -> Double? {
    switch e {
    case .number(let v): return v
    case .ref(let r): return env.value(r)
    case .negate(let x): return evaluate(x, env).map { -$0 }
    case .not(let x): return evaluate(x, env).map { $0 == 0 ? 1 : 0 }
    case .binary(let op, let a, let b):
      let l = evaluate(a, env)
      // Three-valued logic: false and unknown = false; true or unknown = true.
      if op == .and {
        let r = evaluate(b, env)
        if l == 0 || r == 0 { return 0 }
        guard l != nil, r != nil else { return nil }
        return 1
      }
      if op == .or {
        let r = evaluate(b, env)
        if let l, l != 0 { return 1 }
        if let r, r != 0 { return 1 }
        guard l != nil, r != nil else { return nil }
        return 0
      }
      guard let x = l, let y = evaluate(b, env) else { return nil }
      let v: Double
      switch op {
      case .add: v = x + y
      case .sub: v = x - y
      case .mul: v = x * y
      case .div:
        guard y != 0 else { return nil }
        v = x / y
      case .lt: v = x < y ? 1 : 0
      case .le: v = x <= y ? 1 : 0
      case .gt: v = x > y ? 1 : 0
      case .ge: v = x >= y ? 1 : 0
      case .eq: v = x == y ? 1 : 0
      case .ne: v = x != y ? 1 : 0
      case .and, .or: v = 0
      }
      return v.isFinite ? v : nil
    case .call(let name, let args):
      switch name {
      case "known": return evaluate(args[0], env) == nil ? 0 : 1
      case "default": return evaluate(args[0], env) ?? evaluate(args[1], env)
      case "abs": return evaluate(args[0], env).map { abs($0) }
      case "min", "max":
        let vs = args.map { evaluate($0, env) }
        guard vs.allSatisfy({ $0 != nil }) else { return nil }
        let known = vs.compactMap { $0 }
        return name == "min" ? known.min() : known.max()
      case "count", "maxOf", "minOf":
        guard case .ref(let r) = args[0] else { return nil }
        if let d = env.figures as? DictionaryFigures, name == "count" { return d.values["count(\(r.text))"] }
        guard let l = env.lookup(r) else { return nil }
        if name == "count" { return Double(l.values.count) }
        let known = l.values.compactMap { $0 }
        return name == "maxOf" ? known.max() : known.min()
      default: return nil
      }
    }
  }

  /// True when the condition is known and non-zero.
  public static func holds(_ e: RuleExpr, _ env: RuleEnvironment) -> Bool {
    guard let v = evaluate(e, env) else { return false }
    return v != 0
  }

  /// Every comparison of a condition with the values of its two sides, in order.
  public static func comparisons(_ e: RuleExpr, _ env: RuleEnvironment) -> [TriggerComparison] {
    var out: [TriggerComparison] = []
    func walk(_ x: RuleExpr) {
      switch x {
      case .binary(let op, let a, let b) where op.isComparison:
        let l = evaluate(a, env)
        let r = evaluate(b, env)
        // What `evaluate(x, env)` gives from the two sides: unknown (does not hold) when either is.
        let holds: Bool
        if let l, let r {
          switch op {
          case .lt: holds = l < r
          case .le: holds = l <= r
          case .gt: holds = l > r
          case .ge: holds = l >= r
          case .eq: holds = l == r
          case .ne: holds = l != r
          default: holds = evaluate(x, env).map { $0 != 0 } ?? false
          }
        } else {
          holds = false
        }
        out.append(TriggerComparison(left: a.text, leftValue: l, op: op.rawValue, right: b.text, rightValue: r, holds: holds))
      case .binary(_, let a, let b): walk(a); walk(b)
      case .not(let y), .negate(let y): walk(y)
      case .call(_, let args): args.forEach(walk)
      default: break
      }
    }
    walk(e)
    return out
  }

  /// Runs a rule's calculator: each input expression is evaluated in the input's unit, converted to SI and checked
  /// by the calculator. Returns its SI outputs, or why it could not run.
  public static func runCalculator(_ rc: RuleCalculator, _ env: RuleEnvironment) -> Result<[String: Double], RuleFailure> {
    guard let calc = CalculatorCatalog.calculator(rc.id) else {
      return .failure(RuleFailure(vi: "không có máy tính «\(rc.id)»", en: "no calculator «\(rc.id)»"))
    }
    var si: [String: Double] = [:]
    for (name, expr) in rc.inputs.sorted(by: { $0.key < $1.key }) {
      guard let spec = calc.input(name) else {
        return .failure(RuleFailure(vi: "«\(rc.id)» không có đầu vào «\(name)»", en: "«\(rc.id)» has no input «\(name)»"))
      }
      guard let v = evaluate(expr, env) else {
        return .failure(RuleFailure(vi: "«\(name)» = \(expr.text): thiếu số liệu", en: "«\(name)» = \(expr.text): figure missing"))
      }
      if spec.unit.isEmpty || spec.unit == "1" {
        si[name] = v
      } else {
        do { si[name] = try CalcUnits.toSI(v, spec.unit) } catch {
          return .failure(RuleFailure(vi: "«\(name)»: đơn vị «\(spec.unit)»", en: "«\(name)»: unit «\(spec.unit)»"))
        }
      }
    }
    do {
      return .success(try calc.compute(si).values)
    } catch let e as CalcError {
      return .failure(RuleFailure(e.message))
    } catch {
      return .failure(RuleFailure(vi: "\(error)", en: "\(error)"))
    }
  }

  /// Checks a rule against its own examples: the `fires` case must fire it with a positive saving and a known
  /// investment; the `quiet` case must not fire it. Returns the problems (empty when both hold).
  public static func checkExamples(_ rule: OpportunityRule) -> [LocalizedText] {
    var problems: [LocalizedText] = []
    let fires = RuleEnvironment(figures: DictionaryFigures(rule.examples.fires), params: rule.params)
    let quiet = RuleEnvironment(figures: DictionaryFigures(rule.examples.quiet), params: rule.params)
    if !holds(rule.when, fires) {
      problems.append(LocalizedText(vi: "ví dụ «fires» không kích hoạt quy tắc", en: "the «fires» example does not fire the rule"))
    }
    if holds(rule.when, quiet) {
      problems.append(LocalizedText(vi: "ví dụ «quiet» vẫn kích hoạt quy tắc", en: "the «quiet» example fires the rule"))
    }
    switch estimate(rule, fires) {
    case .failure(let m): problems.append(LocalizedText(vi: "ví dụ «fires»: \(m.vi)", en: "«fires» example: \(m.en)"))
    case .success: break
    }
    return problems
  }

  /// The numbers of a fired rule: calculator outputs, the amount and value of each saving, the investment range and
  /// added O&M. Fails when a number is missing or no saving is positive.
  public static func estimate(_ rule: OpportunityRule, _ base: RuleEnvironment) -> Result<RuleEstimate, RuleFailure> {
    var env = base
    if let rc = rule.calculator {
      switch runCalculator(rc, env) {
      case .success(let out): env.calc = out
      case .failure(let m): return .failure(RuleFailure(vi: "máy tính \(rc.id): \(m.vi)", en: "calculator \(rc.id): \(m.en)"))
      }
    }
    var amounts: [EstimatedSaving] = []
    for s in rule.savings {
      guard let v = evaluate(s.amount, env) else { continue }
      guard v > 0 else { continue }
      let money = s.value.flatMap { evaluate($0, env) }
      amounts.append(EstimatedSaving(saving: s, amount: v, value: money))
    }
    guard !amounts.isEmpty else {
      return .failure(RuleFailure(vi: "không tính được lượng tiết kiệm nào > 0", en: "no saving evaluates to more than 0"))
    }
    guard let lo = evaluate(rule.investmentLow, env), let hi = evaluate(rule.investmentHigh, env), lo >= 0, hi >= lo else {
      return .failure(RuleFailure(vi: "khoảng vốn đầu tư không tính được (cần 0 ≤ low ≤ high)",
        en: "investment range cannot be computed (needs 0 ≤ low ≤ high)"))
    }
    let om = rule.addedOM.flatMap { evaluate($0, env) }
    return .success(RuleEstimate(calc: env.calc, savings: amounts, investmentLow: lo, investmentHigh: hi, addedOM: om))
  }
}

/// One saving of a fired rule.
public struct EstimatedSaving: Hashable, Sendable {
  public var saving: RuleSaving
  /// In the saving's unit, per year.
  public var amount: Double
  /// VND per year, when the rule gives a value expression.
  public var value: Double?
}

/// The numbers of one fired rule.
public struct RuleEstimate: Hashable, Sendable {
  public var calc: [String: Double]
  /// Each saving with its amount (in the saving's unit) and its money value when the rule gives one.
  public var savings: [EstimatedSaving]
  public var investmentLow: Double
  public var investmentHigh: Double
  public var addedOM: Double?

  /// The investment used for the economics: the middle of the typical range.
  public var investment: Double { (investmentLow + investmentHigh) / 2 }
}
