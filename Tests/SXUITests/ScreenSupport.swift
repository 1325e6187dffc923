import Foundation
import SXCore
import SXStore
import SXUI
import SXWorksheets

/// `AppDatabase` (in memory) seen as SXUI's repository, with a fixed clock and counting ids, so snapshots are stable.
final class MemoryRepository: AssessmentRepository {
  let db: AppDatabase
  var counter = 0
  var failCommits = false
  /// What a failing commit throws.
  var commitFailure: any Error = Refused()
  /// Whole loads fail while headers still load (rows that cannot be read).
  var failRowLoads = false
  init() throws { db = try AppDatabase() }

  struct Refused: LocalizedFailure { var message = LocalizedText(vi: "đĩa đầy", en: "disk full") }

  func list() throws -> [AssessmentListItem] {
    try db.listAssessments().map {
      AssessmentListItem(
        id: $0.id, plant: $0.plant, sector: $0.sector, province: $0.province, periodStart: $0.periodStart, periodEnd: $0.periodEnd,
        status: $0.status, isSample: $0.isSample, updatedAt: $0.updatedAt)
    }
  }
  func load(_ id: String) throws -> Assessment {
    if failRowLoads { throw Refused(message: LocalizedText(vi: "hỏng", en: "damaged")) }
    return try db.load(id)
  }
  func loadHeader(_ id: String) throws -> AssessmentHeader { try db.loadHeader(id) }
  func create(_ assessment: Assessment) throws { try db.create(assessment) }
  func delete(_ id: String) throws { try db.delete(id) }
  func commit(_ edits: [Edit], to id: String, label: String) throws -> [Edit] {
    if failCommits { throw commitFailure }
    return try db.commit(edits, to: id, label: label, by: Provenance(by: "test", at: now(), device: "test"))
  }
  func undo(_ id: String) throws -> (label: String, edits: [Edit])? { try db.undo(id, at: now()) }
  func redo(_ id: String) throws -> (label: String, edits: [Edit])? { try db.redo(id, at: now()) }
  func saveUIState(_ id: String, _ state: String) throws { try db.saveUIState(id, state) }
  func loadUIState(_ id: String) throws -> String? { try db.loadUIState(id) }
  func now() -> String { "2026-01-15T08:00:00Z" }
  func newId() -> String {
    counter += 1
    return "id-\(counter)"
  }
}

enum ScreenFixture {
  static let catalog: WorksheetCatalog = {
    do { return WorksheetCatalog(try WorksheetLoader.embedded()) } catch { return WorksheetCatalog(steps: [], sheets: []) }
  }()

  /// A driver over a fresh in-memory database holding the demo assessment.
  static func driver(language: Language = .vi, rows: Int = 24, cols: Int = 80, demo: Bool = true, asciiOnly: Bool = false) throws
    -> (AppDriver, MemoryRepository)
  {
    _ = kitLocaleReady
    let repo = try MemoryRepository()
    if demo { try repo.create(DemoAssessment.make()) }
    let d = AppDriver(state: AppState(language: language, rows: rows, cols: cols, asciiOnly: asciiOnly, catalog: catalog), repository: repo)
    d.start(assessmentId: nil)
    return (d, repo)
  }

  static var demoId: String { DemoAssessment.make().id }
}
