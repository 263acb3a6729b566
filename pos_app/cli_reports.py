"""`pos-app report sales ...`: a sales report over a range of the shop's days, printed as a
table, as one JSON document (minor units, ISO dates) or saved as CSV and Excel files."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from pos_app import cli_output as out
from pos_app.cli_parser import UsageError, shown
from pos_app.domain.money import format_amount
from pos_app.domain.reports import (
    COUNT_COLUMNS,
    GROUP_HEADINGS,
    Grouping,
    SalesReport,
    columns,
    row_values,
    title,
)
from pos_app.domain.users import Actor

if TYPE_CHECKING:
    from pos_app.services import Services


def run_report(services: Services, actor: Actor, args: argparse.Namespace) -> int:
    from pos_app.services.report_files import FileKind

    first = args.first
    last = args.last or first
    if last < first:
        raise UsageError(f"--to {last.isoformat()} is before --from {first.isoformat()}")
    if args.csv and args.xlsx and args.csv.resolve() == args.xlsx.resolve():
        raise UsageError("--csv and --xlsx name the same file")
    report = services.reports.sales(actor, first, last, Grouping(args.by))
    saved = []
    for path, kind in ((args.csv, FileKind.CSV), (args.xlsx, FileKind.XLSX)):
        if path is not None:
            services.reports.save(report, path, kind, force=args.force)
            saved.append(path)
    if args.json:
        out.emit_json(report_json(report))
    else:
        print_report(report)
    for path in saved:
        print(f"saved {shown(path)}", file=sys.stderr)
    return 0


def report_json(report: SalesReport) -> dict[str, Any]:
    keys = [key for key, _h in columns(report.grouping)]
    t = report.totals
    return {
        "from": report.range.first.isoformat(),
        "to": report.range.last.isoformat(),
        "by": report.grouping.value,
        "currency": report.currency,
        "timezone": report.timezone,
        "rows": [
            {"key": r.key, "label": r.label, **dict(zip(keys, row_values(r), strict=True))}
            for r in report.rows
        ],
        "totals": {
            "orders": t.sales.orders,
            "quantity": t.sales.quantity,
            "gross": t.sales.gross,
            "discounts": t.sales.discounts,
            "refunds": t.sales.refunds,
            "net": t.sales.net,
            "tax": t.sales.tax,
            "taken": t.taken,
            "awaiting_payment": t.awaiting,
            "orders_awaiting_payment": t.awaiting_orders,
            "cash_rounding": t.cash_rounding,
            "cancelled_orders": t.cancelled_orders,
            "cancelled_value": t.cancelled_value,
        },
    }


def print_report(report: SalesReport) -> None:
    cur = report.currency
    heads = [" / ".join(GROUP_HEADINGS[report.grouping])] + [h for _k, h in columns(report.grouping)]
    counts = [key in COUNT_COLUMNS for key, _h in columns(report.grouping)]

    def cells(values: list[int]) -> list[str]:
        return [
            str(v) if is_count else format_amount(v, cur) for v, is_count in zip(values, counts, strict=True)
        ]

    table = [heads]
    for row in report.rows:
        name = f"{row.key} {row.label}" if report.grouping is Grouping.PRODUCT else row.label
        table.append([out.clip(name, 40), *cells(row_values(row))])
    widths = [max(len(r[i]) for r in table) for i in range(len(heads))]
    print(f"{title(report)} ({cur}, times in {report.timezone})")
    for line in table:
        print(
            "  ".join(
                [line[0].ljust(widths[0]), *(c.rjust(w) for c, w in zip(line[1:], widths[1:], strict=True))]
            )
        )
    from pos_app.services.report_files import summary

    print()
    for what, value, is_money in summary(report):
        print(f"{what:<30} {format_amount(value, cur) if is_money else value:>14}")
