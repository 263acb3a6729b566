"""The hash chain over sales and every money or status change after them: hashing, the printed
short form of a hash, and the shape of each entry's payload (version 2).

Each entry's hash covers its payload and the hash before it, so changing, removing or
inserting an entry breaks every link after it, unless the whole rest of the chain is
recomputed; a head printed on paper (or pushed to the central store) catches that too.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from typing import Any

from pos_app.domain.errors import InvalidInput

GENESIS = "0" * 64
VERSION = 2
SHORT_DIGITS = 16  # the printed anchor: 64 bits, far beyond what a forger can search for

# Entry kinds. A payment entry (money taken later for an order that awaited payment) is
# written by the checkout side; the others here.
SALE, STATUS, REFUND, CANCEL, PAYMENT = "sale", "status", "refund", "cancel", "payment"
KINDS = frozenset({SALE, STATUS, REFUND, CANCEL, PAYMENT})


def canonical(payload: Mapping[str, Any]) -> str:
    """The one text of a payload: what is stored and what is hashed."""
    return json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=True)


def text_hash(previous: str, text: str) -> str:
    return hashlib.sha256((previous + text).encode("utf-8")).hexdigest()


def entry_hash(previous: str, payload: Mapping[str, Any]) -> str:
    return text_hash(previous, canonical(payload))


def short_hash(digest: str) -> str:
    """The first 16 hex digits in groups of four, as printed: 'a3f9 1c02 77de 4b10'."""
    head = digest[:SHORT_DIGITS]
    return " ".join(head[i : i + 4] for i in range(0, len(head), 4))


def parse_anchor(text: str) -> str:
    """A printed head (short or full form, spaces ignored) as lower-case hex."""
    digits = "".join(text.split()).lower()
    if len(digits) not in (SHORT_DIGITS, 64) or any(c not in "0123456789abcdef" for c in digits):
        raise InvalidInput(
            f"'{text}' is not a journal hash: give the 16 digits printed on a receipt "
            "(e.g. a3f9 1c02 77de 4b10) or all 64"
        )
    return digits


# -- payloads (version 2) ------------------------------------------------------------------

LINE_FIELDS = ("line_no", "sku", "name", "unit_price", "qty", "discount", "tax_rate_bp", "tax", "total")
# A line sold by weight adds its measure after LINE_FIELDS (its qty is grams, its price per kg):
# hashed, so 350 g cannot be read as 350 items; a line sold each has none, so every entry
# written before weighed goods hashes and verifies as it always did.
WEIGHED = "weight"
PAYMENT_FIELDS = ("method", "amount", "tendered", "change", "reference")
# Payload key -> orders column, for the header fields a sale fixes.
HEADER_FIELDS = {
    "number": "number",
    "till": "till",
    "created_at": "created_at",
    "customer_id": "customer_id",
    "customer_name": "customer_name",
    "clerk": "clerk_name",
    "fulfilment": "fulfilment",
    "currency": "currency",
    "subtotal": "subtotal",
    "discount": "discount",
    "tax": "tax",
    "total": "total",
    "prices_include_tax": "prices_include_tax",
    "cash_rounding": "cash_rounding",
}


def line_item(line: Mapping[str, Any]) -> list[Any]:
    """A line as the sale's entry fixes it."""
    item = [line[f] for f in LINE_FIELDS]
    if line.get("measure", "each") == WEIGHED:
        item.append(WEIGHED)
    return item


def payment_items(pays: Sequence[Mapping[str, Any]]) -> list[list[Any]]:
    return [[p[f] for f in PAYMENT_FIELDS] for p in pays]


def sale_payload(
    header: Mapping[str, Any], lines: Sequence[Mapping[str, Any]], pays: Sequence[Mapping[str, Any]]
) -> dict[str, Any]:
    """What the journal fixes about a sale as placed: its header, every line, every payment."""
    payload: dict[str, Any] = {"v": VERSION, "kind": SALE, "id": header["id"]}
    for key, column in HEADER_FIELDS.items():
        payload[key] = header[column]
    payload["prices_include_tax"] = bool(header["prices_include_tax"])
    payload["paid"] = header["paid"]
    payload["change"] = header["change_given"]
    payload["status"] = header["status"]
    payload["lines"] = [line_item(line) for line in lines]
    payload["payments"] = payment_items(pays)
    return payload


def status_payload(
    order_id: str, number: str, source: str, target: str, at: str, user: str, approver: str
) -> dict[str, Any]:
    """One status change: from, to, when, who (and who approved it)."""
    return {
        "v": VERSION,
        "kind": STATUS,
        "id": order_id,
        "number": number,
        "from": source,
        "to": target,
        "at": at,
        "user": user,
        "approver": approver,
    }


def give_back_payload(
    kind: str,
    order_id: str,
    number: str,
    *,
    at: str,
    user: str,
    approver: str,
    amount: int,
    lines: Sequence[tuple[int, str, int, int]],
    refunds: Sequence[Mapping[str, Any]],
    restock: bool,
    target: str,
) -> dict[str, Any]:
    """A refund or cancel: who, when, which lines ((line_no, sku, qty, amount)), the money back
    per method, and the status it leaves the order in ('' when a partial refund keeps it)."""
    return {
        "v": VERSION,
        "kind": kind,
        "id": order_id,
        "number": number,
        "at": at,
        "user": user,
        "approver": approver,
        "amount": amount,
        "lines": [list(line) for line in lines],
        "payments": payment_items(refunds),
        "restock": restock,
        "to": target,
    }


def payment_payload(
    order_id: str,
    number: str,
    at: str,
    user: str,
    pays: Sequence[Mapping[str, Any]],
    *,
    cash_rounding: int = 0,
    target: str = "",
) -> dict[str, Any]:
    """Money taken after the sale (an order that was awaiting payment): the payments, the cash
    rounding they added, and the status it leaves the order in ('' when it stays)."""
    return {
        "v": VERSION,
        "kind": PAYMENT,
        "id": order_id,
        "number": number,
        "at": at,
        "user": user,
        "payments": payment_items(pays),
        "cash_rounding": cash_rounding,
        "to": target,
    }


def sale_payload_v1(
    header: Mapping[str, Any], lines: Sequence[Mapping[str, Any]], pays: Sequence[Mapping[str, Any]]
) -> dict[str, Any]:
    """The sale payload earlier releases wrote (totals, lines and payments only): still verified."""
    return {
        "id": header["id"],
        "number": header["number"],
        "created_at": header["created_at"],
        "total": header["total"],
        "tax": header["tax"],
        "lines": [[line["sku"], line["qty"], line["total"]] for line in lines],
        "payments": [[p["method"], p["amount"]] for p in pays if p.get("kind", "payment") == "payment"],
    }
