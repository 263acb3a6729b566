"""Hardening: user-name keys and log-in throttling, store credit accounts, checkout
fingerprints and payment intents (card captures outside the write transaction).

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from pos_app.domain.users import name_key

revision = "0003"
down_revision = "0002"


def upgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.add_column(
            sa.Column("name_key", sa.String(length=80), server_default=sa.text("''"), nullable=False)
        )
    conn = op.get_bind()
    seen: set[str] = set()
    for user_id, name in conn.execute(sa.text("SELECT id, name FROM users ORDER BY created_at, id")).all():
        key = name_key(name)
        # Two names that were distinct before and are one now keep working: the later one is
        # set apart by its id (it can still be renamed by a manager).
        if key in seen:
            key = f"{key}#{user_id}"[:80]
        seen.add(key)
        conn.execute(sa.text("UPDATE users SET name_key = :k WHERE id = :i"), {"k": key, "i": user_id})
    op.create_index("ix_users_name_key", "users", ["name_key"], unique=True)

    op.create_table(
        "login_throttle",
        sa.Column("name_key", sa.String(length=80), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("wait_until", sa.String(length=27), nullable=True),
        sa.Column("last_failure_at", sa.String(length=27), nullable=False),
        sa.PrimaryKeyConstraint("name_key", "kind"),
    )

    with op.batch_alter_table("customers") as batch:
        batch.add_column(sa.Column("credit_balance", sa.Integer(), server_default="0", nullable=False))
    op.create_table(
        "credit_movements",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("customer_id", sa.String(length=36), nullable=False),
        sa.Column("amount", sa.Integer(), nullable=False),
        sa.Column("reason", sa.String(length=16), nullable=False),
        sa.Column("order_id", sa.String(length=36), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("user_name", sa.String(length=80), nullable=False),
        sa.Column("created_at", sa.String(length=27), nullable=False),
        sa.ForeignKeyConstraint(["customer_id"], ["customers.id"]),
        sa.ForeignKeyConstraint(["order_id"], ["orders.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        "ix_credit_movements_customer", "credit_movements", ["customer_id", "created_at"], unique=False
    )

    with op.batch_alter_table("orders") as batch:
        batch.add_column(sa.Column("checkout_fingerprint", sa.String(length=64), nullable=True))

    op.create_table(
        "payment_intents",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("checkout_key", sa.String(length=120), nullable=True),
        sa.Column("request_json", sa.Text(), nullable=False),
        sa.Column("method", sa.String(length=16), nullable=False),
        sa.Column("amount", sa.Integer(), nullable=False),
        sa.Column("reference", sa.String(length=80), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("order_id", sa.String(length=36), nullable=True),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("user_name", sa.String(length=80), nullable=False),
        sa.Column("created_at", sa.String(length=27), nullable=False),
        sa.Column("updated_at", sa.String(length=27), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_payment_intents_state", "payment_intents", ["state"], unique=False)

    # An order's journal entries by order: its receipt prints the sale entry's hash.
    op.create_index("ix_journal_order", "journal", ["order_id", "kind"], unique=False)
