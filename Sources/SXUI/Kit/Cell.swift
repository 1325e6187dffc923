/// One terminal cell of a ``ScreenBuffer``.
///
/// A cell holds one grapheme cluster (a Swift `Character`, which keeps combining marks with
/// their base letter). A wide grapheme (CJK, emoji) occupies its lead cell (`width == 2`)
/// and the cell to its right, which is a *continuation* cell with empty text.
public struct Cell: Hashable, Sendable {
  /// The grapheme shown in this cell; "" for a continuation cell.
  public var text: String
  /// Columns taken by `text`: 1, or 2 for a wide lead cell; 0 for a continuation cell.
  public var width: Int
  public var style: Style

  public init(_ character: Character = " ", style: Style = .normal) {
    // Printable ASCII (most cells): one column, nothing to replace.
    if let a = character.asciiValue, a >= 0x20, a < 0x7F {
      self.text = String(character)
      self.width = 1
      self.style = style
      return
    }
    let clean = DisplayWidth.sanitize(character)
    let w = DisplayWidth.width(of: clean)
    if w == 0 {
      // A lone zero-width cluster cannot own a cell; show it on a dotted circle.
      self.text = "\u{25CC}" + String(clean)
      self.width = 1
    } else {
      self.text = String(clean)
      self.width = w
    }
    self.style = style
  }

  /// A scalar that is a one-column grapheme of its own (see ``DisplayWidth/isSingleColumnScalars(_:)``): what
  /// `init(_:style:)` gives for it.
  init(singleColumn scalar: Unicode.Scalar, style: Style) {
    self.text = String(Character(scalar))
    self.width = 1
    self.style = style
  }

  /// A printable ASCII character (0x20..<0x7F): what `init(_:style:)` gives for it.
  init(ascii byte: UInt8, style: Style) {
    self.text = Cell.asciiText[Int(byte & 0x7F)]
    self.width = 1
    self.style = style
  }

  /// The one-character strings of the 128 ASCII codes, made once (a cell's text is copied, not built, per cell).
  static let asciiText: [String] = (0..<128).map { String(Character(Unicode.Scalar(UInt8($0)))) }

  /// The continuation half of a wide character.
  public static func continuation(style: Style) -> Cell {
    var c = Cell(" ", style: style)
    c.text = ""
    c.width = 0
    return c
  }

  /// A blank cell.
  public static let blank = Cell()

  /// True for the right half of a wide character.
  public var isContinuation: Bool { width == 0 }
}

/// A rectangle of cells: origin (row, col) and size.
public struct Rect: Hashable, Sendable {
  public var row: Int
  public var col: Int
  public var height: Int
  public var width: Int

  public init(row: Int, col: Int, height: Int, width: Int) {
    self.row = row
    self.col = col
    self.height = max(0, height)
    self.width = max(0, width)
  }

  public var isEmpty: Bool { height <= 0 || width <= 0 }
  /// One past the last row.
  public var bottom: Int { row + height }
  /// One past the last column.
  public var right: Int { col + width }

  /// The rectangle shrunk by `n` cells on every side.
  public func inset(by n: Int) -> Rect {
    Rect(row: row + n, col: col + n, height: height - 2 * n, width: width - 2 * n)
  }

  /// The part of this rectangle also inside `other`.
  public func intersection(_ other: Rect) -> Rect {
    let r0 = max(row, other.row), c0 = max(col, other.col)
    let r1 = min(bottom, other.bottom), c1 = min(right, other.right)
    return Rect(row: r0, col: c0, height: r1 - r0, width: c1 - c0)
  }

  /// A rectangle of the given size centred inside this one (clamped to fit).
  public func centered(height h: Int, width w: Int) -> Rect {
    let hh = min(h, height), ww = min(w, width)
    return Rect(row: row + (height - hh) / 2, col: col + (width - ww) / 2, height: hh, width: ww)
  }

  /// Splits off the top `n` rows: (top, rest).
  public func splitTop(_ n: Int) -> (Rect, Rect) {
    let k = min(max(0, n), height)
    return (Rect(row: row, col: col, height: k, width: width), Rect(row: row + k, col: col, height: height - k, width: width))
  }

  /// Splits off the bottom `n` rows: (rest, bottom).
  public func splitBottom(_ n: Int) -> (Rect, Rect) {
    let k = min(max(0, n), height)
    return (Rect(row: row, col: col, height: height - k, width: width), Rect(row: bottom - k, col: col, height: k, width: width))
  }

  /// Splits off the left `n` columns: (left, rest).
  public func splitLeft(_ n: Int) -> (Rect, Rect) {
    let k = min(max(0, n), width)
    return (Rect(row: row, col: col, height: height, width: k), Rect(row: row, col: col + k, height: height, width: width - k))
  }
}
