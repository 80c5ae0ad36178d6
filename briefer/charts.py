"""Progress charts: one function draws an indicator against its target, for the window's
canvas and for the Word export's picture alike (matplotlib; Qt Charts is deprecated).

matplotlib is imported only when a chart is drawn: it is not needed to start the app.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any


@dataclass(frozen=True)
class IndicatorSeries:
    name: str
    unit: str
    target: float | None
    target_note: str
    points: tuple[tuple[date, float], ...]

    @property
    def caption(self) -> str:
        latest = (
            f"{self.points[-1][1]:,.0f} {self.unit} on {self.points[-1][0].isoformat()}"
            if self.points
            else "no observations"
        )
        target = f"; target {self.target:,.0f} {self.unit}" if self.target is not None else ""
        note = f" ({self.target_note})" if self.target_note else ""
        return f"{self.name}: {latest}{target}{note}."


def draw_indicator(figure: Any, series: IndicatorSeries) -> None:
    """Draw ``series`` on a matplotlib Figure (an Agg figure or a Qt canvas's figure)."""
    figure.clear()
    axes = figure.add_subplot(1, 1, 1)
    if series.points:
        days, values = zip(*series.points, strict=True)
        axes.plot(days, values, marker="o", color="#1f4e79", label=series.name)
        if (max(days) - min(days)).days < 90:  # one or few observations: a readable window
            axes.set_xlim(min(days) - timedelta(days=45), max(days) + timedelta(days=45))
    if series.target is not None:
        axes.axhline(
            series.target, color="#c8102e", linestyle="--", label=f"target {series.target:,.0f}"
        )
    axes.set_title(series.name, fontsize=10)
    axes.set_ylabel(series.unit, fontsize=9)
    highest = max(
        [v for _d, v in series.points] + ([series.target] if series.target else []), default=1.0
    )
    axes.set_ylim(0, highest * 1.45)  # a free band at the top for the legend
    axes.tick_params(labelsize=8)
    axes.grid(True, alpha=0.3)
    axes.legend(fontsize=8, loc="upper left", ncols=2, frameon=False)
    figure.autofmt_xdate()
    figure.tight_layout()


def indicator_png(
    series: IndicatorSeries, width_in: float = 6.0, height_in: float = 2.6, dpi: int = 150
) -> bytes:
    """The same chart as a PNG, drawn off-screen with the Agg backend."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(width_in, height_in), dpi=dpi)
    FigureCanvasAgg(figure)
    draw_indicator(figure, series)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()
