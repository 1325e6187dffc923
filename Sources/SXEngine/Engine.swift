import Foundation
import SXCore

/// The calculation engine: one pure pass over an assessment. No I/O; factors come in as a value.
///
/// Order: energy flows are converted once, then balance → energy → CO2 → water → waste cost (MFCA) →
/// economics → indicators → policy → data quality. Every lookup goes through dictionaries built once
/// (`Context`), so the work is linear in the number of rows.
public enum Engine {
  public static func compute(_ assessment: Assessment, factors: EngineFactors = .builtinDefaults) -> Results {
    compute(Context(assessment, factors)).results
  }

  /// The results of an indexed assessment, with its water outcome (reused by the opportunity layer).
  static func compute(_ c: Context) -> (results: Results, water: WaterOutcome) {
    let assessment = c.a
    var ledger = Ledger()
    let flowEnergy = EnergyArea.flowAmounts(c)
    let balance = BalanceArea.compute(c, flowEnergy: flowEnergy, ledger: &ledger)
    let energy = EnergyArea.compute(c, flowEnergy: flowEnergy, ledger: &ledger)
    let co2 = CO2Area.compute(c, energy: energy, ledger: &ledger)
    let water = WaterArea.compute(c, ledger: &ledger)
    let waste = WasteCostArea.compute(
      c, stepMassIn: balance.stepMassIn, utilitySteps: balance.utilitySteps, energy: energy, ledger: &ledger)
    let (economics, planned) = OpportunityArea.compute(c, water: water, ledger: &ledger)
    let production = IndicatorArea.production(c, ledger: &ledger)
    let indicators = IndicatorArea.compute(c, production: production, energy: energy, water: water, ledger: &ledger)
    let policy = PolicyArea.compute(c, production: production, energy: energy, water: water, planned: planned, ledger: &ledger)
    let quality = QualityArea.compute(c, energy: energy, ledger: &ledger)

    var issues: [ResultIssue] = c.globalReasons.isEmpty ? [] : [ResultIssue(path: "$", reasons: c.globalReasons)]
    // The last registration of a path counts (a duplicate row id registers its paths twice). Without any incomplete
    // figure there is nothing to list (the paths need not be hashed).
    // The entries are read by index, in place (a loop over the elements copied each entry, retaining its closures).
    let entries = ledger.entries
    if entries.indices.contains(where: { entries[$0].figure.status == .incomplete }) {
      var seen = Set<String>(minimumCapacity: entries.count)
      for k in entries.indices.reversed() where seen.insert(entries[k].figure.path).inserted && entries[k].figure.status == .incomplete {
        issues.append(ResultIssue(path: entries[k].figure.path, reasons: entries[k].figure.reasons))
      }
    }
    issues.sort { $0.path < $1.path }
    var r = Results(
      assessmentId: assessment.id, complete: issues.isEmpty, balance: balance.results, energy: energy.results, co2: co2,
      water: water.results, wasteCost: waste, indicators: indicators, policy: policy, economics: economics,
      dataQuality: quality, issues: issues)
    r.book = ExplainBook(entries: ledger.entries, names: ledger.names)
    return (r, water)
  }
}

extension Results {
  /// The explanation of one figure.
  ///
  /// Path syntax: `area.field`, `area.collection[key].field`, nested as needed, e.g. `energy.total.toe`,
  /// `balance.steps[dyeing].closurePercent`, `indicators.items[water_per_product].steps[dyeing]`. A `[key]` is the
  /// row id, or its name (case-insensitive, Unicode-normalised); `[…]` naming an indicator may omit `.value`.
  public func explain(path: String) -> Explanation? {
    let p = TextRules.trimmingSpaces(path)
    if let e = book.entry(p) { return e.explanation }
    let canonical = canonicalPath(p)
    if let e = book.entry(canonical) { return e.explanation }
    return book.entry(canonical + ".value")?.explanation
  }

  /// The factors of one figure's explanation (what `explain(path:)?.factors` gives), without building its label,
  /// formula and inputs.
  public func explainFactors(path: String) -> [ExplainFactor]? {
    let p = TextRules.trimmingSpaces(path)
    if let e = book.entry(p) { return e.recipe.factors() }
    let canonical = canonicalPath(p)
    if let e = book.entry(canonical) { return e.recipe.factors() }
    return book.entry(canonical + ".value")?.recipe.factors()
  }

  func canonicalPath(_ p: String) -> String {
    var out = ""
    var name = ""
    var i = p.startIndex
    while i < p.endIndex {
      let ch = p[i]
      if ch == "[" {
        guard let close = p[i...].firstIndex(of: "]") else { return p }
        let sel = String(p[p.index(after: i)..<close])
        let collection = out + name
        let rows = names[collection] ?? []
        let key = TextRules.nfc(sel.trimmingCharacters(in: .whitespaces)).lowercased()
        let id =
          rows.first { $0.id == sel }?.id ?? rows.first { $0.id.lowercased() == key }?.id
          ?? rows.first { TextRules.nfc($0.name.trimmingCharacters(in: .whitespaces)).lowercased() == key }?.id ?? sel
        out += name + "[" + id + "]"
        name = ""
        i = p.index(after: close)
        continue
      }
      name.append(ch)
      i = p.index(after: i)
    }
    return out + name
  }
}
