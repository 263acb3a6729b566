"""Goods sold by weight: a product says whether it is sold each or by weight (its price then per
kg, its stock in grams), and an order line whether its quantity counts items or grams. Every
product and line already there is sold each, as it always was.

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"


def upgrade() -> None:
    op.add_column(
        "products",
        sa.Column("sold_by", sa.String(length=8), server_default=sa.text("'each'"), nullable=False),
    )
    op.add_column(
        "order_lines",
        sa.Column("measure", sa.String(length=8), server_default=sa.text("'each'"), nullable=False),
    )
