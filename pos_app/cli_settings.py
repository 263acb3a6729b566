"""`pos-app settings ...`: the shop's settings (and this till's own) from a terminal — show them
all, or set some (managers), each checked as the Settings window checks it."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from pos_app import cli_output as out
from pos_app.domain.errors import InvalidInput
from pos_app.store.misc_repo import TILL_OWN_SETTINGS

if TYPE_CHECKING:
    from pos_app.domain.users import Actor
    from pos_app.services import Services


def run_settings(services: Services, actor: Actor, args: argparse.Namespace) -> int:
    if args.action == "set":
        values: dict[str, str] = {}
        for item in args.values:
            key, sep, value = item.partition("=")
            if not sep or not key.strip():
                raise InvalidInput(f"'{out.clip(item)}' should be KEY=VALUE, e.g. locale=de_DE")
            values[key.strip()] = value
        settings = services.settings.update(actor, values)
    else:
        settings = services.settings.current()
    shown = settings.to_text()
    if args.json:
        out.emit_json(shown)
        return 0
    width = max(len(key) for key in shown)
    for key, value in shown.items():
        own = "  (this till's own)" if key in TILL_OWN_SETTINGS else ""
        print(f"{key:<{width}}  {out.clip(value.replace(chr(10), ' / '), 200)}{own}")
    return 0
