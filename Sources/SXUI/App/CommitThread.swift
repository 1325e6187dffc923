import Foundation
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// One thread that runs the jobs given to it in order (``AppDriver``'s commits), then waits for the next; it ends
/// after ``stop()``.
///
/// A job is meant to run beside the thread that handed it over (the loop renders the frame while the commit runs):
/// ``run(_:)`` keeps the commit thread off the caller's core until ``release()`` (called when the caller is about to
/// wait for the job). Without that the scheduler often queued the woken commit thread on the caller's busy core, and
/// it started only once the caller blocked, after the render (~0.8 ms later, measured with `SXSH_TRACE`'s
/// commitStart). On one core, or when the cores cannot be told apart, the caller yields instead, so the commit still
/// goes first. A job about to come can be announced (``expect(within:)``): the thread is then woken ahead of it.
final class CommitThread: @unchecked Sendable {
  private let condition = NSCondition()
  private var jobs: [@Sendable () -> Void] = []
  private var stopped = false
  /// Jobs taken by the thread so far, and handed to it (``release()`` tells whether the last one started).
  private var taken = 0
  private var handed = 0
  /// Set by ``expect()``: the thread waits for the next job awake (spinning) until this time (monotonic ns), not
  /// asleep.
  private var awakeUntil: UInt64 = 0
  /// True while the thread is steered off the caller's core for a job expected or handed over.
  private var steered = false
  private let affinity = CoreSteering()
  /// ``handed``, readable without the lock (the thread polls it while it expects a job).
  private let handedCount = Atomic<Int>(0)
  /// True while the thread runs a job it took.
  private var running = false
  /// The thread while it is not started (`init(start: false)`). Not kept once started: the thread's closure holds
  /// this object, and the object holding the thread would be a cycle that outlives them both.
  private var unstarted: Thread?

  /// `start: false` (tests): the thread is started by ``start()``; until then only ``release()`` runs the jobs.
  init(start: Bool = true) {
    let thread = Thread { [self] in
      affinity.enter()
      loop()
    }
    thread.name = "sxsh.commit"
    if start { thread.start() } else { unstarted = thread }
  }

  func start() {
    let thread = condition.withLock { unstarted.take() }
    thread?.start()
  }

  func run(_ job: @escaping @Sendable () -> Void) {
    // Already steered when the job was expected (the thread is awake on another core).
    let steered = condition.withLock { self.steered } || affinity.avoidCallersCore()
    condition.withLock {
      jobs.append(job)
      handed += 1
      handedCount.store(handed, ordering: .releasing)
      self.steered = false
      condition.signal()
    }
    if !steered { sched_yield() }
  }

  /// A job is likely to be handed over within `micros` (the loop read Enter in an open editor: the commit follows
  /// once the edit is worked out, ~0.15 ms): the thread is woken now, on another core, and waits for it spinning
  /// rather than asleep, so that the job starts when it is handed over instead of after the scheduler wakes the thread
  /// (~0.1 ms from an idle core of this VM, measured as `SXSH_TRACE`'s commitStart). After `micros` without a job the
  /// thread sleeps again. Nothing changes on one core, or when the cores cannot be told apart (it would spin on
  /// the caller's core).
  func expect(within micros: Int = 400) {
    guard affinity.avoidCallersCore() else { return }
    condition.withLock {
      steered = true
      awakeUntil = Self.now() + UInt64(micros) * 1000
      condition.signal()
    }
  }

  static func now() -> UInt64 {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
  }

  /// The caller waits for the job now. A job running may use any core again (once ``widen()`` is called, when the
  /// caller waits for it awake). Jobs the thread has not taken while it
  /// is between jobs are run by the caller itself, in order, before this returns: the thread was woken on another
  /// core but has not run yet. On this VM that core's wake-up sometimes waited for the host for a millisecond or
  /// more (`SXSH_TRACE`: commitStart 1–2 ms after the key while the loop waited), and moving the thread to the
  /// caller's core waited for that core as well. Jobs queued behind one running are moved to the caller's core
  /// (about to be idle): widening the cores allowed would leave them queued where they are.
  ///
  /// True when the last job runs (or ran) on another core than the caller's: the caller may then wait for it awake.
  @discardableResult
  func release() -> Bool {
    enum Outcome {
      case started, queuedBehind
      case taken([@Sendable () -> Void])
    }
    let outcome: Outcome = condition.withLock {
      if taken == handed { return .started }
      if running { return .queuedBehind }
      let mine = jobs
      jobs.removeAll()
      taken = handed
      awakeUntil = 0
      steered = false
      return .taken(mine)
    }
    switch outcome {
    case .started:
      // Kept off the caller's core while the caller waits awake (``widen()`` after): woken from its sync there, the
      // job would wait for the caller's poll to end.
      if affinity.isNarrowed { return true }
      affinity.allowAll()
      return false
    case .queuedBehind:
      affinity.pinToCallersCore()
      return false
    case .taken(let mine):
      affinity.allowAll()
      for job in mine { job() }
      return false
    }
  }

  /// The caller no longer waits awake for the last job: it may use any core again.
  func widen() { affinity.allowAll() }

  func stop() {
    condition.withLock {
      stopped = true
      condition.signal()
    }
  }

  private func loop() {
    while true {
      let job: (@Sendable () -> Void)? = condition.withLock {
        while jobs.isEmpty && !stopped {
          let until = awakeUntil
          if until > Self.now() {
            // Expected soon: poll for it without the lock (the loop hands it over under the lock).
            let seen = handed
            condition.unlock()
            while handedCount.load(ordering: .acquiring) == seen && Self.now() < until {}
            condition.lock()
          } else {
            if awakeUntil != 0 {
              awakeUntil = 0
              steered = false
            }
            condition.wait()
          }
        }
        if jobs.isEmpty { return nil }
        awakeUntil = 0
        taken += 1
        running = true
        return jobs.removeFirst()
      }
      guard let job else { return }
      job()
      condition.withLock { running = false }
    }
  }
}

/// The cores one thread (the commit thread) may run on, narrowed while another thread works beside it.
final class CoreSteering: @unchecked Sendable {
  #if os(Linux)
    /// The C library's calls for this, looked up once (Swift's Glibc module leaves the GNU ones out).
    private struct Calls {
      let getcpu: @convention(c) () -> Int32
      let gettid: @convention(c) () -> pid_t
      let getaffinity: @convention(c) (pid_t, Int, UnsafeMutablePointer<cpu_set_t>) -> Int32
      let setaffinity: @convention(c) (pid_t, Int, UnsafePointer<cpu_set_t>) -> Int32

      static let shared: Calls? = {
        func sym<T>(_ name: String, _: T.Type) -> T? {
          dlsym(UnsafeMutableRawPointer(bitPattern: 0), name).map { unsafeBitCast($0, to: T.self) }
        }
        guard let a = sym("sched_getcpu", (@convention(c) () -> Int32).self),
          let b = sym("gettid", (@convention(c) () -> pid_t).self),
          let c = sym("sched_getaffinity", (@convention(c) (pid_t, Int, UnsafeMutablePointer<cpu_set_t>) -> Int32).self),
          let d = sym("sched_setaffinity", (@convention(c) (pid_t, Int, UnsafePointer<cpu_set_t>) -> Int32).self)
        else { return nil }
        return Calls(getcpu: a, gettid: b, getaffinity: c, setaffinity: d)
      }()
    }

    private let lock = NSLock()
    private var tid: pid_t = 0
    /// The cores the process may use, when there are two or more.
    private var allowed: cpu_set_t?
    private var narrowed = false
    /// True while ``narrowed`` means pinned to the caller's core (``pinToCallersCore()``), not kept off it.
    private var pinned = false

    /// Called on the steered thread, once.
    func enter() {
      guard let calls = Calls.shared else { return }
      var set = cpu_set_t()
      let ok = calls.getaffinity(0, MemoryLayout<cpu_set_t>.size, &set) == 0
      let id = calls.gettid()
      lock.withLock {
        tid = id
        if ok, Self.count(set) >= 2 { allowed = set }
      }
    }

    /// Keeps the steered thread off the calling thread's core; false when it cannot (one core, or not known yet).
    func avoidCallersCore() -> Bool {
      lock.lock()
      defer { lock.unlock() }
      guard tid != 0, var set = allowed, let calls = Calls.shared else { return false }
      let cpu = Int(calls.getcpu())
      guard cpu >= 0, cpu < MemoryLayout<cpu_set_t>.size * 8, Self.isSet(cpu, set) else { return false }
      Self.clear(cpu, &set)
      guard calls.setaffinity(tid, MemoryLayout<cpu_set_t>.size, &set) == 0 else { return false }
      narrowed = true
      pinned = false
      return true
    }

    /// Moves the steered thread to the calling thread's core (``allowAll()`` or the next steering undoes it).
    func pinToCallersCore() {
      lock.lock()
      defer { lock.unlock() }
      guard narrowed, let calls = Calls.shared else { return }
      let cpu = Int(calls.getcpu())
      guard cpu >= 0, cpu < MemoryLayout<cpu_set_t>.size * 8 else { return }
      var set = cpu_set_t()
      Self.set(cpu, &set)
      if calls.setaffinity(tid, MemoryLayout<cpu_set_t>.size, &set) == 0 { pinned = true }
    }


    /// True while the steered thread is kept off the core of the thread that steered it.
    var isNarrowed: Bool { lock.withLock { narrowed && !pinned } }

    func allowAll() {
      lock.lock()
      defer { lock.unlock() }
      guard narrowed, let set = allowed, let calls = Calls.shared else { return }
      narrowed = false
      pinned = false
      var all = set
      _ = calls.setaffinity(tid, MemoryLayout<cpu_set_t>.size, &all)
    }

    private static func count(_ set: cpu_set_t) -> Int {
      withUnsafeBytes(of: set) { $0.reduce(0) { $0 + $1.nonzeroBitCount } }
    }

    private static func isSet(_ cpu: Int, _ set: cpu_set_t) -> Bool {
      withUnsafeBytes(of: set) { $0[cpu / 8] & UInt8(1 << (cpu % 8)) != 0 }
    }

    private static func set(_ cpu: Int, _ set: inout cpu_set_t) {
      withUnsafeMutableBytes(of: &set) { $0[cpu / 8] |= UInt8(1 << (cpu % 8)) }
    }

    private static func clear(_ cpu: Int, _ set: inout cpu_set_t) {
      withUnsafeMutableBytes(of: &set) { $0[cpu / 8] &= ~UInt8(1 << (cpu % 8)) }
    }
  #else
    func enter() {}
    var isNarrowed: Bool { false }
    func avoidCallersCore() -> Bool { false }
    func allowAll() {}
    func pinToCallersCore() {}
  #endif
}
