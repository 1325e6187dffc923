import SXCore
import SXStore

/// The full-screen app's own invocations read and run without ArgumentParser (neither its parser nor its option
/// types, whose first use costs more than painting the first frame): `sxsh`, `sxsh open [ID]` and
/// `sxsh demo [--no-open]`, each with `--db PATH` and `--lang vi|en` (also as `--db=PATH`). Anything else (help,
/// version, another subcommand, an unknown, repeated or misplaced option, a value that is empty or looks like an
/// option, `sxsh ID` without `open`) gives nil and is parsed by ArgumentParser as before, so help, errors and every
/// other command are unchanged.
enum FastLaunch {
  /// What the app was asked to do: open (an assessment, or the home screen) or the demo.
  enum Launch: Equatable {
    case open(db: String?, lang: Language?, id: String?)
    case demo(db: String?, lang: Language?, noOpen: Bool)
  }

  static func command(_ args: [String]) -> Launch? {
    var rest = args[...]
    var subcommand = "open"
    var explicit = false
    if let first = rest.first, first == "open" || first == "demo" {
      subcommand = first
      explicit = true
      rest = rest.dropFirst()
    }
    var db: String?
    var lang: Language?
    var id: String?
    var noOpen = false
    var seen: [String] = []  // options given so far (three at most)
    while let arg = rest.popFirst() {
      var name = arg
      var inline: String?
      if arg.hasPrefix("--"), let eq = arg.firstIndex(of: "=") {
        name = String(arg[..<eq])
        inline = String(arg[arg.index(after: eq)...])
      }
      switch name {
      case "--db", "--lang":
        guard !seen.contains(name), let value = inline ?? rest.popFirst(), !value.isEmpty, !value.hasPrefix("-") else { return nil }
        seen.append(name)
        if name == "--db" {
          db = value
        } else {
          guard let l = Language(rawValue: value) else { return nil }
          lang = l
        }
      case "--no-open":
        guard subcommand == "demo", inline == nil, !seen.contains(name) else { return nil }
        seen.append(name)
        noOpen = true
      default:
        guard subcommand == "open", explicit, id == nil, !arg.isEmpty, !arg.hasPrefix("-"), arg != "help" else { return nil }
        id = arg
      }
    }
    return subcommand == "demo" ? .demo(db: db, lang: lang, noOpen: noOpen) : .open(db: db, lang: lang, id: id)
  }

  /// Runs what `command` read (the same as `OpenCommand` / `DemoCommand` with those options).
  static func run(_ launch: Launch) throws {
    switch launch {
    case .open(let db, let lang, let id): try open(db: db, language: lang ?? Environment.language, id: id)
    case .demo(let db, let lang, let noOpen): try demo(db: db, language: lang ?? Environment.language, noOpen: noOpen)
    }
  }

  /// `sxsh [open] [ID]`: the full-screen app.
  static func open(db path: String?, language: Language, id: String?) throws {
    try guarded(language) {
      let db = try openDatabase(explicit: path)
      try Interactive.open(
        db: db, assessmentId: try id.map { try db.resolveId($0) }, language: language,
        afterFirstFrame: { try backupIfChanged(db) })
    }
  }

  /// `sxsh demo`: creates the demo assessment when it is missing (its id is fixed), then opens it or prints its id.
  static func demo(db path: String?, language: Language, noOpen: Bool) throws {
    try guarded(language) {
      let db = try openDatabase(explicit: path)
      if try !db.containsAssessment(DemoAssessment.id) {
        try db.create(DemoAssessment.make(now: Environment.now()))
      }
      if noOpen {
        print(DemoAssessment.id)
        return
      }
      try Interactive.open(
        db: db, assessmentId: DemoAssessment.id, language: language,
        afterFirstFrame: { _ = try Backups(databasePath: db.path).makeIfChanged(from: db) })
    }
  }
}
