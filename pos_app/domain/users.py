"""Roles, the acting user, a manager's approval, and how user names are compared."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache

from pos_app.domain.numbers import is_ascii_digits

PIN_DIGITS = (4, 8)  # a PIN's shortest and longest length
PIN_RULE = f"a PIN is {PIN_DIGITS[0]} to {PIN_DIGITS[1]} digits"


def is_whole_pin(text: str) -> bool:
    """Digits 0-9, as many as a PIN has: anything shorter is a PIN still being typed."""
    return is_ascii_digits(text, PIN_DIGITS[1]) and len(text) >= PIN_DIGITS[0]


class Role(StrEnum):
    CUSTOMER = "customer"
    CLERK = "clerk"
    MANAGER = "manager"


@dataclass(frozen=True)
class Actor:
    """Who is asking: every service call carries one. The services trust only `user_id` and
    `session` (a token handed out at log-in); role and names are re-read on every call."""

    user_id: str
    name: str
    role: Role
    customer_id: str | None = None  # set for customers: the orders they own
    session: str = field(default="", repr=False)


@dataclass(frozen=True)
class Approval:
    """A manager's name and password (or PIN) typed at the till for one override; the service
    that needs it checks the credentials itself, in the same call."""

    name: str
    secret: str = field(repr=False)
    pin: bool = False


def control_characters(text: str) -> list[str]:
    """The control and format characters and lone surrogates in `text` (Unicode categories Cc,
    Cf, Cs), as U+XXXX."""
    return [f"U+{ord(c):04X}" for c in text if unicodedata.category(c) in ("Cc", "Cf", "Cs")]


@cache
def _prototypes() -> dict[str, str]:
    """Each look-alike character mapped to its prototype, from Unicode's confusables.txt
    (UTS #39) as packaged by confusable-homoglyphs. That data lists, for a character, its
    prototype (when it is a look-alike) or all its look-alikes (when it is a prototype)."""
    from confusable_homoglyphs.confusables import confusables_data

    data: dict[str, list[dict[str, str]]] = confusables_data
    table: dict[str, str] = {}
    for char, glyphs in data.items():
        if len(glyphs) != 1:
            continue  # a prototype, listing its look-alikes
        target = glyphs[0]["c"].replace("\u200e", "").replace("\u200f", "")
        if len(target) == 1 and len(data.get(target, ())) == 1:
            target = min(char, target)  # a pair: either may be the prototype, so pick one for both
        if target and target != char:
            table[char] = target
    return table


def skeleton(text: str) -> str:
    """UTS #39 skeleton: look-alike letters of other scripts replaced by their prototypes."""
    table = _prototypes()
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFD", "".join(table.get(c, c) for c in decomposed))


def name_key(name: str) -> str:
    """A user name as it is compared: NFKC-normalized, case-folded and reduced to its skeleton,
    so `CLERK` is `clerk` and `mаnager` with a Cyrillic `а` is `manager`. Case is folded first
    (`ALICE` is `alice`, though a capital I alone looks like an l); the skeleton may bring back
    capitals (a zero's prototype is O), so it is folded and reduced once more."""
    folded = unicodedata.normalize("NFKC", name).casefold()
    return unicodedata.normalize("NFC", skeleton(skeleton(folded).casefold()))[:80]
