"""Manager screen: find, add and edit products, see stock, receive deliveries and adjust counts."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from pos_app.domain.numbers import ADJUST_QTY
from pos_app.domain.records import Product
from pos_app.domain.variable_measure import GRAMS_PER_KG, SoldBy
from pos_app.ui.admin_common import MessageLine
from pos_app.ui.catalog_files import CatalogFilesBar
from pos_app.ui.order_tables import fill, make_table
from pos_app.ui.product_form import ProductFormDialog
from pos_app.viewmodels.admin import StockViewModel
from pos_app.viewmodels.catalog_files import CatalogFilesViewModel
from pos_app.viewmodels.session import Session


class StockDialog(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Products and stock"))
        self.resize(680, 560)
        self.vm = StockViewModel(session, self)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("search products by name or SKU"))
        self.search.setClearButtonEnabled(True)
        self.new_product = QPushButton(self.tr("New product…"))
        self.edit_product = QPushButton(self.tr("Edit…"))
        self.form: ProductFormDialog | None = None
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.new_product)
        top.addWidget(self.edit_product)
        self.table = make_table(
            (
                str(QT_TRANSLATE_NOOP("OrderTables", "SKU")),
                str(QT_TRANSLATE_NOOP("OrderTables", "Product")),
                str(QT_TRANSLATE_NOOP("OrderTables", "On hand")),
            ),
            "stock",
        )
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.qty = QSpinBox()
        self.qty.setRange(ADJUST_QTY.low, ADJUST_QTY.high)
        self.qty.setValue(1)
        self.qty.setToolTip(self.tr("how many (an adjustment may be negative)"))
        # A product sold by weight is received and counted in kg, to the gram.
        self.kg = QDoubleSpinBox()
        self.kg.setDecimals(3)
        self.kg.setRange(ADJUST_QTY.low / GRAMS_PER_KG, ADJUST_QTY.high / GRAMS_PER_KG)
        self.kg.setSuffix(" kg")
        self.kg.setValue(1)
        self.kg.setToolTip(self.tr("kg (an adjustment may be negative)"))
        self.kg.setVisible(False)
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("note / reason (an adjustment needs one)"))
        self.receive = QPushButton(self.tr("Receive"))
        self.receive.setObjectName("primary")
        self.adjust = QPushButton(self.tr("Adjust"))
        row = QHBoxLayout()
        row.addWidget(self.qty)
        row.addWidget(self.kg)
        row.addWidget(self.note, 1)
        row.addWidget(self.receive)
        row.addWidget(self.adjust)
        self.line = MessageLine(self.vm)
        self.files = CatalogFilesViewModel(session, self)
        self.files.changed.connect(lambda: self.vm.search(self.search.text()))
        self.files_bar = CatalogFilesBar(self.files)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.line)
        layout.addWidget(self.files_bar)
        layout.addWidget(MessageLine(self.files))
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(250)
        self._debounce.timeout.connect(lambda: self.vm.search(self.search.text()))
        self.search.textChanged.connect(self._debounce.start)
        self.search.returnPressed.connect(lambda: self.vm.search(self.search.text()))
        # Enter in a field must never press a button here (book stock, open a file dialog).
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
        self.receive.clicked.connect(lambda: self._move(receive=True))
        self.adjust.clicked.connect(lambda: self._move(receive=False))
        self.new_product.clicked.connect(lambda: self._open_form(None))
        self.edit_product.clicked.connect(self._edit)
        self.table.cellDoubleClicked.connect(lambda _row, _col: self._edit())
        self.vm.editing.connect(self._open_form)
        self.vm.changed.connect(self._show)
        self.table.itemSelectionChanged.connect(self._measure_shown)
        self.vm.search("")

    def selected_sku(self) -> str | None:
        row = self.table.currentRow()
        if row < 0 or row >= len(self.vm.rows):
            return None
        return self.vm.rows[row].sku

    def _edit(self) -> None:
        sku = self.selected_sku()
        if sku is None:
            self.line.say(self.tr("choose a product in the list first"), error=True)
            return
        self.vm.edit(sku)

    def _open_form(self, product: Product | None) -> None:
        form = ProductFormDialog(self.vm.session, product, self)
        self.form = form
        form.vm.saved.connect(self.vm.product_saved)
        form.finished.connect(lambda _result: self._form_closed(form))
        form.open()

    def _form_closed(self, form: ProductFormDialog) -> None:
        form.deleteLater()
        if self.form is form:
            self.form = None

    def _move(self, *, receive: bool) -> None:
        sku = self.selected_sku()
        if sku is None:
            self.line.say(self.tr("choose a product in the list first"), error=True)
            return
        qty = round(self.kg.value() * GRAMS_PER_KG) if self._weighed() else self.qty.value()
        if receive:
            self.vm.receive(sku, qty, self.note.text())
        else:
            self.vm.adjust(sku, qty, self.note.text())

    def _weighed(self) -> bool:
        row = self.table.currentRow()
        return 0 <= row < len(self.vm.rows) and self.vm.rows[row].sold_by is SoldBy.WEIGHT

    def _measure_shown(self) -> None:
        weighed = self._weighed()
        self.kg.setVisible(weighed)
        self.qty.setVisible(not weighed)

    def _show(self) -> None:
        sku = self.selected_sku()
        fill(self.table, [[r.sku, r.name, r.on_hand_text] for r in self.vm.rows], right=(2,))
        for n, r in enumerate(self.vm.rows):
            if r.sku == sku:
                self.table.selectRow(n)
