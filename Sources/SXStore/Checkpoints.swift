import Foundation
import GRDB
import GRDBSQLite
import Synchronization

/// Checkpoints taken off the commit.
///
/// SQLite checkpoints the write-ahead log automatically inside the commit that takes it past 1000 frames: that
/// commit copies the pages into the database file and syncs it before it returns. In the full-screen app that is
/// the Enter that saves: measured here (`SXSH_TRACE`, 200 saves of the 10,000-flow assessment) its commit took
/// 3.9–13.5 ms instead of ~1 ms, once every ~140 header edits, and on a laptop disk a database sync can take tens of
/// milliseconds. ``deferCheckpoints(after:)`` replaces SQLite's automatic checkpoint with a count of the log's
/// frames; the app calls ``checkpointIfDue()`` once it has shown the outcome of a commit. The checkpoint itself is
/// SQLite's own (PASSIVE, as the automatic one), on the same connection, so what is durable and when is unchanged:
/// every commit is still synced before it returns, and a checkpoint only copies pages already durable in the log.
extension AppDatabase {
  /// The log's frames at which a checkpoint is due: SQLite's default `wal_autocheckpoint`.
  public static let checkpointFrames = 1000

  /// From now on, commits leave the checkpoint to ``checkpointIfDue()``; it is due once the log holds `frames`
  /// frames. Should it not be called, a commit that leaves four times that many checkpoints itself, as SQLite would
  /// (the log never grows without bound). No effect in memory.
  public func deferCheckpoints(after frames: Int = checkpointFrames) throws {
    guard path != ":memory:", frames > 0 else { return }
    logFrames.due.store(frames, ordering: .relaxed)
    // Unretained: SQLite calls the hook only at the end of a commit, and commits run inside this object's methods,
    // while it is alive (closing the connection calls no hook).
    let context = Unmanaged.passUnretained(logFrames).toOpaque()
    try queue.writeWithoutTransaction { db in
      // Called after each commit with the frames in the log. It never fails the commit (a commit that returned
      // is durable): SQLite's own hook returns the checkpoint's result, which the commit would then report.
      let hook: @convention(c) (UnsafeMutableRawPointer?, OpaquePointer?, UnsafePointer<CChar>?, Int32) -> Int32 = { arg, connection, name, frames in
        guard let arg else { return SQLITE_OK }
        let counter = Unmanaged<LogFrames>.fromOpaque(arg).takeUnretainedValue()
        counter.frames.store(Int(frames), ordering: .relaxed)
        if Int(frames) >= 4 * counter.due.load(ordering: .relaxed) {
          _ = sqlite3_wal_checkpoint_v2(connection, name, SQLITE_CHECKPOINT_PASSIVE, nil, nil)
        }
        return SQLITE_OK
      }
      _ = sqlite3_wal_hook(db.sqliteConnection, hook, context)
    }
  }

  /// Frames in the log after the last commit, as SQLite reported them (0 until a commit after
  /// ``deferCheckpoints(after:)``).
  public var logFrameCount: Int { logFrames.frames.load(ordering: .relaxed) }

  /// Checkpoints the log when it holds the frames ``deferCheckpoints(after:)`` set (PASSIVE: it copies what no
  /// other connection still reads, and never waits for one). True when it ran and copied the whole log (the next
  /// commit then writes the log from its start again). A failure changes nothing stored: it is tried again after
  /// the next commit.
  @discardableResult
  public func checkpointIfDue() -> Bool {
    let due = logFrames.due.load(ordering: .relaxed)
    guard due > 0, logFrames.frames.load(ordering: .relaxed) >= due else { return false }
    let whole = (try? queue.writeWithoutTransaction { db -> Bool in
      let (log, copied) = try db.checkpoint(.passive)
      return log == copied
    }) ?? false
    if whole { logFrames.frames.store(0, ordering: .relaxed) }
    return whole
  }
}

/// The frames in the log after the last commit, and the count at which a checkpoint is due (0: SQLite's automatic
/// checkpoint, not deferred).
final class LogFrames: Sendable {
  let frames = Atomic<Int>(0)
  let due = Atomic<Int>(0)
}
