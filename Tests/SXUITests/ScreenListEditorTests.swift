import Foundation
import SXCore
import SXUI
import Testing

/// F9: the savings sub-table of an opportunity (add, edit with units, delete, undo).
@Suite struct ScreenListEditorTests {
  func openSheet(_ d: AppDriver, _ id: String) {
    d.send([.enter])
    let target = d.state.catalog.sheets.firstIndex { $0.id == id } ?? 0
    while let doc = d.state.doc, doc.sheetIndex < target { d.send([.down]) }
    d.send([.enter])
  }

  @Test func addEditDeleteSavingRows() throws {
    let (d, repo) = try ScreenFixture.driver()
    openSheet(d, "W10")
    let opp = try #require(d.state.doc?.assessment.opportunities.first)
    let before = opp.savings.count
    d.send([.f(9)])
    #expect(d.state.doc?.sheet.list != nil)
    // Ins: choose the resource first (electricity is the first choice).
    d.send([.insert])
    guard case .picker = d.state.overlay else {
      Issue.record("no resource picker")
      return
    }
    d.send([.enter])
    var stored = try repo.load(ScreenFixture.demoId).opportunities.first { $0.id == opp.id }
    #expect(stored?.savings.count == before + 1)
    #expect(stored?.savings.last?.resource == .electricity)
    #expect(d.state.doc?.sheet.list?.row == before)
    // The amount, typed with its unit; letters are text while the field is open.
    d.send([.right, .enter, .ctrl("u")])
    #expect(AppUpdate.textFocused(d.state))
    d.type("120 MWh")
    d.send([.enter])
    stored = try repo.load(ScreenFixture.demoId).opportunities.first { $0.id == opp.id }
    #expect(stored?.savings.last?.quantity?.unit == "MWh")
    #expect(stored?.savings.last?.quantity?.value == 120)
    #expect(d.render().snapshotText().contains("120 MWh"))
    // The value in triệu VND.
    d.send([.right, .right, .enter, .ctrl("u")])
    d.type("250")
    d.send([.enter])
    stored = try repo.load(ScreenFixture.demoId).opportunities.first { $0.id == opp.id }
    #expect(stored?.savings.last?.value?.si == 250_000_000)
    // A wrong unit is refused and never stored.
    d.send([.left, .left, .enter, .ctrl("u")])
    d.type("5 bar")
    d.send([.enter])
    #expect(d.state.doc?.sheet.list?.message != nil)
    d.send([.escape])
    // Delete asks, then removes the row; undo brings it back.
    d.send([.delete])
    d.send([.char("y")])
    if case .confirm = d.state.overlay { d.send([.enter]) }
    stored = try repo.load(ScreenFixture.demoId).opportunities.first { $0.id == opp.id }
    #expect(stored?.savings.count == before)
    d.send([.ctrl("z")])
    stored = try repo.load(ScreenFixture.demoId).opportunities.first { $0.id == opp.id }
    #expect(stored?.savings.count == before + 1)
    d.send([.escape])
    #expect(d.state.doc?.sheet.list == nil)
  }
}
