import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Timing and process helpers for the benchmark.
enum Measure {
  /// Monotonic nanoseconds.
  static func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

  /// Runs `body` `runs` times (after `warmup` unmeasured runs) and returns the durations in milliseconds.
  static func times(runs: Int, warmup: Int = 3, _ body: (Int) throws -> Void) rethrows -> [Double] {
    for i in 0..<warmup { try body(-1 - i) }
    var out: [Double] = []
    out.reserveCapacity(runs)
    for i in 0..<runs {
      let t0 = now()
      try body(i)
      out.append(Double(now() - t0) / 1e6)
    }
    return out
  }

  static func percentile(_ xs: [Double], _ p: Double) -> Double {
    guard !xs.isEmpty else { return .nan }
    let s = xs.sorted()
    let rank = p / 100 * Double(s.count - 1)
    let lo = Int(rank.rounded(.down)), hi = Int(rank.rounded(.up))
    return s[lo] + (s[hi] - s[lo]) * (rank - Double(lo))
  }

  static func median(_ xs: [Double]) -> Double { percentile(xs, 50) }

  /// Peak resident set size of this process in MiB (VmHWM), or nil when /proc is unavailable.
  static func peakRSSMiB() -> Double? {
    guard let s = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
    for line in s.split(separator: "\n") where line.hasPrefix("VmHWM:") {
      let kb = line.split(separator: " ").compactMap { Double($0) }.first
      return kb.map { $0 / 1024 }
    }
    return nil
  }

  /// Runs a program to completion; returns (status, stdout, wall milliseconds). `stdin` is written first.
  static func run(_ path: String, _ args: [String], stdin: Data? = nil) throws -> (status: Int32, out: String, ms: Double) {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: path)
    p.arguments = args
    let out = Pipe(), inp = Pipe()
    p.standardOutput = out
    p.standardInput = inp
    p.standardError = FileHandle.nullDevice
    let t0 = now()
    try p.run()
    // Write and read on different threads so neither pipe can fill up.
    let data = stdin ?? Data()
    let writer = Thread {
      inp.fileHandleForWriting.write(data)
      try? inp.fileHandleForWriting.close()
    }
    writer.start()
    let o = out.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    let ms = Double(now() - t0) / 1e6
    return (p.terminationStatus, String(decoding: o, as: UTF8.self), ms)
  }

  /// The first executable named `name` on PATH.
  static func which(_ name: String) -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for dir in path.split(separator: ":") {
      let p = "\(dir)/\(name)"
      if FileManager.default.isExecutableFile(atPath: p) { return p }
    }
    return nil
  }

  /// "CPU model × n, kernel" for the report.
  static func machine() -> String {
    var model = "unknown CPU"
    if let s = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
      let line = s.split(separator: "\n").first(where: { $0.hasPrefix("model name") }),
      let v = line.split(separator: ":", maxSplits: 1).last
    {
      model = v.trimmingCharacters(in: .whitespaces)
    }
    var u = utsname()
    uname(&u)
    let release = withUnsafeBytes(of: &u.release) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
    return "\(model) × \(ProcessInfo.processInfo.activeProcessorCount), Linux \(release)"
  }
}
