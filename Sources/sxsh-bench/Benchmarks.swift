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

  /// Full recompute (engine + opportunities) of the demo; the large assessment is reported for information.
  mutating func recompute() throws {
    let factors = try Workloads.factors()
    let demo = DemoAssessment.make()
    var sink = 0
    let t = Measure.times(runs: runs * 4) { _ in sink &+= Engine.compute(demo, factors: factors).issues.count }
    report.figures.append(Figure("full recompute, demo (engine + opportunities), median", Measure.median(t), "ms", budget: 10))
    let big = Workloads.bigAssessment(flows: flows)
    let tb = Measure.times(runs: max(5, runs / 4), warmup: 1) { _ in sink &+= Engine.compute(big, factors: factors).issues.count }
    report.figures.append(Figure("full recompute, \(flows) flows, median", Measure.median(tb), "ms", budget: nil, note: "informational"))
    if sink == Int.min { print(sink) }
  }

  /// One durable edit through AppDatabase.commit (WAL, synchronous FULL) on the large assessment, against the
  /// sqlite3 CLI making the same kind of durable one-row UPDATE transactions in WAL + FULL on the same disk.
  mutating func durableEdit() throws {
    let dir = try Workloads.tempDir("edit")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let big = Workloads.bigAssessment(flows: flows)
    let db = try Workloads.database(dir + "/bench.sqlite", with: big)
    let n = runs * 10
    let t = try Measure.times(runs: n, warmup: 5) { i in
      try db.commit([Workloads.noteEdit(big, i)], to: big.id, label: "bench", by: Workloads.stamp)
    }
    let ours = Measure.median(t)
    report.figures.append(Figure("durable edit (AppDatabase.commit, FULL), median", ours, "ms", budget: nil, note: "\(flows) flows, \(n) edits"))
    report.figures.append(Figure("durable edit, p99", Measure.percentile(t, 99), "ms", budget: nil))
    guard let sqlite = Measure.which("sqlite3") else {
      report.figures.append(Figure("durable edit / sqlite3 CLI", .nan, "×", budget: 1.5, note: "sqlite3 not installed"))
      return
    }
    let anchor = try sqliteCommitMs(sqlite, dir: dir, commits: n)
    report.figures.append(Figure("anchor: sqlite3 CLI durable UPDATE (WAL, FULL), mean", anchor, "ms", budget: nil))
    report.figures.append(Figure("durable edit / sqlite3 CLI", ours / anchor, "×", budget: 1.5))
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
  let r = Engine.compute(a, factors: try Workloads.factors())
  guard r.assessmentId == a.id else { throw BenchError("wrong results") }
  print(Measure.peakRSSMiB().map { String(format: "%.2f", $0) } ?? "nan")
}
