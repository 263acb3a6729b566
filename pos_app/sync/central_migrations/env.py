"""Alembic environment for the central store: runs on a connection handed in by pos_app.sync.central."""

from __future__ import annotations

from alembic import context

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=None)
with context.begin_transaction():
    context.run_migrations()
