"""The receipt drawn by Qt: one slip-shaped PDF page however long the sale, the order number's
bars drawn as Code 128, and the page as a picture for the docs (docs/screenshots/receipt.png
and receipt_gift.png with `make screenshots`), and the saved PDF itself read back by Qt's PDF
reader and turned into a picture (docs/screenshots/receipt_pdf.png)."""

from __future__ import annotations

import os
import re
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtPdf import QPdfDocument

from pos_app.domain.cart import CartLine
from pos_app.domain.pricing import Discount, DiscountKind
from pos_app.domain.receipt import ReceiptKind, build_receipt
from pos_app.domain.users import Actor
from pos_app.printing.barcode import code128_modules
from pos_app.services import Services
from pos_app.ui.receipt import save_receipt_pdf
from pos_app.ui.receipt_page import barcode_image, receipt_document, slip_image
from tests.helpers import sell
from tests.ui.shots import SHOTS, SHOTS_ENV


def _sale(services: Services, manager: Actor, clerk: Actor):  # type: ignore[no-untyped-def]
    services.settings.update(
        manager,
        {
            "store_name": "Corner Gift Shop",
            "store_address": "1 High Street, Leeds LS1 4AB",
            "receipt_footer": "Thank you for shopping with us\nReturns within 28 days with this receipt",
        },
    )
    services.catalog.add_product(
        manager, "TOWELS", "Set of Two Linen Tea Towels, Hand-Printed in Yorkshire", 895, 2000
    )
    lines = (
        CartLine("MUG", 2, Discount(DiscountKind.PERCENT, 1000)),
        CartLine("TOWELS", 1),
        CartLine("TEA", 3),
        CartLine("CARD", 1),
    )
    return sell(services, clerk, lines=lines, cash=5000)


def test_the_pdf_is_one_slip_however_long_the_sale(
    qapp: object, services: Services, manager: Actor, clerk: Actor, tmp_path: Path
) -> None:
    order = _sale(services, manager, clerk)
    document = receipt_document(build_receipt(order, services.settings.current()))
    target = tmp_path / "receipt.pdf"
    save_receipt_pdf(document, target)
    pdf = target.read_bytes()
    assert pdf.startswith(b"%PDF") and re.search(rb"/Count 1\b", pdf)
    [box] = re.findall(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", pdf)
    width_mm, height_mm = (float(x) / 72 * 25.4 for x in box)
    assert round(width_mm) == 80 and height_mm > 150  # the roll's width, as long as the sale


def test_the_bars_are_the_order_numbers_code_128(qapp: object) -> None:
    image = barcode_image("T1-000042")
    row = "".join(
        "1" if image.pixelColor(x, 5) == QColor("black") else "0" for x in range(0, image.width(), 2)
    )
    assert row.strip("0") == code128_modules("T1-000042").strip("0")


def test_the_receipt_as_a_picture(qapp: object, services: Services, manager: Actor, clerk: Actor) -> None:
    order = _sale(services, manager, clerk)
    SHOTS.mkdir(parents=True, exist_ok=True)
    for kind, name in ((ReceiptKind.SALE, "receipt.png"), (ReceiptKind.GIFT, "receipt_gift.png")):
        receipt = build_receipt(order, services.settings.current(), kind)
        document = receipt_document(receipt)
        image = slip_image(document)
        assert image.width() == 472  # 80 mm at 150 dpi
        assert image.save(str(SHOTS / name))
        text = document.toPlainText()
        assert order.number in text and ("£50.00" in text) is (kind is ReceiptKind.SALE)


def test_the_saved_pdf_as_a_picture(
    qapp: object, services: Services, manager: Actor, clerk: Actor, tmp_path: Path
) -> None:
    """What a customer opens: the PDF the app saves, read back and drawn at 150 dpi on white."""
    order = _sale(services, manager, clerk)
    target = tmp_path / "receipt.pdf"
    save_receipt_pdf(receipt_document(build_receipt(order, services.settings.current())), target)
    pdf = QPdfDocument()
    assert pdf.load(str(target)) == QPdfDocument.Error.None_ and pdf.pageCount() == 1
    points = pdf.pagePointSize(0)
    width_mm, height_mm = points.width() / 72 * 25.4, points.height() / 72 * 25.4
    assert round(width_mm) == 80 and height_mm > 150  # the slip: the roll's width, the sale's length
    size = QSize(472, round(472 * points.height() / points.width()))  # 80 mm at 150 dpi
    page = pdf.render(0, size)
    image = QImage(size, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)  # the page is drawn on transparency
    painter = QPainter(image)
    painter.drawImage(0, 0, page)
    painter.end()
    pdf.close()
    dark = sum(
        1
        for y in range(0, image.height(), 2)
        for x in range(0, image.width(), 2)
        if image.pixelColor(x, y).lightness() < 128
    )
    samples = (image.height() // 2) * (image.width() // 2)
    assert 0.01 * samples < dark < 0.5 * samples  # ink on paper: text and bars, mostly white
    if os.environ.get(SHOTS_ENV):
        SHOTS.mkdir(parents=True, exist_ok=True)
        assert image.save(str(SHOTS / "receipt_pdf.png"))


def test_a_german_shops_page_speaks_the_receipts_german(
    qapp: object, services: Services, manager: Actor, clerk: Actor
) -> None:
    order = _sale(services, manager, clerk)
    services.settings.update(manager, {"locale": "de_DE"})
    text = receipt_document(build_receipt(order, services.settings.current(), ReceiptKind.COPY)).toPlainText()
    for word in ("KASSENBON (KOPIE)", "*** KOPIE ***", "Zwischensumme", "SUMME", "Rückgeld", "Netto", "Bar"):
        assert word in text
    assert "Subtotal" not in text and "Change" not in text and "COPY" not in text
