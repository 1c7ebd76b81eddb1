#!/usr/bin/env bash
# Drives the explorer under a private tmux server the way the end-to-end tests do, for manual
# debugging: PATHLENS=path/to/pathlens scripts/e2e/explorer-smoke.sh. The program's stderr goes
# to $WORK/stderr.log; the script prints each step and the exit status.
set -euo pipefail
BIN=${PATHLENS:-.build/debug/pathlens}
NAME="pl-smoke-$$"
WORK=$(mktemp -d)
T() { tmux -L "$NAME" -f /dev/null "$@"; }
cleanup() { T kill-server 2>/dev/null || true; }
trap cleanup EXIT INT TERM
wait_for() { # wait_for TEXT [TIMEOUT]
  local deadline=$((SECONDS + ${2:-90}))
  until T capture-pane -p -t main | grep -qF -- "$1"; do
    if ((SECONDS > deadline)); then echo "timed out waiting for '$1'"; T capture-pane -p -t main; exit 1; fi
    sleep 0.1
  done
  echo "ok: $1"
}
T new-session -d -s main -c "$WORK" -x 160 -y 50 "env LANG=C.UTF-8 $BIN 2>$WORK/stderr.log; echo EXIT=\$?; sleep 600"
wait_for "| union member"
T send-keys -t main j Space; sleep 1; T send-keys -t main Space
T send-keys -t main s Down Enter; wait_for "N=1797"
T send-keys -t main M; wait_for "Med: training on"
T send-keys -t main 2; wait_for "c' ="
T send-keys -t main Escape 1 x Enter Enter; wait_for "exported Models"
head -3 "$WORK/pathlens-models.md"
T resize-window -t main -x 80 -y 24; wait_for "1 Models"
T resize-window -t main -x 40 -y 10; wait_for "Terminal too small"
T resize-window -t main -x 100 -y 30; wait_for "1 Models"
T send-keys -t main q; wait_for "EXIT="
T capture-pane -p -t main | grep EXIT=
echo "stderr:"; cat "$WORK/stderr.log"
