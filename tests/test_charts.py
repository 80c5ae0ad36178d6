"""The one chart function, drawn off-screen (Agg) as the export uses it."""

from datetime import date

from briefer.charts import IndicatorSeries, draw_indicator, indicator_png


def _series(points):
    return IndicatorSeries(
        "Jewish emigration", "persons per month", 10000 / 12, "10,000 a year", tuple(points)
    )


def test_png_is_a_real_image():
    png = indicator_png(_series([(date(1987, 11, 1), 800.0), (date(1987, 12, 19), 800.0)]))
    assert png.startswith(b"\x89PNG\r\n\x1a\n") and len(png) > 5000


def test_the_target_line_and_the_data_are_both_drawn():
    from matplotlib.figure import Figure

    figure = Figure()
    draw_indicator(figure, _series([(date(1987, 12, 19), 800.0)]))
    axes = figure.axes[0]
    lines = {line.get_label(): line for line in axes.get_lines()}
    assert list(lines["Jewish emigration"].get_ydata()) == [800.0]
    assert round(lines["target 833"].get_ydata()[0]) == 833
    low, high = axes.get_xlim()
    assert high - low >= 80  # a lone observation still gets a readable window (days)
    assert axes.get_ylim()[1] > 833  # the target is inside the frame


def test_caption_says_latest_value_and_target():
    assert _series([(date(1987, 12, 19), 800.0)]).caption == (
        "Jewish emigration: 800 persons per month on 1987-12-19; target 833 persons per month "
        "(10,000 a year)."
    )
    assert _series([]).caption.startswith("Jewish emigration: no observations")
