import Foundation
import SXCore
import SXEngine
import SXUI
import SXWorksheets

/// What the full-screen app loads before its first frame: the worksheet catalog and the reference factors, from one
/// read and one parse of the worksheet folder in use (or the embedded copy). The knowledge-base rules come from the
/// same folder; rules identical to the embedded copy are parsed when first used (after the first frame).
struct AppStartup: Sendable {
  let resolved: ResolvedWorksheets
  let catalog: WorksheetCatalog
  let factors: EngineFactors

  var set: WorksheetSet { resolved.set }
  /// The rules were checked with the folder, so a folder with broken rules was already skipped (or refused).
  var rules: [OpportunityRule] { resolved.rules }

  static func load(environment: [String: String]) throws -> AppStartup {
    let resolved = try WorksheetLoader.resolve(cliDir: nil, environment: environment)
    // The rules are needed by the first results, computed after the first frame; the runner starts their parse
    // (on another thread) once that frame is painted.
    return AppStartup(resolved: resolved, catalog: WorksheetCatalog(resolved.set), factors: EngineFactors.from(resolved.set.reference))
  }
}
