"""The small questions the sale screen asks: a quantity, a discount, a label to park under, a
confirmation to void. Each stays open, with the reason shown, until its answer is accepted."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from pos_app.domain.formatting import editable_amount
from pos_app.ui.small_dialogs import EntryDialog
from pos_app.viewmodels.checkout import CheckoutViewModel


def quantity(vm: CheckoutViewModel, row: int, parent: QWidget) -> EntryDialog:
    line = vm.lines.row_at(row)
    return EntryDialog(
        QCoreApplication.translate("SaleDialogs", "Quantity"),
        QCoreApplication.translate("SaleDialogs", "How many {name}?").format(name=line.name),
        lambda text: "" if vm.set_qty_text(row, text) else vm.message_text,
        parent,
        text=str(line.qty),
        pad=(),
    )


def line_discount(vm: CheckoutViewModel, row: int, parent: QWidget) -> EntryDialog:
    name = vm.lines.row_at(row).name
    return EntryDialog(
        QCoreApplication.translate("SaleDialogs", "Line discount"),
        QCoreApplication.translate(
            "SaleDialogs", "Discount on {name}: type 10% or an amount such as {amount} (0 removes it)."
        ).format(name=name, amount=editable_amount(150, vm.currency)),
        lambda text: "" if vm.set_line_discount(row, text) else vm.message_text,
        parent,
        pad=(".", "%"),
    )


def order_discount(vm: CheckoutViewModel, parent: QWidget) -> EntryDialog:
    return EntryDialog(
        QCoreApplication.translate("SaleDialogs", "Sale discount"),
        QCoreApplication.translate(
            "SaleDialogs",
            "Discount on the whole sale: type 10% or an amount such as {amount} (0 removes it).",
        ).format(amount=editable_amount(500, vm.currency)),
        lambda text: "" if vm.set_order_discount(text) else vm.message_text,
        parent,
        pad=(".", "%"),
    )


def park(vm: CheckoutViewModel, parent: QWidget) -> EntryDialog:
    return EntryDialog(
        QCoreApplication.translate("SaleDialogs", "Park sale"),
        QCoreApplication.translate(
            "SaleDialogs", "A label to find this sale again (e.g. the customer's name):"
        ),
        lambda text: "" if vm.park(text) else vm.message_text,
        parent,
        text=vm.cart.customer or "",
    )


def void(vm: CheckoutViewModel, parent: QWidget) -> EntryDialog:
    word = QCoreApplication.translate(
        "SaleDialogs", "VOID"
    )  # the word typed to confirm, in the till's language (VOID works too)

    def apply(text: str) -> str:
        if text.strip().upper() not in (word.upper(), "VOID"):
            return QCoreApplication.translate(
                "SaleDialogs", "type {word} to void the sale, or Cancel to keep it"
            ).format(word=word)
        vm.clear()
        return ""

    button = QCoreApplication.translate("SaleDialogs", "Void sale")
    return EntryDialog(
        button,
        QCoreApplication.translate(
            "SaleDialogs",
            "Void this sale and empty the cart? Tap “{button}”, or type {word} and press Enter.",
        ).format(button=button, word=word),
        apply,
        parent,
        ok=(button, word),
    )
