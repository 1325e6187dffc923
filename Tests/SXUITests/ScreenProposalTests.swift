import Foundation
import SXCore
import SXEngine
import SXUI
import SXWorksheets
import Testing

/// "Đề xuất / Proposed" in F6: the knowledge base's proposals with their explanation; accept and dismiss are undoable edits.
@Suite struct ScreenProposalTests {
  func driverWithRules() throws -> (AppDriver, MemoryRepository) {
    let (d, repo) = try ScreenFixture.driver()
    let set = try WorksheetLoader.embedded()
    let factors = EngineFactors.from(set.reference)
    let rules = try RulesLoader.load(files: WorksheetLoader.embeddedFiles)
    d.compute = { Engine.compute($0, factors: factors, rules: rules) }
    return (d, repo)
  }

  @Test func acceptAndDismissProposals() throws {
    let (d, repo) = try driverWithRules()
    d.send([.enter, .f(6)])
    let proposals = d.state.doc?.results?.proposals ?? []
    try #require(proposals.count >= 2, "the demo has proposals")
    #expect(d.render().snapshotText().contains("Đề xuất (\(proposals.count))"))
    let nOpps = d.state.doc?.assessment.opportunities.count ?? 0
    // Down into the Proposed section; its explanation (the triggering figures) is shown.
    for _ in 0..<nOpps { d.send([.down]) }
    let first = proposals[0]
    #expect(d.render().snapshotText().contains("Đề xuất vì"))
    d.send([.char("a")])
    var stored = try repo.load(ScreenFixture.demoId)
    #expect(stored.opportunities.count == nOpps + 1)
    let accepted = try #require(stored.opportunities.first { $0.ruleId == first.ruleId })
    #expect(!accepted.explanation.isEmpty)
    #expect(!(d.state.doc?.results?.proposals ?? []).contains { $0.ruleId == first.ruleId })
    // Dismiss the next one: the rule goes to the header and is not proposed again.
    d.send([.down])
    let next = try #require(OppSelection.proposal(d))
    d.send([.char("x")])
    stored = try repo.load(ScreenFixture.demoId)
    #expect(stored.header.dismissedRules.contains(next.ruleId))
    #expect(!(d.state.doc?.results?.proposals ?? []).contains { $0.ruleId == next.ruleId })
    // Both are ordinary undoable edits.
    d.send([.ctrl("z")])
    #expect(try !repo.load(ScreenFixture.demoId).header.dismissedRules.contains(next.ruleId))
    d.send([.ctrl("z")])
    #expect(try repo.load(ScreenFixture.demoId).opportunities.count == nOpps)
    #expect((d.state.doc?.results?.proposals ?? []).contains { $0.ruleId == first.ruleId })
  }
}

/// The proposal under the selection, as the screen computes it (register rows first, then proposals).
enum OppSelection {
  static func proposal(_ d: AppDriver) -> Proposal? {
    guard let doc = d.state.doc else { return nil }
    let ps = doc.results?.proposals ?? []
    let i = doc.opp.row - doc.assessment.opportunities.count
    return i >= 0 && i < ps.count ? ps[i] : nil
  }
}
