import Foundation

/// One measured figure, its budget and (when there is one) the anchor measured in the same run.
struct Figure: Codable {
  var name: String
  var value: Double
  var unit: String
  /// The figure passes when `value <= budget`; nil = informational.
  var budget: Double?
  var note: String
  var pass: Bool
  /// A missed budget listed as a known gap (`--known-gaps`): shown as a failure, but it does not fail the run.
  var knownGap: Bool = false

  init(_ name: String, _ value: Double, _ unit: String, budget: Double?, note: String = "") {
    self.name = name
    self.value = value
    self.unit = unit
    self.budget = budget
    self.note = note
    self.pass = budget.map { value.isFinite && value <= $0 } ?? true
  }
}

struct Report: Codable {
  var date: String
  var machine: String
  var size: String
  var figures: [Figure] = []

  var failed: [Figure] { figures.filter { !$0.pass } }
  /// The missed budgets that fail the run (those not marked as known gaps).
  var blocking: [Figure] { failed.filter { !$0.knownGap } }

  /// Marks each missed budget whose name contains one of `gaps` as a known gap.
  mutating func markKnownGaps(_ gaps: [String]) {
    for i in figures.indices where !figures[i].pass {
      figures[i].knownGap = gaps.contains { !$0.isEmpty && figures[i].name.contains($0) }
    }
  }

  static func fmt(_ x: Double) -> String {
    if !x.isFinite { return "n/a" }
    if abs(x) >= 100 { return String(format: "%.0f", x) }
    if abs(x) >= 10 { return String(format: "%.1f", x) }
    return String(format: "%.3f", x)
  }

  /// A Markdown table (pasted into the README).
  var table: String {
    var lines = [
      "Date: \(date) · Machine: \(machine) · Size: \(size)", "",
      "| measure | value | budget | result | note |", "|---|---|---|---|---|",
    ]
    for f in figures {
      let budget = f.budget.map { "≤ \(Self.fmt($0)) \(f.unit)" } ?? "—"
      let result = f.budget == nil ? "info" : (f.pass ? "pass" : (f.knownGap ? "**FAIL** (known gap)" : "**FAIL**"))
      lines.append("| \(f.name) | \(Self.fmt(f.value)) \(f.unit) | \(budget) | \(result) | \(f.note) |")
    }
    return lines.joined(separator: "\n")
  }

  func json() throws -> Data {
    let e = JSONEncoder()
    e.outputFormatting = [.prettyPrinted, .sortedKeys]
    return try e.encode(self)
  }
}
