"""Products, the stock ledger and the cached on-hand level kept beside it."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, bindparam, func, insert, select, text, update

from pos_app.domain.records import Product, StockLevel
from pos_app.domain.variable_measure import SoldBy
from pos_app.store.changelog import ChangeLog
from pos_app.store.ids import new_id, utc_now
from pos_app.store.schema import products, stock_movements

_PRODUCT_COLUMNS = (
    products.c.id,
    products.c.sku,
    products.c.barcode,
    products.c.name,
    products.c.price,
    products.c.tax_rate_bp,
    products.c.track_stock,
    products.c.active,
    products.c.on_hand,
    products.c.version,
    products.c.sold_by,
    products.c.category,
)


def _product(row: Any) -> Product:
    return Product(
        id=row[0],
        sku=row[1],
        barcode=row[2],
        name=row[3],
        price=row[4],
        tax_rate_bp=row[5],
        track_stock=bool(row[6]),
        active=bool(row[7]),
        on_hand=row[8],
        version=row[9],
        sold_by=SoldBy(row[10]),
        category=row[11],
    )


def fts_query(words: str) -> str:
    """Every word typed must start a word of the name: 'whi hea' -> '"whi"* AND "hea"*'."""
    terms = [w.replace('"', "") for w in words.split()]
    return " AND ".join(f'"{t}"*' for t in terms if t)


class ProductRepository:
    def __init__(self, conn: Connection, log: ChangeLog) -> None:
        self.conn = conn
        self.log = log

    def by_sku(self, sku: str) -> Product | None:
        row = self.conn.execute(select(*_PRODUCT_COLUMNS).where(products.c.sku == sku)).first()
        return _product(row) if row else None

    def by_barcode(self, barcode: str) -> Product | None:
        row = self.conn.execute(select(*_PRODUCT_COLUMNS).where(products.c.barcode == barcode)).first()
        return _product(row) if row else None

    def by_barcodes(self, barcodes: Iterable[str]) -> dict[str, Product]:
        rows = self.conn.execute(select(*_PRODUCT_COLUMNS).where(products.c.barcode.in_(list(barcodes))))
        return {r[2]: _product(r) for r in rows}

    def by_skus(self, skus: Iterable[str]) -> dict[str, Product]:
        rows = self.conn.execute(select(*_PRODUCT_COLUMNS).where(products.c.sku.in_(list(skus))))
        return {r[1]: _product(r) for r in rows}

    def search(self, words: str, limit: int) -> list[Product]:
        match = fts_query(words)
        if not match:
            return []
        rows = self.conn.execute(
            select(*_PRODUCT_COLUMNS)
            .where(
                text(
                    "products.rowid IN "
                    "(SELECT rowid FROM products_fts WHERE products_fts MATCH :match LIMIT :cap)"
                )
            )
            .where(products.c.active.is_(True))
            .order_by(products.c.name)
            .limit(limit),
            {"match": match, "cap": limit * 4},
        )
        return [_product(r) for r in rows]

    def add(self, values: dict[str, Any]) -> str:
        now = utc_now()
        product_id = new_id()
        self.conn.execute(
            insert(products),
            {
                "id": product_id,
                "on_hand": 0,
                "active": True,
                "created_at": now,
                "updated_at": now,
                "version": 1,
            }
            | values,
        )
        self.log.touched("product", [product_id])
        return product_id

    def add_many(self, rows: list[dict[str, Any]]) -> None:
        if rows:
            self.conn.execute(insert(products), rows)
            self.log.touched("product", (r["id"] for r in rows))

    def update(self, product_id: str, values: dict[str, Any]) -> None:
        self.conn.execute(
            update(products)
            .where(products.c.id == product_id)
            .values(**values, updated_at=utc_now(), version=products.c.version + 1)
        )
        self.log.touched("product", [product_id], [*values, "updated_at", "version"])

    def all_rows(self, batch: int = 5000) -> Iterable[Product]:
        """Every product in SKU order, read in batches so the catalogue is never all in memory."""
        last = ""
        while True:
            rows = self.conn.execute(
                select(*_PRODUCT_COLUMNS).where(products.c.sku > last).order_by(products.c.sku).limit(batch)
            ).all()
            if not rows:
                return
            for row in rows:
                yield _product(row)
            last = rows[-1][1]

    def count(self) -> int:
        return int(self.conn.execute(select(func.count()).select_from(products)).scalar_one())


class StockRepository:
    def __init__(self, conn: Connection, log: ChangeLog) -> None:
        self.conn = conn
        self.log = log

    def move(self, moves: list[dict[str, Any]], user_name: str, order_id: str | None = None) -> None:
        """Append signed movements (product_id, qty, reason, note) and update the cached levels."""
        if not moves:
            return
        now = utc_now()
        rows = [
            {
                "id": new_id(),
                "product_id": m["product_id"],
                "qty": m["qty"],
                "reason": m["reason"],
                "order_id": order_id,
                "note": m.get("note", ""),
                "user_name": user_name,
                "created_at": now,
            }
            for m in moves
        ]
        self.conn.execute(insert(stock_movements), rows)
        self.log.rows("stock_movements", rows)
        self.conn.execute(
            update(products)
            .where(products.c.id == bindparam("pid"))
            .values(on_hand=products.c.on_hand + bindparam("delta")),
            [{"pid": m["product_id"], "delta": m["qty"]} for m in moves],
        )

    def levels(self, sku: str | None = None, limit: int | None = None) -> list[StockLevel]:
        ledger = (
            select(func.coalesce(func.sum(stock_movements.c.qty), 0))
            .where(stock_movements.c.product_id == products.c.id)
            .scalar_subquery()
        )
        query = select(
            products.c.sku,
            products.c.name,
            products.c.on_hand,
            ledger,
            products.c.track_stock,
            products.c.sold_by,
        )
        if sku is not None:
            query = query.where(products.c.sku == sku)
        query = query.order_by(products.c.sku)
        if limit is not None:
            query = query.limit(limit)
        return [
            StockLevel(r[0], r[1], r[2], r[3], bool(r[4]), SoldBy(r[5])) for r in self.conn.execute(query)
        ]

    def mismatches(self) -> list[StockLevel]:
        """Products whose cached on-hand differs from the sum of their ledger."""
        return [level for level in self.levels() if level.on_hand != level.ledger_sum]
