"""The command line against hostile input and output: ranges in the help, control characters
from the database never reach a terminal raw, and a closed pipe ends quietly."""

from __future__ import annotations

import io
import json
import sys

import pytest

from pos_app import cli
from tests.cli import test_cli as base
from tests.cli.test_cli import EXIT_OK, EXIT_REFUSED, EXIT_USAGE, Cli, one_line
from tests.helpers import dump, raw

# The command-line tests' fixtures: a demo database copied per test, run through main().
demo_db = base.demo_db
run = base.run


def test_the_help_states_the_ranges(run: Cli, capsys: pytest.CaptureFixture[str]) -> None:
    for argv, words in (
        (["stock", "receive", "--help"], "1 to 1000000"),
        (["orders", "list", "--help"], "2000-01-01 to 2999-12-31"),
        (["orders", "list", "--help"], "up to 100 characters"),
        (["checkout", "--help"], "Quantities 1 to 9999"),
    ):
        with pytest.raises(SystemExit):
            cli.main(argv)
        assert words in " ".join(capsys.readouterr().out.split())


def test_database_text_is_printed_with_control_characters_escaped(run: Cli) -> None:
    hostile = "pay \x1b[2J\x1b]0;pwned\x07 now \u202eevil"
    with raw(run.db) as conn:
        conn.execute("UPDATE orders SET note = ?, ship_to = ? WHERE number = 'T1-000015'", (hostile, hostile))
        conn.execute("UPDATE orders SET customer_name = ? WHERE customer_name = 'bob'", ("bob\x1b[31m",))
    shown = run("orders", "show", "T1-000015")
    assert shown.code == EXIT_OK
    assert "\x1b" not in shown.out and "\x07" not in shown.out and "\u202e" not in shown.out
    assert "pay \\x1b[2J\\x1b]0;pwned\\x07 now \\u202eevil" in shown.out
    listed = run("orders", "list", "--limit", "500")
    assert listed.code == EXIT_OK and "\x1b" not in listed.out and "bob\\x1b[31m" in listed.out
    as_json = run("orders", "show", "T1-000015", "--json")
    assert "\x1b" not in as_json.out and "\u202e" not in as_json.out
    assert json.loads(as_json.out)["note"] == hostile  # escaped, not lost


def test_a_refusal_quoting_hostile_text_is_one_clean_line(run: Cli) -> None:
    result = run("orders", "show", "T1\x1b[2J" + "x" * 5000)
    assert result.code == 4
    line = one_line(result)
    assert "\x1b" not in line and len(line) < 600


class _ClosedPipe(io.StringIO):
    def write(self, text: str) -> int:
        raise BrokenPipeError(32, "Broken pipe")


def test_a_closed_pipe_ends_quietly(
    run: Cli, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # `pos-app orders list | head -1`: the reader has gone; no traceback, exit 0.
    monkeypatch.setenv(cli.PASSWORD_ENV, "manager123")
    capsys.readouterr()
    monkeypatch.setattr(sys, "stdout", _ClosedPipe())
    code = cli.main(["--db", str(run.db), "--user", "manager", "orders", "list"])
    monkeypatch.undo()
    assert code == EXIT_OK
    assert capsys.readouterr().err == ""


def test_update_limits_and_control_characters_match_checkout(run: Cli) -> None:
    before = dump(run.db)
    for argv, words in (
        (["--note", "n" * 2001], "the note is longer than 2000 characters"),
        (["--ship-to", "a" * 501], "the shipping address is longer than 500 characters"),
        (["--tracking", "t" * 81], "the tracking reference is longer than 80 characters"),
        (["--note", "bell\x07"], "the note holds a control character (U+0007)"),
        (["--tracking", "AB\n12"], "the tracking reference holds a control character (U+000A)"),
    ):
        result = run("orders", "update", "T1-000015", *argv)
        assert result.code == EXIT_REFUSED and words in one_line(result), argv
    assert dump(run.db) == before
    ok = run("orders", "update", "T1-000015", "--note", "ring twice\nback door")
    assert ok.code == EXIT_OK


def test_stdin_that_is_not_utf8_is_refused(run: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    before = dump(run.db)
    monkeypatch.setenv(cli.PASSWORD_ENV, "clerk123")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b'{"lines": [{"sku": "\xff"}]}')))
    assert cli.main(["--db", str(run.db), "--user", "clerk", "checkout"]) == EXIT_REFUSED
    assert dump(run.db) == before


def test_a_bad_argument_type_is_usage(run: Cli) -> None:
    for argv in (
        ["stock", "adjust", "85123A", "1_000", "--reason", "x"],
        ["users", "add", "x", "--role", "clerk", "--pin", "１２３４"],
    ):
        result = run(*argv)
        assert result.code == EXIT_USAGE and "error: argument" in result.err, argv
