// CNcursesw: the C boundary of sxsh. Only the SXTerminal target imports this module.
//
// Why this file exists (see /work/shared/brief/style.md §2):
// * SwiftPM drops the `-D_XOPEN_SOURCE=600` flag from pkg-config, so the wide-character API
//   (get_wch, add_wch, setcchar, mvwaddnwstr, cchar_t, wint_t) is only visible when
//   NCURSES_WIDECHAR is defined here, before the include.
// * Swift does not import NCURSES_BITS macros (A_BOLD …), KEY_F(n) or mouse masks; they are
//   re-exported as `static const` values or `static inline` functions.
// * Swift 6 rejects the C globals stdscr/COLORS/COLOR_PAIRS/stdout; accessors are provided.
// * Signal handlers must be async-signal-safe and keep their state in C storage.
//
// All mutable C state below is `static`. Swift emits clang inline bodies per object file, so
// every Swift use of the signal helpers is kept in ONE Swift file (SXTerminal/SignalGuard.swift).
#ifndef SXSH_CNCURSESW_SHIM_H
#define SXSH_CNCURSESW_SHIM_H

#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif

#include <errno.h>
#include <fcntl.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <termios.h>
#include <unistd.h>
#include <wchar.h>
#include <ncursesw/curses.h>

/// glibc declares wcwidth only under __USE_XOPEN, which Swift's Glibc module does not set.
extern int wcwidth(wchar_t);

// MARK: - Attributes

static const attr_t SX_A_NORMAL = A_NORMAL;
static const attr_t SX_A_BOLD = A_BOLD;
static const attr_t SX_A_REVERSE = A_REVERSE;
static const attr_t SX_A_UNDERLINE = A_UNDERLINE;
static const attr_t SX_A_DIM = A_DIM;
static const attr_t SX_A_STANDOUT = A_STANDOUT;
static const attr_t SX_A_ITALIC = A_ITALIC;
static const attr_t SX_A_COLOR = A_COLOR;

// MARK: - Mouse masks

static const mmask_t SX_ALL_MOUSE_EVENTS = ALL_MOUSE_EVENTS;
static const mmask_t SX_REPORT_MOUSE_POSITION = REPORT_MOUSE_POSITION;
static const mmask_t SX_BUTTON1_PRESSED = BUTTON1_PRESSED;
static const mmask_t SX_BUTTON1_RELEASED = BUTTON1_RELEASED;
static const mmask_t SX_BUTTON1_CLICKED = BUTTON1_CLICKED;
static const mmask_t SX_BUTTON1_DOUBLE_CLICKED = BUTTON1_DOUBLE_CLICKED;
static const mmask_t SX_BUTTON2_CLICKED = BUTTON2_CLICKED;
static const mmask_t SX_BUTTON3_PRESSED = BUTTON3_PRESSED;
static const mmask_t SX_BUTTON3_CLICKED = BUTTON3_CLICKED;
static const mmask_t SX_BUTTON4_PRESSED = BUTTON4_PRESSED;
#ifdef BUTTON5_PRESSED
static const mmask_t SX_BUTTON5_PRESSED = BUTTON5_PRESSED;
#else
static const mmask_t SX_BUTTON5_PRESSED = 0;
#endif

// MARK: - Accessors for globals and function-like macros

static inline WINDOW *sx_stdscr(void) { return stdscr; }
static inline int sx_colors(void) { return COLORS; }
static inline int sx_color_pairs(void) { return COLOR_PAIRS; }
static inline int sx_key_f(int n) { return KEY_F(n); }
static inline FILE *sx_stdout(void) { return stdout; }
static inline FILE *sx_stdin(void) { return stdin; }

// MARK: - Frame output held back (TerminalSession.prepare)

/// The descriptor ncurses writes the frames to (newterm's output stream).
static inline int sx_output_fd(void) { return fileno(stdout); }

/// An anonymous in-memory file (memfd_create, close-on-exec), or -1. Through syscall(): glibc declares
/// memfd_create only under _GNU_SOURCE.
static inline int sx_memfd(void) {
#ifdef SYS_memfd_create
  return (int)syscall(SYS_memfd_create, "sxsh-frame", 1u /* MFD_CLOEXEC */);
#else
  return -1;
#endif
}
/// tigetstr returns (char *)-1 for "not a string capability"; report absent or cancelled as 0.
static inline int sx_has_string_cap(const char *name) {
  char *s = tigetstr(name);
  return s != NULL && s != (char *)-1 && s[0] != '\0';
}
/// nl_langinfo(CODESET) copied into `out` (NUL-terminated).
static inline void sx_codeset(char *out, size_t size) {
  const char *cs = nl_langinfo(CODESET);
  if (size == 0) return;
  if (cs == NULL) cs = "";
  strncpy(out, cs, size - 1);
  out[size - 1] = '\0';
}

// MARK: - termios

/// Clears IXON (and IXOFF) on `fd` so Ctrl-S / Ctrl-Q reach the application. Returns 0 on success.
static inline int sx_disable_flow_control(int fd) {
  struct termios t;
  if (tcgetattr(fd, &t) != 0) return -1;
  t.c_iflag &= ~(tcflag_t)(IXON | IXOFF);
  return tcsetattr(fd, TCSANOW, &t);
}

// MARK: - Termination signals (handlers only set a flag)

static volatile sig_atomic_t sx_signal_flag = 0;

static void sx_flag_handler(int sig) { sx_signal_flag = sig; }

/// The last termination signal received (SIGTERM, SIGHUP, SIGINT), or 0.
static inline int sx_pending_signal(void) { return (int)sx_signal_flag; }
static inline void sx_clear_pending_signal(void) { sx_signal_flag = 0; }

/// Installs flag-only handlers for SIGTERM, SIGHUP and SIGINT. Call before newterm/initscr:
/// ncurses installs its own handlers only where the disposition is still SIG_DFL.
static inline int sx_install_termination_handlers(void) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = sx_flag_handler;
  sigemptyset(&sa.sa_mask);
  int rc = 0;
  rc |= sigaction(SIGTERM, &sa, NULL);
  rc |= sigaction(SIGHUP, &sa, NULL);
  rc |= sigaction(SIGINT, &sa, NULL);
  return rc;
}

// MARK: - Crash signals (restore the terminal, then chain to the saved action)

#define SX_CRASH_SIGNAL_COUNT 6
static const int sx_crash_signals[SX_CRASH_SIGNAL_COUNT] = {SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGFPE, SIGABRT};
// Arrays live in function-local statics: Swift's clang code generation does not emit
// file-scope tentative definitions, which left them undefined at link time.
static inline struct sigaction *sx_saved_crash_actions(void) {
  static struct sigaction actions[SX_CRASH_SIGNAL_COUNT];
  return actions;
}
static inline char *sx_crash_note(void) {
  static char note[512];
  return note;
}
#define SX_CRASH_NOTE_SIZE 512
static volatile sig_atomic_t sx_crash_installed = 0;
static volatile sig_atomic_t sx_curses_active = 0;
static volatile sig_atomic_t sx_saved_stderr_fd = -1;
static volatile sig_atomic_t sx_crash_note_len = 0;
static volatile sig_atomic_t sx_terminal_output_copy = -1;
static volatile sig_atomic_t sx_terminal_output_target = 1;

static void sx_crash_handler(int sig) {
  // A frame may be being worked out into memory (fd 1 pointed away from the terminal): the terminal back first, so
  // that endwin's restoring sequences reach it.
  if (sx_terminal_output_copy >= 0) {
    dup2(sx_terminal_output_copy, sx_terminal_output_target);
  }
  if (sx_curses_active) {
    sx_curses_active = 0;
    endwin();
  }
  // Put the real stderr back so the Swift backtracer prints on the terminal, not in the log.
  if (sx_saved_stderr_fd >= 0) {
    dup2(sx_saved_stderr_fd, 2);
  }
  if (sx_crash_note_len > 0) {
    ssize_t ignored = write(2, sx_crash_note(), (size_t)sx_crash_note_len);
    (void)ignored;
  }
  for (int i = 0; i < SX_CRASH_SIGNAL_COUNT; i++) {
    if (sx_crash_signals[i] == sig) {
      sigaction(sig, &sx_saved_crash_actions()[i], NULL);
      break;
    }
  }
  raise(sig);
}

/// Installs the crash handlers once, saving the previous actions (the Swift backtracer's).
static inline int sx_install_crash_handlers(void) {
  if (sx_crash_installed) return 0;
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = sx_crash_handler;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = SA_NODEFER | SA_RESETHAND;
  int rc = 0;
  for (int i = 0; i < SX_CRASH_SIGNAL_COUNT; i++) {
    rc |= sigaction(sx_crash_signals[i], &sa, &sx_saved_crash_actions()[i]);
  }
  sx_crash_installed = 1;
  return rc;
}

/// Tells the crash handler which descriptor is a copy of the terminal's output (-1: none).
static inline void sx_set_terminal_output_copy(int fd) {
  sx_terminal_output_target = fileno(stdout);
  sx_terminal_output_copy = fd;
}
/// Tells the crash handler whether curses currently owns the screen.
static inline void sx_set_curses_active(int active) { sx_curses_active = active; }
/// Tells the crash handler which descriptor holds the real stderr (-1: none).
static inline void sx_set_saved_stderr_fd(int fd) { sx_saved_stderr_fd = fd; }
/// A message the crash handler writes to the real stderr after restoring the terminal.
static inline void sx_set_crash_note(const char *note) {
  size_t n = note ? strlen(note) : 0;
  if (n >= SX_CRASH_NOTE_SIZE) n = SX_CRASH_NOTE_SIZE - 1;
  sx_crash_note_len = 0;
  if (n > 0) memcpy(sx_crash_note(), note, n);
  sx_crash_note()[n] = '\0';
  sx_crash_note_len = (sig_atomic_t)n;
}

#endif
