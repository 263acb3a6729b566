"""Typed errors whose messages a clerk can read; each maps to a command-line exit code."""

from __future__ import annotations


class PosError(Exception):
    """Base of every error the services raise on purpose."""

    exit_code = 5

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class NotFound(PosError):
    exit_code = 4


class PermissionDenied(PosError):
    exit_code = 3


class OverrideRequired(PermissionDenied):
    """Denied, but a manager's approval at the till would allow it."""


class LoginFailed(PosError):
    exit_code = 3


class InvalidInput(PosError):
    exit_code = 5


class NoCashSession(InvalidInput):
    """Cash was offered at a till whose cash drawer has no open session: open one first."""


class InvalidTransition(PosError):
    exit_code = 5


class StaleVersion(PosError):
    exit_code = 5


class InsufficientStock(PosError):
    exit_code = 5


class PaymentDeclined(PosError):
    exit_code = 5


class DatabaseError(PosError):
    """The database file cannot be used (corrupt, newer schema); it is left untouched."""

    exit_code = 5


class StorageFull(PosError):
    """The disk (or the database's size limit) is full: the change was not saved."""

    exit_code = 5


class DatabaseBusy(PosError):
    """Another till or an import held the write lock for longer than the wait limit."""

    exit_code = 5


class KeyReused(InvalidInput):
    """A checkout key came back with another request; `order_number` is the first sale's, when
    the caller may see it."""

    def __init__(self, message: str, order_number: str | None = None) -> None:
        super().__init__(message)
        self.order_number = order_number


class PrinterFailed(PosError):
    """The receipt printer could not be reached or refused the job; nothing else is undone."""

    exit_code = 6
