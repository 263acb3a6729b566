"""The names people read for the domain's values (statuses, roles, payment methods, ...), in the
till's language: one place, so a status reads the same in the list, the detail and the filter."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from pos_app.domain.orders import Fulfilment, OrderStatus
from pos_app.domain.payments import PaymentMethod
from pos_app.domain.users import Role

_CONTEXT = "Names"
_NAMES: dict[str, object] = {
    OrderStatus.PLACED: QT_TRANSLATE_NOOP("Names", "Placed"),
    OrderStatus.PROCESSING: QT_TRANSLATE_NOOP("Names", "Processing"),
    OrderStatus.READY: QT_TRANSLATE_NOOP("Names", "Ready"),
    OrderStatus.SHIPPED: QT_TRANSLATE_NOOP("Names", "Shipped"),
    OrderStatus.DELIVERED: QT_TRANSLATE_NOOP("Names", "Delivered"),
    OrderStatus.COLLECTED: QT_TRANSLATE_NOOP("Names", "Collected"),
    OrderStatus.COMPLETED: QT_TRANSLATE_NOOP("Names", "Completed"),
    OrderStatus.CANCELLED: QT_TRANSLATE_NOOP("Names", "Cancelled"),
    OrderStatus.REFUNDED: QT_TRANSLATE_NOOP("Names", "Refunded"),
}
_ROLES: dict[str, object] = {
    Role.CUSTOMER: QT_TRANSLATE_NOOP("Names", "customer"),
    Role.CLERK: QT_TRANSLATE_NOOP("Names", "clerk"),
    Role.MANAGER: QT_TRANSLATE_NOOP("Names", "manager"),
}
_METHODS: dict[str, object] = {
    PaymentMethod.CASH: QT_TRANSLATE_NOOP("Names", "Cash"),
    PaymentMethod.CARD: QT_TRANSLATE_NOOP("Names", "Card"),
    PaymentMethod.STORE_CREDIT: QT_TRANSLATE_NOOP("Names", "Store credit"),
}
_FULFILMENTS: dict[str, object] = {
    Fulfilment.IN_STORE: QT_TRANSLATE_NOOP("Names", "in store"),
    Fulfilment.PICKUP: QT_TRANSLATE_NOOP("Names", "pickup"),
    Fulfilment.DELIVERY: QT_TRANSLATE_NOOP("Names", "delivery"),
}
_KINDS: dict[str, object] = {
    "payment": QT_TRANSLATE_NOOP("Names", "Payment"),
    "refund": QT_TRANSLATE_NOOP("Names", "Refund"),
}


def _shown(table: Mapping[str, object], value: str) -> str:
    english = table.get(value)
    return QCoreApplication.translate(_CONTEXT, str(english)) if english else value.replace("_", " ")


def status_name(status: OrderStatus | str) -> str:
    """'completed' -> 'Completed' (English), 'Abgeschlossen' (German)."""
    return _shown(_NAMES, str(status))


def role_name(role: Role | str) -> str:
    return _shown(_ROLES, str(role))


def method_name(method: PaymentMethod | str) -> str:
    """'store_credit' -> 'Store credit'; a method this version does not know, as stored."""
    return _shown(_METHODS, str(method))


def fulfilment_name(fulfilment: Fulfilment | str) -> str:
    return _shown(_FULFILMENTS, str(fulfilment))


def payment_kind_name(kind: str) -> str:
    return _shown(_KINDS, kind)
