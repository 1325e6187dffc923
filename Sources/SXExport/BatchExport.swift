import Foundation
import SXCore
import SXEngine
import SXWorksheets

/// Many assessments exported into one folder: each computed (engine + rules), built and written by `SafeWrite` (the
/// same checks as one export: owner-only, never through a symbolic link, never over an existing file without
/// `force`), spread over the available cores. The worksheets, factors and rules are loaded once by the caller. One
/// assessment failing does not stop the others; every failure is reported with its id.
public enum BatchExport {
  public struct Failure: Sendable, Equatable {
    public let id: String
    public let message: LocalizedText
  }

  /// The builder of one file from an assessment and its results (the command line passes its own for json).
  public typealias Build = @Sendable (Assessment, Results) throws -> ExportOutput

  /// The file name of an assessment in the batch folder: `<id>.<extension>` (csv as one zip each). Nil when the id
  /// cannot be a file name on its own (empty, a leading dot, a `/` or a NUL, or over 200 bytes).
  public static func fileName(id: String, format: ExportFormat) -> String? {
    guard !id.isEmpty, id.utf8.count <= 200, id.utf8.first != 0x2E, !id.utf8.contains(0x2F), !id.utf8.contains(0) else { return nil }
    return id + "." + format.fileExtension
  }

  /// The usual builder: `Exporter.export` (csv zipped); json is not built here (`ExportError.notHere`).
  public static func standard(_ format: ExportFormat, worksheets: WorksheetSet, language: Language, generator: String, rawCSV: Bool) -> Build {
    { a, r in
      let input = ExportInput(assessment: a, results: r, worksheets: worksheets, language: language, generator: generator)
      return try Exporter.export(format, input, zip: format == .csv, rawCSV: rawCSV)
    }
  }

  /// Exports every assessment into the folder `dir` (which must exist) as `fileName(id:format:)`, `workers` at a
  /// time (default: the active processor count). Returns the failures, in the order of `assessments`.
  public static func run(
    _ assessments: [Assessment], format: ExportFormat, into dir: String, force: Bool, factors: EngineFactors,
    rules: [OpportunityRule], workers: Int? = nil, build: Build
  ) -> [Failure] {
    let outcomes = Outcomes(assessments.count)
    let lanes = max(1, min(workers ?? ProcessInfo.processInfo.activeProcessorCount, assessments.count))
    // Each lane takes the next assessment until none is left.
    let next = Outcomes.Counter()
    // The staged files (written under temporary names) are synced and renamed to their names by one thread beside
    // the lanes, while they go on, a group at a time: one sync of the file system for the group (instead of one per
    // file: each is a flush of the disk's cache, and their kernel work cost a fifth of the batch's), then the
    // renames; the folder is synced once at the end. No file is under its name before its data is on disk.
    let placer = Placer(outcomes, ids: assessments.map(\.id), dir: dir)
    DispatchQueue.concurrentPerform(iterations: lanes) { _ in
      while let i = next.take(below: assessments.count) {
        let a = assessments[i]
        do {
          guard let name = fileName(id: a.id, format: format) else {
            throw ExportWriteError(vi: "mã «\(a.id)» không dùng được làm tên tệp", en: "id «\(a.id)» cannot be used as a file name")
          }
          let results = Engine.compute(a, factors: factors, rules: rules, proposals: format.showsProposals)
          switch try build(a, results) {
          // A file is staged (written under a temporary name) and handed to the placer.
          case .file(let data): placer.add(i, try SafeWrite.stage(data, to: dir + "/" + name, force: force, tag: i))
          case .folder(let files): try SafeWrite.folder(files, to: dir + "/" + name, force: force)
          }
        } catch {
          outcomes.set(i, failure(a.id, error))
        }
      }
    }
    placer.finish()
    SafeWrite.syncFolder(dir)
    return outcomes.failures
  }

  static func failure(_ id: String, _ error: Error) -> Failure {
    if let e = error as? LocalizedFailure { return Failure(id: id, message: e.message) }
    return Failure(id: id, message: LocalizedText(vi: "\(error)", en: "\(error)"))
  }

  /// Places staged files on a serial queue, in the order handed, `group` at a time (`SafeWrite.place(_:in:)`: one
  /// sync, then the renames), recording each failure under its index.
  final class Placer: @unchecked Sendable {
    private let queue = DispatchQueue(label: "sxsh.batch-export.place")
    private let outcomes: Outcomes
    private let ids: [String]
    private let dir: String
    private let group: Int
    /// Handed, not yet placed (touched on `queue` only).
    private var waiting: [(index: Int, staged: SafeWrite.Staged)] = []

    /// `group`: files per sync. A batch killed midway leaves at most about that many temporary files behind.
    init(_ outcomes: Outcomes, ids: [String], dir: String, group: Int = 50) {
      self.outcomes = outcomes
      self.ids = ids
      self.dir = dir
      self.group = max(1, group)
    }

    func add(_ i: Int, _ staged: SafeWrite.Staged) {
      queue.async { [self] in
        waiting.append((i, staged))
        if waiting.count >= group { placeWaiting() }
      }
    }

    /// Places every file handed so far, and waits until they are.
    func finish() { queue.sync { placeWaiting() } }

    private func placeWaiting() {
      let files = waiting
      waiting.removeAll()
      for (f, e) in zip(files, SafeWrite.place(files.map(\.staged), in: dir)) {
        if let e { outcomes.set(f.index, BatchExport.failure(ids[f.index], e)) }
      }
    }
  }

  /// The failures so far, by index (written from the lanes and the placer under a lock).
  final class Outcomes: @unchecked Sendable {
    private var slots: [Failure?]
    private let lock = NSLock()

    init(_ n: Int) {
      slots = Array(repeating: nil, count: n)
    }

    func set(_ i: Int, _ f: Failure) {
      lock.lock()
      slots[i] = f
      lock.unlock()
    }

    var failures: [Failure] {
      lock.lock()
      defer { lock.unlock() }
      return slots.compactMap { $0 }
    }

    /// The next index to export.
    final class Counter: @unchecked Sendable {
      private var n = 0
      private let lock = NSLock()

      func take(below limit: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard n < limit else { return nil }
        n += 1
        return n - 1
      }
    }
  }
}
