"""The window's file writes (receipt PDFs, catalogue CSV) never go over a database, and what
they write is readable by its owner only."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from pos_app.domain.users import Actor
from pos_app.services import Services
from pos_app.store.files import mode_of
from pos_app.ui.admin_stock import StockDialog
from pos_app.ui.receipt import ReceiptDialog
from tests.gui import SessionFor
from tests.helpers import dump, sell
from tests.ui.windows import OFFSCREEN_NOISE

pytestmark = OFFSCREEN_NOISE


@pytest.fixture
def wide_umask() -> Iterator[None]:
    old = os.umask(0o022)
    yield
    os.umask(old)


@pytest.fixture
def slip(qtbot: QtBot, services: Services, clerk: Actor) -> ReceiptDialog:
    dialog = ReceiptDialog(sell(services, clerk), services.settings.current())
    qtbot.addWidget(dialog)
    return dialog


def test_a_receipt_is_never_saved_over_the_database(slip: ReceiptDialog, services: Services) -> None:
    before = dump(services.db.path)
    for target in (services.db.path, services.db.path.with_name(services.db.path.name + "-wal")):
        slip.save_pdf(target)
        assert "choose another file name" in slip.status.text()
    assert dump(services.db.path) == before
    assert services.admin.verify(services.auth.login("manager", "manager123")).ok


def test_a_receipt_pdf_is_private_and_replaces_what_the_dialog_confirmed(
    slip: ReceiptDialog, tmp_path: Path, wide_umask: None
) -> None:
    target = tmp_path / "receipt.pdf"
    target.write_text("an older receipt")
    slip.save_pdf(target)
    assert target.read_bytes().startswith(b"%PDF")
    assert mode_of(target) == 0o600
    assert slip.status.text() == "saved receipt.pdf"
    assert not [p for p in tmp_path.iterdir() if ".partial" in p.name]


def test_the_catalogue_export_in_the_window_refuses_the_database(
    qtbot: QtBot, services: Services, manager: Actor, session_for: SessionFor, tmp_path: Path
) -> None:
    dialog = StockDialog(session_for(manager))
    qtbot.addWidget(dialog)
    before = dump(services.db.path)
    dialog.files.export_csv(services.db.path)
    assert "is the live database" in dialog.findChildren(type(dialog.line))[-1].text()
    assert dump(services.db.path) == before
    target = tmp_path / "out.csv"
    dialog.files.export_csv(target)
    assert target.read_text().startswith("sku,") and mode_of(target) == 0o600
