/// The visual style of a cell: a semantic role plus optional emphasis.
///
/// Widgets never pick colours. They pick a ``Role``; the ``Theme`` (colour or monochrome)
/// decides how each role looks on the terminal.
public struct Style: Hashable, Sendable {
  /// Semantic roles. The theme maps each one to colours and attributes.
  public enum Role: String, CaseIterable, Hashable, Sendable {
    case normal, selected, header, warning, error, ok, muted, key, title, bar

    /// One letter per role, used by style-map snapshots.
    public var code: Character {
      switch self {
      case .normal: "."
      case .selected: "s"
      case .header: "h"
      case .warning: "w"
      case .error: "e"
      case .ok: "o"
      case .muted: "m"
      case .key: "k"
      case .title: "t"
      case .bar: "b"
      }
    }
  }

  public var role: Role
  public var bold: Bool
  public var reverse: Bool
  public var underline: Bool

  public init(_ role: Role = .normal, bold: Bool = false, reverse: Bool = false, underline: Bool = false) {
    self.role = role
    self.bold = bold
    self.reverse = reverse
    self.underline = underline
  }

  public static let normal = Style(.normal)
  public static let selected = Style(.selected)
  public static let header = Style(.header)
  public static let warning = Style(.warning)
  public static let error = Style(.error)
  public static let ok = Style(.ok)
  public static let muted = Style(.muted)
  public static let key = Style(.key)
  public static let title = Style(.title)
  public static let bar = Style(.bar)

  /// This style with bold added.
  public var bolded: Style { var s = self; s.bold = true; return s }
  /// This style with reverse video added.
  public var reversed: Style { var s = self; s.reverse = true; return s }
  /// This style with underline added.
  public var underlined: Style { var s = self; s.underline = true; return s }
}
