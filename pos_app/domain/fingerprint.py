"""A checkout request as plain data (kept with a card capture) and its fingerprint (kept with
the order), so a replayed key with another request is recognised."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from pos_app.domain.cart import CheckoutRequest, cart_to_dict


def request_to_dict(request: CheckoutRequest) -> dict[str, Any]:
    """The request in the shape `cart_from_dict` reads back (key included)."""
    doc = cart_to_dict(request.cart)
    doc["payments"] = [
        {"method": t.method.value, "amount": t.amount, "reference": t.reference} for t in request.tenders
    ]
    doc["key"] = request.key
    return doc


def fingerprint(request: CheckoutRequest) -> str:
    """sha256 of the canonical JSON of everything the request asks for, the key aside."""
    doc = request_to_dict(request)
    del doc["key"]
    doc["customer"] = (doc["customer"] or "").strip() or None
    doc["shipping"]["address"] = doc["shipping"]["address"].strip()
    doc["note"] = doc["note"].strip()
    for pay in doc["payments"]:
        pay["reference"] = pay["reference"].strip()
    text = json.dumps(doc, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()
