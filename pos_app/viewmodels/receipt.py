"""A placed sale as receipt HTML (the subset a QTextDocument renders), from the order and the
store's settings."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication

from pos_app.domain.formatting import local_datetime
from pos_app.domain.journal import short_hash
from pos_app.domain.orders import Fulfilment
from pos_app.domain.records import OrderDetail
from pos_app.domain.settings import StoreSettings
from pos_app.viewmodels.money_text import money
from pos_app.viewmodels.names import method_name


def local_time(utc_text: str) -> str:
    """The sale's moment on the receipt: the shop's date and time format, this till's zone."""
    return local_datetime(utc_text)


def _row(left: str, right: str, *, bold: bool = False, size: str = "") -> str:
    style = f' style="font-size:{size}"' if size else ""
    if bold:
        left, right = f"<b>{left}</b>", f"<b>{right}</b>"
    return f'<tr{style}><td>{left}</td><td align="right">{right}</td></tr>'


def receipt_html(order: OrderDetail, settings: StoreSettings) -> str:
    cur = order.currency
    receipt = QCoreApplication.translate("Receipt", "Receipt {number}")
    served = QCoreApplication.translate("Receipt", "Served by {name}")
    less = QCoreApplication.translate("Receipt", "less {amount}")

    def m(amount: int) -> str:
        return escape(money(amount, cur))

    parts = [
        "<html><body style=\"font-family:'DejaVu Sans Mono',monospace; font-size:10pt\">",
        f'<p align="center"><span style="font-size:14pt"><b>{escape(settings.store_name)}</b></span>',
    ]
    if settings.store_address:
        parts.append("<br>" + "<br>".join(escape(x.strip()) for x in settings.store_address.split(",")))
    parts.append("</p>")
    parts.append(
        f'<p align="center">{escape(receipt.format(number=order.number))}<br>'
        f"{escape(local_time(order.created_at))}<br>{escape(served.format(name=order.clerk_name))}</p>"
    )
    parts.append('<table width="100%" cellspacing="0" cellpadding="1">')
    for line in order.lines:
        parts.append(_row(f"{escape(line.name)}", m(line.unit_price * line.qty - line.discount)))
        detail = f"&nbsp;&nbsp;{line.qty} × {m(line.unit_price)}"
        if line.discount:
            detail += f" &nbsp;{escape(less.format(amount=money(line.discount, cur)))}"
        parts.append(f'<tr><td colspan="2" style="color:#555">{detail}</td></tr>')
    parts.append('<tr><td colspan="2"><hr></td></tr>')
    parts.append(_row(escape(QCoreApplication.translate("Receipt", "Subtotal")), m(order.subtotal)))
    if order.discount:
        parts.append(
            _row(escape(QCoreApplication.translate("Receipt", "You saved")), "-" + m(order.discount))
        )
    tax_label = (
        QCoreApplication.translate("Receipt", "of which tax")
        if order.prices_include_tax
        else QCoreApplication.translate("Receipt", "Tax")
    )
    parts.append(_row(escape(tax_label), m(order.tax)))
    parts.append(
        _row(escape(QCoreApplication.translate("Receipt", "TOTAL")), m(order.total), bold=True, size="13pt")
    )
    if order.cash_rounding:
        parts.append(
            _row(escape(QCoreApplication.translate("Receipt", "Cash rounding")), m(order.cash_rounding))
        )
    for pay in order.payments:
        name = escape(method_name(pay.method))
        if pay.reference:
            name += f" ({escape(pay.reference)})"
        parts.append(_row(name, m(pay.tendered if pay.method == "cash" else pay.amount)))
    if order.change_given:
        parts.append(
            _row(escape(QCoreApplication.translate("Receipt", "Change")), m(order.change_given), bold=True)
        )
    if order.awaiting_payment:
        parts.append(
            _row(
                escape(QCoreApplication.translate("Receipt", "Awaiting payment")),
                m(order.balance_due),
                bold=True,
            )
        )
    parts.append("</table>")
    if order.customer_name:
        customer = QCoreApplication.translate("Receipt", "Customer: {name}").format(name=order.customer_name)
        parts.append(f"<p>{escape(customer)}</p>")
    if order.fulfilment is not Fulfilment.IN_STORE:
        what = escape(
            QCoreApplication.translate("Receipt", "Delivery to")
            if order.fulfilment is Fulfilment.DELIVERY
            else QCoreApplication.translate("Receipt", "Collect in store")
        )
        where = escape(order.ship_to) if order.fulfilment is Fulfilment.DELIVERY else ""
        parts.append(f"<p>{what} {where}</p>")
    if order.journal_hash:
        journal = QCoreApplication.translate("Receipt", "Journal")
        # The sale's place in the hash chain: the day's last receipt anchors the day's journal.
        head = f"{journal} {short_hash(order.journal_hash)}"
        parts.append(f'<p align="center" style="font-size:8pt">{escape(head)}</p>')
    if settings.receipt_footer:
        parts.append(f'<p align="center">{escape(settings.receipt_footer)}</p>')
    parts.append("</body></html>")
    return "\n".join(parts)
