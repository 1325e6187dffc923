import Foundation
import SXCore
import SXUI
import Testing

/// The export dialog (`^E`, palette): what it asks the app to write, the overwrite question, and the failure path.
/// The writer is a recording stand-in here; the real binary writes files in `TUIExportTests` (CLITests).
@Suite struct ScreenExportTests {
  final class Recorder: @unchecked Sendable {
    var requests: [ExportRequest] = []
    var answer: (ExportRequest) throws -> ExportOutcome = { .written($0.path) }
  }

  struct DiskFull: LocalizedFailure { var message = LocalizedText(vi: "đĩa đầy", en: "disk full") }

  func driver(_ lang: Language = .vi) throws -> (AppDriver, Recorder) {
    let (d, _) = try ScreenFixture.driver(language: lang)
    let r = Recorder()
    d.exporter = { a, req in
      #expect(a.id == req.assessmentId)
      r.requests.append(req)
      return try r.answer(req)
    }
    return (d, r)
  }

  func dialog(_ d: AppDriver) -> ExportDialogState? {
    if case .export(let e) = d.state.overlay { return e }
    return nil
  }

  // The demo plant is "Công ty CP Dệt May Sông Hương (MẪU)": folded by hand to ASCII words joined by '-'.
  static let base = "./cong-ty-cp-det-may-song-huong-mau"

  @Test func defaultsFollowFormatAndLanguage() throws {
    let (d, r) = try driver()
    d.send([.enter, .ctrl("e")])
    #expect(dialog(d)?.path.text == Self.base + "-vi.xlsx")
    d.send([.down, .down, .down])  // xlsx → csv → json → html
    #expect(dialog(d)?.path.text == Self.base + "-vi.html")
    d.send([.right])  // the language row: toggles to English
    #expect(dialog(d)?.language == .en)
    #expect(dialog(d)?.path.text == Self.base + "-en.html")
    d.send([.enter])
    #expect(d.state.overlay == nil)
    #expect(r.requests == [ExportRequest(assessmentId: ScreenFixture.demoId, format: "html", language: .en, path: Self.base + "-en.html")])
    #expect(d.state.status.text == "Đã xuất html (en): " + Self.base + "-en.html")
    #expect(d.state.status.kind == .ok)
    // Reopened with the same choices.
    d.send([.ctrl("e")])
    #expect(dialog(d)?.path.text == Self.base + "-en.html")
  }

  @Test func csvIsAFolderAndBlankIsHtml() throws {
    let (d, _) = try driver(.en)
    d.send([.enter, .ctrl("e"), .down])
    #expect(dialog(d)?.path.text == Self.base + "-en-csv")
    d.send([.down, .down, .down, .down])
    #expect(dialog(d)?.path.text == Self.base + "-en-blank.html")
  }

  @Test func typedPathKeepsLettersAsText() throws {
    let (d, r) = try driver()
    d.send([.enter, .ctrl("e"), .tab, .tab, .ctrl("u")])
    #expect(AppUpdate.textFocused(d.state))
    // Telex: letters such as 'e', 'v', 's', 'f' are text here, never commands.
    d.type("/tmp/báo cáo ev sf.md")
    d.send([.up, .up, .down, .down, .down, .down])  // back to the formats: md; the typed path is kept
    #expect(dialog(d)?.path.text == "/tmp/báo cáo ev sf.md")
    d.send([.enter])
    #expect(r.requests.last?.format == "md")
    #expect(r.requests.last?.path == "/tmp/báo cáo ev sf.md")
  }

  @Test func existingFileAsksBeforeOverwriting() throws {
    let (d, r) = try driver(.en)
    r.answer = { $0.overwrite ? .written($0.path) : .exists($0.path) }
    d.send([.enter, .ctrl("e"), .enter])
    guard case .confirm(let c) = d.state.overlay else {
      Issue.record("no confirmation")
      return
    }
    #expect(c.dialog.dialog.title == "File exists")
    d.send([.char("n")])
    #expect(r.requests.count == 1)
    #expect(d.state.overlay == nil)
    d.send([.ctrl("e"), .enter, .char("y")])
    #expect(r.requests.map(\.overwrite) == [false, false, true])
    #expect(d.state.status.text.hasPrefix("Exported xlsx (en): "))
  }

  @Test func failureSaysNotExportedAndKeepsTheDialog() throws {
    let (d, r) = try driver()
    r.answer = { _ in throw DiskFull() }
    d.send([.enter, .ctrl("e"), .tab, .tab, .ctrl("u")])
    d.type("/full/x.xlsx")
    d.send([.enter])
    #expect(d.state.status.text == "CHƯA XUẤT: đĩa đầy")
    #expect(d.state.status.kind == .error)
    #expect(dialog(d)?.message == "đĩa đầy")
    #expect(dialog(d)?.path.text == "/full/x.xlsx")
    #expect(dialog(d)?.focus == .path)
  }

  @Test func emptyPathIsRefusedInTheDialog() throws {
    let (d, r) = try driver(.en)
    d.send([.enter, .ctrl("e"), .tab, .tab, .ctrl("u"), .enter])
    #expect(r.requests.isEmpty)
    #expect(dialog(d)?.message == "A file path is needed")
  }

  @Test func homeExportsTheSelectedAssessment() throws {
    let (d, r) = try driver()
    d.send([.ctrl("e"), .enter])
    #expect(r.requests.first?.assessmentId == ScreenFixture.demoId)
  }

  @Test func paletteOffersExport() throws {
    let (d, r) = try driver(.en)
    d.send([.enter, .char(":")])
    d.type("export")
    d.send([.enter])
    #expect(dialog(d) != nil)
    d.send([.escape])
    #expect(d.state.overlay == nil)
    #expect(r.requests.isEmpty)
  }

  @Test func withoutAWriterItSaysSo() throws {
    let (d, _) = try ScreenFixture.driver(language: .en)
    d.send([.enter, .ctrl("e"), .enter])
    #expect(d.state.status.text == "Export is not available in this session")
  }
}
