"""Push and pull between a till's SQLite file and the central PostgreSQL.

Push: own records not yet at the centre go in batches, each batch one PostgreSQL transaction
that inserts them with ON CONFLICT DO NOTHING (unique on device + sequence), reads back the
central sequence each got, and moves the till's chain head; then the till marks them pushed.
A push cut off anywhere is simply sent again. Pushes of one shop are serialized by an advisory
lock, so central sequence numbers become visible in order and a pull's cursor skips nothing.

Pull: the shop's records after the till's cursor, in central order, applied locally in one
SQLite transaction per batch (store.replica), the cursor moved in that same transaction. A
pull cut off anywhere is simply asked again; records already held are skipped.

No sale ever waits for this: it runs on the sync worker's thread, on its own connections.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import psycopg
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from pos_app.domain.journal import short_hash
from pos_app.store.changelog import device_code, read_state, write_state
from pos_app.store.ids import utc_now
from pos_app.store.replica import Applied, apply_records, count_flagged, mark_pushed, pending, pending_count
from pos_app.store.schema import journal
from pos_app.store.uow import Database
from pos_app.sync.errors import CentralUnreachable, reason_of

PUSH_BATCH = 2000
PULL_BATCH = 2000
CONNECT_TIMEOUT_S = 5
# Records per batch and the connect timeout (seconds; PostgreSQL takes at least 2) may be set
# through the environment, for a slow link or a test that cuts a sync off part-way.
BATCH_ENV = "POS_APP_SYNC_BATCH"
TIMEOUT_ENV = "POS_APP_SYNC_TIMEOUT"
# Server-side limit on any statement, and TCP keepalives that notice a dead link.
STATEMENT_TIMEOUT_MS = 60_000
# A till stopped inside a push's transaction (suspended, or its link gone without a word)
# holds its shop's push lock until the server notices the dead link, which may take hours,
# and every other till's push fails meanwhile: the server ends such a session after this long.
# A till's own transactions never wait on it between statements.
IDLE_IN_TRANSACTION_MS = 20_000
_LOCK_CLASS = 7265  # pg_advisory_xact_lock(class, shop): pushes of one shop one at a time

# The arrays go in binary (%b): psycopg escapes each element of a text-format array in Python,
# which took most of a push's time for JSON payloads.
_INSERT = """
INSERT INTO changes (id, shop_id, device, device_seq, hlc, entity, entity_id, kind, payload, base_version)
SELECT c.id, %(shop)s, c.device, c.device_seq, c.hlc, c.entity, c.entity_id, c.kind, c.payload, c.base_version
FROM unnest(%(ids)b::uuid[], %(devices)b::text[], %(seqs)b::bigint[], %(hlcs)b::text[],
            %(entities)b::text[], %(entity_ids)b::text[], %(kinds)b::text[], %(payloads)b::jsonb[],
            %(bases)b::integer[])
     AS c(id, device, device_seq, hlc, entity, entity_id, kind, payload, base_version)
ON CONFLICT DO NOTHING
"""
_PUSHED = "SELECT id::text, central_seq FROM changes WHERE device = %s AND device_seq = ANY(%s)"
_HEAD = """
INSERT INTO chain_heads (device, head, journal_seq, at) VALUES (%s, %s, %s, now())
ON CONFLICT (device) DO UPDATE SET head = excluded.head, journal_seq = excluded.journal_seq, at = now()
"""
# Read the next batch along the (shop, central sequence) index, never by sorting everything
# after the cursor: right after a big push the planner's row counts are stale, and it chose to
# sort all the shop's later records (payloads and all) for each batch of a pull.
_IN_ORDER = "SET LOCAL enable_sort = off"
_PULL = """
SELECT id::text, device, device_seq, hlc, entity, entity_id, kind, payload::text, base_version, central_seq
FROM changes WHERE central_seq > %s ORDER BY central_seq LIMIT %s
"""


def _no_fault(point: str) -> None:
    """Nothing: the product never breaks a sync on purpose."""


# Called at the points where a sync may be cut off ("push: inserted" inside the centre's
# transaction, "push: committed" before the till marks the batch, "pull: applied" inside the
# till's transaction); the fault tests kill the process or drop the connection there.
fault_point: Callable[[str], None] = _no_fault


def _env_number(name: str, default: int) -> int:
    try:
        value = int(float(os.environ.get(name, "")))
    except (ValueError, OverflowError):
        return default
    return value if value > 0 else default


@dataclass
class SyncReport:
    pushed: int = 0
    pulled: int = 0
    applied: Applied = field(default_factory=Applied)


def conninfo(url: str) -> str:
    """A libpq URL from the SQLAlchemy one kept in the till's link file."""
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError):
        raise CentralUnreachable("the central store's URL is not a database URL") from None
    return parsed.set(drivername="postgresql").render_as_string(hide_password=False)


@contextmanager
def central_connection(url: str) -> Iterator[psycopg.Connection[Any]]:
    password = make_url(url).password
    try:
        conn = psycopg.connect(
            conninfo(url),
            connect_timeout=_env_number(TIMEOUT_ENV, CONNECT_TIMEOUT_S),
            options=(
                f"-c statement_timeout={STATEMENT_TIMEOUT_MS} "
                f"-c idle_in_transaction_session_timeout={IDLE_IN_TRANSACTION_MS}"
            ),
            keepalives=1,
            keepalives_idle=10,
            keepalives_interval=5,
            keepalives_count=3,
            application_name="pos_app till",
        )
    except psycopg.Error as exc:
        raise CentralUnreachable(f"cannot reach the central store: {reason_of(exc, password)}") from None
    try:
        yield conn
    except psycopg.Error as exc:
        raise CentralUnreachable(f"the central store broke off: {reason_of(exc, password)}") from None
    finally:
        conn.close()


def push(db: Database, conn: psycopg.Connection[Any], batch: int = PUSH_BATCH) -> int:
    """Send every own record not yet at the centre; how many were sent."""
    sent = 0
    shop = conn.execute("SELECT central_till_shop(current_user)").fetchone()
    if shop is None or shop[0] is None:
        raise CentralUnreachable("the central store does not know this log-in as a till")
    conn.commit()
    while True:
        with db.read() as uow:
            device = device_code(uow.conn)
            rows = pending(uow.conn, device, batch)
            newest = uow.orders.journal_head()
            head = (newest["seq"], newest["hash"]) if newest else None
        if not rows:
            return sent
        with conn.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(%s, %s)", (_LOCK_CLASS, shop[0]))
            conn.execute(_INSERT, _columns(rows, shop[0]))
            central = conn.execute(_PUSHED, (device, [r["device_seq"] for r in rows])).fetchall()
            _check_same(rows, central)
            if head is not None:
                conn.execute(_HEAD, (device, head[1], head[0]))
            fault_point("push: inserted")
        fault_point("push: committed")
        with db.write("the sync state") as uow:
            mark_pushed(uow.conn, [(str(cid), int(seq)) for cid, seq in central])
        sent += len(rows)


def _check_same(rows: list[dict[str, Any]], central: list[tuple[Any, ...]]) -> None:
    """The centre must hold these very records under the till's numbers. Otherwise (a database
    put back from a copy older than its last push numbers new changes as ones already sent; a
    till's database copied to make another holds the first till's changes) they would never be
    marked, and the push would send the same batch forever."""
    held = {str(r[0]) for r in central}
    other = next((r for r in rows if r["id"] not in held), None)
    if other is not None:
        raise CentralUnreachable(
            f"the central store holds other changes under this till's numbers, or these under "
            f"another till's ({other['device']} #{other['device_seq']}): was this database put back "
            "from an older copy, or copied from another till? Its changes wait until that is sorted out"
        )


def _columns(rows: list[dict[str, Any]], shop: int) -> dict[str, Any]:
    return {
        "shop": shop,
        "ids": [r["id"] for r in rows],
        "devices": [r["device"] for r in rows],
        "seqs": [r["device_seq"] for r in rows],
        "hlcs": [r["hlc"] for r in rows],
        "entities": [r["entity"] for r in rows],
        "entity_ids": [r["entity_id"] for r in rows],
        "kinds": [r["kind"] for r in rows],
        "payloads": [r["payload"] for r in rows],
        "bases": [r["base_version"] for r in rows],
    }


def pull(db: Database, conn: psycopg.Connection[Any], batch: int = PULL_BATCH) -> tuple[int, Applied]:
    """Fetch and apply the shop's records after the cursor; (records fetched, what changed)."""
    applied = Applied()
    fetched = 0
    while True:
        with db.read() as uow:
            cursor = int(read_state(uow.conn, "cursor", "0"))
        conn.execute(_IN_ORDER)
        rows = conn.execute(_PULL, (cursor, batch)).fetchall()
        conn.commit()
        if not rows:
            return fetched, applied
        records = [
            {
                "id": r[0],
                "device": r[1],
                "device_seq": r[2],
                "hlc": r[3],
                "entity": r[4],
                "entity_id": r[5],
                "kind": r[6],
                "payload": r[7],
                "base_version": r[8],
                "central_seq": r[9],
                "created_at": utc_now(),
            }
            for r in rows
        ]
        with db.write("the changes from the other tills") as uow:
            if int(read_state(uow.conn, "cursor", "0")) != cursor:
                continue  # another sync moved on meanwhile: read again from there
            applied.merge(apply_records(uow.conn, records, db.clock))
            write_state(uow.conn, {"cursor": str(rows[-1][9])})
            fault_point("pull: applied")
        fetched += len(rows)
        if len(rows) < batch:
            return fetched, applied


def sync_once(db: Database, url: str) -> SyncReport:
    """Push, then pull; the outcome is kept in the sync state for `sync status` and the window."""
    report = SyncReport()
    try:
        with central_connection(url) as conn:
            report.pushed = push(db, conn, _env_number(BATCH_ENV, PUSH_BATCH))
            report.pulled, report.applied = pull(db, conn, _env_number(BATCH_ENV, PULL_BATCH))
    except CentralUnreachable as exc:
        _note(db, {"last_error": str(exc), "last_error_at": utc_now()})
        raise
    with db.read() as uow:
        last_ok, last_error = read_state(uow.conn, "last_ok_at"), read_state(uow.conn, "last_error")
    now = utc_now()
    # A quiet round writes nothing (each write is a synced commit the sale could wait for),
    # unless an error is to be cleared or the last success is a minute old.
    if report.pushed or report.pulled or last_error or last_ok[:16] != now[:16]:
        _note(db, {"last_ok_at": now, "last_error": "", "last_error_at": ""})
    return report


def _note(db: Database, values: dict[str, str]) -> None:
    with db.write("the sync state") as uow:
        write_state(uow.conn, values)


@dataclass(frozen=True)
class SyncStatus:
    linked: bool
    device: str
    waiting: int
    cursor: int
    last_ok_at: str
    last_error: str
    last_error_at: str
    flagged: int

    def as_json(self) -> dict[str, Any]:
        return dict(self.__dict__)

    def line(self) -> str:
        """The status bar's words: sync off / up to date / N waiting / error with the reason."""
        if not self.linked:
            return "sync off"
        if self.last_error:
            return f"sync error: {self.last_error}" + (
                f" (last synced {self.last_ok_at[:19]})" if self.last_ok_at else ""
            )
        if self.waiting:
            return f"sync: {self.waiting} waiting"
        return "sync: up to date" if self.last_ok_at else "sync: not yet synced"


def status(db: Database, linked: bool) -> SyncStatus:
    with db.read() as uow:
        conn = uow.conn
        device = device_code(conn)
        flagged = count_flagged(conn)
        return SyncStatus(
            linked=linked,
            device=device,
            waiting=pending_count(conn, device),
            cursor=int(read_state(conn, "cursor", "0")),
            last_ok_at=read_state(conn, "last_ok_at"),
            last_error=read_state(conn, "last_error"),
            last_error_at=read_state(conn, "last_error_at"),
            flagged=int(flagged),
        )


def centre_head_problem(db: Database, url: str) -> tuple[str | None, int | None]:
    """Check this till's journal against the chain head the centre holds for it: the journal
    must still have that entry with that hash. (problem or None, the entry's number)."""
    with central_connection(url) as conn:
        with db.read() as uow:
            device = device_code(uow.conn)
        row = conn.execute(
            "SELECT journal_seq, head FROM chain_heads WHERE device = %s", (device,)
        ).fetchone()
    if row is None:
        return None, None
    seq, head = int(row[0]), str(row[1])
    with db.read() as uow:
        here = uow.conn.execute(journal.select().where(journal.c.seq == seq)).mappings().first()
    if here is None or here["hash"] != head:
        return (
            f"the central store holds this till's journal head at entry {seq} ({short_hash(head)}), "
            "but this journal does not have it: the chain was cut short or rebuilt",
            seq,
        )
    return None, seq
