#!/bin/sh
# Sync in a real window, not a test: the till under Xvfb, linked to a central PostgreSQL.
# Makes a throw-away centre on the server POS_SYNC_PG_URL names (a superuser's URL), links a
# demo till to it, edits three orders there, and holds the shop's push lock so the window's
# first round has to wait. Screenshots under bench/out/real-window-sync/:
#   1-waiting.png      the status bar says "sync: 3 waiting" (the push waits for the lock)
#   2-up-to-date.png   "sync: up to date" once the lock is let go
#   3-pulled.png       the newest order, refunded at a second till, shown in its row in place
#   4-attention.png    a conflict (cancelled here, moved on at the second till meanwhile): the
#                      "Needs attention" filter lists it
#   5-attention-order.png  that order opened: the reason shown above everything else
# Needs what real_window.sh needs. Python: POS_APP_PYTHON (default .venv/bin/python).
#
#   POS_SYNC_PG_URL=postgresql+psycopg://postgres@127.0.0.1:5432/postgres sh bench/real_window_sync.sh
set -eu
if [ -z "${REAL_WINDOW_INSIDE_XVFB:-}" ]; then
    REAL_WINDOW_INSIDE_XVFB=1 exec xvfb-run -a -s "-screen 0 1366x800x24" sh "$0" "$@"
fi
cd "$(dirname "$0")/.."
PY=${POS_APP_PYTHON:-.venv/bin/python}
export PYTHONPATH="$PWD${PYTHONPATH:+:$PYTHONPATH}"
OUT=bench/out/real-window-sync
rm -rf "$OUT"
mkdir -p "$OUT"
export XDG_CONFIG_HOME="$PWD/$OUT/config"  # the till's link file stays in here
DB=$OUT/till1.sqlite3
DB2=$OUT/till2.sqlite3
PREFIX=pw$(od -An -N4 -tx1 /dev/urandom | tr -d ' \n')_
pos() { "$PY" -m pos_app "$@"; }
as_manager() { POS_APP_PASSWORD=manager123 "$PY" -m pos_app --user manager "$@"; }

eval "$("$PY" bench/sync_centre.py make "$POS_SYNC_PG_URL" "$PREFIX")"
APP=
HOLDER=
cleanup() {
    touch "$OUT/release"
    [ -n "$APP" ] && kill "$APP" 2>/dev/null || true
    [ -n "$HOLDER" ] && wait "$HOLDER" 2>/dev/null || true
    "$PY" bench/sync_centre.py drop "$POS_SYNC_PG_URL" "$PREFIX"
}
trap cleanup EXIT

pos --db "$DB" demo --orders 60 >/dev/null
as_manager --db "$DB" sync setup "$TILL1" >"$OUT/setup.log"  # sends the demo's history
for number in $(as_manager --db "$DB" orders list --limit 3 --json |
    "$PY" -c 'import json, sys; print(" ".join(o["number"] for o in json.load(sys.stdin)["orders"]))'); do
    as_manager --db "$DB" orders update "$number" --note "checked at the counter" >/dev/null
done
as_manager --db "$DB" sync status

"$PY" bench/sync_centre.py hold "$OWNER" "$OUT/release" >"$OUT/hold.log" &
HOLDER=$!
timeout 10 sh -c "until grep -q held '$OUT/hold.log'; do sleep 0.05; done"

shot() {  # shot NAME: the whole screen as $OUT/NAME.png
    sleep 0.7
    import -window root "$OUT/$1.png"
    echo "saved $OUT/$1.png"
}

unset QT_QPA_PLATFORM
POS_APP_SYNC_INTERVAL=1 "$PY" -m pos_app --db "$DB" >"$OUT/app.log" 2>&1 &
APP=$!
LOGIN=$(timeout 30 xdotool search --sync --name '^Log in$' | head -n 1)
xdotool windowfocus --sync "$LOGIN"
xdotool type --delay 20 manager
xdotool key Tab
xdotool type --delay 20 manager123
xdotool key Return
MAIN=$(timeout 30 xdotool search --sync --name ' — till ' | head -n 1)
xdotool windowfocus --sync "$MAIN"
shot 1-waiting

touch "$OUT/release"
wait "$HOLDER"
HOLDER=
shot 2-up-to-date

NEWEST=$(as_manager --db "$DB" orders list --limit 1 --json |
    "$PY" -c 'import json, sys; print(json.load(sys.stdin)["orders"][0]["number"])')
pos --db "$DB2" sync setup "$TILL2" >"$OUT/setup2.log"
as_manager --db "$DB2" orders refund "$NEWEST" >/dev/null
as_manager --db "$DB2" sync now >/dev/null
sleep 2.5  # the window's next round (every second) pulls it
shot 3-pulled
echo "refunded $NEWEST at the second till"

# A conflict: cancelled here while the second till, not yet told, starts processing it.
PLACED=$(as_manager --db "$DB" orders list --status placed --limit 1 --json |
    "$PY" -c 'import json, sys; print(json.load(sys.stdin)["orders"][0]["number"])')
as_manager --db "$DB" orders cancel "$PLACED" >/dev/null
sleep 0.1
as_manager --db "$DB2" orders update "$PLACED" --status processing >/dev/null
sleep 2.5  # this till's worker sends the cancel
as_manager --db "$DB2" sync now >/dev/null
sleep 2.5  # and pulls the move it had to refuse
xdotool windowfocus --sync "$MAIN"
ATTENTION_BOX_X=1060 ATTENTION_BOX_Y=90
xdotool mousemove --sync $ATTENTION_BOX_X $ATTENTION_BOX_Y click 1
shot 4-attention
xdotool mousemove --sync 300 168 click --repeat 2 --delay 80 1
shot 5-attention-order
echo "$PLACED cancelled here and moved on at the second till: flagged"
