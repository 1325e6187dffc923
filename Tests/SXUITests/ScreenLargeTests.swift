import Foundation
import SXCore
import SXEngine
import Testing

@testable import SXUI

/// What keeps a keystroke proportional to the screen: results derived after the frame, per-row validation,
/// the table's visible window, and the JSON tree read without writing JSON text.
@Suite struct ScreenLargeTests {
  /// The demo with `extra` more flows on its first step (names "Extra n", 1 kg each).
  static func bigDemo(extra: Int) -> Assessment {
    var a = DemoAssessment.make()
    let step = a.steps[0].id
    for i in 0..<extra {
      var f = Flow(id: "extra-\(i)", stepId: step)
      f.name = "Extra \(i)"
      a.flows.append(f)
    }
    return a
  }

  /// Opens the demo's W0 with the sheet focused, on the Address line.
  func openAddress(_ d: AppDriver) {
    d.send([.enter])  // open the demo
    d.send([.enter])  // focus the sheet (W0)
    let i = d.state.catalog.sheets[0].editableFields.firstIndex { $0.key.hasSuffix("address") } ?? 2
    for _ in 0..<i { d.send([.down]) }
  }

  @Test func deferredResultsArePaintedAsUpdatingThenComputed() throws {
    let (d, repo) = try ScreenFixture.driver(language: .en)
    d.defersDerived = true
    var computed = 0
    d.compute = { a in
      computed += 1
      return Engine.compute(a)
    }
    openAddress(d)
    // Opening paints the sheet first, as updating and without navigation markers; they follow when idle.
    #expect(computed == 0)
    #expect(d.state.doc?.isUpdating == true)
    let markers: Set<Character> = ["○", "◐", "●", "!"]
    let opened = d.render().snapshotText()
    #expect(opened.contains("updating…"))
    #expect(opened.contains("W0 · Company profile"))
    #expect(!opened.split(separator: "\n").contains { line in line.prefix(3).contains(where: markers.contains) })
    d.updateDerived()
    #expect(computed == 1)
    #expect(d.state.doc?.isUpdating == false)
    #expect(d.render().snapshotText().split(separator: "\n").contains { line in line.prefix(3).contains(where: markers.contains) })
    d.send([.enter, .ctrl("u")])
    d.type("12 Riverside Road")
    d.send([.enter])
    // Saved (the durable commit returned) and painted before the results are recomputed.
    #expect(d.state.saveState == .saved)
    #expect(try repo.load(ScreenFixture.demoId).header.profile.address == "12 Riverside Road")
    #expect(computed == 1)
    #expect(d.state.doc?.isUpdating == true)
    #expect(d.needsDerivedUpdate)
    let frame = d.render().snapshotText()
    #expect(frame.contains("updating…"))
    #expect(frame.contains("Saved"))
    d.updateDerived()
    #expect(computed == 2)
    #expect(d.state.doc?.isUpdating == false)
    #expect(!d.needsDerivedUpdate)
    #expect(!d.render().snapshotText().contains("updating…"))
  }

  /// Saves `text` as the address (the editor on the Address line of W0).
  func saveAddress(_ d: AppDriver, _ text: String) {
    d.send([.enter, .ctrl("u")])
    d.type(text)
    d.send([.enter])
  }

  /// Calls the loop's idle step until nothing derived is behind; false when that never happened (a bounded wait,
  /// nothing timed).
  func settleInBackground(_ d: AppDriver) -> Bool {
    for _ in 0..<20_000 {
      if !d.needsDerivedUpdate { return true }
      d.updateDerived(budget: .milliseconds(4))
      if d.isDerivingInBackground { Thread.sleep(forTimeInterval: 0.0005) }
    }
    return false
  }

  @Test func backgroundDerivationGivesWhatTheCallingThreadDerives() throws {
    let (d, _) = try ScreenFixture.driver(language: .en)
    d.defersDerived = true
    d.backgroundCompute = { Engine.compute($0) }
    openAddress(d)
    saveAddress(d, "12 Riverside Road")
    #expect(d.state.doc?.isUpdating == true)
    // The first idle step starts the work on another thread and returns at once.
    d.updateDerived(budget: .milliseconds(4))
    #expect(d.isDerivingInBackground || d.state.doc?.isUpdating == false)
    // A second edit while it runs: the first revision's results may be shown meanwhile, the last one's in the end.
    saveAddress(d, "14 Riverside Road")
    #expect(d.state.doc?.isUpdating == true)
    #expect(settleInBackground(d))
    #expect(!d.isDerivingInBackground)
    #expect(!d.render().snapshotText().contains("updating…"))

    let (inline, _) = try ScreenFixture.driver(language: .en)
    openAddress(inline)
    saveAddress(inline, "12 Riverside Road")
    saveAddress(inline, "14 Riverside Road")
    let bg = try #require(d.state.doc), fg = try #require(inline.state.doc)
    #expect(bg.assessment.header.profile.address == "14 Riverside Road")
    #expect(bg.derivedRevision == bg.revision)
    #expect(bg.results == fg.results)
    #expect(bg.issues == fg.issues)
    #expect(bg.progress == fg.progress)
    #expect(bg.fill == fg.fill)
    #expect(d.render().snapshotText() == inline.render().snapshotText())
  }

  /// A worksheet of the header alone is painted from the header (rows read after the frame): the same frame as
  /// with every row, for each such worksheet; the rows are there before any key is handled.
  @Test func headerSheetsOpenHeaderFirstWithTheSameFrame() throws {
    let headerSheets = ScreenFixture.catalog.sheets.filter { $0.record == nil }
    #expect(!headerSheets.isEmpty)
    for spec in headerSheets {
      let (d, repo) = try ScreenFixture.driver(language: .en)
      let id = ScreenFixture.demoId
      let saved = SavedUIState(sheet: spec.id, view: DocView.sheet.rawValue, row: 0, col: 0, language: "en", unitMode: nil)
      try repo.saveUIState(id, String(decoding: try JSONEncoder().encode(saved), as: UTF8.self))
      let full = try repo.load(id)
      #expect(!full.flows.isEmpty)
      d.defersDerived = true
      d.start(assessmentId: id)
      #expect(d.pendingRows == id)
      #expect(d.state.doc?.assessment.flows.isEmpty == true)
      #expect(d.state.doc?.assessment.header == full.header)
      let first = d.render().snapshotText()
      #expect(first.contains(spec.id + " · "))
      d.loadPendingRows()
      #expect(d.pendingRows == nil)
      #expect(d.state.doc?.assessment == full)
      #expect(d.render().snapshotText() == first)
    }
    // A table is opened whole; a key handled first reads the rows first.
    let (t, repo) = try ScreenFixture.driver(language: .en)
    let flows = try #require(ScreenFixture.catalog.sheets.first { $0.record == .flow })
    let saved = SavedUIState(sheet: flows.id, view: DocView.sheet.rawValue, row: 0, col: 0, language: "en", unitMode: nil)
    try repo.saveUIState(ScreenFixture.demoId, String(decoding: try JSONEncoder().encode(saved), as: UTF8.self))
    t.defersDerived = true
    t.start(assessmentId: ScreenFixture.demoId)
    #expect(t.pendingRows == nil)
    #expect(t.state.doc?.assessment == (try repo.load(ScreenFixture.demoId)))
    let (k, _) = try ScreenFixture.driver(language: .en)
    k.defersDerived = true
    k.start(assessmentId: ScreenFixture.demoId)
    #expect(k.pendingRows != nil)
    k.send([.down])
    #expect(k.pendingRows == nil)
    #expect(k.state.doc?.assessment.flows.isEmpty == false)
  }

  /// Rows that cannot be read after a header-first open: back to the list with the reason, as a failed open.
  @Test func unreadableRowsAfterHeaderFirstOpenLeaveTheAssessment() throws {
    let (d, repo) = try ScreenFixture.driver(language: .en)
    d.defersDerived = true
    d.start(assessmentId: ScreenFixture.demoId)
    #expect(d.state.route == .assessment)
    repo.failRowLoads = true
    d.updateDerived()
    #expect(d.state.route == .home)
    #expect(d.state.doc == nil)
    #expect(d.render().snapshotText().contains("damaged"))
  }

  @Test func inlineDriverRecomputesBeforeSendReturns() throws {
    let (d, _) = try ScreenFixture.driver(language: .en)
    openAddress(d)
    d.send([.enter, .ctrl("u")])
    d.type("Lot 5")
    d.send([.enter])
    #expect(d.state.doc?.isUpdating == false)
    #expect(!d.render().snapshotText().contains("updating…"))
  }

  @Test func rowValidationMatchesTheWholeAssessmentCheck() {
    var a = DemoAssessment.make()
    // Break flow 3 in several ways: empty name, unknown step, a unit of the wrong dimension, a long note.
    a.flows[3].name = " "
    a.flows[3].stepId = "no-such-step"
    a.flows[3].quantity = Quantity(value: 5, unit: "kWh", si: 5 * 3_600_000)
    a.flows[3].note = String(repeating: "x", count: Limits.maxTextLength + 1)
    let whole = Validator.validate(a).filter { $0.path.hasPrefix("$.flows[3].") }
    let row = Validator.validate(record: .flow(a.flows[3]), at: 3, arrayName: "flows", in: a)
    #expect(!whole.isEmpty)
    #expect(Set(row) == Set(whole))
    #expect(row.contains { $0.path == "$.flows[3].note" })
    // A good row has no findings.
    #expect(Validator.validate(record: .flow(a.flows[4]), at: 4, arrayName: "flows", in: a).isEmpty)
  }

  @Test func headerValidationMatchesTheWholeAssessmentCheck() {
    var a = DemoAssessment.make()
    a.header.profile.name = ""
    a.header.profile.shifts = 9
    a.header.profile.address = String(repeating: "ệ", count: Limits.maxTextLength + 1)
    let whole = Validator.validate(a).filter { $0.path.hasPrefix("$.header") }
    let header = Validator.validateHeader(a)
    #expect(whole.count == 3)
    #expect(Set(header) == Set(whole))
  }

  /// Setting a header field through its member only gives what rebuilding the whole header from JSON gives, for
  /// every header field of the catalogue, with its current value, no value, a text and a number.
  @Test func headerFieldSetThroughItsMemberAsThroughTheWholeHeader() throws {
    let a = DemoAssessment.make()
    var fields = 0
    for spec in ScreenFixture.catalog.sheets where spec.record == nil {
      for f in spec.editableFields {
        fields += 1
        let current = FieldCodec.value(in: FieldCodec.json(of: a.header), at: f.pathSegments)
        let values: [Any?] = [current, nil, "Lô 5, KCN Hòa Khánh", 42, 0.25]
        for v in values {
          let whole = try? FieldCodec.header(from: FieldCodec.setting(FieldCodec.json(of: a.header), at: f.pathSegments, to: v))
          let member = try? SheetModel.headerSetting(a.header, at: f.pathSegments, to: v)
          #expect(member == whole, "\(f.pathSegments) = \(String(describing: v))")
        }
      }
    }
    #expect(fields > 10)
  }

  @Test func treeEncodingGivesWhatJSONSerializationReadsBack() throws {
    let a = DemoAssessment.make()
    // Every record of every kind (the tree encoder's scalar leaves are told apart by type, not by casts).
    let records = a.records
    #expect(Set(records.map(\.kind)).count == RecordKind.allCases.count)
    for r in records {
      let parsed = try JSONSerialization.jsonObject(with: try r.encoded())
      let tree = FieldCodec.json(of: r)
      let expected = try JSONSerialization.data(withJSONObject: parsed, options: [.sortedKeys])
      let actual = try JSONSerialization.data(withJSONObject: tree, options: [.sortedKeys])
      #expect(String(decoding: actual, as: UTF8.self) == String(decoding: expected, as: UTF8.self))
    }
    // The demo header, and one with the optional members set otherwise and a boolean flipped.
    var other = a.header
    other.settings.systemCost = Quantity(value: 1.25, unit: "tỷ VND", si: 1.25e9)
    other.settings.wastewaterCharge = nil
    other.profile.shifts = nil
    other.profile.employees = 0
    other.settings.discountRate = 0.085
    other.isSample.toggle()
    for h in [a.header, other] {
      let header = try JSONSerialization.jsonObject(with: try JSONCoding.encoder().encode(h))
      let actual = try JSONSerialization.data(withJSONObject: FieldCodec.json(of: h), options: [.sortedKeys])
      let expected = try JSONSerialization.data(withJSONObject: header, options: [.sortedKeys])
      #expect(String(decoding: actual, as: UTF8.self) == String(decoding: expected, as: UTF8.self))
    }
    // A value JSON cannot hold is refused, as the encoder refuses it.
    other.settings.discountRate = .nan
    #expect(FieldCodec.json(of: other).isEmpty)
  }

  @Test func tableKeepsItsScrollOffsetWhileTheSelectionIsOnScreen() throws {
    let repo = try MemoryRepository()
    try repo.create(Self.bigDemo(extra: 300))
    let d = AppDriver(state: AppState(language: .en, rows: 24, cols: 80, catalog: ScreenFixture.catalog), repository: repo)
    d.start(assessmentId: nil)
    d.send([.enter])
    while let doc = d.state.doc, doc.sheetIndex < 7 { d.send([.down]) }
    d.send([.enter])
    let page = 16  // table body rows at 80×24
    for _ in 0..<40 { d.send([.down]) }
    #expect(d.state.doc?.sheet.row == 40)
    #expect(d.state.doc?.sheet.rowOffset == 40 - page + 1)
    /// The screen line of the selected table row: the "▶" in the table's gutter (right of the navigation).
    func selectedLine(_ b: ScreenBuffer) -> [Int] { (0..<b.rows).filter { r in (24..<b.cols).contains { b[r, $0].text == "▶" } } }
    let before = d.render()
    d.send([.up])
    // The window did not scroll: the highlight moved one line up and nothing else of the table changed.
    #expect(d.state.doc?.sheet.rowOffset == 40 - page + 1)
    let after = d.render()
    let was = selectedLine(before), now = selectedLine(after)
    #expect(was.count == 1 && now.count == 1)
    #expect(now.first.map { $0 + 1 } == was.first)
    let changedLines = (0..<before.rows).filter { r in (0..<before.cols).contains { before[r, $0] != after[r, $0] } }
    // The two marker cells, and the edit line under the table with its message (same field, other row).
    #expect(changedLines.count <= 4)
    let changedCells = (0..<before.rows).flatMap { r in (0..<before.cols).filter { before[r, $0] != after[r, $0] } }
    #expect(changedCells.count >= 2)
    // Moving down past the window's last line (row 40) scrolls it by one row.
    d.send([.down, .down])
    #expect(d.state.doc?.sheet.row == 41)
    #expect(d.state.doc?.sheet.rowOffset == 40 - page + 2)
  }
}
