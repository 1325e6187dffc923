import Foundation
import Testing

@testable import SXUI

/// The commit thread runs its jobs in order, beside the thread that handed them over: never on the caller's core
/// while the caller works (the loop rendering), and anywhere once the caller waits (``CommitThread/release()``).
@Suite struct CommitThreadTests {
  /// `sched_getcpu`, looked up as the app looks it up (the Glibc module leaves it out).
  static let cpu: (@convention(c) () -> Int32)? = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "sched_getcpu").map {
    unsafeBitCast($0, to: (@convention(c) () -> Int32).self)
  }

  /// What each job saw: its core, and whether the caller had released it yet.
  final class Log: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var runs: [(index: Int, core: Int32, released: Bool)] = []
    private var released = false
    func release(_ on: Bool) { lock.withLock { released = on } }
    func ran(_ i: Int, _ core: Int32) { lock.withLock { runs.append((i, core, released)) } }
    var all: [(index: Int, core: Int32, released: Bool)] { lock.withLock { runs } }
  }

  @Test func jobsRunInOrderAndNeverOnTheBusyCallersCoreBeforeRelease() throws {
    let thread = CommitThread()
    let log = Log()
    // The thread learns its id when it starts; a job handed over before is run without steering.
    Thread.sleep(forTimeInterval: 0.05)
    var callerCores: [Int32] = []
    for i in 0..<20 {
      let done = DispatchSemaphore(value: 0)
      log.release(false)
      let caller = Self.cpu?() ?? -1
      thread.run {
        log.ran(i, Self.cpu?() ?? -1)
        done.signal()
      }
      // The caller stays busy a while on its core (as the loop renders the frame), then waits for the job.
      Self.busy(nanoseconds: 2_000_000)
      // Only a caller still on the core it handed the job over from tells anything.
      callerCores.append((Self.cpu?() ?? -2) == caller ? caller : -1)
      log.release(true)
      thread.release()
      done.wait()
    }
    thread.stop()
    let runs = log.all
    #expect(runs.map(\.index) == Array(0..<20))
    // Two milliseconds are plenty for another core to take the job (all of them busy every time is unlikely).
    Self.expectRanBesides(runs, callerCores)
  }

  /// Keeps the calling thread busy on its core for `nanoseconds` (as the loop working out an edit or rendering).
  static func busy(nanoseconds: UInt64) {
    let end = DispatchTime.now().uptimeNanoseconds + nanoseconds
    var spin = 0
    while DispatchTime.now().uptimeNanoseconds < end { spin &+= 1 }
    withExtendedLifetime(spin) {}
  }

  /// Every job that ran before its caller released it ran on another core than the caller's (where the caller
  /// stayed on one core, and there are two or more), and there was at least one such job.
  static func expectRanBesides(_ runs: [(index: Int, core: Int32, released: Bool)], _ callerCores: [Int32]) {
    guard cpu != nil, ProcessInfo.processInfo.activeProcessorCount >= 2 else { return }
    var besides = 0
    for (r, caller) in zip(runs, callerCores) where caller >= 0 && !r.released {
      #expect(r.core != caller, "job \(r.index) ran on the busy caller's core \(caller) before it was released")
      besides += 1
    }
    #expect(besides > 0)
  }
}

/// A job announced ahead (``CommitThread/expect(within:)``, the loop reading Enter in an open editor): it runs, in
/// order, beside the caller, whether it comes within the announced time or after it (the thread has gone back to
/// sleep), and an announcement that no job follows leaves the thread working.
@Suite struct CommitThreadExpectTests {
  @Test func expectedJobsRunInOrderWithinOrAfterTheWindow() throws {
    let thread = CommitThread()
    let log = CommitThreadTests.Log()
    Thread.sleep(forTimeInterval: 0.05)
    var callerCores: [Int32] = []
    for i in 0..<30 {
      let done = DispatchSemaphore(value: 0)
      log.release(false)
      let caller = CommitThreadTests.cpu?() ?? -1
      thread.expect(within: 400)
      // Half the jobs come while the thread waits awake (after ~0.1 ms of work, as the edit is worked out), the
      // others once the window is over (1 ms later); every fifth announcement has no job at all.
      if i % 5 == 4 {
        Thread.sleep(forTimeInterval: 0.002)
        continue
      }
      CommitThreadTests.busy(nanoseconds: i % 2 == 0 ? 100_000 : 1_000_000)
      thread.run {
        log.ran(i, CommitThreadTests.cpu?() ?? -1)
        done.signal()
      }
      // Busy a while more (the render), then wait.
      CommitThreadTests.busy(nanoseconds: 1_000_000)
      callerCores.append((CommitThreadTests.cpu?() ?? -2) == caller ? caller : -1)
      log.release(true)
      thread.release()
      #expect(done.wait(timeout: .now() + 5) == .success, "job \(i) never ran")
    }
    thread.stop()
    let runs = log.all
    #expect(runs.map(\.index) == (0..<30).filter { $0 % 5 != 4 })
    CommitThreadTests.expectRanBesides(runs, callerCores)
  }
}

/// Jobs the thread has not taken when the caller waits for them (its core has not run it yet) are run by the caller
/// at ``CommitThread/release()``, in order; once the thread runs, it takes the jobs handed to it.
@Suite struct CommitThreadReleaseTests {
  final class Ran: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [(index: Int, onCaller: Bool)] = []
    func add(_ i: Int, _ onCaller: Bool) { lock.withLock { items.append((i, onCaller)) } }
    var all: [(index: Int, onCaller: Bool)] { lock.withLock { items } }
  }

  @Test func jobsNotTakenYetRunOnTheCallerInOrder() throws {
    let thread = CommitThread(start: false)
    let ran = Ran()
    let caller = pthread_self()
    for i in 0..<3 { thread.run { ran.add(i, pthread_equal(pthread_self(), caller) != 0) } }
    #expect(ran.all.isEmpty)
    thread.release()
    #expect(ran.all.map(\.index) == [0, 1, 2])
    #expect(ran.all.filter { !$0.onCaller }.isEmpty)
    // Nothing is left for the thread to run again.
    thread.start()
    Thread.sleep(forTimeInterval: 0.05)
    #expect(ran.all.count == 3)
    // A job the running thread took is its own: it runs there, once, and release only waits for it.
    let done = DispatchSemaphore(value: 0)
    thread.run {
      ran.add(3, pthread_equal(pthread_self(), caller) != 0)
      done.signal()
    }
    #expect(done.wait(timeout: .now() + 5) == .success)
    thread.release()
    thread.stop()
    #expect(ran.all.map(\.index) == [0, 1, 2, 3])
    #expect(ran.all.last?.onCaller == false)
  }
}
