"""The open cart on disk, so a crash or a till lock never loses a half-scanned sale."""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from pos_app.domain.cart import Cart, cart_from_dict, cart_to_dict
from pos_app.domain.errors import PosError
from pos_app.domain.users import Actor, Role

log = logging.getLogger(__name__)


def open_cart_path(db_path: Path) -> Path:
    """Beside the database and named after it: another database in the folder has its own."""
    return db_path.with_name(f"{db_path.stem}.open-cart.json")


def owned_cart_path(till_cart: Path, actor: Actor) -> Path:
    """Whose open sale a user picks up: staff share the till's (a clerk locks, another goes on
    with the sale); a customer has their own beside it, so a customer never inherits a clerk's
    sale, nor leaves theirs to the next customer."""
    if actor.role is not Role.CUSTOMER:
        return till_cart
    own = "".join(c for c in actor.user_id if c.isascii() and (c.isalnum() or c == "-"))
    return till_cart.with_name(f"{till_cart.stem}.customer-{own}{till_cart.suffix}")


# One writer thread for every cart file, so writes land in the order they were made, and a
# scan never waits for the disk (a write can take milliseconds on a busy or slow one).
_WRITER = ThreadPoolExecutor(max_workers=1, thread_name_prefix="open-cart")


def wait_for_writes() -> None:
    """Return once every write queued so far has been done (the writer runs them in order)."""
    _WRITER.submit(lambda: None).result()


@dataclass(frozen=True)
class SavedCart:
    cart: Cart
    key: str  # the sale's idempotency key, kept so a retry after a crash cannot sell twice


class OpenCartFile:
    """One JSON file, replaced atomically on every change and removed when the sale ends.

    Writes happen on a background thread; `flush()` waits for them. A failed write raises
    OSError from the next call, so the till can say the cart is not being kept.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._pending: Future[None] | None = None

    def save(self, cart: Cart, key: str) -> None:
        if not cart.lines:
            self.clear()
            return
        text = json.dumps({"version": 1, "key": key, "cart": cart_to_dict(cart)})
        self._submit(lambda: self._write(text))

    def clear(self) -> None:
        self._submit(lambda: self.path.unlink(missing_ok=True))

    def flush(self) -> None:
        """Wait until every change made so far (by any till view) is on disk; raise OSError if
        this file's last write failed."""
        pending, self._pending = self._pending, None
        wait_for_writes()
        if pending is not None:
            pending.result()

    def _submit(self, work: Callable[[], None]) -> None:
        pending = self._pending
        if pending is not None and pending.done():
            self._pending = None
            pending.result()  # the previous write's error, if any
        self._pending = _WRITER.submit(work)

    def _write(self, text: str) -> None:
        temp = self.path.with_name(self.path.name + ".tmp")
        # No fsync: write + rename already survives an application crash, which is what this
        # file is for (paid sales are in the database); an fsync per scan would cost more.
        # 0600 whatever the umask: the file names a customer and what they are buying.
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            if hasattr(os, "fchmod"):
                os.fchmod(handle.fileno(), 0o600)  # a temp file left by an older version
            handle.write(text)
        os.replace(temp, self.path)

    def load(self) -> SavedCart | None:
        self.flush()
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return None
        try:
            doc = json.loads(text)
            key = doc["key"]
            if not isinstance(key, str) or not key:
                raise ValueError("no key")
            return SavedCart(cart_from_dict(doc["cart"]).cart, key)
        except (ValueError, KeyError, TypeError, PosError):
            # Keep the unreadable file for a look later, and start clean.
            log.warning("open cart file %s is unreadable; moved aside", self.path, exc_info=True)
            os.replace(self.path, self.path.with_name(self.path.name + ".bad"))
            return None
