import ArgumentParser
import Foundation
import SXCore
import SXEngine
import SXStore
import SXWorksheets

/// Loads the worksheet set in use and the engine factors from its reference tables.
enum Reference {
  static func factors(worksheets dir: String?) throws -> EngineFactors {
    let resolved = try WorksheetLoader.resolve(cliDir: dir)
    return EngineFactors.from(resolved.set.reference)
  }
}

struct ResultsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "results",
    abstract: "Kết quả tính toán của một đánh giá. Computed results of an assessment.",
    discussion: """
      --json prints every figure with its unit (layout: Worksheets/schema/assessment.schema.json, "results").
      --explain PATH prints the inputs, formula, factors and sources of one figure, e.g. energy.total.toe,
      balance.steps[dyeing].closurePercent (see --list-paths).
      """)
  @OptionGroup var global: GlobalOptions
  @Argument(help: "Assessment id or unique prefix.") var id: String
  @Flag(help: "JSON output.") var json = false
  @Option(help: "Explain one figure (a results path).") var explain: String?
  @Flag(help: "List the paths that can be explained.") var listPaths = false
  @Option(help: "Worksheets folder (default: the lookup order in the README).") var worksheets: String?

  func run() throws {
    try guarded(global.language) {
      let db = try global.open()
      let a = try db.load(try db.resolveId(id))
      let results = Engine.compute(
        a, factors: try Reference.factors(worksheets: worksheets), rules: try RulesLoader.resolve(cliDir: worksheets))
      let l = global.language
      if listPaths {
        for p in results.figurePaths { print(p) }
        return
      }
      if let path = explain {
        guard let e = results.explain(path: path) else {
          throw CLIError(vi: "không có số liệu «\(path)»; xem --list-paths", en: "no figure «\(path)»; see --list-paths")
        }
        if json {
          print(String(decoding: try JSONCoding.encoder(pretty: true).encode(e), as: UTF8.self))
        } else {
          print(e.text(l))
        }
        return
      }
      if json {
        print(String(decoding: try JSONCoding.encoder(pretty: true).encode(results), as: UTF8.self))
      } else {
        print(results.summary(l))
      }
    }
  }
}
