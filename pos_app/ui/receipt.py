"""The receipt after a sale: preview, print, save as PDF; Enter starts the next sale."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QMarginsF, QSizeF, Qt
from PySide6.QtGui import QKeyEvent, QPageLayout, QPageSize, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from pos_app.domain.errors import PosError
from pos_app.domain.records import OrderDetail
from pos_app.domain.settings import StoreSettings
from pos_app.store.files import replacing
from pos_app.ui.checkout_style import apply_till_style, set_role, show_message
from pos_app.viewmodels.money_text import money
from pos_app.viewmodels.receipt import receipt_html

RECEIPT_WIDTH_MM = 80  # a till roll; the PDF uses the same width so it looks like the slip


def receipt_document(order: OrderDetail, settings: StoreSettings) -> QTextDocument:
    document = QTextDocument()
    document.setHtml(receipt_html(order, settings))
    return document


def _setup_page(printer: QPrinter) -> None:
    printer.setPageSize(QPageSize(QSizeF(RECEIPT_WIDTH_MM, 200), QPageSize.Unit.Millimeter, "Receipt"))
    printer.setPageMargins(QMarginsF(4, 4, 4, 4), QPageLayout.Unit.Millimeter)


def save_pdf(
    document: QTextDocument,
    path: Path,
    page_setup: Callable[[QPrinter], None] | None = None,
    what: str = "the receipt",
) -> None:
    """Into a private temporary file renamed into place: never over a database (the save dialog
    has already asked before replacing another file), never half-written."""
    with replacing(path, force=True, what=what) as temp:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(temp))
        (page_setup or _setup_page)(printer)
        document.print_(printer)
        if temp.stat().st_size == 0:  # QPrinter reports a failed write only by not writing
            raise OSError(f"nothing was written to {path}")


class ReceiptDialog(QDialog):
    def __init__(self, order: OrderDetail, settings: StoreSettings, parent: QWidget | None = None):
        super().__init__(parent)
        self.order = order
        self.document = receipt_document(order, settings)
        self.document.setParent(self)
        self.setWindowTitle(self.tr("Receipt {0}").format(order.number))
        self.setAccessibleName(self.tr("Receipt {0}").format(order.number))
        apply_till_style(self)
        self.resize(520, 720)

        if order.awaiting_payment:
            text = self.tr("To pay at the counter: {amount}").format(
                amount=money(order.balance_due, order.currency)
            )
        elif order.change_given:
            text = self.tr("Change {amount}").format(amount=money(order.change_given, order.currency))
        else:
            text = self.tr("Paid in full")
        self.change = QLabel(text)
        self.change.setObjectName("changeValue")
        self.change.setAccessibleName(self.tr("Change to give"))
        self.preview = QTextBrowser()
        self.preview.setDocument(self.document)
        self.preview.setAccessibleName(self.tr("Receipt preview"))
        self.status = QLabel()
        show_message(self.status, "", error=False)
        self.print_button = QPushButton(self.tr("Print…  (Ctrl+P)"))
        self.pdf_button = QPushButton(self.tr("Save as PDF…  (Ctrl+S)"))
        self.next_button = QPushButton(self.tr("Next sale  (Enter)"))
        set_role(self.next_button, "go")
        for button, name in (
            (self.print_button, self.tr("Print receipt")),
            (self.pdf_button, self.tr("Save receipt as PDF")),
            (self.next_button, self.tr("Next sale")),
        ):
            button.setAccessibleName(name)
            button.setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.pdf_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 18, 18, 18)
        layout.addWidget(self.change)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        layout.addWidget(self.next_button)

        self.print_button.clicked.connect(self.print_receipt)
        self.pdf_button.clicked.connect(self.ask_pdf)
        self.next_button.clicked.connect(self.accept)
        self.next_button.setFocus()

    def print_receipt(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        _setup_page(printer)
        dialog = QPrintDialog(printer, self)
        dialog.accepted.connect(lambda: self.document.print_(printer))
        QDialog.open(dialog)  # QPrintDialog hides the plain open() behind an overload

    def ask_pdf(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save receipt as PDF"), f"receipt-{self.order.number}.pdf", "PDF (*.pdf)"
        )
        if name:
            self.save_pdf(Path(name))

    def save_pdf(self, path: Path) -> None:
        try:
            save_pdf(self.document, path)
        except PosError as exc:
            show_message(self.status, exc.message, error=True)
            return
        except OSError:
            show_message(
                self.status, self.tr("could not save {0}: check the folder").format(path), error=True
            )
            return
        show_message(self.status, self.tr("saved {0}").format(path.name), error=False)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, ctrl = event.key(), event.modifiers() & Qt.KeyboardModifier.ControlModifier
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.accept()
        elif ctrl and key == Qt.Key.Key_P:
            self.print_receipt()
        elif ctrl and key == Qt.Key.Key_S:
            self.ask_pdf()
        else:
            super().keyPressEvent(event)
