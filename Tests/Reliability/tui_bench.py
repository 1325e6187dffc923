#!/usr/bin/env python3
"""TUI performance figures for sxsh-bench (issue 8), measured in a real pty (pexpect) rendered by pyte:
  * cold start to first painted frame of the demo, 80x24, median (anchor: vim -u NONE, same harness);
  * keystroke (Enter that saves an edit, durable commit + recompute) to painted frame on a large assessment,
    median and p99 (keys sent apart: each edit starts once the previous frame arrived and the pty was quiet 50 ms);
    anchor: vim -u NONE, a typed character to its frame, paced the same way (what the instrument itself costs);
  * a key (↓, then ↑) sent as soon as the saved frame arrived, while the results are derived again, to its frame;
  * bytes written for a one-row cursor move in the flows table (W7) of the large assessment (median); every move
    is checked to have moved the highlighted row by exactly one line on screen, else the figure is not reported;
  * peak RSS (VmHWM) of sxsh with the large assessment open.
A frame is timed when the bytes completing it are read from the pty (before the virtual terminal parses them).
Usage: tui_bench.py --sxsh PATH --bench PATH [--flows 10000] [--runs 15] [--saves 100] [--out figures.json]
                    [--only start,save,after,move,rss]
--runs: cold starts (and vim's); --saves: Enters timed, and saves followed by the ↓/↑ pair (a p99 needs a hundred
samples to be more than the slowest one).
Needs python3-pexpect and python3-pyte. Prints the figures; writes them as JSON for `sxsh-bench --tui`.
"""
import argparse, json, os, shutil, statistics, subprocess, tempfile, time
import pexpect, pyte

ap = argparse.ArgumentParser()
ap.add_argument("--sxsh", required=True)
ap.add_argument("--bench", required=True)
ap.add_argument("--flows", type=int, default=10000)
ap.add_argument("--runs", type=int, default=15)
ap.add_argument("--saves", type=int, default=100)
ap.add_argument("--out")
ap.add_argument("--only", default="start,save,after,move,rss", help="comma-separated parts: start, save, after, move, rss")
opt = ap.parse_args()
parts = set(opt.only.split(","))


class Screen(pyte.Screen):
    def select_graphic_rendition(self, *attrs, private=False, **kw):  # vim's CSI > 4;2 m
        if not private:
            super().select_graphic_rendition(*attrs)


work = tempfile.mkdtemp(prefix="sxsh-tui-bench-")
env = dict(os.environ, TERM="xterm-256color", LANG="C.UTF-8", SXSH_LANG="en", XDG_STATE_HOME=work)
env.pop("LC_ALL", None)
DOWN, UP, PGDN, HOME, ESC = "\x1bOB", "\x1bOA", "\x1b[6~", "\x1bOH", "\x1b"


class Pane:
    def __init__(self, cmd, args):
        self.scr = Screen(80, 24)
        self.stream = pyte.ByteStream(self.scr)
        self.t0 = time.perf_counter()
        self.c = pexpect.spawn(cmd, args, dimensions=(24, 80), env=env)
        self.c.delaybeforesend = 0
        self.bytes = 0

    def text(self):
        return "\n".join(self.scr.display)

    def pump_until(self, pred, timeout=10.0, fresh=False):
        """Reads until `pred` holds; returns the time the bytes that made it hold were read from the pty (the frame
        was painted then), or None on timeout. The predicate is evaluated only when new bytes were fed (it renders the
        virtual screen, ~1 ms in Python), and the wait for bytes is one select() with the remaining time, so neither
        the predicate nor the virtual terminal's parsing is counted in the figure, nor delays the next read.
        `fresh`: a key was just sent, so the screen cannot hold yet; the predicate is not evaluated before the first
        bytes are read (bytes arriving while it ran would be timed late)."""
        if not fresh and pred(self):
            return time.perf_counter()
        end = time.perf_counter() + timeout
        while True:
            left = end - time.perf_counter()
            if left <= 0:
                return None
            try:
                d = self.c.read_nonblocking(65536, timeout=left)
            except pexpect.TIMEOUT:
                return None
            except pexpect.EOF:
                return None
            arrived = time.perf_counter()
            self.bytes += len(d)
            self.stream.feed(d)
            if pred(self):
                return arrived

    def drain(self, quiet=0.15):
        """Reads until the pty is quiet for `quiet` seconds; returns the byte count read."""
        n, last = 0, time.perf_counter()
        while time.perf_counter() - last < quiet:
            try:
                d = self.c.read_nonblocking(65536, timeout=0.01)
                n += len(d)
                self.stream.feed(d)
                last = time.perf_counter()
            except pexpect.TIMEOUT:
                pass
            except pexpect.EOF:
                break
        return n

    def close(self):
        if self.c.isalive():
            self.c.kill(15)
        self.c.close(force=True)


def ttfp(cmd, args, marker, runs):
    out = []
    for _ in range(runs):
        p = Pane(cmd, args)
        t = p.pump_until(lambda p: all(m in p.text() for m in marker))
        if t is not None:
            out.append((t - p.t0) * 1000)
        p.close()
    return out


figs = []


def fig(name, value, unit, budget=None, note=""):
    figs.append({"name": name, "value": value, "unit": unit, "budget": budget, "note": note})
    print("%-60s %10.3f %s%s" % (name, value if value is not None else float("nan"), unit, "  (budget %s)" % budget if budget else ""))


def pct(xs, p):
    s = sorted(xs)
    if not s:
        return None
    k = (len(s) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(s) - 1)
    return s[lo] + (s[hi] - s[lo]) * (k - lo)


def saved(display, text):
    """The saved frame: the key bar is back to the sheet's (Enter Edit) and the text saved is on screen."""
    return "EnterEdit" in display[-1] and any(text in line for line in display)


def vim_keys(n):
    """vim -u NONE in insert mode, paced as the Enter figure is (a key, the pty quiet 50 ms, then the timed key):
    the time from a typed character to the frame that shows it. vim does next to nothing for it, so this is what the
    instrument itself costs after the same pause (the pty both ways, waking the app and the harness), on this
    machine at that moment. None when vim is not installed."""
    vim = shutil.which("vim")
    if not vim:
        return None
    p = Pane(vim, ["-u", "NONE", "-N", "-n"])
    out = []
    try:
        if p.pump_until(lambda p: "VIM - Vi IMproved" in p.text(), 10) is None:
            return None
        p.c.send("i")
        p.drain(0.05)
        typed = ""
        for i in range(n):
            typed += "a"  # the paced key, like the text typed before Enter
            p.c.send("a")
            p.drain(0.05)
            typed += "b"
            t0 = time.perf_counter()
            p.c.send("b")
            t1 = p.pump_until(lambda p, want=typed: p.scr.display[0].rstrip() == want, 10, fresh=True)
            if t1 is not None:
                out.append((t1 - t0) * 1000)
            p.drain(0.05)
            if len(typed) >= 70:  # stay on the first line
                p.c.send("\x15")  # Ctrl-U: the line typed in insert mode erased
                p.drain(0.05)
                typed = ""
    finally:
        p.c.send("\x1b:q!\r")
        p.close()
    return out


def selected_lines(p, first=24):
    """Screen lines with the table's selection marker ("▶", in the gutter right of the navigation)."""
    return [y for y in range(1, p.scr.lines - 2) if any(p.scr.buffer[y][x].data == "▶" for x in range(first, p.scr.columns))]


try:
    if "start" in parts:
        demo_db = os.path.join(work, "demo.sqlite")
        subprocess.run([opt.sxsh, "demo", "--no-open", "--db", demo_db], check=True, capture_output=True, env=env)
        # Warm the page cache once, then measure.
        ttfp(opt.sxsh, ["demo", "--db", demo_db], ["W0 · Company profile", "F1Help"], 2)
        t = ttfp(opt.sxsh, ["demo", "--db", demo_db], ["W0 · Company profile", "F1Help"], opt.runs)
        fig("TUI: cold start to first painted frame (demo, 80x24), median", statistics.median(t) if t else None, "ms", 20)
        vim = shutil.which("vim")
        if vim:
            v = ttfp(vim, ["-u", "NONE", "-N"], ["VIM - Vi IMproved"], opt.runs)
            fig("anchor: vim -u NONE first painted frame, median", statistics.median(v) if v else None, "ms", None, "same harness")

    if parts & {"save", "after", "move", "rss"}:
        big_db = os.path.join(work, "big.sqlite")
        r = subprocess.run([opt.bench, "make-db", big_db, str(opt.flows)], check=True, capture_output=True, text=True)
        big_id = r.stdout.strip()
        p = Pane(opt.sxsh, ["open", big_id, "--db", big_db])
        if p.pump_until(lambda p: "W0 · Company profile" in p.text() and "F1Help" in p.text(), 60) is None:
            raise SystemExit("large assessment did not open: " + p.text())
        p.drain()
        if "save" in parts:
            # Address row of W0: from the sheet focus (Enter from the navigation), down two rows.
            p.c.send("\r")
            p.drain()
            p.c.send(DOWN + DOWN)
            p.drain()
            lat = []
            for i in range(opt.saves):
                p.c.send("\r")  # open the editor
                p.pump_until(lambda p: "EscCancel" in p.scr.display[-1], 10)
                p.c.send("\x15bench %d" % i)  # Ctrl-U, then the new text
                p.drain(0.05)
                t0 = time.perf_counter()
                p.c.send("\r")  # save: durable commit + repaint (results follow when idle)
                t1 = p.pump_until(lambda p: saved(p.scr.display, "bench %d" % i), 10, fresh=True)
                if t1 is not None:
                    lat.append((t1 - t0) * 1000)
                p.drain(0.05)
            fig("TUI: Enter (durable save) to painted frame, %d flows, median" % opt.flows, pct(lat, 50), "ms", 2)
            fig("TUI: Enter (durable save) to painted frame, %d flows, p99" % opt.flows, pct(lat, 99), "ms", 8)
            v = vim_keys(opt.saves)
            if v:
                fig("anchor: vim -u NONE typed character to painted frame, median", pct(v, 50), "ms", None,
                    "same harness and pause: the pty round trip and wake-up after idle that the TUI key figures include")
        if "after" in parts:
            # A key typed right after a save, while results, findings and markers are being derived again: from the
            # saved frame, ↓ then ↑ at once (each sent when the previous frame arrived), timed to the frame whose
            # focus marker (▸) moved one line.
            if "save" not in parts:
                p.c.send("\r")
                p.drain()
                p.c.send(DOWN + DOWN)
                p.drain()

            def focus_line(p):
                d = p.scr.display
                lines = [y for y in range(1, p.scr.lines - 2) if "▸" in d[y]]
                return lines[0] if len(lines) == 1 else None

            after = []
            for i in range(opt.saves):
                p.c.send("\r")
                p.pump_until(lambda p: "EscCancel" in p.scr.display[-1], 10)
                p.c.send("\x15after %d" % i)
                p.drain(0.05)
                p.c.send("\r")
                if p.pump_until(lambda p: saved(p.scr.display, "after %d" % i), 10, fresh=True) is None:
                    continue
                for key, step in ((DOWN, 1), (UP, -1)):
                    line = focus_line(p)
                    t0 = time.perf_counter()
                    p.c.send(key)
                    t1 = p.pump_until(lambda p, line=line, step=step: line is not None and focus_line(p) == line + step, 10, fresh=True)
                    if t1 is not None:
                        after.append((t1 - t0) * 1000)
                p.drain(0.05)
            fig("TUI: key right after a save to painted frame, %d flows, median" % opt.flows, pct(after, 50), "ms", 2)
            fig("TUI: key right after a save to painted frame, %d flows, p99" % opt.flows, pct(after, 99), "ms", 8)
        if parts & {"save", "after"}:
            p.c.send(ESC)  # back to the navigation
            p.drain()
        if "move" in parts:
            # The flows table (W7) of the process sheet: select it in the navigation, focus the table, go a few pages
            # down (so moves happen inside a scrolled window of a 10,000-row table), then move one row at a time.
            p.c.send(HOME)
            p.drain()
            for _ in range(20):
                if "W7 · " in p.text():
                    break
                p.c.send(DOWN)
                p.drain()
            if "W7 · " not in p.text():
                raise SystemExit("flows table (W7) not reached: " + p.text())
            p.c.send("\r")
            p.drain()
            for _ in range(3):
                p.c.send(PGDN)
                p.drain()
            before = selected_lines(p)
            if len(before) != 1:
                raise SystemExit("no single selection marker in the flows table: %r\n%s" % (before, p.text()))
            moves, valid = [], True
            for i in range(20):
                key, step = (UP, -1) if i % 2 == 0 else (DOWN, 1)
                p.c.send(key)
                n = p.drain(0.1)
                after = selected_lines(p)
                if after != [before[0] + step]:
                    valid = False
                    print("move %d: selection %r -> %r, not one line" % (i, before, after))
                before = after
                moves.append(n)
            fig("TUI: bytes written per one-row cursor move (W7, %d rows), median" % opt.flows, statistics.median(moves) if valid else None, "B", 64,
                "xterm-256color" if valid else "INVALID: the selection did not move one line per key")
        if "rss" in parts:
            try:
                hwm = [l for l in open("/proc/%d/status" % p.c.pid).read().splitlines() if l.startswith("VmHWM")][0]
                fig("TUI: peak RSS with the %d-flow assessment open" % opt.flows, int(hwm.split()[1]) / 1024, "MiB", 60)
            except (OSError, IndexError):
                pass
        p.close()
finally:
    shutil.rmtree(work, ignore_errors=True)
if opt.out:
    with open(opt.out, "w") as f:
        json.dump(figs, f, indent=2)
