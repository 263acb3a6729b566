"""Free text people type (notes, addresses, references, keys): length limits stated once, and
no control characters, which could rewrite a terminal or hide what a record really says."""

from __future__ import annotations

import unicodedata

from pos_app.domain.errors import InvalidInput

NOTE_MAX = 2000
SHIP_TO_MAX = 500
CHECKOUT_KEY_MAX = 120
REFERENCE_MAX = 80
TRACKING_MAX = 80
SEARCH_MAX = 100

# Joiners shape letters in Persian, Indic scripts and emoji: format characters, but harmless.
_ALLOWED_FORMAT = frozenset("\u200c\u200d")
_MULTILINE = frozenset("\n\t")


def bad_character(text: str, *, multiline: bool = False) -> str | None:
    """The first character that may not be stored in such text, or None."""
    if text.isprintable():  # no Cc, Cs or Cf character: the usual case, checked at C speed
        return None
    for char in text:
        if multiline and char in _MULTILINE:
            continue
        if _is_control(char):
            return char
    return None


def check_text(text: object, what: str, limit: int, *, multiline: bool = False) -> str:
    """`text` stripped, refused when it is not text, too long, or holds control characters."""
    if not isinstance(text, str):
        raise InvalidInput(f"the {what} must be text")
    text = text.strip()
    if len(text) > limit:
        raise InvalidInput(f"the {what} is longer than {limit} characters")
    char = bad_character(text, multiline=multiline)
    if char is not None and unicodedata.category(char) == "Cs":
        code = f"U+{ord(char):04X}"
        raise InvalidInput(f"the {what} holds an invalid character ({code}, half a surrogate pair)")
    if char is not None:
        raise InvalidInput(f"the {what} holds a control character (U+{ord(char):04X}); remove it")
    return text


def _is_control(char: str) -> bool:
    category = unicodedata.category(char)
    return category in ("Cc", "Cs") or (category == "Cf" and char not in _ALLOWED_FORMAT)


def escape_controls(text: str) -> str:
    """For a terminal: control characters shown as escapes (\\n, \\x1b, \\u202e), never raw."""
    if bad_character(text) is None:
        return text
    return "".join(c.encode("unicode_escape").decode("ascii") if _is_control(c) else c for c in text)


def escape_json_controls(document: str) -> str:
    """JSON text with every control character written as a \\u escape (still valid JSON)."""
    if bad_character(document, multiline=True) is None:
        return document
    out = []
    for char in document:
        if char in _MULTILINE or not _is_control(char):
            out.append(char)
        elif ord(char) > 0xFFFF:
            high, low = divmod(ord(char) - 0x10000, 0x400)
            out.append(f"\\u{0xD800 + high:04x}\\u{0xDC00 + low:04x}")
        else:
            out.append(f"\\u{ord(char):04x}")
    return "".join(out)
