/// A position of the text cursor on screen.
public struct CursorPosition: Hashable, Sendable {
  public var row: Int
  public var col: Int
  public init(row: Int, col: Int) {
    self.row = row
    self.col = col
  }
}

/// A rows × cols grid of ``Cell``s that screens and widgets render into.
///
/// The buffer is pure Swift; the terminal presenter copies it to ncurses, and tests compare
/// ``snapshotText()`` with golden files. Invariants kept by every writer:
/// * a wide grapheme has its lead cell (width 2) followed by a continuation cell;
/// * overwriting either half of a wide grapheme blanks the other half;
/// * combining marks never own a cell: they join the grapheme written just before them.
public struct ScreenBuffer: Hashable, Sendable {
  public private(set) var rows: Int
  public private(set) var cols: Int
  public private(set) var cells: [Cell]
  /// When true, widgets draw boxes, bars and markers with ASCII only (old terminals, projectors).
  public var asciiOnly: Bool
  /// Where the terminal cursor should be shown (a focused text field), or nil to hide it.
  public var cursor: CursorPosition?

  public init(rows: Int, cols: Int, asciiOnly: Bool = false) {
    self.rows = max(0, rows)
    self.cols = max(0, cols)
    self.cells = Array(repeating: .blank, count: self.rows * self.cols)
    self.asciiOnly = asciiOnly
    self.cursor = nil
  }

  /// ASCII mode's pass over a finished frame (see ``ASCIIFold``): every symbol cell shown as ASCII, each cell keeping
  /// its columns.
  public mutating func foldToASCII() {
    cells.withUnsafeMutableBufferPointer { cells in
      var i = 0
      while i < cells.count {
        let c = cells[i]
        guard c.width > 0, let ascii = ASCIIFold.fold(c.text) else {
          i += 1
          continue
        }
        cells[i] = Cell(ascii, style: c.style)
        if c.width == 2, i + 1 < cells.count {
          cells[i + 1] = Cell(" ", style: cells[i + 1].style)
        }
        i += max(1, c.width)
      }
    }
  }

  /// The whole buffer as a rectangle.
  public var bounds: Rect { Rect(row: 0, col: 0, height: rows, width: cols) }

  /// The cell at (row, col); a blank cell outside the buffer.
  public subscript(row: Int, col: Int) -> Cell {
    guard contains(row: row, col: col) else { return .blank }
    return cells[row * cols + col]
  }

  /// True when `row` holds the same cells here and in `other`, a buffer of the same size (false otherwise): lets the
  /// terminal presenter skip an unchanged row in one comparison instead of reading its cells one by one.
  public func row(_ row: Int, equalsRowOf other: ScreenBuffer) -> Bool {
    guard rows == other.rows, cols == other.cols, row >= 0, row < rows else { return false }
    let start = row * cols, end = start + cols
    // Field by field through the storage (slice `==` went through the generic element comparison, ~300
    // instructions a cell); a text compares by its bits first, so an unchanged cell costs a few loads.
    return cells.withUnsafeBufferPointer { a in
      other.cells.withUnsafeBufferPointer { b in
        var i = start
        while i < end {
          if a[i].width != b[i].width { return false }
          if a[i].style != b[i].style { return false }
          if a[i].text != b[i].text { return false }
          i += 1
        }
        return true
      }
    }
  }

  /// True when (row, col) is inside the buffer.
  public func contains(row: Int, col: Int) -> Bool {
    row >= 0 && row < rows && col >= 0 && col < cols
  }

  /// Resizes the buffer, clearing it.
  public mutating func resize(rows: Int, cols: Int) {
    self = ScreenBuffer(rows: rows, cols: cols, asciiOnly: asciiOnly)
  }

  /// Blanks every cell with `style` and hides the cursor.
  public mutating func clear(style: Style = .normal) {
    let blank = Cell(" ", style: style)
    cells.withUnsafeMutableBufferPointer { $0.update(repeating: blank) }
    cursor = nil
  }

  /// Fills `rect` (clipped to the buffer) with `character` in `style`.
  public mutating func fill(_ rect: Rect, with character: Character = " ", style: Style = .normal) {
    let r = rect.intersection(bounds)
    guard !r.isEmpty else { return }
    let w = DisplayWidth.width(of: DisplayWidth.sanitize(character))
    // The same cell everywhere: built once.
    let cell = Cell(character, style: style)
    for row in r.row..<r.bottom {
      if w == 2 {
        var col = r.col
        while col + 1 < r.right {
          write(cell, row: row, col: col)
          col += 2
        }
        if col < r.right { write(Cell(" ", style: style), row: row, col: col) }
      } else if cell.width == 1 && rowIsNarrow(row, from: r.col, to: r.right) {
        // No wide grapheme to break in the span (every cell there is one column): `write` would only store the cell.
        let start = row * cols
        cells.withUnsafeMutableBufferPointer { b in
          for i in (start + r.col)..<(start + r.right) { b[i] = cell }
        }
      } else {
        for col in r.col..<r.right { write(cell, row: row, col: col) }
      }
    }
  }

  /// True when every cell of `row` in columns `from..<to` (inside the buffer) is one column wide: neither a wide
  /// lead nor a continuation.
  private func rowIsNarrow(_ row: Int, from: Int, to: Int) -> Bool {
    let start = row * cols
    return cells.withUnsafeBufferPointer { b in
      var i = start + from
      while i < start + to {
        if b[i].width != 1 { return false }
        i += 1
      }
      return true
    }
  }

  /// Lays out `units` (`count` of them) one cell each from `col`, clipped at `limit`, `cell` making each: over
  /// one-column cells only (the usual case) they are stored in place, as `write` would, without its checks; otherwise
  /// through `write`. Returns the number of columns used.
  @inline(__always)
  private mutating func putOneCellEach<Units: Sequence>(
    _ units: Units, count: Int, row: Int, col: Int, limit: Int, _ cell: (Units.Element) -> Cell
  ) -> Int {
    let end = min(limit, col + count), first = max(col, 0)
    if first < end && rowIsNarrow(row, from: first, to: end) {
      let base = row * cols
      cells.withUnsafeMutableBufferPointer { cells in
        var i = col
        for u in units {
          if i >= end { break }
          if i >= 0 { cells[base + i] = cell(u) }
          i += 1
        }
      }
      return end - first
    }
    var c = col
    for u in units {
      if c >= limit { break }
      if c >= 0 { write(cell(u), row: row, col: c) }
      c += 1
    }
    return max(0, c - max(col, 0))
  }

  /// Writes `text` on one line starting at (row, col), clipped to `maxWidth` columns and to
  /// the buffer. Control characters are replaced; a wide grapheme that does not fit is
  /// replaced by a space. Returns the number of columns used.
  @discardableResult
  public mutating func put(_ text: some StringProtocol, row: Int, col: Int, style: Style = .normal, maxWidth: Int? = nil) -> Int {
    guard row >= 0, row < rows else { return 0 }
    let limit = min(cols, maxWidth.map { col + max(0, $0) } ?? cols)
    var c = col
    // Printable ASCII (labels, numbers, most values): one cell per byte, without grapheme breaking — what the loop
    // below does for such text.
    if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
      return putOneCellEach(text.utf8, count: text.utf8.count, row: row, col: col, limit: limit) {
        Cell(ascii: $0, style: style)
      }
    }
    // Text of one-column scalars, each its own grapheme (Vietnamese values and labels): one cell per scalar, as the
    // loop below lays it out, without grapheme breaking.
    if DisplayWidth.isSingleColumnScalars(text) {
      return putOneCellEach(text.unicodeScalars, count: text.unicodeScalars.count, row: row, col: col, limit: limit) {
        Cell(singleColumn: $0, style: style)
      }
    }
    var lastLead: Int?
    for raw in text {
      let ch = DisplayWidth.sanitize(raw)
      let w = DisplayWidth.width(of: ch)
      if w == 0, let lead = lastLead {
        cells[row * cols + lead].text += String(ch)
        continue
      }
      // (A lone mark at the start becomes a dotted-circle cell, 1 column: see Cell.init.)
      if c >= limit { break }
      let cw = max(w, 1)
      if c + cw > limit {
        if c >= 0 && c < limit { write(Cell(" ", style: style), row: row, col: c) }
        c = limit
        break
      }
      if c >= 0 {
        write(Cell(ch, style: style), row: row, col: c)
        lastLead = c
      } else if c + cw > 0 {
        // The left half of a wide grapheme is clipped: show a blank for the visible half.
        write(Cell(" ", style: style), row: row, col: 0)
        lastLead = nil
      }
      c += cw
    }
    return max(0, c - max(col, 0))
  }

  /// Writes `text` padded or truncated (with "…") to exactly `width` columns.
  public mutating func put(_ text: String, row: Int, col: Int, width: Int, alignment: TextAlignment, style: Style = .normal) {
    put(TextLayout.pad(text, to: width, alignment: alignment), row: row, col: col, style: style, maxWidth: width)
  }

  /// Changes the style of the cells in `rect`, keeping their text.
  public mutating func setStyle(_ style: Style, in rect: Rect) {
    let r = rect.intersection(bounds)
    guard !r.isEmpty else { return }
    for row in r.row..<r.bottom {
      for col in r.col..<r.right { cells[row * cols + col].style = style }
    }
  }

  /// Writes one cell, keeping the wide-character invariants. A wide cell also writes its
  /// continuation to the right (or becomes a space at the last column).
  public mutating func write(_ cell: Cell, row: Int, col: Int) {
    guard contains(row: row, col: col) else { return }
    // One column over one column (most writes): no wide grapheme to break on either side.
    if cell.width == 1 && cells[row * cols + col].width == 1 {
      cells[row * cols + col] = cell
      return
    }
    var cell = cell
    if cell.width == 2 && col + 1 >= cols { cell = Cell(" ", style: cell.style) }
    breakWide(row: row, col: col)
    cells[row * cols + col] = cell
    if cell.width == 2 {
      breakWide(row: row, col: col + 1)
      cells[row * cols + col + 1] = .continuation(style: cell.style)
    }
  }

  /// Before (row, col) is overwritten: blank the other half of a wide grapheme there.
  private mutating func breakWide(row: Int, col: Int) {
    let i = row * cols + col
    let old = cells[i]
    if old.isContinuation && col > 0 {
      cells[i - 1] = Cell(" ", style: cells[i - 1].style)
    } else if old.width == 2 && col + 1 < cols {
      cells[i + 1] = Cell(" ", style: cells[i + 1].style)
    }
  }

  // MARK: - Lines and boxes

  /// A horizontal line of `width` cells.
  public mutating func horizontalLine(row: Int, col: Int, width: Int, style: Style = .normal) {
    fill(Rect(row: row, col: col, height: 1, width: width), with: asciiOnly ? "-" : "─", style: style)
  }

  /// A vertical line of `height` cells.
  public mutating func verticalLine(row: Int, col: Int, height: Int, style: Style = .normal) {
    fill(Rect(row: row, col: col, height: height, width: 1), with: asciiOnly ? "|" : "│", style: style)
  }

  /// Draws a frame on the border of `rect` (Unicode box drawing, or ASCII when
  /// ``asciiOnly``), with an optional title in the top edge. The inside is not touched.
  public mutating func drawBox(_ rect: Rect, style: Style = .normal, title: String? = nil, titleStyle: Style = .title) {
    guard rect.width >= 2, rect.height >= 2 else { return }
    let (tl, tr, bl, br): (Character, Character, Character, Character) =
      asciiOnly ? ("+", "+", "+", "+") : ("┌", "┐", "└", "┘")
    horizontalLine(row: rect.row, col: rect.col + 1, width: rect.width - 2, style: style)
    horizontalLine(row: rect.bottom - 1, col: rect.col + 1, width: rect.width - 2, style: style)
    verticalLine(row: rect.row + 1, col: rect.col, height: rect.height - 2, style: style)
    verticalLine(row: rect.row + 1, col: rect.right - 1, height: rect.height - 2, style: style)
    write(Cell(tl, style: style), row: rect.row, col: rect.col)
    write(Cell(tr, style: style), row: rect.row, col: rect.right - 1)
    write(Cell(bl, style: style), row: rect.bottom - 1, col: rect.col)
    write(Cell(br, style: style), row: rect.bottom - 1, col: rect.right - 1)
    if let title, !title.isEmpty, rect.width > 4 {
      let text = TextLayout.truncate(" " + title + " ", to: rect.width - 2)
      put(text, row: rect.row, col: rect.col + 1, style: titleStyle, maxWidth: rect.width - 2)
    }
  }

  // MARK: - Snapshots

  /// The text of one row, trailing spaces removed.
  public func lineText(_ row: Int) -> String {
    guard row >= 0, row < rows else { return "" }
    var line = ""
    for col in 0..<cols {
      let cell = cells[row * cols + col]
      if !cell.isContinuation { line += cell.text }
    }
    while line.last == " " { line.removeLast() }
    return line
  }

  /// Every row as plain text (trailing spaces trimmed).
  public func snapshotLines() -> [String] { (0..<rows).map(lineText) }

  /// The buffer as plain text, one line per row, for golden snapshot tests.
  public func snapshotText() -> String { snapshotLines().joined(separator: "\n") }

  /// One character per column giving the style role (``Style/Role/code``); emphasised cells
  /// (bold, reverse or underline) use the upper-case letter ("." stays "."). Trailing "."
  /// are trimmed.
  public func styleMapLines() -> [String] {
    (0..<rows).map { row in
      var line = ""
      for col in 0..<cols {
        let style = cells[row * cols + col].style
        let code = String(style.role.code)
        line += (style.bold || style.reverse || style.underline) ? code.uppercased() : code
      }
      while line.last == "." { line.removeLast() }
      return line
    }
  }
}
