import Foundation
import SXCore
import SXStore
import SXUI

/// The app's storage: `AppDatabase` seen through SXUI's ``AssessmentRepository``, stamping every edit
/// with the user (`$SXSH_USER`/`$USER`), the ISO time and the host name.
struct DatabaseRepository: AssessmentRepository {
  let db: AppDatabase
  /// Profiling only (`SXSH_TRACE`): told how long each commit took.
  var trace: AppTrace? = nil
  /// Who and where, looked up once (the host name lookup can take tens of milliseconds) and the ISO clock.
  let stamps = Stamps()

  final class Stamps {
    lazy var user: String = {
      let env = ProcessInfo.processInfo.environment
      return env["SXSH_USER"] ?? env["USER"] ?? env["LOGNAME"] ?? "unknown"
    }()
    lazy var device: String = ProcessInfo.processInfo.hostName
    func now() -> String { ISOTime.string(secondsSince1970: Date().timeIntervalSince1970) }
    func stamp() -> Provenance { Provenance(by: user, at: now(), device: device) }
  }

  func list() throws -> [AssessmentListItem] {
    try db.listAssessments().map {
      AssessmentListItem(
        id: $0.id, plant: $0.plant, sector: $0.sector, province: $0.province, periodStart: $0.periodStart, periodEnd: $0.periodEnd,
        status: $0.status, isSample: $0.isSample, updatedAt: $0.updatedAt)
    }
  }

  func load(_ id: String) throws -> Assessment { try db.load(id) }
  func loadHeader(_ id: String) throws -> AssessmentHeader { try db.loadHeader(id) }
  func create(_ assessment: Assessment) throws { try db.create(assessment) }
  func delete(_ id: String) throws { try db.delete(id) }
  func commit(_ edits: [Edit], to id: String, label: String) throws -> [Edit] {
    guard let trace else { return try db.commit(edits, to: id, label: label, by: stamps.stamp()) }
    let t0 = AppTrace.now()
    trace.commitStartedAt = t0
    defer { trace.commitMicros = AppTrace.now() - t0 }
    return try db.commit(edits, to: id, label: label, by: stamps.stamp())
  }
  /// The log's checkpoint, when due, after the commit (checkpoints are deferred while the app runs: AppRunner).
  func afterCommit() { db.checkpointIfDue() }
  func undo(_ id: String) throws -> (label: String, edits: [Edit])? { try db.undo(id, at: stamps.now()) }
  func redo(_ id: String) throws -> (label: String, edits: [Edit])? { try db.redo(id, at: stamps.now()) }
  func saveUIState(_ id: String, _ state: String) throws { try db.saveUIState(id, state) }
  func loadUIState(_ id: String) throws -> String? { try db.loadUIState(id) }
  func now() -> String { stamps.now() }
  func newId() -> String { UUID().uuidString.lowercased() }
}
