"""Coverage over time: clippings per month as a bar chart drawn on the server.

`coverage(queryset, href)` runs one grouped query and returns the geometry of an SVG chart;
`templatetags/coverage.render_chart()` draws it. Any list of clippings can have one: the
topic and outlet pages pass theirs, and a search page can pass its results.
"""

from __future__ import annotations

import calendar
import datetime
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import NamedTuple

from django.db.models import Count, QuerySet
from django.db.models.functions import TruncMonth

from .models import Article

# The drawing's own units; the SVG scales to the width of the page.
WIDTH = 720
HEIGHT = 180
LEFT = 36  # room for the count labels
RIGHT = 6
TOP = 10
BOTTOM = 24  # room for the year labels
# Year labels closer than this would overlap.
MIN_LABEL_GAP = 40
# Bars never get wider than this, so one or two months do not fill the whole chart.
MAX_BAR_WIDTH = 40


class Bar(NamedTuple):
    """One month's bar. A tuple: a chart of fifteen years builds 180 of them per request."""

    month: datetime.date
    count: int
    x: float
    y: float
    width: float
    height: float
    href: str

    @property
    def last_day(self) -> datetime.date:
        return month_end(self.month)


class YearLabel(NamedTuple):
    year: int
    x: float


@dataclass(frozen=True)
class Chart:
    bars: list[Bar]
    years: list[YearLabel]
    total: int
    busiest: Bar
    width: int = WIDTH
    height: int = HEIGHT
    left: int = LEFT
    top: int = TOP
    baseline: int = HEIGHT - BOTTOM

    @property
    def first(self) -> datetime.date:
        return self.bars[0].month

    @property
    def last(self) -> datetime.date:
        return self.bars[-1].month

    @property
    def months_with_clippings(self) -> list[Bar]:
        return [bar for bar in self.bars if bar.count]

    @property
    def right(self) -> int:
        return self.width - RIGHT

    @property
    def label_baseline(self) -> int:
        return self.height - 6


def monthly_counts(articles: QuerySet[Article]) -> dict[datetime.date, int]:
    """Clippings per month in one query, keyed by the month's first day.

    Counted with DISTINCT so a queryset joined through topics (a clipping filed under a topic
    and its sub-topic) counts each clipping once; ordering and prefetching are dropped since
    a grouped query needs neither.
    """
    rows = (
        articles.order_by()
        .prefetch_related(None)
        .annotate(month=TruncMonth("published_on"))
        .values_list("month")
        .annotate(n=Count("pk", distinct=True))
        .values_list("month", "n")
    )
    return {_as_date(month): n for month, n in rows}


def months_of(days: Iterable[datetime.date]) -> dict[datetime.date, int]:
    """What monthly_counts() returns, counted from the clippings' dates when a caller has
    them already (a search that read every match)."""
    return Counter(day.replace(day=1) for day in days)


def _as_date(value: datetime.date | datetime.datetime) -> datetime.date:
    return value.date() if isinstance(value, datetime.datetime) else value


def month_end(month: datetime.date) -> datetime.date:
    return month.replace(day=calendar.monthrange(month.year, month.month)[1])


def _months(first: datetime.date, last: datetime.date) -> list[datetime.date]:
    months = []
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        months.append(datetime.date(year, month, 1))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def build_chart(
    counts: dict[datetime.date, int], href: Callable[[datetime.date, datetime.date], str]
) -> Chart | None:
    """Lay out one bar per month from the first month with clippings to the last, empty months
    included so the time axis stays even. `href(first_day, last_day)` links a month's bar."""
    counts = {month: n for month, n in counts.items() if n > 0}
    if not counts:
        return None
    months = _months(min(counts), max(counts))
    tallest = max(counts.values())
    baseline = HEIGHT - BOTTOM
    plot_height = baseline - TOP
    slot = (WIDTH - LEFT - RIGHT) / len(months)
    bar_width = min(slot * 0.8, MAX_BAR_WIDTH)
    bars = []
    for i, month in enumerate(months):
        count = counts.get(month, 0)
        # Every month with a clipping shows at least a sliver, however busy the others.
        height = max(count / tallest * plot_height, 1.5) if count else 0
        bars.append(
            Bar(
                month=month,
                count=count,
                x=round(LEFT + i * slot + (slot - bar_width) / 2, 2),
                y=round(baseline - height, 2),
                width=round(bar_width, 2),
                height=round(height, 2),
                href=href(month, month_end(month)) if count else "",
            )
        )
    busiest = max(bars, key=lambda bar: (bar.count, bar.month))
    return Chart(bars=bars, years=_year_labels(bars), total=sum(counts.values()), busiest=busiest)


def _year_labels(bars: list[Bar]) -> list[YearLabel]:
    """A year under each January, thinned out when they would overlap; the first bar gets its
    year too when it is not a January and there is room before the next label."""
    labels: list[YearLabel] = []
    for bar in bars:
        if bar.month.month == 1:
            x = round(bar.x + bar.width / 2, 2)
            if not labels or x - labels[-1].x >= MIN_LABEL_GAP:
                labels.append(YearLabel(bar.month.year, x))
    first = bars[0]
    if first.month.month != 1:
        x = round(first.x + first.width / 2, 2)
        if not labels or labels[0].x - x >= MIN_LABEL_GAP:
            labels.insert(0, YearLabel(first.month.year, x))
    return labels


def coverage(
    articles: QuerySet[Article], href: Callable[[datetime.date, datetime.date], str]
) -> Chart | None:
    return build_chart(monthly_counts(articles), href)
