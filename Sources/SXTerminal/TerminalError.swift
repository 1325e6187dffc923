import SXCore

/// Why the full-screen terminal could not start. Every case has a Vietnamese and an English
/// message (``message``); the app prints it on the normal screen and exits non-zero.
public enum TerminalError: Error, Hashable, Sendable, LocalizedFailure {
  /// Standard input or output is not a terminal (piped, redirected, cron).
  case notATerminal(stream: String)
  /// `TERM` is not set.
  case terminalTypeUnset
  /// `TERM=dumb`: no cursor addressing; full-screen mode is refused.
  case dumbTerminal
  /// terminfo has no entry for this `TERM`.
  case unknownTerminal(String)
  /// The terminal type cannot move the cursor (no `cup` capability).
  case noCursorAddressing(String)
  /// No UTF-8 locale could be set (not even C.UTF-8); Vietnamese cannot be shown.
  case localeNotUTF8(codeset: String)
  /// A curses call failed during start-up.
  case initialisationFailed(String)

  public var message: LocalizedText {
    switch self {
    case .notATerminal(let stream):
      LocalizedText(
        vi: "sxsh cần chạy trong một cửa sổ dòng lệnh (\(stream) không phải là terminal). Dùng các lệnh con như `sxsh export` khi chạy trong script.",
        en: "sxsh needs to run in a terminal (\(stream) is not a terminal). Use subcommands such as `sxsh export` in scripts.")
    case .terminalTypeUnset:
      LocalizedText(
        vi: "Biến môi trường TERM chưa được đặt. Hãy thử: TERM=xterm-256color sxsh",
        en: "The TERM environment variable is not set. Try: TERM=xterm-256color sxsh")
    case .dumbTerminal:
      LocalizedText(
        vi: "Terminal loại \"dumb\" không hỗ trợ chế độ toàn màn hình. Hãy dùng một terminal khác hoặc các lệnh con không tương tác.",
        en: "A \"dumb\" terminal cannot run full-screen mode. Use another terminal or the non-interactive subcommands.")
    case .unknownTerminal(let term):
      LocalizedText(
        vi: "Không nhận ra loại terminal \"\(term)\" (không có trong terminfo). Hãy thử: TERM=xterm-256color sxsh",
        en: "Unknown terminal type \"\(term)\" (not in terminfo). Try: TERM=xterm-256color sxsh")
    case .noCursorAddressing(let term):
      LocalizedText(
        vi: "Terminal \"\(term)\" không di chuyển được con trỏ nên không thể chạy toàn màn hình.",
        en: "Terminal \"\(term)\" cannot address the cursor, so full-screen mode is impossible.")
    case .localeNotUTF8(let codeset):
      LocalizedText(
        vi: "Không đặt được locale UTF-8 (hiện tại: \(codeset)); tiếng Việt sẽ không hiển thị đúng. Hãy thử: LANG=C.UTF-8 sxsh",
        en: "Could not set a UTF-8 locale (current: \(codeset)); Vietnamese would not display. Try: LANG=C.UTF-8 sxsh")
    case .initialisationFailed(let what):
      LocalizedText(
        vi: "Không khởi động được giao diện terminal: \(what).",
        en: "Could not start the terminal interface: \(what).")
    }
  }
}
