"""`pos-app orders receipt`, `pos-app printer ...` and `pos-app drawer open`: an order's receipt
as text, PDF or on the till's printer; the till's receipt printer set up and tested; the cash
drawer opened without a sale (managers, or a clerk with --approver)."""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import TYPE_CHECKING

from pos_app import cli_output as out
from pos_app.cli_parser import UsageError, shown
from pos_app.domain.errors import InvalidInput
from pos_app.domain.printer import parse_printer
from pos_app.domain.receipt import Receipt, ReceiptKind
from pos_app.domain.receipt_text import PAPER_COLUMNS, receipt_text
from pos_app.domain.users import Actor, Approval

if TYPE_CHECKING:
    from pos_app.services import Services

_QT: list[object] = []


def run_receipt(services: Services, actor: Actor, args: argparse.Namespace) -> int:
    kind = ReceiptKind.GIFT if args.gift else ReceiptKind.COPY if args.copy else ReceiptKind.SALE
    paper = args.width or services.settings.current().receipt_paper
    if args.force and not args.pdf:
        raise UsageError("--force goes with --pdf FILE")
    receipt = services.receipts.receipt(actor, args.order, kind)
    if args.pdf:
        _save_pdf(receipt, args.pdf, force=args.force, database=services.db.path)
        print(f"saved the receipt of {receipt.number} to {shown(args.pdf)}")
    if args.print:
        services.receipts.print_receipt(actor, receipt.number, kind, paper)
        print(
            f"printed the receipt of {receipt.number} on the {services.settings.current().printer.describe()}"
        )
    if not (args.pdf or args.print):
        print(receipt_text(receipt, PAPER_COLUMNS[paper]), end="")
    return 0


def run_printer(services: Services, actor: Actor, args: argparse.Namespace) -> int:
    if args.action == "show":
        settings = services.settings.current()
        print(f"receipt printer: {settings.printer.describe()}, {settings.receipt_paper} mm paper")
        return 0
    if args.action == "set":
        try:
            setup = parse_printer(args.kind, args.address or "")
        except InvalidInput as exc:
            raise UsageError(exc.message) from None
        values = {"receipt_printer": setup.to_text()}
        if args.paper:
            values["receipt_paper"] = str(args.paper)
        updated = services.settings.update(actor, values)
        print(f"receipt printer: {updated.printer.describe()}, {updated.receipt_paper} mm paper")
        return 0
    services.receipts.test_page(actor, paper=args.paper)
    settings = services.settings.current()
    print(f"test page sent to the {settings.printer.describe()}")
    return 0


def run_drawer(services: Services, actor: Actor, args: argparse.Namespace, approval: Approval | None) -> int:
    opened = services.receipts.open_drawer(actor, args.reason or "", approval)
    approved = f", approved by {out.clip(opened.approver_name)}" if opened.approver_name else ""
    print(f"drawer opened at till {opened.till} by {out.clip(opened.user_name)}{approved}")
    return 0


def _save_pdf(receipt: Receipt, path: Path, *, force: bool, database: Path) -> None:
    if os.path.lexists(path) and not force:
        raise InvalidInput(f"{shown(path)} exists already: add --force to replace it")
    # Qt draws the page; a terminal needs no screen for it.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is None:
        _QT.append(QApplication([]))  # kept: Qt's application must outlive the page it draws
    from pos_app.ui.receipt import save_receipt_pdf
    from pos_app.ui.receipt_page import receipt_document

    save_receipt_pdf(receipt_document(receipt), path, force=force, protect=(database,))
