"""Quick keys: pages of buttons on the sale screen for goods without a barcode (bread, coffee,
bags). A manager sets them up; they are kept as one shop setting (JSON), so every till gets them.

Each key has a label, the product it adds (by SKU) and a colour from a fixed palette (named, so
the screens pick shades that stay readable). Keys fill a page's grid in order.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from pos_app.domain.errors import InvalidInput
from pos_app.domain.text import check_text

COLOURS = ("grey", "blue", "green", "amber", "red", "purple", "teal", "pink")
PAGE_NAME_MAX = 20
LABEL_MAX = 24
SKU_MAX = 64
MAX_PAGES = 12
MAX_KEYS = 36  # per page: a grid of 6 x 6 at most
FORMAT = 1


@dataclass(frozen=True)
class QuickKey:
    label: str
    sku: str
    colour: str = "grey"


@dataclass(frozen=True)
class QuickPage:
    name: str
    keys: tuple[QuickKey, ...] = ()


@dataclass(frozen=True)
class QuickKeys:
    pages: tuple[QuickPage, ...] = ()

    @property
    def skus(self) -> frozenset[str]:
        return frozenset(key.sku for page in self.pages for key in page.keys)

    def to_json(self) -> str:
        """The stored form (compact, stable key order), as `parse` reads it back."""
        pages = [
            {"name": p.name, "keys": [{"label": k.label, "sku": k.sku, "colour": k.colour} for k in p.keys]}
            for p in self.pages
        ]
        return json.dumps({"format": FORMAT, "pages": pages}, ensure_ascii=False, separators=(",", ":"))


def check_quick_keys(keys: QuickKeys) -> QuickKeys:
    """`keys` with every text trimmed; InvalidInput naming the page or key that is wrong."""
    if len(keys.pages) > MAX_PAGES:
        raise InvalidInput(f"at most {MAX_PAGES} pages of quick keys")
    names: set[str] = set()
    pages = []
    for n, page in enumerate(keys.pages, start=1):
        name = check_text(page.name, f"name of quick-key page {n}", PAGE_NAME_MAX)
        if not name:
            raise InvalidInput(f"quick-key page {n} needs a name")
        if name.casefold() in names:
            raise InvalidInput(f"there are two quick-key pages called “{name}”")
        names.add(name.casefold())
        if len(page.keys) > MAX_KEYS:
            raise InvalidInput(f"page “{name}” has more than {MAX_KEYS} keys")
        pages.append(QuickPage(name, tuple(_check_key(key, name, k) for k, key in enumerate(page.keys, 1))))
    return QuickKeys(tuple(pages))


def _check_key(key: QuickKey, page: str, n: int) -> QuickKey:
    where = f"key {n} on page “{page}”"
    label = check_text(key.label, f"label of {where}", LABEL_MAX)
    if not label:
        raise InvalidInput(f"{where} needs a label")
    sku = check_text(key.sku, f"product of {where}", SKU_MAX)
    if not sku:
        raise InvalidInput(f"{where} (“{label}”) needs a product")
    if key.colour not in COLOURS:
        raise InvalidInput(f"“{key.colour}” is not a key colour; choose one of {', '.join(COLOURS)}")
    return QuickKey(label, sku, key.colour)


def parse_quick_keys(text: str, *, strict: bool = True) -> QuickKeys:
    """Read the stored JSON. Strict (what a manager saves): any fault is refused with a message.
    Lenient (what is stored, perhaps by a newer till): faulty pages and keys are left out, so a
    bad key never stops a sale."""
    if not text.strip():
        return QuickKeys()
    try:
        doc = json.loads(text)
    except ValueError:
        if strict:
            raise InvalidInput("the quick keys are not valid JSON") from None
        return QuickKeys()
    raw_pages = doc.get("pages") if isinstance(doc, dict) else None
    if not isinstance(raw_pages, list):
        if strict:
            raise InvalidInput('the quick keys need a list of "pages"')
        return QuickKeys()
    if strict:
        return check_quick_keys(QuickKeys(tuple(_page(raw) for raw in raw_pages)))
    kept: list[QuickPage] = []
    for raw in raw_pages[:MAX_PAGES]:
        try:
            page = _page(raw)
            name = check_quick_keys(QuickKeys((QuickPage(page.name),))).pages[0].name
        except InvalidInput:
            continue
        keys = []
        for key in page.keys[:MAX_KEYS]:
            try:
                keys.append(_check_key(key, name, 1))
            except InvalidInput:
                continue
        if all(p.name.casefold() != name.casefold() for p in kept):
            kept.append(QuickPage(name, tuple(keys)))
    return QuickKeys(tuple(kept))


def _page(raw: Any) -> QuickPage:
    if not isinstance(raw, dict) or not isinstance(raw.get("keys", []), list):
        raise InvalidInput('each quick-key page needs a "name" and a list of "keys"')
    return QuickPage(raw.get("name", ""), tuple(_key(k) for k in raw.get("keys", [])))


def _key(raw: Any) -> QuickKey:
    if not isinstance(raw, dict):
        raise InvalidInput('each quick key needs a "label", a "sku" and a "colour"')
    return QuickKey(raw.get("label", ""), raw.get("sku", ""), raw.get("colour", "grey"))
