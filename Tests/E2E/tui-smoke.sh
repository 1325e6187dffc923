#!/bin/sh
# End-to-end check of the full-screen app under a private tmux server (style.md §2.7, reliability.md §2).
# Usage: Tests/E2E/tui-smoke.sh [path/to/sxsh]   (default: .build-screens/debug/sxsh, then .build/debug/sxsh)
# Creates an assessment from Home, fills the profile, adds a step and three flows typed with units and
# Vietnamese text (NFC and NFD), opens the balance, adds an opportunity, resizes, Ctrl-C → yes, then checks
# the stored data with `sxsh show ID --json`.
set -eu
BIN=${1:-}
[ -n "$BIN" ] || for b in .build-screens/debug/sxsh .build/debug/sxsh; do [ -x "$b" ] && BIN=$b && break; done
command -v tmux >/dev/null || { echo "SKIP: tmux not installed"; exit 0; }
SOCK="sxsh-smoke-$$"
DIR=$(mktemp -d)
DB="$DIR/e2e.sqlite"
T="tmux -L $SOCK -f /dev/null"
cleanup() { $T kill-server 2>/dev/null || true; rm -rf "$DIR"; }
trap cleanup EXIT
fail() { echo "FAIL: $1"; $T capture-pane -p -t t 2>/dev/null || true; exit 1; }
wait_for() {
  i=0
  while [ $i -lt 100 ]; do
    $T capture-pane -p -t t 2>/dev/null | grep -qF -- "$1" && return 0
    sleep 0.1; i=$((i + 1))
  done
  fail "«$1» did not appear"
}
keys() { $T send-keys -t t "$@"; }
text() { $T send-keys -t t -l "$1"; }

$T new-session -d -s t -x 80 -y 24 "env LANG=C.UTF-8 TERM=tmux-256color SXSH_DB=$DB SXSH_LANG=en $BIN; echo \$? > $DIR/status; sleep 30"
wait_for "Assessments"
keys IC; wait_for "Company name"
text "Công ty Dệt Huế"; keys Enter; wait_for "W0 · Company profile"
# Profile: sector is the 5th line.
keys Enter Down Down Down Down Enter; text "dệt nhuộm"; keys Enter; wait_for "Saved: W0"
# W6: one step.
keys Escape Down Down Down Down Down Down Enter IC; text "Nhuộm"; keys Enter; wait_for "Saved: W6"
# W7: three flows; the second typed in NFD.
keys Escape Down Enter; wait_for "W7 ·"
n=0
for name in "Vải mộc" "$(printf 'Nu\314\233o\314\233\314\201c nhuo\314\243\314\202m')" "Vải thành phẩm"; do
  n=$((n + 1))
  keys IC; text "$name"; keys Enter; wait_for "Saved: W7 · Flow"
  keys Right Enter C-u
  case $n in 1) text "10 t" ;; 2) text "200 m³" ;; 3) text "9,5 t" ;; esac
  keys Enter; wait_for "Saved: W7 · Quantity"
done
# The third flow is an output: In/out column, choose "out".
keys Left Left Left Enter Down Enter; wait_for "Saved: W7 · In/out"
keys F5; wait_for "Closure"
keys F5 Escape Down Down Down Enter IC; text "Thu hồi nước làm mát"; keys Enter; wait_for "Saved: W10"
$T resize-window -t t -x 40 -y 10; wait_for "enlarge"
$T resize-window -t t -x 80 -y 24; wait_for "W10"
keys C-c; wait_for "Quit sxsh?"; keys y
i=0; while [ ! -s "$DIR/status" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
[ "$(cat "$DIR/status" 2>/dev/null)" = "0" ] || fail "exit status was not 0"
ID=$(SXSH_DB=$DB "$BIN" list --json | grep -o '"id" *: *"[^"]*"' | head -1 | sed 's/.*"\([^"]*\)"$/\1/')
OUT=$(SXSH_DB=$DB "$BIN" show "$ID" --json)
for want in "Công ty Dệt Huế" "dệt nhuộm" "Nhuộm" "Nước nhuộm" "Vải thành phẩm" "Thu hồi nước làm mát"; do
  printf '%s' "$OUT" | grep -qF "$want" || fail "stored data lacks «$want» (NFD must be stored as NFC)"
done
echo "PASS: tui-smoke"
