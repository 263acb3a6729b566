"""The chain's head, written down outside the file, catches a journal rebuilt or cut short."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from pos_app.domain.errors import PermissionDenied
from pos_app.domain.orders import Fulfilment
from pos_app.domain.receipt import build_receipt
from pos_app.domain.receipt_text import receipt_text
from pos_app.domain.users import Actor
from pos_app.services import Services
from tests.helpers import raw, sell
from tests.services.test_verify import run_verify


def _rechain(db_path: Path) -> None:
    """What a forger with the source code does: recompute every hash after editing payloads."""
    with raw(db_path) as conn:
        previous = "0" * 64
        for seq, payload in conn.execute("SELECT seq, payload FROM journal ORDER BY seq").fetchall():
            digest = hashlib.sha256((previous + payload).encode()).hexdigest()
            conn.execute("UPDATE journal SET prev_hash = ?, hash = ? WHERE seq = ?", (previous, digest, seq))
            previous = digest


def _halve_total(db_path: Path, number: str) -> None:
    with raw(db_path) as conn:
        conn.execute("PRAGMA foreign_keys=OFF")
        order_id = conn.execute("SELECT id FROM orders WHERE number = ?", (number,)).fetchone()[0]
        conn.execute("UPDATE orders SET total = total / 2 WHERE id = ?", (order_id,))
        conn.execute(
            "UPDATE journal SET payload = json_set(payload, '$.total', json_extract(payload, '$.total') / 2) "
            "WHERE order_id = ? AND kind = 'sale'",
            (order_id,),
        )
    _rechain(db_path)


def _delete_sale(db_path: Path, number: str) -> None:
    """Remove a sale and everything it wrote, stock put back: a shortened journal."""
    with raw(db_path) as conn:
        conn.execute("PRAGMA foreign_keys=OFF")
        order_id = conn.execute("SELECT id FROM orders WHERE number = ?", (number,)).fetchone()[0]
        for product_id, qty in conn.execute(
            "SELECT product_id, qty FROM stock_movements WHERE order_id = ?", (order_id,)
        ).fetchall():
            conn.execute("UPDATE products SET on_hand = on_hand - ? WHERE id = ?", (qty, product_id))
        for table in ("stock_movements", "payments", "order_lines", "order_events", "journal", "changes"):
            column = "entity_id" if table == "changes" else "order_id"
            conn.execute(f"DELETE FROM {table} WHERE {column} = ?", (order_id,))
        conn.execute("DELETE FROM orders WHERE id = ?", (order_id,))


def test_the_receipt_prints_the_sales_hash_and_the_last_one_is_the_head(
    services: Services, clerk: Actor, manager: Actor
) -> None:
    first = sell(services, clerk)
    last = sell(services, clerk, cash=2000)
    head = services.admin.journal_head(manager)
    assert head is not None and head.hash == last.journal_hash and head.number == last.number
    assert first.journal_hash and first.journal_hash != last.journal_hash
    short = head.short
    assert len(short) == 19 and short.count(" ") == 3 and head.hash.startswith(short.replace(" ", ""))
    assert f"Journal {short}" in receipt_text(build_receipt(last, services.settings.current()), 48)
    # A receipt printed again later carries the same hash.
    again = services.orders.get_order(manager, last.number)
    assert again.journal_hash == last.journal_hash
    with pytest.raises(PermissionDenied):
        services.admin.journal_head(clerk)


def test_a_rebuilt_chain_passes_alone_but_not_against_the_anchor(
    services: Services,
    clerk: Actor,
    manager: Actor,
    db_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    target = sell(services, clerk)
    sell(services, clerk, fulfilment=Fulfilment.PICKUP)
    head = services.admin.journal_head(manager)
    assert head is not None
    report = services.admin.verify(manager, head.short)
    assert report.ok and report.anchor_seq == head.seq

    _halve_total(db_path, target.number)

    # The file alone is consistent again: only the anchor written down shows the forgery.
    assert services.admin.verify(manager).ok
    problems = services.admin.verify(manager, head.hash).problems
    assert problems == [
        f"the anchor {head.short} is not in the journal: the chain was rebuilt or cut short "
        "after it was written down"
    ]
    code, _out, err = run_verify(db_path, monkeypatch, capsys, "--anchor", head.short)
    assert code == 5 and f"the anchor {head.short} is not in the journal" in err
    assert "1 problem(s) found" in err


def test_a_shortened_chain_is_caught_against_the_anchor(
    services: Services,
    clerk: Actor,
    manager: Actor,
    db_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    sell(services, clerk)
    last = sell(services, clerk, cash=2000)
    head = services.admin.journal_head(manager)
    assert head is not None
    ok_code, out, _err = run_verify(db_path, monkeypatch, capsys, "--anchor", head.short.upper())
    assert ok_code == 0 and f"anchor found at entry {head.seq}" in out

    _delete_sale(db_path, last.number)

    assert services.admin.verify(manager).ok  # the newest sale is gone without a trace
    code, _out, err = run_verify(db_path, monkeypatch, capsys, "--anchor", head.hash)
    assert code == 5 and f"the anchor {head.short} is not in the journal" in err


def test_an_older_anchor_still_holds_after_later_sales(
    services: Services, clerk: Actor, manager: Actor
) -> None:
    first = sell(services, clerk)
    sell(services, clerk)
    report = services.admin.verify(manager, first.journal_hash[:16])
    assert report.ok and report.anchor_seq == 1


@pytest.mark.parametrize("anchor", ["a3f9 1c02", "zzzz 1c02 77de 4b10", "a3f9-1c02-77de-4b10"])
def test_a_malformed_anchor_is_a_usage_error(
    services: Services,
    db_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    anchor: str,
) -> None:
    with pytest.raises(SystemExit) as exit_:
        run_verify(db_path, monkeypatch, capsys, "--anchor", anchor)
    assert exit_.value.code == 2
    assert "is not a journal hash" in capsys.readouterr().err
