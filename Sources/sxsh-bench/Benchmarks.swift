import Foundation
import SXCore
import SXEngine
import SXStore

/// The non-TUI budgets (issue 8): recompute, one durable edit against the sqlite3 CLI, peak RSS with the
/// large assessment loaded. The TUI budgets are measured by Tests/Reliability/tui_bench.py (see `tui`).
struct Benchmarks {
  var flows: Int
  var runs: Int
  var report: Report

  /// Full recompute as the app makes it after an edit: the engine plus the opportunity layer with the embedded
  /// knowledge base (`Engine.compute(_:factors:rules:)`). The budget is on the large assessment (issue 3/8: "full
  /// recompute of that assessment (engine + opportunities) ≤ 10 ms"); the demo is reported for information.
  mutating func recompute() throws {
    let factors = try Workloads.factors()
    let rules = try Workloads.rules()
    let demo = DemoAssessment.make()
    var sink = 0
    let t = Measure.times(runs: runs * 4) { _ in
      sink &+= Engine.compute(demo, factors: factors, rules: rules).issues.count
    }
    report.figures.append(Figure(
      "full recompute, demo (engine + \(rules.count) rules), median", Measure.median(t), "ms", budget: nil, note: "informational"))
    let big = Workloads.bigAssessment(flows: flows)
    let tb = Measure.times(runs: max(20, runs / 2), warmup: 2) { _ in
      sink &+= Engine.compute(big, factors: factors, rules: rules).issues.count
    }
    report.figures.append(Figure(
      "full recompute, \(flows) flows (engine + \(rules.count) rules), median", Measure.median(tb), "ms", budget: 10,
      note: "p90 \(Report.fmt(Measure.percentile(tb, 90))) ms, \(tb.count) runs"))
    if sink == Int.min { print(sink) }
  }

  /// One durable edit through AppDatabase.commit (WAL, synchronous FULL) on the large assessment, against the
  /// sqlite3 CLI making the same durable transactions on the same schema and data on the same disk: the statements
  /// `commit` runs for a field edit (drop the redo entries, rewrite the record row, append the undo-log entry, stamp
  /// the assessment's updatedAt), with the same JSON texts, one `BEGIN … COMMIT` each in WAL + FULL. The budget is the
  /// ratio to that anchor; a plain one-row UPDATE (the smallest durable transaction) is reported for information.
  mutating func durableEdit() throws {
    let dir = try Workloads.tempDir("edit")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let big = Workloads.bigAssessment(flows: flows)
    let n = runs * 10
    var t: [Double] = []
    do {
      let db = try Workloads.database(dir + "/bench.sqlite", with: big)
      t = try Measure.times(runs: n, warmup: 5) { i in
        try db.commit([Workloads.noteEdit(big, i)], to: big.id, label: "bench", by: Workloads.stamp)
      }
    }
    let ours = Measure.median(t)
    report.figures.append(Figure("durable edit (AppDatabase.commit, FULL), median", ours, "ms", budget: nil, note: "\(flows) flows, \(n) edits"))
    report.figures.append(Figure("durable edit, p99", Measure.percentile(t, 99), "ms", budget: nil))
    guard let sqlite = Measure.which("sqlite3") else {
      report.figures.append(Figure("durable edit / sqlite3 CLI", .nan, "×", budget: 1.5, note: "sqlite3 not installed"))
      return
    }
    let same = try sqliteSameEditMs(sqlite, dir: dir, big: big, commits: n)
    report.figures.append(Figure(
      "anchor: sqlite3 CLI, the same edit transaction (WAL, FULL), mean", same, "ms", budget: nil,
      note: "same schema, data and rows written: record row, edit-log entry, assessment.updatedAt"))
    report.figures.append(Figure("durable edit / sqlite3 CLI same transaction", ours / same, "×", budget: 1.5))
    let anchor = try sqliteCommitMs(sqlite, dir: dir, commits: n)
    report.figures.append(Figure("anchor: sqlite3 CLI one-row UPDATE (WAL, FULL), mean", anchor, "ms", budget: nil, note: "smallest durable transaction"))
    report.figures.append(Figure("durable edit / sqlite3 CLI one-row UPDATE", ours / anchor, "×", budget: nil, note: "informational"))
  }

  /// Mean milliseconds per edit transaction in the sqlite3 CLI on a fresh database holding `big` (start-up
  /// subtracted, best of 3): the statements `AppDatabase.commit` runs for a field edit, with the texts it writes.
  func sqliteSameEditMs(_ sqlite: String, dir: String, big: Assessment, commits: Int) throws -> Double {
    let path = dir + "/anchor-same.sqlite"
    do { _ = try Workloads.database(path, with: big) }  // closed at the end of the scope
    func q(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "''") + "'" }
    let aid = q(big.id), at = q(Workloads.stamp.at)
    let head = "PRAGMA synchronous=FULL;\nPRAGMA foreign_keys=ON;\n"
    var body = head
    for i in 0..<commits {
      guard case .upsert(let r, _) = Workloads.noteEdit(big, i), case .flow(let before) = r else { continue }
      let old = try AnyRecord.flow(big.flows[i % big.flows.count]).encoded()
      let stamped = try AnyRecord.decode(.flow, try Provenance.stampChanges(old: old, new: try r.encoded(), stamp: Workloads.stamp))
      let rowBody = String(decoding: try stamped.encoded(), as: UTF8.self)
      let enc = JSONCoding.encoder()
      let forward = String(decoding: try enc.encode(try StoredEdit(.upsert(stamped, position: nil))), as: UTF8.self)
      let inverse = String(decoding: try enc.encode(try StoredEdit(.upsert(.flow(big.flows[i % big.flows.count]), position: nil))), as: UTF8.self)
      body += "BEGIN;\nDELETE FROM editLog WHERE assessmentId = \(aid) AND undone = 1;\n"
      body += "UPDATE record SET body = \(q(rowBody)), searchKey = \(q(TextRules.searchKey(before.name))), updatedAt = \(at) "
      body += "WHERE assessmentId = \(aid) AND kind = 'flow' AND id = \(q(r.id));\n"
      body += "INSERT INTO editLog (assessmentId, groupId, at, label, forward, inverse) SELECT \(aid), coalesce(max(groupId), 0) + 1, "
      body += "\(at), 'bench', \(q(forward)), \(q(inverse)) FROM editLog WHERE assessmentId = \(aid);\n"
      body += "UPDATE assessment SET updatedAt = \(at) WHERE id = \(aid);\nCOMMIT;\n"
    }
    var best = Double.infinity
    for _ in 0..<3 {
      let empty = try Measure.run(sqlite, [path], stdin: Data(head.utf8)).ms
      let full = try Measure.run(sqlite, [path], stdin: Data(body.utf8))
      guard full.status == 0 else { throw BenchError("sqlite3 same-edit anchor failed") }
      best = min(best, (full.ms - empty) / Double(commits))
    }
    return best
  }

  /// Mean milliseconds per `BEGIN; UPDATE; COMMIT;` in the sqlite3 CLI (start-up subtracted, best of 3).
  func sqliteCommitMs(_ sqlite: String, dir: String, commits: Int) throws -> Double {
    let path = dir + "/anchor.sqlite"
    let setup = """
      PRAGMA journal_mode=WAL;
      CREATE TABLE t(id INTEGER PRIMARY KEY, n INTEGER, v TEXT);
      WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM c WHERE i < 1000) INSERT INTO t SELECT i, 0, 'x' FROM c;
      """
    _ = try Measure.run(sqlite, [path], stdin: Data(setup.utf8))
    let head = "PRAGMA synchronous=FULL;\n"
    var body = head
    for i in 0..<commits { body += "BEGIN; UPDATE t SET n=n+1, v='edit \(i)' WHERE id=\(i % 1000 + 1); COMMIT;\n" }
    var best = Double.infinity
    for _ in 0..<3 {
      let empty = try Measure.run(sqlite, [path], stdin: Data(head.utf8)).ms
      let full = try Measure.run(sqlite, [path], stdin: Data(body.utf8))
      guard full.status == 0 else { throw BenchError("sqlite3 anchor failed") }
      best = min(best, (full.ms - empty) / Double(commits))
    }
    return best
  }

  /// Peak RSS of a fresh process that opens the database and loads + computes the large assessment.
  mutating func peakRSS(selfPath: String) throws {
    let dir = try Workloads.tempDir("rss")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let big = Workloads.bigAssessment(flows: flows)
    _ = try Workloads.database(dir + "/rss.sqlite", with: big)
    let r = try Measure.run(selfPath, ["rss-probe", dir + "/rss.sqlite", big.id])
    guard r.status == 0, let mib = Double(r.out.trimmingCharacters(in: .whitespacesAndNewlines)) else {
      throw BenchError("rss-probe failed (\(r.status)): \(r.out)")
    }
    report.figures.append(Figure("peak RSS, \(flows)-flow assessment loaded + computed", mib, "MiB", budget: 60, note: "library path; the TUI figure is in the tui rows"))
  }
}

struct BenchError: Error, CustomStringConvertible {
  var description: String
  init(_ d: String) { description = d }
}

/// `sxsh-bench rss-probe DB ID`: loads and computes one assessment, prints VmHWM in MiB.
func rssProbe(_ args: [String]) throws {
  guard args.count >= 2 else { throw BenchError("usage: rss-probe DB ID") }
  let db = try AppDatabase(path: args[0])
  let a = try db.load(args[1])
  let r = Engine.compute(a, factors: try Workloads.factors(), rules: try Workloads.rules())
  guard r.assessmentId == a.id else { throw BenchError("wrong results") }
  print(Measure.peakRSSMiB().map { String(format: "%.2f", $0) } ?? "nan")
}
