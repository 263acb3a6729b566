"""A cart as the till builds it, and its plain-dict form (checkout JSON, parked sales)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from pos_app.domain.errors import InvalidInput
from pos_app.domain.orders import Fulfilment
from pos_app.domain.payments import PaymentMethod, Tender
from pos_app.domain.pricing import Discount, DiscountKind

MAX_QTY = 9_999


@dataclass(frozen=True)
class CartLine:
    sku: str
    qty: int
    discount: Discount | None = None

    def __post_init__(self) -> None:
        if not self.sku:
            raise InvalidInput("a line needs a SKU")
        check_qty(self.qty)


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


def _int(doc: dict[str, Any], name: str, where: str, default: int | None = None) -> int:
    value = doc.get(name, default)
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidInput(f"{where}: '{name}' must be a whole number")
    return value


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
        return Discount(DiscountKind.AMOUNT, _int(doc, "amount", where))
    except InvalidInput as exc:
        raise _at(where, exc) from None


def _percent_bp(value: Any, where: str) -> int:
    """A percent as people write it (10, 12.5) -> basis points (1000, 1250)."""
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise InvalidInput(f"{where}: 'percent' must be a number such as 10 or 12.5")
    try:
        scaled = Decimal(str(value)).scaleb(2)
    except InvalidOperation:
        raise InvalidInput(f"{where}: 'percent' must be a number such as 10 or 12.5") from None
    if not scaled.is_finite() or scaled != scaled.to_integral_value():
        raise InvalidInput(f"{where}: 'percent' allows at most 2 decimals")
    return int(scaled)


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
    lines = []
    for n, raw in enumerate(raw_lines, 1):
        where = f"line {n}"
        if not isinstance(raw, dict) or not isinstance(raw.get("sku"), str):
            raise InvalidInput(f"{where}: needs a 'sku'")
        try:
            lines.append(
                CartLine(raw["sku"], _int(raw, "qty", where, 1), _discount(raw.get("discount"), where))
            )
        except InvalidInput as exc:
            raise _at(where, exc) from None
    shipping = doc.get("shipping") or {}
    if not isinstance(shipping, dict):
        raise InvalidInput("'shipping' must be an object")
    fulfilment_text = doc.get("fulfilment") or ("delivery" if shipping.get("address") else "in_store")
    try:
        fulfilment = Fulfilment(fulfilment_text)
    except ValueError:
        raise InvalidInput(f"'fulfilment' must be one of {', '.join(f.value for f in Fulfilment)}") from None
    customer = doc.get("customer")
    if customer is not None and not isinstance(customer, str):
        raise InvalidInput("'customer' must be a name")
    cart = Cart(
        lines=tuple(lines),
        customer=customer or None,
        order_discount=_discount(doc.get("discount"), "order"),
        fulfilment=fulfilment,
        ship_to=str(shipping.get("address") or ""),
        note=str(doc.get("note") or ""),
    )
    tenders = []
    for n, raw in enumerate(doc.get("payments") or [], 1):
        where = f"payment {n}"
        if not isinstance(raw, dict):
            raise InvalidInput(f"{where}: must be an object")
        try:
            method = PaymentMethod(str(raw.get("method")))
        except ValueError:
            raise InvalidInput(f"{where}: 'method' must be cash, card or store_credit") from None
        amount_field = "tendered" if method is PaymentMethod.CASH and "tendered" in raw else "amount"
        tenders.append(Tender(method, _int(raw, amount_field, where), str(raw.get("reference") or "")))
    key = doc.get("key")
    if key is not None and (not isinstance(key, str) or not key.strip()):
        raise InvalidInput("'key' must be a non-empty string")
    return CheckoutRequest(cart=cart, tenders=tuple(tenders), key=key)


def cart_to_dict(cart: Cart) -> dict[str, Any]:
    return {
        "customer": cart.customer,
        "fulfilment": cart.fulfilment.value,
        "discount": discount_to_dict(cart.order_discount),
        "shipping": {"address": cart.ship_to},
        "note": cart.note,
        "lines": [
            {"sku": line.sku, "qty": line.qty, "discount": discount_to_dict(line.discount)}
            for line in cart.lines
        ],
    }
