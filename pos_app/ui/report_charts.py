"""The reports window's two charts (Qt Charts): net sales over time, and the best-selling
products. Values are drawn in the currency's major units; the table beside them has the exact
amounts."""

from __future__ import annotations

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QWidget

from pos_app.domain.money import minor_digits
from pos_app.viewmodels.reports import Point

BAR_COLOUR = QColor("#2e7d6b")
NAME_CHARS = 22  # product names on the axis are cut to this


def _chart(title: str) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    chart.legend().setVisible(False)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.setBackgroundRoundness(0)
    return chart


class ChartView(QChartView):
    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(_chart(""), parent)
        self.setObjectName(name)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(200)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # nothing to do in it by keyboard
        self.values: list[float] = []  # what is drawn, for tests and screen readers
        self.labels: list[str] = []

    def _replace(self, chart: QChart) -> None:
        old = self.chart()
        self.setChart(chart)
        old.deleteLater()

    def _bars(self, title: str, points: list[Point], currency: str, *, sideways: bool) -> None:
        scale = 10 ** minor_digits(currency)
        chart = _chart(title)
        bars = QBarSet(title)
        bars.setColor(BAR_COLOUR)
        shown = list(reversed(points)) if sideways else points  # the biggest on top
        self.values = [p.value / scale for p in points]
        self.labels = [p.label for p in points]
        for point in shown:
            bars.append(point.value / scale)
        series = QHorizontalBarSeries() if sideways else QBarSeries()
        series.append(bars)
        series.setBarWidth(0.8)
        chart.addSeries(series)
        names = QBarCategoryAxis()
        names.append(_unique([_short(p.label) for p in shown]) or [""])
        amounts = QValueAxis()
        amounts.setLabelFormat("%.0f")
        top = max([p.value / scale for p in points] + [1.0])
        amounts.setRange(0, top * 1.05)
        amounts.applyNiceNumbers()
        amounts.setTitleText(currency)
        if sideways:
            chart.addAxis(names, Qt.AlignmentFlag.AlignLeft)
            chart.addAxis(amounts, Qt.AlignmentFlag.AlignBottom)
        else:
            chart.addAxis(names, Qt.AlignmentFlag.AlignBottom)
            chart.addAxis(amounts, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(names)
        series.attachAxis(amounts)
        self._replace(chart)

    def over_time(self, title: str, points: list[Point], currency: str) -> None:
        self._bars(title, points, currency, sideways=False)
        if len(points) > 16:  # every label would crowd: every other one is left blank
            axis = self.chart().axes(Qt.Orientation.Horizontal)[0]
            if isinstance(axis, QBarCategoryAxis):
                step = -(-len(points) // 12)
                axis.setCategories(
                    [p.label if n % step == 0 else " " * (n + 1) for n, p in enumerate(points)]
                )

    def top_products(self, title: str, points: list[Point], currency: str) -> None:
        self._bars(title, points, currency, sideways=True)


def _unique(labels: list[str]) -> list[str]:
    """A category axis takes each label once: repeats get an invisible mark to tell them apart."""
    seen: dict[str, int] = {}
    out = []
    for label in labels:
        seen[label] = seen.get(label, 0) + 1
        out.append(label + "\u200b" * (seen[label] - 1))
    return out


def _short(text: str) -> str:
    return text if len(text) <= NAME_CHARS else text[: NAME_CHARS - 1] + "…"
