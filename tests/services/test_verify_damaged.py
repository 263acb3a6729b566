"""verify on a damaged file reports the damage, one line per problem, exit 5, never a traceback."""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest

from pos_app.domain.users import Actor
from pos_app.services import Services
from pos_app.services.bulk import generate_orders
from tests.helpers import raw, sell
from tests.services.test_verify import run_verify

PAGE = 4096


def _assert_reported(code: int, out: str, err: str) -> list[str]:
    assert code == 5, (out, err)
    assert "Traceback" not in err and "Traceback" not in out
    lines = err.strip().splitlines()
    assert lines[-1] == f"pos-app: {len(lines) - 1} problem(s) found"
    return lines[:-1]


@pytest.fixture
def big_file(services: Services, db_path: Path) -> Path:
    """A real database of a few hundred pages, all of it in the main file (WAL checkpointed)."""
    generate_orders(services, 600)
    services.close()
    with raw(db_path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert db_path.stat().st_size > 100 * PAGE
    return db_path


def test_garbage_pages_in_the_middle_are_reported(
    big_file: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    pages = big_file.stat().st_size // PAGE
    noise = random.Random(5)
    with big_file.open("r+b") as handle:
        for page in range(pages // 2, pages // 2 + 4):
            handle.seek(page * PAGE)
            handle.write(noise.randbytes(PAGE))
    problems = _assert_reported(*run_verify(big_file, monkeypatch, capsys))
    assert problems and any(p.startswith("database:") or "damaged" in p for p in problems)


@pytest.mark.parametrize("keep", [0.95, 0.6, 0.02])
def test_a_truncated_file_is_reported(
    big_file: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], keep: float
) -> None:
    pages = big_file.stat().st_size // PAGE
    os.truncate(big_file, int(pages * keep) * PAGE)
    problems = _assert_reported(*run_verify(big_file, monkeypatch, capsys))
    assert problems and all("damaged" in p or p.startswith("database:") for p in problems)


def test_a_payload_that_is_not_json_is_reported(
    services: Services,
    clerk: Actor,
    db_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    sell(services, clerk)
    with raw(db_path) as conn:
        conn.execute('UPDATE journal SET payload = \'{"v": 2, "number": \' WHERE seq = 1')
    problems = _assert_reported(*run_verify(db_path, monkeypatch, capsys))
    assert "journal entry 1 (sale) was altered after it was written" in problems
    assert "journal entry 1 (sale) cannot be read: it is not a JSON object" in problems


def test_a_payload_with_missing_keys_is_reported(
    services: Services,
    clerk: Actor,
    db_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    order = sell(services, clerk)
    with raw(db_path) as conn:
        conn.execute("UPDATE journal SET payload = json_remove(payload, '$.total', '$.lines') WHERE seq = 1")
    problems = _assert_reported(*run_verify(db_path, monkeypatch, capsys))
    assert f"journal entry 1 (sale of {order.number}) was altered after it was written" in problems
    assert "journal entry 1 (sale) cannot be read: it has no 'total'" in problems


def test_a_refund_entry_with_bad_values_is_reported(
    services: Services,
    clerk: Actor,
    manager: Actor,
    db_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    order = sell(services, clerk)
    services.orders.refund(manager, order.number, lines={"MUG": 1})
    with raw(db_path) as conn:
        conn.execute(
            "UPDATE journal SET payload = json_set(payload, '$.lines', json('[[9, 1]]')) WHERE seq = 2"
        )
    problems = _assert_reported(*run_verify(db_path, monkeypatch, capsys))
    assert any(p.startswith(f"journal entry 2 (refund of {order.number}) cannot be read") for p in problems)


def test_a_journal_entry_whose_order_was_deleted_is_reported(
    services: Services,
    clerk: Actor,
    db_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    order = sell(services, clerk)
    sell(services, clerk)
    with raw(db_path) as conn:
        conn.execute("PRAGMA foreign_keys=OFF")
        conn.execute("DELETE FROM orders WHERE number = ?", (order.number,))
    problems = _assert_reported(*run_verify(db_path, monkeypatch, capsys))
    assert f"sale {order.number} (journal entry 1) has no order in the database: it was deleted" in problems


def test_values_of_the_wrong_type_and_control_codes_are_reported_plainly(
    services: Services,
    clerk: Actor,
    db_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    order = sell(services, clerk)
    with raw(db_path) as conn:
        conn.execute("UPDATE payments SET amount = 'lots'")
        conn.execute("UPDATE order_lines SET qty = x'00ff' WHERE line_no = 2")
        conn.execute("UPDATE journal SET payload = json_set(payload, '$.number', char(27) || '[2J')")
    problems = _assert_reported(*run_verify(db_path, monkeypatch, capsys))
    assert not any("\x1b" in p for p in problems)
    assert "journal entry 1 (sale of \\x1b[2J) was altered after it was written" in problems
    assert any("payments payment card lots" in p and "line 2 qty b'\\x00\\xff'" in p for p in problems)
    assert order.number
