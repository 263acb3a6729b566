"""The shop's locale on the command line: `settings set locale=...`, human output written in it,
typed amounts read in it, JSON unchanged."""

from __future__ import annotations

from tests.cli.test_cli import EXIT_OK, EXIT_REFUSED, EXIT_USAGE, Cli


def test_a_german_shop_reads_its_money_and_dates_in_german(run: Cli) -> None:
    before = run("session", "status", "--json", user="clerk").json()
    english = run("session", "status", user="clerk").out
    assert "£" in english and "." in english.split("float ")[1][:8]
    changed = run("settings", "set", "locale=de_DE")
    assert changed.code == EXIT_OK and "locale" in changed.out and "de_DE" in changed.out
    german = run("session", "status", user="clerk")
    assert "float 100,00\xa0£" in german.out  # the GBP shop keeps its currency, written the German way
    day = german.out.split("open since ")[1][:10]
    assert day[2] == day[5] == "."  # 25.11.2026
    assert run("session", "status", "--json", user="clerk").json() == before  # minor units, ISO
    moved = run("session", "cash-in", "12,50", "--reason", "change", user="clerk")
    assert (moved.code, moved.out) == (EXIT_OK, "12,50\xa0£ into the drawer: change\n")
    order = run("orders", "list", "--limit", "1")
    assert "\xa0£" in order.out


def test_settings_show_and_refuse_an_unknown_locale(run: Cli) -> None:
    shown = run("settings", "show", "--json", user="clerk").json()
    assert (shown["locale"], shown["currency"]) == ("en_GB", "GBP")
    bad = run("settings", "set", "locale=xx_QQ")
    assert bad.code == EXIT_REFUSED and "not a known locale" in bad.err and bad.out == ""
    assert run("settings", "set", "locale").code != EXIT_OK
    assert run("settings", "set", "locale=de_DE", user="clerk").code not in (EXIT_OK, EXIT_USAGE)
    assert run("settings", "show", "--json").json()["locale"] == "en_GB"
    assert "language" in run("settings", "show").out
