import Foundation
import SXCore
import SXEngine
import SXUI
import SXWorksheets

/// What the full-screen app loads before its first frame: the worksheet catalog, the reference factors and the
/// knowledge-base rules, all from one read and one parse of the worksheet folder in use (or the embedded copy).
struct AppStartup {
  let set: WorksheetSet
  let catalog: WorksheetCatalog
  let factors: EngineFactors
  let rules: [OpportunityRule]

  static func load() throws -> AppStartup {
    let resolved = try WorksheetLoader.resolve(cliDir: nil)
    // The rules were checked with the folder, so a folder with broken rules was already skipped (or refused).
    return AppStartup(set: resolved.set, catalog: WorksheetCatalog(resolved.set), factors: EngineFactors.from(resolved.set.reference), rules: resolved.rules)
  }
}
