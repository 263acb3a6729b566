"""Cash drawer sessions: each till's sessions (float, count, Z report), the cash moved in and
out of their drawers, the session an order was rung up in and a payment taken in, sales that
reached a closed session late, and journal entries that name a session (a Z report) instead
of an order. A closed session cannot be changed or removed (triggers).

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"


def upgrade() -> None:
    op.create_table(
        "cash_sessions",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("till", sa.String(length=16), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(length=8), nullable=False),
        sa.Column("opened_by", sa.String(length=80), nullable=False),
        sa.Column("opened_at", sa.String(length=27), nullable=False),
        sa.Column("float", sa.Integer(), nullable=False),
        sa.Column("opening_count", sa.Text(), server_default=sa.text("''"), nullable=False),
        sa.Column("closed_by", sa.String(length=80), server_default=sa.text("''"), nullable=False),
        sa.Column("closed_at", sa.String(length=27), nullable=True),
        sa.Column("counted", sa.Integer(), nullable=True),
        sa.Column("expected", sa.Integer(), nullable=True),
        sa.Column("approver_name", sa.String(length=80), server_default=sa.text("''"), nullable=False),
        sa.Column("z_report", sa.Text(), nullable=True),
        sa.Column("z_hash", sa.String(length=64), nullable=True),
        sa.Column("updated_at", sa.String(length=27), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_cash_sessions_till_seq", "cash_sessions", ["till", "seq"], unique=True)
    op.create_index(
        "ix_cash_sessions_open",
        "cash_sessions",
        ["till"],
        unique=True,
        sqlite_where=sa.text("state = 'open'"),
    )
    # What a Z report fixed stays fixed: the journal holds its hash, and the row itself refuses
    # every change once closed (verify still compares the two, for a file edited outside).
    op.execute(
        "CREATE TRIGGER cash_sessions_closed_stay BEFORE UPDATE ON cash_sessions "
        "WHEN OLD.state = 'closed' BEGIN SELECT RAISE(ABORT, 'a closed cash session cannot be changed'); END"
    )
    op.execute(
        "CREATE TRIGGER cash_sessions_closed_kept BEFORE DELETE ON cash_sessions "
        "WHEN OLD.state = 'closed' BEGIN SELECT RAISE(ABORT, 'a closed cash session cannot be removed'); END"
    )
    op.create_table(
        "cash_movements",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("session_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("amount", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), server_default=sa.text("''"), nullable=False),
        sa.Column("order_id", sa.String(length=36), nullable=True),
        sa.Column("user_name", sa.String(length=80), nullable=False),
        sa.Column("approver_name", sa.String(length=80), server_default=sa.text("''"), nullable=False),
        sa.Column("created_at", sa.String(length=27), nullable=False),
        sa.ForeignKeyConstraint(["session_id"], ["cash_sessions.id"]),
        sa.ForeignKeyConstraint(["order_id"], ["orders.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_cash_movements_session", "cash_movements", ["session_id", "kind"])
    op.create_table(
        "late_sales",
        sa.Column("order_id", sa.String(length=36), nullable=False),
        sa.Column("session_id", sa.String(length=36), nullable=False),
        sa.Column("till", sa.String(length=16), nullable=False),
        sa.Column("noted_in", sa.String(length=36), nullable=True),
        sa.Column("arrived_at", sa.String(length=27), nullable=False),
        sa.ForeignKeyConstraint(["order_id"], ["orders.id"]),
        sa.ForeignKeyConstraint(["session_id"], ["cash_sessions.id"]),
        sa.PrimaryKeyConstraint("order_id"),
    )
    op.create_index("ix_late_sales_noted_in", "late_sales", ["noted_in"])
    # Plain ADD COLUMNs: the orders and payments tables are not copied.
    op.add_column("orders", sa.Column("session_id", sa.String(length=36), nullable=True))
    op.create_index("ix_orders_session", "orders", ["session_id", "seq"])
    op.add_column("payments", sa.Column("session_id", sa.String(length=36), nullable=True))
    op.create_index("ix_payments_session_id", "payments", ["session_id"])
    # The journal is copied once: an entry may now name a session instead of an order.
    with op.batch_alter_table("journal") as batch:
        batch.alter_column("order_id", existing_type=sa.String(length=36), nullable=True)
        batch.add_column(sa.Column("session_id", sa.String(length=36), nullable=True))
        batch.create_foreign_key("fk_journal_session", "cash_sessions", ["session_id"], ["id"])
