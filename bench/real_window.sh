#!/bin/sh
# A real window, not a test: the till under Xvfb (X11, the xcb plugin), driven with xdotool.
# Logs in as the demo clerk, presses F2 for a new sale, types a barcode the way a scanner does
# (3 ms a key, then Return), and saves a screenshot of each step under bench/out/real-window/.
# Look at the PNGs afterwards. Needs, on Debian/Ubuntu:
#   apt-get install -y xvfb xdotool imagemagick libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1
#
#   sh bench/real_window.sh [BARCODE]
set -eu
if [ -z "${REAL_WINDOW_INSIDE_XVFB:-}" ]; then
    REAL_WINDOW_INSIDE_XVFB=1 exec xvfb-run -a -s "-screen 0 1366x800x24" sh "$0" "$@"
fi
cd "$(dirname "$0")/.."
BARCODE=${1:-4006381333931}  # a Stabilo fineliner in the demo catalogue
OUT=bench/out/real-window
mkdir -p "$OUT"
DB=$OUT/demo.sqlite3
rm -f "$DB" "$DB-wal" "$DB-shm"  # a fresh shop (its open sale, if any, is named after it)
rm -f "$OUT/demo.open-cart.json"
.venv/bin/pos-app --db "$DB" demo >/dev/null

shot() {  # shot NAME: the whole screen as $OUT/NAME.png
    sleep 0.7
    import -window root "$OUT/$1.png"
    echo "saved $OUT/$1.png"
}

unset QT_QPA_PLATFORM
.venv/bin/pos-app --db "$DB" >"$OUT/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT

LOGIN=$(timeout 30 xdotool search --sync --name '^Log in$' | head -n 1)
xdotool windowfocus --sync "$LOGIN"
shot 1-login
xdotool type --delay 20 clerk
xdotool key Tab
xdotool type --delay 20 clerk123
xdotool key Return

MAIN=$(timeout 30 xdotool search --sync --name ' — till ' | head -n 1)
xdotool windowfocus --sync "$MAIN"
shot 2-main-window
# F2 and the scan at once, as a clerk with a scanner does: the keys must not be lost.
xdotool key F2
xdotool type --delay 3 "$BARCODE"
xdotool key Return
shot 3-scanned-right-after-f2
xdotool type --delay 3 "$BARCODE"
xdotool key Return
shot 4-scanned-again
