"""Sending a composed job to the till's printer: USB, network, serial or a device file."""

from __future__ import annotations

import logging
import socket
from typing import Any

from pos_app.domain.errors import PrinterFailed
from pos_app.domain.printer import PrinterKind, PrinterSetup

log = logging.getLogger(__name__)

NETWORK_TIMEOUT = 5.0  # seconds: the sale is already saved; the clerk should not wait long
SERIAL_TIMEOUT = 5.0
USB_TIMEOUT_MS = 5000


def _connection(setup: PrinterSetup) -> Any:
    from escpos import printer

    if setup.kind is PrinterKind.USB:
        return printer.Usb(*setup.usb_ids, timeout=USB_TIMEOUT_MS)
    if setup.kind is PrinterKind.SERIAL:
        return printer.Serial(setup.device, baudrate=setup.baud, timeout=SERIAL_TIMEOUT)
    return printer.File(setup.device)


def _hint(setup: PrinterSetup, exc: BaseException) -> str:
    exc = exc.__cause__ or exc.__context__ or exc  # python-escpos wraps the error that says why
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    if setup.kind is PrinterKind.USB and ("Access denied" in text or "Errno 13" in text):
        return "permission denied: let this user use the printer (see the README's udev rule)"
    if setup.kind is PrinterKind.USB and "No backend available" in text:
        return "USB needs the libusb library: install libusb-1.0 (or use the device file /dev/usb/lp0)"
    if isinstance(exc, PermissionError):
        return f"permission denied on {setup.device}: add this user to the printer's group (lp)"
    if isinstance(exc, FileNotFoundError):
        return f"there is no {setup.device}: is the printer switched on and plugged in?"
    return text[:160]


def send(setup: PrinterSetup, job: bytes) -> None:
    """Write `job` to the printer and close it; PrinterFailed says why it could not."""
    if not setup.configured:
        raise PrinterFailed("no receipt printer is set up for this till (Settings, Receipt printer)")
    if setup.kind is PrinterKind.NETWORK:
        _send_network(setup, job)
        return
    device = None
    try:
        device = _connection(setup)
        device.open()
        device._raw(job)  # the job is whole already: one write, no library formatting
    except Exception as exc:  # hardware libraries raise anything (USBError, SerialException, ...)
        log.info("receipt printer failed", exc_info=exc)  # the log file; the caller says why
        raise PrinterFailed(f"the {setup.describe()} did not print: {_hint(setup, exc)}") from None
    finally:
        if device is not None:
            try:
                device.close()
            except Exception:  # closing a connection that never opened
                log.debug("closing the printer failed", exc_info=True)


def _send_network(setup: PrinterSetup, job: bytes) -> None:
    # A plain socket: python-escpos's network printer leaves its socket open when the connection
    # is refused, and raw port 9100 needs nothing more than the bytes.
    try:
        with socket.create_connection((setup.host, setup.port), timeout=NETWORK_TIMEOUT) as conn:
            conn.sendall(job)
    except OSError as exc:
        log.info("receipt printer failed", exc_info=exc)  # the log file; the caller says why
        reason = "no answer" if isinstance(exc, TimeoutError) else (exc.strerror or str(exc))
        raise PrinterFailed(f"the {setup.describe()} did not print: {reason}") from None
