import Foundation
import SXCore

/// The text side of `sxsh calc`, kept pure (strings in, strings out) so it is tested without a process:
/// reading `key=value` arguments or a JSON object into SI values, listing the catalogue, and printing a result
/// as JSON or as a readable table.
public enum CalcCLI {
  /// Inputs read from the command line or stdin: SI numbers (choices as indices) and SI lists.
  public struct Parsed: Sendable {
    public var numbers: [String: Double] = [:]
    public var lists: [String: [Double]] = [:]
  }

  static func readError(_ input: String, _ text: String, _ c: CalcInput) -> CalcError {
    let unit = c.unit.isEmpty ? "" : " (\(c.unit))"
    return CalcError(
      input: input, vi: "không đọc được «\(text)» cho «\(input)»: cần một số\(unit), có thể kèm đơn vị",
      en: "cannot read «\(text)» for «\(input)»: expected a number\(unit), optionally with a unit")
  }

  /// One value typed for `input`: a bare number is in the input's unit; `7barg`, `150 psig`, `1/8 in`, `8000h`,
  /// `3000 VND/kWh`, `80%` carry their own unit (converted through SXCore's unit system); choices by key or index.
  public static func value(_ text: String, for input: CalcInput, language: Language) throws -> Double {
    let t = text.trimmingCharacters(in: .whitespaces)
    if case .choice(let choices) = input.kind {
      if let i = choices.firstIndex(where: { $0.key.caseInsensitiveCompare(t) == .orderedSame }) { return Double(i) }
      if let i = Int(t), choices.indices.contains(i), !choices.contains(where: { $0.key == t }) { return Double(i) }
      throw CalcError(
        input: input.name, vi: "«\(input.name)» phải là một trong: \(choices.map(\.key).joined(separator: ", "))",
        en: "«\(input.name)» must be one of: \(choices.map(\.key).joined(separator: ", "))")
    }
    if let v = try? NumberParser.parse(t, language) { return try CalcUnits.toSI(v, input.unit) }
    // Number followed by a unit: the first split where the head is a number.
    let chars = Array(t)
    for i in 1..<max(chars.count, 1) {
      let c = chars[i]
      guard !(c.isASCII && c.isNumber), c != " ", c != ".", c != ",", c != "/", c != "-", c != "+" else { continue }
      let head = String(chars[..<i]), unit = String(chars[i...]).trimmingCharacters(in: .whitespaces)
      guard let v = try? NumberParser.parse(head, language) else { continue }
      guard CalcUnits.resolve(unit) != nil else { throw CalcError(input: input.name, vi: "«\(input.name)»: đơn vị không rõ «\(unit)»", en: "«\(input.name)»: unknown unit «\(unit)»") }
      do {
        return try CalcUnits.toSI(v, typed: unit, expected: input.unit)
      } catch let e as CalcError {
        throw CalcError(input: input.name, vi: "«\(input.name)»: \(e.message.vi)", en: "«\(input.name)»: \(e.message.en)")
      }
    }
    throw readError(input.name, text, input)
  }

  static func input(_ name: String, in calc: Calculator) throws -> CalcInput {
    guard let i = calc.input(name) else {
      throw CalcError(
        input: name,
        vi: "máy tính «\(calc.id)» không có đầu vào «\(name)»; có: \(calc.inputs.map(\.name).joined(separator: ", "))",
        en: "calculator «\(calc.id)» has no input «\(name)»; it has: \(calc.inputs.map(\.name).joined(separator: ", "))")
    }
    return i
  }

  /// Reads `key=value` arguments. Lists are written `a;b;c`.
  public static func parse(arguments: [String], for calc: Calculator, language: Language) throws -> Parsed {
    var p = Parsed()
    for arg in arguments {
      guard let eq = arg.firstIndex(of: "="), eq != arg.startIndex else {
        throw CalcError(input: nil, vi: "đối số «\(arg)» phải có dạng tên=giá_trị", en: "argument «\(arg)» must look like name=value")
      }
      let name = String(arg[..<eq]).trimmingCharacters(in: .whitespaces)
      let text = String(arg[arg.index(after: eq)...])
      let spec = try input(name, in: calc)
      guard p.numbers[name] == nil, p.lists[name] == nil else {
        throw CalcError(input: name, vi: "«\(name)» được cho hai lần", en: "«\(name)» is given twice")
      }
      if case .list = spec.kind {
        p.lists[name] = try text.split(separator: ";").map { try value(String($0), for: spec, language: language) }
      } else {
        p.numbers[name] = try value(text, for: spec, language: language)
      }
    }
    return p
  }

  /// Reads a JSON object `{"name": value, …}` (or `{"inputs": {…}}`); a value is a number in the input's unit,
  /// a string with a unit (`"7barg"`), `{"value": …, "unit": …}`, or an array for a list input.
  public static func parse(json data: Data, for calc: Calculator, language: Language) throws -> Parsed {
    let bad = CalcError(input: nil, vi: "dữ liệu vào không phải một đối tượng JSON", en: "the input is not a JSON object")
    guard let any = try? JSONSerialization.jsonObject(with: data), var object = any as? [String: Any] else { throw bad }
    if let inner = object["inputs"] as? [String: Any] { object = inner }
    var p = Parsed()
    for (name, raw) in object {
      let spec = try input(name, in: calc)
      func one(_ x: Any) throws -> Double {
        switch x {
        case let n as NSNumber:
          if case .choice = spec.kind { return try value(n.stringValue, for: spec, language: .en) }
          guard n.doubleValue.isFinite else { throw CalcError.notFinite(name) }
          return try CalcUnits.toSI(n.doubleValue, spec.unit)
        case let s as String: return try value(s, for: spec, language: language)
        case let d as [String: Any]:
          guard let v = d["value"] else { throw readError(name, "\(d)", spec) }
          if let u = d["unit"] as? String, !u.isEmpty, let n = v as? NSNumber {
            return try value("\(n.doubleValue) \(u)", for: spec, language: .en)
          }
          return try one(v)
        default: throw readError(name, "\(x)", spec)
        }
      }
      if case .list = spec.kind {
        guard let arr = raw as? [Any] else { throw readError(name, "\(raw)", spec) }
        p.lists[name] = try arr.map(one)
      } else {
        p.numbers[name] = try one(raw)
      }
    }
    return p
  }

  // MARK: Output

  static func display(_ si: Double, _ unit: String) -> Double { (try? CalcUnits.fromSI(si, unit)) ?? si }

  static func text(_ t: LocalizedText) -> [String: String] { ["vi": t.vi, "en": t.en] }

  static func json(_ object: Any) -> String {
    guard let d = try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]) else {
      return "{}"
    }
    return String(decoding: d, as: UTF8.self)
  }

  static func describe(_ c: Calculator) -> [String: Any] {
    let inputs: [[String: Any]] = c.inputs.map { i in
      var d: [String: Any] = ["name": i.name, "unit": i.unit, "help": text(i.help)]
      switch i.kind {
      case .number: d["kind"] = "number"
      case .list: d["kind"] = "list"
      case .choice(let cs):
        d["kind"] = "choice"
        d["choices"] = cs.map { ["key": $0.key, "vi": $0.label.vi, "en": $0.label.en] }
      }
      if let v = i.defaultValue {
        if case .choice(let cs) = i.kind, cs.indices.contains(Int(v)) { d["default"] = cs[Int(v)].key } else { d["default"] = v }
      }
      if let w = i.usedWhen, let source = c.input(w.input), source.choices.indices.contains(w.choice) {
        d["usedWhen"] = ["input": w.input, "choice": source.choices[w.choice].key]
      }
      if let b = i.min { d["min"] = ["value": display(b.value, i.unit), "inclusive": b.inclusive] }
      if let b = i.max { d["max"] = ["value": display(b.value, i.unit), "inclusive": b.inclusive] }
      return d
    }
    let outputs: [[String: Any]] = c.outputs.map { ["name": $0.name, "unit": $0.unit, "help": text($0.help)] }
    return ["id": c.id, "title": text(c.title), "help": text(c.help), "inputs": inputs, "outputs": outputs]
  }

  /// `sxsh calc --list --json`: every calculator with its inputs (unit, default, bounds in that unit, help)
  /// and outputs.
  public static func listJSON(_ calculators: [Calculator] = CalculatorCatalog.all) -> String {
    json(["calculators": calculators.map(describe)])
  }

  /// `sxsh calc --list`: one line per calculator; with a single calculator, its help, inputs and outputs.
  public static func listText(_ calculators: [Calculator] = CalculatorCatalog.all, language: Language) -> String {
    if calculators.count == 1, let c = calculators.first {
      var lines = ["\(c.id) — \(c.title.text(language))", "", c.help.text(language), ""]
      lines.append(language == .vi ? "Đầu vào:" : "Inputs:")
      for i in c.inputs {
        var extra: [String] = []
        if let d = i.defaultValue {
          if case .choice(let cs) = i.kind, cs.indices.contains(Int(d)) {
            extra.append((language == .vi ? "mặc định " : "default ") + cs[Int(d)].key)
          } else {
            extra.append((language == .vi ? "mặc định " : "default ") + NumberFormat.auto(d, language))
          }
        }
        if let b = i.min { extra.append((b.inclusive ? "≥ " : "> ") + NumberFormat.auto(display(b.value, i.unit), language)) }
        if let b = i.max { extra.append((b.inclusive ? "≤ " : "< ") + NumberFormat.auto(display(b.value, i.unit), language)) }
        let unit = i.unit.isEmpty ? "" : " [\(i.unit)]"
        lines.append("  \(i.name)\(unit): \(i.help.text(language))" + (extra.isEmpty ? "" : " (\(extra.joined(separator: "; ")))"))
      }
      lines.append(language == .vi ? "Kết quả:" : "Outputs:")
      for o in c.outputs { lines.append("  \(o.name) [\(o.unit)]: \(o.help.text(language))") }
      return lines.joined(separator: "\n")
    }
    let width = calculators.map(\.id.count).max() ?? 0
    return calculators.map { $0.id.padding(toLength: width + 2, withPad: " ", startingAt: 0) + $0.title.text(language) }
      .joined(separator: "\n")
  }

  /// The inputs actually used (given or defaulted), in display units.
  static func usedInputs(_ c: Calculator, _ p: Parsed, _ r: CalcResult) -> [(CalcInput, Any)] {
    c.inputs.compactMap { i in
      if r.unused.contains(i.name) { return nil }
      if let w = i.usedWhen {
        let chosen = p.numbers[w.input] ?? c.input(w.input)?.defaultValue
        if chosen.map(Int.init) != w.choice { return nil }
      }
      switch i.kind {
      case .list:
        guard let l = p.lists[i.name], !l.isEmpty else { return nil }
        return (i, l.map { display($0, i.unit) })
      case .choice(let cs):
        guard let v = p.numbers[i.name] ?? i.defaultValue, cs.indices.contains(Int(v)) else { return nil }
        return (i, cs[Int(v)].key)
      case .number:
        guard let v = p.numbers[i.name] ?? i.defaultSI else { return nil }
        return (i, display(v, i.unit))
      }
    }
  }

  /// `{"calculator", "inputs": {name: {value, unit}}, "outputs": {name: {value, unit}}, "notes": [...]}`.
  public static func resultJSON(_ c: Calculator, _ p: Parsed, _ r: CalcResult) -> String {
    var inputs: [String: Any] = [:]
    for (i, v) in usedInputs(c, p, r) { inputs[i.name] = ["value": v, "unit": i.unit] }
    var outputs: [String: Any] = [:]
    for o in c.outputs { if let v = r.values[o.name] { outputs[o.name] = ["value": display(v, o.unit), "unit": o.unit] } }
    return json(["calculator": c.id, "inputs": inputs, "outputs": outputs, "notes": r.notes.map(text)])
  }

  /// A readable table of inputs and outputs.
  public static func resultTable(_ c: Calculator, _ p: Parsed, _ r: CalcResult, language: Language) -> String {
    var rows: [(String, String, String)] = []
    for (i, v) in usedInputs(c, p, r) {
      let shown: String
      switch v {
      case let d as Double: shown = NumberFormat.auto(d, language)
      case let l as [Double]: shown = l.map { NumberFormat.auto($0, language) }.joined(separator: "; ")
      default: shown = "\(v)"
      }
      rows.append((i.name, shown, i.unit))
    }
    let width = (rows.map(\.0.count) + c.outputs.map(\.name.count)).max() ?? 0
    func line(_ r: (String, String, String)) -> String {
      "  " + r.0.padding(toLength: width + 2, withPad: " ", startingAt: 0) + r.1 + (r.2.isEmpty || r.2 == "1" ? "" : " " + r.2)
    }
    var lines = ["\(c.id) — \(c.title.text(language))", language == .vi ? "Đầu vào:" : "Inputs:"]
    lines += rows.map(line)
    lines.append(language == .vi ? "Kết quả:" : "Outputs:")
    for o in c.outputs {
      let v = r.values[o.name].map { NumberFormat.auto(display($0, o.unit), language) } ?? "—"
      lines.append(line((o.name, v, o.unit)))
    }
    for n in r.notes { lines.append("* " + n.text(language)) }
    return lines.joined(separator: "\n")
  }
}
