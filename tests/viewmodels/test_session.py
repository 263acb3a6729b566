"""The window's session: logging out or switching user ends the session in the services."""

from __future__ import annotations

import pytest

from pos_app.domain.errors import PermissionDenied
from pos_app.domain.users import Actor
from pos_app.services import Services
from pos_app.viewmodels.login import LoginViewModel
from tests.gui import SessionFor


def test_logging_out_of_the_window_ends_the_session(
    services: Services, clerk: Actor, session_for: SessionFor
) -> None:
    session = session_for(clerk)
    session.set_actor(None)
    with pytest.raises(PermissionDenied, match="your session has ended"):
        services.orders.list_orders(clerk)


def test_a_pin_switch_on_a_locked_till_ends_the_previous_session(
    services: Services, manager: Actor, session_for: SessionFor
) -> None:
    session = session_for(manager)
    session.lock()
    LoginViewModel(session).login_pin("clerk", "1111")
    assert session.actor.name == "clerk" and not session.locked
    with pytest.raises(PermissionDenied, match="your session has ended"):
        services.auth.list_users(manager)
    assert services.orders.list_orders(session.actor).rows == ()
