"""`pos-app`: the window with no arguments; the same services for terminals and scripts.

Exit codes: 0 done, 2 bad usage, 3 log-in failed or permission denied, 4 not found,
5 refused (invalid input, invalid transition, stale version, insufficient stock), 6 the receipt
printer failed (what it printed for is saved).
"""

from __future__ import annotations

import argparse
import errno
import getpass
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from pos_app import cli_output as out
from pos_app.cli_parser import (
    APPROVER_PASSWORD_ENV,
    NEW_PASSWORD_ENV,
    PASSWORD_ENV,
    TILL_URL_ENV,
    WAITING,
    UsageError,
    build_parser,
    shown,
)
from pos_app.config import default_db_path, resources_dir
from pos_app.domain.cart import Cart, CartLine, CheckoutRequest, read_cart_json
from pos_app.domain.errors import InvalidInput, LoginFailed, PosError
from pos_app.domain.formatting import parse_money
from pos_app.domain.payments import PaymentMethod, Tender
from pos_app.domain.policy import Action, require
from pos_app.domain.records import OrderDetail
from pos_app.domain.users import Actor, Approval, Role

if TYPE_CHECKING:
    from pos_app.services import Services
    from pos_app.store.uow import Database


def _secret(env: str, prompt: str, *, confirm: bool = False) -> str:
    value = os.environ.get(env)
    if value is not None:
        return value
    if not sys.stdin.isatty():
        raise LoginFailed(f"set {env} or run in a terminal to be asked")
    first = getpass.getpass(prompt)
    if confirm and getpass.getpass("again: ") != first:
        raise InvalidInput("the two entries differ")
    return first


def _till_url(given: str | None) -> str:
    """The till's URL from the argument, stdin ('-') or the environment: with a password in
    it, it is better kept out of the process list."""
    if given == "-":
        given = sys.stdin.readline().strip()
    elif given is None:
        given = os.environ.get(TILL_URL_ENV, "").strip()
        if not given:
            raise UsageError(f"give the till's URL, '-' to read it from stdin, or set {TILL_URL_ENV}")
    if not given:
        raise InvalidInput("no till URL was given")
    return given


def main(argv: Sequence[str] | None = None) -> int:
    try:
        code = _main(argv)
        sys.stdout.flush()  # a closed pipe shows here, not as a warning at exit
        return code
    except BrokenPipeError:
        # The reader went away (`pos-app orders list | head -1`): nothing more to say.
        _silence_stdout()
        return 0


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass  # not a real file (tests capture it): nothing will be flushed to a pipe


def _main(argv: Sequence[str] | None) -> int:
    parser = build_parser()
    argv = list(sys.argv[1:] if argv is None else argv)
    for arg in argv:
        try:
            arg.encode("utf-8")
        except UnicodeEncodeError:
            # Bytes that are not UTF-8 in an argument reach Python as lone surrogates.
            parser.print_usage(sys.stderr)
            print("pos-app: error: an argument is not valid UTF-8 text", file=sys.stderr)
            return 2
    args = parser.parse_args(argv)
    if args.command is None:
        from pos_app.app import run_gui

        return run_gui(args.db)
    db_path: Path = args.db or default_db_path()
    try:
        return _run(args, db_path)
    except UsageError as exc:
        parser.print_usage(sys.stderr)
        print(f"pos-app: error: {out.clip(str(exc), 500)}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        raise  # the reader went away: main() ends quietly
    except RecursionError:
        # A pathological input (nesting) that got past the readers: refuse it, no traceback.
        print("pos-app: the input is nested too deeply", file=sys.stderr)
        return InvalidInput.exit_code
    except PosError as exc:
        print(f"pos-app: {out.clip(exc.message, 500)}", file=sys.stderr)
        return exc.exit_code
    except OSError as exc:
        # A file named on the command line cannot be read or written: say which, no traceback.
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            print(f"pos-app: the disk is full: nothing was saved ({exc.filename})", file=sys.stderr)
        else:
            print(f"pos-app: {exc.strerror or exc}: {exc.filename}", file=sys.stderr)
        return InvalidInput.exit_code


def _login(services: Services, args: argparse.Namespace) -> Actor:
    if not args.user:
        raise UsageError(f"'{args.command}' needs --user NAME")
    return services.auth.login(args.user, _secret(PASSWORD_ENV, f"password for {args.user}: "))


def _approver(args: argparse.Namespace) -> Approval | None:
    """The approving manager's name and password; the service checks them in its own call."""
    if not args.approver:
        return None
    return Approval(args.approver, _secret(APPROVER_PASSWORD_ENV, f"password for {args.approver}: "))


def _run(args: argparse.Namespace, db_path: Path) -> int:
    if args.command == "init":
        return _init(args, db_path)
    if args.command == "demo":
        return _demo(args, db_path)
    if args.command == "verify":
        return _verify_file(args, db_path)
    if args.command == "central":
        return _central(args)
    if args.command == "sync" and args.action == "setup":
        args.url = _till_url(args.url)
        if not os.path.lexists(db_path):
            return _sync_new_till(args, db_path)
    from pos_app.services import Services  # SQLAlchemy: not loaded when only the window opens

    services = Services.open(db_path)
    services.db.on_wait = lambda: print(WAITING, file=sys.stderr, flush=True)
    try:
        services.settings.current()  # reading them makes the shop's locale the one text is written in
        actor = _login(services, args)
        handler = {
            "users": _users,
            "products": _products,
            "stock": _stock,
            "orders": _orders,
            "customers": _customers,
            "checkout": _checkout,
            "journal": _journal,
            "backup": _backup,
            "sync": _sync,
            "session": _session,
            "printer": _printer,
            "drawer": _drawer,
            "settings": _settings,
            "report": _report,
        }[args.command]
        return handler(services, actor, args)
    finally:
        services.close()


def _session(services: Services, actor: Actor, args: argparse.Namespace) -> int:
    from pos_app.cli_sessions import run_session

    return run_session(services, actor, args, _approver(args))


def _printer(services: Services, actor: Actor, args: argparse.Namespace) -> int:
    from pos_app.cli_receipts import run_printer

    return run_printer(services, actor, args)


def _drawer(services: Services, actor: Actor, args: argparse.Namespace) -> int:
    from pos_app.cli_receipts import run_drawer

    return run_drawer(services, actor, args, _approver(args))


def _settings(services: Services, actor: Actor, args: argparse.Namespace) -> int:
    from pos_app.cli_settings import run_settings

    return run_settings(services, actor, args)


def _report(services: Services, actor: Actor, args: argparse.Namespace) -> int:
    from pos_app.cli_reports import run_report

    return run_report(services, actor, args)


def _init(args: argparse.Namespace, db_path: Path) -> int:
    from pos_app.services.setup import create_shop, refuse_existing

    refuse_existing(db_path)
    password = _secret(NEW_PASSWORD_ENV, f"new password for {args.manager}: ", confirm=True)
    create_shop(
        db_path,
        manager=args.manager,
        password=password,
        till=args.till,
        currency=args.currency,
        store_name=args.store_name,
        locale=args.locale,
    )
    print(f"created {shown(db_path)} with manager {out.clip(args.manager)}")
    return 0


def _demo(args: argparse.Namespace, db_path: Path) -> int:
    if args.if_missing and os.path.lexists(db_path):
        return 0
    from pos_app.services.demo import seed_demo
    from pos_app.services.setup import build_database, refuse_existing, remove_stopped_builds

    refuse_existing(db_path)
    if args.orders < 0:
        raise InvalidInput("--orders cannot be negative")
    for stale in remove_stopped_builds(db_path):
        left = f"removed {shown(stale.name)}, left by a demo or init that was stopped half-way"
        print(left, file=sys.stderr)
    logins = build_database(
        db_path,
        lambda services: seed_demo(
            services, resources_dir() / "demo_catalog.csv", args.orders, progress=_progress
        ),
    )
    print(f"demo database: {shown(db_path)} ({args.orders} orders)")
    print("log-ins (name / password / PIN):")
    for login in logins:
        print(f"  {login.name:<8} {login.password:<11} {login.pin or '-':<5} {login.role.value}")
    return 0


def _progress(done: int, total: int) -> None:
    if sys.stderr.isatty() or done == total:
        print(f"\r{done:,} / {total:,}", end="\n" if done == total else "", file=sys.stderr, flush=True)


def _users(services: Services, actor: Actor, args: argparse.Namespace) -> int:
    auth = services.auth
    if args.action == "list":
        out.print_users(auth.list_users(actor))
        return 0
    if args.action in ("deactivate", "activate"):
        user = auth.set_active(actor, args.name, args.action == "activate")
        print(f"{'activated' if user.active else 'deactivated'} {out.clip(user.name)}")
        return 0
    if args.action == "unlock":
        auth.unlock(actor, args.name)
        print(f"unlocked {out.clip(args.name)}")
        return 0
    if args.action == "reset-password":
        require(actor, Action.MANAGE_USERS)  # refuse a clerk before asking for a password
        password = _secret(NEW_PASSWORD_ENV, f"new password for {args.name}: ", confirm=True)
        auth.reset_password(actor, args.name, password)
        print(f"new password set for {out.clip(args.name)}")
        return 0
    password = _secret(NEW_PASSWORD_ENV, f"new password for {args.name}: ", confirm=True)
    user = services.auth.add_user(actor, args.name, Role(args.role), password, args.pin)
    print(f"added {out.clip(user.name)} ({user.role.value})")
    return 0


def _products(services: Services, actor: Actor, args: argparse.Namespace) -> int:
    from pos_app.cli_products import run_products

    return run_products(services, actor, args)


def _stock(services: Services, actor: Actor, args: argparse.Namespace) -> int:
    from pos_app.cli_products import run_stock

    return run_stock(services, actor, args)


def _orders(services: Services, actor: Actor, args: argparse.Namespace) -> int:
    if args.action == "receipt":
        from pos_app.cli_receipts import run_receipt

        return run_receipt(services, actor, args)
    if args.action == "list":
        from pos_app.services.orders import OrderQuery

        query = OrderQuery(
            status=args.status,
            customer=args.customer,
            till=args.till,
            since=args.since,
            until=args.until,
            search=args.search,
            attention=args.attention,
            newest_first=not args.oldest_first,
        )
        page = services.orders.list_orders(actor, query, limit=args.limit, after=args.after)
        if args.json:
            out.emit_json(
                {"orders": [out.summary_json(r) for r in page.rows], "next_cursor": page.next_cursor}
            )
        else:
            out.print_page(page)
        return 0
    approval = _approver(args)
    if args.action == "show":
        order = services.orders.get_order(actor, args.order)
    elif args.action == "pay":
        order = services.orders.take_payment(
            actor, args.order, _tenders(services, args), expected_version=args.expect_version
        )
    elif args.action == "update":
        order = services.orders.update_order(
            actor,
            args.order,
            status=args.status,
            tracking=args.tracking,
            ship_to=args.ship_to,
            note=args.note,
            expected_version=args.expect_version,
            approval=approval,
        )
    elif args.action == "resolve":
        order = services.orders.resolve_attention(actor, args.order, expected_version=args.expect_version)
    elif args.action == "cancel":
        order = services.orders.cancel(
            actor,
            args.order,
            restock=not args.no_restock,
            to_credit=args.to_credit,
            expected_version=args.expect_version,
            approval=approval,
        )
    else:
        lines: dict[str, int] | None = None
        weights = {sku for sku, _qty, weight in args.lines or () if weight}
        if args.lines:
            lines = {}
            for sku, qty, _weight in args.lines:
                lines[sku] = lines.get(sku, 0) + qty
        order = services.orders.refund(
            actor,
            args.order,
            lines=lines,
            restock=not args.no_restock,
            to_credit=args.to_credit,
            expected_version=args.expect_version,
            approval=approval,
            weights=weights,
        )
    return _show_order(order, as_json=args.json)


def _tenders(services: Services, args: argparse.Namespace) -> list[Tender]:
    currency = services.settings.current().currency
    tenders = []
    if args.card is not None:
        tenders.append(Tender(PaymentMethod.CARD, _amount(args.card, currency, "--card"), args.reference))
    elif args.reference:
        raise UsageError("--reference goes with --card")
    if args.store_credit is not None:
        amount = _amount(args.store_credit, currency, "--store-credit")
        tenders.append(Tender(PaymentMethod.STORE_CREDIT, amount))
    if args.cash is not None:
        tenders.append(Tender(PaymentMethod.CASH, _amount(args.cash, currency, "--cash")))
    if not tenders:
        raise UsageError("say how it is paid: --cash AMOUNT, --card AMOUNT --reference REF")
    return tenders


def _amount(text: str, currency: str, what: str, *, allow_zero: bool = True) -> int:
    """An amount typed on the command line (ASCII digits, at most 0 to MAX_AMOUNT), its option named."""
    try:
        return parse_money(text, currency, allow_zero=allow_zero)
    except InvalidInput as exc:
        raise InvalidInput(f"{what}: {exc.message}") from None


def _customers(services: Services, actor: Actor, args: argparse.Namespace) -> int:
    currency = services.settings.current().currency
    if args.action == "credit":
        amount = _amount(args.amount, currency, "amount", allow_zero=False)
        account = services.credit.give(actor, args.name, amount, args.reason)
    else:
        account = services.credit.account(actor, args.name)
    out.print_credit(account, currency)
    return 0


def _show_order(order: OrderDetail, *, as_json: bool) -> int:
    if as_json:
        out.emit_json(out.order_json(order))
    else:
        out.print_order(order)
    return 0


MAX_STDIN = 4 * 1024 * 1024  # a cart of the largest allowed size is far smaller


def _read_stdin() -> bytes | str:
    """Stdin as bytes when it has them (decoded strictly by the reader), else as text."""
    stream = getattr(sys.stdin, "buffer", None) or sys.stdin
    data: bytes | str = stream.read(MAX_STDIN + 1)
    if len(data) > MAX_STDIN:
        raise InvalidInput(f"the input on stdin is larger than {MAX_STDIN // (1024 * 1024)} MB")
    return data


def _checkout(services: Services, actor: Actor, args: argparse.Namespace) -> int:
    if args.lines:
        cart = Cart(
            tuple(CartLine(sku, qty, weighed=weight) for sku, qty, weight in args.lines),
            customer=args.customer,
        )
        request = CheckoutRequest(cart, tuple(_tenders(services, args)), args.key)
    else:
        given = [
            f"--{n.replace('_', '-')}"
            for n in ("cash", "card", "store_credit", "customer", "key")
            if getattr(args, n)
        ]
        if given or args.reference:
            raise UsageError(f"{(given or ['--reference'])[0]} goes with --line; a JSON cart holds its own")
        request = read_cart_json(_read_stdin())
    order = services.checkout.checkout(actor, request, _approver(args))
    return _show_order(order, as_json=args.json)


def _verify_file(args: argparse.Namespace, db_path: Path) -> int:
    """verify reports a file too damaged to open or log in to as its problem, like any other."""
    from sqlalchemy.exc import SQLAlchemyError

    from pos_app.domain.errors import DatabaseError
    from pos_app.services import Services

    try:
        services = Services.open(db_path)
    except DatabaseError as exc:
        return _problems([exc.message])
    try:
        return _verify(services, _login(services, args), args)
    except SQLAlchemyError as exc:
        reason = str(getattr(exc, "orig", None) or exc).splitlines()[0]
        return _problems([f"the database file is damaged: the log-in could not be checked ({reason})"])
    finally:
        services.close()


def _problems(problems: list[str]) -> int:
    for problem in problems:
        # Text from a tampered file may hold terminal control codes: shown escaped, never run.
        print(out.clip(problem, 500), file=sys.stderr)
    print(f"pos-app: {len(problems)} problem(s) found", file=sys.stderr)
    return 5


def _verify(services: Services, actor: Actor, args: argparse.Namespace) -> int:
    report = services.admin.verify(actor, args.anchor)
    problems = list(report.problems)
    centre = _centre_anchor(services, args.db or default_db_path(), problems)
    if not problems:
        anchored = f", anchor found at entry {report.anchor_seq}" if report.anchor_seq else ""
        print(
            f"ok: database intact, {report.journal_entries} journal entries chained{anchored}{centre}, "
            "stock matches its ledger"
        )
        return 0
    return _problems(problems)


def _centre_anchor(services: Services, db_path: Path, problems: list[str]) -> str:
    """With sync on, the head the centre holds for this till must still be in the journal."""
    from pos_app.sync import engine, link

    url = link.read_link(db_path)
    if url is None:
        return ""
    try:
        problem, seq = engine.centre_head_problem(services.db, url)
    except PosError as exc:
        print(f"note: checked without the centre's copy of the head: {exc.message}", file=sys.stderr)
        return ""
    if problem:
        problems.append(problem)
    return f", the centre's copy of the head found at entry {seq}" if seq else ""


def _journal(services: Services, actor: Actor, args: argparse.Namespace) -> int:
    head = services.admin.journal_head(actor)
    if head is None:
        print("the journal is empty: no sale yet")
        return 0
    # Read from the file, which may have been edited by hand: escaped like any stored text.
    where = f"entry {head.seq}, {out.clip(head.number)}, {out.clip(head.at)}"
    print(f"journal head {out.clip(head.short)}  ({where})")
    print(f"full hash {out.clip(head.hash)}")
    return 0


def _backup(services: Services, actor: Actor, args: argparse.Namespace) -> int:
    target = services.admin.backup(actor, args.path, force=args.force)
    print(f"backed up to {shown(target)}")
    return 0


def _central(args: argparse.Namespace) -> int:
    from pos_app.sync import central

    if args.action == "init":
        report = central.init(args.url, args.shop)
        for line in report.done or ["the central store is up to date: nothing to do"]:
            print(line)
        print(f"central store at schema {report.head}; tills log in through role {report.group_role}")
        return 0
    till = central.add_till(args.url, args.code, args.shop)
    print(f"till {till.code} added to shop '{out.clip(till.shop)}' as role {till.role}")
    print("its URL, with a password shown only now (run 'pos-app sync setup URL' on the till):")
    print(till.url)
    return 0


def _sync(services: Services, actor: Actor, args: argparse.Namespace) -> int:
    from pos_app.sync import engine, link
    from pos_app.sync.setup import attach

    db_path = args.db or default_db_path()
    if args.action == "setup":
        require(actor, Action.MANAGE_SETTINGS)
        with services.db.read() as uow:
            services.guard.check(uow, actor, Action.MANAGE_SETTINGS)
        till = link.identify(args.url)  # a URL that does not work changes nothing
        history = attach(services.db, till)
        path = link.save_link(db_path, args.url)
        print(f"linked to {till.shown_url} as till {till.code} of shop '{out.clip(till.shop)}'")
        print(
            f"order numbers now use till code {till.code}; the log-in is kept in {shown(path)} (owner only)"
        )
        if history:
            print(f"{history} records of this till's history go to the centre")
        return _sync_now(services.db, args.url, as_json=False)
    services.admin.check_sync(actor)
    url = link.read_link(db_path)
    if args.action == "status":
        state = engine.status(services.db, url is not None)
        if args.json:
            out.emit_json(state.as_json())
        else:
            print(state.line())
            if state.flagged:
                print(f"{state.flagged} orders need a manager's attention")
        return 0
    if url is None:
        raise InvalidInput("this till is not linked to a central store: run 'pos-app sync setup URL'")
    return _sync_now(services.db, url, as_json=args.json)


def _sync_now(db: Database, url: str, *, as_json: bool) -> int:
    from pos_app.sync import engine

    try:
        report = engine.sync_once(db, url)
    except PosError as exc:
        waiting = engine.status(db, True).waiting
        print(f"pos-app: {out.clip(exc.message, 500)}", file=sys.stderr)
        print(f"sales go on here; {waiting} changes wait for the next sync", file=sys.stderr)
        return exc.exit_code
    state = engine.status(db, True)
    if as_json:
        out.emit_json(
            {
                "pushed": report.pushed,
                "pulled": report.pulled,
                "orders_updated": len(report.applied.orders),
                "status": state.as_json(),
            }
        )
    else:
        print(
            f"sent {report.pushed} changes, received {report.pulled} "
            f"({len(report.applied.orders)} orders updated); {state.line()}"
        )
    return 0


def _sync_new_till(args: argparse.Namespace, db_path: Path) -> int:
    """Make a new till's database from the centre: all or nothing, like init."""
    from pos_app.services.setup import build_database
    from pos_app.sync import engine, link
    from pos_app.sync.setup import attach, start_new_till

    till = link.identify(args.url)

    def build(services: Services) -> engine.SyncReport:
        attach(services.db, till)
        start_new_till(services.db)
        report = engine.sync_once(services.db, args.url)
        with services.db.read() as uow:
            if not uow.users.exists():
                raise InvalidInput(
                    "the central store holds no shop yet: link the shop's first till to it "
                    "('pos-app --db SHOP --user MANAGER sync setup URL'), then make this one"
                )
        return report

    report = build_database(db_path, build)
    path = link.save_link(db_path, args.url)
    applied = report.applied
    print(f"till {till.code} of shop '{out.clip(till.shop)}' made from {till.shown_url}")
    print(
        f"{report.pulled} changes received: {len(applied.users)} users, {len(applied.products)} products, "
        f"{len(applied.customers)} customers, {len(applied.orders)} orders"
    )
    print(f"the log-in is kept in {shown(path)} (owner only); staff log in with their usual names")
    return 0
