"""The newer commands under the same rules as the rest: amounts typed for `orders pay` and
`customers credit` read by the strict parser (one clear line, nothing changed), and text read
back from the file (user names, the journal's head) printed with control characters escaped."""

from __future__ import annotations

import json

import pytest

from tests.cli.test_cli import EXIT_OK, EXIT_REFUSED, EXIT_USAGE, Cli, demo_db, one_line, run
from tests.helpers import dump, raw

__all__ = ["demo_db", "run"]  # the fixtures, shared with test_cli

BAD_AMOUNTS = ["١٢", "1e3", "1_000", "9" * 5000, "²", "NaN", "-5", "12.345", " ", "0x10"]


def _awaiting(run: Cli) -> str:
    cart = json.dumps({"lines": [{"sku": "85123A", "qty": 1}]})
    number: str = run("checkout", "--json", user="alice", stdin=cart).json()["number"]
    return number


@pytest.mark.parametrize("amount", BAD_AMOUNTS, ids=lambda a: a[:8])
@pytest.mark.parametrize("option", ["--cash", "--card", "--store-credit"])
def test_orders_pay_refuses_an_amount_that_is_not_plain_digits(run: Cli, option: str, amount: str) -> None:
    number = _awaiting(run)
    before = dump(run.db)
    extra = ["--reference", "T-1"] if option == "--card" else []
    result = run("orders", "pay", number, f"{option}={amount}", *extra, user="clerk")
    assert result.code == EXIT_REFUSED, result.err
    line = one_line(result)
    assert option in line and len(line) < 200
    assert dump(run.db) == before


@pytest.mark.parametrize("amount", BAD_AMOUNTS, ids=lambda a: a[:8])
def test_customers_credit_refuses_an_amount_that_is_not_plain_digits(run: Cli, amount: str) -> None:
    before = dump(run.db)
    result = run("customers", "credit", "alice", "--reason=goodwill", "--", amount)
    assert result.code == EXIT_REFUSED, result.err
    assert "amount" in one_line(result)
    assert dump(run.db) == before


def test_orders_pay_refuses_a_reference_with_control_characters(run: Cli) -> None:
    number = _awaiting(run)
    before = dump(run.db)
    result = run("orders", "pay", number, "--card", "100", "--reference", "T\x1b[2J", user="clerk")
    line = one_line(result)
    assert "payment reference holds a control character" in line and "\x1b" not in line
    assert dump(run.db) == before


def test_credit_and_stock_reasons_with_control_characters_are_refused(run: Cli) -> None:
    before = dump(run.db)
    for argv in (
        ("customers", "credit", "alice", "5.00", "--reason", "sorry\x1b[2J"),
        ("stock", "adjust", "85123A", "-1", "--reason", "lost\u202e"),
    ):
        line = one_line(run(*argv))
        assert "reason" in line and "control character" in line and "\x1b" not in line
    assert dump(run.db) == before


def test_user_names_and_the_journal_head_from_a_hand_edited_file_are_escaped(run: Cli) -> None:
    with raw(run.db) as conn:
        conn.execute("UPDATE users SET name = 'bob\x1b]0;pwned\x07' WHERE name = 'bob'")
        seq, payload = conn.execute("SELECT seq, payload FROM journal ORDER BY seq DESC LIMIT 1").fetchone()
        document = json.loads(payload)
        document["number"] = "T1-9\x1b[2J"
        conn.execute("UPDATE journal SET payload = ? WHERE seq = ?", (json.dumps(document), seq))
    listed = run("users", "list")
    assert listed.code == EXIT_OK and "\x1b" not in listed.out and "bob\\x1b]0;pwned\\x07" in listed.out
    changed = run("users", "deactivate", "bob")  # found by its name key
    assert changed.code == EXIT_OK and "\x1b" not in changed.out and "\x07" not in changed.out
    head = run("journal", "head")
    assert head.code == EXIT_OK and "\x1b" not in head.out and "T1-9\\x1b[2J" in head.out


@pytest.mark.parametrize(
    "argv",
    [
        ("\x1b[2J",),
        ("orders", "list", "--status", "\x1b[2J"),
        ("verify", "--anchor", "\x1b]0;pwned\x07"),
        ("stock", "receive", "85123A", "\u202e12"),
    ],
    ids=["command", "status", "anchor", "quantity"],
)
def test_a_usage_error_quoting_what_was_typed_shows_control_characters_escaped(
    run: Cli, argv: tuple[str, ...]
) -> None:
    result = run(*argv)
    assert result.code == EXIT_USAGE
    assert "\x1b" not in result.err and "\x07" not in result.err and "\u202e" not in result.err
    assert "pos-app" in result.err and "error: " in result.err


def test_a_file_name_with_control_characters_is_printed_escaped(run: Cli) -> None:
    target = run.db.parent / "out\x1b[2J.csv"
    result = run("products", "export", str(target))
    assert result.code == EXIT_OK and target.exists()
    assert "\x1b" not in result.out and "out\\x1b[2J.csv" in result.out


def test_an_option_given_two_dashes_as_its_value_is_read_as_that_text(run: Cli) -> None:
    # Python 3.11's argparse hands `--cash=--` over as an empty list, which crashed `orders pay`.
    number = _awaiting(run)
    before = dump(run.db)
    paid = run("orders", "pay", number, "--cash=--", user="clerk")
    assert paid.code == EXIT_REFUSED and "--cash: " in one_line(paid) and "is not an amount" in paid.err
    assert run("orders", "list", "--limit=--").code == EXIT_USAGE
    assert dump(run.db) == before
    noted = run("orders", "update", number, "--note=--", "--json")
    assert noted.code == EXIT_OK and noted.json()["note"] == "--"
