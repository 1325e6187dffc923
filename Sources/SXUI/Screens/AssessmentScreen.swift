import SXCore

/// The Assessment screen: worksheet navigation on the left (grouped by the method's steps), the
/// current view on the right (worksheet, balance, results, opportunities, calculators).
enum AssessmentScreen {
  static func update(_ s: inout AppState, _ key: Key) -> [Effect] {
    guard var d = s.doc else { return [] }
    switch d.view {
    case .sheet:
      if !d.navFocused { return SheetScreen.update(&s, key) + (s.doc?.navFocused == true ? [.saveUIState] : []) }
      let n = s.catalog.sheets.count
      switch key {
      case .up, .char("k"):
        guard d.sheetIndex > 0 else { return [] }
        select(&d, d.sheetIndex - 1)
      case .down, .char("j"):
        guard d.sheetIndex + 1 < n else { return [] }
        select(&d, d.sheetIndex + 1)
      case .home: select(&d, 0)
      case .end: select(&d, n - 1)
      case .enter, .right, .tab:
        d.navFocused = false
      case .escape, .left:
        s.doc = d
        s.route = .home
        return [.saveUIState, .reloadList]
      default: return []
      }
      s.doc = d
      return [.saveUIState]
    case .balance: return BalanceView.update(&s, key)
    case .results: return ResultsView.update(&s, key)
    case .opportunities: return OpportunitiesView.update(&s, key)
    case .calculators: return CalculatorsView.update(&s, key)
    }
  }

  static func select(_ d: inout DocState, _ index: Int) {
    d.sheetIndex = index
    d.sheet = SheetState()
  }

  /// Switches to a view (F4/F5/F6/F7 toggle back to the worksheet).
  static func show(_ s: inout AppState, _ view: DocView) -> [Effect] {
    guard var d = s.doc else { return [] }
    if d.sheet.editor != nil { d.sheet.editor = nil }
    d.view = d.view == view ? .sheet : view
    s.doc = d
    return [.saveUIState]
  }

  static func keyBar(_ s: AppState) -> [KeyBar.Item] {
    let l = s.language
    guard let d = s.doc else { return [] }
    func k(_ key: String, _ t: LocalizedText) -> KeyBar.Item { KeyBar.Item(key: key, label: t(l)) }
    if d.view == .sheet, let ed = d.sheet.editor {
      _ = ed
      return [k("Enter", Strings.kSave), k("Esc", Strings.kCancel), k("F1", Strings.kHelp), k("^U", LocalizedText(vi: "Xóa ô", en: "Clear"))]
    }
    if d.view == .sheet, let st = d.sheet.list {
      if st.editor != nil { return [k("Enter", Strings.kSave), k("Esc", Strings.kCancel), k("F1", Strings.kHelp)] }
      return [k("Enter", Strings.kEdit), k("Ins", Strings.kAdd), k("Del", Strings.kDelete), k("←→", Strings.kNext), k("^Z", Strings.kUndo),
        k("Esc", Strings.kBack), k("F1", Strings.kHelp), k("F10", Strings.kQuit)]
    }
    if d.view == .sheet, d.sheet.query != nil {
      return [k("Enter", Strings.kChoose), k("Esc", Strings.kCancel), k("F1", Strings.kHelp)]
    }
    let common = [k("F1", Strings.kHelp), k("F2", Strings.kLang)]
    switch d.view {
    case .sheet:
      if d.navFocused {
        return common + [k("Enter", Strings.kSheet), k("F4", Strings.kResults), k("F5", Strings.kBalance), k("F6", Strings.kOpps),
          k("F7", Strings.kCalc), k("^Z", Strings.kUndo), k(":", Strings.kPalette), k("Esc", Strings.kBack), k("F10", Strings.kQuit)]
      }
      guard let spec = SheetScreen.spec(s) else { return common }
      let list = ListEditor.listFields(spec).isEmpty ? [] : [k("F9", Strings.kList)]
      if SheetScreen.isForm(spec, d.sheet) {
        var items = common + [k("Enter", Strings.kEdit), k("↑↓", Strings.kNext)] + list
        if spec.record != nil { items += [k("PgDn", LocalizedText(vi: "Dòng sau", en: "Next row")), k("Ins", Strings.kAdd)] }
        return items + [k("^Z", Strings.kUndo), k("^Y", Strings.kRedo), k("F3", Strings.kExplain), k("Esc", Strings.kBack), k("F10", Strings.kQuit)]
      }
      return common + [k("Enter", Strings.kEdit)] + list + [k("Ins", Strings.kAdd), k("Del", Strings.kDelete), k("^K", Strings.kCopy),
        k("M-↑↓", Strings.kMove), k("s", Strings.kSort), k("f", Strings.kFilter), k("/", Strings.kSearch), k("F8", Strings.kDetail),
        k("^Z", Strings.kUndo), k("^Y", Strings.kRedo), k("F3", Strings.kExplain), k("Esc", Strings.kBack), k("F10", Strings.kQuit)]
    case .balance:
      return common + [k("←→", Strings.kStep), k("F3", Strings.kExplain), k("F5", Strings.kSheet), k("Esc", Strings.kBack), k("F10", Strings.kQuit)]
    case .results:
      return common + [k("Tab", Strings.kTab), k("↑↓", Strings.kChoose), k("F3", Strings.kExplain), k("Esc", Strings.kBack), k("F10", Strings.kQuit)]
    case .opportunities:
      if let c = d.opp.calc, d.opp.detail {
        if c.editor != nil { return [k("Enter", Strings.kSave), k("Esc", Strings.kCancel), k("F1", Strings.kHelp)] }
        return common + [k("↑↓", Strings.kChoose), k("Enter", c.picking ? Strings.kOpen : Strings.kEditApply), k("Esc", Strings.kBack), k("c", Strings.kClose),
          k("F10", Strings.kQuit)]
      }
      if d.opp.detail {
        return common + [k("c", Strings.kCalc), k("Enter", Strings.kBack), k("F3", Strings.kExplain), k("Esc", Strings.kBack), k("F10", Strings.kQuit)]
      }
      if !(d.results?.proposals ?? []).isEmpty { return common + [k("Enter", Strings.kDetail), k("a", Strings.kAccept), k("x", Strings.kDismiss),
        k("s", Strings.kSort), k("f", Strings.kFilter), k("v", Strings.colScreening), k("F3", Strings.kExplain), k("Esc", Strings.kBack), k("F10", Strings.kQuit)] }
      return common + [k("Enter", Strings.kDetail), k("s", Strings.kSort), k("f", Strings.kFilter), k("v", Strings.colScreening),
        k("F3", Strings.kExplain), k("Esc", Strings.kBack), k("F10", Strings.kQuit)]
    case .calculators:
      return common + [k("↑↓", Strings.kChoose), k("Esc", Strings.kBack), k("F10", Strings.kQuit)]
    }
  }

  static func navWidth(_ cols: Int) -> Int { cols >= 120 ? 30 : 24 }

  static func render(_ s: AppState, into b: inout ScreenBuffer, in rect: Rect) {
    guard let d = s.doc else { return }
    let lang = s.language
    let (nav, rest) = rect.splitLeft(navWidth(rect.width))
    // Navigation: method steps and their worksheets with a progress marker.
    var y = nav.row
    b.put(TextLayout.truncate(Strings.worksheets(lang), to: nav.width - 1), row: y, col: nav.col, style: Style.header.bolded)
    y += 1
    let navFocus = d.view == .sheet && d.navFocused
    for step in s.catalog.steps {
      guard y < nav.bottom else { break }
      b.put(TextLayout.truncate("\(step.step) " + step.title.text(lang), to: nav.width - 1), row: y, col: nav.col, style: .header)
      y += 1
      for id in step.worksheetIds {
        guard y < nav.bottom, let idx = s.catalog.sheets.firstIndex(where: { $0.id == id }) else { continue }
        let spec = s.catalog.sheets[idx]
        // Markers are derived with the results (the driver keeps them); until they are (the status line says
        // "updating…"), the marker's place stays blank rather than showing a guess.
        let selected = idx == d.sheetIndex && d.view == .sheet
        let style: Style = selected ? (navFocus ? .selected : Style.normal.bolded) : .normal
        if selected { b.fill(Rect(row: y, col: nav.col, height: 1, width: nav.width - 1), style: style) }
        if let progress = d.progress.flatMap({ idx < $0.count ? $0[idx] : nil }) {
          let (mark, markStyle) = marker(progress, ascii: b.asciiOnly)
          b.put(mark, row: y, col: nav.col + 1, style: selected ? style : markStyle)
        }
        b.put(TextLayout.truncate(spec.id + " " + spec.title.text(lang), to: nav.width - 4), row: y, col: nav.col + 3, style: style)
        y += 1
      }
    }
    b.verticalLine(row: rect.row, col: nav.right - 1, height: rect.height, style: .muted)
    let main = Rect(row: rest.row, col: rest.col + 1, height: rest.height, width: rest.width - 1)
    switch d.view {
    case .sheet:
      if let spec = SheetScreen.spec(s) { SheetRender.render(s, d, spec, into: &b, in: main, focused: !d.navFocused) }
    case .balance: BalanceView.render(s, d, into: &b, in: main)
    case .results: ResultsView.render(s, d, into: &b, in: main)
    case .opportunities: OpportunitiesView.render(s, d, into: &b, in: main)
    case .calculators: CalculatorsView.render(s, d, into: &b, in: main)
    }
  }

  static func marker(_ p: SheetModel.Progress, ascii: Bool) -> (String, Style) {
    switch p {
    case .empty: (ascii ? "." : "○", .muted)
    case .inProgress: (ascii ? "~" : "◐", .normal)
    case .complete: (ascii ? "*" : "●", .ok)
    case .warnings: ("!", Style.warning.bolded)
    }
  }
}
