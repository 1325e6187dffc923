import Foundation
import XCTest

#if canImport(Glibc)
  import Glibc
#endif

/// The real `sxsh` binary in a pane of a private tmux server (`tmux -L <unique>`), for the reliability tests.
///
/// The command runs inside `sh -c` so the exit status and the terminal settings before and after are written to
/// files (tmux's `#{pane_dead_status}` is racy). Raw output bytes are recorded with `pipe-pane`.
final class TmuxPane {
  nonisolated(unsafe) static var tmuxPath = "/usr/bin/tmux"
  let socket: String
  let dir: URL

  init() throws {
    guard let path = ["/usr/bin/tmux", "/usr/local/bin/tmux"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
      throw XCTSkip("tmux is not installed")
    }
    Self.tmuxPath = path
    socket = "sxsh-rel-\(getpid())-\(UUID().uuidString.prefix(8))"
    dir = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent(socket)
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
  }

  func close() {
    _ = try? tmux(["kill-server"])
    try? FileManager.default.removeItem(at: dir)
  }

  func path(_ name: String) -> String { dir.appendingPathComponent(name).path }

  /// Runs one tmux client to completion (at most `timeout` seconds) and returns what it printed.
  ///
  /// Through `CLI.spawnDetached` (posix_spawn, /dev/null descriptors): a `Process` never sees a tmux client end.
  @discardableResult
  func tmux(_ args: [String], timeout: TimeInterval = 10) throws -> String {
    let out = dir.appendingPathComponent("out-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: out) }
    var env = ProcessInfo.processInfo.environment
    env["TMUX"] = nil
    env["TERM"] = "xterm-256color"
    let argv = [Self.tmuxPath, "-L", socket, "-f", "/dev/null"] + args
    guard try CLI.spawnDetached(argv, environment: env, output: out, timeout: timeout) != nil else {
      throw TmuxError(args: args, why: "timed out")
    }
    return (try? String(contentsOf: out, encoding: .utf8)) ?? ""
  }

  struct TmuxError: Error, CustomStringConvertible {
    var args: [String]
    var why: String
    var description: String { "tmux \(args.joined(separator: " ")): \(why)" }
  }

  /// Starts `sxsh <args>` with `env` (TERM, LANG, SXSH_DB …) in a `cols`×`rows` pane. The wrapper records
  /// `stty -a` before and after, then the exit status (last, so a test that saw it can read both), then keeps the pane open so its last screen can be read.
  /// The app starts only once the output is being recorded (`raw()` holds every byte it wrote, its first frame too).
  /// Variables that change what the app draws are unset unless `env` sets them (`swift test` itself sets NO_COLOR).
  /// `wrapper` runs the app (`fiu-run -x`): the arguments before the binary's path.
  func start(_ args: String, env: [String: String], cols: Int = 80, rows: Int = 24, wrapper: [String] = []) throws {
    let envText = env.sorted { $0.key < $1.key }.map { "\($0.key)=\(shellQuote($0.value))" }.joined(separator: " ")
    let go = path("go")
    let cmd = """
      n=0; while [ ! -e \(go) ] && [ $n -lt 1000 ]; do sleep 0.01; n=$((n+1)); done; \
      stty -a > \(path("stty-before")); env -u LC_ALL -u LC_CTYPE -u LANGUAGE \(CLI.unsetDrawingVariables) \(envText) \(wrapper.map(shellQuote).joined(separator: " ")) \(CLI.binary.path) \(args); \
      s=$?; stty -a > \(path("stty-after")); echo $s > \(path("status")); sleep 60
      """
    try tmux(["new-session", "-d", "-s", "t", "-x", "\(cols)", "-y", "\(rows)", "sh", "-c", cmd])
    try tmux(["pipe-pane", "-t", "t", "-o", "cat >> \(path("raw"))"])
    FileManager.default.createFile(atPath: go, contents: nil)
  }

  func shellQuote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }

  func screen() throws -> String { try tmux(["capture-pane", "-p", "-t", "t"]) }

  func keys(_ k: String...) throws { try tmux(["send-keys", "-t", "t"] + k) }
  func text(_ s: String) throws { try tmux(["send-keys", "-t", "t", "-l", s]) }
  func resize(_ cols: Int, _ rows: Int) throws { try tmux(["resize-window", "-t", "t", "-x", "\(cols)", "-y", "\(rows)"]) }

  /// Polls the pane until `text` appears; fails the test (with the screen) when it does not within `timeout`.
  @discardableResult
  func waitFor(_ text: String, timeout: Double = 10, file: StaticString = #filePath, line: UInt = #line) throws -> Bool {
    let end = Date().addingTimeInterval(timeout)
    while Date() < end {
      if try screen().contains(text) { return true }
      usleep(50_000)
    }
    XCTFail("«\(text)» did not appear; screen:\n\(try screen())", file: file, line: line)
    return false
  }

  /// The exit status written by the wrapper, waiting up to `timeout` seconds.
  func exitStatus(timeout: Double = 10) -> String? {
    let end = Date().addingTimeInterval(timeout)
    repeat {
      if let s = try? String(contentsOfFile: path("status"), encoding: .utf8), s.hasSuffix("\n") {
        return s.trimmingCharacters(in: .whitespacesAndNewlines)
      }
      usleep(50_000)
    } while Date() < end
    return nil
  }

  /// The pid of sxsh: the child of the pane's shell.
  func appPid(timeout: Double = 5) -> pid_t? {
    let end = Date().addingTimeInterval(timeout)
    repeat {
      if let shell = Int32(((try? tmux(["display", "-p", "-t", "t", "#{pane_pid}"])) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)),
        let kids = try? String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8),
        let first = kids.split(separator: " ").first.flatMap({ Int32($0) }),
        let comm = try? String(contentsOfFile: "/proc/\(first)/comm", encoding: .utf8), comm.hasPrefix("sxsh")
      {
        return first
      }
      usleep(50_000)
    } while Date() < end
    return nil
  }

  func file(_ name: String) -> String { (try? String(contentsOfFile: path(name), encoding: .utf8)) ?? "" }

  /// The recorded output bytes (pipe-pane).
  func raw() -> Data { (try? Data(contentsOf: dir.appendingPathComponent("raw"))) ?? Data() }
}

/// The stty settings that matter for "terminal restored" (the size can differ after a resize).
func sttyModes(_ text: String) -> [String] {
  text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == ";" }).map(String.init)
    .filter { $0.range(of: #"^-?(icanon|echo|ixon|isig|icrnl|opost|onlcr|iexten|echoe|echok)$"#, options: .regularExpression) != nil }
}
