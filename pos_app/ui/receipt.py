"""The receipt on screen after a sale or from an order: preview, the till's receipt printer, a
system printer, PDF; Enter closes it (after a sale: the next sale starts)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QMarginsF, QSizeF, Qt
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
from pos_app.domain.receipt import ReceiptKind, build_receipt
from pos_app.domain.records import OrderDetail
from pos_app.domain.settings import StoreSettings
from pos_app.store.files import replacing
from pos_app.ui.checkout_style import apply_till_style, set_role, show_message
from pos_app.ui.receipt_page import RECEIPT_WIDTH_MM, fit_page, paint_slip, receipt_document
from pos_app.viewmodels.money_text import money
from pos_app.viewmodels.receipt import ReceiptPrinting

_TITLES = {  # translated when shown (context "ReceiptDialog")
    ReceiptKind.SALE: str(QT_TRANSLATE_NOOP("ReceiptDialog", "Receipt {0}")),
    ReceiptKind.COPY: str(QT_TRANSLATE_NOOP("ReceiptDialog", "Receipt (copy) {0}")),
    ReceiptKind.GIFT: str(QT_TRANSLATE_NOOP("ReceiptDialog", "Gift receipt {0}")),
}


def _setup_page(printer: QPrinter) -> None:
    printer.setPageSize(QPageSize(QSizeF(RECEIPT_WIDTH_MM, 200), QPageSize.Unit.Millimeter, "Receipt"))
    printer.setPageMargins(QMarginsF(4, 4, 4, 4), QPageLayout.Unit.Millimeter)


def save_pdf(
    document: QTextDocument,
    path: Path,
    page_setup: Callable[[QPrinter], None] | None = None,
    what: str = "the receipt",
    paint: Callable[[QPrinter, QTextDocument], None] | None = None,
    *,
    force: bool = True,
    protect: tuple[Path, ...] = (),
) -> None:
    """Into a private temporary file renamed into place: never over a database (the save dialog
    has already asked before replacing another file; the command line asks for --force), never
    half-written."""
    with replacing(path, force=force, protect=protect, what=what) as temp:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(temp))
        (page_setup or _setup_page)(printer)
        if paint is None:
            document.print_(printer)
        else:
            paint(printer, document)
        if temp.stat().st_size == 0:  # QPrinter reports a failed write only by not writing
            raise OSError(f"nothing was written to {path}")


def save_receipt_pdf(
    document: QTextDocument, path: Path, *, force: bool = True, protect: tuple[Path, ...] = ()
) -> None:
    """The receipt as one slip-shaped PDF page, however long it is."""
    save_pdf(
        document,
        path,
        lambda printer: fit_page(printer, document),
        paint=paint_slip,
        force=force,
        protect=protect,
    )


class ReceiptDialog(QDialog):
    def __init__(
        self,
        order: OrderDetail,
        settings: StoreSettings,
        parent: QWidget | None = None,
        *,
        kind: ReceiptKind = ReceiptKind.SALE,
        printing: ReceiptPrinting | None = None,
    ):
        super().__init__(parent)
        self.order = order
        self.settings = settings
        self.first_kind = kind
        self.kind = kind
        self.receipt = build_receipt(order, settings, kind)
        self.document = receipt_document(self.receipt)
        self.document.setParent(self)
        self.printing = printing
        title = self.tr(_TITLES[kind]).format(order.number)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        apply_till_style(self)
        self.resize(520, 720)

        if kind is ReceiptKind.GIFT:
            text = self.tr("Gift receipt: no prices")
        elif order.awaiting_payment:
            text = self.tr("To pay at the counter: {amount}").format(
                amount=money(order.balance_due, order.currency)
            )
        elif order.change_given and kind is ReceiptKind.SALE:
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
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Receipt message"))
        show_message(self.status, "", error=False)
        self.till_button = QPushButton(self.tr("Receipt printer  (F5)"))
        self.till_button.setVisible(printing is not None and printing.configured)
        self.gift_button = QPushButton(self.tr("Gift receipt  (F6)"))
        self.gift_button.setCheckable(True)
        self.gift_button.setChecked(kind is ReceiptKind.GIFT)
        self.gift_button.setToolTip(self.tr("The same receipt without prices, to go with a present"))
        self.print_button = QPushButton(self.tr("Print…  (Ctrl+P)"))
        self.pdf_button = QPushButton(self.tr("Save as PDF…  (Ctrl+S)"))
        sale = kind is ReceiptKind.SALE
        self.next_button = QPushButton(self.tr("Next sale  (Enter)") if sale else self.tr("Close  (Enter)"))
        set_role(self.next_button, "go")
        for button, name in (
            (self.till_button, self.tr("Print on the receipt printer")),
            (self.gift_button, self.tr("Gift receipt")),
            (self.print_button, self.tr("Print receipt")),
            (self.pdf_button, self.tr("Save receipt as PDF")),
            (self.next_button, self.tr("Next sale") if sale else self.tr("Close")),
        ):
            button.setAccessibleName(name)
            button.setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.till_button)
        buttons.addWidget(self.gift_button)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.pdf_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 18, 18, 18)
        layout.addWidget(self.change)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        layout.addWidget(self.next_button)

        self.till_button.clicked.connect(self.print_on_till)
        self.gift_button.toggled.connect(self.show_gift)
        self.print_button.clicked.connect(self.print_receipt)
        self.pdf_button.clicked.connect(self.ask_pdf)
        self.next_button.clicked.connect(self.accept)
        if printing is not None:
            # Bound methods: Qt lets go of them with this window, and a print still under way
            # when the window closes (the next sale started) answers nobody.
            printing.printed.connect(self._printed)
            printing.failed.connect(self._printer_failed)
            printing.busy_changed.connect(self._printer_busy)
        self.next_button.setFocus()

    def show_gift(self, gift: bool) -> None:
        """Switch between the receipt and its gift version (same order, no prices)."""
        kind = ReceiptKind.GIFT if gift else self.first_kind
        if kind is ReceiptKind.GIFT and self.first_kind is ReceiptKind.GIFT and not gift:
            kind = ReceiptKind.COPY
        self.kind = kind
        self.receipt = build_receipt(self.order, self.settings, kind)
        document = receipt_document(self.receipt)
        document.setParent(self)
        self.preview.setDocument(document)
        self.document.deleteLater()
        self.document = document
        self.setWindowTitle(self.tr(_TITLES[kind]).format(self.order.number))

    def print_on_till(self) -> None:
        """The receipt on the till's own printer: a sale's first print opens a cash drawer."""
        if self.printing is None or not self.printing.configured or self.printing.busy:
            return
        show_message(self.status, self.tr("printing…"), error=False)
        if self.kind is ReceiptKind.SALE:
            self.printing.print_sale(self.order)
        else:
            self.printing.print_receipt(self.order, self.kind)

    def _printed(self, said: str) -> None:
        show_message(self.status, said, error=False)

    def _printer_busy(self, busy: bool) -> None:
        self.till_button.setEnabled(not busy)

    def _printer_failed(self, reason: str) -> None:
        # The sale is saved whatever the printer does: say so, and offer the other ways out.
        sentence = reason[:1].upper() + reason[1:]
        if not sentence.endswith((".", "?", "!")):
            sentence += "."
        text = self.tr("{reason} The sale is saved: print it on another printer or save it as PDF.")
        show_message(self.status, text.format(reason=sentence), error=True)
        self.print_button.setFocus()

    def print_receipt(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        _setup_page(printer)
        dialog = QPrintDialog(printer, self)
        dialog.accepted.connect(lambda: self.document.print_(printer))
        QDialog.open(dialog)  # QPrintDialog hides the plain open() behind an overload

    def ask_pdf(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save receipt as PDF"), f"receipt-{self.order.number}.pdf", self.tr("PDF (*.pdf)")
        )
        if name:
            self.save_pdf(Path(name))

    def save_pdf(self, path: Path) -> None:
        try:
            save_receipt_pdf(self.document, path)
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
        elif key == Qt.Key.Key_F5:
            self.print_on_till()
        elif key == Qt.Key.Key_F6:
            self.gift_button.toggle()
        elif ctrl and key == Qt.Key.Key_P:
            self.print_receipt()
        elif ctrl and key == Qt.Key.Key_S:
            self.ask_pdf()
        else:
            super().keyPressEvent(event)
