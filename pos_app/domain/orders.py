"""Order statuses and the table of allowed transitions, kept as data."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from pos_app.domain.errors import InvalidTransition
from pos_app.domain.numbers import is_ascii_digits
from pos_app.domain.users import Role


class OrderStatus(StrEnum):
    PLACED = "placed"
    PROCESSING = "processing"
    READY = "ready"  # pickup orders waiting for the customer
    SHIPPED = "shipped"
    DELIVERED = "delivered"
    COLLECTED = "collected"
    COMPLETED = "completed"  # in-store sale, handed over at the till
    CANCELLED = "cancelled"
    REFUNDED = "refunded"  # everything paid has been given back


class Fulfilment(StrEnum):
    IN_STORE = "in_store"
    PICKUP = "pickup"
    DELIVERY = "delivery"


INITIAL_STATUS = {
    Fulfilment.IN_STORE: OrderStatus.COMPLETED,
    Fulfilment.PICKUP: OrderStatus.PLACED,
    Fulfilment.DELIVERY: OrderStatus.PLACED,
}

# Before these, the goods are still in the shop: shipping details can change, cancel is possible.
UNSHIPPED = frozenset({OrderStatus.PLACED, OrderStatus.PROCESSING, OrderStatus.READY})
CLOSED = frozenset({OrderStatus.CANCELLED, OrderStatus.REFUNDED})

_STAFF = frozenset({Role.CLERK, Role.MANAGER})
_ALL_FULFILMENTS = frozenset(Fulfilment)


@dataclass(frozen=True)
class Transition:
    source: OrderStatus
    target: OrderStatus
    roles: frozenset[Role]
    fulfilments: frozenset[Fulfilment] = _ALL_FULFILMENTS


S = OrderStatus
_PICKUP = frozenset({Fulfilment.PICKUP})
_DELIVERY = frozenset({Fulfilment.DELIVERY})

# The status machine. Cancelling goes through cancel (it restocks and refunds); a full refund
# moves to REFUNDED by itself. Customers may only cancel their own order before it is worked on.
TRANSITIONS: tuple[Transition, ...] = (
    Transition(S.PLACED, S.PROCESSING, _STAFF),
    Transition(S.PROCESSING, S.SHIPPED, _STAFF, _DELIVERY),
    Transition(S.SHIPPED, S.DELIVERED, _STAFF, _DELIVERY),
    Transition(S.PLACED, S.READY, _STAFF, _PICKUP),
    Transition(S.PROCESSING, S.READY, _STAFF, _PICKUP),
    Transition(S.READY, S.COLLECTED, _STAFF, _PICKUP),
    Transition(S.PLACED, S.CANCELLED, frozenset({Role.MANAGER, Role.CUSTOMER})),
    Transition(S.PROCESSING, S.CANCELLED, frozenset({Role.MANAGER})),
    Transition(S.READY, S.CANCELLED, frozenset({Role.MANAGER})),
)

_BY_PAIR = {(t.source, t.target): t for t in TRANSITIONS}


def find_transition(source: OrderStatus, target: OrderStatus, fulfilment: Fulfilment) -> Transition:
    transition = _BY_PAIR.get((source, target))
    if transition is None or fulfilment not in transition.fulfilments:
        raise InvalidTransition(
            f"an order that is {source.value} cannot become {target.value}"
            + ("" if transition is None else f" ({fulfilment.value.replace('_', ' ')} order)")
        )
    return transition


def transition_allowed(source: OrderStatus, target: OrderStatus, fulfilment: Fulfilment) -> bool:
    transition = _BY_PAIR.get((source, target))
    return transition is not None and fulfilment in transition.fulfilments


def next_statuses(source: OrderStatus, fulfilment: Fulfilment, role: Role) -> list[OrderStatus]:
    """Targets this role may move an order to by a plain status change (cancel excluded)."""
    return [
        t.target
        for t in TRANSITIONS
        if t.source is source
        and fulfilment in t.fulfilments
        and role in t.roles
        and t.target is not OrderStatus.CANCELLED
    ]


def can_refund(status: OrderStatus) -> bool:
    return status not in CLOSED


def order_number(till: str, seq: int) -> str:
    return f"{till}-{seq:06d}"


def normalize_order_number(text: str) -> str | None:
    """'t1-42' -> 'T1-000042'; None when `text` is not shaped like an order number."""
    till, sep, digits = text.strip().rpartition("-")
    # ASCII only: '²' and other scripts' digits pass isdigit() but are no order number.
    if (
        not sep
        or not till
        or not is_ascii_digits(digits, 9)
        or len(till) > 8
        or not till.replace("_", "").isalnum()
    ):
        return None
    return order_number(till.upper(), int(digits))
