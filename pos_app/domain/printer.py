"""A till's receipt printer: how it is reached and its paper, stored as one setting of the
till's own ('usb:04b8:0202', 'network:192.168.1.50:9100', 'serial:/dev/ttyUSB0:19200',
'file:/dev/usb/lp0' or 'none'), checked here with messages a manager can act on."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from pos_app.domain.errors import InvalidInput
from pos_app.domain.text import escape_controls

PAPER_WIDTHS = (58, 80)
BAUD_RATES = (1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200)
DEFAULT_PORT = 9100  # raw printing ("JetDirect"), what receipt printers listen on
DEFAULT_BAUD = 9600
DRAWER_OPEN = "drawer_open"  # the journal entry of a drawer opened without a sale


class PrinterKind(StrEnum):
    NONE = "none"
    USB = "usb"
    NETWORK = "network"
    SERIAL = "serial"
    FILE = "file"  # a device file such as /dev/usb/lp0 (Linux's printer driver)


ADDRESS_HINTS = {
    PrinterKind.NONE: "",
    PrinterKind.USB: "vendor:product ids in hex, e.g. 04b8:0202",
    PrinterKind.NETWORK: "host or IP address, and port if not 9100, e.g. 192.168.1.50:9100",
    PrinterKind.SERIAL: "device and baud rate, e.g. /dev/ttyUSB0:19200 or COM3:9600",
    PrinterKind.FILE: "the printer's device file, e.g. /dev/usb/lp0",
}


@dataclass(frozen=True)
class PrinterSetup:
    kind: PrinterKind = PrinterKind.NONE
    usb_ids: tuple[int, int] = (0, 0)
    host: str = ""
    port: int = DEFAULT_PORT
    device: str = ""
    baud: int = DEFAULT_BAUD

    @property
    def configured(self) -> bool:
        return self.kind is not PrinterKind.NONE

    @property
    def address(self) -> str:
        """The address as a manager types it (what follows the kind in the setting)."""
        if self.kind is PrinterKind.USB:
            return f"{self.usb_ids[0]:04x}:{self.usb_ids[1]:04x}"
        if self.kind is PrinterKind.NETWORK:
            return self.host if self.port == DEFAULT_PORT else f"{self.host}:{self.port}"
        if self.kind is PrinterKind.SERIAL:
            return f"{self.device}:{self.baud}"
        return self.device

    def to_text(self) -> str:
        return self.kind.value if not self.configured else f"{self.kind.value}:{self.address}"

    def describe(self) -> str:
        names = {
            PrinterKind.NONE: "no receipt printer",
            PrinterKind.USB: "USB printer",
            PrinterKind.NETWORK: "network printer",
            PrinterKind.SERIAL: "serial printer",
            PrinterKind.FILE: "printer",
        }
        return names[self.kind] if not self.configured else f"{names[self.kind]} {self.address}"


def parse_printer(kind: str, address: str = "") -> PrinterSetup:
    """The printer a manager chose: its kind and the address typed for it."""
    try:
        chosen = PrinterKind(kind.strip().lower())
    except ValueError:
        kinds = ", ".join(k.value for k in PrinterKind)
        raise InvalidInput(f"printer connection must be one of {kinds}, not '{_shown(kind)}'") from None
    address = address.strip()
    if chosen is PrinterKind.NONE:
        return PrinterSetup()
    if not address:
        raise InvalidInput(f"give the {chosen.value} printer's {ADDRESS_HINTS[chosen]}")
    if not address.isprintable() or len(address) > 200:
        raise InvalidInput(f"'{_shown(address)}' is not a printer address: {ADDRESS_HINTS[chosen]}")
    if chosen is PrinterKind.USB:
        return PrinterSetup(chosen, usb_ids=_usb_ids(address))
    if chosen is PrinterKind.NETWORK:
        host, port = _host_port(address)
        return PrinterSetup(chosen, host=host, port=port)
    if chosen is PrinterKind.SERIAL:
        device, baud = _device_baud(address)
        return PrinterSetup(chosen, device=device, baud=baud)
    return PrinterSetup(chosen, device=address)


def printer_from_text(text: str, *, stored: bool = False) -> PrinterSetup:
    """The stored setting; one this version cannot read is no printer when `stored` (the
    till goes on selling), refused otherwise."""
    kind, _sep, address = text.strip().partition(":")
    try:
        return parse_printer(kind or PrinterKind.NONE.value, address)
    except InvalidInput:
        if stored:
            return PrinterSetup()
        raise


def _shown(text: str) -> str:
    return escape_controls(text[:40])


def _usb_ids(text: str) -> tuple[int, int]:
    vendor, sep, product = text.lower().removeprefix("0x").partition(":")
    product = product.removeprefix("0x")
    ok = sep and all(
        0 < len(part) <= 4 and all(c in "0123456789abcdef" for c in part) for part in (vendor, product)
    )
    if not ok:
        raise InvalidInput(
            f"'{_shown(text)}' is not a USB printer's ids: give {ADDRESS_HINTS[PrinterKind.USB]}"
        )
    return int(vendor, 16), int(product, 16)


def _host_port(text: str) -> tuple[str, int]:
    host, sep, port_text = text.rpartition(":")
    if not sep:
        host, port_text = text, str(DEFAULT_PORT)
    hint = ADDRESS_HINTS[PrinterKind.NETWORK]
    if not host or not all(c.isascii() and (c.isalnum() or c in ".-_") for c in host):
        raise InvalidInput(f"'{_shown(text)}' is not a network printer's address: give its {hint}")
    if not (port_text.isascii() and port_text.isdigit() and 0 < int(port_text) < 65536):
        raise InvalidInput(f"'{_shown(port_text)}' is not a port: give a number from 1 to 65535, e.g. 9100")
    return host, int(port_text)


def _device_baud(text: str) -> tuple[str, int]:
    device, sep, baud_text = text.rpartition(":")
    if not sep:
        device, baud_text = text, str(DEFAULT_BAUD)
    if not device:
        raise InvalidInput(f"give the serial printer's {ADDRESS_HINTS[PrinterKind.SERIAL]}")
    if not (baud_text.isascii() and baud_text.isdigit() and int(baud_text) in BAUD_RATES):
        rates = ", ".join(str(b) for b in BAUD_RATES)
        raise InvalidInput(f"'{_shown(baud_text)}' is not a baud rate: use one of {rates}")
    return device, int(baud_text)


def check_paper(value: int) -> int:
    if value not in PAPER_WIDTHS:
        raise InvalidInput(f"paper must be 58 or 80 mm wide, not {value}")
    return value
