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

extension AppStartup {
  /// Starts `driver` on `assessmentId` and presents the first frame as early as it can be right.
  ///
  /// A worksheet shows no computed results, only the validation issues. So when the app opens on a worksheet, the
  /// first frame is computed without the knowledge-base rules (the proposals are most of the computation), presented,
  /// and the assessment is then opened again with the full computation and presented again, all before the first key is
  /// read (keys typed meanwhile wait in the terminal). On any other view the full results come before the first frame.
  /// Opening twice is the cost of doing this through the current `AppDriver` API; a driver that can start without
  /// computing and compute on request would make the second open unnecessary.
  @MainActor
  func start(_ driver: AppDriver, assessmentId: String?, present: (ScreenBuffer) -> Void) {
    let (factors, rules) = (self.factors, self.rules)
    let full: (Assessment) -> Results = { Engine.compute($0, factors: factors, rules: rules) }
    guard let assessmentId, !rules.isEmpty else {
      driver.compute = full
      driver.start(assessmentId: assessmentId)
      present(driver.render())
      return
    }
    driver.compute = { Engine.compute($0, factors: factors, rules: []) }
    driver.start(assessmentId: assessmentId)
    let onSheet = driver.state.route == .assessment && driver.state.doc?.view == .sheet
    if onSheet { present(driver.render()) }
    driver.compute = full
    driver.start(assessmentId: assessmentId)
    present(driver.render())
  }
}
