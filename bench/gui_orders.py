"""The main window on a million orders: first page after log-in, scrolling, sorting, memory.

    .venv/bin/python bench/gui_orders.py [--db PATH] [--catalog PATH] [--pages N] [--runs N]

Runs the real MainWindow offscreen, with the real thread-pool task runner, in this process.
"Painted" means the rows are in the model, what they set off (layout, timers) has run and the
order table's viewport got a paint event with them. The clock starts where launch goes on after
the log-in dialog is accepted; the main window's code is imported before it, as launch imports
it while the log-in window waits. Scrolling moves the scroll bar to the bottom, as the wheel or
the End key does, which makes the view call fetchMore. A page makes two GUI-thread busy spells,
timed apart (the worker is held at a gate until the first is over): the scroll (fetchMore hands
the query to a worker; repaint) and the arrival (rows inserted, layout, paint). The query's own
time on the worker is shown beside the same keyset query in plain sqlite3. Memory: resident
after scrolling and ru_maxrss. Product search is timed on the 300,000-product catalogue that
bench/gui_start.py builds. Log-ins are the demo's (manager / manager123).
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from common import OUT, POS_APP, ROOT, Table, Timing, ms, peak_rss_mib
from core import SUMMARY
from PySide6.QtCore import QEvent, QEventLoop, QObject, QSettings, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QTableView, QWidget

from pos_app.services import Services
from pos_app.services.auth import till_hasher
from pos_app.ui.launch import load_style
from pos_app.viewmodels.session import Session
from pos_app.viewmodels.tasks import TaskRunner

FRAME_MS = 16
PAGE = 100  # the order list model's page size


def stats(samples: list[float]) -> Timing:
    """Milliseconds: the first sample on its own (cold), median and p95 of the rest."""
    cold, rest = samples[0], sorted(samples[1:]) or samples[:1]
    p95 = rest[min(len(rest) - 1, round(0.95 * (len(rest) - 1)))]
    return Timing(cold, statistics.median(rest), p95, len(rest))


def clock(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


def wait_until(app: QApplication, done: Callable[[], bool]) -> None:
    deadline = time.monotonic() + 30
    while not done():
        if time.monotonic() > deadline:
            raise SystemExit("timed out waiting for the order list")
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)


class Paints(QObject):
    """Counts the paint events a widget gets once `ready` holds."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.ready: Callable[[], bool] = lambda: False
        self.count = 0
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self.ready():
            self.count += 1
        return False


def shown(app: QApplication, paints: Paints, ready: Callable[[], bool]) -> None:
    """Wait for `ready`, then run what it set off (layout, timers, paint) until the widget has
    painted with it and nothing more is pending."""
    paints.ready, paints.count = ready, 0
    wait_until(app, ready)
    for _ in range(3):
        app.processEvents()
    if paints.count == 0:
        raise SystemExit("the order table was not painted")


def million_db(given: Path | None) -> Path:
    for path in (given, OUT / "orders-1000000.sqlite3", OUT / "gui-1m.sqlite3"):
        if path is not None and path.exists():
            print(f"using {path}", file=sys.stderr)
            return path
    path = OUT / "gui-1m.sqlite3"
    print(f"building {path}, once (a minute or two)", file=sys.stderr)
    import subprocess

    subprocess.run([*POS_APP, "--db", str(path), "demo", "--orders", "1000000"], check=True, cwd=ROOT)
    return path


def current_rss_mib() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def plain_first_page(app: QApplication, path: Path) -> float:
    """The floor: the same first page read with sqlite3 into a QStandardItemModel, shown and painted."""
    start = time.perf_counter()
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    rows = conn.execute(
        f"SELECT {SUMMARY} FROM orders ORDER BY created_at DESC, id DESC LIMIT {PAGE + 1}"
    ).fetchall()
    model = QStandardItemModel(0, 8)
    for row in rows[:PAGE]:
        model.appendRow([QStandardItem(str(v)) for v in (row[1], row[2], row[3], row[4], row[5], *row[7:10])])
    view = QTableView()
    view.setModel(model)
    view.resize(1200, 700)
    view.show()
    app.processEvents()
    view.grab()
    took = (time.perf_counter() - start) * 1000
    view.close()
    conn.close()
    return took


def plain_keyset_pages(path: Path, pages: int) -> list[float]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    samples, after = [], None
    for _ in range(pages):
        start = time.perf_counter()
        if after is None:
            rows = conn.execute(
                f"SELECT {SUMMARY} FROM orders ORDER BY created_at DESC, id DESC LIMIT {PAGE + 1}"
            ).fetchall()
        else:
            rows = conn.execute(
                f"SELECT {SUMMARY} FROM orders WHERE (created_at, id) < (?, ?) "
                f"ORDER BY created_at DESC, id DESC LIMIT {PAGE + 1}",
                after,
            ).fetchall()
        samples.append((time.perf_counter() - start) * 1000)
        after = (rows[PAGE - 1][2], rows[PAGE - 1][0])
    conn.close()
    return samples


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", type=Path, help="a demo database with a million orders")
    parser.add_argument("--catalog", type=Path, default=OUT / "gui-catalog-300000.sqlite3")
    parser.add_argument("--pages", type=int, default=50)
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    path = million_db(args.db)
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    load_style(app)
    table = Table(f"Desktop: the main window on {path.name}")
    table.HEADER = ("measure", "pos_app", "floor / plain", "ratio", "target")
    rss_start = peak_rss_mib()

    services = Services.open(path)
    session = Session(services, TaskRunner())
    actor = services.auth.login("manager", "manager123")
    session_fresh = [False] * 1000 + [True]  # the first run uses the log-in above
    layout = QSettings(str(Path(tempfile.mkdtemp()) / "layout.ini"), QSettings.Format.IniFormat)

    # -- log-in accepted -> first page visible (what launch does after the log-in dialog) ----
    # launch imports the main window's code while the log-in window waits for a password.
    from pos_app.ui.main_window import MainWindow

    def first_page() -> tuple[float, Any]:
        session.set_actor(None)  # logs the session out: the next run logs in again, untimed
        fresh = actor if session_fresh.pop() else services.auth.login("manager", "manager123")
        start = time.perf_counter()
        session.set_actor(fresh)
        window = MainWindow(session, settings=layout)
        paints = Paints(window.orders.table.viewport())
        window.show()
        shown(app, paints, lambda: window.model.rowCount() > 0)
        return (time.perf_counter() - start) * 1000, window

    cold, window = first_page()

    # -- scrolling down: each page's GUI-thread stall ----------------------------------------
    # The worker waits at a gate until the scroll has been painted, so the two GUI-thread spells
    # a page causes are timed apart (in use they may run back to back when the query is quick).
    query_ms: list[float] = []
    gate = threading.Event()
    real_list = services.orders.list_orders

    def gated_list(*a: Any, **k: Any) -> Any:
        gate.wait()
        start = time.perf_counter()
        result = real_list(*a, **k)
        query_ms.append((time.perf_counter() - start) * 1000)
        return result

    services.orders.list_orders = gated_list  # type: ignore[method-assign]
    view = window.orders.table
    paints = Paints(view.viewport())
    bar = view.verticalScrollBar()
    scroll_ms, arrive_ms = [], []
    for _ in range(args.pages):
        rows = window.model.rowCount()
        gate.clear()

        def scroll() -> None:
            bar.setValue(bar.maximum())  # the view calls fetchMore at the bottom
            for _ in range(3):
                app.processEvents()

        scroll_ms.append(clock(scroll))
        if not window.model.loading:
            raise SystemExit("scrolling to the bottom did not fetch another page")
        gate.set()
        session.runner.wait()  # the query: on the worker, the GUI thread is free meanwhile
        arrive_ms.append(clock(lambda rows=rows: shown(app, paints, lambda: window.model.rowCount() > rows)))
    services.orders.list_orders = real_list  # type: ignore[method-assign]
    gate.set()
    rss_after = peak_rss_mib()
    resident = current_rss_mib()
    rows_loaded = window.model.rowCount()

    firsts = [cold]
    for _ in range(args.runs):
        window.close()
        window.deleteLater()
        app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        took, window = first_page()
        firsts.append(took)
    plain = stats([plain_first_page(app, path) for _ in range(args.runs + 1)])
    first = stats(firsts)
    table.add(
        "log-in accepted -> first page of orders painted (cold: first in the process)",
        ms(first.cold),
        ms(plain.cold),
        f"{first.cold / plain.cold:.1f}×",
        "< 100 ms",
    )
    table.add(
        f"  again (median of {args.runs}, p95)",
        f"{ms(first.median)} (p95 {ms(first.p95)})",
        f"{ms(plain.median)} (p95 {ms(plain.p95)})",
        f"{first.median / plain.median:.1f}×",
        "< 100 ms",
    )
    table.add(
        f"scroll a page down ({args.pages} pages of {PAGE}): GUI-thread stall, worst",
        ms(max(max(scroll_ms), max(arrive_ms))),
        "-",
        "",
        f"< {FRAME_MS} ms",
    )
    table.add(
        "  the scroll (fetchMore hands the query to a worker; repaint): worst / median",
        f"{ms(max(scroll_ms))} / {ms(statistics.median(scroll_ms))}",
        "-",
        "",
        f"< {FRAME_MS} ms",
    )
    table.add(
        "  the page arriving (rows inserted, layout, paint): worst / median",
        f"{ms(max(arrive_ms))} / {ms(statistics.median(arrive_ms))}",
        "-",
        "",
        f"< {FRAME_MS} ms",
    )
    keyset = stats(plain_keyset_pages(path, args.pages + 1))
    table.timing("  the page query, on the worker (keyset)", stats(query_ms), keyset, "off the GUI thread")
    table.add("  rows in the model after scrolling", f"{rows_loaded:,}", "", "", "")

    # -- sorting: oldest first is as quick as newest first -------------------------------------
    from pos_app.viewmodels.order_list import DATE

    header = window.orders.table.horizontalHeader()
    paints = Paints(window.orders.table.viewport())
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    oldest = conn.execute("SELECT number FROM orders ORDER BY created_at, id LIMIT 1").fetchone()[0]
    conn.close()
    oldest_ms, newest_ms = [], []
    for _ in range(args.runs + 1):
        for order, samples in (
            (Qt.SortOrder.AscendingOrder, oldest_ms),
            (Qt.SortOrder.DescendingOrder, newest_ms),
        ):
            start = time.perf_counter()
            header.setSortIndicator(DATE, order)  # as a click on the Date header does
            shown(app, paints, lambda: window.model.rowCount() > 0 and not window.model.loading)
            samples.append((time.perf_counter() - start) * 1000)
            first_row = window.model.order_at(0)
            if order is Qt.SortOrder.AscendingOrder and (first_row is None or first_row.number != oldest):
                raise SystemExit("oldest first did not show the oldest order first")
    table.timing(
        "sort oldest first (Date header) -> first page painted", stats(oldest_ms), None, "as newest first"
    )
    table.timing("sort newest first (Date header) -> first page painted", stats(newest_ms), None, "< 100 ms")

    kdf = till_hasher().memory_cost / 1024
    table.add(
        "memory after scrolling: resident now / peak (ru_maxrss)",
        f"{resident:.0f} / {rss_after:.0f} MiB",
        f"{rss_start:.0f} MiB",
        "",
        "< 150 MiB",
    )
    table.add(f"  of the peak: the log-in's argon2 hash ({kdf:.0f} MiB, freed after)", "", "", "", "")
    table.add(
        "  floor: this process before opening the database (Qt, pos_app imported)",
        "",
        f"{rss_start:.0f} MiB",
        "",
        "",
    )
    window.close()
    session.runner.wait()
    services.close()

    # -- product search on a big catalogue -----------------------------------------------------
    if args.catalog.exists():
        from catalog import SEARCHES

        from pos_app.store.catalog_repo import fts_query

        catalog = Services.open(args.catalog)
        plain_conn = sqlite3.connect(f"file:{args.catalog}?mode=ro", uri=True)
        count = plain_conn.execute("SELECT count(*) FROM products").fetchone()[0]
        worst_ours = worst_plain = 0.0
        for words in SEARCHES:
            ours = stats([clock(lambda w=words: catalog.catalog.search(w, 20)) for _ in range(21)])
            theirs = stats(
                [
                    clock(
                        lambda w=words: plain_conn.execute(
                            "SELECT id, sku, barcode, name, price FROM products WHERE rowid IN "
                            "(SELECT rowid FROM products_fts WHERE products_fts MATCH ? LIMIT 80) "
                            "AND active = 1 ORDER BY name LIMIT 20",
                            (fts_query(w),),
                        ).fetchall()
                    )
                    for _ in range(21)
                ]
            )
            worst_ours, worst_plain = max(worst_ours, ours.median), max(worst_plain, theirs.median)
        table.add(
            f"product name search, {count:,} products (CatalogService.search), slowest of {len(SEARCHES)}",
            ms(worst_ours),
            ms(worst_plain),
            f"{worst_ours / worst_plain:.1f}×",
            f"< {FRAME_MS} ms",
        )
        plain_conn.close()
        catalog.close()
    else:
        print(f"{args.catalog} is missing: run bench/gui_start.py first to build it", file=sys.stderr)
    table.print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
