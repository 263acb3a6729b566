"""Which tender gets money back on a refund: the way it was paid, cards and credit first."""

from __future__ import annotations

from pos_app.domain.payments import PaymentMethod

REFUND_ORDER = (PaymentMethod.CARD, PaymentMethod.STORE_CREDIT, PaymentMethod.CASH)


def split_refund(
    amount: int, paid: dict[PaymentMethod, int], refunded: dict[PaymentMethod, int]
) -> list[tuple[PaymentMethod, int]]:
    """Spread `amount` over the methods paid with, never more back on one than it took.

    Nothing is made up: what the methods cannot take (more than was paid) is not given back;
    callers cap `amount` at what was paid (services.orders.money_back).
    """
    parts: list[tuple[PaymentMethod, int]] = []
    left = amount
    for method in REFUND_ORDER:
        room = paid.get(method, 0) - refunded.get(method, 0)
        take = min(room, left)
        if take > 0:
            parts.append((method, take))
            left -= take
    return parts
