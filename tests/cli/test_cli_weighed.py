"""Weighed goods on the command line: a sale by weight (kg or grams), its refund in part, stock
in kg, products made to be sold by weight, and a number in the wrong unit refused."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from tests.cli.test_cli import EXIT_REFUSED, EXIT_USAGE, Cli, one_line
from tests.helpers import dump


def tea_grams(run: Cli) -> int:
    shown = run("stock", "show", "LOOSETEA", user="clerk").out.split()
    assert shown[2] == "kg", shown
    return int(Decimal(shown[1]) * 1000)


def test_a_sale_by_weight_and_a_part_refund(run: Cli) -> None:
    before = tea_grams(run)
    total = 840 + 225 + 2 * 195  # 24.00/kg × 0.350, 18.00/kg × 0.125, two jumbo bags at 1.95
    sold = run(
        "checkout", "--line", "LOOSETEA:0.350kg", "--line", "FUDGE:125g", "--line", "22386:2",
        "--card", f"{total / 100:.2f}", "--reference", "R9", "--json", user="clerk",
    )  # fmt: skip
    assert sold.code == 0, sold.err
    order = json.loads(sold.out)
    tea = order["lines"][0]
    assert (tea["qty"], tea["unit_price"], tea["total"], tea["measure"]) == (350, 2400, 840, "weight")
    assert order["lines"][2]["measure"] == "each" and order["total"] == total
    shown = run("orders", "show", order["number"], user="clerk")
    assert "0.350 kg LOOSETEA" in shown.out and "24.00/kg" in shown.out
    back = run("orders", "refund", order["number"], "--line", "LOOSETEA:0.100kg", "--json")
    assert back.code == 0, back.err
    line = json.loads(back.out)["lines"][0]
    assert (line["refunded_qty"], line["refunded_amount"]) == (100, 240)
    assert tea_grams(run) == before - 350 + 100


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (("checkout", "--line", "LOOSETEA:0kg", "--cash", "10"), "a weight must be more than 0 kg"),
        (("checkout", "--line", "LOOSETEA:101kg", "--cash", "10"), "more than 100.000 kg"),
        (("checkout", "--line", "LOOSETEA:0.0001", "--cash", "10"), "finer than a gram"),
        (("stock", "receive", "LOOSETEA", "2.5g"), "is not a weight"),
    ],
)
def test_a_bad_weight_is_bad_usage(run: Cli, argv: tuple[str, ...], says: str) -> None:
    before = dump(run.db)
    result = run(*argv)
    assert result.code == EXIT_USAGE and says in result.err
    assert dump(run.db) == before


@pytest.mark.parametrize(
    ("argv", "code", "says"),
    [
        (("checkout", "--line", "LOOSETEA:2", "--cash", "100"), EXIT_REFUSED, "sold by weight"),
        (("checkout", "--line", "22386:0.5", "--cash", "100"), EXIT_REFUSED, "sold each"),
        (("stock", "receive", "LOOSETEA", "3"), EXIT_USAGE, "LOOSETEA is sold by weight: give kg"),
        (("stock", "receive", "22386", "3kg"), EXIT_USAGE, "22386 is sold each"),
    ],
)
def test_a_number_in_the_wrong_unit_is_refused(run: Cli, argv: tuple[str, ...], code: int, says: str) -> None:
    before = dump(run.db)
    result = run(*argv)
    assert result.code == code and says in result.err
    assert dump(run.db) == before


def test_products_sold_by_weight_are_added_edited_and_stocked_in_kg(run: Cli) -> None:
    added = run("products", "add", "FIGS", "--name", "Dried figs", "--price", "9.50", "--tax-rate", "0",
                "--sold-by", "weight")  # fmt: skip
    assert added.code == 0 and "9.50 per kg" in added.out and "sold by weight" in added.out
    received = run("stock", "receive", "FIGS", "2.5")
    assert received.code == 0 and "2.500 kg" in received.out
    adjusted = run("stock", "adjust", "FIGS", "-0.25", "--reason", "tasted")
    assert adjusted.code == 0 and "2.250 kg" in adjusted.out
    switched = run("products", "edit", "FIGS", "--sold-by", "each")
    assert switched.code == EXIT_REFUSED and "count it to 0" in one_line(switched)
    edited = run("products", "edit", "FIGS", "--price", "9.90")
    assert edited.code == 0 and "9.90 per kg" in edited.out
    nothing = run("products", "edit", "FIGS")
    assert nothing.code == EXIT_USAGE and "say what to change" in nothing.err
