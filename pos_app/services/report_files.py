"""A sales report written to a file: CSV (amounts as decimal text, exactly the minor units) or an
Excel workbook (amounts as numbers in the currency's format, the totals below, a chart of the
net). Both go through a private temporary file renamed into place, never over the database."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from enum import StrEnum
from pathlib import Path
from typing import Any

from pos_app.domain.errors import InvalidInput
from pos_app.domain.money import minor_digits
from pos_app.domain.reports import (
    COUNT_COLUMNS,
    GROUP_HEADINGS,
    SalesReport,
    columns,
    decimal_text,
    group_cells,
    row_values,
    title,
    totals_row,
)
from pos_app.services.catalog import escape_cell
from pos_app.store.files import open_new_text, replacing


class FileKind(StrEnum):
    CSV = "csv"
    XLSX = "xlsx"


def kind_of(path: Path) -> FileKind:
    """The kind of file its name asks for: .csv or .xlsx."""
    suffix = path.suffix.lower().lstrip(".")
    try:
        return FileKind(suffix)
    except ValueError:
        raise InvalidInput(f"save the report as .csv or .xlsx, not '{path.name[-40:]}'") from None


def headings(report: SalesReport) -> list[str]:
    money = f" ({report.currency})"
    return [
        *GROUP_HEADINGS[report.grouping],
        *(h if key in COUNT_COLUMNS else h + money for key, h in columns(report.grouping)),
    ]


def summary(report: SalesReport) -> list[tuple[str, int, bool]]:
    """The totals block: (what, value, is money)."""
    t = report.totals
    s = t.sales
    return [
        ("Orders", s.orders, False),
        ("Gross sales", s.gross, True),
        ("Discounts", s.discounts, True),
        ("Refunds", s.refunds, True),
        ("Net sales", s.net, True),
        ("Tax", s.tax, True),
        ("Taken (paid less given back)", t.taken, True),
        ("Awaiting payment", t.awaiting, True),
        ("Orders awaiting payment", t.awaiting_orders, False),
        ("Cash rounding", t.cash_rounding, True),
        ("Cancelled orders (left out)", t.cancelled_orders, False),
    ]


def _cells(report: SalesReport) -> Iterable[tuple[list[str], list[int]]]:
    for row in report.rows:
        yield group_cells(report.grouping, row), row_values(row)
    blank = [""] * (len(GROUP_HEADINGS[report.grouping]) - 1)
    yield ["Total", *blank], totals_row(report)


def write_csv(report: SalesReport, path: Path, *, force: bool = False, protect: Iterable[Path] = ()) -> None:
    """One row per group and a last 'Total' row; amounts as decimal text (12.50), counts as
    whole numbers; text a spreadsheet would run as a formula is written as text."""
    money = [key not in COUNT_COLUMNS for key, _h in columns(report.grouping)]
    with open_new_text(path, force=force, protect=protect, what="the report") as handle:
        writer = csv.writer(handle)
        writer.writerow(headings(report))
        for names, values in _cells(report):
            writer.writerow(
                [
                    *(escape_cell(n) for n in names),
                    *(
                        decimal_text(v, report.currency) if is_money else str(v)
                        for v, is_money in zip(values, money, strict=True)
                    ),
                ]
            )


def money_format(currency: str) -> str:
    digits = minor_digits(currency)
    number = "#,##0" + ("." + "0" * digits if digits else "")
    return f'{number} "{currency}";-{number} "{currency}"'


def write_xlsx(report: SalesReport, path: Path, *, force: bool = False, protect: Iterable[Path] = ()) -> None:
    """A worksheet with the title, the table, its totals row, the totals block and a chart."""
    import xlsxwriter  # only when a workbook is saved

    scale = 10 ** minor_digits(report.currency)
    with replacing(path, force=force, protect=protect, what="the report") as temp:
        book = xlsxwriter.Workbook(str(temp), {"strings_to_formulas": False, "strings_to_urls": False})
        bold = book.add_format({"bold": True})
        money = book.add_format({"num_format": money_format(report.currency)})
        bold_money = book.add_format({"num_format": money_format(report.currency), "bold": True})
        sheet = book.add_worksheet("Report")
        sheet.write_string(0, 0, title(report), bold)
        sheet.write_string(
            1, 0, f"Times in {report.timezone}; cancelled orders left out; currency {report.currency}"
        )
        names = headings(report)
        for col, heading in enumerate(names):
            sheet.write_string(3, col, heading, bold)
        is_money = [key not in COUNT_COLUMNS for key, _h in columns(report.grouping)]
        first_value = len(GROUP_HEADINGS[report.grouping])
        row = 4
        cells = list(_cells(report))
        for index, (labels, values) in enumerate(cells):
            last = index == len(cells) - 1
            for col, label in enumerate(labels):
                sheet.write_string(row, col, label, bold if last else None)
            for col, (value, as_money) in enumerate(zip(values, is_money, strict=True), first_value):
                if as_money:
                    sheet.write_number(row, col, value / scale, bold_money if last else money)
                else:
                    sheet.write_number(row, col, value, bold if last else None)
            row += 1
        rows_end = row - 2  # the last group's row (the totals row follows it)
        row += 1
        for what, value, as_money in summary(report):
            sheet.write_string(row, 0, what)
            sheet.write_number(row, 1, value / scale if as_money else value, money if as_money else None)
            row += 1
        sheet.set_column(0, 0, 28)
        sheet.set_column(1, len(names), 14)
        if report.rows:
            _chart(book, sheet, report, first_value, rows_end)
        book.close()


def _chart(book: Any, sheet: Any, report: SalesReport, first_value: int, rows_end: int) -> None:
    net_col = first_value + [key for key, _h in columns(report.grouping)].index("net")
    label_col = first_value - 1
    chart = book.add_chart({"type": "column"})
    chart.add_series(
        {
            "name": "Net",
            "categories": ["Report", 4, label_col, rows_end, label_col],
            "values": ["Report", 4, net_col, rows_end, net_col],
        }
    )
    chart.set_title({"name": title(report)})
    chart.set_legend({"none": True})
    sheet.insert_chart(3, len(headings(report)) + 1, chart)
