import Foundation
import SXCore

/// Settings for a ``TerminalSession``.
public struct TerminalOptions: Sendable {
  /// Language of error messages.
  public var language: Language
  /// Capture mouse clicks and wheel. Off by default: it takes over the terminal's text
  /// selection (users then need Shift-drag).
  public var mouse: Bool
  /// Period of `readEvent` timeouts when no timeout is given (ticks for background work).
  public var tickMilliseconds: Int
  /// Where stderr goes while curses owns the screen; nil means /dev/null.
  public var stderrLogPath: String?
  /// Ask xterm-compatible terminals for bracketed paste, so pasted text arrives as one
  /// ``SXUI/InputEvent/paste(_:)`` and is never taken as commands.
  public var bracketedPaste: Bool
  /// Force the monochrome theme even when the terminal has colours.
  public var monochrome: Bool
  /// The process environment (injectable for tests).
  public var environment: [String: String]

  public init(
    language: Language = .vi, mouse: Bool = false, tickMilliseconds: Int = 100, stderrLogPath: String? = nil,
    bracketedPaste: Bool = true, monochrome: Bool = false, environment: [String: String] = ProcessInfo.processInfo.environment
  ) {
    self.language = language
    self.mouse = mouse
    self.tickMilliseconds = tickMilliseconds
    self.stderrLogPath = stderrLogPath
    self.bracketedPaste = bracketedPaste
    self.monochrome = monochrome
    self.environment = environment
  }
}

/// Rows and columns of the terminal.
public struct TerminalSize: Hashable, Sendable {
  public var rows: Int
  public var cols: Int
  public init(rows: Int, cols: Int) {
    self.rows = rows
    self.cols = cols
  }
}
