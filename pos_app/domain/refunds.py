"""Which tender gets money back on a refund: the way it was paid, cards and credit first."""

from __future__ import annotations

from pos_app.domain.payments import PaymentMethod

REFUND_ORDER = (PaymentMethod.CARD, PaymentMethod.STORE_CREDIT, PaymentMethod.CASH)


def split_refund(
    amount: int, paid: dict[PaymentMethod, int], refunded: dict[PaymentMethod, int]
) -> list[tuple[PaymentMethod, int]]:
    """Spread `amount` over the methods paid with, never more back on one than it took.

    Whatever is left over (cash rounding paid less than the lines) goes back as cash.
    """
    parts: list[tuple[PaymentMethod, int]] = []
    left = amount
    for method in REFUND_ORDER:
        room = paid.get(method, 0) - refunded.get(method, 0)
        take = min(room, left)
        if take > 0:
            parts.append((method, take))
            left -= take
    if left > 0:
        parts.append((PaymentMethod.CASH, left))
    return parts
