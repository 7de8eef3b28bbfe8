"""{% coverage_chart clippings topic=slug %}: clippings per month as a linked SVG bar chart."""

from __future__ import annotations

import datetime
from urllib.parse import urlencode

from django import template
from django.db.models import QuerySet
from django.urls import reverse

from articles.charts import coverage
from articles.models import Article

register = template.Library()


@register.inclusion_tag("includes/coverage_chart.html")
def coverage_chart(
    articles: QuerySet[Article],
    list_url: str = "articles:article-list",
    id_prefix: str = "coverage",
    list_href: str = "",
    **filters: str,
) -> dict:
    """Chart `articles` by month; each bar links to `list_url` narrowed to its month.

    The keyword arguments are the list's filters that select the same clippings
    (`topic=topic.slug`, `outlet=outlet.slug`, or a search's `q=...`), so a bar's link lists
    exactly the clippings it counts. `list_href`, a list's URL with its query string already
    built (repeatable filters included, no dates), takes their place when given.
    """
    base = list_href or reverse(list_url)
    params = [(name, value) for name, value in filters.items() if value not in (None, "")]
    joiner = "&" if "?" in base else "?"

    def href(first: datetime.date, last: datetime.date) -> str:
        month = [("from", first.isoformat()), ("to", last.isoformat())]
        return f"{base}{joiner}{urlencode([*params, *month])}"

    return {"chart": coverage(articles, href), "id_prefix": id_prefix}
