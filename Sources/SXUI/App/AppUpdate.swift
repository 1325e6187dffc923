import SXCore

/// The single update path for real and scripted input: overlays first, then global keys, then the screen.
public enum AppUpdate {
  /// Applies one input event and returns what the loop must do.
  public static func update(_ s: inout AppState, _ event: InputEvent) -> [Effect] {
    switch event {
    case .resize(let r, let c):
      s.rows = r
      s.cols = c
      return []
    case .mouse: return []
    case .paste(let text):
      // Pasted text only ever goes into a focused text field.
      if var d = s.doc, var ed = d.sheet.editor {
        ed.field.insert(text)
        d.sheet.editor = ed
        s.doc = d
      } else if var d = s.doc, var ed = d.opp.calc?.editor {
        ed.insert(text)
        d.opp.calc?.editor = ed
        s.doc = d
      } else if var d = s.doc, var ed = d.sheet.list?.editor {
        ed.insert(text)
        d.sheet.list?.editor = ed
        s.doc = d
      } else if case .prompt(var p) = s.overlay {
        p.field.insert(text)
        s.overlay = .prompt(p)
      } else if s.route == .home && s.home.searching {
        s.home.search.insert(text)
      }
      return []
    case .key(let key): return update(&s, key)
    }
  }

  /// True when a text field has focus: letters are then text, never commands.
  public static func textFocused(_ s: AppState) -> Bool {
    if case .prompt = s.overlay { return true }
    if case .palette = s.overlay { return true }
    if case .export(let d) = s.overlay { return d.focus == .path }
    if s.route == .home { return s.home.searching }
    guard let d = s.doc else { return false }
    return d.sheet.editor != nil || d.sheet.query != nil || d.calc.editor != nil || d.sheet.list?.editor != nil || d.opp.calc?.editor != nil
  }

  static func update(_ s: inout AppState, _ key: Key) -> [Effect] {
    let lang = s.language
    // Ctrl-C always asks; F10 / Ctrl-Q quit at once (everything is already saved).
    if key == .ctrl("c") {
      s.overlay = .confirm(ConfirmState(dialog: ConfirmDialog(title: Strings.quitTitle(lang), message: Strings.quitMessage(lang), language: lang), action: .quit))
      return []
    }
    if key == .f(10) || key == .ctrl("q") { return [.saveUIState, .quit] }
    if let o = s.overlay { return Overlays.update(&s, o, key) }
    let text = textFocused(s)
    switch key {
    case .f(1): s.overlay = .help(scroll: 0); return []
    case .f(2) where !text:
      s.language = lang == .vi ? .en : .vi
      s.say(Strings.languageSwitched(s.language), .ok)
      return [.saveUIState]
    case .char("?") where !text: s.overlay = .keys(scroll: 0); return []
    case .char(":") where !text: s.overlay = .palette(Overlays.palette(s, filter: "")); return []
    case .ctrl("e") where !text: return openExport(&s)
    case .ctrl("z") where !(s.doc?.sheet.editor != nil), .char("u") where !text:
      return s.route == .assessment ? [.undo] : []
    case .ctrl("y") where !(s.doc?.sheet.editor != nil):
      return s.route == .assessment ? [.redo] : []
    default: break
    }
    if s.route == .assessment && !text {
      switch key {
      case .f(3): return explain(&s)
      case .f(4): return AssessmentScreen.show(&s, .results)
      case .f(5): return AssessmentScreen.show(&s, .balance)
      case .f(6): return AssessmentScreen.show(&s, .opportunities)
      case .f(7): return AssessmentScreen.show(&s, .calculators)
      default: break
      }
    }
    switch s.route {
    case .home: return HomeScreen.update(&s, key)
    case .assessment: return AssessmentScreen.update(&s, key)
    }
  }

  /// `^E`: the export dialog for the open assessment, or for the one selected on the home screen.
  static func openExport(_ s: inout AppState) -> [Effect] {
    if s.route == .assessment, let d = s.doc {
      ExportDialog.open(&s, assessmentId: d.assessment.id, plant: d.assessment.header.profile.name)
    } else if s.route == .home, s.home.selected < s.home.visible.count {
      let item = s.home.visible[s.home.selected]
      ExportDialog.open(&s, assessmentId: item.id, plant: item.plant)
    }
    return []
  }

  /// F3: the explanation of the figure in view.
  static func explain(_ s: inout AppState) -> [Effect] {
    guard let d = s.doc else { return [] }
    var path: String?
    switch d.view {
    case .balance: path = BalanceView.explainPath(d)
    case .results: path = ResultsView.explainPath(s, d)
    case .opportunities: path = OpportunitiesView.explainPath(d)
    case .sheet:
      // On W7 the step balance of the selected flow; on W10/W11 the payback of the selected option.
      if let spec = SheetScreen.spec(s), let kind = spec.record {
        let rows = SheetModel.visibleRows(spec, d.sheet, d.assessment, s.language)
        if !rows.isEmpty {
          let r = rows[min(d.sheet.row, rows.count - 1)]
          switch (kind, r) {
          case (.flow, .flow(let f)): path = "balance.steps[\(f.stepId)].closurePercent"
          case (.processStep, _): path = "balance.steps[\(r.id)].closurePercent"
          case (.opportunity, _): path = "economics.opportunities[\(r.id)].simplePayback"
          case (.energyCarrier, _): path = "energy.carriers[\(r.id)].toe"
          default: path = nil
          }
        }
      }
      if path == nil { path = "energy.total.toe" }
    case .calculators: path = nil
    }
    guard let p = path, d.results?.explain(path: p) != nil else {
      s.say(Strings.nothingToExplain(s.language), .warning)
      return []
    }
    s.overlay = .explain(path: p, scroll: 0)
    return []
  }

  // MARK: Results of effects (called by the driver)

  /// A commit was stored: mirror it in memory, close the editor, say so.
  public static func committed(_ s: inout AppState, _ edits: [Edit], label: String) {
    guard var d = s.doc else { return }
    let spec = SheetScreen.spec(s)
    // Take the document out of the state first, so the edit changes its rows in place instead of copying them.
    s.doc = nil
    for e in edits {
      _ = try? d.assessment.apply(e)
      switch e {
      case .setHeader: d.headerChanged = true
      case .upsert(let r, _): d.changedKinds?.insert(r.kind)
      case .delete(let k, _), .move(let k, _, _): d.changedKinds?.insert(k)
      }
    }
    if let ed = d.sheet.editor, let n = ed.target.newRecord, let spec {
      let rows = SheetModel.visibleRows(spec, d.sheet, d.assessment, s.language)
      if let i = rows.firstIndex(where: { $0.id == n.id }) { d.sheet.row = i }
    }
    d.sheet.editor = nil
    d.sheet.list?.editor = nil
    d.sheet.list?.message = nil
    s.doc = d
    s.saveState = .saved
    s.say(Strings.saved(s.language) + ": " + label, .ok)
  }

  /// After every event: keeps the table's first row so that the selection stays on screen, moving it as little as
  /// possible (a one-row move then redraws two lines).
  public static func settle(_ s: inout AppState) {
    guard s.route == .assessment, var d = s.doc, d.view == .sheet, d.sheet.list == nil, let spec = SheetScreen.spec(s),
      !SheetScreen.isForm(spec, d.sheet)
    else { return }
    let count = SheetModel.visibleRows(spec, d.sheet, d.assessment, s.language).count + (d.sheet.editor?.target.newRecord == nil ? 0 : 1)
    let selected = count == 0 ? 0 : min(max(0, d.sheet.row), count - 1)
    let offset = SheetRender.scrolled(offset: d.sheet.rowOffset, selected: selected, count: count, height: SheetRender.tableBodyHeight(screenRows: s.rows))
    guard offset != d.sheet.rowOffset else { return }
    d.sheet.rowOffset = offset
    s.doc = d
  }

  /// What the column widths of the table in view depend on; nil when no table is in view.
  static func columnWidthsKey(_ s: AppState) -> ColumnWidthsKey? {
    // Read field by field: the loop asks this many times a second while results are derived, and a copy of the
    // document (and of its editors) each time was most of that.
    guard s.route == .assessment, s.doc?.view == .sheet, s.doc?.sheet.list == nil, let spec = SheetScreen.spec(s),
      !(spec.record == nil || spec.layout == .form || (s.doc?.sheet.detail ?? false)),
      let sheetIndex = s.doc?.sheetIndex, let revision = s.doc?.revision, let filter = s.doc?.sheet.filter
    else { return nil }
    return ColumnWidthsKey(sheetIndex: sheetIndex, revision: revision, language: s.language, unitMode: s.unitMode, filter: filter)
  }

  /// Why something was not saved, in `language`, without a leading "NOT SAVED: " of its own (the store's
  /// save failures carry it, and the screen puts it in front once).
  public static func failureReason(_ error: any Error, _ language: Language) -> String {
    let text = (error as? LocalizedFailure)?.text(language) ?? "\(error)"
    let prefix = Strings.notSaved(language) + ": "
    return text.hasPrefix(prefix) ? String(text.dropFirst(prefix.count)) : text
  }

  /// A commit failed: keep the typed value in the field and say NOT SAVED.
  public static func commitFailed(_ s: inout AppState, _ message: String) {
    s.saveState = .notSaved(message)
    s.say(Strings.notSaved(s.language) + ": " + message + " — " + Strings.retryHint(s.language), .error)
  }
}

/// What ``ColumnWidths`` were measured for.
struct ColumnWidthsKey: Hashable {
  var sheetIndex: Int
  var revision: Int
  var language: Language
  var unitMode: UnitMode
  var filter: String

  init(sheetIndex: Int, revision: Int, language: Language, unitMode: UnitMode, filter: String) {
    self.sheetIndex = sheetIndex
    self.revision = revision
    self.language = language
    self.unitMode = unitMode
    self.filter = filter
  }

  init(_ c: ColumnWidths) { self.init(sheetIndex: c.sheetIndex, revision: c.revision, language: c.language, unitMode: c.unitMode, filter: c.filter) }
}
