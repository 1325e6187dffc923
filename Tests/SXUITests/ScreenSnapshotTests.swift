import Foundation
import SXCore
import SXUI
import Testing

/// Golden snapshots of every screen at 80×24 and 120×40, in Vietnamese and English, driven by scripted keys.
/// Re-record with `RECORD_SNAPSHOTS=1 swift test --filter ScreenSnapshotTests`.
@Suite(.serialized) struct ScreenSnapshotTests {
  static let sizes = [(24, 80), (40, 120)]

  /// Scripts reaching each screen from Home (the demo assessment is the only one).
  static let scripts: [(String, [Key])] = [
    ("Home", []),
    ("Profile", [.enter]),
    ("FlowsTable", [.enter] + Array(repeating: Key.down, count: 7) + [.enter]),
    ("FlowEditError", [.enter] + Array(repeating: Key.down, count: 7) + [.enter, .right, .right, .right, .right, .enter, .ctrl("u"), .char("9"), .char(" "), .char("k"), .char("W"), .char("h"), .char("/"), .char("k"), .char("g")]),
    ("Balance", [.enter, .f(5), .right, .right, .right]),
    ("Results", [.enter, .f(4)]),
    ("ResultsWaste", [.enter, .f(4), .tab, .tab, .tab]),
    ("Opportunities", [.enter, .f(6)]),
    ("OpportunityDetail", [.enter, .f(6), .enter]),
    ("OpportunityCalc", [.enter, .f(6), .enter, .char("c"), .down, .enter]),
    ("SavingsList", [.enter] + Array(repeating: Key.down, count: 11) + [.enter, .f(9)]),
    ("Explain", [.enter, .f(5), .f(3)]),
    ("Help", [.enter, .f(1)]),
    ("Keys", [.char("?")]),
    ("Palette", [.char(":")]),
    ("Calculators", [.enter, .f(7)]),
    ("ConfirmQuit", [.ctrl("c")]),
    ("Export", [.enter, .ctrl("e"), .down, .down, .down]),
  ]

  @Test(arguments: [Language.vi, Language.en])
  func screens(language: Language) throws {
    for (rows, cols) in Self.sizes {
      for (name, keys) in Self.scripts {
        let (d, _) = try ScreenFixture.driver(language: language, rows: rows, cols: cols)
        d.send(keys)
        assertSnapshot(d.render(), named: "Screen\(name)-\(language.rawValue)-\(cols)x\(rows)")
      }
    }
  }
}
