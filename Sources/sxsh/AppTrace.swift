import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Opt-in timing of the full-screen loop for profiling (`SXSH_TRACE=PATH`): one line per event or idle step with
/// the monotonic time it was read and how long each phase took, in microseconds. Off (nil) unless the variable is
/// set; it never changes what the app does.
final class AppTrace {
  private let file: UnsafeMutablePointer<FILE>
  /// Microseconds of the last store commit (set by the repository, reported with the event that caused it).
  var commitMicros: Int = -1
  /// Monotonic time the last store commit started (reported relative to the event that caused it).
  var commitStartedAt: Int = -1

  init?(environment env: [String: String]) {
    guard let path = env["SXSH_TRACE"], !path.isEmpty, let f = fopen(path, "a") else { return nil }
    file = f
  }

  deinit { fclose(file) }

  static func now() -> Int {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return ts.tv_sec * 1_000_000 + ts.tv_nsec / 1000
  }

  /// CPU time of the calling thread, microseconds (what the loop itself spent, whatever the machine's load).
  static func threadCPU() -> Int {
    var ts = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
    return ts.tv_sec * 1_000_000 + ts.tv_nsec / 1000
  }

  /// One line: what, when it started, and the phases (name, microseconds).
  func log(_ what: String, start: Int, _ phases: [(String, Int)]) {
    var line = "\(what) t=\(start)"
    for (n, v) in phases { line += " \(n)=\(v)" }
    if commitMicros >= 0 {
      line += " commit=\(commitMicros) commitStart=+\(commitStartedAt - start)"
      commitMicros = -1
    }
    line += "\n"
    fputs(line, file)
    fflush(file)
  }
}
