"""Opening database files: new ones at head, older ones backed up then upgraded, bad ones refused."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Engine, text
from sqlalchemy.exc import IntegrityError

from pos_app.domain.errors import DatabaseError
from pos_app.domain.users import Role
from pos_app.services import Services
from pos_app.store.engine import make_engine
from pos_app.store.migrate import SCHEMA_HEAD, head_revision, open_engine, read_revision, upgrade
from pos_app.store.schema import Base
from tests.conftest import FAST_HASHER
from tests.helpers import raw


def _not_fts(name: str | None, type_: str, _parents: Any) -> bool:
    # The FTS5 index and its shadow tables are made by raw SQL; the metadata does not know them.
    return not (type_ == "table" and name is not None and name.startswith("products_fts"))


def schema_differences(engine: Engine) -> list[Any]:
    with engine.connect() as conn:
        context = MigrationContext.configure(
            conn, opts={"include_name": _not_fts, "compare_type": True, "compare_server_default": True}
        )
        return list(compare_metadata(context, Base.metadata))


@pytest.fixture
def engines() -> Any:
    made: list[Engine] = []
    yield made
    for engine in made:
        engine.dispose()


def test_a_new_database_is_at_head_and_matches_the_tables(tmp_path: Path, engines: list[Engine]) -> None:
    path = tmp_path / "new.sqlite3"
    engine = open_engine(path, create=True)
    engines.append(engine)
    assert read_revision(path) == head_revision()
    assert schema_differences(engine) == []


def test_a_missing_file_is_not_created_unless_asked(tmp_path: Path) -> None:
    path = tmp_path / "missing.sqlite3"
    with pytest.raises(DatabaseError, match="there is no database"):
        open_engine(path)
    assert not path.exists()


def _previous_schema_with_data(path: Path) -> None:
    """A database as the previous release left it (revision 0001), filled by plain SQL."""
    engine = make_engine(path)
    upgrade(engine, "0001")
    engine.dispose()
    with raw(path) as conn:
        conn.execute(
            "INSERT INTO products (id, sku, barcode, name, price, tax_rate_bp, track_stock, active, on_hand,"
            " created_at, updated_at, version) VALUES ('00000000-0000-7000-8000-000000000001', 'LAMP', NULL,"
            " 'Brass Desk Lamp', 2500, 2000, 1, 1, 0, '2026-01-01T00:00:00.000000Z',"
            " '2026-01-01T00:00:00.000000Z', 1)"
        )
        conn.execute(
            "INSERT INTO customers (id, name, email, phone, address, created_at, updated_at, version)"
            " VALUES ('00000000-0000-7000-8000-000000000002', 'Old Customer', '', '', '',"
            " '2026-01-01T00:00:00.000000Z', '2026-01-01T00:00:00.000000Z', 1)"
        )


def test_an_older_database_is_backed_up_then_upgraded_keeping_its_data(
    tmp_path: Path, engines: list[Engine]
) -> None:
    path = tmp_path / "shop.sqlite3"
    _previous_schema_with_data(path)
    assert read_revision(path) == "0001"

    engine = open_engine(path)
    engines.append(engine)
    assert read_revision(path) == head_revision()
    assert schema_differences(engine) == []
    with engine.connect() as conn:
        assert conn.execute(text("SELECT name, price FROM products")).all() == [("Brass Desk Lamp", 2500)]
        assert conn.execute(text("SELECT name FROM customers")).scalar() == "Old Customer"

    backups = sorted(tmp_path.glob(f"shop.before-{head_revision()}-*.sqlite3"))
    assert len(backups) == 1
    assert read_revision(backups[0]) == "0001"
    with raw(backups[0], read_only=True) as conn:
        assert conn.execute("SELECT sku FROM products").fetchall() == [("LAMP",)]


def test_products_from_before_the_upgrade_are_found_by_name(tmp_path: Path) -> None:
    path = tmp_path / "shop.sqlite3"
    _previous_schema_with_data(path)
    services = Services.open(path, hasher=FAST_HASHER)
    try:
        assert [p.sku for p in services.catalog.search("brass")] == ["LAMP"]
        services.auth.add_user(None, "boss", Role.MANAGER, "boss1234")
        boss = services.auth.login("boss", "boss1234")
        assert services.admin.verify(boss).ok
    finally:
        services.close()


def _refused_unchanged(path: Path, match: str) -> None:
    before = path.read_bytes()
    siblings = {p.name for p in path.parent.iterdir()} - {f"{path.name}-wal", f"{path.name}-shm"}
    with pytest.raises(DatabaseError, match=match) as caught:
        open_engine(path)
    assert "left unchanged" in caught.value.message
    assert path.read_bytes() == before
    # No backup or other file was made beside it.
    assert {p.name for p in path.parent.iterdir()} - {f"{path.name}-wal", f"{path.name}-shm"} == siblings


def test_a_database_from_a_newer_pos_app_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite3"
    engine = open_engine(path, create=True)
    engine.dispose()
    with raw(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0999'")
    _refused_unchanged(path, "unknown schema version .0999.: written by a newer pos_app or edited by hand")


@pytest.mark.parametrize(
    "content",
    [
        b"this is a shopping list, not a database\n",
        b"SQLite format 3\x00" + b"\xff" * 4000,
        bytes(range(256)) * 16,
    ],
    ids=["text", "damaged-sqlite", "binary"],
)
def test_a_corrupt_file_is_refused_untouched(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "broken.sqlite3"
    path.write_bytes(content)
    _refused_unchanged(path, "broken.sqlite3")


def test_a_truncated_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "cut.sqlite3"
    engine = open_engine(path, create=True)
    engine.dispose()
    path.write_bytes(path.read_bytes()[: 4096 * 3])
    _refused_unchanged(path, "cut.sqlite3")


def test_another_programs_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "contacts.sqlite3"
    with raw(path) as conn:
        conn.execute("CREATE TABLE contacts (name TEXT, phone TEXT)")
        conn.execute("INSERT INTO contacts VALUES ('Ann', '0123')")
    _refused_unchanged(path, "some other program")


def test_the_connection_pragmas(tmp_path: Path, engines: list[Engine]) -> None:
    engine = open_engine(tmp_path / "p.sqlite3", create=True)
    engines.append(engine)
    with engine.connect() as conn:
        pragma = {
            name: conn.exec_driver_sql(f"PRAGMA {name}").scalar()
            for name in ("journal_mode", "foreign_keys", "synchronous", "busy_timeout")
        }
        assert pragma == {"journal_mode": "wal", "foreign_keys": 1, "synchronous": 2, "busy_timeout": 5000}
    with engine.connect() as conn, pytest.raises(IntegrityError, match="FOREIGN KEY"), conn.begin():
        conn.exec_driver_sql(
            "INSERT INTO stock_movements (id, product_id, qty, reason, note, user_name, created_at)"
            " VALUES ('x', 'no-such-product', 1, 'receive', '', 'me', '')"
        )


def test_every_pooled_connection_gets_the_pragmas(tmp_path: Path, engines: list[Engine]) -> None:
    engine = open_engine(tmp_path / "p.sqlite3", create=True)
    engines.append(engine)
    with engine.connect() as first, engine.connect() as second:
        for conn in (first, second):
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2


def test_read_revision_never_writes(tmp_path: Path) -> None:
    path = tmp_path / "r.sqlite3"
    open_engine(path, create=True).dispose()
    before = path.read_bytes()
    assert read_revision(path) == head_revision()
    assert path.read_bytes() == before


def _filled(conn: Any, table: str, values: dict[str, object]) -> None:
    """A row of `table` with `values`, every other NOT NULL column given a plain value."""
    row = dict(values)
    for _cid, name, type_, notnull, default, _pk in conn.execute(f"PRAGMA table_info({table})").fetchall():
        if name not in row and notnull and default is None:
            row[name] = 0 if "INT" in type_.upper() or type_.upper() == "BOOLEAN" else ""
    columns = ", ".join(row)
    conn.execute(f"INSERT INTO {table} ({columns}) VALUES ({', '.join('?' * len(row))})", list(row.values()))


def test_the_journal_keeps_every_entry_through_the_cash_session_upgrade(
    tmp_path: Path, engines: list[Engine]
) -> None:
    """0005 copies the journal (an entry may name a session instead of an order): its entries,
    hashes and links come through unchanged, and orders and payments gain an empty session."""
    path = tmp_path / "shop.sqlite3"
    engine = make_engine(path)
    upgrade(engine, "0004")
    engine.dispose()
    with raw(path) as conn:
        _filled(conn, "orders", {"id": "o-1", "number": "T1-000001", "till": "T1", "status": "completed"})
        _filled(conn, "payments", {"id": "p-1", "order_id": "o-1", "kind": "payment", "method": "cash"})
        for seq, (prev, digest) in enumerate((("0" * 64, "a" * 64), ("a" * 64, "b" * 64)), 1):
            conn.execute(
                "INSERT INTO journal (seq, kind, order_id, payload, prev_hash, hash) "
                "VALUES (?, ?, 'o-1', ?, ?, ?)",
                (seq, "sale" if seq == 1 else "status", f'{{"n":{seq}}}', prev, digest),
            )
        before = conn.execute("SELECT * FROM journal ORDER BY seq").fetchall()
    engines.append(open_engine(path))
    assert read_revision(path) == head_revision()  # upgraded through 0005 to the newest
    assert read_revision(path) == SCHEMA_HEAD
    assert schema_differences(engines[-1]) == []
    with raw(path) as conn:
        assert (
            conn.execute("SELECT seq, kind, order_id, payload, prev_hash, hash FROM journal").fetchall()
            == before
        )
        assert conn.execute("SELECT session_id FROM journal").fetchall() == [(None,), (None,)]
        assert conn.execute("SELECT session_id FROM orders").fetchall() == [(None,)]
        assert conn.execute("SELECT session_id FROM payments").fetchall() == [(None,)]
        conn.execute("PRAGMA foreign_keys = ON")
        with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"):
            conn.execute(
                "INSERT INTO journal (kind, order_id, payload, prev_hash, hash) "
                "VALUES ('x', 'nope', '', '', '')"
            )


def test_the_voided_lines_upgrade_keeps_closed_z_reports_as_they_were(
    tmp_path: Path, engines: list[Engine]
) -> None:
    """A shop at 0005 with a closed session gains the voided-lines table; its Z report row is
    not touched (a closed session refuses every change)."""
    path = tmp_path / "shop.sqlite3"
    engine = make_engine(path)
    upgrade(engine, "0005")
    engine.dispose()
    with raw(path) as conn:
        _filled(conn, "cash_sessions", {"id": "s-1", "till": "T1", "seq": 1, "state": "open"})
        conn.execute("UPDATE cash_sessions SET state = 'closed', z_report = '{\"v\":1}' WHERE id = 's-1'")
        before = conn.execute("SELECT * FROM cash_sessions").fetchall()
    engines.append(open_engine(path))
    with raw(path) as conn:
        assert conn.execute("SELECT * FROM cash_sessions").fetchall() == before
        assert conn.execute("SELECT count(*) FROM voided_lines").fetchone() == (0,)


def test_sales_journalled_before_weighed_goods_still_verify_after_the_upgrade(tmp_path: Path) -> None:
    """0006 adds how a product is sold and an order line's measure: a file from 0005 with sales,
    a refund and its journal comes through with every line sold each, and verify finds nothing."""
    from pos_app.domain.cart import Cart, CartLine, CheckoutRequest
    from pos_app.domain.payments import PaymentMethod, Tender
    from pos_app.domain.variable_measure import SoldBy
    from pos_app.services.journal_check import verify_database
    from tests.conftest import CATALOG

    path = tmp_path / "shop.sqlite3"
    services = Services.open(path, create=True, hasher=FAST_HASHER)
    services.auth.add_user(None, "manager", Role.MANAGER, "manager123")
    manager = services.auth.login("manager", "manager123")
    catalog = tmp_path / "catalog.csv"
    catalog.write_text(CATALOG)
    services.catalog.import_csv(manager, catalog)
    cart = Cart((CartLine("MUG", 2), CartLine("TEA", 1)))
    order = services.checkout.checkout(manager, CheckoutRequest(cart, (Tender(PaymentMethod.CASH, 5000),)))
    services.orders.refund(manager, order.number, lines={"MUG": 1})
    services.close()
    with raw(path) as conn:  # the file as 0005 left it
        conn.execute("ALTER TABLE order_lines DROP COLUMN measure")
        conn.execute("ALTER TABLE products DROP COLUMN sold_by")
        conn.execute("DROP TABLE voided_lines")  # 0007's and 0008's, which come after
        conn.execute("DROP INDEX ix_order_lines_returned")
        conn.execute("ALTER TABLE products DROP COLUMN category")
        conn.execute("UPDATE alembic_version SET version_num = '0005'")
    assert read_revision(path) == "0005"
    services = Services.open(path, hasher=FAST_HASHER)
    try:
        assert read_revision(path) == SCHEMA_HEAD
        manager = services.auth.login("manager", "manager123")
        lines = services.orders.get_order(manager, order.number).lines
        assert [(line.qty, line.measure) for line in lines] == [(2, SoldBy.EACH), (1, SoldBy.EACH)]
        assert services.catalog.find("MUG").sold_by is SoldBy.EACH
        assert verify_database(services.db).problems == []
    finally:
        services.close()


def test_products_from_before_categories_are_in_none_and_can_be_given_one(
    tmp_path: Path, engines: list[Engine]
) -> None:
    path = tmp_path / "shop.sqlite3"
    engine = make_engine(path)
    upgrade(engine, "0005")
    engine.dispose()
    with raw(path) as conn:
        _filled(conn, "products", {"id": "p-1", "sku": "MUG", "name": "Mug", "price": 450})
    engines.append(open_engine(path))
    assert read_revision(path) == SCHEMA_HEAD
    assert schema_differences(engines[-1]) == []
    with raw(path) as conn:
        assert conn.execute("SELECT sku, category FROM products").fetchall() == [("MUG", "")]
        conn.execute("UPDATE products SET category = 'Kitchen' WHERE id = 'p-1'")
        assert conn.execute("SELECT category FROM products").fetchone() == ("Kitchen",)
