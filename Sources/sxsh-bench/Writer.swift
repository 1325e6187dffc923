import Foundation
import SXCore
import SXStore

#if canImport(Glibc)
  import Glibc
#endif

/// `sxsh-bench writer DB COUNT [--kill-self]`: the durability harnesses' child (fiu-run, power cut).
///
/// Commits COUNT edits to the demo assessment through `AppDatabase.commit`, one durable transaction each, labelled
/// `w<i>` in the undo log. After each commit it writes `ack <i>` (success) or `NOT SAVED <i>: <message>` to stdout
/// with an unbuffered write, so the parent knows exactly which edits were acknowledged. With `--kill-self` it
/// ends with SIGKILL instead of closing the database (closing checkpoints, which would hide a loss).
func writer(_ args: [String]) throws {
  guard args.count >= 2, let count = Int(args[1]) else { throw BenchError("usage: writer DB COUNT [--kill-self]") }
  let db: AppDatabase
  do {
    db = try AppDatabase(path: args[0])
  } catch let e as StoreError {
    say("OPEN FAILED: \(e.message.en)")
    exit(3)
  }
  let demo = DemoAssessment.make()
  if (try? db.listAssessments().contains { $0.id == demo.id }) != true {
    try db.create(demo)
  }
  for i in 1...max(1, count) {
    do {
      try db.commit([Workloads.noteEdit(demo, i)], to: demo.id, label: "w\(i)", by: Workloads.stamp)
      say("ack \(i)")
    } catch let e as StoreError {
      say("\(e.message.en.replacingOccurrences(of: "NOT SAVED:", with: "NOT SAVED \(i):"))")
    }
  }
  if args.contains("--kill-self") { kill(getpid(), SIGKILL) }
}

/// One line on stdout, written straight to the descriptor (no buffering to lose on SIGKILL).
func say(_ s: String) {
  let bytes = Array((s + "\n").utf8)
  _ = bytes.withUnsafeBytes { write(1, $0.baseAddress, $0.count) }
}
