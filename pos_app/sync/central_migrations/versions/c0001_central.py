"""The central store: shops, tills, the change log and each till's journal head, with
row-level security so a till role may only add its own changes and read its own shop.

Revision ID: c0001
Revises:
"""

from __future__ import annotations

from alembic import op
from sqlalchemy import text

revision = "c0001"
down_revision = None
branch_labels = None
depends_on = None

TABLES = ("shops", "tills", "changes", "chain_heads")


def upgrade() -> None:
    conn = op.get_bind()
    owner = conn.dialect.identifier_preparer.quote_identifier(
        str(conn.execute(text("SELECT current_user")).scalar_one())
    )
    op.execute(
        """
        CREATE TABLE shops (
            id serial PRIMARY KEY,
            name text NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 80)
        );
        CREATE TABLE tills (
            code text PRIMARY KEY CHECK (code ~ '^[A-Z0-9_]{1,8}$'),
            shop_id integer NOT NULL REFERENCES shops (id),
            role_name text NOT NULL UNIQUE,
            created_at timestamptz NOT NULL DEFAULT now()
        );
        CREATE TABLE changes (
            id uuid PRIMARY KEY,
            shop_id integer NOT NULL REFERENCES shops (id),
            device text NOT NULL REFERENCES tills (code),
            device_seq bigint NOT NULL CHECK (device_seq > 0),
            hlc text NOT NULL,
            entity text NOT NULL,
            entity_id text NOT NULL,
            kind text NOT NULL,
            payload jsonb NOT NULL,
            base_version integer,
            central_seq bigserial NOT NULL UNIQUE,
            received_at timestamptz NOT NULL DEFAULT now(),
            UNIQUE (device, device_seq)
        );
        CREATE INDEX changes_shop_seq ON changes (shop_id, central_seq);
        CREATE TABLE chain_heads (
            device text PRIMARY KEY REFERENCES tills (code),
            head text NOT NULL,
            journal_seq bigint NOT NULL,
            at timestamptz NOT NULL DEFAULT now()
        );
        CREATE TABLE central_meta (
            key text PRIMARY KEY,
            value text NOT NULL
        );
        """
    )
    # The till bound to a role (called with current_user), looked up with the owner's rights
    # so that the tills table's own policy can use it without recursing. Only tills may call them.
    for name, column in (("central_till_code", "code"), ("central_till_shop", "shop_id")):
        kind = "text" if column == "code" else "integer"
        op.execute(
            f"""
            CREATE FUNCTION {name}(who text) RETURNS {kind}
            LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
            AS $$ SELECT {column} FROM tills WHERE role_name = who $$;
            REVOKE ALL ON FUNCTION {name}(text) FROM PUBLIC;
            """
        )
    for table in TABLES:
        op.execute(
            f"""
            ALTER TABLE {table} ENABLE ROW LEVEL SECURITY;
            ALTER TABLE {table} FORCE ROW LEVEL SECURITY;
            CREATE POLICY centre_owner ON {table} FOR ALL TO {owner} USING (true) WITH CHECK (true);
            """
        )
    mine, my_shop = "central_till_code(current_user)", "central_till_shop(current_user)"
    op.execute(
        f"""
        CREATE POLICY till_reads_own_shop ON shops FOR SELECT USING (id = {my_shop});
        CREATE POLICY till_reads_own_shop ON tills FOR SELECT USING (shop_id = {my_shop});
        CREATE POLICY till_reads_own_shop ON changes FOR SELECT USING (shop_id = {my_shop});
        CREATE POLICY till_adds_own_changes ON changes FOR INSERT
            WITH CHECK (device = {mine} AND shop_id = {my_shop});
        CREATE POLICY till_reads_own_head ON chain_heads FOR SELECT USING (device = {mine});
        CREATE POLICY till_sets_own_head ON chain_heads FOR INSERT WITH CHECK (device = {mine});
        CREATE POLICY till_moves_own_head ON chain_heads FOR UPDATE
            USING (device = {mine}) WITH CHECK (device = {mine});
        """
    )
