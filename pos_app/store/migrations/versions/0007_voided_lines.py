"""Voided lines: goods taken off a sale before payment, with who, when, till, cash session,
product, quantity and amount; kept on the till (not synced) and never changed or removed
(triggers). Stands alone: it only adds a table.

Revision ID: 0007
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"


def upgrade() -> None:
    op.create_table(
        "voided_lines",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("till", sa.String(length=16), nullable=False),
        sa.Column("session_id", sa.String(length=36), nullable=True),
        sa.Column("sale_key", sa.String(length=120), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("sku", sa.String(length=200), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("qty", sa.Integer(), nullable=False),
        sa.Column("amount", sa.Integer(), nullable=False),
        sa.Column("user_name", sa.String(length=80), nullable=False),
        sa.Column("created_at", sa.String(length=27), nullable=False),
        sa.ForeignKeyConstraint(["session_id"], ["cash_sessions.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_voided_lines_session", "voided_lines", ["session_id", "user_name"])
    # A record of what was taken off a sale is worth only as much as it cannot be edited away.
    op.execute(
        "CREATE TRIGGER voided_lines_stay BEFORE UPDATE ON voided_lines "
        "BEGIN SELECT RAISE(ABORT, 'a voided line cannot be changed'); END"
    )
    op.execute(
        "CREATE TRIGGER voided_lines_kept BEFORE DELETE ON voided_lines "
        "BEGIN SELECT RAISE(ABORT, 'a voided line cannot be removed'); END"
    )
