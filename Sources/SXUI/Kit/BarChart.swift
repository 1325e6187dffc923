import Foundation

/// Horizontal bar chart: label, bar and value text per line.
///
/// Bars use Unicode block eighths (▏▎▍▌▋▊▉█), so a 20-column bar has 160 steps; with
/// `asciiOnly` they use '#' (one step per column).
public struct BarChart: Hashable, Sendable {
  /// One bar.
  public struct Bar: Hashable, Sendable {
    public var label: String
    public var value: Double
    /// Text shown after the bar; nil shows nothing.
    public var valueText: String?
    public var style: Style
    public init(label: String, value: Double, valueText: String? = nil, style: Style = .ok) {
      self.label = label
      self.value = value
      self.valueText = valueText
      self.style = style
    }
  }

  public var bars: [Bar]
  /// The value of a full-width bar; nil uses the largest value.
  public var maxValue: Double?
  /// Label column width; nil sizes it to the longest label (at most a third of the width).
  public var labelWidth: Int?

  public init(bars: [Bar], maxValue: Double? = nil, labelWidth: Int? = nil) {
    self.bars = bars
    self.maxValue = maxValue
    self.labelWidth = labelWidth
  }

  private static let eighths: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉"]

  /// A bar `fraction` (0…1, clamped; NaN is 0) of `width` columns, without padding.
  public static func barString(fraction: Double, width: Int, asciiOnly: Bool) -> String {
    guard width > 0, fraction.isFinite, fraction > 0 else { return "" }
    let f = min(fraction, 1)
    if asciiOnly {
      return String(repeating: "#", count: Int((f * Double(width)).rounded()))
    }
    let steps = Int((f * Double(width) * 8).rounded())
    var s = String(repeating: "█", count: steps / 8)
    let rest = steps % 8
    if rest > 0 { s.append(eighths[rest - 1]) }
    return s
  }

  /// Draws one bar per row of `rect` (extra bars are not drawn).
  public func render(into buffer: inout ScreenBuffer, in rect: Rect) {
    guard !rect.isEmpty else { return }
    buffer.fill(rect)
    let top = maxValue ?? bars.map(\.value).filter(\.isFinite).max() ?? 0
    let longest = bars.map { DisplayWidth.width(of: $0.label) }.max() ?? 0
    // Values are never cut: the label column gives way (keeping a short bar), then the bar.
    let vw = min(bars.map { DisplayWidth.width(of: $0.valueText ?? "") }.max() ?? 0, max(0, rect.width - 2))
    let lw = max(0, min(labelWidth ?? longest, rect.width / 3, rect.width - (vw > 0 ? vw + 1 : 0) - 5))
    let barWidth = max(0, rect.width - lw - 1 - (vw > 0 ? vw + 1 : 0))
    for (i, bar) in bars.enumerated() where i < rect.height {
      let row = rect.row + i
      if lw > 0 { buffer.put(bar.label, row: row, col: rect.col, width: lw, alignment: .left) }
      let fraction = top > 0 ? bar.value / top : 0
      let x = rect.col + lw + (lw > 0 ? 1 : 0)
      buffer.put(Self.barString(fraction: fraction, width: barWidth, asciiOnly: buffer.asciiOnly), row: row, col: x, style: bar.style, maxWidth: barWidth)
      if vw > 0, let text = bar.valueText {
        buffer.put(text, row: row, col: x + barWidth + 1, width: vw, alignment: .right)
      }
    }
  }
}
