"""The reports view model: ranges by name, a slower answer to an older choice dropped, the
totals as lines, and the names offered for saving."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from pos_app.domain.reports import Grouping
from pos_app.domain.users import Actor
from pos_app.services import Services
from pos_app.viewmodels.reports import Preset, ReportsViewModel, preset_range
from pos_app.viewmodels.session import Session
from tests.helpers import sell


class HeldRunner:
    """Runs each task only when told: answers can come back in any order."""

    def __init__(self) -> None:
        self.tasks: list[tuple[Callable[[], Any], Callable[[Any], None]]] = []

    def submit(
        self, work: Callable[[], Any], done: Callable[[Any], None], failed: Callable[[Exception], None]
    ) -> None:
        self.tasks.append((work, done))

    def finish(self, index: int) -> None:
        work, done = self.tasks[index]
        done(work())

    def wait(self) -> None:
        return None


def test_ranges_by_name() -> None:
    new_year = date(2026, 1, 1)
    assert preset_range(Preset.TODAY, new_year) == (new_year, new_year)
    assert preset_range(Preset.YESTERDAY, new_year) == (date(2025, 12, 31),) * 2
    assert preset_range(Preset.LAST_7, new_year) == (date(2025, 12, 26), new_year)
    assert preset_range(Preset.THIS_MONTH, date(2026, 3, 15)) == (date(2026, 3, 1), date(2026, 3, 15))
    assert preset_range(Preset.LAST_MONTH, date(2026, 3, 31)) == (date(2026, 2, 1), date(2026, 2, 28))


def test_an_older_answer_arriving_late_is_dropped(services: Services, manager: Actor, clerk: Actor) -> None:
    sell(services, clerk)
    today = datetime.now().astimezone().date()
    runner = HeldRunner()
    session = Session(services, runner)
    session.set_actor(manager)
    vm = ReportsViewModel(session, today)
    loaded: list[Grouping] = []
    vm.loaded.connect(lambda: loaded.append(vm.grouping))
    vm.choose(today, today, Grouping.DAY)
    vm.choose(today, today, Grouping.PRODUCT)
    runner.finish(1)
    assert loaded == [Grouping.PRODUCT] and not vm.busy
    runner.finish(0)  # the day report, asked first, answers last: not shown
    assert loaded == [Grouping.PRODUCT]
    assert vm.dashboard is not None and vm.dashboard.report.grouping is Grouping.PRODUCT
    assert dict(vm.totals())["Orders"] == "1"
    assert vm.suggested_name("csv") == f"sales-by-product-{today.isoformat()}.csv"
    vm.choose(date(2026, 11, 1), date(2026, 11, 30), Grouping.CLERK)
    assert vm.suggested_name("xlsx") == "sales-by-clerk-2026-11-01_2026-11-30.xlsx"
