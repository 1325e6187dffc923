import Foundation
import SXCore
import SXStore
import SXUI
import Testing

/// Behaviour of the screens driven by scripted keys through the same update path as the terminal.
@Suite struct ScreenFlowTests {
  @Test func catalogLoadsAllWorksheets() {
    #expect(ScreenFixture.catalog.sheets.count == 14)
    #expect(ScreenFixture.catalog.sheets.first?.id == "W0")
  }

  @Test func homeSearchIgnoresDiacritics() throws {
    let (d, _) = try ScreenFixture.driver()
    d.send([.char("/")])
    d.type("song huong")
    #expect(d.state.home.visible.count == 1)
    d.send([.ctrl("u")])
    d.type("zzz")
    #expect(d.state.home.visible.isEmpty)
  }

  @Test func createAssessmentFromHome() throws {
    let (d, repo) = try ScreenFixture.driver(demo: false)
    d.send([.insert])
    d.type("Công ty Dệt Đà Nẵng")
    d.send([.enter])
    #expect(d.state.route == .assessment)
    let list = try repo.list()
    #expect(list.count == 1)
    #expect(list.first?.plant == "Công ty Dệt Đà Nẵng")
  }

  /// Opens W7 of the demo with the selection on the first flow's quantity column.
  func openFlows(_ d: AppDriver) {
    d.send([.enter])  // open the demo
    while let doc = d.state.doc, doc.sheetIndex < 7 { d.send([.down]) }
    d.send([.enter])
  }

  /// Moves the selection to the column of `key` on the current sheet.
  func column(_ d: AppDriver, _ key: String) {
    let i = d.state.catalog.sheets[7].editableFields.firstIndex { $0.key == key } ?? 0
    for _ in 0..<i { d.send([.right]) }
  }

  @Test func editQuantityWithUnitIsSavedAndUndone() throws {
    let (d, repo) = try ScreenFixture.driver()
    openFlows(d)
    guard let q = d.state.catalog.sheets[7].editableFields.firstIndex(where: { $0.key == "quantity" }) else {
      Issue.record("no quantity field")
      return
    }
    for _ in 0..<q { d.send([.right]) }
    d.send([.enter, .ctrl("u")])
    d.type("12,5 kg")
    d.send([.enter])
    #expect(d.state.saveState == .saved)
    let stored = try repo.load(ScreenFixture.demoId)
    let first = stored.flows[0]
    #expect(first.quantity?.unit == "kg")
    #expect(first.quantity?.value == 12.5)
    d.send([.ctrl("z")])
    #expect(try repo.load(ScreenFixture.demoId).flows[0].quantity != first.quantity)
    d.send([.ctrl("y")])
    #expect(try repo.load(ScreenFixture.demoId).flows[0].quantity == first.quantity)
  }

  @Test func invalidValueIsNeverStored() throws {
    let (d, repo) = try ScreenFixture.driver()
    openFlows(d)
    let q = d.state.catalog.sheets[7].editableFields.firstIndex { $0.key == "quantity" } ?? 0
    for _ in 0..<q { d.send([.right]) }
    let before = try repo.load(ScreenFixture.demoId).flows[0].quantity
    d.send([.enter, .ctrl("u")])
    d.type("12 kWh/kg")
    #expect(d.state.doc?.sheet.editor?.message != nil)
    d.send([.enter])
    #expect(d.state.doc?.sheet.editor != nil)
    #expect(try repo.load(ScreenFixture.demoId).flows[0].quantity == before)
    d.send([.ctrl("u")])
    d.type("-3 t")
    d.send([.enter])
    #expect(try repo.load(ScreenFixture.demoId).flows[0].quantity == before)
  }

  @Test func storeFailureSaysNotSavedAndKeepsText() throws {
    let (d, repo) = try ScreenFixture.driver()
    openFlows(d)
    column(d, "name")
    repo.failCommits = true
    d.send([.enter, .ctrl("u")])
    d.type("Vải mộc mới")
    d.send([.enter])
    #expect(d.state.saveState != .saved)
    #expect(d.state.doc?.sheet.editor?.field.text == "Vải mộc mới")
    #expect(d.render().snapshotText().contains("CHƯA LƯU"))
    repo.failCommits = false
    d.send([.enter])
    #expect(d.state.saveState == .saved)
  }

  /// The store's own failure text starts "NOT SAVED: " / "CHƯA LƯU: "; the status line says it once, in both languages.
  @Test(arguments: [Language.vi, .en]) func storeSaveFailureSaysNotSavedOnce(_ language: Language) throws {
    let (d, repo) = try ScreenFixture.driver(language: language)
    openFlows(d)
    column(d, "name")
    repo.failCommits = true
    repo.commitFailure = StoreError.saveFailed(detail: "disk I/O error")
    d.send([.enter, .ctrl("u")])
    d.type("Vải mộc mới")
    d.send([.enter])
    let said = d.state.status.text
    let prefix = language == .vi ? "CHƯA LƯU: " : "NOT SAVED: "
    #expect(said.hasPrefix(prefix + "disk I/O error"), "\(said)")
    #expect(said.components(separatedBy: prefix).count == 2, "\(said)")
    #expect(d.state.doc?.sheet.editor?.field.text == "Vải mộc mới")
  }

  @Test func lettersAreTextWhileEditing() throws {
    let (d, repo) = try ScreenFixture.driver()
    openFlows(d)
    column(d, "name")
    d.send([.enter, .ctrl("u")])
    // Telex-style letters and a fake backspace, plus NFD input: all text, no command runs.
    d.type("sfrxjuq")
    d.send([.backspace])
    d.type("Vie\u{0323}\u{0302}t")
    d.send([.enter])
    let name = try repo.load(ScreenFixture.demoId).flows[0].name
    #expect(name == "sfrxjuViệt")
    #expect(name.unicodeScalars.count == "sfrxjuViệt".precomposedStringWithCanonicalMapping.unicodeScalars.count)
  }

  @Test func addFlowRowAndDeleteWithConfirm() throws {
    let (d, repo) = try ScreenFixture.driver()
    openFlows(d)
    let n = try repo.load(ScreenFixture.demoId).flows.count
    d.send([.insert])
    d.type("Nước giặt")
    d.send([.enter])
    #expect(try repo.load(ScreenFixture.demoId).flows.count == n + 1)
    d.send([.delete])
    d.send([.enter])  // "No" is the default
    #expect(try repo.load(ScreenFixture.demoId).flows.count == n + 1)
    d.send([.delete, .char("c")])
    #expect(try repo.load(ScreenFixture.demoId).flows.count == n)
  }

  @Test func uiStateReopensWhereTheUserWas() throws {
    let (d, repo) = try ScreenFixture.driver()
    openFlows(d)
    d.send([.down, .down, .f(10)])
    let d2 = AppDriver(state: AppState(language: .vi, catalog: ScreenFixture.catalog), repository: repo)
    d2.start(assessmentId: ScreenFixture.demoId)
    #expect(d2.state.doc?.sheetIndex == 7)
    #expect(d2.state.doc?.sheet.row == 2)
  }

  @Test func functionKeysSwitchViews() throws {
    let (d, _) = try ScreenFixture.driver()
    d.send([.enter, .f(5)])
    #expect(d.state.doc?.view == .balance)
    d.send([.f(4)])
    #expect(d.state.doc?.view == .results)
    d.send([.f(6)])
    #expect(d.state.doc?.view == .opportunities)
    d.send([.f(3)])
    if case .explain = d.state.overlay {} else { Issue.record("F3 did not open an explanation") }
    d.send([.escape, .f(2)])
    #expect(d.state.language == .en)
  }

  @Test func ctrlCAsksBeforeQuitting() throws {
    let (d, _) = try ScreenFixture.driver()
    d.send([.ctrl("c")])
    #expect(!d.shouldQuit)
    d.send([.escape])
    #expect(!d.shouldQuit)
    d.send([.ctrl("c"), .char("c")])
    #expect(d.shouldQuit)
  }

  @Test func tooSmallSaysEnlarge() throws {
    let (d, _) = try ScreenFixture.driver()
    d.resize(rows: 10, cols: 40)
    #expect(d.render().snapshotText().contains("phóng to"))
    d.resize(rows: 24, cols: 80)
    #expect(!d.render().snapshotText().contains("phóng to"))
  }
}
