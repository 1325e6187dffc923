import Foundation
import SXCore
import SXEngine
import SXStore
import SXWorksheets

/// The assessments and databases the benchmark works on.
enum Workloads {
  /// The demo assessment with its flows repeated until it has `flows` flows (fresh ids, same steps).
  static func bigAssessment(flows: Int) -> Assessment {
    var a = DemoAssessment.make()
    a.header.id = "bench-\(flows)"
    a.header.isSample = false
    let base = a.flows
    guard !base.isEmpty else { return a }
    var i = 0
    while a.flows.count < flows {
      var f = base[i % base.count]
      f.id = "bench-flow-\(i)"
      f.name = "\(f.name) #\(i)"
      a.flows.append(f)
      i += 1
    }
    return a
  }

  static func factors() throws -> EngineFactors {
    EngineFactors.from(try WorksheetLoader.embedded().reference)
  }

  /// The knowledge base the app uses when no Worksheets folder is given (the embedded rules).
  static func rules() throws -> [OpportunityRule] {
    try RulesLoader.resolve(cliDir: nil)
  }

  /// A fresh owner-only temporary folder.
  static func tempDir(_ tag: String) throws -> String {
    let d = NSTemporaryDirectory() + "/sxsh-bench-\(tag)-\(getpid())-\(UUID().uuidString.prefix(8))"
    try FileManager.default.createDirectory(atPath: d, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    return d
  }

  /// A database at `path` holding `assessment`.
  static func database(_ path: String, with assessment: Assessment) throws -> AppDatabase {
    let db = try AppDatabase(path: path)
    try db.create(assessment)
    return db
  }

  /// One durable edit as the app makes it: a flow's note, stamped.
  static func noteEdit(_ a: Assessment, _ i: Int) -> Edit {
    var f = a.flows[abs(i) % a.flows.count]
    f.note = "bench edit \(i)"
    return .upsert(.flow(f), position: nil)
  }

  static let stamp = Provenance(by: "bench", at: "2026-01-15T08:00:00Z", device: "bench")
}
