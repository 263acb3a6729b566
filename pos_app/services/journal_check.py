"""verify: the file's own check, the journal's chain (hashes, links, an optional anchor), every
order against the fold of its entries, money totals, and stock against its ledger.

A damaged file is reported, never raised: each part runs in its own read transaction, and a
part that cannot be read says so and lets the others run.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.exc import SQLAlchemyError

from pos_app.domain.drawer_report import READABLE_VERSIONS as Z_READABLE
from pos_app.domain.drawer_report import ZREPORT, DrawerReport
from pos_app.domain.journal import (
    CANCEL,
    GENESIS,
    REFUND,
    SALE,
    VERSION,
    sale_payload_v1,
    short_hash,
    text_hash,
)
from pos_app.domain.journal_fold import JournalShapeError, as_sold, differences, fold
from pos_app.domain.printer import DRAWER_OPEN
from pos_app.store.changelog import device_code
from pos_app.store.replica import fold_differences
from pos_app.store.uow import Database, UnitOfWork

BATCH = 2000
NAMED_AT_MOST = 10  # orders named when many lack a sale entry
DAMAGED = "the database file is damaged: "

Row = dict[str, Any]
Later = list[tuple[int, str, dict[str, Any]]]  # (seq, kind, payload) of entries after a sale
Chained = tuple[int, Row, dict[str, Any]]  # (seq, entry, payload) of a Z report


@dataclass
class Findings:
    problems: list[str] = field(default_factory=list)
    entries: int = 0
    sales: int = 0
    refunded: int = 0
    anchor_seq: int | None = None


def verify_database(db: Database, anchor: str | None = None) -> Findings:
    """Everything verify checks; `anchor` is a head's hash (16 or 64 lower-case hex digits)."""
    found = Findings()
    parts: tuple[tuple[str, Callable[[UnitOfWork, Findings], None]], ...] = (
        ("its structure", _integrity),
        ("the journal and its orders", lambda uow, f: _journal(uow, f, anchor)),
        ("the stock ledger", _stock),
    )
    for what, part in parts:
        already = len(found.problems)
        try:
            with db.read() as uow:
                part(uow, found)
        except SQLAlchemyError as exc:
            # Ending a read that met damage fails again: the damage is said once.
            if not any(p.startswith(DAMAGED) for p in found.problems[already:]):
                found.problems.append(f"{DAMAGED}{what} could not be read ({_reason(exc)})")
        except (ValueError, TypeError, KeyError, OverflowError) as exc:
            # A value SQLite stored in a column of another type (edited by hand) stops the part.
            found.problems.append(
                f"{what} could not be checked: a value in the file has the wrong type ({exc})"
            )
    if anchor is not None and found.anchor_seq is None:
        found.problems.append(
            f"the anchor {short_hash(anchor)} is not in the journal: the chain was rebuilt or "
            "cut short after it was written down"
        )
    return found


def _reason(exc: SQLAlchemyError) -> str:
    orig = getattr(exc, "orig", None)
    return str(orig or exc).splitlines()[0]


def _integrity(uow: UnitOfWork, found: Findings) -> None:
    found.problems += [f"database: {p}" for p in uow.integrity_problems()]


def _stock(uow: UnitOfWork, found: Findings) -> None:
    for level in uow.stock.mismatches():
        found.problems.append(
            f"stock of {level.sku}: on hand {level.on_hand} but ledger sums to {level.ledger_sum}"
        )


def _journal(uow: UnitOfWork, found: Findings, anchor: str | None) -> None:
    """Walk the chain newest first: each order's later entries are met before its sale, so an
    order is checked as soon as its sale is reached, holding only entries still unmatched."""
    problems = found.problems
    # Orders another till changed: checked against the sync records they fold from instead.
    elsewhere = {str(r[0]) for r in uow.conn.execute(uow.orders.elsewhere())}
    pending: dict[str, Later] = {}
    zreports: list[Chained] = []
    later_prev: str | None = None  # prev_hash of the entry after the one in hand
    later_seq = 0
    for batch in _batches(uow, problems):
        if not batch:  # entries were skipped as unreadable: no link to check across the gap
            later_prev = None
            continue
        sales: list[tuple[int, str, dict[str, Any], Later]] = []
        for entry in batch:
            seq, kind, text = entry["seq"], entry["kind"], entry["payload"]
            found.entries += 1
            if _hash(entry) != entry["hash"]:
                problems.append(
                    f"journal entry {seq} ({_label(kind, text)}) was altered after it was written"
                )
            if later_prev is not None and later_prev != entry["hash"]:
                problems.append(
                    f"the journal is broken between entries {seq} and {later_seq}: "
                    "an entry was changed and chained again, or removed"
                )
            later_prev, later_seq = entry["prev_hash"], seq
            if anchor is not None and _matches(entry["hash"], anchor):
                found.anchor_seq = seq
            payload = _payload(entry, problems)
            if payload is None:
                continue
            # What the hashed payload says wins over the columns beside it, which nothing covers.
            kind = payload.get("kind", kind) if isinstance(payload.get("kind"), str) else kind
            if kind == ZREPORT:
                zreports.append((seq, entry, payload))
                continue
            if kind == DRAWER_OPEN:
                continue  # the drawer opened without a sale: chained, about no order
            order_id = payload["id"] if isinstance(payload.get("id"), str) else entry["order_id"]
            if kind in (REFUND, CANCEL) and order_id not in elsewhere:
                amount = payload.get("amount")
                found.refunded += amount if isinstance(amount, int) else 0
            if kind != SALE:
                pending.setdefault(order_id, []).append((seq, kind, payload))
                continue
            found.sales += 1
            sales.append((seq, order_id, payload, pending.pop(order_id, [])[::-1]))
        try:
            facts = uow.orders.sale_facts([order_id for _s, order_id, _p, _l in sales])
            # The history is compared only where entries followed the sale: few orders, few reads.
            events = uow.orders.events_of([order_id for _s, order_id, _p, later in sales if later])
        except SQLAlchemyError as exc:
            problems.append(
                f"{DAMAGED}the orders of journal entries {batch[-1]['seq']} to "
                f"{batch[0]['seq']} could not be read ({_reason(exc)})"
            )
            continue
        for seq, order_id, payload, later in sales:
            if order_id in elsewhere:
                continue
            problems += _order_problems(seq, payload, later, facts.get(order_id), events.get(order_id, []))
    if later_prev is not None and later_prev != GENESIS:
        problems.append(f"journal entry {later_seq} does not start the chain: entries before it were removed")
    for order_id, entries in pending.items():
        if order_id in elsewhere:
            continue  # placed at another till: its sale is in that till's journal
        for seq, kind, payload in entries:
            problems.append(f"journal entry {seq} ({kind} of {payload.get('number')}) has no sale before it")
    problems += fold_differences(uow.conn, sorted(elsewhere))
    try:
        problems += _zreport_problems(uow, zreports)
    except SQLAlchemyError as exc:
        problems.append(f"{DAMAGED}the cash sessions could not be read ({_reason(exc)})")
    try:
        _totals(uow, found)
    except SQLAlchemyError as exc:
        problems.append(f"{DAMAGED}the money totals could not be read ({_reason(exc)})")


def _batches(uow: UnitOfWork, problems: list[str]) -> Iterator[list[Row]]:
    """The journal newest first, in batches; an unreadable stretch is reported, skipped, and
    marked by an empty batch."""
    before: int | None = None
    while True:
        try:
            batch = uow.orders.journal_batch(before, BATCH)
        except SQLAlchemyError as exc:
            if before is None:
                raise
            first = max(before - BATCH, 1)
            problems.append(
                f"{DAMAGED}journal entries {first} to {before - 1} could not be read ({_reason(exc)})"
            )
            yield []
            if first == 1:
                return
            before = first
            continue
        if not batch:
            return
        yield batch
        before = batch[-1]["seq"]


def _hash(entry: Row) -> str:
    try:
        return text_hash(entry["prev_hash"], entry["payload"])
    except (TypeError, UnicodeError):
        return ""


def _matches(digest: str, anchor: str) -> bool:
    return digest == anchor if len(anchor) == len(digest) else digest.startswith(anchor)


def _label(kind: str, text: str) -> str:
    try:
        number = json.loads(text).get("number")
    except (ValueError, TypeError, AttributeError, RecursionError):
        number = None
    return f"{kind} of {number}" if isinstance(number, str) else str(kind)


def _payload(entry: Row, problems: list[str]) -> dict[str, Any] | None:
    """The entry's payload, or None (and a problem) when it cannot be read."""
    seq, kind = entry["seq"], entry["kind"]
    try:
        payload = json.loads(entry["payload"])
    except (ValueError, TypeError, RecursionError):
        payload = None
    if not isinstance(payload, dict):
        problems.append(f"journal entry {seq} ({kind}) cannot be read: it is not a JSON object")
        return None
    if kind in (ZREPORT, DRAWER_OPEN):
        if payload.get("id") != entry.get("session_id"):
            problems.append(
                f"journal entry {seq} ({kind}) is filed under another cash session than the one it names"
            )
    elif payload.get("id") != entry["order_id"]:
        problems.append(f"journal entry {seq} ({kind}) is filed under another order than the one it names")
    if payload.get("kind", kind) != kind:
        problems.append(f"journal entry {seq} is filed as a {kind} but records a {payload['kind']}")
    return payload


def _order_problems(
    seq: int,
    sale: dict[str, Any],
    later: Later,
    fact: tuple[Row, list[Row], list[Row]] | None,
    events: list[Row],
) -> list[str]:
    number = sale.get("number")
    if fact is None:
        return [f"sale {number} (journal entry {seq}) has no order in the database: it was deleted"]
    header, lines, pays = fact
    version = sale.get("v", 1)
    if version == 1:
        # Written by an earlier release: its sale entry fixes totals, lines and payments only.
        try:
            same = sale_payload_v1(header, lines, pays) == sale
        except (KeyError, TypeError):
            same = False
        return [] if same else [f"sale {number} no longer matches its journal entry"]
    if version != VERSION:
        return [f"journal entry {seq} ({number}) was written by a newer pos_app (version {version})"]
    if not later and as_sold(sale, header, lines, pays):
        return []
    try:
        expected = fold([(seq, SALE, sale), *later])
    except JournalShapeError as exc:
        return [str(exc)]
    try:
        diffs = differences(expected, header, lines, pays, events)
    except (TypeError, ValueError, KeyError) as exc:
        diffs = [f"its rows hold values of the wrong type ({exc})"]
    return [f"sale {number} no longer matches its journal entry: {'; '.join(diffs)}"] if diffs else []


# Columns of a closed session and the Z report key that fixed each.
_SESSION_FIXED = {
    "opened_by": "opened_by",
    "opened_at": "opened_at",
    "float": "float",
    "closed_by": "user",
    "closed_at": "at",
    "counted": "counted",
    "expected": "expected",
    "approver_name": "approver",
}


def _zreport_problems(uow: UnitOfWork, zreports: list[Chained]) -> list[str]:
    """Each Z report in the chain against its session's row (the stored report, its hash, the
    count), and every session this till closed has its Z report in the chain."""
    problems: list[str] = []
    rows = uow.drawer.closed_rows([str(p.get("id")) for _s, _e, p in zreports])
    for seq, entry, payload in zreports:
        label = payload.get("number")
        if payload.get("v") not in Z_READABLE:
            problems.append(f"journal entry {seq} (Z report {label}) was written by a newer pos_app")
            continue
        try:
            DrawerReport.from_payload(payload)
        except (KeyError, TypeError, ValueError):
            problems.append(f"journal entry {seq} (Z report {label}) cannot be read as a Z report")
            continue
        row = rows.get(str(payload.get("id")))
        if row is None:
            problems.append(
                f"Z report {label} (journal entry {seq}) has no cash session in the database: it was deleted"
            )
            continue
        if row["state"] != "closed":
            problems.append(f"cash session {label} has a Z report in the journal but is open again")
        if row["z_report"] != entry["payload"]:
            problems.append(
                f"the Z report stored with cash session {label} no longer matches its journal entry {seq}"
            )
        if row["z_hash"] != entry["hash"]:
            problems.append(f"the hash kept with cash session {label} is not its journal entry's ({seq})")
        changed = [
            f"{column} {row[column]!r} (the Z report says {payload.get(key)!r})"
            for column, key in _SESSION_FIXED.items()
            if row[column] != payload.get(key)
        ]
        if changed:
            problems.append(f"cash session {label} no longer matches its Z report: {'; '.join(changed)}")
    chained = {str(p.get("id")) for _s, _e, p in zreports}
    for session in uow.drawer.closed_here(device_code(uow.conn)):
        if session["id"] not in chained:
            problems.append(
                f"cash session {session['label']} is closed but its Z report is not in the journal"
            )
    return problems


def _totals(uow: UnitOfWork, found: Findings) -> None:
    orders, order_refunds, refund_payments = uow.orders.money_totals()
    if orders != found.sales:
        missing = uow.orders.orders_without_sale(NAMED_AT_MOST)
        named = f" ({', '.join(missing)} {'has' if len(missing) == 1 else 'have'} none)" if missing else ""
        found.problems.append(
            f"{orders} orders but {found.sales} sales in the journal: some were added or removed{named}"
        )
    if not found.refunded == order_refunds == refund_payments:
        found.problems.append(
            f"refunds disagree: journal {found.refunded}, orders {order_refunds}, "
            f"refund payments {refund_payments}"
        )
