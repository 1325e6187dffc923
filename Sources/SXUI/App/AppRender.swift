import SXCore

/// Draws the whole app into a buffer: title line, screen, status line, key bar, overlays.
public enum AppRender {
  public static func render(_ s: AppState) -> ScreenBuffer {
    // A new buffer is already blank (normal style, no cursor): drawn without clearing it again.
    var b = ScreenBuffer(rows: s.rows, cols: s.cols, asciiOnly: s.asciiOnly)
    draw(s, into: &b)
    if b.asciiOnly { b.foldToASCII() }
    return b
  }

  public static func render(_ s: AppState, into b: inout ScreenBuffer) {
    b.clear()
    draw(s, into: &b)
    if b.asciiOnly { b.foldToASCII() }
  }

  private static func draw(_ s: AppState, into b: inout ScreenBuffer) {
    let lang = s.language
    if s.isTooSmall {
      let msg = TextLayout.wrap(Strings.enlarge(lang) + " (" + Strings.needAtLeast(lang) + " \(AppState.minCols)×\(AppState.minRows); \(s.cols)×\(s.rows))", width: max(1, b.cols))
      let top = max(0, (b.rows - msg.count) / 2)
      for (i, line) in msg.enumerated() {
        b.put(line, row: top + i, col: max(0, (b.cols - DisplayWidth.width(of: line)) / 2), style: Style.warning.bolded)
      }
      return
    }
    // Title line.
    b.fill(Rect(row: 0, col: 0, height: 1, width: b.cols), style: .bar)
    var title = "sxsh"
    if s.route == .assessment, let d = s.doc {
      title += " · " + (d.assessment.header.profile.name.isEmpty ? d.assessment.header.title : d.assessment.header.profile.name)
    } else {
      title += " · " + Strings.appTitle(lang).replacingOccurrences(of: "sxsh — ", with: "")
    }
    b.put(TextLayout.truncate(title, to: b.cols - 1), row: 0, col: 1, style: Style.bar.bolded)
    let body = Rect(row: 1, col: 0, height: b.rows - 3, width: b.cols)
    switch s.route {
    case .home: HomeScreen.render(s, into: &b, in: body)
    case .assessment: AssessmentScreen.render(s, into: &b, in: body)
    }
    // Status line: message left; save state · language · unit mode right.
    var right: [String] = []
    if s.route == .assessment, s.doc?.isUpdating == true { right.append(Strings.updating(lang)) }
    switch s.saveState {
    case .idle: break
    case .saved: right.append(Strings.saved(lang))
    case .notSaved: right.append(Strings.notSaved(lang))
    }
    right.append(Strings.languageName(lang))
    right.append(s.unitMode == .si ? Strings.unitsSI(lang) : Strings.unitsTyped(lang))
    var status = StatusLine(s.status.text, kind: s.status.kind, right: right.joined(separator: " · "))
    if case .notSaved = s.saveState, s.status.text.isEmpty {
      status.message = Strings.notSaved(lang)
      status.kind = .error
    }
    status.render(into: &b, row: b.rows - 2)
    let items = s.route == .home ? HomeScreen.keyBar(s) : AssessmentScreen.keyBar(s)
    KeyBar(items).render(into: &b, row: b.rows - 1)
    if let o = s.overlay {
      let saveCursor = b.cursor
      b.cursor = nil
      Overlays.render(s, o, into: &b, in: body)
      if b.cursor == nil, case .help = o {} else if b.cursor == nil { b.cursor = nil }
      _ = saveCursor
    }
  }
}
