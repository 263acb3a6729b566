"""A cart as the till builds it, and its plain-dict form (checkout JSON, parked sales)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from pos_app.domain.errors import InvalidInput
from pos_app.domain.numbers import (
    AMOUNT,
    GRAMS,
    PERCENT_SYNTAX,
    QUANTITY,
    IntRange,
    check_int,
    parse_scaled,
)
from pos_app.domain.orders import Fulfilment
from pos_app.domain.payments import PaymentMethod, Tender
from pos_app.domain.pricing import Discount, DiscountKind
from pos_app.domain.text import CHECKOUT_KEY_MAX, NOTE_MAX, REFERENCE_MAX, SHIP_TO_MAX, check_text
from pos_app.domain.variable_measure import check_grams

MAX_QTY = QUANTITY.high


@dataclass(frozen=True)
class CartLine:
    sku: str
    qty: int  # items, or grams when `weighed`
    discount: Discount | None = None
    # A scale label's code (domain/variable_measure.py): the line is that one weighed or priced
    # item, its weight or price read again from the code whenever the cart is priced.
    label: str | None = None
    # A line of a product sold by weight: `qty` is grams (checkout refuses it for a product sold
    # each, and a count for one sold by weight, so a number never changes its meaning).
    weighed: bool = False

    @property
    def items(self) -> int:
        """How many items the line is: its count, or one for a weighed item."""
        return 1 if self.weighed else self.qty

    def __post_init__(self) -> None:
        if not self.sku:
            raise InvalidInput("a line needs a SKU")
        if self.weighed:
            check_grams(self.qty)
        else:
            check_qty(self.qty)
        if self.label is not None and not self.weighed and self.qty != 1:
            raise InvalidInput("a labelled item is sold one label at a time: scan each label")


def check_qty(qty: int) -> int:
    if qty <= 0:
        raise InvalidInput("quantity must be at least 1")
    if qty > MAX_QTY:
        raise InvalidInput(f"quantity {qty} is more than {MAX_QTY}: check what was typed")
    return qty


@dataclass(frozen=True)
class Cart:
    lines: tuple[CartLine, ...] = ()
    customer: str | None = None  # customer name (or a customer user's log-in)
    order_discount: Discount | None = None
    fulfilment: Fulfilment = Fulfilment.IN_STORE
    ship_to: str = ""
    note: str = ""


@dataclass(frozen=True)
class CheckoutRequest:
    cart: Cart
    tenders: tuple[Tender, ...] = ()
    key: str | None = None  # idempotency key: the same key twice makes one order


MAX_LINES = 1_000  # a cart longer than this is a script gone wrong, not a sale
MAX_PAYMENTS = 20
_NAME_MAX = 200
_LABEL_MAX = 14


def check_request(request: CheckoutRequest) -> None:
    """The free text of a checkout within the same limits as an order update, no control codes."""
    cart = request.cart
    check_text(cart.note, "note", NOTE_MAX, multiline=True)
    check_text(cart.ship_to, "shipping address", SHIP_TO_MAX, multiline=True)
    if cart.customer is not None:
        check_text(cart.customer, "customer name", _NAME_MAX)
    for line in cart.lines:
        check_text(line.sku, "SKU", _NAME_MAX)
        if line.label is not None:
            check_text(line.label, "label", _LABEL_MAX)
    for tender in request.tenders:
        check_text(tender.reference, "payment reference", REFERENCE_MAX)
        AMOUNT.check(tender.amount, "a payment")
    if request.key is not None:
        check_text(request.key, "checkout key", CHECKOUT_KEY_MAX)


class _NotANumber:
    """A JSON number too long, or NaN/Infinity: kept aside so the field check names it."""

    def __init__(self, text: str) -> None:
        self.text = text


def _json_int(text: str) -> int | _NotANumber:
    return int(text) if len(text) <= 19 else _NotANumber(text)


def _json_float(text: str) -> Decimal | _NotANumber:
    return Decimal(text) if len(text) <= 40 else _NotANumber(text)


def read_cart_json(data: bytes | str) -> CheckoutRequest:
    """A checkout document as received (stdin): strict UTF-8, JSON, then cart_from_dict.

    Numbers are read by hooks so a 5,000-digit or 1e999999999 value is refused by field, and a
    float never becomes an integer; nesting too deep for the parser is refused too."""
    if isinstance(data, bytes):
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise InvalidInput(f"the cart is not UTF-8 text (bad byte at offset {exc.start})") from None
    else:
        text = data
    try:
        document = json.loads(text, parse_int=_json_int, parse_float=_json_float, parse_constant=_NotANumber)
    except json.JSONDecodeError as exc:
        raise InvalidInput(f"the cart is not JSON ({exc.msg} at line {exc.lineno})") from None
    except RecursionError:
        raise InvalidInput("the cart is nested too deeply to be a cart") from None
    return cart_from_dict(document)


def _int(doc: dict[str, Any], name: str, where: str, rng: IntRange, default: int | None = None) -> int:
    return check_int(doc.get(name, default), rng, f"{where}: '{name}'")


def _text(value: object, what: str, limit: int, *, multiline: bool = False) -> str:
    if value is None:
        return ""
    return check_text(value, what, limit, multiline=multiline)


def _at(where: str, exc: InvalidInput) -> InvalidInput:
    """The same complaint, saying once which line or payment it is about."""
    return InvalidInput(exc.message if exc.message.startswith(where) else f"{where}: {exc.message}")


def _discount(doc: Any, where: str) -> Discount | None:
    if doc is None:
        return None
    if not isinstance(doc, dict):
        raise InvalidInput(f"{where}: discount must be an object")
    try:
        if "percent" in doc:
            return Discount(DiscountKind.PERCENT, _percent_bp(doc["percent"], where))
        return Discount(DiscountKind.AMOUNT, _int(doc, "amount", where, AMOUNT))
    except InvalidInput as exc:
        raise _at(where, exc) from None


def _percent_bp(value: Any, where: str) -> int:
    """A percent as people write it (10, 12.5) -> basis points (1000, 1250)."""
    if isinstance(value, bool) or not isinstance(value, int | float | str | Decimal):
        raise InvalidInput(f"{where}: 'percent' must be a number such as 10 or 12.5")
    text = value if isinstance(value, str) else str(value)
    try:
        return parse_scaled(text, 2, PERCENT_SYNTAX, f"{where}: 'percent'", what="a percentage")
    except InvalidInput as exc:
        if "decimal places" in exc.message:
            raise InvalidInput(f"{where}: 'percent' allows at most 2 decimals") from None
        if "is not" in exc.message:
            raise InvalidInput(f"{where}: 'percent' must be a number such as 10 or 12.5") from None
        raise


def discount_to_dict(discount: Discount | None) -> dict[str, int | float] | None:
    if discount is None:
        return None
    if discount.kind is DiscountKind.PERCENT:
        whole, rest = divmod(discount.value, 100)
        return {"percent": whole if rest == 0 else discount.value / 100}
    return {"amount": discount.value}


def cart_from_dict(doc: Any) -> CheckoutRequest:
    """Read a checkout/parked-cart document; raise InvalidInput naming the bad field."""
    if not isinstance(doc, dict):
        raise InvalidInput("the cart must be a JSON object")
    raw_lines = doc.get("lines")
    if not isinstance(raw_lines, list) or not raw_lines:
        raise InvalidInput("the cart needs 'lines', a list with at least one line")
    if len(raw_lines) > MAX_LINES:
        raise InvalidInput(f"the cart has more than {MAX_LINES} lines")
    lines = []
    for n, raw in enumerate(raw_lines, 1):
        where = f"line {n}"
        if not isinstance(raw, dict) or not isinstance(raw.get("sku"), str):
            raise InvalidInput(f"{where}: needs a 'sku'")
        try:
            sku = check_text(raw["sku"], "SKU", _NAME_MAX)
            label = raw.get("label")
            if label is not None:
                label = check_text(label, "label", _LABEL_MAX)
            weighed = "grams" in raw
            if weighed and "qty" in raw:
                raise InvalidInput(f"{where}: give 'qty' (items) or 'grams' (sold by weight), not both")
            qty = _int(raw, "grams", where, GRAMS) if weighed else _int(raw, "qty", where, QUANTITY, 1)
            lines.append(CartLine(sku, qty, _discount(raw.get("discount"), where), label, weighed))
        except InvalidInput as exc:
            raise _at(where, exc) from None
    shipping = doc.get("shipping") or {}
    if not isinstance(shipping, dict):
        raise InvalidInput("'shipping' must be an object")
    ship_to = _text(shipping.get("address"), "shipping address", SHIP_TO_MAX, multiline=True)
    fulfilment_text = doc.get("fulfilment") or ("delivery" if ship_to else "in_store")
    try:
        if not isinstance(fulfilment_text, str):
            raise ValueError(fulfilment_text)
        fulfilment = Fulfilment(fulfilment_text)
    except ValueError:
        raise InvalidInput(f"'fulfilment' must be one of {', '.join(f.value for f in Fulfilment)}") from None
    customer = doc.get("customer")
    if customer is not None and not isinstance(customer, str):
        raise InvalidInput("'customer' must be a name")
    cart = Cart(
        lines=tuple(lines),
        customer=_text(customer, "customer name", _NAME_MAX) or None,
        order_discount=_discount(doc.get("discount"), "order"),
        fulfilment=fulfilment,
        ship_to=ship_to,
        note=_text(doc.get("note"), "note", NOTE_MAX, multiline=True),
    )
    raw_payments = doc.get("payments") or []
    if not isinstance(raw_payments, list) or len(raw_payments) > MAX_PAYMENTS:
        raise InvalidInput(f"'payments' must be a list of at most {MAX_PAYMENTS} payments")
    tenders = []
    for n, raw in enumerate(raw_payments, 1):
        where = f"payment {n}"
        if not isinstance(raw, dict):
            raise InvalidInput(f"{where}: must be an object")
        try:
            method_text = raw.get("method")
            method = PaymentMethod(method_text if isinstance(method_text, str) else "")
        except ValueError:
            raise InvalidInput(f"{where}: 'method' must be cash, card or store_credit") from None
        amount_field = "tendered" if method is PaymentMethod.CASH and "tendered" in raw else "amount"
        try:
            reference = _text(raw.get("reference"), "payment reference", REFERENCE_MAX)
            tenders.append(Tender(method, _int(raw, amount_field, where, AMOUNT), reference))
        except InvalidInput as exc:
            raise _at(where, exc) from None
    key = doc.get("key")
    if key is not None and (not isinstance(key, str) or not key.strip()):
        raise InvalidInput("'key' must be a non-empty string")
    if key is not None:
        check_text(key, "checkout key", CHECKOUT_KEY_MAX)
    return CheckoutRequest(cart=cart, tenders=tuple(tenders), key=key)


def cart_to_dict(cart: Cart) -> dict[str, Any]:
    return {
        "customer": cart.customer,
        "fulfilment": cart.fulfilment.value,
        "discount": discount_to_dict(cart.order_discount),
        "shipping": {"address": cart.ship_to},
        "note": cart.note,
        "lines": [_line_to_dict(line) for line in cart.lines],
    }


def _line_to_dict(line: CartLine) -> dict[str, Any]:
    # A line sold each keeps the shape it always had, so a sale's fingerprint stays the same.
    amount_key = "grams" if line.weighed else "qty"
    doc: dict[str, Any] = {"sku": line.sku, amount_key: line.qty, "discount": discount_to_dict(line.discount)}
    if line.label is not None:  # only then: a sale's fingerprint stays what it was before labels
        doc["label"] = line.label
    return doc
