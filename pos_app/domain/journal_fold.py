"""An order as its journal entries say it must be now, and how its rows differ from that.

The fold starts from the sale entry (header, lines, payments, initial status) and applies the
order's later entries in chain order: status changes, money taken later, refunds and cancels.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from pos_app.domain.journal import (
    CANCEL,
    HEADER_FIELDS,
    LINE_FIELDS,
    PAYMENT,
    PAYMENT_FIELDS,
    REFUND,
    SALE,
    STATUS,
    WEIGHED,
    sale_payload,
)

# The order_events actions that a status, refund or cancel entry stands behind.
HISTORY_ACTIONS = frozenset({"status", "refund", "cancelled"})
PaymentKey = tuple[str, str, int, int, int, str]  # kind, method, amount, tendered, change, reference


class JournalShapeError(ValueError):
    """A payload that lacks a key or holds a value of the wrong type."""


@dataclass
class ExpectedOrder:
    """Column values the order's rows must hold."""

    number: str
    header: dict[str, Any] = field(default_factory=dict)
    lines: dict[int, dict[str, Any]] = field(default_factory=dict)
    payments: list[PaymentKey] = field(default_factory=list)
    # Who changed it after the sale, as the history shows it: (action, user, approver, to status).
    acts: list[tuple[str, str, str, str]] = field(default_factory=list)


def _get(payload: Mapping[str, Any], key: str) -> Any:
    if key not in payload:
        raise JournalShapeError(f"it has no '{key}'")
    return payload[key]


def _int(payload: Mapping[str, Any], key: str) -> int:
    value = _get(payload, key)
    if isinstance(value, bool) or not isinstance(value, int):
        raise JournalShapeError(f"its '{key}' is not a whole number")
    return value


def _str(payload: Mapping[str, Any], key: str) -> str:
    value = _get(payload, key)
    if not isinstance(value, str):
        raise JournalShapeError(f"its '{key}' is not text")
    return value


def _items(payload: Mapping[str, Any], key: str, width: int) -> list[list[Any]]:
    value = _get(payload, key)
    if not isinstance(value, list) or not all(isinstance(v, list) and len(v) == width for v in value):
        raise JournalShapeError(f"its '{key}' is not a list of {width}-item entries")
    return value


def _sale_lines(sale: Mapping[str, Any]) -> list[list[Any]]:
    """The sale's lines: LINE_FIELDS, and the measure after them on a line sold by weight."""
    value = _get(sale, "lines")
    width = len(LINE_FIELDS)
    for item in value if isinstance(value, list) else [None]:
        if not isinstance(item, list) or len(item) not in (width, width + 1):
            raise JournalShapeError(f"its 'lines' is not a list of {width}-item entries")
        if len(item) > width and item[width] != WEIGHED:
            raise JournalShapeError(f"a line's measure '{item[width]}' is not one a sale has")
    return list(value)


def _payments(kind: str, payload: Mapping[str, Any]) -> list[PaymentKey]:
    found = []
    for method, amount, tendered, change, reference in _items(payload, "payments", len(PAYMENT_FIELDS)):
        row = {
            "method": method,
            "amount": amount,
            "tendered": tendered,
            "change": change,
            "reference": reference,
        }
        found.append(
            (
                kind,
                _str(row, "method"),
                _int(row, "amount"),
                _int(row, "tendered"),
                _int(row, "change"),
                _str(row, "reference"),
            )
        )
    return found


def as_sold(
    sale: Mapping[str, Any],
    header: Mapping[str, Any],
    lines: Sequence[Mapping[str, Any]],
    pays: Sequence[Mapping[str, Any]],
) -> bool:
    """True when an order with no entry after its sale still holds exactly what the sale fixed.

    The quick check for most orders; fold and differences say what changed when it is False."""
    if header["refunded"] or any(line["refunded_qty"] or line["refunded_amount"] for line in lines):
        return False
    try:
        return bool(sale == sale_payload(header, lines, pays))
    except (KeyError, TypeError):
        return False


def fold(entries: Sequence[tuple[int, str, Mapping[str, Any]]]) -> ExpectedOrder:
    """The order after `entries` (seq, kind, payload) in chain order, the sale first (version 2).

    Raises JournalShapeError naming the entry that cannot be read."""
    seq, kind, sale = entries[0]
    try:
        expected = _from_sale(sale) if kind == SALE else None
    except (JournalShapeError, TypeError, ValueError) as exc:
        raise JournalShapeError(f"journal entry {seq} ({kind}) cannot be read: {exc}") from None
    if expected is None:
        raise JournalShapeError(f"journal entry {seq} comes before its order's sale")
    for seq, kind, payload in entries[1:]:
        try:
            _apply(expected, kind, payload)
        except (JournalShapeError, TypeError, ValueError) as exc:
            raise JournalShapeError(
                f"journal entry {seq} ({kind} of {expected.number}) cannot be read: {exc}"
            ) from None
    expected.payments.sort(key=repr)
    return expected


def _from_sale(sale: Mapping[str, Any]) -> ExpectedOrder:
    expected = ExpectedOrder(_str(sale, "number"))
    header = expected.header
    for key, column in HEADER_FIELDS.items():
        header[column] = _get(sale, key)
    header["prices_include_tax"] = bool(sale["prices_include_tax"])
    header["status"] = _str(sale, "status")
    header["paid"] = _int(sale, "paid")
    header["change_given"] = _int(sale, "change")
    header["refunded"] = 0
    for item in _sale_lines(sale):
        line = dict(zip(LINE_FIELDS, item[: len(LINE_FIELDS)], strict=True))
        line["measure"] = WEIGHED if len(item) > len(LINE_FIELDS) else "each"
        line["refunded_qty"] = line["refunded_amount"] = 0
        expected.lines[_int(line, "line_no")] = line
    expected.payments = _payments("payment", sale)
    return expected


def _apply(expected: ExpectedOrder, kind: str, payload: Mapping[str, Any]) -> None:
    header = expected.header
    if kind == STATUS:
        header["status"] = _str(payload, "to")
        expected.acts.append(("status", _str(payload, "user"), _str(payload, "approver"), header["status"]))
    elif kind == PAYMENT:
        taken = _payments("payment", payload)
        expected.payments += taken
        header["paid"] += sum(p[2] for p in taken)
        header["change_given"] += sum(p[4] for p in taken)
        header["cash_rounding"] += _int(payload, "cash_rounding") if "cash_rounding" in payload else 0
        if payload.get("to"):
            header["status"] = _str(payload, "to")
    elif kind in (REFUND, CANCEL):
        header["refunded"] += _int(payload, "amount")
        for line_no, _sku, qty, amount in _items(payload, "lines", 4):
            line = expected.lines.get(line_no)
            if line is None:
                raise JournalShapeError(f"it names line {line_no}, which the sale does not have")
            line["refunded_qty"] += _int({"qty": qty}, "qty")
            line["refunded_amount"] += _int({"amount": amount}, "amount")
        expected.payments += _payments("refund", payload)
        if _str(payload, "to"):
            header["status"] = payload["to"]
        action = "cancelled" if kind == CANCEL else "refund"
        expected.acts.append((action, _str(payload, "user"), _str(payload, "approver"), payload["to"]))
    else:
        raise JournalShapeError(f"'{kind}' is not a kind of journal entry")


def differences(
    expected: ExpectedOrder,
    header: Mapping[str, Any],
    lines: Sequence[Mapping[str, Any]],
    pays: Sequence[Mapping[str, Any]],
    events: Sequence[Mapping[str, Any]] = (),
) -> list[str]:
    """What in the order's rows differs from `expected`, each as 'field now (journal then)'."""
    found = []
    for column, want in expected.header.items():
        have = bool(header[column]) if column == "prices_include_tax" else header[column]
        if have != want:
            found.append(f"{column} {have!r} (journal {want!r})")
    seen = set()
    for line in lines:
        line_no = line["line_no"]
        seen.add(line_no)
        want_line = expected.lines.get(line_no)
        if want_line is None:
            found.append(f"line {line_no} is not in the journal")
            continue
        for column, want in want_line.items():
            if line[column] != want:
                found.append(f"line {line_no} {column} {line[column]!r} (journal {want!r})")
    found += [f"line {n} is missing" for n in sorted(set(expected.lines) - seen)]
    have_pays = sorted(
        ((p["kind"], p["method"], p["amount"], p["tendered"], p["change"], p["reference"]) for p in pays),
        key=repr,
    )
    if have_pays != expected.payments:
        extra = list((Counter(have_pays) - Counter(expected.payments)).elements())
        missing = list((Counter(expected.payments) - Counter(have_pays)).elements())
        found.append(f"payments {_pays(extra) or 'as journalled'} (journal {_pays(missing) or 'the same'})")
    acts = [
        (e["action"], e["user_name"], e["approver_name"], e["to_status"])
        for e in events
        if e["action"] in HISTORY_ACTIONS
    ]
    if acts != expected.acts:
        have, want = next(
            ((h, w) for h, w in zip([*acts, None], [*expected.acts, None], strict=False) if h != w)
        )
        found.append(f"history {_act(have)} (journal {_act(want)})")
    return found


def _act(act: tuple[str, str, str, str] | None) -> str:
    if act is None:
        return "nothing more"
    action, user, approver, to = act
    return f"{action}{' to ' + to if to else ''} by {user}" + (f" approved by {approver}" if approver else "")


def _pays(items: Sequence[PaymentKey]) -> str:
    return ", ".join(
        f"{k} {m} {a} tendered {t} change {c}" + (f" ref {r}" if r else "") for k, m, a, t, c, r in items
    )
