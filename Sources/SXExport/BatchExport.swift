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
    DispatchQueue.concurrentPerform(iterations: lanes) { _ in
      while let i = next.take(below: assessments.count) {
        let a = assessments[i]
        do {
          guard let name = fileName(id: a.id, format: format) else {
            throw ExportWriteError(vi: "mã «\(a.id)» không dùng được làm tên tệp", en: "id «\(a.id)» cannot be used as a file name")
          }
          let results = Engine.compute(a, factors: factors, rules: rules, proposals: format.showsProposals)
          switch try build(a, results) {
          // A file is staged (written under a temporary name) and made durable with the others below.
          case .file(let data): outcomes.stage(i, try SafeWrite.stage(data, to: dir + "/" + name, force: force, tag: i))
          case .folder(let files): try SafeWrite.folder(files, to: dir + "/" + name, force: force)
          }
        } catch {
          outcomes.set(i, failure(a.id, error))
        }
      }
    }
    // Every staged file synced, then renamed to its name (checked again), then the folder synced: one journal
    // commit for the batch instead of one per file, and no file under its name before its data is on disk.
    let staged = outcomes.staged
    for (k, e) in zip(staged.indices, SafeWrite.commit(staged.map(\.file), in: dir)) {
      if let e { outcomes.set(staged[k].index, failure(assessments[staged[k].index].id, e)) }
    }
    return outcomes.failures
  }

  static func failure(_ id: String, _ error: Error) -> Failure {
    if let e = error as? LocalizedFailure { return Failure(id: id, message: e.message) }
    return Failure(id: id, message: LocalizedText(vi: "\(error)", en: "\(error)"))
  }

  /// The failures so far, by index (written from the lanes under a lock).
  final class Outcomes: @unchecked Sendable {
    private var slots: [Failure?]
    private var files: [SafeWrite.Staged?]
    private let lock = NSLock()

    init(_ n: Int) {
      slots = Array(repeating: nil, count: n)
      files = Array(repeating: nil, count: n)
    }

    func stage(_ i: Int, _ f: SafeWrite.Staged) {
      lock.lock()
      files[i] = f
      lock.unlock()
    }

    /// The staged files with their indexes, in order.
    var staged: [(index: Int, file: SafeWrite.Staged)] {
      lock.lock()
      defer { lock.unlock() }
      return files.enumerated().compactMap { k, f in f.map { (k, $0) } }
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
