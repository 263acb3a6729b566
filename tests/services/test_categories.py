"""Product categories: set in the form's service call, by CSV import, kept by files without the
column, written by export, and given to every product of the demo catalogue."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from pos_app.config import resources_dir
from pos_app.domain.errors import InvalidInput, PermissionDenied
from pos_app.domain.users import Actor
from pos_app.services import Services


def test_a_manager_puts_a_product_in_a_category_and_takes_it_out(services: Services, manager: Actor) -> None:
    assert services.catalog.find("MUG").category == ""
    edited = services.catalog.edit_product(manager, "MUG", category="  Kitchen   &  dining ")
    assert edited.category == "Kitchen & dining"
    assert services.catalog.edit_product(manager, "MUG", category="").category == ""
    added = services.catalog.add_product(manager, "JAR", "Jam jar", 250, 2000, category="Kitchen")
    assert added.category == "Kitchen"


def test_a_bad_category_is_refused_and_changes_nothing(
    services: Services, manager: Actor, clerk: Actor
) -> None:
    with pytest.raises(InvalidInput, match="at most 60"):
        services.catalog.edit_product(manager, "MUG", category="x" * 61)
    with pytest.raises(InvalidInput, match="control characters"):
        services.catalog.edit_product(manager, "MUG", category="Kit\x1bchen")
    with pytest.raises(PermissionDenied):
        services.catalog.edit_product(clerk, "MUG", category="Kitchen")
    assert services.catalog.find("MUG").category == ""


def test_import_sets_categories_and_a_file_without_the_column_keeps_them(
    services: Services, manager: Actor, tmp_path: Path
) -> None:
    with_column = tmp_path / "with.csv"
    with_column.write_text(
        "sku,barcode,name,price,tax_rate,on_hand,category\n"
        "MUG,4006381333931,Blue Mug,4.00,20,10,Kitchen\n"
        "NEW,,Tea towel,3.00,20,5,'=Textiles\n"
    )
    services.catalog.import_csv(manager, with_column)
    assert services.catalog.find("MUG").category == "Kitchen"
    assert services.catalog.find("NEW").category == "=Textiles"  # the apostrophe of an export is taken off
    without = tmp_path / "without.csv"
    without.write_text("sku,barcode,name,price,tax_rate,on_hand\nMUG,4006381333931,Big Blue Mug,4.50,20,10\n")
    services.catalog.import_csv(manager, without)
    mug = services.catalog.find("MUG")
    assert (mug.name, mug.category) == ("Big Blue Mug", "Kitchen")


def test_a_bad_category_in_a_file_names_its_line_and_imports_nothing(
    services: Services, manager: Actor, tmp_path: Path
) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(
        "sku,barcode,name,price,tax_rate,on_hand,category\n"
        "MUG,4006381333931,Blue Mug,4.00,20,10,Kitchen\n"
        f"TEA,5012345000008,Green Tea 50 bags,2.55,20,20,{'y' * 61}\n"
    )
    with pytest.raises(InvalidInput, match=r"bad\.csv line 3, column category: a category is at most 60"):
        services.catalog.import_csv(manager, path)
    assert services.catalog.find("MUG").category == ""


def test_export_writes_the_category_and_reads_back_the_same(
    services: Services, manager: Actor, tmp_path: Path
) -> None:
    services.catalog.edit_product(manager, "MUG", category="-Mugs, cups")
    path = tmp_path / "out.csv"
    services.catalog.export_csv(manager, path)
    with path.open(newline="") as handle:
        rows = {r["sku"]: r for r in csv.DictReader(handle)}
    assert rows["MUG"]["category"] == "'-Mugs, cups"  # a spreadsheet shows it as text
    assert rows["CARD"]["category"] == ""
    services.catalog.edit_product(manager, "MUG", category="")
    services.catalog.import_csv(manager, path)
    assert services.catalog.find("MUG").category == "-Mugs, cups"


def test_every_product_of_the_demo_catalogue_has_a_category() -> None:
    with (resources_dir() / "demo_catalog.csv").open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert rows and all(r["category"] for r in rows)
    assert {r["category"] for r in rows if r["sku"] == "POST"} == {"Services"}
    assert len({r["category"] for r in rows}) >= 5
