import Foundation
import SXCalc
import SXCore
import SXEngine

/// Reads the knowledge base of opportunity rules (`Worksheets/rules/*.yaml`) into `OpportunityRule`s, reporting every
/// problem as `file:line` (unknown keys, bad expressions, unknown figures, examples that do not hold).
///
/// A rules file is a mapping with `area:` (default area of its rules) and `rules:` (a list). See
/// `Worksheets/rules/README.md` for the fields and the figure names.
public enum RulesLoader {
  /// The folder of the rules inside `Worksheets/`.
  public static let folder = "rules"

  static let ruleKeys = [
    "id", "area", "technique", "tags", "title", "rationale", "when", "show", "params", "calculator", "savings", "investment",
    "addedOM", "lifetime", "effort", "step", "stream", "source", "examples",
  ]

  /// Parses every `rules/*.yaml` of a folder given as relative path → text.
  public static func parse(files: [String: String]) -> (rules: [OpportunityRule], problems: [WorksheetProblem]) {
    var rules: [OpportunityRule] = []
    var problems: [WorksheetProblem] = []
    var seen: [String: String] = [:]
    for file in files.keys.filter({ $0.hasPrefix(folder + "/") && $0.hasSuffix(".yaml") }).sorted() {
      guard let text = files[file] else { continue }
      var d = Diagnostics(file: file)
      if let root = YAMLTree.parse(text, &d), let m = MapReader(root, context: "rules", &d) {
        m.checkKeys(["area", "rules"], &d)
        let area = areaValue(m, &d)
        for node in m.items("rules", required: true, &d) {
          guard var rule = parseRule(node, file: file, defaultArea: area, &d) else { continue }
          if let first = seen[rule.id] {
            d.add(node, vi: "mã quy tắc «\(rule.id)» đã dùng ở \(first)", en: "rule id «\(rule.id)» is already used at \(first)")
            continue
          }
          seen[rule.id] = "\(file):\(node.line)"
          rule.origin = "\(file):\(node.line)"
          rules.append(rule)
        }
      }
      problems += d.problems
    }
    return (rules, problems)
  }

  /// Loads the rules of a folder; throws every problem.
  public static func load(directory: String) throws -> [OpportunityRule] {
    let (files, problems) = WorksheetLoader.readDirectory(directory)
    guard let files else { throw WorksheetLoadError(source: directory, problems: problems) }
    return try load(files: files, source: directory)
  }

  /// Loads the rules of an in-memory folder; throws every problem.
  public static func load(files: [String: String], source: String = "(memory)") throws -> [OpportunityRule] {
    let (rules, problems) = parse(files: files)
    guard problems.isEmpty else { throw WorksheetLoadError(source: source, problems: WorksheetLoader.sorted(problems)) }
    return rules
  }

  /// The rules of the worksheet set in use (same lookup order as `WorksheetLoader.resolve`); when the worksheets are
  /// already resolved, use `ResolvedWorksheets.rules` (the folder is read and parsed once for both).
  public static func resolve(cliDir: String?) throws -> [OpportunityRule] {
    try WorksheetLoader.resolve(cliDir: cliDir).rules
  }

  // MARK: One rule

  static func areaValue(_ m: MapReader, _ d: inout Diagnostics) -> RuleArea? {
    guard let s = m.string("area", &d) else { return nil }
    guard let a = RuleArea(rawValue: s) else {
      d.add(m.value("area"), vi: "lĩnh vực không rõ «\(s)» (dùng: \(RuleArea.allCases.map(\.rawValue).joined(separator: ", ")))",
        en: "unknown area «\(s)» (use: \(RuleArea.allCases.map(\.rawValue).joined(separator: ", ")))")
      return nil
    }
    return a
  }

  static func technique(_ s: String, _ node: YNode?, _ d: inout Diagnostics) -> CPTechnique? {
    guard let t = CPTechnique(rawValue: s) else {
      d.add(node, vi: "kỹ thuật SXSH không rõ «\(s)» (dùng: \(CPTechnique.allCases.map(\.rawValue).joined(separator: ", ")))",
        en: "unknown CP technique «\(s)» (use: \(CPTechnique.allCases.map(\.rawValue).joined(separator: ", ")))")
      return nil
    }
    return t
  }

  /// Parses an expression field; problems point at its line and column.
  static func expr(
    _ text: String?, _ node: YNode?, field: String, _ d: inout Diagnostics, check: ((FigureRef) -> LocalizedText?)? = nil
  ) -> RuleExpr? {
    guard let text, let node else { return nil }
    do {
      let e = try RuleParser.parse(text)
      var bad = false
      for r in e.refs {
        if let msg = check?(r) {
          d.add(node, vi: "«\(field)»: \(msg.vi)", en: "«\(field)»: \(msg.en)")
          bad = true
        }
      }
      return bad ? nil : e
    } catch let e as RuleSyntaxError {
      d.add(line: node.line, column: node.column + e.offset, vi: "«\(field)»: \(e.message.vi)", en: "«\(field)»: \(e.message.en)")
    } catch {
      d.add(node, vi: "«\(field)»: \(error)", en: "«\(field)»: \(error)")
    }
    return nil
  }

  static func exprField(
    _ m: MapReader, _ key: String, required: Bool, _ d: inout Diagnostics, check: ((FigureRef) -> LocalizedText?)? = nil
  ) -> RuleExpr? {
    expr(m.string(key, required: required, &d), m.value(key), field: key, &d, check: check)
  }

  static func numbers(_ node: YNode?, context: String, _ d: inout Diagnostics) -> [String: Double] {
    guard let node else { return [:] }
    guard let m = MapReader(node, context: context, &d) else { return [:] }
    var out: [String: Double] = [:]
    for p in m.pairs {
      if let v = m.double(p.key, &d) { out[p.key] = v }
    }
    return out
  }

  static func parseRule(_ node: YNode, file: String, defaultArea: RuleArea?, _ d: inout Diagnostics) -> OpportunityRule? {
    guard let m0 = MapReader(node, context: "rule", &d) else { return nil }
    let id = m0.string("id", required: true, &d)
    let m = m0.renamed("rule «\(id ?? "?")»")
    m.checkKeys(ruleKeys, &d)
    if let id, id.range(of: "^[a-z0-9][a-z0-9-]*$", options: .regularExpression) == nil {
      d.add(m.value("id"), vi: "mã quy tắc chỉ gồm a–z, 0–9 và «-»", en: "rule ids use a–z, 0–9 and «-» only")
    }
    let area = areaValue(m, &d) ?? defaultArea
    if area == nil, !m.has("area") { m.missing("area", &d) }
    let tech = m.string("technique", required: true, &d).flatMap { technique($0, m.value("technique"), &d) }
    var tags: [CPTechnique] = []
    for (s, n) in m.strings("tags", &d) ?? [] { if let t = technique(s, n, &d) { tags.append(t) } }
    let title = m.localized("title", &d)
    let rationale = m.localized("rationale", &d)
    var show: [FigureRef] = []
    for (s, n) in m.strings("show", &d) ?? [] {
      do {
        let r = try FigureRef.parse(s)
        if let msg = FigureBook.check(r, params: [], calcOutputs: nil) { d.add(n, vi: "«show»: \(msg.vi)", en: "«show»: \(msg.en)") } else { show.append(r) }
      } catch { d.add(n, vi: "«show»: «\(s)» không phải tên số liệu", en: "«show»: «\(s)» is not a figure name") }
    }
    let params = numbers(m.value("params"), context: "params", &d)
    // Calculator.
    var calc: RuleCalculator?
    var calcOutputs: Set<String>?
    if let cn = m.value("calculator"), let cm = MapReader(cn, context: "calculator", &d) {
      cm.checkKeys(["id", "inputs"], &d)
      if let cid = cm.string("id", required: true, &d) {
        if let spec = CalculatorCatalog.calculator(cid) {
          calcOutputs = Set(spec.outputs.map(\.name))
          var inputs: [String: RuleExpr] = [:]
          if let inNode = cm.value("inputs"), let im = MapReader(inNode, context: "calculator inputs", &d) {
            for p in im.pairs {
              if spec.input(p.key) == nil {
                d.add(p.keyNode, vi: "«\(cid)» không có đầu vào «\(p.key)» (có: \(spec.inputs.map(\.name).joined(separator: ", ")))",
                  en: "«\(cid)» has no input «\(p.key)» (has: \(spec.inputs.map(\.name).joined(separator: ", ")))")
              } else if let e = expr(p.value.scalar, p.value, field: p.key, &d, check: { FigureBook.check($0, params: Set(params.keys), calcOutputs: nil) }) {
                inputs[p.key] = e
              }
            }
          }
          calc = RuleCalculator(id: cid, inputs: inputs)
        } else {
          d.add(cm.value("id"), vi: "không có máy tính «\(cid)» (xem sxsh calc --list)", en: "no calculator «\(cid)» (see sxsh calc --list)")
        }
      }
    }
    let known = Set(params.keys)
    let outs = calcOutputs
    let check: (FigureRef) -> LocalizedText? = { FigureBook.check($0, params: known, calcOutputs: outs) }
    let when = exprField(m, "when", required: true, &d, check: check)
    // Savings.
    var savings: [RuleSaving] = []
    let sItems = m.items("savings", required: true, &d)
    if m.has("savings"), sItems.isEmpty { d.add(m.value("savings"), vi: "cần ít nhất một khoản tiết kiệm", en: "at least one saving is needed") }
    for sn in sItems {
      guard let sm = MapReader(sn, context: "saving", &d) else { continue }
      sm.checkKeys(["resource", "amount", "unit", "carrier", "material", "value"], &d)
      let res = sm.string("resource", required: true, &d).flatMap { s -> SavedResource? in
        if let r = SavedResource(rawValue: s) { return r }
        d.add(sm.value("resource"), vi: "tài nguyên không rõ «\(s)» (dùng: \(SavedResource.allCases.map(\.rawValue).joined(separator: ", ")))",
          en: "unknown resource «\(s)» (use: \(SavedResource.allCases.map(\.rawValue).joined(separator: ", ")))")
        return nil
      }
      let amount = exprField(sm, "amount", required: true, &d, check: check)
      let unit = sm.string("unit", required: true, &d)
      if let u = unit, UnitSystem.standard.unit(u) == nil {
        d.add(sm.value("unit"), vi: "đơn vị không rõ «\(u)»", en: "unknown unit «\(u)»")
      }
      let carrier = sm.string("carrier", &d)
      let material = sm.string("material", &d)
      typealias Seg = FigureRef.Segment
      if let sel = carrier {
        let ref = FigureRef(segments: [Seg(name: "energy", selector: nil), Seg(name: "carrier", selector: sel), Seg(name: "gj", selector: nil)])
        if let msg = FigureBook.check(ref, params: [], calcOutputs: nil) { d.add(sm.value("carrier"), vi: msg.vi, en: msg.en) }
      }
      if let sel = material {
        let ref = FigureRef(segments: [Seg(name: "material", selector: sel), Seg(name: "kg", selector: nil)])
        if let msg = FigureBook.check(ref, params: [], calcOutputs: nil) { d.add(sm.value("material"), vi: msg.vi, en: msg.en) }
      }
      let value = exprField(sm, "value", required: false, &d, check: check)
      if let res, let amount, let unit { savings.append(RuleSaving(resource: res, amount: amount, unit: unit, carrier: carrier, material: material, value: value)) }
    }
    // Investment, O&M, lifetime, effort.
    var low: RuleExpr?
    var high: RuleExpr?
    if let inv = m.value("investment"), let im = MapReader(inv, context: "investment", &d) {
      im.checkKeys(["low", "high"], &d)
      low = exprField(im, "low", required: true, &d, check: check)
      high = exprField(im, "high", required: true, &d, check: check)
    } else if !m.has("investment") {
      m.missing("investment", &d)
    }
    let om = exprField(m, "addedOM", required: false, &d, check: check)
    let life = m.double("lifetime", required: true, &d)
    if let l = life, l < 1 || l > 50 { d.add(m.value("lifetime"), vi: "tuổi thọ phải trong 1–50 năm", en: "lifetime must be within 1–50 years") }
    let effort = m.int("effort", required: true, &d)
    if let e = effort, !(1...10).contains(e) { d.add(m.value("effort"), vi: "mức công sức phải trong 1–10", en: "effort must be within 1–10") }
    let source = m.string("source", required: true, &d)
    // Examples.
    var fires: [String: Double] = [:]
    var quiet: [String: Double] = [:]
    if let ex = m.value("examples"), let em = MapReader(ex, context: "examples", &d) {
      em.checkKeys(["fires", "quiet"], &d)
      if !em.has("fires") { em.missing("fires", &d) }
      if !em.has("quiet") { em.missing("quiet", &d) }
      fires = numbers(em.value("fires"), context: "examples fires", &d)
      quiet = numbers(em.value("quiet"), context: "examples quiet", &d)
    } else {
      m.missing("examples", &d)
    }
    let stepSel = m.string("step", &d)
    let streamSel = m.string("stream", &d)
    guard let id, let area, let tech, let title, let rationale, let when, let low, let high, let life, let effort, let source,
      !savings.isEmpty, savings.count == sItems.count
    else { return nil }
    let rule = OpportunityRule(
      id: id, area: area, technique: tech, tags: tags, title: title, rationale: rationale, when: when, show: show, params: params,
      calculator: calc, savings: savings, investmentLow: low, investmentHigh: high, addedOM: om, lifetimeYears: life, effort: effort,
      step: stepSel, stream: streamSel, source: source, examples: RuleExamples(fires: fires, quiet: quiet), origin: file)
    for msg in RuleEvaluator.checkExamples(rule) {
      d.add(m.value("examples") ?? node, vi: "quy tắc «\(id)»: \(msg.vi)", en: "rule «\(id)»: \(msg.en)")
    }
    return rule
  }
}
