import ArgumentParser
import Foundation
import SXCore
import SXExport
import SXStore

/// The version printed by `sxsh version` and written into exported documents.
enum BuildInfo {
  static let version = "0.1.0"
  static var generator: String { "sxsh \(version)" }
}

/// Options shared by every command: the database and the language.
struct GlobalOptions: ParsableArguments {
  @Option(name: .long, help: "Database file (default: $SXSH_DB, else $XDG_DATA_HOME/sxsh/sxsh.sqlite).")
  var db: String?

  @Option(name: .long, help: "Language: vi (default) or en. Also $SXSH_LANG.")
  var lang: Language?

  var language: Language { lang ?? Environment.language }

  /// Opens the database, creating the default folder (owner-only) when needed.
  func open() throws -> AppDatabase { try openDatabase(explicit: db) }

  /// The interactive app's versioned backup of the database it opened, made when the database changed (made after
  /// the first frame is painted and before any key is read, so it holds the database as it was opened).
  func backupIfChanged(_ db: AppDatabase) throws { try sxsh.backupIfChanged(db) }
}

/// Opens the database at `--db` (`explicit`), else the default location, creating the default folder (owner-only)
/// when needed. A damaged or foreign file is refused with the newest good backup named.
func openDatabase(explicit db: String?) throws -> AppDatabase {
  let path = try DatabaseLocation.resolve(explicit: db)
  do {
    return try AppDatabase(path: path)
  } catch let e as StoreError {
    // A damaged or foreign file: say so, and offer the newest good backup (the file itself is never touched).
    switch e {
    case .notSQLite, .cannotOpen:
      if let good = Backups(databasePath: path).newestGood() {
        throw CLIError(
          vi: e.message.vi + "; bản sao lưu tốt mới nhất: «\(good)»; khôi phục: sxsh restore --db \(path)",
          en: e.message.en + "; newest good backup: «\(good)»; restore it with: sxsh restore --db \(path)")
      }
      throw e
    default: throw e
    }
  }
}

/// The interactive app's versioned backup of the database it opened, made when the database changed.
func backupIfChanged(_ db: AppDatabase) throws {
  if db.path != ":memory:" {
    _ = try Backups(databasePath: db.path).makeIfChanged(from: db)
  }
}

extension Language: ExpressibleByArgument {}

enum Environment {
  static var language: Language {
    if let l = variable("SXSH_LANG").flatMap(Language.init(rawValue:)) { return l }
    return .vi
  }

  /// One environment variable, as `ProcessInfo.processInfo.environment[name]` gives it, without building the
  /// dictionary of the whole environment (~0.5 M instructions each time, on the way to the app's first frame).
  static func variable(_ name: String) -> String? {
    getenv(name).map { String(cString: $0) }
  }

  /// The named variables that are set, as a dictionary (for the APIs that take an environment), without building the
  /// dictionary of the whole environment. Only these names are in it: a reader of another name finds it unset.
  static func variables(_ names: [String]) -> [String: String] {
    var env: [String: String] = [:]
    for n in names { if let v = variable(n) { env[n] = v } }
    return env
  }

  static func now() -> String { ISOTime.string(secondsSince1970: Date().timeIntervalSince1970) }

  static func stamp() -> Provenance {
    let env = ProcessInfo.processInfo.environment
    let user = env["SXSH_USER"] ?? env["USER"] ?? env["LOGNAME"] ?? "unknown"
    return Provenance(by: user, at: now(), device: ProcessInfo.processInfo.hostName)
  }
}

/// Where the database lives: `--db`, else `$SXSH_DB`, else `$XDG_DATA_HOME/sxsh/sxsh.sqlite` (`~/.local/share/sxsh/`).
enum DatabaseLocation {
  static func resolve(explicit: String?) throws -> String {
    if let p = explicit ?? Environment.variable("SXSH_DB"), !p.isEmpty { return p }
    let base: String
    if let x = Environment.variable("XDG_DATA_HOME"), !x.isEmpty {
      base = x
    } else {
      base = (Environment.variable("HOME") ?? NSHomeDirectory()) + "/.local/share"
    }
    let dir = base + "/sxsh"
    if !FileManager.default.fileExists(atPath: dir) {
      try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    }
    return dir + "/sxsh.sqlite"
  }
}

/// Runs a command body: a failure prints one localised line on stderr and exits non-zero, never a stack trace.
func guarded(_ language: Language, _ body: () throws -> Void) throws {
  do {
    try body()
  } catch let e as ExitCode {
    throw e
  } catch let e as CleanExit {
    throw e
  } catch let e as LocalizedFailure {
    printError(e.text(language))
    throw ExitCode.failure
  } catch let e as CocoaError {
    printError(e.localizedDescription)
    throw ExitCode.failure
  } catch {
    printError("\(error)")
    throw ExitCode.failure
  }
}

func printError(_ message: String) {
  let one = message.split(separator: "\n").count > 1 ? message : message.replacingOccurrences(of: "\n", with: " ")
  // `write(_:)` traps when the write fails (a full or closed stderr); the throwing form does not.
  try? FileHandle.standardError.write(contentsOf: Data(("sxsh: " + one + "\n").utf8))
}

/// A CLI-level failure with a bilingual message.
struct CLIError: LocalizedFailure {
  var message: LocalizedText
  init(vi: String, en: String) { message = LocalizedText(vi: vi, en: en) }
}

/// Writes `data` to `path` atomically (temporary file in the same folder, then rename), owner-only,
/// refusing to overwrite without `force` and refusing to write through a symlink (`SafeWrite.file`).
func writeFileSafely(_ data: Data, to path: String, force: Bool) throws {
  try SafeWrite.file(data, to: path, force: force)
}
