"""`pos-app session ...` on a copy of the demo shop, whose till T1 has its drawer open
(T1-S0001, a float of 100.00 counted by note and coin) with the day's sales in it."""

from __future__ import annotations

import re
from pathlib import Path

from pos_app import cli
from tests.cli.test_cli import (
    EXIT_DENIED,
    EXIT_NOT_FOUND,
    EXIT_OK,
    EXIT_REFUSED,
    EXIT_USAGE,
    Cli,
    cart,
    one_line,
)
from tests.helpers import dump

EXIT_PRINTER = 6


def expected(run: Cli) -> int:
    status = run("session", "status", "--json", user="clerk").json()
    assert status["open"] and status["session"]["number"] == "T1-S0001"
    return int(status["session"]["expected"])


def money(minor: int) -> str:
    return f"{minor // 100}.{minor % 100:02d}"


def test_status_says_what_is_open_and_what_the_drawer_should_hold(run: Cli) -> None:
    status = run("session", "status", "--json", user="clerk").json()
    assert (status["till"], status["cash_drawer"], status["takes_cash"]) == ("T1", "sessions", True)
    session = status["session"]
    assert (session["float"], session["opened_by"], session["state"]) == (10000, "clerk", "open")
    assert session["sales"] == 20 and session["expected"] > 10000
    text = run("session", "status", user="clerk")
    assert text.code == EXIT_OK and text.out.startswith("till T1: T1-S0001 open since")
    assert f"£{money(session['expected'])} expected in the drawer" in text.out


def test_cash_in_and_out_with_reasons_and_a_manager_over_the_limit(run: Cli) -> None:
    before = expected(run)
    paid_in = run(
        "session", "cash-in", "25.00", "--reason", "change from the bank", "--json", user="clerk"
    ).json()
    assert (paid_in["kind"], paid_in["amount"], paid_in["user"]) == ("pay_in", 2500, "clerk")
    out = run("session", "cash-out", "12.50", "--reason", "window cleaner", user="clerk")
    assert (out.code, out.out) == (EXIT_OK, "£12.50 out of the drawer: window cleaner\n")
    assert expected(run) == before + 2500 - 1250

    unchanged = dump(run.db)
    over = run("session", "cash-out", "60.00", "--reason", "supplier", user="clerk")
    assert over.code == EXIT_DENIED
    assert "a pay-out of 60.00 is over the 50.00 limit" in one_line(over)
    assert one_line(over).endswith("a manager can approve it (--approver MANAGER)")  # and how
    assert dump(run.db) == unchanged
    approved = run(
        "--approver",
        "manager",
        "session",
        "cash-out",
        "60.00",
        "--reason",
        "supplier",
        "--json",
        user="clerk",
        env={cli.APPROVER_PASSWORD_ENV: "manager123"},
    ).json()
    assert (approved["amount"], approved["approved_by"]) == (-6000, "manager")


def test_bad_input_is_refused_in_one_line_and_changes_nothing(run: Cli) -> None:
    unchanged = dump(run.db)
    for args, code, says in (
        (("session", "cash-in", "12.345", "--reason", "x"), EXIT_REFUSED, "amount:"),
        (("session", "cash-in", "-5", "--reason", "x"), EXIT_REFUSED, "is negative"),
        (("session", "cash-out", "5.00", "--reason", " "), EXIT_REFUSED, "say why"),
        (("session", "open", "--float", "50.00"), EXIT_REFUSED, "T1-S0001 is open at till T1"),
        (("session", "z-report"), EXIT_NOT_FOUND, "till T1 has closed no cash session yet"),
        (("session", "z-report", "T1-S0042"), EXIT_NOT_FOUND, "no cash session T1-S0042"),
        (("session", "z-report", "1"), EXIT_REFUSED, "T1-S0001 is still open"),
        (("session", "close", "--count", "0.03=1"), EXIT_REFUSED, "0.03 is not a note or coin of GBP"),
    ):
        result = run(*args, user="clerk")
        assert result.code == code, (args, result.err)
        assert says in one_line(result), (args, result.err)
    customer = run("session", "status", user="alice")
    assert customer.code == EXIT_DENIED and "a customer may not" in one_line(customer)
    assert dump(run.db) == unchanged
    for args in (
        ("session", "cash-in", "5.00"),  # no --reason
        ("session", "open"),  # neither --float nor --count
        ("session", "close", "--counted", "5.00", "--count", "5.00=1"),
        ("session", "open", "--count", "20.00"),
    ):
        assert run(*args, user="clerk").code == EXIT_USAGE, args
    assert dump(run.db) == unchanged


def test_close_prints_the_z_report_and_then_cash_is_refused_until_the_next_open(run: Cli) -> None:
    x = run("session", "x-report", "--json", user="clerk").json()
    assert (x["report"], x["counted"], x["sales"]) == ("X", None, 20)
    assert x["first_number"] == "T1-000001" and x["last_number"] == "T1-000020"
    voided = x["voided_lines"]  # the demo clerk took an item off two of the day's sales
    assert (voided["count"], [u for u, _n, _a in voided["by_user"]]) == (2, ["clerk"])
    assert voided["amount"] > 0
    short = expected(run) - 1000  # 10.00 short: over the 5.00 limit
    refused = run("session", "close", "--counted", money(short), user="clerk")
    assert refused.code == EXIT_DENIED and "short by 10.00" in one_line(refused)

    closed = run("session", "close", "--counted", money(short + 1000), "--json", user="clerk").json()
    assert (closed["report"], closed["difference"], closed["user"]) == ("Z", 0, "clerk")
    assert closed["sales"] == x["sales"] and closed["taxes"] == x["taxes"]
    assert closed["voided_lines"] == voided
    assert len(closed["journal_hash"]) == 64
    head = run("journal", "head")
    assert head.code == EXIT_OK and closed["journal_hash"] in head.out and "T1-S0001" in head.out
    assert run("session", "z-report", "--json", user="clerk").json() == closed
    assert run("session", "z-report", "T1-S0001", "--json").json() == closed
    text = run("session", "z-report", "1", user="clerk")
    assert text.out.startswith("Z REPORT\nTill T1   session T1-S0001   GBP\n")
    assert f"Journal head {closed['journal_hash'][:4]} " in text.out
    assert f"  clerk                        2{money(voided['amount']):>14}" in text.out

    unchanged = dump(run.db)
    sale = run("checkout", "--json", stdin=cart("after-close"), user="clerk")
    assert sale.code == EXIT_REFUSED and "no cash drawer session is open at till T1" in one_line(sale)
    assert dump(run.db) == unchanged
    assert "the cash drawer is closed" in run("session", "status", user="clerk").out

    opened = run("session", "open", "--count", "20.00=2", "--count", "0.50=10", "--json", user="clerk").json()
    assert (opened["number"], opened["float"]) == ("T1-S0002", 4500)
    assert run("checkout", "--json", stdin=cart("after-open"), user="clerk").code == EXIT_OK
    assert run("verify").code == EXIT_OK


def test_x_and_z_reports_on_the_tills_printer(run: Cli, tmp_path: Path) -> None:
    none = run("session", "x-report", "--print", user="clerk")
    assert none.code == EXIT_PRINTER and "no receipt printer is set up" in one_line(none)
    roll = tmp_path / "lp0"
    roll.write_bytes(b"")
    assert run("printer", "set", "file", str(roll), "--paper", "58").code == EXIT_OK
    x = run("session", "x-report", "--print", user="clerk")
    assert (x.code, x.out) == (EXIT_OK, f"printed the X report of T1-S0001 on the printer {roll}\n")
    job = roll.read_bytes()
    assert b"X REPORT" in job and b"Number of sales" in job and job.endswith(b"\x1dV\x00")
    assert max(len(line) for line in _text_of(job)) <= 32
    unmoved = run("session", "z-report", "--print", user="clerk")
    assert unmoved.code == EXIT_NOT_FOUND and roll.read_bytes() == job  # nothing more printed

    closed = run("session", "close", "--counted", money(expected(run)), "--json", user="clerk").json()
    roll.write_bytes(b"")
    unchanged = dump(run.db)
    z = run("session", "z-report", "T1-S0001", "--print", user="clerk")
    assert (z.code, z.out) == (EXIT_OK, f"printed the Z report of T1-S0001 on the printer {roll}\n")
    assert b"Z REPORT" in roll.read_bytes()
    assert f"Journal head {closed['journal_hash'][:4]}".encode() in roll.read_bytes()
    assert dump(run.db) == unchanged  # printing is output only
    both = run("session", "z-report", "--print", "--json", user="clerk")
    assert both.code == EXIT_USAGE and "not allowed with argument" in both.err
    unplugged = tmp_path / "usb" / "lp0"
    assert run("printer", "set", "file", str(unplugged)).code == EXIT_OK
    gone = run("session", "z-report", "--print", user="clerk")
    assert gone.code == EXIT_PRINTER and f"there is no {unplugged}" in one_line(gone)


def _text_of(job: bytes) -> list[bytes]:
    """The printed lines, the printer's commands between them left out."""
    return re.sub(rb"\x1b@|[\x1b\x1d].[\x00-\x3f]", b"", job).split(b"\n")
