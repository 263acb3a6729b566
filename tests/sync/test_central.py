"""The central store as its owner sets it up, and as a till's own log-in role sees it:
PostgreSQL itself refuses a forged device, another shop's rows, and any rewrite of history."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from pos_app.sync import central
from tests.sync.conftest import PgServer
from tests.sync.helpers import INSERT_CHANGE, change, connected, run


def _catalog(url: str) -> list[tuple[object, ...]]:
    """What init sets up: tables, policies, grants, shops and the schema version."""
    with connected(url) as conn:
        rows = conn.execute(
            text(
                "SELECT 'policy', tablename || ':' || policyname, cmd || coalesce(qual, '') "
                "|| coalesce(with_check, '') FROM pg_policies "
                "UNION ALL SELECT 'grant', table_name || ':' || grantee, privilege_type "
                "FROM information_schema.role_table_grants WHERE table_schema = 'public' "
                "UNION ALL SELECT 'rls', relname, relrowsecurity::text || relforcerowsecurity::text "
                "FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r' "
                "UNION ALL SELECT 'shop', name, id::text FROM shops "
                "UNION ALL SELECT 'version', version_num, '' FROM alembic_version ORDER BY 1, 2, 3"
            )
        ).all()
    return [tuple(r) for r in rows]


def test_central_init_creates_once_then_changes_nothing(
    pg_server: PgServer, capsys: pytest.CaptureFixture[str]
) -> None:
    url = pg_server.new_database()
    first = run(capsys, "central", "init", url, "--shop", "Harbour Street")
    assert first.code == 0, first.err
    assert "schema created at c0001" in first.out
    assert "shop 'Harbour Street' added" in first.out
    before = _catalog(url)
    assert ("rls", "changes", "truetrue") in before
    assert ("version", "c0001", "") in before

    again = run(capsys, "central", "init", url)
    assert again.code == 0, again.err
    assert "nothing to do" in again.out
    assert _catalog(url) == before


def test_add_till_prints_on_its_last_line_a_url_that_logs_in_as_that_till(
    pg_server: PgServer, capsys: pytest.CaptureFixture[str]
) -> None:
    url = pg_server.new_database()
    assert run(capsys, "central", "init", url).code == 0
    added = run(capsys, "central", "add-till", "t2", "--url", url)
    assert added.code == 0, added.err
    till_url = added.out.strip().splitlines()[-1]
    password = make_url(till_url).password
    assert password and len(password) >= 24
    with connected(till_url) as conn:
        assert conn.execute(text("SELECT current_user")).scalar() == f"{pg_server.prefix}t2"
        assert conn.execute(text("SELECT code FROM tills")).scalars().all() == ["T2"]
    with connected(url) as conn:
        stored = conn.execute(
            text("SELECT rolpassword FROM pg_authid WHERE rolname = :r"), {"r": f"{pg_server.prefix}t2"}
        ).scalar()
    # The server holds a SCRAM verifier, never the password.
    assert stored.startswith("SCRAM-SHA-256$4096:") and password not in stored

    twice = run(capsys, "central", "add-till", "T2", "--url", url)
    assert twice.code == 5 and "already registered" in twice.err
    forged = run(capsys, "central", "add-till", 'x"; DROP', "--url", url)
    assert forged.code == 5 and "1-8 letters" in forged.err

    assert run(capsys, "central", "init", url, "--shop", "Second").code == 0
    unsaid = run(capsys, "central", "add-till", "T3", "--url", url)
    assert unsaid.code == 5 and "--shop" in unsaid.err
    unknown = run(capsys, "central", "add-till", "T3", "--url", url, "--shop", "Nowhere")
    assert unknown.code == 5 and "no shop named 'Nowhere'" in unknown.err
    with connected(url) as conn:
        assert (
            conn.execute(
                text("SELECT count(*) FROM pg_roles WHERE rolname = :r"), {"r": f"{pg_server.prefix}t3"}
            ).scalar()
            == 0
        )


def test_central_commands_refuse_a_url_that_does_not_work_in_one_line(
    pg_server: PgServer, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = make_url(pg_server.url).set(database=f"{pg_server.prefix}missing", password="secretpw99")
    for args in (
        ("central", "init", missing.render_as_string(hide_password=False)),
        ("central", "add-till", "T4", "--url", missing.render_as_string(hide_password=False)),
        ("central", "init", "sqlite:///central.db"),
    ):
        result = run(capsys, *args)
        assert result.code == 5, args
        assert len(result.err.strip().splitlines()) == 1 and "secretpw99" not in result.err, result.err


@dataclass(frozen=True)
class Centre:
    owner: str
    tills: dict[str, str]  # code -> the till's own URL
    shops: dict[str, int]  # name -> id


@pytest.fixture(scope="module")
def centre(pg_server: PgServer) -> Centre:
    """Two shops: North with tills N1 and N2, South with till S1."""
    owner = pg_server.new_database()
    central.init(owner, "North")
    central.init(owner, "South")
    tills = {
        code: central.add_till(owner, code, shop).url
        for code, shop in (("N1", "North"), ("N2", "North"), ("S1", "South"))
    }
    with connected(owner) as conn:
        shops = {str(name): int(i) for i, name in conn.execute(text("SELECT id, name FROM shops"))}
    return Centre(owner, tills, shops)


def _refused(conn_url: str, statement: str, params: dict[str, object] | None = None) -> str:
    with connected(conn_url) as conn, pytest.raises(DBAPIError) as caught:
        conn.execute(text(statement) if isinstance(statement, str) else statement, params or {})
    return str(caught.value.orig)


def test_a_till_may_add_its_own_changes_and_the_centre_numbers_them(centre: Centre) -> None:
    north = centre.shops["North"]
    with connected(centre.tills["N1"]) as conn:
        first = conn.execute(INSERT_CHANGE, change("N1", 1, north)).scalar_one()
        second = conn.execute(INSERT_CHANGE, change("N1", 2, north)).scalar_one()
        conn.commit()
    assert second > first


def test_a_till_cannot_forge_another_tills_change_or_another_shop(centre: Centre) -> None:
    north, south = centre.shops["North"], centre.shops["South"]
    forgeries = [change("N2", 1, north), change("S1", 1, south), change("N1", 90, south)]
    with connected(centre.tills["N1"]) as conn:
        for forged in forgeries:
            with pytest.raises(DBAPIError) as caught:
                conn.execute(INSERT_CHANGE, forged)
            assert "row-level security" in str(caught.value.orig)
            conn.rollback()
    with connected(centre.owner) as conn:
        ids = [f["id"] for f in forgeries]
        kept = conn.execute(text("SELECT count(*) FROM changes WHERE id::text = ANY(:ids)"), {"ids": ids})
        assert kept.scalar() == 0


def test_a_till_reads_only_its_own_shop(centre: Centre) -> None:
    north, south = centre.shops["North"], centre.shops["South"]
    mine = {}
    for code, shop, seq in (("N2", north, 11), ("S1", south, 11)):
        with connected(centre.tills[code]) as conn:
            row = change(code, seq, shop)
            conn.execute(INSERT_CHANGE, row)
            conn.commit()
            mine[code] = row["id"]
    with connected(centre.tills["N1"]) as conn:
        seen = {str(i) for i in conn.execute(text("SELECT id FROM changes")).scalars()}
        assert mine["N2"] in seen and mine["S1"] not in seen
        assert set(conn.execute(text("SELECT code FROM tills")).scalars()) == {"N1", "N2"}
        assert conn.execute(text("SELECT name FROM shops")).scalars().all() == ["North"]
    with connected(centre.tills["S1"]) as conn:
        seen = {str(i) for i in conn.execute(text("SELECT id FROM changes")).scalars()}
        assert seen == {mine["S1"]}


def test_a_till_can_never_update_or_delete_history(centre: Centre) -> None:
    with connected(centre.tills["N1"]) as conn:
        conn.execute(INSERT_CHANGE, change("N1", 21, centre.shops["North"]))
        conn.commit()
    with connected(centre.owner) as conn:
        before = conn.execute(text("SELECT count(*), max(kind) FROM changes")).one()
    for statement in (
        "UPDATE changes SET kind = 'cancelled' WHERE device = 'N1'",
        "DELETE FROM changes WHERE device = 'N1'",
        "TRUNCATE changes",
        "UPDATE tills SET shop_id = shop_id",
        "DELETE FROM chain_heads",
    ):
        assert "permission denied" in _refused(centre.tills["N1"], statement), statement
    with connected(centre.owner) as conn:
        assert conn.execute(text("SELECT count(*), max(kind) FROM changes")).one() == before


def test_a_till_keeps_only_its_own_chain_head(centre: Centre) -> None:
    upsert = (
        "INSERT INTO chain_heads (device, head, journal_seq) VALUES (:d, :h, :s) "
        "ON CONFLICT (device) DO UPDATE SET head = excluded.head, journal_seq = excluded.journal_seq, "
        "at = now()"
    )
    for code in ("N1", "N2"):
        with connected(centre.tills[code]) as conn:
            conn.execute(text(upsert), {"d": code, "h": f"{code}-a", "s": 1})
            conn.commit()
    with connected(centre.tills["N1"]) as conn:
        conn.execute(text(upsert), {"d": "N1", "h": "N1-b", "s": 2})
        conn.commit()
        assert conn.execute(text("SELECT device, head FROM chain_heads")).all() == [("N1", "N1-b")]
    message = _refused(centre.tills["N1"], upsert, {"d": "N2", "h": "forged", "s": 99})
    assert "row-level security" in message
    # Its own row, pointed at another device, is refused too.
    message = _refused(centre.tills["N1"], "UPDATE chain_heads SET device = 'N2'")
    assert "row-level security" in message or "violates" in message
    with connected(centre.owner) as conn:
        heads = {str(d): str(h) for d, h in conn.execute(text("SELECT device, head FROM chain_heads"))}
    assert heads == {"N1": "N1-b", "N2": "N2-a"}
