"""The small questions the sale screen asks: a quantity, a discount, a label to park under, a
confirmation to void. Each stays open, with the reason shown, until its answer is accepted."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from pos_app.domain.formatting import editable_amount
from pos_app.domain.variable_measure import SoldBy
from pos_app.ui.small_dialogs import EntryDialog
from pos_app.viewmodels.checkout import CheckoutViewModel
from pos_app.viewmodels.measure_text import kg_edit_text


def quantity(vm: CheckoutViewModel, row: int, parent: QWidget) -> EntryDialog:
    line = vm.lines.row_at(row)
    if line.measure is SoldBy.WEIGHT:
        return EntryDialog(
            QCoreApplication.translate("SaleDialogs", "Weight"),
            QCoreApplication.translate(
                "SaleDialogs", "Weight of {name} in kg, e.g. 0.350 (or grams: 350g)?"
            ).format(name=line.name),
            lambda text: "" if vm.set_qty_text(row, text) else vm.message_text,
            parent,
            text=kg_edit_text(line.qty),
            pad=(".",),
        )
    return EntryDialog(
        QCoreApplication.translate("SaleDialogs", "Quantity"),
        QCoreApplication.translate("SaleDialogs", "How many {name}?").format(name=line.name),
        lambda text: "" if vm.set_qty_text(row, text) else vm.message_text,
        parent,
        text=str(line.qty),
        pad=(),
    )


def weight(vm: CheckoutViewModel, sku: str, name: str, parent: QWidget) -> EntryDialog:
    """The weight of an item sold by weight, scanned by its SKU or tapped on a quick key."""

    def apply(text: str) -> str:
        if "*" in text:
            return QCoreApplication.translate("SaleDialogs", "type only the weight, e.g. 0.350")
        return "" if vm.scan(f"{text.strip()}*{sku}") else vm.message_text

    return EntryDialog(
        QCoreApplication.translate("SaleDialogs", "Weight"),
        QCoreApplication.translate(
            "SaleDialogs", "Weight of {name} in kg, e.g. 0.350 (or grams: 350g)?"
        ).format(name=name),
        apply,
        parent,
        pad=(".",),
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
        return "" if vm.clear() else vm.message_text

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
