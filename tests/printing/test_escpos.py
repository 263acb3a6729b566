"""What goes to the thermal printer, read through python-escpos's own in-memory printer: the
init, the text, the order number's barcode, the cut, and the drawer's kick for a cash sale."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pos_app.domain.drawer_report import build_report, report_lines
from pos_app.domain.errors import PrinterFailed
from pos_app.domain.printer import PrinterKind, parse_printer
from pos_app.domain.receipt import ReceiptKind, build_receipt
from pos_app.printing import escpos_out
from pos_app.printing.devices import send
from pos_app.printing.escpos_out import drawer_bytes, receipt_bytes, report_bytes
from tests.domain.test_drawer import FACTS, SESSION
from tests.domain.test_receipt import SETTINGS, order

INIT = b"\x1b@"
CUT = b"\x1dV"
KICK = b"\x1bp\x00"  # ESC p, pin 2 (0), then the pulse's on and off times
CODE128 = b"\x1dkI"  # GS k, function B, CODE128
BIG_BOLD = b"\x1bE\x01"


@pytest.mark.parametrize("paper", [58, 80])
def test_a_cash_sale_prints_init_text_barcode_and_cut_and_kicks_the_drawer(paper: int) -> None:
    job = receipt_bytes(build_receipt(order(), SETTINGS), paper, open_drawer=True)
    assert job.startswith(INIT)
    assert job.index(KICK) < job.index(b"Corner Shop")  # the drawer opens while it prints
    assert b"TOTAL GBP" in job and b"Thank you" in job and BIG_BOLD in job
    code = job.index(CODE128)
    assert job[code + 3] == len(b"{BT1-000042") and job[code + 4 : code + 15] == b"{BT1-000042"
    assert job.index(b"Customer: Alice Doe") < code < job.index(b"Thank you")
    assert job.rstrip(b"\x00").endswith(CUT) or job[-3:-1] == CUT


def test_a_card_sale_a_copy_and_a_gift_receipt_leave_the_drawer_shut() -> None:
    for kind in ReceiptKind:
        job = receipt_bytes(build_receipt(order(), SETTINGS, kind), 80)
        assert KICK not in job and CUT in job and CODE128 in job
    assert b"COPY" in receipt_bytes(build_receipt(order(), SETTINGS, ReceiptKind.COPY), 58)
    gift = receipt_bytes(build_receipt(order(), SETTINGS, ReceiptKind.GIFT), 58)
    assert b"GIFT RECEIPT" in gift and b"11.74" not in gift and b"Cash" not in gift


def test_the_pound_sign_and_accents_reach_the_printer_in_its_code_page() -> None:
    job = receipt_bytes(build_receipt(order(), SETTINGS.updated({"store_name": "Café £1 shop"})), 58)
    assert b"Caf\x82 \x9c1 shop" in job  # code page 437: é and £


def test_the_barcode_narrows_on_a_58_mm_roll() -> None:
    narrow, wide = (receipt_bytes(build_receipt(order(), SETTINGS), p) for p in (58, 80))
    assert b"\x1dw\x02" in narrow and b"\x1dw\x03" in wide  # module width 2 dots, 3 dots


def test_the_drawer_kick_alone_prints_nothing() -> None:
    job = drawer_bytes()
    assert job.startswith(INIT) and KICK in job and CUT not in job


def test_a_test_page_names_the_printer_and_the_width() -> None:
    job = escpos_out.test_page_bytes(parse_printer("network", "10.0.0.9"), 58, "Corner Shop")
    assert b"PRINTER TEST PAGE" in job and b"network printer 10.0.0.9" in job
    assert b"58 mm, 32 columns" in job and b"12345678901234567890123456789012\n" in job and CUT in job


def test_a_device_file_printer_gets_the_whole_job(tmp_path: Path) -> None:
    target = tmp_path / "lp0"
    target.write_bytes(b"")
    send(parse_printer("file", str(target)), b"\x1b@hello\n")
    assert target.read_bytes() == b"\x1b@hello\n"


@pytest.mark.parametrize(
    ("kind", "address", "says"),
    [
        ("file", "/nonexistent/lp0", "there is no /nonexistent/lp0"),
        ("network", "127.0.0.1:9", "network printer 127.0.0.1:9 did not print"),
        ("none", "", "no receipt printer is set up"),
    ],
)
def test_a_printer_that_cannot_be_reached_says_so(kind: str, address: str, says: str) -> None:
    with pytest.raises(PrinterFailed, match=says):
        send(parse_printer(kind, address), b"\x1b@")


@pytest.mark.parametrize(
    ("kind", "address", "says"),
    [
        ("usb", "04b8", "is not a USB printer's ids: give vendor:product ids in hex"),
        ("usb", "zz:0202", "is not a USB printer's ids"),
        ("network", "", "give the network printer's host"),
        ("network", "printer.local:99999", "is not a port"),
        ("network", "bad host:9100", "is not a network printer's address"),
        ("serial", "/dev/ttyUSB0:1234", "is not a baud rate"),
        ("bluetooth", "x", "printer connection must be one of none, usb, network, serial, file"),
    ],
)
def test_a_bad_printer_address_is_refused_with_what_to_give(kind: str, address: str, says: str) -> None:
    from pos_app.domain.errors import InvalidInput

    with pytest.raises(InvalidInput, match=says):
        parse_printer(kind, address)


def test_printer_addresses_read_back_as_they_were_typed() -> None:
    for kind, address, stored in (
        ("usb", "04B8:0202", "usb:04b8:0202"),
        ("usb", "0x0416:0x5011", "usb:0416:5011"),
        ("network", "192.168.1.50", "network:192.168.1.50"),
        ("network", "printer.local:4242", "network:printer.local:4242"),
        ("serial", "/dev/ttyUSB0", "serial:/dev/ttyUSB0:9600"),
        ("serial", "COM3:19200", "serial:COM3:19200"),
        ("file", "/dev/usb/lp0", "file:/dev/usb/lp0"),
        ("none", "", "none"),
    ):
        setup = parse_printer(kind, address)
        assert setup.to_text() == stored
        assert SETTINGS.updated({"receipt_printer": stored}).printer == setup
    assert parse_printer("usb", "04b8:0202").kind is PrinterKind.USB


def test_characters_no_receipt_code_page_holds_print_as_question_marks() -> None:
    shop = SETTINGS.updated({"store_name": "Zoë 日本 Привет"})
    job = receipt_bytes(build_receipt(order(), shop), 80)
    assert b"Zo\x89 ??" in job  # ë in code page 437; no Chinese page for the whole line
    assert b"\x1bt\x11\x8f\xe0\xa8\xa2\xa5\xe2" in job  # Cyrillic through code page 866


def _printed_lines(job: bytes) -> list[str]:
    """The job's text lines, the printer's commands (ESC or GS and their argument) left out."""
    return re.sub(rb"\x1b@|[\x1b\x1d].[\x00-\x3f]", b"", job).decode("cp437").split("\n")


@pytest.mark.parametrize(("paper", "columns"), [(58, 32), (80, 48)])
def test_a_z_report_prints_its_lines_within_the_roll_and_is_cut(paper: int, columns: int) -> None:
    z = build_report(SESSION, FACTS, "GBP", "2026-11-25T18:00:00Z", counted=10450, closed_by="manager")
    lines = report_lines(z, "a3f91c0277de4b10" + "0" * 48)
    job = report_bytes(lines, paper)
    assert job.startswith(INIT) and job.endswith(CUT + b"\x00") and KICK not in job
    assert job.index(BIG_BOLD) < job.index(b"Z REPORT")  # the title stands out
    printed = _printed_lines(job)
    assert max(len(line) for line in printed) <= columns
    words = " ".join(printed).split()
    for part in ("Z REPORT", "T1-000010", "Expected in the drawer", "105.00", "stamps", "Journal head a3f9"):
        assert " ".join(part.split()) in " ".join(words), part
    if paper == 80:  # as on screen, line for line
        assert [line for line in printed if line] == [line for line in lines if line]
    else:  # the figures keep their columns under the headings
        heading = next(n for n, line in enumerate(printed) if line.startswith("TAXES BY RATE"))
        assert printed[heading + 1].rstrip().endswith("gross")
        assert printed[heading + 2] == "  20%  15.00      3.00     18.00"
        assert "  Expected in the drawer  105.00" in printed


def test_a_long_line_of_words_wraps_on_a_58_mm_roll() -> None:
    long = "    10:02 in       5.00  " + "a very long reason for paying in " * 3 + "(clerk)"
    printed = _printed_lines(report_bytes(["X REPORT", long], 58))
    assert max(len(line) for line in printed) <= 32 and printed[1].startswith("    10:02 in  5.00  a very")
    assert [line for line in printed if line][-1] == "      (clerk)"
