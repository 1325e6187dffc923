import Foundation
import SXCore
import Testing

@testable import SXUI

/// Opening and closing a form field's editor moves no line of the form: the field's help stays under it while it is
/// edited (a save then redraws the field, the status line and the key bar, not every line below the field).
@Suite struct ScreenFormStabilityTests {
  @Test(arguments: [Language.vi, .en])
  func editingAFormFieldMovesNoLine(language: Language) throws {
    let (d, _) = try ScreenFixture.driver(language: language)
    d.send([.enter, .enter])  // open the demo, focus W0
    let i = d.state.catalog.sheets[0].editableFields.firstIndex { $0.key.hasSuffix("address") } ?? 2
    d.send(Array(repeating: .down, count: i))
    let field = d.state.catalog.sheets[0].editableFields[i]
    let help = String(field.help.text(language).prefix(20))
    let closed = d.render().snapshotText().split(separator: "\n", omittingEmptySubsequences: false)
    d.send(.key(.enter))
    #expect(d.state.doc?.sheet.editor != nil)
    let open = d.render().snapshotText().split(separator: "\n", omittingEmptySubsequences: false)
    let helpRow = closed.firstIndex { $0.contains(help) }
    #expect(helpRow != nil, "the help of the focused field is shown")
    if let helpRow { #expect(open[helpRow].contains(help), "the help stays under the field while it is edited") }
    // Every line below the field's help is the same with the editor open (the navigation and status lines aside).
    if let helpRow {
      for r in (helpRow + 1)..<(closed.count - 2) {
        #expect(closed[r] == open[r], "line \(r) moved when the editor opened")
      }
    }
    d.send([.ctrl("u")])
    d.type("12 Riverside Road")
    d.send(.key(.enter))
    let saved = d.render().snapshotText().split(separator: "\n", omittingEmptySubsequences: false)
    if let helpRow {
      for r in (helpRow + 1)..<(closed.count - 2) {
        #expect(closed[r] == saved[r], "line \(r) moved when the editor closed")
      }
    }
  }
}
