import Foundation
import XCTest

#if canImport(Glibc)
  import Glibc
#endif

/// Runs the built `sxsh` binary (it sits next to the test bundle in the build folder).
struct CLI {
  struct Result {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  static var binary: URL {
    let testExe = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    var dir = testExe.deletingLastPathComponent()
    // On Linux the xctest bundle is an executable in the build folder; on macOS it is a bundle inside it.
    for _ in 0..<4 {
      let candidate = dir.appendingPathComponent("sxsh")
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
      dir = dir.deletingLastPathComponent()
    }
    return URL(fileURLWithPath: "sxsh")
  }

  static var repoRoot: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  }

  @discardableResult
  static func run(_ args: [String], stdin: Data? = nil, env: [String: String] = [:], cwd: URL? = nil) throws -> Result {
    let p = Process()
    p.executableURL = binary
    p.arguments = args
    var e = ProcessInfo.processInfo.environment
    e["SXSH_LANG"] = "en"
    for (k, v) in env { e[k] = v }
    p.environment = e
    if let cwd { p.currentDirectoryURL = cwd }
    // Output goes to files, so a large output can never block the child on a full pipe.
    let tmp = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("sxsh-run-\(UUID().uuidString)")
    let outURL = tmp.appendingPathExtension("out"), errURL = tmp.appendingPathExtension("err")
    FileManager.default.createFile(atPath: outURL.path, contents: nil)
    FileManager.default.createFile(atPath: errURL.path, contents: nil)
    defer {
      try? FileManager.default.removeItem(at: outURL)
      try? FileManager.default.removeItem(at: errURL)
    }
    let outHandle = try FileHandle(forWritingTo: outURL), errHandle = try FileHandle(forWritingTo: errURL)
    let inp = Pipe()
    p.standardOutput = outHandle
    p.standardError = errHandle
    p.standardInput = inp
    try p.run()
    if let stdin { inp.fileHandleForWriting.write(stdin) }
    try inp.fileHandleForWriting.close()
    p.waitUntilExit()
    try outHandle.close()
    try errHandle.close()
    let outData = try Data(contentsOf: outURL), errData = try Data(contentsOf: errURL)
    return Result(
      status: p.terminationStatus, stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
  }

  /// A fresh temporary folder.
  static func tempDir() throws -> URL {
    let u = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("sxsh-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: u, withIntermediateDirectories: true)
    return u
  }

  /// `env` options that unset the variables changing what the full-screen app draws (`swift test` itself sets
  /// NO_COLOR): a tmux test that wants one sets it after these.
  static let unsetDrawingVariables = "-u NO_COLOR -u SXSH_ASCII -u SXSH_WORKSHEETS -u SXSH_TRACE"

  /// A copy of the repository's `Worksheets/` folder, at `<dir>/Worksheets`, for a test to change.
  static func worksheetsCopy(in dir: URL) throws -> URL {
    let copy = dir.appendingPathComponent("Worksheets")
    try FileManager.default.copyItem(at: repoRoot.appendingPathComponent("Worksheets"), to: copy)
    return copy
  }

  /// A full dump of the database through the sqlite3 command (the README test command installs it).
  static func dump(_ db: URL) throws -> String { try sqlite(db.path, ".dump") }

  /// What the sqlite3 command prints for `sql` on the database at `db` (an independent reader of what sxsh stored).
  static func sqlite(_ db: String, _ sql: String) throws -> String {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = ["sqlite3", db, sql]
    let out = Pipe()
    p.standardOutput = out
    try p.run()
    let d = out.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return String(decoding: d, as: UTF8.self)
  }
}

extension CLI {
  /// Runs `argv` to completion (at most `timeout` seconds) and returns its exit status, nil when it timed out (it is
  /// then killed). stdin and stderr are /dev/null, stdout is `output` or /dev/null, and no other descriptor of this
  /// process is inherited.
  ///
  /// `posix_spawn`, not `Process`: a tmux client forks the server daemon, which would otherwise keep a pipe of this
  /// process (and Foundation's own termination-watch socket) open, after which `Process` never sees the client end.
  static func spawnDetached(_ argv: [String], environment: [String: String], output: URL?, timeout: TimeInterval) throws -> Int32? {
    let envv = environment.map { "\($0.key)=\($0.value)" }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    if let output {
      posix_spawn_file_actions_addopen(&actions, 1, output.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    } else {
      posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    }
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let fds = ((try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []).compactMap { Int32($0) }
    for fd in fds where fd > 2 && fcntl(fd, F_GETFD) != -1 { posix_spawn_file_actions_addclose(&actions, fd) }
    var pid: pid_t = 0
    let cArgs = argv.map { strdup($0) } + [nil]
    let cEnv = envv.map { strdup($0) } + [nil]
    defer {
      cArgs.forEach { free($0) }
      cEnv.forEach { free($0) }
    }
    let rc = posix_spawn(&pid, argv[0], &actions, nil, cArgs, cEnv)
    guard rc == 0 else { throw SpawnFailed(argv: argv, code: rc) }
    let deadline = Date().addingTimeInterval(timeout)
    var status: Int32 = 0
    while Date() < deadline {
      let r = waitpid(pid, &status, WNOHANG)
      if r == pid { return (status >> 8) & 0xff }
      if r < 0 { return -1 }
      usleep(5_000)
    }
    kill(pid, SIGKILL)
    _ = waitpid(pid, &status, 0)
    return nil
  }

  struct SpawnFailed: Error, CustomStringConvertible {
    var argv: [String]
    var code: Int32
    var description: String { "cannot start \(argv.joined(separator: " ")) (posix_spawn \(code))" }
  }
}
