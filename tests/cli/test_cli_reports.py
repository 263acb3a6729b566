"""`pos-app report sales ...` on a copy of the demo shop (today's 20 sales through checkout):
the table, JSON in minor units that adds up to the orders, CSV and Excel files, clear refusals."""

from __future__ import annotations

import csv
import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from tests.cli.test_cli import EXIT_DENIED, EXIT_OK, EXIT_REFUSED, EXIT_USAGE, Cli, one_line
from tests.helpers import dump
from tests.services.xlsx_read import read_xlsx

TODAY = datetime.now().astimezone().date().isoformat()


def test_json_in_minor_units_adds_up_to_the_orders(run: Cli) -> None:
    doc = run("report", "sales", "--from", TODAY, "--to", TODAY, "--by", "category", "--json").json()
    assert (doc["from"], doc["to"], doc["by"], doc["currency"]) == (TODAY, TODAY, "category", "GBP")
    with sqlite3.connect(run.db) as conn:
        net, orders = conn.execute(
            "SELECT sum(l.total) - sum(l.refunded_amount), count(DISTINCT o.id) FROM orders o "
            "JOIN order_lines l ON l.order_id = o.id WHERE o.status != 'cancelled' AND o.created_at >= ?",
            (TODAY,),
        ).fetchone()
    assert (doc["totals"]["net"], doc["totals"]["orders"]) == (net, orders)
    assert sum(r["net"] for r in doc["rows"]) == net
    assert all(isinstance(r["gross"], int) for r in doc["rows"])
    assert {"Home & lighting", "Kitchen & dining"} <= {r["label"] for r in doc["rows"]}


def test_the_table_names_its_columns_and_totals(run: Cli) -> None:
    result = run("report", "sales", "--from", TODAY)
    assert result.code == EXIT_OK
    lines = result.out.splitlines()
    assert lines[0] == f"Sales by day, {TODAY} (GBP, times in {lines[0].split('times in ')[1][:-1]})"
    assert lines[1].split() == ["Date", "Orders", "Qty", "Gross", "Discounts", "Refunds", "Net", "Tax"]
    assert any(line.startswith("Net sales") for line in lines)
    by_method = run("report", "sales", "--from", TODAY, "--by", "method").out
    assert by_method.splitlines()[1].split() == [
        "Payment",
        "method",
        "Orders",
        "Taken",
        "Given",
        "back",
        "Net",
    ]


def test_csv_and_xlsx_files_hold_the_same_figures(run: Cli, tmp_path: Path) -> None:
    csv_path, xlsx_path = tmp_path / "day.csv", tmp_path / "day.xlsx"
    doc = run(
        "report",
        "sales",
        "--from",
        TODAY,
        "--by",
        "product",
        "--json",
        "--csv",
        str(csv_path),
        "--xlsx",
        str(xlsx_path),
    ).json()
    with csv_path.open(newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == [
        "SKU", "Product", "Orders", "Qty", "Gross (GBP)", "Discounts (GBP)", "Refunds (GBP)", "Net (GBP)",
        "Tax (GBP)",
    ]  # fmt: skip
    first = doc["rows"][0]
    assert rows[1][:4] == [first["key"], first["label"], str(first["orders"]), str(first["quantity"])]
    assert rows[1][7] == f"{first['net'] // 100}.{first['net'] % 100:02d}"
    assert (
        rows[-1][0] == "Total"
        and rows[-1][7] == f"{doc['totals']['net'] // 100}.{doc['totals']['net'] % 100:02d}"
    )
    sheet = read_xlsx(xlsx_path)
    assert sheet.cell("A4") == "SKU" and sheet.cell("A5") == first["key"]
    assert sheet.cell("H5") == pytest.approx(first["net"] / 100)


def test_bad_input_is_refused_clearly_and_changes_nothing(run: Cli, tmp_path: Path) -> None:
    before = dump(run.db)
    backwards = run("report", "sales", "--from", "2026-11-02", "--to", "2026-11-01")
    assert backwards.code == EXIT_USAGE and "--to 2026-11-01 is before --from 2026-11-02" in backwards.err
    bad_day = run("report", "sales", "--from", "2026-02-30")
    assert bad_day.code == EXIT_USAGE and "'2026-02-30' is not a date like 2026-11-25" in bad_day.err
    assert run("report", "sales", "--from", TODAY, "--by", "week").code == EXIT_USAGE
    assert run("report", "sales").code == EXIT_USAGE  # --from is needed
    clerk = run("report", "sales", "--from", TODAY, user="clerk")
    assert clerk.code == EXIT_DENIED and one_line(clerk) == "pos-app: a clerk may not see sales reports"
    taken = tmp_path / "taken.csv"
    taken.write_text("keep me")
    exists = run("report", "sales", "--from", TODAY, "--csv", str(taken))
    assert exists.code == EXIT_REFUSED and taken.read_text() == "keep me"
    over_db = run("report", "sales", "--from", TODAY, "--csv", str(run.db), "--force")
    assert over_db.code == EXIT_REFUSED
    assert dump(run.db) == before
    assert run("report", "sales", "--from", TODAY, "--csv", str(taken), "--force").code == EXIT_OK
    assert taken.read_text().startswith("Date,Orders,Qty,Gross (GBP)")


def test_help_explains_the_figures_with_examples(run: Cli) -> None:
    result = run("report", "sales", "--help", user=None)
    assert result.code == EXIT_OK
    for words in ("gross", "refunds", "net", "--csv november.csv", "--by hour --json"):
        assert words in result.out


def test_products_category_sets_and_clears_it(run: Cli) -> None:
    result = run("products", "category", "22960", "Preserving")
    assert (result.code, result.out) == (EXIT_OK, "22960 Jam Making Set With Jars is in Preserving\n")
    assert (
        run("products", "category", "22960", "").out == "22960 Jam Making Set With Jars is in no category\n"
    )
    missing = run("products", "category", "NOPE", "X")
    assert missing.code == 4 and "no product with SKU NOPE" in one_line(missing)
