import Foundation
import SXCore
import SXEngine

/// Where the worksheet definitions in use came from.
public enum WorksheetSource: Sendable, Hashable, CustomStringConvertible {
  /// A folder given on the command line.
  case commandLine(String)
  /// The folder named by `$SXSH_WORKSHEETS`.
  case environment(String)
  /// `./Worksheets` in the current directory.
  case currentDirectory(String)
  /// A `Worksheets` folder next to the executable (install or build tree).
  case executable(String)
  /// The copy compiled into the binary.
  case embedded

  /// The folder, when the source is one.
  public var path: String? {
    switch self {
    case .commandLine(let p), .environment(let p), .currentDirectory(let p), .executable(let p): p
    case .embedded: nil
    }
  }

  public var label: LocalizedText {
    switch self {
    case .commandLine(let p): LocalizedText(vi: "thư mục chỉ định: \(p)", en: "folder given: \(p)")
    case .environment(let p):
      LocalizedText(vi: "\(WorksheetLoader.environmentVariable): \(p)", en: "\(WorksheetLoader.environmentVariable): \(p)")
    case .currentDirectory(let p): LocalizedText(vi: "thư mục hiện tại: \(p)", en: "current directory: \(p)")
    case .executable(let p): LocalizedText(vi: "cạnh chương trình: \(p)", en: "next to the program: \(p)")
    case .embedded: LocalizedText(vi: "bản nhúng trong chương trình", en: "copy embedded in the program")
    }
  }

  /// The English label (logs); user-facing text uses `label`.
  public var description: String { label.en }
}

/// A folder found during lookup but not used because it has problems.
public struct SkippedWorksheets: Sendable, Hashable {
  public let source: WorksheetSource
  public let problems: [WorksheetProblem]

  public init(source: WorksheetSource, problems: [WorksheetProblem]) {
    self.source = source
    self.problems = problems
  }
}

/// The worksheet set in use, where it came from, and folders that were found but skipped because of problems.
public struct ResolvedWorksheets: Sendable {
  public let set: WorksheetSet
  public let source: WorksheetSource
  /// Folders found on the way (current directory, next to the executable) that had problems; the next source was used.
  public let skipped: [SkippedWorksheets]
  /// The knowledge-base rules (`rules/*.yaml`) of the same folder, checked with it (rules identical to the embedded
  /// copy are parsed on first use).
  public var rules: [OpportunityRule] { lazyRules.value }
  let lazyRules: LazyRules

  /// Starts parsing rules left for first use on another thread, so that they are ready sooner when a second core is
  /// free (`rules` then waits for that parse instead of starting its own).
  public func parseRulesInBackground() { lazyRules.parseInBackground() }

  public init(set: WorksheetSet, source: WorksheetSource, skipped: [SkippedWorksheets] = [], rules: [OpportunityRule] = []) {
    self.init(set: set, source: source, skipped: skipped, lazyRules: LazyRules(rules))
  }

  init(set: WorksheetSet, source: WorksheetSource, skipped: [SkippedWorksheets], lazyRules: LazyRules) {
    self.set = set
    self.source = source
    self.skipped = skipped
    self.lazyRules = lazyRules
  }
}

extension WorksheetLoader {
  /// Finds and loads the worksheet definitions in the runtime lookup order:
  /// `cliDir` → `$SXSH_WORKSHEETS` → `./Worksheets` → a `Worksheets` folder next to the executable → the embedded copy.
  ///
  /// A folder named explicitly (`cliDir`, the environment variable) must be valid: its problems are thrown.
  /// A folder found implicitly is skipped with its problems recorded, so a half-edited copy never stops the app.
  public static func resolve(
    cliDir: String?,
    environment: [String: String] = ProcessInfo.processInfo.environment,
    currentDirectory: String = FileManager.default.currentDirectoryPath,
    executablePath: String? = nil
  ) throws -> ResolvedWorksheets {
    if let cliDir, !cliDir.isEmpty {
      let l = try loadWithRules(directory: cliDir)
      return ResolvedWorksheets(set: l.set, source: .commandLine(cliDir), skipped: [], lazyRules: l.rules)
    }
    if let env = environment[environmentVariable], !env.isEmpty {
      let l = try loadWithRules(directory: env)
      return ResolvedWorksheets(set: l.set, source: .environment(env), skipped: [], lazyRules: l.rules)
    }
    var skipped: [SkippedWorksheets] = []
    var tried = Set<String>()
    /// The candidate's set, or nil when it is not a folder with a workflow file, was tried already, or has problems
    /// (recorded in `skipped`).
    func load(_ c: WorksheetSource) throws -> ResolvedWorksheets? {
      guard let p = c.path else { return nil }
      let key = realPath(p) ?? p
      guard tried.insert(key).inserted, FileManager.default.fileExists(atPath: join(p, workflowFile)) else { return nil }
      do {
        let l = try loadWithRules(directory: p)
        return ResolvedWorksheets(set: l.set, source: c, skipped: skipped, lazyRules: l.rules)
      } catch let e as WorksheetLoadError {
        skipped.append(SkippedWorksheets(source: c, problems: e.problems))
        return nil
      }
    }
    if let r = try load(.currentDirectory(join(currentDirectory, "Worksheets"))) { return r }
    // The folders near the executable are worked out only when the current directory has no usable copy.
    for dir in executableCandidates(executablePath ?? currentExecutable()) {
      if let r = try load(.executable(dir)) { return r }
    }
    let l = try embeddedWithRules()
    return ResolvedWorksheets(set: l.set, source: .embedded, skipped: skipped, lazyRules: l.rules)
  }

  /// `Worksheets` folders to try near an executable: its own folder, `../share/sxsh`, and the package root of a build
  /// tree (`.build/<triple>/debug/sxsh` → three levels up; `.build/debug/sxsh` → two).
  static func executableCandidates(_ exe: String?) -> [String] {
    guard let exe, !exe.isEmpty else { return [] }
    // The executable's real path (symbolic links followed, no "." or ".." left), then plain string steps up: the URL
    // methods (`resolvingSymlinksInPath`, `standardizedFileURL`) cost ~0.4 M instructions here on the way to the
    // first frame. A path that cannot be resolved (gone) keeps the URL route.
    guard let real = realPath(exe), real.hasPrefix("/") else { return candidatesByURL(exe) }
    let dir = parent(real)
    func under(_ d: String, _ rest: String) -> String { d == "/" ? "/" + rest : d + "/" + rest }
    return [
      under(dir, "Worksheets"),
      under(parent(dir), "share/sxsh/Worksheets"),
      under(parent(parent(dir)), "Worksheets"),
      under(parent(parent(parent(dir))), "Worksheets"),
    ]
  }

  /// ``executableCandidates(_:)`` worked out with URL: symbolic links resolved, then each candidate standardized.
  static func candidatesByURL(_ exe: String) -> [String] {
    let dir = URL(fileURLWithPath: exe).resolvingSymlinksInPath().deletingLastPathComponent()
    return [
      dir.appendingPathComponent("Worksheets"),
      dir.deletingLastPathComponent().appendingPathComponent("share/sxsh/Worksheets"),
      dir.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Worksheets"),
      dir.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Worksheets"),
    ].map { $0.standardizedFileURL.path }
  }

  /// The folder of an absolute path without "." or ".." components: `/a/b` → `/a`, `/a` → `/`, `/` → `/`.
  static func parent(_ path: String) -> String {
    guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "/" }
    let head = String(path[..<slash])
    return head.isEmpty ? "/" : head
  }

  /// `realpath(3)`: absolute, symbolic links resolved, no "." or ".." — or nil when the path does not exist.
  static func realPath(_ path: String) -> String? {
    guard let p = realpath(path, nil) else { return nil }
    defer { free(p) }
    return String(cString: p)
  }

  static func currentExecutable() -> String? {
    #if os(Linux)
      if let p = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return p }
    #endif
    return Bundle.main.executablePath ?? CommandLine.arguments.first
  }

  static func join(_ a: String, _ b: String) -> String {
    // An absolute folder of plain ASCII components and a plain name give `a/b`, as the URL round trip does, without
    // it (its first use costs ~0.5 M instructions at start); anything else goes through URL.
    if isPlainPath(a, absolute: true), isPlainPath(b, absolute: false), !b.utf8.contains(UInt8(ascii: "/")) {
      return a.utf8.last == UInt8(ascii: "/") ? a + b : a + "/" + b
    }
    return URL(fileURLWithPath: a).appendingPathComponent(b).path
  }

  /// Printable ASCII without "%", no empty component, no component starting with "." (so no "." or ".."), and
  /// `absolute`: starts with "/" (a final "/" is allowed); otherwise non-empty and not starting with "/".
  static func isPlainPath(_ p: String, absolute: Bool) -> Bool {
    let slash = UInt8(ascii: "/"), dot = UInt8(ascii: "."), percent = UInt8(ascii: "%")
    guard let first = p.utf8.first, (first == slash) == absolute else { return false }
    // A relative path starts as if after a "/", so a leading "." is refused too.
    var prev: UInt8 = absolute ? 0 : slash
    for c in p.utf8 {
      guard c >= 0x20, c < 0x7F, c != percent else { return false }
      if prev == slash, c == dot || c == slash { return false }
      prev = c
    }
    return true
  }
}
