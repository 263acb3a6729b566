#!/bin/sh
# A real window, not a test: the till under Xvfb (X11, the xcb plugin) with a window manager, as
# a desktop runs it (without one, a new window gets no focus and shortcuts are lost), driven by
# keyboard alone with xdotool (bench/real_window_flows.py):
#   1. a clerk logs in and rings up a 3-item sale paid in exact cash (F2, scans, F12, Enter)
#   2. a manager finds that sale (Ctrl+F, Enter, Enter) and refunds one item (Alt+R)
#   3. the manager marks a delivery shipped with its tracking number (Alt+S)
#   4. a customer logs in and opens their own order
# It prints the keys each flow took, checks the database after each, and fails (exit 1) when a
# flow cannot be finished by keyboard. Screenshots of every step go to bench/out/real-window/
# SIZE/. Needs, on Debian/Ubuntu:
#   apt-get install -y xvfb xdotool x11-utils imagemagick openbox libxcb-cursor0 libxcb-icccm4 \
#       libxcb-keysyms1
# Python: POS_APP_PYTHON (default .venv/bin/python).
#
#   sh bench/real_window.sh [WIDTHxHEIGHT]      (default 1024x768, the commonest till screen)
set -eu
SIZE=${1:-1024x768}
if [ -z "${REAL_WINDOW_INSIDE_XVFB:-}" ]; then
    REAL_WINDOW_INSIDE_XVFB=1 exec xvfb-run -a -s "-screen 0 ${SIZE}x24" sh "$0" "$@"
fi
cd "$(dirname "$0")/.."
PY=${POS_APP_PYTHON:-.venv/bin/python}
export PYTHONPATH="$PWD${PYTHONPATH:+:$PYTHONPATH}"
OUT=bench/out/real-window/$SIZE
rm -rf "$OUT"
mkdir -p "$OUT"
export XDG_CONFIG_HOME="$PWD/$OUT/config"  # the window opens as on a new till, not as last left
DB=$OUT/demo.sqlite3
"$PY" -m pos_app --db "$DB" demo --orders 60 >/dev/null

WM=
APP=
trap 'kill $APP $WM 2>/dev/null || true' EXIT
if [ "${REAL_WINDOW_WM:-openbox}" != none ]; then  # REAL_WINDOW_WM=none shows what goes wrong
    openbox >"$OUT/openbox.log" 2>&1 &
    WM=$!
    timeout 10 sh -c 'until xprop -root _NET_SUPPORTING_WM_CHECK 2>/dev/null | grep -q window; do sleep 0.1; done'
fi

unset QT_QPA_PLATFORM
"$PY" -m pos_app --db "$DB" >"$OUT/app.log" 2>&1 &
APP=$!
timeout 30 xdotool search --sync --name '^Log in$' >/dev/null
echo "screen $SIZE"
"$PY" bench/real_window_flows.py "$DB" "$OUT"
echo "screenshots in $OUT/"
