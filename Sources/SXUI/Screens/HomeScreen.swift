import SXCore

/// The Home screen: every assessment in the database, searchable without diacritics (đ → d).
public struct HomeState: Hashable, Sendable {
  public var items: [AssessmentListItem] = []
  public var selected = 0
  /// The search text; `searching` while the search field has focus.
  public var search = TextField()
  public var searching = false
  public init() {}

  /// The items matching the search, in Vietnamese order of plant name.
  public var visible: [AssessmentListItem] {
    let q = search.committedText
    return items.filter { q.isEmpty || TextRules.matches($0.plant + " " + $0.sector + " " + $0.province, q) }
      .sorted { TextRules.viLess($0.plant, $1.plant) }
  }

  /// The selected item, if any.
  public var current: AssessmentListItem? {
    let v = visible
    return v.isEmpty ? nil : v[min(max(0, selected), v.count - 1)]
  }
}

enum HomeScreen {
  /// Keys of the Home screen (overlays and global keys are handled before).
  static func update(_ s: inout AppState, _ key: Key) -> [Effect] {
    let lang = s.language
    if s.home.searching {
      switch key {
      case .enter, .tab:
        s.home.searching = false
      case .escape:
        s.home.searching = false
        s.home.search = TextField()
      case .up, .down, .pageUp, .pageDown:
        move(&s, key)
      default:
        if s.home.search.handle(key) == .edited { s.home.selected = 0 }
      }
      return []
    }
    switch key {
    case .up, .down, .pageUp, .pageDown, .home, .end, .char("j"), .char("k"):
      move(&s, key)
    case .char("/"):
      s.home.searching = true
    case .escape:
      if !s.home.search.isEmpty { s.home.search = TextField() }
    case .enter, .right:
      if let item = s.home.current { return [.open(id: item.id)] }
    case .insert, .ctrl("n"):
      s.overlay = .prompt(PromptState(title: Strings.newTitle(lang), label: Strings.newPrompt(lang), field: TextField(maxLength: 200), purpose: .newAssessment))
    case .ctrl("k"):
      if let item = s.home.current { return [.duplicate(id: item.id)] }
    case .delete, .ctrl("d"):
      if let item = s.home.current {
        let dialog = ConfirmDialog(
          title: Strings.deleteTitle(lang), message: "«\(item.plant)»\n" + Strings.cannotUndoDelete(lang), language: lang)
        s.overlay = .confirm(ConfirmState(dialog: dialog, action: .deleteAssessment(item.id)))
      }
    default: break
    }
    return []
  }

  static func move(_ s: inout AppState, _ key: Key) {
    var sel = SelectionState(count: s.home.visible.count, selected: s.home.selected)
    _ = sel.handle(key, pageSize: max(1, s.rows - 8))
    s.home.selected = sel.selected
  }

  static func keyBar(_ s: AppState) -> [KeyBar.Item] {
    let l = s.language
    if s.home.searching {
      return [KeyBar.Item(key: "Enter", label: Strings.kChoose(l)), KeyBar.Item(key: "Esc", label: Strings.kCancel(l)), KeyBar.Item(key: "F1", label: Strings.kHelp(l))]
    }
    return [
      KeyBar.Item(key: "F1", label: Strings.kHelp(l)), KeyBar.Item(key: "F2", label: Strings.kLang(l)),
      KeyBar.Item(key: "Enter", label: Strings.kOpen(l)), KeyBar.Item(key: "Ins", label: Strings.kNew(l)),
      KeyBar.Item(key: "^K", label: Strings.kDuplicate(l)), KeyBar.Item(key: "Del", label: Strings.kDelete(l)),
      KeyBar.Item(key: "/", label: Strings.kSearch(l)), KeyBar.Item(key: ":", label: Strings.kPalette(l)),
      KeyBar.Item(key: "F10", label: Strings.kQuit(l)),
    ]
  }

  static func render(_ s: AppState, into b: inout ScreenBuffer, in rect: Rect) {
    let l = s.language
    var r = rect
    b.put(Strings.homeTitle(l), row: r.row, col: r.col + 1, style: Style.title.bolded)
    let count = "\(s.home.visible.count)/\(s.home.items.count)"
    b.put(count, row: r.row, col: r.right - DisplayWidth.width(of: count) - 1, style: .muted)
    r = r.splitTop(1).1
    // Search line.
    let label = Strings.searchLabel(l)
    b.put(label, row: r.row, col: r.col + 1, style: s.home.searching ? Style.title.bolded : .muted)
    var field = s.home.search
    let lw = DisplayWidth.width(of: label)
    field.render(into: &b, row: r.row, col: r.col + 1 + lw, width: max(1, r.width - lw - 2), style: s.home.searching ? Style.normal.underlined : .normal, focused: s.home.searching)
    r = r.splitTop(2).1
    let items = s.home.visible
    var table = TableView(
      columns: [
        TableColumn(Strings.colPlant(l), width: .flexible(min: 16, weight: 3)),
        TableColumn(Strings.colSector(l), width: .flexible(min: 10, weight: 2)),
        TableColumn(Strings.colPeriod(l), width: .fit(min: 8, max: 23)),
        TableColumn(Strings.colStatus(l), width: .fit(min: 6, max: 12)),
        TableColumn(Strings.colLastEdit(l), width: .fit(min: 10, max: 16)),
      ],
      rows: items.map { item in
        [
          item.plant + (item.isSample ? " (" + Strings.sample(l) + ")" : ""), item.sector,
          period(item.periodStart, item.periodEnd), AssessmentStatus(rawValue: item.status)?.label.text(l) ?? item.status,
          String(item.updatedAt.prefix(16)).replacingOccurrences(of: "T", with: " "),
        ]
      }, selected: s.home.selected, highlight: .row,
      emptyText: s.home.items.isEmpty ? Strings.homeEmpty(l) : Strings.noMatch(l))
    table.render(into: &b, in: r.inset(by: 0), focused: !s.home.searching)
  }

  static func period(_ a: String, _ b: String) -> String {
    if a.isEmpty && b.isEmpty { return "" }
    return a + " – " + b
  }
}
