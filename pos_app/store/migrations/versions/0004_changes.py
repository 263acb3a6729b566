"""Sync: the change log (own records waiting to be pushed and those pulled from other tills),
the replica's sync state, and an order's "needs attention" reason. The old outbox goes: it
named rows, not changes, and nothing read it.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"


def upgrade() -> None:
    op.create_table(
        "changes",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("device", sa.String(length=16), nullable=False),
        sa.Column("device_seq", sa.Integer(), nullable=False),
        sa.Column("hlc", sa.String(length=22), nullable=False),
        sa.Column("entity", sa.String(length=16), nullable=False),
        sa.Column("entity_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("base_version", sa.Integer(), nullable=True),
        sa.Column("central_seq", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.String(length=27), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_changes_device_seq", "changes", ["device", "device_seq"], unique=True)
    op.create_index("ix_changes_entity", "changes", ["entity", "entity_id", "hlc"])
    op.create_index(
        "ix_changes_pending", "changes", ["device", "device_seq"], sqlite_where=sa.text("central_seq IS NULL")
    )
    op.create_table(
        "sync_state",
        sa.Column("key", sa.String(length=32), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )
    with op.batch_alter_table("orders") as batch:
        batch.add_column(
            sa.Column("attention", sa.String(length=400), server_default=sa.text("''"), nullable=False)
        )
    op.create_index(
        "ix_orders_attention", "orders", ["created_at", "id"], sqlite_where=sa.text("attention != ''")
    )
    op.create_index("ix_stock_movements_product_qty", "stock_movements", ["product_id", "qty"])
    op.drop_table("outbox")
