"""Counting the drawer: a field per note and coin with its line total and a running total,
and the open and close screens built on it. Tab or Enter moves from field to field."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QIntValidator, QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpacerItem,
    QVBoxLayout,
    QWidget,
)

from pos_app.domain.denominations import PIECES
from pos_app.domain.users import Approval
from pos_app.ui.checkout_style import apply_till_style, show_message, till_button
from pos_app.ui.number_pad import NumberPad
from pos_app.viewmodels.cash_drawer import CountModel, DrawerViewModel


class CountPanel(QWidget):
    """Notes on the left, coins on the right: how many of each, and what they come to."""

    def __init__(self, count: CountModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.count = count
        self.fields: list[QLineEdit] = []
        self.line_totals: list[QLabel] = []
        self.sum_field: QLineEdit | None = None
        notes = [i for i, d in enumerate(count.denominations) if d.note]
        coins = [i for i, d in enumerate(count.denominations) if not d.note]
        self.order = notes + coins  # denominations as laid out: field n counts self.order[n]
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        if count.by_denomination:
            grid.addItem(QSpacerItem(36, 1), 0, 3)  # a gap between notes and coins
            for column, indexes in ((0, notes), (4, coins)):
                for row, index in enumerate(indexes):
                    self._row(grid, row, column, index)
        else:
            self.sum_field = QLineEdit()
            self.sum_field.setAccessibleName(self.tr("Cash counted"))
            self.sum_field.setPlaceholderText("0.00")
            self.sum_field.textChanged.connect(self._sum_typed)
            grid.addWidget(QLabel(self.tr("Cash counted ({0})").format(count.currency)), 0, 0)
            grid.addWidget(self.sum_field, 0, 1)
        self.total = QLabel()
        self.total.setObjectName("countTotal")
        self.total.setAccessibleName(self.tr("Counted in all"))
        self.total.setAlignment(Qt.AlignmentFlag.AlignRight)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(grid)
        layout.addWidget(self.total)
        count.total_changed.connect(self._show_total)
        self._show_total()

    def _row(self, grid: QGridLayout, row: int, column: int, index: int) -> None:
        label = QLabel(self.count.label(index))
        field = QLineEdit()
        field.setValidator(QIntValidator(PIECES.low, PIECES.high, field))
        field.setPlaceholderText("0")
        field.setAlignment(Qt.AlignmentFlag.AlignRight)
        field.setAccessibleName(self.tr("How many {0}s").format(self.count.label(index)))
        field.setFixedWidth(90)
        field.textChanged.connect(lambda text, i=index: self._typed(i, text))
        label.setBuddy(field)
        line_total = QLabel(self.count.line_total(index))
        line_total.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        line_total.setMinimumWidth(90)
        grid.addWidget(label, row, column)
        grid.addWidget(field, row, column + 1)
        grid.addWidget(line_total, row, column + 2)
        self.fields.append(field)
        self.line_totals.append(line_total)

    def _typed(self, index: int, text: str) -> None:
        self.count.set_pieces(index, text)
        self.line_totals[self.order.index(index)].setText(self.count.line_total(index))

    def _sum_typed(self, text: str) -> None:
        if not self.count.set_sum(text):
            self.total.setText(self.count.problem)

    def _show_total(self, _total: int = 0) -> None:
        self.total.setText(self.tr("Counted: {0}").format(self.count.total_text()))

    def first_field(self) -> QWidget:
        return self.fields[0] if self.fields else self.sum_field  # type: ignore[return-value]

    def field_for(self, value: int) -> QLineEdit:
        """The field counting the note or coin worth `value` minor units."""
        return self.fields[[self.count.denominations[i].value for i in self.order].index(value)]


class _CountDialog(QDialog):
    """A count, a message line and Cancel / go; Enter in a field moves on to the next one."""

    def __init__(
        self,
        vm: DrawerViewModel,
        title: str,
        go_text: str,
        send: Callable[[CountModel], None],
        parent: QWidget | None,
    ) -> None:
        super().__init__(parent)
        self.vm = vm
        self._send = send  # the view model's open or close
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        apply_till_style(self)
        self.count = vm.new_count(self)
        self.panel = CountPanel(self.count)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setAccessibleName(self.tr("Drawer message"))
        show_message(self.error, "", error=True)
        self.go = till_button(go_text, go_text.replace("&", ""), "go")
        self.cancel = till_button(self.tr("Cancel"), self.tr("Cancel"))
        self.cancel.clicked.connect(self.reject)
        self.go.clicked.connect(self.submit)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel)
        buttons.addWidget(self.go, 2)
        # Touch: the pad types into the field that has the focus; its Enter moves on as Enter does.
        self.pad = NumberPad(extra=("00",) if self.count.by_denomination else (".", "00"))
        self.pad.setMinimumSize(4 * 68, 4 * 54)
        counting = QHBoxLayout()
        counting.setSpacing(16)
        counting.addWidget(self.panel, 1)
        counting.addWidget(self.pad, 0, Qt.AlignmentFlag.AlignTop)
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(20, 20, 20, 20)
        self.body.setSpacing(10)
        self.body.addWidget(self.intro)
        self.body.addLayout(counting)
        self.body.addWidget(self.error)
        self.body.addLayout(buttons)
        vm.message.connect(self._refused)
        vm.done.connect(self._done)
        vm.override_needed.connect(self._override)
        vm.busy_changed.connect(lambda busy: self.go.setEnabled(not busy))
        self.finished.connect(self._detach)
        self.panel.first_field().setFocus()

    def submit(self) -> None:
        show_message(self.error, "", error=True)
        self._send(self.count)

    def _refused(self, text: str) -> None:
        show_message(self.error, text, error=True)

    def _done(self, _text: str) -> None:
        self.accept()

    def _override(self, reason: str) -> None:
        from pos_app.ui import screens

        approval: Approval | None = screens.ask_override(self.vm.session, reason, self)
        if approval is None:
            show_message(self.error, f"{reason[:1].upper()}{reason[1:]}", error=True)
            return
        self.vm.approve(approval)

    def _detach(self, _result: int) -> None:
        for signal, slot in (
            (self.vm.message, self._refused),
            (self.vm.done, self._done),
            (self.vm.override_needed, self._override),
        ):
            signal.disconnect(slot)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            focused = self.focusWidget()
            if focused is self.go or focused is self.panel.sum_field:
                self.submit()
            elif focused is self.cancel:
                self.reject()
            else:
                self.focusNextChild()
            return
        super().keyPressEvent(event)


class OpenDrawerDialog(_CountDialog):
    def __init__(self, vm: DrawerViewModel, parent: QWidget | None = None) -> None:
        title = QCoreApplication.translate("OpenDrawerDialog", "Open the drawer")  # no self.tr before init
        go = QCoreApplication.translate("OpenDrawerDialog", "&Open the drawer")
        super().__init__(vm, title, go, vm.open, parent)
        self.intro.setText(self.tr("Count the float in the drawer, note by note and coin by coin."))
        self.count.total_changed.connect(self._label)
        self._label()

    def _label(self, _total: int = 0) -> None:
        self.go.setText(self.tr("&Open with {0}").format(self.count.total_text()))


class CloseDrawerDialog(_CountDialog):
    """The count against what the drawer should hold, the difference as it is typed."""

    def __init__(self, vm: DrawerViewModel, parent: QWidget | None = None) -> None:
        title = QCoreApplication.translate("CloseDrawerDialog", "Close the drawer")
        go = QCoreApplication.translate("CloseDrawerDialog", "&Close the drawer")
        super().__init__(vm, title, go, vm.close, parent)
        self.expected = vm.status.expected if vm.status is not None else 0
        self.intro.setText(
            self.tr(
                "Count the drawer. It should hold {0}. "
                "Parked sales and the open cart are kept for the next session."
            ).format(vm.money(self.expected))
        )
        self.difference = QLabel()
        self.difference.setObjectName("difference")
        self.difference.setAccessibleName(self.tr("Over or short"))
        self.body.insertWidget(2, self.difference)
        self.count.total_changed.connect(self._show_difference)
        self._show_difference()

    def _show_difference(self, _total: int = 0) -> None:
        difference = self.count.total - self.expected
        if difference == 0:
            text = self.tr("Counted matches the expected amount")
        else:
            shown = self.vm.money(abs(difference))
            over = self.tr("Over by {amount}") if difference > 0 else self.tr("Short by {amount}")
            text = over.format(amount=shown)
        show_message(
            self.difference,
            self.tr("Expected {0} · counted {1} · {2}").format(
                self.vm.money(self.expected), self.count.total_text(), text
            ),
            error=difference != 0,
        )
