"""The cash drawer screen: what the drawer holds now, and its actions — open with the float, pay
in, pay out, the X report, close with the count (the Z report follows, printed on the till's
receipt printer when there is one, or printed or saved as PDF), the last Z report, and "No
sale": the drawer opened through the receipt printer without a sale (a manager's action, or a
clerk's with a manager's approval; in the journal). Every action has a key, its underlined
letter (alone or with Alt); Esc closes the screen."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QMarginsF, QSizeF, Qt
from PySide6.QtGui import (
    QFontDatabase,
    QKeyEvent,
    QKeySequence,
    QPageLayout,
    QPageSize,
    QShortcut,
    QTextDocument,
)
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pos_app.domain.drawer import DrawerMode
from pos_app.domain.drawer_report import DrawerReport
from pos_app.domain.errors import PosError
from pos_app.domain.users import Approval
from pos_app.ui import screens
from pos_app.ui.cash_count import CloseDrawerDialog, OpenDrawerDialog
from pos_app.ui.checkout_style import apply_till_style, set_role, show_message, till_button
from pos_app.ui.number_pad import NumberPad
from pos_app.ui.receipt import save_pdf
from pos_app.viewmodels.cash_drawer import DrawerViewModel
from pos_app.viewmodels.receipt import ReceiptPrinting
from pos_app.viewmodels.session import Session


def _underlined(button: QPushButton) -> Qt.Key | None:
    """The key of the letter marked with & in the button's text ('Pay o&ut…': U)."""
    found = re.search(r"&([^&])", button.text().replace("&&", ""))
    letter = found.group(1).upper() if found else ""
    try:
        return Qt.Key(ord(letter)) if len(letter) == 1 else None
    except ValueError:  # no key of its own
        return None


class DrawerDialog(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Cash drawer — till {0}").format(session.settings.till))
        self.setAccessibleName(self.tr("Cash drawer"))
        apply_till_style(self)
        self.vm = DrawerViewModel(session, self)
        self.last_report: ReportDialog | None = None

        self.headline = QLabel()
        self.headline.setObjectName("title")
        self.headline.setWordWrap(True)
        self.headline.setAccessibleName(self.tr("Drawer status"))
        self.line = QLabel()
        self.line.setWordWrap(True)
        self.line.setAccessibleName(self.tr("Drawer message"))
        show_message(self.line, "", error=False)
        self.open_button = till_button(self.tr("&Open drawer…"), self.tr("Open the drawer"))
        self.pay_in = till_button(self.tr("Pay &in…"), self.tr("Pay cash in"))
        self.pay_out = till_button(self.tr("Pay o&ut…"), self.tr("Pay cash out"))
        self.x_button = till_button(self.tr("&X report"), self.tr("X report"))
        self.close_button = till_button(self.tr("&Close drawer…"), self.tr("Close the drawer"))
        self.z_button = till_button(self.tr("Last &Z report"), self.tr("Last Z report"))
        self.no_sale_button = till_button(
            self.tr("&No sale (manager)"), self.tr("Open the drawer without a sale")
        )
        self.kick = ReceiptPrinting(session, self)
        self.done_button = till_button(self.tr("Done"), self.tr("Close this screen"))
        self.drawer_buttons = (
            self.open_button,
            self.pay_in,
            self.pay_out,
            self.x_button,
            self.close_button,
            self.z_button,
            self.no_sale_button,
        )
        grid = QGridLayout()
        for n, button in enumerate(self.drawer_buttons):
            grid.addWidget(button, n // 3, n % 3)
        for column in range(3):
            grid.setColumnMinimumWidth(column, 200)
        layout = QVBoxLayout(self)
        # The window grows with its buttons: the primary one's larger type, a longer language.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        layout.setContentsMargins(20, 20, 20, 20)
        layout.setSpacing(12)
        layout.addWidget(self.headline)
        layout.addWidget(self.line)
        layout.addLayout(grid)
        layout.addWidget(self.done_button, 0, Qt.AlignmentFlag.AlignRight)

        self.open_button.clicked.connect(self.open_drawer)
        self.pay_in.clicked.connect(lambda: self.pay(into=True))
        self.pay_out.clicked.connect(lambda: self.pay(into=False))
        self.x_button.clicked.connect(self.vm.x_report)
        self.close_button.clicked.connect(self.close_drawer)
        self.z_button.clicked.connect(lambda: self.vm.z_report())
        self.done_button.clicked.connect(self.accept)
        self.no_sale_button.clicked.connect(self.no_sale)
        self.kick.printed.connect(lambda text: show_message(self.line, text, error=False))
        self.kick.failed.connect(lambda text: show_message(self.line, text, error=True))
        self.kick.override_needed.connect(self._no_sale_approval)
        self.vm.status_changed.connect(self._show_status)
        self.vm.message.connect(self._message)
        self.vm.done.connect(lambda text: show_message(self.line, text, error=False))
        self.vm.report_ready.connect(self.show_report)
        self.vm.closed.connect(self._closed_here)
        self._just_closed = ""  # its Z report goes to the receipt printer as it is shown
        self._busy_with: QDialog | None = None
        # A letter alone presses the button it is underlined in (O, I, U, X, C, Z, N in English),
        # so the keys follow the till's language.
        self.keys: dict[Qt.Key | None, QPushButton] = {
            _underlined(button): button for button in self.drawer_buttons
        }
        self._show_status()
        self.vm.load()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        button = self.keys.get(Qt.Key(event.key()))
        if button is not None and button.isEnabled():
            button.click()
            return
        super().keyPressEvent(event)

    def _show_status(self) -> None:
        self.headline.setText(self.vm.headline())
        status = self.vm.status
        is_open = self.vm.is_open
        takes_cash = status is not None and status.mode is not DrawerMode.CARD_ONLY
        self.open_button.setEnabled(status is not None and not is_open)
        self.pay_in.setEnabled(is_open and takes_cash)
        self.pay_out.setEnabled(is_open and takes_cash)
        self.x_button.setEnabled(is_open)
        self.close_button.setEnabled(is_open)
        self.z_button.setEnabled(status is not None and status.last_closed is not None)
        printer = self.session.settings.printer
        self.no_sale_button.setEnabled(printer.configured)
        self.no_sale_button.setToolTip(
            self.tr("Open the drawer without a sale; a clerk needs a manager's approval")
            if printer.configured
            else self.tr("The drawer opens through the receipt printer: set one up in Settings")
        )
        # The action the drawer calls for now stands out: open when it is closed, else close.
        for button, primary in ((self.open_button, not is_open), (self.close_button, is_open)):
            set_role(button, "go" if primary else "")
            button.style().unpolish(button)
            button.style().polish(button)
        focus = self.close_button if is_open else self.open_button
        if focus.isEnabled() and self._busy_with is None:
            focus.setFocus()

    def _message(self, text: str) -> None:
        if self._busy_with is None:  # a screen opened from here shows its own refusals
            show_message(self.line, text, error=True)

    def _sub(self, dialog: QDialog) -> int:
        self._busy_with = dialog
        try:
            return dialog.exec()
        finally:
            self._busy_with = None
            dialog.deleteLater()

    def open_drawer(self) -> None:
        self._sub(OpenDrawerDialog(self.vm, self))

    def no_sale(self) -> None:
        """Open the drawer with no sale: a manager at once; a clerk is asked for an approval."""
        self.kick.open_drawer()

    def _no_sale_approval(self, reason: str) -> None:
        approval = screens.ask_override(self.session, reason, self)
        if approval is None:
            show_message(self.line, self.tr("the drawer stays shut: no manager approved it"), error=True)
            return
        self.kick.open_drawer(approval)

    def close_drawer(self) -> None:
        self._sub(CloseDrawerDialog(self.vm, self))

    def pay(self, *, into: bool) -> None:
        self._sub(PayDialog(self.vm, into, self))

    def _closed_here(self, label: str) -> None:
        self._just_closed = label

    def show_report(self, found: tuple[str, list[str], DrawerReport]) -> None:
        title, lines, report = found
        print_now = report.kind == "Z" and report.label == self._just_closed
        self._just_closed = ""
        dialog = ReportDialog(title, lines, self, report=report, printing=self.kick, print_now=print_now)
        self.last_report = dialog
        dialog.exec()
        dialog.deleteLater()
        self.last_report = None


class PayDialog(QDialog):
    """Cash into or out of the drawer: how much, and why (a manager over the pay-out limit)."""

    def __init__(self, vm: DrawerViewModel, into: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vm = vm
        self.into = into
        title = self.tr("Pay cash in") if into else self.tr("Pay cash out")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        apply_till_style(self)
        self.setMinimumWidth(720)
        self.amount = QLineEdit()
        self.amount.setAccessibleName(self.tr("Amount"))
        self.amount.setPlaceholderText("0.00")
        self.reason = QLineEdit()
        self.reason.setAccessibleName(self.tr("Reason"))
        self.reason.setMaxLength(200)
        self.reason.setPlaceholderText(
            self.tr("change from the bank") if into else self.tr("supplier paid, bank drop, …")
        )
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setAccessibleName(self.tr("Pay message"))
        show_message(self.error, "", error=True)
        self.go = till_button(self.tr("Pay &in") if into else self.tr("Pay &out"), title, "go")
        self.cancel = till_button(self.tr("Cancel"), self.tr("Cancel"))
        form = QFormLayout()
        form.addRow(self.tr("&Amount ({0})").format(vm.currency), self.amount)
        form.addRow(self.tr("&Reason"), self.reason)
        # The usual reasons a tap away (a touch till has no keyboard for them).
        usual = (
            (self.tr("Change from the bank"), self.tr("Float top-up"))
            if into
            else (self.tr("Bank drop"), self.tr("Supplier paid"), self.tr("Petty cash"))
        )
        self.reason_buttons = []
        reasons = QGridLayout()
        reasons.setSpacing(6)
        for n, text in enumerate(usual):
            button = till_button(text, self.tr("Reason: {0}").format(text))
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, t=text: self._reason(t))
            reasons.addWidget(button, n // 2, n % 2)
            self.reason_buttons.append(button)
        left = QVBoxLayout()
        left.addLayout(form)
        left.addLayout(reasons)
        left.addStretch(1)
        self.pad = NumberPad(self.amount)  # touch: the amount; the reason is typed or tapped
        self.pad.setMinimumSize(4 * 68, 4 * 54)
        entry = QHBoxLayout()
        entry.setSpacing(16)
        entry.addLayout(left, 1)
        entry.addWidget(self.pad)
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel)
        buttons.addWidget(self.go, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 20, 20, 20)
        layout.addLayout(entry)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.amount.returnPressed.connect(self.reason.setFocus)
        self.reason.returnPressed.connect(self.submit)
        self.go.clicked.connect(self.submit)
        self.cancel.clicked.connect(self.reject)
        vm.message.connect(self._refused)
        vm.done.connect(self._done)
        vm.override_needed.connect(self._override)
        self.finished.connect(self._detach)
        self.amount.setFocus()

    def _reason(self, text: str) -> None:
        self.reason.setText(text)
        (self.amount if not self.amount.text() else self.go).setFocus()

    def submit(self) -> None:
        show_message(self.error, "", error=True)
        self.vm.pay(self.into, self.amount.text(), self.reason.text())

    def _refused(self, text: str) -> None:
        show_message(self.error, text, error=True)

    def _done(self, _text: str) -> None:
        self.accept()

    def _override(self, reason: str) -> None:
        from pos_app.ui import screens

        approval: Approval | None = screens.ask_override(self.vm.session, reason, self)
        if approval is None:
            show_message(self.error, reason[:1].upper() + reason[1:], error=True)
            return
        self.vm.approve(approval)

    def _detach(self, _result: int) -> None:
        self.vm.message.disconnect(self._refused)
        self.vm.done.disconnect(self._done)
        self.vm.override_needed.disconnect(self._override)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter belongs to the fields (next field / pay), never to a default button.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.focusWidget() is not self.go:
            return
        super().keyPressEvent(event)


class ReportDialog(QDialog):
    """An X or Z report on screen, as it prints; F5 prints it on the till's receipt printer
    (when it has one), Ctrl+P on a system printer, Ctrl+S saves it as PDF. `print_now`: the
    session was just closed, its Z report goes to the receipt printer at once."""

    def __init__(
        self,
        title: str,
        lines: list[str],
        parent: QWidget | None = None,
        *,
        report: DrawerReport | None = None,
        printing: ReceiptPrinting | None = None,
        print_now: bool = False,
    ) -> None:
        super().__init__(parent)
        self.title = title
        self.report = report
        self.printing = (
            printing if report is not None and printing is not None and printing.configured else None
        )
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        fixed = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self.text = QPlainTextEdit("\n".join(lines))
        self.text.setReadOnly(True)
        self.text.setAccessibleName(self.tr("Report"))
        self.text.setFont(fixed)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        metrics = self.text.fontMetrics()
        self.text.setMinimumWidth(metrics.horizontalAdvance("M" * 50) + 40)
        self.text.setMinimumHeight(min(560, metrics.lineSpacing() * 36))
        self.resize(620, 680)  # the stylesheet's type is larger than the metrics above: room for it
        self.status = QLabel()
        self.status.setAccessibleName(self.tr("Report message"))
        self.status.setWordWrap(True)
        show_message(self.status, "", error=False)
        self.till_button = till_button(
            self.tr("Receipt printer  (F5)"), self.tr("Print on the receipt printer")
        )
        self.till_button.setMinimumHeight(44)
        self.till_button.setVisible(self.printing is not None)
        self.print_button = till_button(self.tr("&Print…"), self.tr("Print the report"))
        self.pdf_button = till_button(self.tr("Save as P&DF…"), self.tr("Save the report as PDF"))
        close = till_button(self.tr("Close"), self.tr("Close the report"))
        self.till_button.clicked.connect(self.print_on_till)
        self.print_button.clicked.connect(self.print_report)
        self.pdf_button.clicked.connect(self.ask_pdf)
        close.clicked.connect(self.accept)
        QShortcut(QKeySequence("Ctrl+W"), self, self.accept)
        QShortcut(QKeySequence("Ctrl+P"), self, self.print_report)
        QShortcut(QKeySequence("Ctrl+S"), self, self.ask_pdf)
        QShortcut(QKeySequence(Qt.Key.Key_F5), self, self.print_on_till)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.till_button, self.print_button, self.pdf_button, close):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        if self.printing is not None:
            # Bound methods: Qt lets go of them with this window; the printing outlives it.
            self.printing.printed.connect(self._printed)
            self.printing.failed.connect(self._printer_failed)
            self.printing.busy_changed.connect(self._printer_busy)
            if print_now:
                self.print_on_till()
        self.text.setFocus()  # arrows and Page Up/Down scroll; Esc closes

    def print_on_till(self) -> None:
        """The report on the till's receipt printer: only output, the report stays as it is."""
        if self.printing is None or self.report is None or self.printing.busy:
            return
        show_message(self.status, self.tr("printing on the receipt printer…"), error=False)
        self.printing.print_report(self.report)

    def _printed(self, said: str) -> None:
        show_message(self.status, said, error=False)

    def _printer_failed(self, reason: str) -> None:
        reason = reason[:1].upper() + reason[1:]
        if not reason.endswith((".", "?", "!")):
            reason += "."
        text = self.tr("{reason} Print it on another printer or save it as PDF.")
        show_message(self.status, text.format(reason=reason), error=True)

    def _printer_busy(self, busy: bool) -> None:
        self.till_button.setEnabled(not busy)

    def document(self) -> QTextDocument:
        document = QTextDocument()
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(7.5)  # 48 characters across an 80 mm roll
        document.setDefaultFont(font)
        document.setPlainText(self.text.toPlainText())
        return document

    def print_report(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        _roll(printer)
        dialog = QPrintDialog(printer, self)
        document = self.document()
        dialog.accepted.connect(lambda: document.print_(printer))
        QDialog.open(dialog)  # QPrintDialog hides the plain open() behind an overload

    def ask_pdf(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the {0} as PDF").format(self.title),
            f"{self.title.replace(' ', '-')}.pdf",
            self.tr("PDF (*.pdf)"),
        )
        if name:
            self.save_pdf(Path(name))

    def save_pdf(self, path: Path) -> None:
        """Into a private temporary file renamed into place, never half-written."""
        try:
            save_pdf(self.document(), path, _roll, "the report")
        except PosError as exc:
            show_message(self.status, exc.message, error=True)
            return
        except OSError:
            show_message(
                self.status, self.tr("could not save {0}: check the folder").format(path), error=True
            )
            return
        show_message(self.status, self.tr("saved {0}").format(path.name), error=False)


def _roll(printer: QPrinter) -> None:
    """An 80 mm till roll, as the report is laid out for."""
    printer.setPageSize(QPageSize(QSizeF(80, 297), QPageSize.Unit.Millimeter, "Till roll"))
    printer.setPageMargins(QMarginsF(4, 4, 4, 4), QPageLayout.Unit.Millimeter)
