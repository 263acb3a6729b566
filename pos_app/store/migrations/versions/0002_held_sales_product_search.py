"""Held (parked) sales and product name search.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"


def upgrade() -> None:
    op.create_table(
        "held_sales",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("label", sa.String(length=80), nullable=False),
        sa.Column("till", sa.String(length=16), nullable=False),
        sa.Column("cart_json", sa.Text(), nullable=False),
        sa.Column("created_by", sa.String(length=80), nullable=False),
        sa.Column("created_at", sa.String(length=27), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )

    # Product name search without loading the catalogue: an external-content FTS5 index.
    op.execute(
        "CREATE VIRTUAL TABLE products_fts USING fts5("
        "name, sku UNINDEXED, content='products', content_rowid='rowid', tokenize='unicode61')"
    )
    op.execute("INSERT INTO products_fts(products_fts) VALUES ('rebuild')")
    op.execute(
        "CREATE TRIGGER products_fts_insert AFTER INSERT ON products BEGIN "
        "INSERT INTO products_fts(rowid, name, sku) VALUES (new.rowid, new.name, new.sku); END"
    )
    op.execute(
        "CREATE TRIGGER products_fts_delete AFTER DELETE ON products BEGIN "
        "INSERT INTO products_fts(products_fts, rowid, name, sku) "
        "VALUES ('delete', old.rowid, old.name, old.sku); END"
    )
    op.execute(
        "CREATE TRIGGER products_fts_update AFTER UPDATE OF name, sku ON products BEGIN "
        "INSERT INTO products_fts(products_fts, rowid, name, sku) "
        "VALUES ('delete', old.rowid, old.name, old.sku); "
        "INSERT INTO products_fts(rowid, name, sku) VALUES (new.rowid, new.name, new.sku); END"
    )
