import Foundation
import SXCore
import SXUI
import Testing

/// Alt-↑/↓ and Ctrl-↑/↓ (xterm modified arrows) reorder rows; Alt-k/Alt-j keep working.
@Suite struct ScreenKeyMoveTests {
  func decode(_ s: String) -> [InputEvent] {
    var d = KeyDecoder()
    return d.feed(s.unicodeScalars.map { .scalar($0.value) } + [.timeout])
  }

  @Test func modifiedArrowsAreDecoded() {
    #expect(decode("\u{1B}[1;3A") == [.key(.altUp)])
    #expect(decode("\u{1B}[1;3B") == [.key(.altDown)])
    #expect(decode("\u{1B}[1;5A") == [.key(.ctrlUp)])
    #expect(decode("\u{1B}[1;5B") == [.key(.ctrlDown)])
    #expect(decode("\u{1B}[1;7B") == [.key(.ctrlDown)])
    #expect(decode("\u{1B}[1;2A") == [.key(.up)])
    #expect(decode("\u{1B}[A") == [.key(.up)])
    #expect(decode("\u{1B}[1;5C") == [.key(.right)])
    #expect(decode("\u{1B}k") == [.key(.alt("k"))])
  }

  @Test func rowsMoveWithModifiedArrowsAndAltLetters() throws {
    let (d, repo) = try ScreenFixture.driver()
    d.send([.enter])
    let w6 = d.state.catalog.sheets.firstIndex { $0.id == "W6" } ?? 0
    while let doc = d.state.doc, doc.sheetIndex < w6 { d.send([.down]) }
    d.send([.enter])
    let ids = try repo.load(ScreenFixture.demoId).steps.map(\.id)
    try #require(ids.count >= 3)
    d.send([.altDown])
    #expect(try repo.load(ScreenFixture.demoId).steps.map(\.id).prefix(2) == [ids[1], ids[0]])
    #expect(d.state.doc?.sheet.row == 1)
    d.send([.ctrlDown])
    #expect(try repo.load(ScreenFixture.demoId).steps.map(\.id).prefix(3) == [ids[1], ids[2], ids[0]])
    d.send([.ctrlUp, .altUp])
    #expect(try repo.load(ScreenFixture.demoId).steps.map(\.id) == ids)
    d.send([.alt("j")])
    #expect(try repo.load(ScreenFixture.demoId).steps.map(\.id).prefix(2) == [ids[1], ids[0]])
    d.send([.alt("k")])
    #expect(try repo.load(ScreenFixture.demoId).steps.map(\.id) == ids)
  }
}
