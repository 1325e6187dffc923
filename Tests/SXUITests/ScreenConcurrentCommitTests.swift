import Foundation
import SXCore
import Testing

@testable import SXUI

/// The terminal loop's commit on another thread (``AppDriver/commitsConcurrently``): the frame rendered while it
/// runs is the one the synchronous path paints once it returned, the state left is the same, and a failure is put
/// back as NOT SAVED with the typed text kept.
@Suite struct ScreenConcurrentCommitTests {
  /// The in-memory repository, counting the commits that returned (read after ``AppDriver/settleCommit()``).
  final class CountingRepository: AssessmentRepository, @unchecked Sendable {
    let inner: MemoryRepository
    private let lock = NSLock()
    private var returned = 0
    /// For each ``afterCommit()``: how many commits had returned when it was called.
    private var upkeep: [Int] = []
    init(_ inner: MemoryRepository) { self.inner = inner }
    var commitsReturned: Int { lock.withLock { returned } }
    var afterCommits: [Int] { lock.withLock { upkeep } }
    func afterCommit() { lock.withLock { upkeep.append(returned) } }

    func list() throws -> [AssessmentListItem] { try inner.list() }
    func load(_ id: String) throws -> Assessment { try inner.load(id) }
    func loadHeader(_ id: String) throws -> AssessmentHeader { try inner.loadHeader(id) }
    func create(_ assessment: Assessment) throws { try inner.create(assessment) }
    func delete(_ id: String) throws { try inner.delete(id) }
    func commit(_ edits: [Edit], to id: String, label: String) throws -> [Edit] {
      defer { lock.withLock { returned += 1 } }
      return try inner.commit(edits, to: id, label: label)
    }
    func undo(_ id: String) throws -> (label: String, edits: [Edit])? { try inner.undo(id) }
    func redo(_ id: String) throws -> (label: String, edits: [Edit])? { try inner.redo(id) }
    func saveUIState(_ id: String, _ state: String) throws { try inner.saveUIState(id, state) }
    func loadUIState(_ id: String) throws -> String? { try inner.loadUIState(id) }
    func now() -> String { inner.now() }
    func newId() -> String { inner.newId() }
  }

  /// Two drivers over two fresh copies of the demo: the loop's (concurrent commits) and the scripted tests' one.
  func drivers() throws -> (concurrent: AppDriver, repo: CountingRepository, inner: MemoryRepository, synchronous: AppDriver) {
    let (plain, _) = try ScreenFixture.driver(language: .en)
    plain.defersDerived = true
    let inner = try MemoryRepository()
    try inner.create(DemoAssessment.make())
    let repo = CountingRepository(inner)
    let d = AppDriver(state: AppState(language: .en, rows: 24, cols: 80, catalog: ScreenFixture.catalog), repository: repo)
    d.defersDerived = true
    d.commitsConcurrently = true
    d.start(assessmentId: nil)
    return (d, repo, inner, plain)
  }

  /// Sends `keys` to both drivers as the loop does (render, settle, then the frame presented), checking at every key
  /// that the frame rendered before the commit returned is the one presented, and that it is the synchronous one.
  func send(_ keys: [Key], _ d: AppDriver, _ plain: AppDriver) {
    for k in keys {
      d.send(.key(k))
      let early = d.render()
      let failed = d.settleCommit()
      let presented = d.render()
      #expect(!failed)
      #expect(early == presented, "frame while committing differs after \(k):\n\(early.snapshotText())\n---\n\(presented.snapshotText())")
      plain.send(.key(k))
      #expect(presented == plain.render(), "frame differs from the synchronous one after \(k)")
    }
  }

  func type(_ text: String, _ d: AppDriver, _ plain: AppDriver) { send(text.map { .char($0) }, d, plain) }

  @Test func headerEditShowsTheSynchronousFrameAndStoresTheSameRows() throws {
    let (d, repo, inner, plain) = try drivers()
    send([.enter, .enter], d, plain)  // open the demo, focus W0
    let i = d.state.catalog.sheets[0].editableFields.firstIndex { $0.key.hasSuffix("address") } ?? 2
    send(Array(repeating: .down, count: i), d, plain)
    send([.enter, .ctrl("u")], d, plain)
    type("12 Riverside Road", d, plain)
    let before = repo.commitsReturned
    send([.enter], d, plain)
    #expect(repo.commitsReturned == before + 1)
    #expect(d.state.saveState == .saved)
    #expect(try inner.load(ScreenFixture.demoId).header.profile.address == "12 Riverside Road")
    // The mirror holds the header as stored (with its provenance), as the synchronous path's does.
    #expect(d.state.doc?.assessment.header == plain.state.doc?.assessment.header)
    #expect(d.state.doc?.assessment.header == (try inner.load(ScreenFixture.demoId).header))
    d.updateDerived()
    plain.updateDerived()
    #expect(d.render() == plain.render())
  }

  @Test func rowEditsAndNewRowsShowTheSynchronousFrame() throws {
    let (d, repo, inner, plain) = try drivers()
    send([.enter], d, plain)
    while let doc = d.state.doc, doc.sheetIndex < 7 { send([.down], d, plain) }
    send([.enter], d, plain)  // the flows table (W7)
    let name = d.state.catalog.sheets[7].editableFields.firstIndex { $0.key == "name" } ?? 0
    send(Array(repeating: .right, count: name), d, plain)
    send([.enter, .ctrl("u")], d, plain)
    type("Vải mộc mới", d, plain)
    send([.enter], d, plain)
    #expect(try inner.load(ScreenFixture.demoId).flows[0].name == "Vải mộc mới")
    let n = try inner.load(ScreenFixture.demoId).flows.count
    send([.insert], d, plain)
    type("Nước giặt", d, plain)
    send([.enter], d, plain)
    #expect(try inner.load(ScreenFixture.demoId).flows.count == n + 1)
    // The mirror is the assessment as stored (with provenance), as the synchronous path's is (a new row's id is
    // random, so the two are compared each with its own store).
    #expect(d.state.doc?.assessment == (try inner.load(ScreenFixture.demoId)))
    #expect(plain.state.doc?.assessment == (try (plain.repository as? MemoryRepository)?.load(ScreenFixture.demoId)))
    #expect(d.state.doc?.sheet.row == plain.state.doc?.sheet.row)
    #expect(repo.commitsReturned == 2)
  }

  @Test func failureIsPutBackAsNotSavedWithTheTextKept() throws {
    let (d, _, inner, _) = try drivers()
    d.send([.enter, .enter])
    let i = d.state.catalog.sheets[0].editableFields.firstIndex { $0.key.hasSuffix("address") } ?? 2
    d.send(Array(repeating: .down, count: i))
    let stored = try inner.load(ScreenFixture.demoId).header
    inner.failCommits = true
    d.send([.enter, .ctrl("u")])
    d.type("12 Riverside Road")
    d.send(.key(.enter))
    // Until it is settled the frame shows the edit saved: the loop must not present it.
    #expect(d.render().snapshotText().contains("Saved"))
    #expect(d.settleCommit())
    let frame = d.render().snapshotText()
    #expect(frame.contains("NOT SAVED"))
    #expect(!frame.contains("Saved:"))
    #expect(d.state.saveState != .saved)
    #expect(d.state.doc?.sheet.editor?.field.text == "12 Riverside Road")
    #expect(d.state.doc?.assessment.header == stored)
    #expect(try inner.load(ScreenFixture.demoId).header == stored)
    // Enter again once the store works: saved.
    inner.failCommits = false
    d.send(.key(.enter))
    #expect(!d.settleCommit())
    #expect(d.state.saveState == .saved)
    #expect(try inner.load(ScreenFixture.demoId).header.profile.address == "12 Riverside Road")
  }

  /// The store's upkeep (its checkpoint when due) follows each commit, saved or not, on either path: after the
  /// commit returned, never inside it.
  @Test func upkeepFollowsEachCommitOnBothPaths() throws {
    let (d, repo, inner, _) = try drivers()
    // A database of its own: in the shared one, the synchronous driver would reopen the demo where the other left it.
    let syncInner = try MemoryRepository()
    try syncInner.create(DemoAssessment.make())
    let syncRepo = CountingRepository(syncInner)
    let s = AppDriver(state: AppState(language: .en, rows: 24, cols: 80, catalog: ScreenFixture.catalog), repository: syncRepo)
    s.defersDerived = true
    s.start(assessmentId: nil)
    for driver in [d, s] {
      driver.send([.enter, .enter])
      let i = driver.state.catalog.sheets[0].editableFields.firstIndex { $0.key.hasSuffix("address") } ?? 2
      driver.send(Array(repeating: .down, count: i))
    }
    for (n, text) in ["16 Riverside Road", "18 Riverside Road"].enumerated() {
      inner.failCommits = n == 1
      syncInner.failCommits = n == 1
      for driver in [d, s] {
        driver.send([.enter, .ctrl("u")])
        driver.type(text)
        driver.send(.key(.enter))
        driver.settleCommit()
        if n == 1 { driver.send(.key(.escape)) }
      }
      // The commit thread calls it once the loop was told the outcome: wait for it (a second at most).
      let end = Date().addingTimeInterval(1)
      while repo.afterCommits.count < n + 1, Date() < end { usleep(1000) }
      // One call per commit, each once that commit had returned.
      for r in [repo, syncRepo] {
        #expect(r.commitsReturned == n + 1)
        #expect(r.afterCommits == Array(1...(n + 1)))
      }
    }
    #expect(try inner.load(ScreenFixture.demoId).header.profile.address == "16 Riverside Road")
    #expect(try syncInner.load(ScreenFixture.demoId).header.profile.address == "16 Riverside Road")
  }

  @Test func theNextEventSettlesAPendingCommitFirst() throws {
    let (d, repo, inner, _) = try drivers()
    d.send([.enter, .enter])
    let i = d.state.catalog.sheets[0].editableFields.firstIndex { $0.key.hasSuffix("address") } ?? 2
    d.send(Array(repeating: .down, count: i))
    d.send([.enter, .ctrl("u")])
    d.type("14 Riverside Road")
    d.send([.enter, .down])  // no settleCommit() between: send settles it before the key
    #expect(repo.commitsReturned == 1)
    #expect(!d.settleCommit())
    #expect(d.state.saveState == .saved)
    #expect(try inner.load(ScreenFixture.demoId).header.profile.address == "14 Riverside Road")
  }
}
