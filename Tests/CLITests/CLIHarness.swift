import Foundation
import XCTest

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

  /// A full dump of the database through the sqlite3 command (the README test command installs it).
  static func dump(_ db: URL) throws -> String {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = ["sqlite3", db.path, ".dump"]
    let out = Pipe()
    p.standardOutput = out
    try p.run()
    let d = out.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return String(decoding: d, as: UTF8.self)
  }
}
