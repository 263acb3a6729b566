"""Start-up of the desktop application: a cold process to the log-in window shown.

    .venv/bin/python bench/gui_start.py [--runs N] [--db PATH] [--big-catalog PATH]

Each run is a new process, `python -m pos_app --db PATH` with QT_QPA_PLATFORM=offscreen and
POS_APP_EXIT_WHEN_SHOWN=1, which makes the app print the wall clock when the log-in dialog first
paints and then exit; the time is from just before the process is spawned to that print. The
floor is a process that imports PySide6 and shows a bare QWidget, timed the same way. Peak
memory is the child's own (wait4). The demo database (about 70 products) is compared with one
holding 300,000 more, to show start-up does not grow with the catalogue.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from common import OUT, POS_APP, ROOT, Table, ms, remove_db

BIG = 300_000
TARGET_MS = 600

FLOOR = """
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

class Shown(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            print(f"shown {time.time():.6f}", flush=True)
            watched.removeEventFilter(self)
            QTimer.singleShot(0, app.quit)
        return False

app = QApplication(sys.argv)
window = QWidget()
window.resize(440, 330)
shown = Shown()
window.installEventFilter(shown)
window.show()
app.exec()
"""

ENV = {"QT_QPA_PLATFORM": "offscreen", "POS_APP_EXIT_WHEN_SHOWN": "1"}


def one_run(command: list[str]) -> tuple[float, float, float]:
    """Seconds from spawn to the window's first paint and to the process's end (after the
    services have opened in the background and closed), and the child's peak RSS in MiB."""
    env = {**os.environ, **ENV}
    start = time.time()
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, cwd=ROOT)
    assert child.stdout is not None
    out = child.stdout.read().decode()
    _pid, status, usage = os.wait4(child.pid, 0)
    ended = time.time()
    child.returncode = os.waitstatus_to_exitcode(status)
    shown = [line.split()[1] for line in out.splitlines() if line.startswith("shown ")]
    if child.returncode != 0 or not shown:
        raise SystemExit(f"{command} did not show its window (exit {child.returncode}):\n{out}")
    return float(shown[0]) - start, ended - start, usage.ru_maxrss / 1024


def runs(command: list[str], count: int) -> tuple[float, float, float, float]:
    """Over `count` runs (after one untimed warm-up): median and best seconds to shown, median
    seconds to the process's end, and the largest peak RSS."""
    one_run(command)  # puts the files in the page cache, like any second start of the day
    samples = [one_run(command) for _ in range(count)]
    times = [s for s, _, _ in samples]
    ends = [e for _, e, _ in samples]
    return statistics.median(times), min(times), statistics.median(ends), max(r for _, _, r in samples)


def big_catalog_db() -> Path:
    """The demo shop plus BIG generated products, imported once through `pos-app products import`."""
    from catalog import make_csv

    path = OUT / f"gui-catalog-{BIG}.sqlite3"
    if path.exists():
        return path
    csv_path = OUT / f"catalog-{BIG}.csv"
    if not csv_path.exists():
        make_csv(csv_path, BIG)
    building = path.with_name(path.name + ".building")
    remove_db(building)
    env = {**os.environ, "POS_APP_PASSWORD": "manager123"}
    subprocess.run([*POS_APP, "--db", str(building), "demo"], check=True, cwd=ROOT, capture_output=True)
    subprocess.run(
        [*POS_APP, "--db", str(building), "--user", "manager", "products", "import", str(csv_path)],
        check=True,
        cwd=ROOT,
        env=env,
    )
    building.rename(path)
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--db", type=Path, help="a demo database (made under bench/out/ if not given)")
    parser.add_argument("--big-catalog", type=Path, help=f"a database with {BIG:,} products")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    demo = args.db or OUT / "gui-demo.sqlite3"
    if not demo.exists():
        subprocess.run([*POS_APP, "--db", str(demo), "demo"], check=True, cwd=ROOT, capture_output=True)
    big = args.big_catalog or big_catalog_db()

    table = Table("Desktop start-up: cold process to the log-in window shown (offscreen)")
    table.HEADER = ("measure", "pos_app", "floor: PySide6 + bare QWidget", "ratio", "target")
    floor, floor_best, floor_end, floor_rss = runs([sys.executable, "-c", FLOOR], args.runs)
    ours, best, end, rss = runs([*POS_APP, "--db", str(demo)], args.runs)
    ours_big, _best_big, end_big, rss_big = runs([*POS_APP, "--db", str(big)], args.runs)

    def row(measure: str, value: float, plain: float, target: str) -> None:
        table.add(measure, ms(value * 1000), ms(plain * 1000), f"{value / plain:.1f}×", target)

    row(f"log-in window shown (median of {args.runs}), demo catalogue", ours, floor, f"< {TARGET_MS} ms")
    row("  best run", best, floor_best, "")
    row(f"log-in window shown, {BIG:,} products", ours_big, floor, "same as demo")
    row("  process end (services opened in the background, closed)", end, floor_end, "")
    row(f"  process end, {BIG:,} products", end_big, floor_end, "same as demo")
    table.add("peak memory, demo catalogue", f"{rss:.0f} MiB", f"{floor_rss:.0f} MiB", "", "")
    table.add(
        f"peak memory, {BIG:,} products", f"{rss_big:.0f} MiB", f"{floor_rss:.0f} MiB", "", "same as demo"
    )
    table.print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
