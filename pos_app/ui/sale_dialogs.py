"""The small questions the sale screen asks: a quantity, a discount, a label to park under, a
confirmation to void. Each stays open, with the reason shown, until its answer is accepted."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from pos_app.domain.variable_measure import SoldBy
from pos_app.ui.small_dialogs import EntryDialog
from pos_app.viewmodels.checkout import CheckoutViewModel
from pos_app.viewmodels.measure_text import kg_edit_text


def quantity(vm: CheckoutViewModel, row: int, parent: QWidget) -> EntryDialog:
    line = vm.lines.row_at(row)
    if line.measure is SoldBy.WEIGHT:
        return EntryDialog(
            parent.tr("Weight"),
            parent.tr("Weight of %1 in kg, e.g. 0.350 (or grams: 350g)?").replace("%1", line.name),
            lambda text: "" if vm.set_qty_text(row, text) else vm.message_text,
            parent,
            text=kg_edit_text(line.qty),
            pad=(".",),
        )
    return EntryDialog(
        "Quantity",
        f"How many {line.name}?",
        lambda text: "" if vm.set_qty_text(row, text) else vm.message_text,
        parent,
        text=str(line.qty),
        pad=(),
    )


def weight(vm: CheckoutViewModel, sku: str, name: str, parent: QWidget) -> EntryDialog:
    """The weight of an item sold by weight, scanned by its SKU or tapped on a quick key."""

    def apply(text: str) -> str:
        if "*" in text:
            return parent.tr("type only the weight, e.g. 0.350")
        return "" if vm.scan(f"{text.strip()}*{sku}") else vm.message_text

    return EntryDialog(
        parent.tr("Weight"),
        parent.tr("Weight of %1 in kg, e.g. 0.350 (or grams: 350g)?").replace("%1", name),
        apply,
        parent,
        pad=(".",),
    )


def line_discount(vm: CheckoutViewModel, row: int, parent: QWidget) -> EntryDialog:
    name = vm.lines.row_at(row).name
    return EntryDialog(
        "Line discount",
        f"Discount on {name}: type 10% or an amount such as 1.50 (0 removes it).",
        lambda text: "" if vm.set_line_discount(row, text) else vm.message_text,
        parent,
        pad=(".", "%"),
    )


def order_discount(vm: CheckoutViewModel, parent: QWidget) -> EntryDialog:
    return EntryDialog(
        "Sale discount",
        "Discount on the whole sale: type 10% or an amount such as 5.00 (0 removes it).",
        lambda text: "" if vm.set_order_discount(text) else vm.message_text,
        parent,
        pad=(".", "%"),
    )


def park(vm: CheckoutViewModel, parent: QWidget) -> EntryDialog:
    return EntryDialog(
        "Park sale",
        "A label to find this sale again (e.g. the customer's name):",
        lambda text: "" if vm.park(text) else vm.message_text,
        parent,
        text=vm.cart.customer or "",
    )


def void(vm: CheckoutViewModel, parent: QWidget) -> EntryDialog:
    def apply(text: str) -> str:
        if text.strip().upper() != "VOID":
            return "type VOID to void the sale, or Cancel to keep it"
        return "" if vm.clear() else vm.message_text

    return EntryDialog(
        "Void sale",
        "Void this sale and empty the cart? Tap “Void sale”, or type VOID and press Enter.",
        apply,
        parent,
        ok=("Void sale", "VOID"),
    )
