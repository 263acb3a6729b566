"""CSV files as a hostile or careless hand makes them: numbers of other scripts, formulas,
broken quotes, NUL bytes, huge fields, other encodings. Each is refused with its line, or
(formulas) exported so a spreadsheet shows text and imported back to the same text."""

from __future__ import annotations

from pathlib import Path

import pytest

from pos_app.domain.errors import InvalidInput
from pos_app.domain.users import Actor
from pos_app.services import Services
from pos_app.services.catalog import escape_cell, unescape_cell
from tests.helpers import dump

HEADER = "sku,barcode,name,price,tax_rate,on_hand\n"
GOOD = HEADER + "SCARF,,Wool Scarf,15.00,20,3\n"


@pytest.mark.parametrize(
    ("row", "where"),
    [
        ("HAT,,Wool Hat,12.00,20,-50", "column on_hand: on-hand must be from 0 to 1000000"),
        ("HAT,,Wool Hat,12.00,20,9223372036854775808", "column on_hand: on-hand must be from 0"),
        ("HAT,,Wool Hat,12.00,20," + "9" * 5000, "column on_hand: on-hand must be from 0"),
        ("HAT,,Wool Hat,12.00,20,1_000", "column on_hand: '1_000' is not a whole number"),
        ("HAT,,Wool Hat,12.00,20,١٢٣٤", "column on_hand: '١٢٣٤' is not a whole number"),
        ("HAT,,Wool Hat,12.00,20,²", "column on_hand: '²' is not a whole number"),
        ("HAT,,Wool Hat,12.00,20,1e3", "column on_hand: '1e3' is not a whole number"),
        ("HAT,,Wool Hat,12.00,20,3.0", "column on_hand: '3.0' is not a whole number"),
        ("HAT,,Wool Hat,1e999999999,20,3", "column price: '1e999999999' is not an amount"),
        ("HAT,,Wool Hat,NaN,20,3", "column price: 'NaN' is not an amount"),
        ("HAT,,Wool Hat,١٢,20,3", "column price: '١٢' is not an amount"),
        ("HAT,,Wool Hat,1_000,20,3", "column price: '1_000' is not an amount"),
        ("HAT,,Wool Hat," + "9" * 5000 + ",20,3", "column price"),
        ("HAT,,Wool Hat,12.00,²,3", "column tax_rate: '²' is not a tax rate"),
        ("HAT,,Wool Hat,12.00,Infinity,3", "column tax_rate: 'Infinity' is not a tax rate"),
        ("HAT,,Wool\x1bHat,12.00,20,3", "column name: a product name cannot hold control characters"),
        ("HAT\u202e,,Wool Hat,12.00,20,3", "column sku"),
    ],
)
def test_numbers_are_ascii_digits_in_range_and_refused_with_line_and_column(
    services: Services, manager: Actor, db_path: Path, tmp_path: Path, row: str, where: str
) -> None:
    path = tmp_path / "new.csv"
    path.write_text(GOOD + row + "\n", encoding="utf-8")
    before = dump(db_path)
    with pytest.raises(InvalidInput) as caught:
        services.catalog.import_csv(manager, path)
    assert f"new.csv line 3, {where}" in caught.value.message
    assert dump(db_path) == before


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (
            GOOD.encode() + b'HAT,,"Wool Hat,12.00,20,3\nCAP,,Cap,1.00,20,1\n',
            "line 3: a quoted field is not closed",
        ),
        (GOOD.encode() + b"HAT,,Wool\x00Hat,12.00,20,3\n", "line 3: a NUL byte"),
        (
            GOOD.encode() + b"HAT,,Wool Hat,12.00,20,3\nCAP,,Caf\xe9,1.00,20,1\n",
            "line 4: the file is not UTF-8",
        ),
        (
            GOOD.encode() + b"HAT,,Wool Hat" + b"x" * 200_000 + b",1,20,3\n",
            "line 3: a field is longer than 131,072 characters",
        ),
        (GOOD.encode() + b'HAT,,"Wool" Hat,12.00,20,3\n', "line 3: a quote inside a quoted field"),
    ],
    ids=["unterminated-quote", "nul", "latin-1", "huge-field", "stray-quote"],
)
def test_broken_files_are_refused_with_the_line(
    services: Services, manager: Actor, db_path: Path, tmp_path: Path, content: bytes, words: str
) -> None:
    path = tmp_path / "broken.csv"
    path.write_bytes(content)
    before = dump(db_path)
    with pytest.raises(InvalidInput) as caught:
        services.catalog.import_csv(manager, path)
    assert f"broken.csv {words}" in caught.value.message
    assert dump(db_path) == before


FORMULAS = ["=1+1", "+44 tea", "-5% mug", "@SUM(A1)", "\tTab", "'=quoted", "''=twice", "'Tis", "'", "plain"]


@pytest.mark.parametrize("text", FORMULAS)
def test_cell_escaping_round_trips(text: str) -> None:
    escaped = escape_cell(text)
    assert unescape_cell(escaped) == text
    assert not escaped.startswith(("=", "+", "-", "@", "\t", "\r"))


def test_export_escapes_formulas_and_import_takes_them_back(
    services: Services, manager: Actor, tmp_path: Path
) -> None:
    names = {"FORM1": '=HYPERLINK("http://x")', "FORM2": "+44 Tea", "FORM3": "-5 Mug", "FORM4": "@cmd"}
    for sku, name in names.items():
        services.catalog.add_product(manager, sku, name, 100, 2000)
    services.catalog.add_product(manager, "-NEG", "Dash sku", 100, 2000)
    path = tmp_path / "out.csv"
    services.catalog.export_csv(manager, path)
    text = path.read_text(encoding="utf-8")
    assert "'=HYPERLINK" in text and ",'+44 Tea," in text and ",'-5 Mug," in text and "'-NEG," in text
    assert ",1.00,20,0" in text  # numbers are never escaped
    services.catalog.edit_product(manager, "FORM1", name="changed")
    services.catalog.import_csv(manager, path)
    for sku, name in names.items():
        assert services.catalog.product(manager, sku).name == name
    assert services.catalog.product(manager, "-NEG").name == "Dash sku"
