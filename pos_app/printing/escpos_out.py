"""ESC/POS bytes for a receipt, a drawer's X or Z report, a test page or a bare drawer kick,
composed on python-escpos's in-memory printer: the whole job exists before any device is
opened, so a printer that fails never gets half a receipt from a half-built job, and tests
read exactly what would be sent."""

from __future__ import annotations

import contextlib
import io
import os
import shutil
from datetime import datetime
from functools import cache
from typing import Any

from pos_app.domain.printer import PrinterSetup
from pos_app.domain.receipt import Receipt
from pos_app.domain.receipt_text import PAPER_COLUMNS, ReceiptLayout, Row, Style, centred, layout, pair
from pos_app.domain.report_paper import fit_lines

DOTS = {58: 384, 80: 576}  # printable dots across the roll at 203 dpi
DRAWER_PIN = 2  # the drawer's kick connector, pin 2 on nearly every printer


def _printer() -> Any:
    from escpos.printer import Dummy  # loads the printer profiles: only when printing

    _tidy_profile_cache()
    printer = Dummy()
    printer.hw("INIT")
    return printer


@cache
def _tidy_profile_cache() -> None:
    """python-escpos pickles its profiles into a new temporary folder each time it is imported
    (unless told a folder): loaded now, so that folder would only be left behind."""
    if "ESCPOS_CAPABILITIES_PICKLE_DIR" not in os.environ:
        from escpos import capabilities

        shutil.rmtree(capabilities.pickle_dir, ignore_errors=True)


# Single-byte code pages receipt printers have: python-escpos switches between them per
# character. A character none holds prints as "?" rather than let the encoder fall back to a
# multi-byte Chinese page for the whole line, which a western printer prints as rubbish.
_CODE_PAGES = ("cp437", "cp858", "cp1252", "cp852", "cp1250", "cp866", "cp1251", "cp737", "cp1253", "cp857")


@cache
def _printable(char: str) -> str:
    for page in _CODE_PAGES:
        try:
            char.encode(page)
        except UnicodeEncodeError:
            continue
        return char
    return "?"


def _text(text: str) -> str:
    return text if text.isascii() else "".join(_printable(c) for c in text)


def _rows(printer: Any, rows: tuple[Row, ...]) -> None:
    style = Style.PLAIN
    for row in rows:
        if row.style is not style:
            printer.set_with_default()
            if row.style is Style.BIG:
                printer.set(bold=True, double_height=True)
            elif row.style is Style.BOLD:
                printer.set(bold=True)
            style = row.style
        printer.text(_text(row.text) + "\n")
    printer.set_with_default()


def _barcode(printer: Any, code: str, paper: int) -> None:
    """Code 128 (set B) of `code`, as narrow as the roll needs; a 1D scanner reads it."""
    modules = (len(code) + 3) * 11 + 2
    width = next((w for w in (3, 2) if modules * w <= DOTS[paper] - 16), 0)
    if not width:  # too long to print as bars: the number in large type instead
        printer.set(align="center", bold=True, double_height=True)
        printer.text(code + "\n")
        printer.set_with_default()
        return
    printer.ln()
    with contextlib.redirect_stdout(io.StringIO()):  # python-escpos prints which renderer it chose
        printer.barcode("{B" + code, "CODE128", height=64, width=width, pos="BELOW", function_type="B")
    printer.ln()


def _finish(printer: Any) -> bytes:
    printer.cut()
    return bytes(printer.output)


def receipt_bytes(receipt: Receipt, paper: int, *, open_drawer: bool = False) -> bytes:
    """The receipt at the roll's width: the drawer's kick first (the clerk gives change while it
    prints), then the text, the order number's barcode, the footer, and the cut."""
    printer = _printer()
    if open_drawer:
        printer.cashdraw(DRAWER_PIN)
    lines: ReceiptLayout = layout(receipt, PAPER_COLUMNS[paper])
    _rows(printer, lines.head)
    _barcode(printer, receipt.barcode, paper)
    _rows(printer, lines.tail)
    return _finish(printer)


def report_bytes(lines: list[str], paper: int) -> bytes:
    """An X or Z report's lines (as on screen) fitted to the roll: its title large, the section
    headings bold, then the cut."""
    rows = []
    for n, text in enumerate(fit_lines(lines, PAPER_COLUMNS[paper])):
        heading = text[:1].isalpha() and text == text.upper()
        rows.append(Row(text, Style.BIG if n == 0 else Style.BOLD if heading else Style.PLAIN))
    printer = _printer()
    _rows(printer, tuple(rows))
    printer.ln(2)  # the last line clear of the cutter
    return _finish(printer)


def test_page_bytes(setup: PrinterSetup, paper: int, store_name: str, now: datetime | None = None) -> bytes:
    """What a manager prints to check the printer: the width in columns, a barcode, the cut."""
    width = PAPER_COLUMNS[paper]
    moment = (now or datetime.now()).strftime("%d/%m/%Y %H:%M")
    rows = [Row(t, Style.BIG) for t in centred(store_name, width)]
    rows += [Row(t, Style.BOLD) for t in centred("PRINTER TEST PAGE", width)]
    rows += [Row(t) for t in pair("Printer", setup.describe(), width)]
    rows += [Row(t) for t in pair("Paper", f"{paper} mm, {width} columns", width)]
    rows += [Row(t) for t in pair("Printed", moment, width)]
    rows.append(Row(("1234567890" * 5)[:width]))
    rows.append(Row("-" * width))
    printer = _printer()
    _rows(printer, tuple(rows))
    _barcode(printer, "TEST", paper)
    _rows(printer, tuple(Row(t) for t in centred("If this reads well, receipts will too.", width)))
    return _finish(printer)


def drawer_bytes() -> bytes:
    """Only the kick: the drawer opens, nothing prints."""
    printer = _printer()
    printer.cashdraw(DRAWER_PIN)
    return bytes(printer.output)
