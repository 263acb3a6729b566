"""Sales reports: product categories (a plain ADD COLUMN, the products table is not copied; ''
for a product in none), and an index of the order lines with goods given back, whose value
reports sum without reading every line.

Revision ID: 0008
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"


def upgrade() -> None:
    op.add_column(
        "products", sa.Column("category", sa.String(length=60), server_default=sa.text("''"), nullable=False)
    )
    op.create_index(
        "ix_order_lines_returned", "order_lines", ["order_id"], sqlite_where=sa.text("refunded_qty > 0")
    )
