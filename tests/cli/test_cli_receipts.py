"""`orders receipt`, `printer` and `drawer open` from a terminal: text at both roll widths, COPY
and gift receipts, a PDF, the till's printer (its failure exits 6 and says why), managers only
where the policy says so, and bad values refused with a clear line."""

from __future__ import annotations

from pathlib import Path

from pos_app import cli
from tests.cli.test_cli import EXIT_DENIED, EXIT_NOT_FOUND, EXIT_OK, EXIT_REFUSED, EXIT_USAGE, Cli, one_line
from tests.helpers import dump, raw

EXIT_PRINTER = 6
KICK = b"\x1bp\x00"


def _printer(run: Cli, tmp_path: Path) -> Path:
    roll = tmp_path / "lp0"
    roll.write_bytes(b"")
    assert run("printer", "set", "file", str(roll), "--paper", "58").code == EXIT_OK
    return roll


def test_a_receipt_as_text_at_both_widths(run: Cli) -> None:
    order = run.order("T1-000001")
    for width, columns in (("58", 32), ("80", 48)):
        result = run("orders", "receipt", "t1-1", "--width", width, user="clerk")
        assert result.code == EXIT_OK, result.err
        rows = result.out.splitlines()
        assert max(len(r) for r in rows) == columns
        [total] = [r for r in rows if r.startswith("TOTAL GBP")]
        assert total.endswith(f"{order['total'] / 100:,.2f}") and len(total) == columns
        assert "T1-000001" in result.out and "COPY" not in result.out
    assert len(run("orders", "receipt", "T1-000001", user="clerk").out.splitlines()[5]) <= 48  # default 80


def test_copy_and_gift(run: Cli) -> None:
    copy = run("orders", "receipt", "T1-000001", "--copy", user="clerk").out.splitlines()
    assert "*** COPY ***" in copy[0] and "*** COPY ***" in copy[-1]
    gift = run("orders", "receipt", "T1-000001", "--gift", user="clerk").out
    assert "GIFT RECEIPT" in gift and "TOTAL" not in gift and "Tax" not in gift


def test_a_receipt_as_pdf_never_over_a_file_without_force(run: Cli, tmp_path: Path) -> None:
    target = tmp_path / "receipt.pdf"
    result = run("orders", "receipt", "T1-000001", "--pdf", str(target), user="clerk")
    assert result.code == EXIT_OK and result.out == f"saved the receipt of T1-000001 to {target}\n"
    assert target.read_bytes().startswith(b"%PDF") and target.stat().st_mode & 0o777 == 0o600
    target.write_bytes(b"mine")
    refused = run("orders", "receipt", "T1-000001", "--pdf", str(target), user="clerk")
    assert refused.code == EXIT_REFUSED and "exists already: add --force" in one_line(refused)
    assert target.read_bytes() == b"mine"
    assert (
        run("orders", "receipt", "T1-000001", "--pdf", str(target), "--force", user="clerk").code == EXIT_OK
    )
    before = dump(run.db)
    over = run("orders", "receipt", "T1-000001", "--pdf", str(run.db), "--force", user="clerk")
    assert over.code == EXIT_REFUSED and dump(run.db) == before


def test_printing_a_receipt_on_the_tills_printer(run: Cli, tmp_path: Path) -> None:
    none = run("orders", "receipt", "T1-000001", "--print", user="clerk")
    assert none.code == EXIT_PRINTER and "no receipt printer is set up" in one_line(none)
    roll = _printer(run, tmp_path)
    result = run("orders", "receipt", "T1-000001", "--copy", "--print", user="clerk")
    assert (
        result.code == EXIT_OK and result.out == f"printed the receipt of T1-000001 on the printer {roll}\n"
    )
    job = roll.read_bytes()
    assert b"*** COPY ***" in job and b"\x1dkI" in job and KICK not in job and b"-" * 32 + b"\n" in job


def test_bad_receipt_arguments(run: Cli) -> None:
    for args, code, says in (
        (("T1-000001", "--width", "70"), EXIT_USAGE, "invalid choice: 70"),
        (("T1-000001", "--copy", "--gift"), EXIT_USAGE, "not allowed with argument"),
        (("T1-000001", "--force"), EXIT_USAGE, "--force goes with --pdf FILE"),
        (("T9-000999",), EXIT_NOT_FOUND, "no order T9-000999"),
    ):
        result = run("orders", "receipt", *args, user="clerk")
        assert result.code == code and says in result.err, (args, result.err)


def test_setting_up_and_testing_the_printer(run: Cli, tmp_path: Path) -> None:
    assert run("printer", "show").out == "receipt printer: no receipt printer, 80 mm paper\n"
    done = run("printer", "set", "usb", "04B8:0202")
    assert done.code == EXIT_OK and done.out == "receipt printer: USB printer 04b8:0202, 80 mm paper\n"
    for args, says in (
        (("usb", "xx"), "'xx' is not a USB printer's ids: give vendor:product ids in hex"),
        (("network", "10.0.0.9:0"), "'0' is not a port"),
        (("serial",), "give the serial printer's device and baud rate"),
        (("bluetooth", "x"), "invalid choice: 'bluetooth'"),
    ):
        result = run("printer", "set", *args)
        assert result.code == EXIT_USAGE and says in result.err, (args, result.err)
    assert run("printer", "show").out.startswith("receipt printer: USB printer 04b8:0202")
    denied = run("printer", "set", "none", user="clerk")
    assert denied.code == EXIT_DENIED and "a clerk may not change settings" in one_line(denied)
    roll = _printer(run, tmp_path)
    tested = run("printer", "test")
    assert tested.code == EXIT_OK and b"PRINTER TEST PAGE" in roll.read_bytes()
    assert run("printer", "test", user="clerk").code == EXIT_DENIED


def test_opening_the_drawer_is_a_managers_action_and_is_journalled(run: Cli, tmp_path: Path) -> None:
    unset = run("drawer", "open")
    assert unset.code == EXIT_REFUSED and "has no receipt printer" in one_line(unset)
    roll = _printer(run, tmp_path)
    clerk = run("drawer", "open", user="clerk")
    assert clerk.code == EXIT_DENIED and "a manager can approve it" in one_line(clerk)
    assert roll.read_bytes() == b""
    approved = run(
        "--approver",
        "manager",
        "drawer",
        "open",
        "--reason",
        "change",
        user="clerk",
        env={cli.APPROVER_PASSWORD_ENV: "manager123"},
    )
    assert approved.out == "drawer opened at till T1 by clerk, approved by manager\n"
    assert KICK in roll.read_bytes()
    roll.write_bytes(b"")
    assert run("drawer", "open").out == "drawer opened at till T1 by manager\n"
    assert KICK in roll.read_bytes()
    with raw(run.db) as conn:
        users = [
            r[0]
            for r in conn.execute(
                "SELECT json_extract(payload, '$.user') FROM journal WHERE kind = 'drawer_open'"
            )
        ]
    assert users == ["clerk", "manager"]
    assert run("verify").code == EXIT_OK
