"""Sales reports of a month on a million-order file, beside the same aggregates in plain sqlite3.

    .venv/bin/python bench/report_bench.py [--orders N] [--keep PATH] [--runs R]

The database is core.py's (`pos-app demo --orders N`, cached under bench/out/): three years of
history, so a month holds about 28,000 orders and 83,000 lines. Measured: ReportService.sales
for each grouping and the dashboard the window shows (the report, sales by day and the top ten
products, in one read transaction), then the reports window itself opening on that month and
drawn offscreen; plain sqlite3 runs the same statements on its own connection.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from common import Table, peak_rss_mib, timed
from core import cached_db, plain_connect

from pos_app.domain.reports import Grouping
from pos_app.services import Services
from pos_app.services.reports import local_midnight_utc
from pos_app.store import report_queries as q


class Plain:
    """report_queries' statements run by plain sqlite3 (no SQLAlchemy, no service around them):
    the same SQL text, the same parameters."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def execute(self, statement: object, params: dict[str, object]) -> sqlite3.Cursor:
        return self.conn.execute(str(statement), params)


def plain_report(conn: Any, grouping: Grouping, start: str, end: str) -> None:
    if grouping in (Grouping.DAY, Grouping.HOUR):
        q.grouped_orders(conn, start, end, "time")
    elif grouping is Grouping.METHOD:
        q.by_method(conn, start, end)
    elif grouping.value in q.LINE_KEYS:
        q.grouped_lines(conn, start, end, grouping.value)
    else:
        q.grouped_orders(conn, start, end, grouping.value)
    q.range_totals(conn, start, end)


def last_full_month(today: date) -> tuple[date, date]:
    last = today.replace(day=1) - timedelta(days=1)
    return last.replace(day=1), last


def window_opens(services: Services, first: date, last: date, runs: int) -> list[float]:
    """Seconds from asking for the reports window to its first frame drawn, offscreen."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from pos_app.ui.reports_window import ReportsDialog
    from pos_app.viewmodels.session import Session
    from pos_app.viewmodels.tasks import SyncRunner

    app = QApplication.instance() or QApplication([])
    session = Session(services, SyncRunner())
    session.set_actor(services.auth.login("manager", "manager123"))
    seconds = []
    for _ in range(runs + 1):
        start = time.perf_counter()
        dialog = ReportsDialog(session, last)
        dialog.choose(first, last, Grouping.DAY)
        dialog.resize(1024, 768)
        dialog.grab()
        seconds.append(time.perf_counter() - start)
        dialog.deleteLater()
        app.processEvents()
    return seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--orders", type=int, default=1_000_000)
    parser.add_argument("--keep", type=Path, help="database file to use (built there if missing)")
    parser.add_argument("--runs", type=int, default=20, help="timed calls after the cold one")
    args = parser.parse_args()
    path = cached_db(args.orders, args.keep)
    first, last = last_full_month(date.today())
    bounds = {"start": local_midnight_utc(first), "end": local_midnight_utc(last + timedelta(days=1))}
    services = Services.open(path)
    conn = plain_connect(path)
    try:
        total = conn.execute("SELECT count(*) FROM orders").fetchone()[0]
        in_month, lines = conn.execute(
            "SELECT count(DISTINCT o.id), count(*) FROM orders o JOIN order_lines l ON l.order_id = o.id "
            "WHERE o.created_at >= :start AND o.created_at < :end",
            bounds,
        ).fetchone()
        table = Table(
            f"Reports: {first:%B %Y} ({in_month:,} orders, {lines:,} lines) of {total:,} orders, "
            f"file {path.stat().st_size / 2**30:.2f} GiB"
        )
        manager = services.auth.login("manager", "manager123")
        reports = services.reports
        start, end = bounds["start"], bounds["end"]
        plain_conn = Plain(conn)
        for grouping in Grouping:
            ours = timed(lambda _i, g=grouping: reports.sales(manager, first, last, g), args.runs)
            theirs = timed(lambda _i, g=grouping: plain_report(plain_conn, g, start, end), args.runs)
            table.timing(f"month by {grouping.value}", ours, theirs, "< 1 s")

        def plain_dashboard(_i: int) -> None:
            plain_report(plain_conn, Grouping.DAY, start, end)
            q.grouped_lines(plain_conn, start, end, "product", 10)

        ours = timed(lambda _i: reports.dashboard(manager, first, last, Grouping.DAY), args.runs)
        table.timing(
            "the window's dashboard (by day + days + top 10)",
            ours,
            timed(plain_dashboard, args.runs),
            "< 1 s",
        )
        opened = window_opens(services, first, last, min(args.runs, 10))
        rest = sorted(opened[1:])
        table.add(
            "reports window opens on the month, drawn (median)",
            f"{rest[len(rest) // 2] * 1000:.0f} ms (first {opened[0] * 1000:.0f} ms)",
            "-",
            "",
            "< 1 s",
        )
        with services.db.read() as uow:  # both sides sum the same orders
            assert q.range_totals(uow.conn, start, end) == q.range_totals(plain_conn, start, end)
        table.add("peak memory (this process)", f"{peak_rss_mib():.0f} MiB", "", "", "")
        table.print()
    finally:
        conn.close()
        services.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
