"""What the clerk types at the till, read into cart changes; each refuses bad input with a message.

Pure functions over the immutable Cart: the view model tries a change, quotes it, and only then
keeps it, so a refused change leaves the cart as it was.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication

from pos_app.domain.cart import Cart, CartLine, check_qty
from pos_app.domain.errors import InvalidInput
from pos_app.domain.formatting import parse_money, typed_amount_text
from pos_app.domain.numbers import PERCENT_SYNTAX, is_ascii_digits, parse_scaled
from pos_app.domain.pricing import BASIS_POINTS, Discount, DiscountKind
from pos_app.domain.text import escape_controls
from pos_app.domain.variable_measure import check_grams, parse_weight


def parse_qty(text: str) -> int:
    cleaned = text.strip()
    # ASCII digits only: '²', '١٢' or '1_0' pass isdigit()/int() but are no quantity typed here.
    if not is_ascii_digits(cleaned.removeprefix("-"), 9):
        raise InvalidInput(
            QCoreApplication.translate("CartEdit", "'{0}' is not a quantity").format(
                escape_controls(cleaned[:20])
            )
        )
    return check_qty(int(cleaned))


def split_scan(text: str) -> tuple[str | None, str]:
    """'4006381333931' -> (None, code); '3*MUG' -> ('3', 'MUG'); '0.350*APPLES' -> ('0.350',
    'APPLES'): the quantity or weight first, like most tills, read once the product is known."""
    text = text.strip()
    if "*" in text:
        qty_text, code = text.split("*", 1)
        code = code.strip()
        if not code:
            raise InvalidInput(QCoreApplication.translate("CartEdit", "type or scan the item after the '*'"))
        return qty_text, code
    return None, text


def parse_scan(text: str) -> tuple[int, str]:
    """'4006381333931' -> (1, code); '3*MUG' -> (3, 'MUG')."""
    qty_text, code = split_scan(text)
    return (1 if qty_text is None else parse_qty(qty_text)), code


def with_weighed(cart: Cart, sku: str, weight_text: str) -> tuple[Cart, int]:
    """A weighed item typed as its weight ('0.350' kg, '350g'): a line of its own, in grams."""
    line = CartLine(sku, parse_weight(weight_text), weighed=True)
    return replace(cart, lines=(*cart.lines, line)), len(cart.lines)


def parse_discount(text: str, currency: str) -> Discount | None:
    """'10%' is a percentage, '1.50' an amount off; '0' or '' removes the discount."""
    cleaned = text.strip().replace(" ", "")
    if cleaned in ("", "0", "0%"):
        return None
    if cleaned.endswith("%"):
        try:
            bp = parse_scaled(typed_amount_text(cleaned[:-1]), 2, PERCENT_SYNTAX, what="a percentage")
        except InvalidInput as exc:
            if "decimal places" in exc.message:
                raise InvalidInput(
                    QCoreApplication.translate("CartEdit", "a percentage can have at most 2 decimals")
                ) from None
            raise InvalidInput(
                QCoreApplication.translate("CartEdit", "'{0}' is not a percentage").format(
                    escape_controls(text.strip()[:20])
                )
            ) from None
        if bp <= 0:
            raise InvalidInput(
                QCoreApplication.translate("CartEdit", "'{0}' is not a percentage").format(text.strip())
            )
        if bp > BASIS_POINTS:
            raise InvalidInput(QCoreApplication.translate("CartEdit", "a discount cannot be more than 100%"))
        return Discount(DiscountKind.PERCENT, bp)
    return Discount(DiscountKind.AMOUNT, parse_money(cleaned, currency, allow_zero=False))


def with_added(cart: Cart, sku: str, qty: int) -> tuple[Cart, int]:
    """Another scan of an item already in the cart (without its own discount) adds to that line."""
    for row in range(len(cart.lines) - 1, -1, -1):
        line = cart.lines[row]
        if line.sku == sku and line.discount is None and line.label is None:
            return with_qty(cart, row, line.qty + qty), row
    return replace(cart, lines=(*cart.lines, CartLine(sku, check_qty(qty)))), len(cart.lines)


def with_label(cart: Cart, sku: str, qty: int, code: str, grams: int | None = None) -> tuple[Cart, int]:
    """A scale label is a line of its own: the next label of the same product weighs differently.
    A weight label's line is its `grams`; a price label's is one item."""
    if qty != 1:
        raise InvalidInput(
            QCoreApplication.translate(
                "CartEdit", "a labelled item is sold one label at a time: scan each label"
            )
        )
    line = (
        CartLine(sku, grams, label=code, weighed=True) if grams is not None else CartLine(sku, 1, label=code)
    )
    return replace(cart, lines=(*cart.lines, line)), len(cart.lines)


def with_qty(cart: Cart, row: int, qty: int) -> Cart:
    """The line's new count, or its new weight in grams for a line sold by weight."""
    lines = list(cart.lines)
    line = lines[row]
    if line.label is not None:
        raise InvalidInput(
            QCoreApplication.translate(
                "CartEdit", "a labelled item's weight or price is on its label: remove the line to undo it"
            )
        )
    lines[row] = replace(line, qty=check_grams(qty) if line.weighed else check_qty(qty))
    return replace(cart, lines=tuple(lines))


def without_line(cart: Cart, row: int) -> Cart:
    lines = cart.lines[:row] + cart.lines[row + 1 :]
    # An order discount on an empty cart would be a surprise on the next sale.
    return replace(cart, lines=lines, order_discount=cart.order_discount if lines else None)


def with_line_discount(cart: Cart, row: int, discount: Discount | None) -> Cart:
    lines = list(cart.lines)
    lines[row] = replace(lines[row], discount=discount)
    return replace(cart, lines=tuple(lines))
