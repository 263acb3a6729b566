"""Reading back a saved workbook without the library that wrote it: an .xlsx is a zip of XML
parts (ECMA-376), read here with zipfile and ElementTree."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}


@dataclass(frozen=True)
class Sheet:
    values: dict[str, str | float]
    formats: dict[str, str]  # cell -> its number format ('' when General)
    parts: frozenset[str]
    formulas: int  # cells holding a formula

    def cell(self, ref: str) -> str | float | None:
        return self.values.get(ref)


def read_xlsx(path: Path) -> Sheet:
    with zipfile.ZipFile(path) as book:
        names = frozenset(book.namelist())
        shared: list[str] = []
        if "xl/sharedStrings.xml" in names:
            root = ElementTree.fromstring(book.read("xl/sharedStrings.xml"))
            shared = [
                "".join(t.text or "" for t in si.iter(f"{{{NS['m']}}}t")) for si in root.findall("m:si", NS)
            ]
        styles = ElementTree.fromstring(book.read("xl/styles.xml"))
        custom = {
            n.get("numFmtId", ""): n.get("formatCode", "") for n in styles.findall("m:numFmts/m:numFmt", NS)
        }
        xfs = [x.get("numFmtId", "0") for x in styles.findall("m:cellXfs/m:xf", NS)]
        sheet = ElementTree.fromstring(book.read("xl/worksheets/sheet1.xml"))
    values: dict[str, str | float] = {}
    formats: dict[str, str] = {}
    formulas = 0
    for c in sheet.iter(f"{{{NS['m']}}}c"):
        ref = c.get("r", "")
        kind = c.get("t")
        formulas += c.find("m:f", NS) is not None
        v = c.find("m:v", NS)
        if kind == "s" and v is not None:
            values[ref] = shared[int(v.text or "0")]
        elif kind == "inlineStr":
            values[ref] = "".join(t.text or "" for t in c.iter(f"{{{NS['m']}}}t"))
        elif v is not None:
            values[ref] = float(v.text or "0")
        formats[ref] = custom.get(xfs[int(c.get("s", "0"))], "")
    return Sheet(values, formats, names, formulas)
