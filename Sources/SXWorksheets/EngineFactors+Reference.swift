import Foundation
import SXCore
import SXEngine

extension EngineFactors {
  /// The engine's factors from the reference tables of a `Worksheets/` folder, so a consultant's offline update of
  /// `Worksheets/reference/*.yaml` changes the results. Values the tables do not cover come from `fallback`.
  public static func from(_ r: ReferenceTables, fallback: EngineFactors = .builtinDefaults) -> EngineFactors {
    var toe: [String: [SXEngine.TOEFactor]] = [:]
    for row in r.toeFactors {
      guard row.perAmount > 0, let basis = basis(row.perUnit) else { continue }
      // The engine's bases are per kWh, per t, per 1000 L and per 1000 m³.
      let perBasis: Double
      switch basis {
      case .perKWh: perBasis = row.value / row.perAmount * (row.perUnit == "MWh" ? 1.0 / 1000 : 1)
      case .perTonne: perBasis = row.value / row.perAmount * (row.perUnit == "kg" ? 1000 : 1)
      case .per1000L: perBasis = row.value / row.perAmount * (row.perUnit == "m³" ? 1 : 1000)
      case .per1000m3: perBasis = row.value / row.perAmount * 1000
      }
      toe[row.fuel, default: []].append(
        SXEngine.TOEFactor(basis: basis, value: perBasis, source: cite(row.citation), year: row.citation.year))
    }
    let grid = r.gridFactors.map {
      SXEngine.GridFactor(
        year: $0.year, tCO2PerMWh: $0.value, source: [$0.document, cite($0.citation)].compactMap { $0 }.joined(separator: "; "))
    }
    var fuels = fallback.fuels
    for f in r.fuels {
      fuels[f.code] = FuelProperties(
        code: f.code, name: f.name, ncvGJPerTonne: f.ncv, ncvGJPerM3: f.ncv.flatMap { n in f.density.map { n * $0 / 1000 } },
        densityKgPerM3: f.density, co2KgPerTJ: f.co2, ch4KgPerTJ: f.ch4, n2oKgPerTJ: f.n2o, biogenic: f.biogenic,
        source: cite(f.citation), densitySource: f.density == nil ? "" : cite(f.citation), year: f.citation.year)
    }
    var benchmarks = fallback.benchmarks
    for key in Set(r.benchmarks.map(\.key)) {
      let rows = r.benchmarks.filter { $0.key == key }
      let typical = rows.first { $0.level == .typical }
      let good = rows.first { $0.level == .goodPractice }
      guard typical != nil || good != nil else { continue }
      let unit = (typical ?? good)?.unit ?? ""
      benchmarks[key] = SXEngine.Benchmark(
        key: key, unit: unit, typicalLow: typical?.low, typicalHigh: typical?.high, goodPractice: good?.high,
        // One citation once: the typical range and the good practice often come from the same document.
        source: [typical, good].compactMap { $0 }.map { cite($0.citation) }.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
          .joined(separator: "; "),
        indicative: [typical, good].compactMap { $0 }.contains { $0.indicative }, year: (typical ?? good)?.citation.year)
    }
    let policy = r.policyTargets.filter { $0.kind == .reduction && $0.unit == "%" }.map {
      SXEngine.PolicyTarget(
        id: $0.id, name: $0.title, lowPercent: $0.low, highPercent: $0.high, byYear: $0.toYear ?? $0.citation.year,
        source: $0.document + "; " + cite($0.citation))
    }
    var out = fallback
    out.toe = toe.isEmpty ? fallback.toe : toe
    out.gridFactors = grid.isEmpty ? fallback.gridFactors : grid
    out.fuels = fuels
    out.benchmarks = benchmarks
    out.policyTargets = policy.isEmpty ? fallback.policyTargets : policy
    if let kue = r.policyTargets.first(where: { $0.kind == .threshold && $0.unit.contains("TOE") }) {
      out.keyEnergyUserTOE = kue.low
      out.keyEnergyUserSource = kue.document + "; " + cite(kue.citation)
    }
    return out
  }

  static func basis(_ unit: String) -> TOEBasis? {
    switch unit {
    case "kWh", "MWh": .perKWh
    case "t", "kg": .perTonne
    case "L": .per1000L
    case "m³", "Nm³": .per1000m3
    default: nil
    }
  }

  static func cite(_ c: Citation) -> String {
    var s = c.source
    if let u = c.url { s += " (\(u))" }
    if c.status != .official { s += " [\(c.status.rawValue)]" }
    return s
  }
}
