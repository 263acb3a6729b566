"""Helpers for view-model and window tests: sales made through the services, sessions per user."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from pos_app.domain.users import Actor
from pos_app.services import Services
from pos_app.viewmodels.session import Session
from pos_app.viewmodels.tasks import SyncRunner
from tests.helpers import sell

SessionFor = Callable[[Actor], Session]
__all__ = ["SessionFor", "sell", "session_for"]


@pytest.fixture
def session_for(services: Services) -> SessionFor:
    """A logged-in session (synchronous runner) for an actor."""

    def make(actor: Actor) -> Session:
        session = Session(services, SyncRunner())
        session.set_actor(actor)
        return session

    return make
