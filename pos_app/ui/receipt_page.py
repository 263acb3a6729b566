"""The receipt drawn by Qt, from the same model the thermal printer prints: a slip-shaped page
for the screen, a PDF, a system printer or an image, with the order number's barcode."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtCore import QMarginsF, QSizeF, QUrl
from PySide6.QtGui import QColor, QImage, QPageLayout, QPageSize, QPainter, QTextDocument
from PySide6.QtPrintSupport import QPrinter

from pos_app.domain.receipt import Receipt, ReceiptKind, percent_text, receipt_time, unit_price_text
from pos_app.printing.barcode import code128_modules
from pos_app.viewmodels.money_text import money

RECEIPT_WIDTH_MM = 80  # a till roll; the PDF uses the same width so it looks like the slip
MARGIN_MM = 4
BARCODE_URL = QUrl("receipt:barcode")
_SCREEN_DPI = 96.0  # the document's own unit: one pixel at 96 per inch
_BAR = 2  # pixels per barcode module in the document's units


def barcode_image(code: str, height: int = 56) -> QImage:
    modules = code128_modules(code)
    quiet = 10
    image = QImage((len(modules) + 2 * quiet) * _BAR, height, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    for n, bit in enumerate(modules):
        if bit == "1":
            painter.fillRect((quiet + n) * _BAR, 0, _BAR, height, QColor("black"))
    painter.end()
    return image


def _row(left: str, right: str = "", *, bold: bool = False, indent: bool = False) -> str:
    if bold:
        left, right = f"<b>{left}</b>", f"<b>{right}</b>"
    pad = "&nbsp;&nbsp;&nbsp;" if indent else ""
    if not right:  # the whole width: a gift receipt's line, a quantity or discount note
        return f'<tr><td colspan="2">{pad}{left}</td></tr>'
    return f'<tr><td>{pad}{left}</td><td align="right">{right}</td></tr>'


def receipt_html(r: Receipt) -> str:
    """The receipt in the HTML subset QTextDocument renders; every amount from the model."""

    def m(amount: int) -> str:
        return escape(money(amount, r.currency))

    w = r.words
    copy = f'<p align="center"><b>{escape(w.copy_banner)}</b></p>' if r.kind is ReceiptKind.COPY else ""
    parts = [
        "<html><body style=\"font-family:'DejaVu Sans',sans-serif; font-size:9pt\">",
        copy,
        f'<p align="center"><span style="font-size:14pt"><b>{escape(r.store_name)}</b></span>',
        *(f"<br>{escape(line)}" for line in r.address),
        f'</p><p align="center"><b>{escape(r.title)}</b></p>',
        '<table width="100%" cellspacing="0" cellpadding="1">',
        _row(escape(w.order), escape(r.number)),
        _row(escape(w.date), escape(receipt_time(r.created_at))),
        _row(escape(w.till), escape(r.till)),
    ]
    if r.clerk:
        parts.append(_row(escape(w.served_by), escape(r.clerk)))
    parts.append('<tr><td colspan="2"><hr></td></tr>')
    for line in r.lines:
        if r.gift:
            parts.append(_row(f"{escape(line.quantity)} × {escape(line.name)}"))
            continue
        parts.append(_row(escape(line.name), m(line.listed)))
        if line.several:
            parts.append(_row(escape(line.quantity + unit_price_text(line, m(line.unit_price))), indent=True))
        if line.discount:
            parts.append(_row(escape(w.discount), m(-line.discount), indent=True))
        if line.returned:
            parts.append(_row(escape(w.returned.format(qty=line.returned)), indent=True))
    parts.append('<tr><td colspan="2"><hr></td></tr>')
    if not r.gift:
        parts += _totals(r, m)
    parts.append("</table>")
    if not r.gift:
        parts.append(_taxes(r, m))
        if r.customer:
            parts.append(f"<p>{escape(w.customer.format(name=r.customer))}</p>")
        if r.delivery:
            parts.append(f"<p>{escape(r.delivery)}</p>")
    parts.append(
        f'<p align="center"><img src="{BARCODE_URL.toString()}"><br>'
        f'<span style="font-size:8pt">{escape(r.barcode)}</span></p>'
    )
    if r.journal and not r.gift:
        # The sale's place in the hash chain: the day's last receipt anchors the day's journal.
        journal = escape(w.journal.format(hash=r.journal))
        parts.append(f'<p align="center" style="font-size:8pt">{journal}</p>')
    if r.footer:
        parts.append('<p align="center">' + "<br>".join(escape(x) for x in r.footer) + "</p>")
    parts += [copy, "</body></html>"]
    return "\n".join(p for p in parts if p)


def _totals(r: Receipt, m: Callable[[int], str]) -> list[str]:
    w = r.words
    rows = [_row(escape(w.subtotal), m(r.subtotal))]
    if r.discount:
        rows.append(_row(escape(w.discounts), m(-r.discount)))
    if not r.prices_include_tax:
        rows.append(_row(escape(w.tax), m(r.tax)))
    rows.append(
        f'<tr style="font-size:12pt"><td><b>{escape(w.total)}</b></td>'
        f'<td align="right"><b>{m(r.total)}</b></td></tr>'
    )
    if r.prices_include_tax and r.tax:
        rows.append(_row(escape(w.of_which_tax), m(r.tax)))
    if r.cash_rounding:
        rows.append(_row(escape(w.cash_rounding), m(r.cash_rounding)))
    rows += [_row(escape(p.label), m(p.amount)) for p in r.payments]
    if r.change:
        rows.append(_row(escape(w.change), m(r.change), bold=True))
    rows += [_row(escape(p.label), m(p.amount)) for p in r.refunds]
    if r.balance_due:
        rows.append(_row(escape(w.awaiting_payment), m(r.balance_due), bold=True))
    return rows


def _taxes(r: Receipt, m: Callable[[int], str]) -> str:
    w = r.words
    head = "".join(f'<td align="right"><i>{escape(h)}</i></td>' for h in (w.net, w.tax, w.gross))
    rows = [
        '<table width="100%" cellspacing="0" cellpadding="1"><tr><td colspan="4"><hr></td></tr>'
        f"<tr><td><i>{escape(w.tax)}</i></td>{head}</tr>"
    ]
    for t in r.taxes:
        cells = "".join(f'<td align="right">{m(x)}</td>' for x in (t.net, t.tax, t.gross))
        rows.append(f"<tr><td>{percent_text(t.rate_bp)}</td>{cells}</tr>")
    rows.append("</table>")
    return "".join(rows)


def receipt_document(receipt: Receipt, width_mm: float = RECEIPT_WIDTH_MM - 2 * MARGIN_MM) -> QTextDocument:
    document = QTextDocument()
    document.addResource(
        QTextDocument.ResourceType.ImageResource, BARCODE_URL, barcode_image(receipt.barcode)
    )
    document.setHtml(receipt_html(receipt))
    document.setTextWidth(width_mm / 25.4 * _SCREEN_DPI)
    return document


def fit_page(printer: QPrinter, document: QTextDocument) -> None:
    """One page as long as the slip: a roll's width, the document's height."""
    height_mm = document.size().height() / _SCREEN_DPI * 25.4 + 2 * MARGIN_MM
    size = QPageSize(QSizeF(RECEIPT_WIDTH_MM, max(height_mm, 60)), QPageSize.Unit.Millimeter, "Receipt")
    printer.setPageSize(size)
    printer.setPageMargins(QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM), QPageLayout.Unit.Millimeter)


def paint_slip(printer: QPrinter, document: QTextDocument) -> None:
    """The whole document on the printer's one page, at the printer's resolution."""
    painter = QPainter(printer)
    try:
        scale = printer.resolution() / _SCREEN_DPI
        painter.scale(scale, scale)
        document.drawContents(painter)
    finally:
        painter.end()


def slip_image(document: QTextDocument, dpi: int = 150) -> QImage:
    """The slip as a picture (documentation, tests): white, with the page's margins."""
    scale = dpi / _SCREEN_DPI
    margin = MARGIN_MM / 25.4 * dpi
    size = document.size()
    image = QImage(
        int(size.width() * scale + 2 * margin),
        int(size.height() * scale + 2 * margin),
        QImage.Format.Format_RGB32,
    )
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.translate(margin, margin)
    painter.scale(scale, scale)
    document.drawContents(painter)
    painter.end()
    return image
