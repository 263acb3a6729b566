"""The command-line contract: names, JSON shapes, exit codes, one readable stderr line, no change
on refusal. Driven through `main(argv)` on a copy of a small demo database.
"""

from __future__ import annotations

import io
import json
import shutil
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from pos_app import cli
from pos_app.services import Services
from tests.conftest import FAST_HASHER
from tests.helpers import count, dump, raw

EXIT_OK, EXIT_USAGE, EXIT_DENIED, EXIT_NOT_FOUND, EXIT_REFUSED = 0, 2, 3, 4, 5


def _fast_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    # The command line hashes with argon2's defaults; the same KDF with cheap settings keeps
    # the suite fast (a stored hash carries its own settings, so log-ins stay cheap too).
    monkeypatch.setattr("pos_app.services.auth.till_hasher", lambda: FAST_HASHER)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    with pytest.MonkeyPatch.context() as monkeypatch:
        _fast_hashing(monkeypatch)
        assert cli.main(["--db", str(path), "demo", "--orders", "20"]) == 0
    return path


@dataclass(frozen=True)
class Result:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        assert self.code == 0, self.err
        return json.loads(self.out)


class Cli:
    def __init__(self, db: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
        self.db = db
        self.capsys = capsys
        self.monkeypatch = monkeypatch

    def __call__(
        self,
        *args: str,
        user: str | None = "manager",
        password: str | None = None,
        stdin: str | None = None,
        env: dict[str, str] | None = None,
    ) -> Result:
        argv = ["--db", str(self.db)]
        if user is not None:
            argv += ["--user", user]
            self.monkeypatch.setenv(cli.PASSWORD_ENV, password if password is not None else f"{user}123")
        for name, value in (env or {}).items():
            self.monkeypatch.setenv(name, value)
        self.monkeypatch.setattr(sys, "stdin", io.StringIO(stdin or ""))
        self.capsys.readouterr()
        try:
            code = cli.main([*argv, *args])
        except SystemExit as exc:  # argparse's own usage errors
            code = int(exc.code or 0)
        captured = self.capsys.readouterr()
        return Result(code, captured.out, captured.err)

    def order(self, ref: str) -> dict[str, Any]:
        document: dict[str, Any] = self("orders", "show", ref, "--json").json()
        return document

    def orders(self, *filters: str, user: str = "manager") -> list[dict[str, Any]]:
        rows: list[dict[str, Any]] = self(
            "orders", "list", "--json", "--limit", "500", *filters, user=user
        ).json()["orders"]
        return rows


@pytest.fixture
def run(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> Cli:
    db = tmp_path / "pos.sqlite3"
    shutil.copy(demo_db, db)
    _fast_hashing(monkeypatch)
    monkeypatch.delenv(cli.APPROVER_PASSWORD_ENV, raising=False)
    monkeypatch.delenv(cli.NEW_PASSWORD_ENV, raising=False)
    return Cli(db, capsys, monkeypatch)


def one_line(result: Result) -> str:
    """A refusal explains itself in one line on stderr and prints nothing on stdout."""
    lines = result.err.strip().splitlines()
    assert len(lines) == 1, result.err
    assert lines[0].startswith("pos-app: ")
    assert "Traceback" not in result.err
    assert result.out == ""
    return lines[0]


def cart(key: str | None = "cli-1", **extra: Any) -> str:
    doc: dict[str, Any] = {
        "lines": [{"sku": "85123A", "qty": 2}, {"sku": "71053", "qty": 1}],
        "payments": [{"method": "cash", "tendered": 2000}],
    }
    if key:
        doc["key"] = key
    return json.dumps(doc | extra)


# -- init ----------------------------------------------------------------------------------


def test_init_makes_a_database_with_its_manager(run: Cli, tmp_path: Path) -> None:
    new = tmp_path / "new.sqlite3"
    run.db = new
    result = run(
        "init", "--manager", "boss", "--till", "T7", user=None, env={cli.NEW_PASSWORD_ENV: "boss1234"}
    )
    assert result.code == 0, result.err
    assert "created" in result.out
    listed = run("users", "list", user="boss", password="boss1234")
    assert listed.code == 0 and "boss" in listed.out and "manager" in listed.out


def test_init_refuses_an_existing_file_and_leaves_it(run: Cli) -> None:
    before = run.db.read_bytes()
    result = run("init", "--manager", "boss", user=None, env={cli.NEW_PASSWORD_ENV: "boss1234"})
    assert result.code == EXIT_REFUSED
    assert "exists already" in one_line(result)
    assert run.db.read_bytes() == before


def test_a_failed_init_leaves_no_file(run: Cli, tmp_path: Path) -> None:
    run.db = tmp_path / "new.sqlite3"
    result = run(
        "init", "--manager", "boss", "--till", "TILL ONE", user=None, env={cli.NEW_PASSWORD_ENV: "b1234"}
    )
    assert result.code == EXIT_REFUSED
    assert "till name" in one_line(result)
    assert list(tmp_path.glob("new.sqlite3*")) == []


def test_a_folder_given_as_the_database_is_refused_readably(run: Cli, tmp_path: Path) -> None:
    run.db = tmp_path
    result = run("orders", "list")
    assert result.code == EXIT_REFUSED
    one_line(result)


def test_a_missing_database_is_named(run: Cli, tmp_path: Path) -> None:
    run.db = tmp_path / "nowhere.sqlite3"
    result = run("orders", "list")
    assert result.code == EXIT_REFUSED
    assert "there is no database" in one_line(result)
    assert not run.db.exists()


# -- users, products, stock -------------------------------------------------------------------


def test_users_add_and_list(run: Cli) -> None:
    added = run(
        "users", "add", "dana", "--role", "clerk", "--pin", "4321", env={cli.NEW_PASSWORD_ENV: "dana1234"}
    )
    assert (added.code, added.out.strip()) == (0, "added dana (clerk)")
    listed = run("users", "list")
    assert [line.split()[:2] for line in listed.out.splitlines() if line.startswith("dana")] == [
        ["dana", "clerk"]
    ]
    assert "PIN" in next(line for line in listed.out.splitlines() if line.startswith("dana"))
    assert run("orders", "list", user="dana", password="dana1234").code == 0
    assert run("users", "list", user="clerk").code == EXIT_DENIED


def test_users_deactivate_and_activate(run: Cli) -> None:
    assert run("users", "deactivate", "clerk").out.strip() == "deactivated clerk"
    assert run("orders", "list", user="clerk").code == EXIT_DENIED
    row = next(line for line in run("users", "list").out.splitlines() if line.startswith("clerk"))
    assert row.split()[:3] == ["clerk", "clerk", "inactive"]
    assert run("users", "activate", "clerk").out.strip() == "activated clerk"
    assert run("orders", "list", user="clerk").code == EXIT_OK


def test_users_reset_password_and_unlock(run: Cli) -> None:
    for _ in range(5):
        run("orders", "list", user="clerk", password="guess")
    assert one_line(run("orders", "list", user="clerk")) == "pos-app: too many failed tries: wait 30 s"
    assert run("users", "unlock", "clerk").out.strip() == "unlocked clerk"
    assert run("orders", "list", user="clerk").code == EXIT_OK
    reset = run("users", "reset-password", "clerk", env={cli.NEW_PASSWORD_ENV: "fresh123"})
    assert (reset.code, reset.out.strip()) == (EXIT_OK, "new password set for clerk")
    assert run("orders", "list", user="clerk").code == EXIT_DENIED
    assert run("orders", "list", user="clerk", password="fresh123").code == EXIT_OK


@pytest.mark.parametrize(
    ("argv", "user", "code", "says"),
    [
        (("users", "deactivate", "alice"), "clerk", EXIT_DENIED, "a clerk may not manage users"),
        (("users", "reset-password", "alice"), "clerk", EXIT_DENIED, "a clerk may not manage users"),
        (("users", "unlock", "nobody"), "manager", EXIT_NOT_FOUND, "no user called nobody"),
        (("users", "activate", "nobody"), "manager", EXIT_NOT_FOUND, "no user called nobody"),
        (("users", "deactivate", "manager"), "manager", EXIT_REFUSED, "cannot deactivate yourself"),
        (("users", "reset-password", "clerk"), "manager", EXIT_REFUSED, "at least 4 characters"),
    ],
    ids=["clerk-deactivates", "clerk-resets", "unknown-unlock", "unknown-activate", "self", "short"],
)
def test_refused_user_changes_say_why_and_change_nothing(
    run: Cli, argv: tuple[str, ...], user: str, code: int, says: str
) -> None:
    before = dump(run.db)
    result = run(*argv, user=user, env={cli.NEW_PASSWORD_ENV: "abc"})
    assert result.code == code
    assert says in one_line(result)
    assert dump(run.db) == before


def test_products_export_then_import(run: Cli, tmp_path: Path) -> None:
    exported = tmp_path / "catalog.csv"
    result = run("products", "export", str(exported))
    assert result.code == 0 and "exported 77 products" in result.out  # the catalogue and 4 weighed
    text = exported.read_text()
    assert text.splitlines()[0] == "sku,barcode,name,price,tax_rate,on_hand,sold_by,category"
    changed = tmp_path / "changed.csv"
    changed.write_text(text.replace("White Metal Lantern,3.39", "White Metal Lantern,3.49"))
    imported = run("products", "import", str(changed))
    assert imported.code == 0 and "imported 77 products" in imported.out
    again = tmp_path / "again.csv"
    assert run("products", "export", str(again)).code == 0
    assert again.read_text() == changed.read_text()


def test_a_bad_import_names_line_and_column_and_changes_nothing(run: Cli, tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("sku,barcode,name,price,tax_rate,on_hand\nNEW1,,Thing,1.00,20,1\nNEW2,,Other,abc,20,1\n")
    before = dump(run.db)
    result = run("products", "import", str(bad))
    assert result.code == EXIT_REFUSED
    assert "bad.csv line 3, column price" in one_line(result)
    assert dump(run.db) == before
    missing = run("products", "import", str(tmp_path / "none.csv"))
    assert missing.code == EXIT_REFUSED and "there is no file" in one_line(missing)


def test_export_to_a_missing_folder_is_refused_readably(run: Cli, tmp_path: Path) -> None:
    result = run("products", "export", str(tmp_path / "no" / "such" / "catalog.csv"))
    assert result.code == EXIT_REFUSED
    one_line(result)


def test_stock_show_receive_adjust(run: Cli) -> None:
    def on_hand(sku: str) -> int:
        shown = run("stock", "show", sku, user="clerk")
        assert shown.code == 0, shown.err
        return int(shown.out.split()[1])

    start = on_hand("85123A")
    assert run("stock", "receive", "85123A", "12", user="clerk").code == 0
    assert on_hand("85123A") == start + 12
    assert run("stock", "adjust", "85123A", "-3", "--reason", "broken in transit").code == 0
    assert on_hand("85123A") == start + 9
    before = dump(run.db)
    denied = run("stock", "adjust", "85123A", "-3", "--reason", "oops", user="clerk")
    assert denied.code == EXIT_DENIED and "may not adjust stock" in one_line(denied)
    unknown = run("stock", "receive", "NOPE", "1", user="clerk")
    assert unknown.code == EXIT_NOT_FOUND and "NOPE" in one_line(unknown)
    zero = run("stock", "receive", "85123A", "0", user="clerk")
    assert zero.code == EXIT_USAGE and "argument qty: quantity received must be from 1" in zero.err
    no_reason = run("stock", "adjust", "85123A", "2")
    assert no_reason.code == EXIT_USAGE
    assert dump(run.db) == before
    whole = run("stock", "show", user="clerk")
    assert whole.code == 0 and len(whole.out.splitlines()) == 77


# -- orders list / show ----------------------------------------------------------------------


SUMMARY_KEYS = {
    "id",
    "number",
    "created_at",
    "customer",
    "items",
    "total",
    "currency",
    "status",
    "payment",
    "till",
    "version",
    "attention",
}


def test_orders_list_json_shape_and_paging(run: Cli) -> None:
    page = run("orders", "list", "--json", "--limit", "7").json()
    assert set(page) == {"orders", "next_cursor"}
    assert len(page["orders"]) == 7 and page["next_cursor"]
    assert {key for row in page["orders"] for key in row} == SUMMARY_KEYS
    numbers = [o["number"] for o in page["orders"]]
    assert numbers == sorted(numbers, reverse=True)  # newest first
    seen = list(numbers)
    cursor = page["next_cursor"]
    while cursor:
        page = run("orders", "list", "--json", "--limit", "7", "--after", cursor).json()
        seen += [o["number"] for o in page["orders"]]
        cursor = page["next_cursor"]
    assert seen == [f"T1-{n:06d}" for n in range(20, 0, -1)]
    text = run("orders", "list", "--limit", "3")
    assert text.code == 0 and "more: --after" in text.out


def test_orders_list_filters(run: Cli) -> None:
    everything = run.orders()
    assert len(everything) == 20
    processing = run.orders("--status", "processing")
    assert processing and {o["status"] for o in processing} == {"processing"}
    assert len(processing) == sum(o["status"] == "processing" for o in everything)
    alice = run.orders("--customer", "alice")
    assert alice and {o["customer"] for o in alice} == {"alice"}
    today = date.today()
    assert len(run.orders("--since", today.isoformat(), "--until", today.isoformat())) == 20
    assert run.orders("--since", (today + timedelta(days=1)).isoformat()) == []
    assert run.orders("--until", (today - timedelta(days=1)).isoformat()) == []
    assert [o["number"] for o in run.orders("--search", "t1-000003")] == ["T1-000003"]
    assert [o["number"] for o in run.orders("--search", "3")] == ["T1-000003"]
    carol = run.orders("--search", "carol")
    assert carol and {o["customer"] for o in carol} == {"Carol Jones"}
    # A customer sees their own orders only, whatever they ask for.
    assert {o["customer"] for o in run.orders(user="alice")} == {"alice"}
    assert run.orders("--customer", "bob", user="alice") == []


@pytest.mark.parametrize(
    "argv",
    [
        ("orders", "list", "--status", "lost"),
        ("orders", "list", "--since", "2026-13-01"),
        ("orders", "list", "--until", "yesterday"),
        ("orders", "list", "--limit", "many"),
        ("orders", "refund", "T1-000001", "--line", "85123A"),
        ("orders", "frobnicate"),
        ("stock",),
    ],
    ids=["bad-status", "bad-month", "bad-date", "bad-limit", "bad-line", "bad-action", "no-action"],
)
def test_bad_usage_exits_2(run: Cli, argv: tuple[str, ...]) -> None:
    result = run(*argv)
    assert result.code == EXIT_USAGE
    assert "usage:" in result.err and result.out == ""


def test_a_command_without_user_is_bad_usage(run: Cli) -> None:
    result = run("orders", "list", user=None)
    assert result.code == EXIT_USAGE
    assert "needs --user" in result.err


def test_refused_list_arguments(run: Cli) -> None:
    limit = run("orders", "list", "--limit", "0")
    assert limit.code == EXIT_USAGE and "argument --limit: page size must be from 1 to 500" in limit.err
    for argv, words in [
        (("--after", "garbage"), "not a page cursor"),
        (("--since", "2026-02-01", "--until", "2026-01-01"), "first day is after the last"),
    ]:
        result = run("orders", "list", *argv)
        assert result.code == EXIT_REFUSED, argv
        assert words in one_line(result)
    unknown = run("orders", "list", "--customer", "Nobody Here")
    assert unknown.code == EXIT_NOT_FOUND


def test_orders_show_json(run: Cli) -> None:
    order = run.order("T1-000015")
    assert {"id", "number", "status", "version", "customer", "total", "currency"} <= set(order)
    assert {"lines", "payments", "shipping", "events"} <= set(order)
    assert (order["number"], order["customer"], order["currency"]) == ("T1-000015", "bob", "GBP")
    assert order["lines"] and {"sku", "qty", "unit_price", "tax", "total"} <= set(order["lines"][0])
    assert order["total"] == sum(line["total"] for line in order["lines"])
    assert sum(p["amount"] for p in order["payments"] if p["kind"] == "payment") == order["total"]
    assert set(order["shipping"]) == {"address", "tracking"}
    assert order["events"][0]["action"] == "placed" and order["events"][0]["user"] == "clerk"
    by_id = run.order(order["id"])
    assert by_id == order
    text = run("orders", "show", "T1-000015")
    assert text.code == 0 and "T1-000015" in text.out and "history:" in text.out


def test_unknown_and_someone_elses_orders_are_not_found(run: Cli) -> None:
    result = run("orders", "show", "T1-999999")
    assert result.code == EXIT_NOT_FOUND and "no order T1-999999" in one_line(result)
    bobs = run.orders("--customer", "bob")[0]["number"]
    hidden = run("orders", "show", bobs, user="alice")
    assert hidden.code == EXIT_NOT_FOUND and f"no order {bobs}" in one_line(hidden)


# -- changing orders ---------------------------------------------------------------------------


def test_update_with_a_stale_version_is_refused_and_changes_nothing(run: Cli) -> None:
    number = run.orders("--status", "processing")[0]["number"]
    order = run.order(number)
    noted = run("orders", "update", number, "--note", "call first", "--expect-version", str(order["version"]))
    assert noted.code == 0, noted.err
    before = dump(run.db)
    stale = run("orders", "update", number, "--note", "overwrite", "--expect-version", str(order["version"]))
    assert stale.code == EXIT_REFUSED
    assert "changed by someone else" in one_line(stale)
    assert dump(run.db) == before
    assert run.order(number)["note"] == "call first"


def test_update_status_and_shipping(run: Cli) -> None:
    delivery = next(
        o
        for o in (run.order(r["number"]) for r in run.orders("--status", "processing"))
        if o["fulfilment"] == "delivery"
    )
    result = run(
        "orders", "update", delivery["number"], "--status", "shipped", "--tracking", "RM42GB", "--json"
    )
    updated = result.json()
    assert (updated["status"], updated["shipping"]["tracking"]) == ("shipped", "RM42GB")
    assert updated["version"] == delivery["version"] + 1
    assert [(e["from"], e["to"]) for e in updated["events"] if e["action"] == "status"][-1] == (
        "processing",
        "shipped",
    )
    bad = run("orders", "update", delivery["number"], "--status", "placed")
    assert bad.code == EXIT_REFUSED and "cannot become placed" in one_line(bad)


def test_cancel_and_partial_refund(run: Cli) -> None:
    placed = run.orders("--status", "placed")[0]["number"]
    denied = run("orders", "cancel", placed, user="clerk")
    assert denied.code == EXIT_DENIED and "a manager can approve it" in one_line(denied)
    cancelled = run("orders", "cancel", placed, "--json").json()
    assert cancelled["status"] == "cancelled" and cancelled["refunded"] == cancelled["total"]

    sale = run("checkout", "--json", user="clerk", stdin=cart("refund-me")).json()
    refunded = run("orders", "refund", sale["number"], "--line", "85123A:1", "--json").json()
    line = next(line for line in refunded["lines"] if line["sku"] == "85123A")
    assert (line["refunded_qty"], refunded["status"]) == (1, "completed")
    assert refunded["refunded"] == line["unit_price"]
    too_many = run("orders", "refund", sale["number"], "--line", "85123A:5")
    assert too_many.code == EXIT_REFUSED and "only 1 of 85123A left" in one_line(too_many)
    rest = run("orders", "refund", sale["number"], "--json").json()
    assert rest["status"] == "refunded" and rest["refunded"] == rest["total"]
    assert run("verify").code == 0


def test_a_clerk_refund_is_denied_unless_a_manager_approves(run: Cli) -> None:
    sale = run("checkout", "--json", user="clerk", stdin=cart("approve-me")).json()
    before = dump(run.db)
    denied = run("orders", "refund", sale["number"], user="clerk")
    assert denied.code == EXIT_DENIED
    assert "may not refund" in one_line(denied)
    assert dump(run.db) == before
    approved = run(
        "--approver",
        "manager",
        "orders",
        "refund",
        sale["number"],
        "--json",
        user="clerk",
        env={cli.APPROVER_PASSWORD_ENV: "manager123"},
    )
    events = approved.json()["events"]
    assert [(e["user"], e["approved_by"]) for e in events if e["action"] == "refund"] == [
        ("clerk", "manager")
    ]


def test_a_wrong_approver_password_is_refused_and_counted_against_approvals_only(run: Cli) -> None:
    sale = run("checkout", "--json", user="clerk", stdin=cart("approve-wrong")).json()
    refused = run(
        "--approver",
        "manager",
        "orders",
        "refund",
        sale["number"],
        user="clerk",
        env={cli.APPROVER_PASSWORD_ENV: "guess"},
    )
    assert (refused.code, one_line(refused)) == (EXIT_DENIED, "pos-app: wrong user name or password")
    assert run.order(sale["number"])["status"] == "completed"
    with raw(run.db, read_only=True) as conn:
        assert conn.execute("SELECT kind, failures FROM login_throttle").fetchall() == [("approve", 1)]


def test_a_wrong_password_exits_3(run: Cli) -> None:
    result = run("orders", "list", user="clerk", password="guess")
    assert result.code == EXIT_DENIED
    assert one_line(result) == "pos-app: wrong user name or password"
    assert one_line(run("orders", "list", user="nobody", password="guess")) == one_line(result)


# -- checkout ----------------------------------------------------------------------------------


def test_checkout_from_stdin_twice_with_one_key_makes_one_order(run: Cli) -> None:
    first = run("checkout", "--json", user="clerk", stdin=cart("till-7"))
    order = first.json()
    assert order["status"] == "completed" and order["total"] == 2 * 255 + 339
    assert order["change"] == 2000 - order["total"]
    again = run("checkout", "--json", user="clerk", stdin=cart("till-7")).json()
    assert again["id"] == order["id"]
    assert len(run.orders()) == 21
    with raw(run.db, read_only=True) as conn:
        sales = conn.execute("SELECT count(*) FROM journal WHERE kind = 'sale'").fetchone()[0]
    assert sales == count(run.db, "orders")


@pytest.mark.parametrize(
    ("stdin", "code", "words"),
    [
        ("{not json", EXIT_REFUSED, "not JSON"),
        ("", EXIT_REFUSED, "not JSON"),
        (
            json.dumps({"lines": [{"sku": "85123A", "qty": 0}]}),
            EXIT_REFUSED,
            "line 1: 'qty' must be from 1 to 9999",
        ),
        (cart(lines=[{"sku": "NOPE", "qty": 1}]), EXIT_NOT_FOUND, "no product with SKU 'NOPE'"),
        (
            cart(payments=[{"method": "cash", "tendered": 100}]),
            EXIT_REFUSED,
            "cash tendered 1.00 is less than",
        ),
        (cart(payments=[{"method": "card", "amount": 849}]), EXIT_REFUSED, "reference"),
        (cart(customer="Nobody Here"), EXIT_NOT_FOUND, "no customer named Nobody Here"),
    ],
    ids=["bad-json", "empty", "zero-qty", "unknown-sku", "short-tender", "card-no-ref", "unknown-customer"],
)
def test_a_bad_checkout_says_why_in_one_line_and_changes_nothing(
    run: Cli, stdin: str, code: int, words: str
) -> None:
    before = dump(run.db)
    result = run("checkout", user="clerk", stdin=stdin)
    assert result.code == code
    assert words in one_line(result)
    assert dump(run.db) == before


# -- verify and backup ---------------------------------------------------------------------------


def test_verify_passes_then_names_a_tampered_sale(run: Cli) -> None:
    ok = run("verify")
    assert ok.code == 0 and ok.out.startswith("ok:")
    with raw(run.db) as conn:
        conn.execute(
            "UPDATE order_lines SET total = total - 100 WHERE order_id = "
            "(SELECT id FROM orders WHERE number = 'T1-000004') AND line_no = 1"
        )
    bad = run("verify")
    assert bad.code != 0
    assert "sale T1-000004 no longer matches its journal entry" in bad.err
    assert run("verify", user="clerk").code == EXIT_DENIED


def test_backup_makes_a_usable_copy(run: Cli, tmp_path: Path) -> None:
    target = tmp_path / "backup.sqlite3"
    result = run("backup", str(target))
    assert result.code == 0 and str(target) in result.out
    copy = Services.open(target, hasher=FAST_HASHER)
    try:
        manager = copy.auth.login("manager", "manager123")
        assert len(copy.orders.list_orders(manager, limit=100).rows) == 20
        assert copy.admin.verify(manager).ok
    finally:
        copy.close()
    again = run("backup", str(target))
    assert again.code == EXIT_REFUSED and "is a SQLite database" in one_line(again)
    assert run("backup", str(tmp_path / "x.sqlite3"), user="clerk").code == EXIT_DENIED


@pytest.fixture(autouse=True)
def _no_stray_files(tmp_path: Path) -> Iterator[None]:
    yield
    assert not list(tmp_path.glob("*.before-*"))
