import ArgumentParser
import SXCore

/// The full-screen app's own invocations read without ArgumentParser, whose first parse costs more than painting
/// the first frame: `sxsh`, `sxsh open [ID]` and `sxsh demo [--no-open]`, each with `--db PATH` and `--lang vi|en`
/// (also as `--db=PATH`). Anything else (help, version, another subcommand, an unknown, repeated or misplaced option,
/// a value that is empty or looks like an option, `sxsh ID` without `open`) gives nil and is parsed by ArgumentParser
/// as before, so help, errors and every other command are unchanged.
enum FastLaunch {
  static func command(_ args: [String]) -> (any ParsableCommand)? {
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
    var global = GlobalOptions()
    global.db = db
    global.lang = lang
    if subcommand == "demo" {
      var c = DemoCommand()
      c.global = global
      c.noOpen = noOpen
      return c
    }
    var c = OpenCommand()
    c.global = global
    c.id = id
    return c
  }
}
