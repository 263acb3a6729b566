"""Cart pricing: line and order discounts, tax inclusive or exclusive, per-line or total rounding.

The one invariant everything else leans on: the order total shown is exactly the sum of the
line totals shown, whatever the settings.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_FLOOR, Decimal
from enum import StrEnum

from pos_app.domain.errors import InvalidInput
from pos_app.domain.money import allocate, round_half_up
from pos_app.domain.variable_measure import SoldBy, line_gross, qty_text

BASIS_POINTS = 10_000  # 100.00 %


class TaxRounding(StrEnum):
    LINE = "line"
    TOTAL = "total"


class DiscountKind(StrEnum):
    PERCENT = "percent"  # value in basis points: 1000 = 10 %
    AMOUNT = "amount"  # value in minor units


@dataclass(frozen=True)
class Discount:
    kind: DiscountKind
    value: int

    def __post_init__(self) -> None:
        if self.value < 0:
            raise InvalidInput("a discount cannot be negative")
        if self.kind is DiscountKind.PERCENT and self.value > BASIS_POINTS:
            raise InvalidInput("a discount cannot be more than 100%")

    def amount_off(self, base: int) -> int:
        if self.kind is DiscountKind.PERCENT:
            return round_half_up(Decimal(base) * self.value / BASIS_POINTS)
        return min(self.value, base)


@dataclass(frozen=True)
class PricingSettings:
    prices_include_tax: bool = True
    tax_rounding: TaxRounding = TaxRounding.LINE
    cash_increment: int = 1  # cash rounding step in minor units; 5 rounds cash to 0.05


@dataclass(frozen=True)
class LineInput:
    unit_price: int  # per item, or per kg for a line sold by weight
    qty: int  # items, or grams
    tax_rate_bp: int
    discount: Discount | None = None
    sold_by: SoldBy = SoldBy.EACH


@dataclass(frozen=True)
class PricedLine:
    unit_price: int
    qty: int
    tax_rate_bp: int
    gross: int  # unit_price * qty, as listed (per kg × grams / 1000, half up, by weight)
    discount: int  # line discount plus this line's share of the order discount
    tax: int
    total: int  # what the customer pays for this line
    sold_by: SoldBy = SoldBy.EACH


@dataclass(frozen=True)
class PricedCart:
    lines: tuple[PricedLine, ...]
    subtotal: int
    discount: int
    tax: int
    total: int
    prices_include_tax: bool


def _exact_tax(net: int, rate_bp: int, inclusive: bool) -> Decimal:
    if inclusive:
        return Decimal(net) * rate_bp / (BASIS_POINTS + rate_bp)
    return Decimal(net) * rate_bp / BASIS_POINTS


def _distribute(total: int, exact: list[Decimal]) -> list[int]:
    """Round each exact share so they add up to `total` (largest fractional part first)."""
    floors = [int(x.to_integral_value(rounding=ROUND_FLOOR)) for x in exact]
    leftover = total - sum(floors)
    order = sorted(range(len(exact)), key=lambda i: (-(exact[i] - floors[i]), i))
    for index in order[: max(leftover, 0)]:
        floors[index] += 1
    return floors


def price_cart(
    lines: list[LineInput], settings: PricingSettings, order_discount: Discount | None = None
) -> PricedCart:
    for line in lines:
        if line.qty <= 0:
            raise InvalidInput("quantity must be at least 1")
        if line.unit_price < 0:
            raise InvalidInput("a price cannot be negative")
    gross = [line_gross(line.unit_price, line.qty, line.sold_by) for line in lines]
    line_off = [
        line.discount.amount_off(g) if line.discount else 0 for line, g in zip(lines, gross, strict=True)
    ]
    after_line = [g - off for g, off in zip(gross, line_off, strict=True)]
    order_off = order_discount.amount_off(sum(after_line)) if order_discount else 0
    shares = allocate(order_off, after_line)
    net = [a - s for a, s in zip(after_line, shares, strict=True)]

    inclusive = settings.prices_include_tax
    exact = [_exact_tax(n, line.tax_rate_bp, inclusive) for n, line in zip(net, lines, strict=True)]
    if settings.tax_rounding is TaxRounding.LINE:
        taxes = [round_half_up(x) for x in exact]
    else:
        taxes = _distribute(round_half_up(sum(exact, Decimal(0))), exact)

    priced = tuple(
        PricedLine(
            unit_price=line.unit_price,
            qty=line.qty,
            tax_rate_bp=line.tax_rate_bp,
            gross=g,
            discount=off + share,
            tax=tax,
            total=n if inclusive else n + tax,
            sold_by=line.sold_by,
        )
        for line, g, off, share, n, tax in zip(lines, gross, line_off, shares, net, taxes, strict=True)
    )
    return PricedCart(
        lines=priced,
        subtotal=sum(gross),
        discount=sum(p.discount for p in priced),
        tax=sum(taxes),
        total=sum(p.total for p in priced),
        prices_include_tax=inclusive,
    )


def discount_ratio_bp(cart: PricedCart) -> int:
    """How much of the listed price was given away, in basis points (for discount limits)."""
    if cart.subtotal == 0:
        return 0
    return round_half_up(Decimal(cart.discount) * BASIS_POINTS / cart.subtotal)


def over_discount_limit(cart: PricedCart, limit_bp: int) -> bool:
    """More off than `limit_bp` of the listed price, rounded as the discount itself is rounded.

    Compared in money, not as a ratio, so an exact 10 % on 6.55 (0.66 off) stays within 10 %.
    """
    return cart.discount > round_half_up(Decimal(cart.subtotal) * limit_bp / BASIS_POINTS)


def refund_amount(
    line_total: int,
    line_qty: int,
    refunded_qty: int,
    refunded: int,
    qty: int,
    sold_by: SoldBy = SoldBy.EACH,
) -> int:
    """Money back for `qty` more units (or grams) of a line; the last one takes the exact remainder."""
    if qty <= 0:
        raise InvalidInput(
            "a refund's weight must be more than 0 kg"
            if sold_by is SoldBy.WEIGHT
            else "refund quantity must be at least 1"
        )
    if refunded_qty + qty > line_qty:
        left = qty_text(line_qty - refunded_qty, sold_by)
        raise InvalidInput(f"only {left} left to refund on that line")
    if refunded_qty + qty == line_qty:
        return line_total - refunded
    # Round what has been refunded in all, not each part: parts rounded one by one could give
    # back more than the line's total before its last unit (which would then go negative).
    so_far = round_half_up(Decimal(line_total) * (refunded_qty + qty) / line_qty)
    return max(so_far - refunded, 0)
