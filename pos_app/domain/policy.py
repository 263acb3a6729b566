"""Who may do what: the permission policy as a table, checked by the services on every call."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from pos_app.domain.errors import PermissionDenied
from pos_app.domain.orders import UNSHIPPED, OrderStatus
from pos_app.domain.users import Actor, Role


class Action(StrEnum):
    VIEW_ORDERS = "view orders"
    CHECKOUT = "check out"
    PARK_SALE = "park a sale"
    CHANGE_STATUS = "change an order's status"
    EDIT_SHIPPING = "edit shipping details"
    ADD_NOTE = "add a note"
    CANCEL = "cancel an order"
    REFUND = "refund"
    TAKE_PAYMENT = "take a payment"
    GIVE_CREDIT = "give store credit"
    GIVE_DISCOUNT = "give a discount"
    DISCOUNT_OVER_LIMIT = "give a discount over the limit"
    MANAGE_CATALOG = "edit products"
    RECEIVE_STOCK = "receive stock"
    ADJUST_STOCK = "adjust stock"
    MANAGE_CUSTOMERS = "manage customers"
    MANAGE_USERS = "manage users"
    MANAGE_SETTINGS = "change settings"
    APPROVE_OVERRIDE = "approve an override"
    AUDIT = "verify and back up the journal"
    SYNC = "sync with the central store"
    RESOLVE_ATTENTION = "mark a flagged order as looked at"
    CASH_DRAWER = "open, count and close the cash drawer"
    CASH_OVER_LIMIT = "pay out cash or accept a drawer difference over the limit"
    OPEN_DRAWER = "open the cash drawer without a sale"
    VIEW_REPORTS = "see sales reports"


class Scope(StrEnum):
    ANY = "any order"
    UNSHIPPED = "orders not yet shipped"
    OWN = "own orders"
    OWN_UNSHIPPED = "own orders not yet shipped"


M, C, K = Role.MANAGER, Role.CLERK, Role.CUSTOMER
A = Scope

# Each action: the roles that may do it and on which orders. A role not listed may not.
POLICY: dict[Action, dict[Role, Scope]] = {
    Action.VIEW_ORDERS: {M: A.ANY, C: A.ANY, K: A.OWN},
    Action.CHECKOUT: {M: A.ANY, C: A.ANY, K: A.OWN},
    Action.PARK_SALE: {M: A.ANY, C: A.ANY},
    Action.CHANGE_STATUS: {M: A.ANY, C: A.ANY},
    Action.EDIT_SHIPPING: {M: A.ANY, C: A.UNSHIPPED, K: A.OWN_UNSHIPPED},
    Action.ADD_NOTE: {M: A.ANY, C: A.ANY, K: A.OWN},
    Action.CANCEL: {M: A.ANY, K: A.OWN_UNSHIPPED},
    Action.REFUND: {M: A.ANY},
    Action.TAKE_PAYMENT: {M: A.ANY, C: A.ANY},
    Action.GIVE_CREDIT: {M: A.ANY},
    Action.GIVE_DISCOUNT: {M: A.ANY, C: A.ANY},
    Action.DISCOUNT_OVER_LIMIT: {M: A.ANY},
    Action.MANAGE_CATALOG: {M: A.ANY},
    Action.RECEIVE_STOCK: {M: A.ANY, C: A.ANY},
    Action.ADJUST_STOCK: {M: A.ANY},
    Action.MANAGE_CUSTOMERS: {M: A.ANY, C: A.ANY},
    Action.MANAGE_USERS: {M: A.ANY},
    Action.MANAGE_SETTINGS: {M: A.ANY},
    Action.APPROVE_OVERRIDE: {M: A.ANY},
    Action.AUDIT: {M: A.ANY},
    Action.SYNC: {M: A.ANY, C: A.ANY},
    Action.RESOLVE_ATTENTION: {M: A.ANY},
    Action.CASH_DRAWER: {M: A.ANY, C: A.ANY},
    Action.CASH_OVER_LIMIT: {M: A.ANY},
    Action.OPEN_DRAWER: {M: A.ANY},
    # The shop's takings are a manager's business; a clerk has the X report of their drawer.
    Action.VIEW_REPORTS: {M: A.ANY},
}

# Actions a clerk may be let through by a manager's override at the till.
OVERRIDABLE = frozenset(
    {
        Action.CANCEL,
        Action.REFUND,
        Action.DISCOUNT_OVER_LIMIT,
        Action.EDIT_SHIPPING,
        Action.CASH_OVER_LIMIT,
        Action.OPEN_DRAWER,
    }
)


@dataclass(frozen=True)
class OrderFacts:
    """What the policy needs to know about the order an action touches."""

    customer_id: str | None
    status: OrderStatus


def denial(actor: Actor, action: Action, order: OrderFacts | None = None) -> str | None:
    """Why `actor` may not do `action` (on `order`), or None when allowed."""
    scope = POLICY[action].get(actor.role)
    if scope is None:
        return f"a {actor.role.value} may not {action.value}"
    if order is None or scope is Scope.ANY:
        return None
    own = actor.customer_id is not None and order.customer_id == actor.customer_id
    if scope in (Scope.OWN, Scope.OWN_UNSHIPPED) and not own:
        return f"a {actor.role.value} may only {action.value} on their own orders"
    if scope in (Scope.UNSHIPPED, Scope.OWN_UNSHIPPED) and order.status not in UNSHIPPED:
        return f"a {actor.role.value} may not {action.value} once an order is {order.status.value}"
    return None


def require(actor: Actor, action: Action, order: OrderFacts | None = None) -> None:
    reason = denial(actor, action, order)
    if reason is not None:
        raise PermissionDenied(reason)
