"""A drawer report's text lines fitted to a receipt roll: 80 mm holds them as they are (48
columns); on 58 mm (32) a line too long keeps its label on one line and its figures, right-
aligned in even columns, on the next, so headings and figures still line up; text that is
no table wraps."""

from __future__ import annotations

import re
import textwrap

_GAP = re.compile(r" {2,}")
MONEY_COLUMN = 11  # "-£12,345.67" and a space


def fit_lines(lines: list[str], width: int) -> list[str]:
    return [part for line in lines for part in _fit(line, width)]


def _fit(line: str, width: int) -> list[str]:
    if len(line) <= width:
        return [line]
    indent = min(len(line) - len(line.lstrip()), 4)
    fields = _GAP.split(line.strip())
    if len(fields) >= 2:
        figures = fields[1:]
        column = min(MONEY_COLUMN, (width - 2) // len(figures))
        if all(len(f) < column for f in figures):
            right = "".join(f.rjust(column) for f in figures).rjust(width)
            label = " " * min(indent, 2) + fields[0]
            if right[: len(label) + 1].isspace():  # the label fits where the figures leave room
                return [label + right[len(label) :]]
            return [*_wrap(label, width, indent), right]
    return _wrap(" " * indent + "  ".join(fields), width, indent)


def _wrap(text: str, width: int, indent: int) -> list[str]:
    if len(text) <= width:
        return [text]
    more = " " * min(indent + 2, 6)
    return textwrap.wrap(text, width, subsequent_indent=more, break_long_words=True) or [text[:width]]
