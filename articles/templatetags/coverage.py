"""{% coverage_chart clippings topic=slug %}: clippings per month as a linked SVG bar chart.

The chart is written in Python rather than through an include: a search spanning fifteen
years draws up to 180 bars, each with a link, a translated title and two formatted dates, and
the template engine spent 2–3 ms of a search page's CPU on them (docs/performance.md).
"""

from __future__ import annotations

import datetime
from html import escape
from urllib.parse import urlencode

from django import template
from django.db.models import QuerySet
from django.urls import reverse
from django.utils.dates import MONTHS
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext, ngettext

from articles.charts import Chart, build_chart, coverage
from articles.models import Article

register = template.Library()


@register.simple_tag
def coverage_chart(
    articles: QuerySet[Article] | dict[datetime.date, int],
    list_url: str = "articles:article-list",
    id_prefix: str = "coverage",
    list_href: str = "",
    **filters: str,
) -> SafeString:
    """Chart `articles` by month; each bar links to `list_url` narrowed to its month.

    The keyword arguments are the list's filters that select the same clippings
    (`topic=topic.slug`, `outlet=outlet.slug`, or a search's `q=...`), so a bar's link lists
    exactly the clippings it counts. `list_href`, a list's URL with its query string already
    built (repeatable filters included, no dates), takes their place when given.

    `articles` may also be the counts themselves (charts.months_of()), from a caller that
    read the clippings' dates already.
    """
    base = list_href or reverse(list_url)
    params = urlencode(
        [(name, value) for name, value in filters.items() if value not in (None, "")]
    )
    # The list's own parameters encoded once; ISO dates need no encoding.
    start = f"{base}{'&' if '?' in base else '?'}{params}{'&' if params else ''}"

    def href(first: datetime.date, last: datetime.date) -> str:
        return f"{start}from={first.isoformat()}&to={last.isoformat()}"

    if isinstance(articles, dict):
        return render_chart(build_chart(articles, href), id_prefix)
    return render_chart(coverage(articles, href), id_prefix)


def render_chart(chart: Chart | None, id_prefix: str) -> SafeString:
    """The chart as an SVG of linked bars, and the same counts as a table for screen readers
    and keyboards, in a section headed "Coverage over time"; nothing without a chart.

    The SVG is a named group rather than role="img": an image may not contain links, and its
    bars are links. Screen readers reach each bar by its title; keyboards skip them
    (tabindex -1) because the table below carries the same links; the axis numbers are
    hidden as noise.
    """
    if chart is None:
        return mark_safe("\n\n")
    months = {number: str(name) for number, name in MONTHS.items()}

    def month_name(day: datetime.date) -> str:
        return f"{months[day.month]} {day.year}"

    prefix = escape(id_prefix)
    total, busiest = chart.total, chart.busiest
    desc = ngettext(
        "%(counter)s clipping in all; the busiest month is %(busiest)s with %(most)s. "
        "The table of monthly counts below lists every month.",
        "%(counter)s clippings in all; the busiest month is %(busiest)s with %(most)s. "
        "The table of monthly counts below lists every month.",
        total,
    ) % {"counter": total, "busiest": month_name(busiest.month), "most": busiest.count}
    title = gettext("Clippings per month, %(first)s to %(last)s") % {
        "first": month_name(chart.first),
        "last": month_name(chart.last),
    }
    bars = []
    rows = []
    for bar in chart.months_with_clippings:
        name = month_name(bar.month)
        label = ngettext(
            "%(month)s: %(counter)s clipping", "%(month)s: %(counter)s clippings", bar.count
        ) % {"month": name, "counter": bar.count}
        link = escape(bar.href)
        bars.append(
            f'\n    <a href="{link}" tabindex="-1"><rect class="coverage__bar" x="{bar.x}" '
            f'y="{bar.y}" width="{bar.width}" height="{bar.height}"><title>{label}</title>'
            "</rect></a>\n    "
        )
        rows.append(
            f'\n        <tr><th scope="row"><a href="{link}"><time datetime="'
            f'{bar.month:%Y-%m}">{name}</time></a></th><td>{bar.count}</td></tr>\n        '
        )
    years = "".join(
        f'<text class="coverage__label" aria-hidden="true" x="{label.x}" '
        f'y="{chart.label_baseline}" text-anchor="middle">{label.year}</text>\n    '
        for label in chart.years
    )
    left, right, top, baseline = chart.left, chart.right, chart.top, chart.baseline
    return mark_safe(
        f'\n\n<section class="coverage" aria-labelledby="{prefix}-heading">\n'
        f'  <h2 class="section-title" id="{prefix}-heading">'
        f"{gettext('Coverage over time')}</h2>\n"
        f'  <svg xmlns="http://www.w3.org/2000/svg" class="coverage__chart" '
        f'viewBox="0 0 {chart.width} {chart.height}" role="group" '
        f'aria-labelledby="{prefix}-title" aria-describedby="{prefix}-desc" focusable="false">\n'
        f'    <title id="{prefix}-title">{title}</title>\n'
        f'    <desc id="{prefix}-desc">{desc}</desc>\n'
        f'    <line class="coverage__grid" x1="{left}" x2="{right}" y1="{top}" y2="{top}"/>\n'
        f'    <text class="coverage__label" aria-hidden="true" x="{left - 6}" y="{top + 4}" '
        f'text-anchor="end">{busiest.count}</text>\n'
        f'    <text class="coverage__label" aria-hidden="true" x="{left - 6}" y="{baseline}" '
        'text-anchor="end">0</text>\n'
        f"    {''.join(bars)}\n"
        f'    <line class="coverage__axis" x1="{left}" x2="{right}" y1="{baseline}" '
        f'y2="{baseline}"/>\n'
        f"    {years}\n"
        "  </svg>\n"
        '  <details class="coverage__counts">\n'
        f"    <summary>{gettext('Monthly counts')}</summary>\n"
        '    <table class="coverage__table">\n'
        '      <caption class="visually-hidden">'
        f"{gettext('Clippings per month; months without clippings are left out.')}</caption>\n"
        f'      <thead><tr><th scope="col">{gettext("Month")}</th>'
        f'<th scope="col">{gettext("Clippings")}</th></tr></thead>\n'
        "      <tbody>\n"
        f"        {''.join(rows)}\n"
        "      </tbody>\n"
        "    </table>\n"
        "  </details>\n"
        "</section>\n\n"
    )
