import Foundation
import SXCore
import XCTest

@testable import SXExport

/// The demo assessment ready to export, in one language.
func demoInput(_ l: Language) throws -> ExportInput {
  try ExportInput.compute(DemoAssessment.make(), language: l, generator: "sxsh 0.1.0")
}

/// External checkers (LibreOffice, Chromium, Python with openpyxl). A missing one fails the test with the fix.
enum Checker {
  struct Run {
    var status: Int32
    var stdout: Data
    var stderr: String
    var out: String { String(decoding: stdout, as: UTF8.self) }
  }

  static func which(_ name: String) -> String? {
    for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
      let p = "\(dir)/\(name)"
      if FileManager.default.isExecutableFile(atPath: p) { return p }
    }
    return nil
  }

  /// The path of a required tool, or a test failure telling how to install it.
  static func require(_ names: [String], file: StaticString = #filePath, line: UInt = #line) -> String? {
    for n in names { if let p = which(n) { return p } }
    XCTFail("checker \(names.joined(separator: "/")) is missing: run `bash .ci/setup` (CI installs it)", file: file, line: line)
    return nil
  }

  static func python(file: StaticString = #filePath, line: UInt = #line, module: String? = nil) -> String? {
    guard let py = require(["python3"], file: file, line: line) else { return nil }
    if let module, (try? run(py, ["-c", "import \(module)"]))?.status != 0 {
      XCTFail("python module \(module) is missing: run `bash .ci/setup` (CI installs it)", file: file, line: line)
      return nil
    }
    return py
  }

  /// Runs a tool with output to files (no pipe can fill up), with a time limit.
  @discardableResult
  static func run(_ exe: String, _ args: [String], stdin: Data? = nil, timeout: TimeInterval = 120, env: [String: String] = [:]) throws -> Run {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: exe)
    p.arguments = args
    var e = ProcessInfo.processInfo.environment
    for (k, v) in env { e[k] = v }
    p.environment = e
    let tmp = try tempDir()
    let o = tmp.appendingPathComponent("out"), er = tmp.appendingPathComponent("err")
    FileManager.default.createFile(atPath: o.path, contents: nil)
    FileManager.default.createFile(atPath: er.path, contents: nil)
    let oh = try FileHandle(forWritingTo: o), eh = try FileHandle(forWritingTo: er)
    p.standardOutput = oh
    p.standardError = eh
    let inp = Pipe()
    p.standardInput = inp
    try p.run()
    if let stdin { inp.fileHandleForWriting.write(stdin) }
    try inp.fileHandleForWriting.close()
    let deadline = Date().addingTimeInterval(timeout)
    while p.isRunning && Date() < deadline { usleep(50_000) }
    if p.isRunning { p.terminate() }
    p.waitUntilExit()
    try oh.close()
    try eh.close()
    defer { try? FileManager.default.removeItem(at: tmp) }
    return Run(status: p.terminationStatus, stdout: try Data(contentsOf: o), stderr: String(decoding: try Data(contentsOf: er), as: UTF8.self))
  }

  static func tempDir() throws -> URL {
    let u = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("sxexport-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: u, withIntermediateDirectories: true)
    return u
  }
}

/// The csv text of a cell as the exporter writes it (numbers plain, text neutralised).
func csvText(_ c: CellValue) -> String {
  switch c {
  case .empty: ""
  case .number(let v): Fmt.plain(v)
  case .text(let s): CSVExport.neutralise(s)
  }
}

/// An assessment whose texts try formula and markup injection.
func hostileAssessment() -> Assessment {
  var a = DemoAssessment.make()
  a.header.profile.name = "=HYPERLINK(\"http://evil.example\",\"x\")"
  a.steps[0].name = "<script>alert(1)</script>"
  a.materials[0].name = "+cmd|' /C calc'!A0"
  a.materials[1].name = "@SUM(1+1)"
  a.materials[2].name = "-2+3"
  a.team[0].name = "\tTab lead"
  a.opportunities[0].title = "＝1+1 (full-width)"
  return a
}
