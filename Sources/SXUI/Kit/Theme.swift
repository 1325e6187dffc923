/// How each ``Style/Role`` looks on the terminal: colours (or none) and attributes.
///
/// The pure part of theming. The terminal session turns a theme into colour pairs; with
/// `NO_COLOR` set (https://no-color.org) or a terminal without colours it uses
/// ``monochrome``, which distinguishes roles with reverse, bold, underline and dim only.
public struct Theme: Hashable, Sendable {
  /// Terminal colours; `terminalDefault` keeps the user's own foreground or background.
  public enum Color: Int, Hashable, Sendable {
    case terminalDefault = -1
    case black = 0, red, green, yellow, blue, magenta, cyan, white
  }

  /// Colours and attributes of one role.
  public struct Appearance: Hashable, Sendable {
    public var foreground: Color
    public var background: Color
    public var bold: Bool
    public var reverse: Bool
    public var underline: Bool
    public var dim: Bool

    public init(_ foreground: Color = .terminalDefault, on background: Color = .terminalDefault, bold: Bool = false, reverse: Bool = false, underline: Bool = false, dim: Bool = false) {
      self.foreground = foreground
      self.background = background
      self.bold = bold
      self.reverse = reverse
      self.underline = underline
      self.dim = dim
    }
  }

  /// True when the theme uses colours.
  public var usesColor: Bool
  public var appearances: [Style.Role: Appearance]

  public init(usesColor: Bool, appearances: [Style.Role: Appearance]) {
    self.usesColor = usesColor
    self.appearances = appearances
  }

  /// The appearance of a role (normal when missing).
  public func appearance(for role: Style.Role) -> Appearance {
    appearances[role] ?? Appearance()
  }

  /// The appearance of a style: its role's appearance plus the style's emphasis.
  public func appearance(for style: Style) -> Appearance {
    var a = appearance(for: style.role)
    if style.bold { a.bold = true }
    if style.reverse { a.reverse.toggle() }
    if style.underline { a.underline = true }
    return a
  }

  /// The colour theme.
  public static let standard = Theme(
    usesColor: true,
    appearances: [
      .normal: Appearance(),
      .selected: Appearance(.black, on: .cyan, bold: true),
      .header: Appearance(.cyan, bold: true),
      .warning: Appearance(.yellow, bold: true),
      .error: Appearance(.red, bold: true),
      .ok: Appearance(.green),
      .muted: Appearance(dim: true),
      .key: Appearance(.white, on: .black, bold: true),
      .title: Appearance(.cyan, bold: true),
      .bar: Appearance(.black, on: .cyan),
    ])

  /// The monochrome theme (NO_COLOR, `TERM=vt100`, projectors).
  public static let monochrome = Theme(
    usesColor: false,
    appearances: [
      .normal: Appearance(),
      .selected: Appearance(bold: true, reverse: true),
      .header: Appearance(bold: true, underline: true),
      .warning: Appearance(bold: true),
      .error: Appearance(bold: true, underline: true),
      .ok: Appearance(),
      .muted: Appearance(dim: true),
      .key: Appearance(bold: true),
      .title: Appearance(bold: true),
      .bar: Appearance(reverse: true),
    ])

  /// The theme for an environment: monochrome when `NO_COLOR` is set and non-empty or the
  /// terminal has no colours, otherwise ``standard``.
  public static func resolve(environment: [String: String], terminalHasColors: Bool) -> Theme {
    if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return .monochrome }
    return terminalHasColors ? .standard : .monochrome
  }
}
