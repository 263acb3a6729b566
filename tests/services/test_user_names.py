"""User names compare as people read them: case, width and look-alike letters of other scripts
do not make a second user; control characters are refused in user and customer names."""

from __future__ import annotations

from pathlib import Path

import pytest

from pos_app.domain.errors import InvalidInput, LoginFailed
from pos_app.domain.users import Actor, Role, name_key
from pos_app.services import Services
from pos_app.services.credentials import FREE_FAILURES
from tests.helpers import dump

CYRILLIC_A = "\u0430"


@pytest.mark.parametrize(
    ("typed", "existing"),
    [
        ("CLERK", "clerk"),
        ("Clerk", "clerk"),
        ("c1erk", "clerk"),  # digit one for l
        (f"m{CYRILLIC_A}nager", "manager"),
        ("\uff4danager", "manager"),  # fullwidth m
        ("b0b", "bob"),
        ("ALICE", "alice"),
    ],
)
def test_a_look_alike_of_an_existing_name_is_refused(
    services: Services, manager: Actor, db_path: Path, typed: str, existing: str
) -> None:
    before = dump(db_path)
    with pytest.raises(InvalidInput, match=f"there is already a user called {existing}"):
        services.auth.add_user(manager, typed, Role.CLERK, "abcd1234")
    assert dump(db_path) == before


def test_distinct_names_stay_distinct(services: Services, manager: Actor) -> None:
    for name in ("clerk2", "managers", "bobby", "Zoë", "Зоя"):
        services.auth.add_user(manager, name, Role.CLERK, "abcd1234")
    assert len(services.auth.list_users(manager)) == 9


def test_log_in_finds_the_user_by_the_same_key(services: Services) -> None:
    assert services.auth.login("CLERK", "clerk123").name == "clerk"
    assert services.auth.login(f"m{CYRILLIC_A}nager", "manager123").name == "manager"


def test_failures_typed_in_another_case_count_for_the_same_name(services: Services) -> None:
    for typed in ["CLERK", "Clerk", "clerk", "cLeRk", "CLERK"][: FREE_FAILURES + 1]:
        with pytest.raises(LoginFailed):
            services.auth.login(typed, "nope")
    with pytest.raises(LoginFailed, match="too many failed tries"):
        services.auth.login("clerk", "clerk123")


@pytest.mark.parametrize("name", ["clerk\u200b2", "bell\x07", "rtl\u202eevil", "nul\x00x", "soft\u00adhy"])
def test_control_characters_are_refused_in_user_names(
    services: Services, manager: Actor, db_path: Path, name: str
) -> None:
    before = dump(db_path)
    with pytest.raises(InvalidInput, match="a user name cannot hold control characters"):
        services.auth.add_user(manager, name, Role.CLERK, "abcd1234")
    assert dump(db_path) == before


@pytest.mark.parametrize("name", ["Zoe\u200bQuinn", "Zoe\x1b[31mQuinn", "Zoe\u2066Quinn"])
def test_control_characters_are_refused_in_customer_names(
    services: Services, clerk: Actor, db_path: Path, name: str
) -> None:
    before = dump(db_path)
    with pytest.raises(InvalidInput, match="the customer's name holds a control character"):
        services.customers.add(clerk, name)
    assert dump(db_path) == before


def test_name_key_folds_case_width_and_look_alikes() -> None:
    assert name_key("CLERK") == name_key("clerk") == name_key("c1erk")
    assert name_key("ALICE") == name_key("alice")
    assert name_key(f"m{CYRILLIC_A}nager") == name_key("manager") == name_key("MANAGER")
    assert name_key("Straße") == name_key("STRASSE")
    assert name_key("clerk") != name_key("clerk2")
    assert len(name_key("x" * 200)) == 80
