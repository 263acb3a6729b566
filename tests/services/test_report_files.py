"""Saving a report: CSV with exact decimal amounts, an Excel workbook with amounts as numbers in
the currency's format (read back here without XlsxWriter), text never run as a formula, and
the same care with files as every export (no half-written file, never over the database)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from pos_app.domain.cart import CartLine
from pos_app.domain.errors import InvalidInput
from pos_app.domain.reports import Grouping, SalesReport, decimal_text
from pos_app.domain.users import Actor
from pos_app.services import Services
from pos_app.services.report_files import FileKind, money_format
from tests.helpers import sell
from tests.services.xlsx_read import read_xlsx


def today() -> date:
    return datetime.now().astimezone().date()


@pytest.fixture
def by_product(services: Services, manager: Actor, clerk: Actor) -> SalesReport:
    sell(services, clerk)  # 2 mugs at 4.00 and a tea at 2.55, tax included at 20 %
    services.catalog.edit_product(manager, "CARD", name='=HYPERLINK("http://x")')
    sell(services, clerk, lines=(CartLine("CARD", 3),))  # 3 cards at 1.99, no tax
    return services.reports.sales(manager, today(), today(), Grouping.PRODUCT)


def test_csv_holds_exact_decimal_amounts_and_text_as_text(
    services: Services, by_product: SalesReport, tmp_path: Path
) -> None:
    path = tmp_path / "products.csv"
    assert services.reports.save(by_product, path) is FileKind.CSV
    assert path.read_text(encoding="utf-8").splitlines() == [
        "SKU,Product,Orders,Qty,Gross (GBP),Discounts (GBP),Refunds (GBP),Net (GBP),Tax (GBP)",
        "MUG,Blue Mug,1,2,8.00,0.00,0.00,8.00,1.33",
        'CARD,"\'=HYPERLINK(""http://x"")",1,3,5.97,0.00,0.00,5.97,0.00',
        "TEA,Green Tea 50 bags,1,1,2.55,0.00,0.00,2.55,0.43",
        "Total,,2,6,16.52,0.00,0.00,16.52,1.76",
    ]


def test_the_workbook_has_numbers_in_the_currency_format_a_totals_block_and_a_chart(
    services: Services, by_product: SalesReport, tmp_path: Path
) -> None:
    path = tmp_path / "products.xlsx"
    assert services.reports.save(by_product, path) is FileKind.XLSX
    sheet = read_xlsx(path)
    assert sheet.cell("A1") == f"Sales by product, {today().isoformat()}"
    assert [sheet.cell(f"{c}4") for c in "ABCDEFGHI"] == [
        "SKU", "Product", "Orders", "Qty", "Gross (GBP)", "Discounts (GBP)", "Refunds (GBP)", "Net (GBP)",
        "Tax (GBP)",
    ]  # fmt: skip
    assert [sheet.cell(f"{c}5") for c in "ABCDEH"] == ["MUG", "Blue Mug", 1.0, 2.0, 8.0, 8.0]
    assert sheet.cell("B6") == '=HYPERLINK("http://x")'  # a string cell, not a formula
    assert sheet.cell("A8") == "Total" and sheet.cell("H8") == pytest.approx(16.52)
    assert sheet.formats["H5"] == money_format("GBP") == '#,##0.00 "GBP";-#,##0.00 "GBP"'
    assert sheet.formats["C5"] == ""  # counts stay plain numbers
    summary = {sheet.cell(f"A{n}"): sheet.cell(f"B{n}") for n in range(10, 21)}
    assert summary["Net sales"] == pytest.approx(16.52) and summary["Orders"] == 2.0
    assert summary["Cancelled orders (left out)"] == 0.0
    assert "xl/charts/chart1.xml" in sheet.parts
    assert sheet.formulas == 0


def test_an_existing_file_is_kept_unless_replacing_is_asked_and_the_database_never(
    services: Services, by_product: SalesReport, tmp_path: Path, db_path: Path
) -> None:
    path = tmp_path / "old.xlsx"
    path.write_bytes(b"old")
    with pytest.raises(InvalidInput):
        services.reports.save(by_product, path)
    assert path.read_bytes() == b"old"
    services.reports.save(by_product, path, force=True)
    assert path.read_bytes()[:2] == b"PK"
    before = db_path.read_bytes()
    with pytest.raises(InvalidInput):
        services.reports.save(
            by_product, db_path.with_suffix(".csv").with_name(db_path.name), FileKind.CSV, force=True
        )
    assert db_path.read_bytes() == before
    with pytest.raises(InvalidInput, match=r"\.csv or \.xlsx"):
        services.reports.save(by_product, tmp_path / "report.pdf")
    assert sorted(p.name for p in tmp_path.iterdir() if "partial" in p.name) == []


@pytest.mark.parametrize(
    ("minor", "currency", "text"),
    [(0, "GBP", "0.00"), (5, "GBP", "0.05"), (-5, "GBP", "-0.05"), (123456, "GBP", "1234.56"),
     (1500, "JPY", "1500"), (-1234, "KWD", "-1.234")],
)  # fmt: skip
def test_decimal_text_is_the_minor_units_exactly(minor: int, currency: str, text: str) -> None:
    assert decimal_text(minor, currency) == text
