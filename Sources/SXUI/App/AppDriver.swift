import Foundation
import SXCore
import SXEngine
import Synchronization

/// Runs the app against a repository: feeds events through ``AppUpdate`` and executes the effects
/// (store, undo/redo, open, create, delete, duplicate, UI state), recomputing results after each change.
/// The terminal loop and the tests use the same driver.
public final class AppDriver {
  public private(set) var state: AppState
  public let repository: any AssessmentRepository
  /// Computes the results of an assessment; the app passes the reference factors and the knowledge-base rules so
  /// that `Results.proposals` is filled (the default has no rules, hence no proposals).
  public var compute: (Assessment) -> Results = { Engine.compute($0) }
  /// Writes an export (the app wires `sxsh export`'s writer here: atomic, owner-only, no symlinks); nil when the
  /// session cannot export. It is given the assessment as stored.
  public var exporter: ((Assessment, ExportRequest) throws -> ExportOutcome)?
  /// When true, what is derived from the assessment (results, findings, markers, column widths) is not
  /// recomputed inside ``send(_:)``: the frame is painted first and the loop calls ``updateDerived()`` when no
  /// input is pending (the screen says "updating…" meanwhile). When false (the default, for scripted tests) it is
  /// recomputed before ``send(_:)`` returns.
  public var defersDerived = false
  /// When set (the terminal loop), the results, findings and markers after a change are derived on another thread
  /// with this function (the same as ``compute``, but callable from any thread): ``updateDerived(budget:)`` starts
  /// the work and installs it once done, so a key typed meanwhile is answered at once instead of waiting for the
  /// whole recompute. Nil (the default, for scripted tests): derived on the calling thread.
  public var backgroundCompute: (@Sendable (Assessment) -> Results)?
  /// The derivation running on another thread, if any (see ``backgroundCompute``).
  private var job: DerivedJob?
  /// The id of the open assessment while only its header is loaded (opened header first, see ``loadPendingRows()``).
  public private(set) var pendingRows: String?
  /// When true (the terminal loop), the durable commit an event asks for last runs on another thread while the loop
  /// renders the frame that shows it saved; ``settleCommit()`` then waits for it before that frame may be presented
  /// (and puts back the failure, NOT SAVED, when it failed). False (the default, for scripted tests): committed
  /// inside ``send(_:)``.
  public var commitsConcurrently = false {
    didSet { if commitsConcurrently && commitThread == nil { commitThread = CommitThread() } }
  }
  /// The commit running on another thread, if any (see ``commitsConcurrently``).
  private var pendingCommit: PendingCommit?
  /// Where concurrent commits run, one at a time: a thread of its own, started by the thread that turned
  /// ``commitsConcurrently`` on (the loop), whose scheduling priority it inherits. (A Dispatch queue's worker runs at
  /// the nice value libdispatch gives its quality of service, -4 to 2 on Linux, whatever the loop's.)
  private var commitThread: CommitThread?

  deinit { commitThread?.stop() }

  public init(state: AppState, repository: any AssessmentRepository) {
    self.state = state
    self.repository = repository
  }

  /// Loads the list and, when given, opens an assessment where the user left it.
  public func start(assessmentId: String?) {
    execute([.reloadList])
    if let id = assessmentId { execute([.open(id: id)]) }
  }

  /// One input event: update, then effects.
  public func send(_ event: InputEvent) {
    settleCommit()
    // Enter in an open editor is about to commit: the commit thread is woken now, while the edit is worked out.
    if let commitThread, event == .key(.enter), state.doc?.sheet.editor != nil || state.doc?.sheet.list?.editor != nil {
      commitThread.expect()
    }
    loadPendingRows()
    let effects = AppUpdate.update(&state, event)
    execute(effects)
    AppUpdate.settle(&state)
    if !defersDerived { updateDerived() }
  }

  /// True while a commit started by the last event runs on another thread (until ``settleCommit()``).
  public var isCommitPending: Bool { pendingCommit != nil }

  /// Convenience for tests: keys, and text typed one Character at a time.
  public func send(_ keys: [Key]) { for k in keys { send(.key(k)) } }
  public func type(_ text: String) { for u in text.unicodeScalars { send(.key(.char(Character(u)))) } }

  /// Renders the current state.
  public func render() -> ScreenBuffer { AppRender.render(state) }

  /// Resizes the screen.
  public func resize(rows: Int, cols: Int) { send(.resize(rows: rows, cols: cols)) }

  /// True once the user asked to quit.
  public var shouldQuit: Bool { state.shouldQuit }

  func execute(_ effects: [Effect]) {
    for (i, e) in effects.enumerated() {
      // Only the last effect may leave its commit running: nothing after it then reads what it stores.
      if commitsConcurrently, i == effects.count - 1, case .commit(let edits, let label) = e, let id = state.doc?.assessment.id {
        startCommit(edits, label: label, to: id)
      } else {
        execute(e)
      }
    }
  }

  /// Starts a commit on ``commitQueue`` and shows it as stored meanwhile (the state as it would be after it, with the
  /// edits as sent: they differ from the stored ones only in provenance, which no screen shows). The state before is
  /// kept, so that ``settleCommit()`` leaves exactly the state the synchronous path leaves, saved or not.
  private func startCommit(_ edits: [Edit], label: String, to id: String) {
    let pending = PendingCommit(before: state, label: label)
    let repository = UncheckedBox(self.repository)
    let run: @Sendable () -> Void = {
      let outcome = Result { try repository.value.commit(edits, to: id, label: label) }
      pending.finish(outcome)
      // After the loop was told: a checkpoint due runs here, not inside the commit (see AppDatabase's Checkpoints).
      repository.value.afterCommit()
    }
    // The commit is the longer path to the saved frame (its statements, then the WAL sync): it runs beside the
    // render (see CommitThread).
    if let commitThread { commitThread.run(run) } else { run() }
    pendingCommit = pending
    AppUpdate.committed(&state, edits, label: label)
  }

  /// Waits for the commit started by the last event, if any, and installs its outcome as the synchronous path
  /// would: the stored edits (with their provenance) on success, the state before with NOT SAVED on failure.
  /// Returns true when what the screen shows changed from the frame rendered while it ran (it failed): that frame
  /// must then not be presented, the app is rendered again.
  @discardableResult
  public func settleCommit() -> Bool {
    guard let pending = pendingCommit.take() else { return false }
    // A commit running on another core is waited for awake (for up to 5 ms): the frame that shows it follows as
    // soon as it returns, instead of after the scheduler wakes this thread (~0.05 ms here).
    let beside = commitThread?.release() ?? false
    // Kept off this core meanwhile, then free to use any core (at once when the wait turns to sleep).
    let settledOutcome = pending.wait(spinning: beside ? 5_000_000 : 0) { [commitThread] in if beside { commitThread?.widen() } }
    guard let settled = settledOutcome else { return false }
    state = settled.before
    let lang = state.language
    var failed = false
    switch settled.outcome {
    case .success(let stored):
      AppUpdate.committed(&state, stored, label: pending.label)
    case .failure(let error):
      AppUpdate.commitFailed(&state, AppUpdate.failureReason(error, lang))
      failed = true
    }
    AppUpdate.settle(&state)
    return failed
  }

  func execute(_ effect: Effect) {
    let lang = state.language
    do {
      switch effect {
      case .reloadList:
        state.home.items = try repository.list()
      case .create(let plant):
        var h = AssessmentHeader(id: repository.newId())
        let now = repository.now()
        h.profile.name = TextRules.nfc(plant)
        h.createdAt = now
        h.updatedAt = now
        try repository.create(Assessment(header: h))
        state.say(Strings.created(lang) + ": " + plant, .ok)
        state.saveState = .saved
        execute([.reloadList, .open(id: h.id)])
      case .duplicate(let id):
        var a = try repository.load(id)
        a.header.id = repository.newId()
        a.header.profile.name += Strings.copySuffix(lang)
        a.header.isSample = false
        a.header.createdAt = repository.now()
        a.header.updatedAt = a.header.createdAt
        try repository.create(a)
        state.say(Strings.duplicated(lang) + ": " + a.header.profile.name, .ok)
        try reloadListSelecting(a.header.id)
      case .delete(let id):
        try repository.delete(id)
        state.say(Strings.deleted(lang), .ok)
        state.home.items = try repository.list()
        state.home.selected = max(0, min(state.home.selected, state.home.visible.count - 1))
      case .open(let id):
        let saved = try repository.loadUIState(id).flatMap { try? JSONDecoder().decode(SavedUIState.self, from: Data(utf8Of: $0)) }
        let sheetIndex = saved.flatMap { s in state.catalog.sheets.firstIndex { $0.id == s.sheet } } ?? 0
        // A worksheet of the header alone is painted from the header; the rows are read right after that frame
        // (``loadPendingRows()``, before anything else looks at the assessment).
        let headerFirst = defersDerived && (saved.map { DocView(rawValue: $0.view) ?? .sheet } ?? .sheet) == .sheet
          && state.catalog.sheets.indices.contains(sheetIndex) && state.catalog.sheets[sheetIndex].record == nil
        let a = headerFirst ? Assessment(header: try repository.loadHeader(id)) : try repository.load(id)
        pendingRows = headerFirst ? id : nil
        var d = DocState(assessment: a)
        if let saved {
          d.sheetIndex = sheetIndex
          d.view = DocView(rawValue: saved.view) ?? .sheet
          d.sheet.row = max(0, saved.row)
          d.sheet.col = max(0, saved.col)
          d.navFocused = false
          if let m = saved.unitMode.flatMap(UnitMode.init(rawValue:)) { state.unitMode = m }
        }
        state.doc = d
        state.route = .assessment
        AppUpdate.settle(&state)
        // Deferred like after an edit: the sheet is painted first (as "updating…"), results and markers follow.
        if !defersDerived { updateDerived() }
      case .commit(let edits, let label):
        guard let id = state.doc?.assessment.id else { return }
        do {
          let stored = try repository.commit(edits, to: id, label: label)
          AppUpdate.committed(&state, stored, label: label)
        } catch {
          AppUpdate.commitFailed(&state, AppUpdate.failureReason(error, lang))
        }
        repository.afterCommit()
      case .undo, .redo:
        guard let id = state.doc?.assessment.id else { return }
        let undo = effect == .undo
        guard let done = try (undo ? repository.undo(id) : repository.redo(id)) else {
          state.say(undo ? Strings.nothingToUndo(lang) : Strings.nothingToRedo(lang), .warning)
          return
        }
        state.doc?.assessment = try repository.load(id)
        state.doc?.changedKinds = nil
        state.doc?.sheet.editor = nil
        state.doc?.sheet.list?.editor = nil
        state.saveState = .saved
        state.say((undo ? Strings.undone(lang) : Strings.redone(lang)) + ": " + done.label, .ok)
      case .saveUIState:
        guard state.route == .assessment, let d = state.doc, d.sheetIndex < state.catalog.sheets.count else { return }
        let saved = SavedUIState(sheet: state.catalog.sheets[d.sheetIndex].id, view: d.view.rawValue, row: d.sheet.row, col: d.sheet.col, language: lang.rawValue,
          unitMode: state.unitMode.rawValue)
        if let data = try? JSONEncoder().encode(saved) { try repository.saveUIState(d.assessment.id, String(decoding: data, as: UTF8.self)) }
      case .export(let request):
        try export(request)
      case .quit:
        state.shouldQuit = true
      }
    } catch {
      state.say(Strings.notSaved(lang) + ": " + AppUpdate.failureReason(error, lang), .error)
    }
  }

  /// Runs an export; an existing path asks before it is replaced, a failure says NOT EXPORTED with the reason.
  func export(_ request: ExportRequest) throws {
    let lang = state.language
    guard let exporter else {
      state.say(Strings.exportUnavailable(lang), .warning)
      return
    }
    do {
      let a = try repository.load(request.assessmentId)
      switch try exporter(a, request) {
      case .written(let path):
        state.say(Strings.exported(lang) + " " + request.format + " (" + request.language.rawValue + "): " + path, .ok)
      case .exists(let path):
        state.overlay = .confirm(
          ConfirmState(
            dialog: ConfirmDialog(title: Strings.exportExistsTitle(lang), message: path + "\n" + Strings.exportExistsMessage(lang), language: lang),
            action: .overwriteExport(request)))
      }
    } catch {
      let reason = (error as? LocalizedFailure)?.text(lang) ?? "\(error)"
      state.say(Strings.notExported(lang) + ": " + reason, .error)
      // Back to the dialog with the path as typed and the reason, so it can be corrected and retried.
      if var d = state.lastExport, d.assessmentId == request.assessmentId {
        d.message = reason
        d.focus = .path
        state.overlay = .export(d)
      }
    }
  }

  func reloadListSelecting(_ id: String) throws {
    state.home.items = try repository.list()
    if let i = state.home.visible.firstIndex(where: { $0.id == id }) { state.home.selected = i }
  }

  /// True when something derived from the open assessment is behind it (see ``updateDerived(budget:)``).
  public var needsDerivedUpdate: Bool {
    guard let d = state.doc else { return false }
    if d.isUpdating { return true }
    guard let key = AppUpdate.columnWidthsKey(state) else { return false }
    guard let w = d.columnWidths, ColumnWidthsKey(w) == key else { return true }
    return !w.complete
  }

  /// Recomputes what is derived from the open assessment and is out of date: engine results, validator findings
  /// and navigation markers (after a change), and the column widths of the table in view (after a change or
  /// when another table, language or unit mode is shown). With a `budget`, the column widths of a large table are
  /// measured a slice at a time (call again while ``needsDerivedUpdate``), so that a key is never kept waiting
  /// behind them, and with ``backgroundCompute`` set the results, findings and markers are derived on another
  /// thread (installed by a later call once done); without a budget, everything is brought up to date here.
  /// Returns true when something shown may have changed (the frame is then worth presenting again).
  @discardableResult
  public func updateDerived(budget: Duration? = nil) -> Bool {
    settleCommit()
    // Polled while a derivation runs on another thread: nothing to do until it is done, unless column widths are
    // behind (the document is then not copied in and out on every poll).
    if budget != nil, backgroundCompute != nil, pendingRows == nil, let job, job.output == nil, state.doc?.isUpdating == true,
      !columnWidthsBehind
    {
      return false
    }
    let loaded = loadPendingRows()
    guard var d = state.doc else { return loaded }
    let clock = ContinuousClock()
    let start = clock.now
    var changed = loaded
    var replaced: ReleaseBox?
    if d.isUpdating {
      if budget != nil, let backgroundCompute {
        changed = derivedInBackground(&d, backgroundCompute, replaced: &replaced)
      } else {
        job = nil
        let input = DerivedInput(d, sheets: state.catalog.sheets)
        input.output(results: compute(input.assessment)).install(into: &d)
        changed = true
      }
    }
    if let key = AppUpdate.columnWidthsKey(state), let spec = SheetScreen.spec(state) {
      var w = d.columnWidths ?? ColumnWidths(sheetIndex: -1, revision: -1, language: key.language, unitMode: key.unitMode, filter: "", longest: [])
      if ColumnWidthsKey(w) != key {
        w = ColumnWidths(
          sheetIndex: key.sheetIndex, revision: key.revision, language: key.language, unitMode: key.unitMode, filter: key.filter,
          longest: Array(repeating: 0, count: spec.editableFields.count))
      }
      if !w.complete {
        let rows = SheetModel.visibleRows(spec, d.sheet, d.assessment, key.language)
        var next = min(w.scanned, rows.count)
        while next < rows.count {
          let stop = min(rows.count, next + 64)
          let part = SheetRender.longestNumbers(spec, rows[next..<stop], d.assessment, key.language, key.unitMode)
          for i in w.longest.indices where i < part.count { w.longest[i] = max(w.longest[i], part[i]) }
          next = stop
          if let budget, clock.now - start >= budget { break }
        }
        w.scanned = next
        w.complete = next >= rows.count
        changed = true
      }
      if d.columnWidths != w { changed = true }
      d.columnWidths = w
    }
    state.doc = d
    // What was replaced (results and findings of a 10,000-row assessment) is freed on another thread, once nothing
    // else here refers to it: freeing it on this one kept a key waiting for milliseconds.
    if let box = replaced.take() { DispatchQueue.global(qos: .utility).async { box.empty() } }
    return changed
  }

  /// True when the table in view has column widths to measure (for another key, or not all rows yet).
  /// (``AppUpdate/columnWidthsKey(_:)`` compared with the widths measured, read field by field from `state`: passing
  /// `state` to a function copied the whole app state on every poll.)
  private var columnWidthsBehind: Bool {
    guard state.route == .assessment, state.doc?.view == .sheet, state.doc?.sheet.list == nil, let i = state.doc?.sheetIndex,
      i < state.catalog.sheets.count, state.catalog.sheets[i].record != nil, state.catalog.sheets[i].layout != .form,
      state.doc?.sheet.detail == false
    else { return false }
    guard let w = state.doc?.columnWidths else { return true }
    let current = w.sheetIndex == i && w.revision == state.doc?.revision && w.language == state.language && w.unitMode == state.unitMode
      && w.filter == state.doc?.sheet.filter
    return !(current && w.complete)
  }

  /// True while results, findings and markers are being derived on another thread (the loop then polls
  /// ``updateDerived(budget:)`` instead of blocking on input).
  public var isDerivingInBackground: Bool { job != nil }

  /// Starts, or installs when done, the derivation of the document's current revision on another thread. One job
  /// at a time: a job for an earlier revision (the user edited meanwhile) is installed as that revision's results
  /// (the screen still says "updating…", and results keep up during a long run of edits), then the current revision
  /// is started. Returns true when results were installed.
  private func derivedInBackground(_ d: inout DocState, _ compute: @escaping @Sendable (Assessment) -> Results, replaced: inout ReleaseBox?)
    -> Bool
  {
    var installed = false
    if let job {
      guard let output = job.output else { return false }  // still running
      self.job = nil
      if job.document == d.instance && job.revision > d.derivedRevision {
        replaced = ReleaseBox((d.results, d.issues))
        if job.revision == d.revision {
          output.install(into: &d)
          return true
        }
        output.installStale(into: &d)
        installed = true
      }
    }
    let input = DerivedInput(d, sheets: state.catalog.sheets)
    let job = DerivedJob(document: d.instance, revision: d.revision)
    self.job = job
    Thread.detachNewThread {
      job.finish(input.output(results: compute(input.assessment)))
    }
    return installed
  }
}

/// What the derivation of one revision reads: a snapshot of the document (a value: the main thread goes on with its
/// own copy).
struct DerivedInput: Sendable {
  let assessment: Assessment
  let revision: Int
  let sheets: [WorksheetSpec]
  let fill: [SheetModel.Fill]?
  let changedKinds: Set<RecordKind>?
  let headerChanged: Bool

  init(_ d: DocState, sheets: [WorksheetSpec]) {
    assessment = d.assessment
    revision = d.revision
    self.sheets = sheets
    fill = d.fill
    changedKinds = d.changedKinds
    headerChanged = d.headerChanged
  }

  /// Findings and markers (only the worksheets whose rows, or header, changed are read again), with `results`.
  func output(results: Results) -> DerivedOutput {
    let a = assessment
    let issues = Validator.validate(a)
    var fill = self.fill ?? []
    var changedKinds = self.changedKinds
    var headerChanged = self.headerChanged
    if fill.count != sheets.count {
      fill = sheets.map { _ in SheetModel.Fill(hasData: false, allFilled: false) }
      changedKinds = nil
      headerChanged = true
    }
    for (i, spec) in sheets.enumerated() {
      let changed = spec.record.map { k in changedKinds.map { $0.contains(k) } ?? true } ?? (headerChanged || changedKinds == nil)
      if changed { fill[i] = SheetModel.fill(spec, a) }
    }
    let progress = sheets.indices.map { SheetModel.progress(sheets[$0], fill[$0], issues) }
    return DerivedOutput(revision: revision, results: results, issues: issues, fill: fill, progress: progress)
  }
}

/// Results, findings and markers of one revision.
struct DerivedOutput: Sendable {
  let revision: Int
  let results: Results
  let issues: [DataIssue]
  let fill: [SheetModel.Fill]
  let progress: [SheetModel.Progress]

  /// Into the document it was derived from (at the same revision: nothing changed since the snapshot).
  func install(into d: inout DocState) {
    d.results = results
    d.issues = issues
    d.fill = fill
    d.changedKinds = []
    d.headerChanged = false
    d.progress = progress
    d.derivedRevision = revision
  }

  /// Into the document when it changed since the snapshot: what changed since (``DocState/changedKinds``, the
  /// header) is kept, to be read again with the next revision.
  func installStale(into d: inout DocState) {
    d.results = results
    d.issues = issues
    d.fill = fill
    d.progress = progress
    d.derivedRevision = revision
  }
}

/// A commit running on another thread (``AppDriver/commitsConcurrently``): the state before it, and its outcome
/// handed over under a lock.
final class PendingCommit: @unchecked Sendable {
  let label: String
  private var before: AppState?
  private let done = DispatchSemaphore(value: 0)
  private let lock = NSLock()
  private var outcome: Result<[Edit], any Error>?

  init(before: AppState, label: String) {
    self.before = before
    self.label = label
  }

  /// Set once the outcome is in (read without the lock while waiting awake).
  private let finished = Atomic<Bool>(false)

  func finish(_ outcome: Result<[Edit], any Error>) {
    lock.withLock { self.outcome = outcome }
    finished.store(true, ordering: .releasing)
    done.signal()
  }

  /// Waits for the outcome, polling for up to `spinning` nanoseconds before sleeping (only when the commit runs on
  /// another core: on this one it would wait for the poll); hands over the state before (once: this keeps no copy
  /// of it, so the state it becomes again is changed in place).
  /// `then` runs once the poll ends, before any sleep.
  func wait(spinning: UInt64 = 0, then: () -> Void = {}) -> (before: AppState, outcome: Result<[Edit], any Error>)? {
    if spinning > 0 {
      let until = CommitThread.now() + spinning
      while !finished.load(ordering: .acquiring) && CommitThread.now() < until {}
    }
    then()
    done.wait()
    guard let outcome = lock.withLock({ self.outcome }), let before = before.take() else { return nil }
    return (before, outcome)
  }
}

/// A value handed to another thread that this code alone uses there (the repository while a commit runs: the loop
/// does not use it until the commit is settled).
final class UncheckedBox<Value>: @unchecked Sendable {
  let value: Value
  init(_ value: Value) { self.value = value }
}

/// Derived values that were replaced, handed to another thread to be freed there.
final class ReleaseBox: @unchecked Sendable {
  private let lock = NSLock()
  private var value: (Results?, [DataIssue])?
  init(_ value: (Results?, [DataIssue])) { self.value = value }
  func empty() {
    let v = lock.withLock { value.take() }
    withExtendedLifetime(v) {}
  }
}

/// A derivation running on another thread; its output is handed over under a lock.
final class DerivedJob: @unchecked Sendable {
  let document: UUID
  let revision: Int
  private let lock = NSLock()
  private var result: DerivedOutput?

  init(document: UUID, revision: Int) {
    self.document = document
    self.revision = revision
  }

  func finish(_ output: DerivedOutput) { lock.withLock { result = output } }
  var output: DerivedOutput? { lock.withLock { result } }
}

extension AppDriver {
  /// Reads the rows of an assessment opened header first (nothing to do otherwise). Called after the first frame,
  /// and before any event or derived update. When they cannot be read the assessment is not opened, as when
  /// opening fails.
  /// Returns true when the rows were read or the open failed (the screen may then differ).
  @discardableResult
  public func loadPendingRows() -> Bool {
    guard let id = pendingRows else { return false }
    pendingRows = nil
    guard var d = state.doc, d.assessment.id == id else { return false }
    do {
      d.assessment = try repository.load(id)
      state.doc = d
      return true
    } catch {
      state.doc = nil
      state.route = .home
      let lang = state.language
      state.say(Strings.notSaved(lang) + ": " + AppUpdate.failureReason(error, lang), .error)
      return true
    }
  }

  /// Before leaving on a signal: remember where the user was (every edit is already stored).
  public func finish() {
    settleCommit()
    execute([.saveUIState])
    state.shouldQuit = true
  }
}
