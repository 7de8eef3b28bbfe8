"""The public reading pages. Every clipping shown starts from Article.objects.published().

The date archive uses function views rather than Django's generic date views: the year and
month pages show counts, not rows, and the generic views load every row of the period to learn
whether it is empty; the day page needs only two neighbour lookups where DayArchiveView runs
four through the prefetching queryset, and its date arithmetic overflows on 9999-12-31.
"""

from __future__ import annotations

import calendar
import datetime
import re
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import groupby
from operator import attrgetter, itemgetter
from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.db import connections
from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce, Lower, TruncMonth
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponsePermanentRedirect,
    QueryDict,
    StreamingHttpResponse,
)
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.dates import MONTHS_3
from django.utils.http import content_disposition_header
from django.utils.safestring import SafeString
from django.utils.translation import gettext, gettext_lazy
from django.views.generic import DetailView, ListView

from . import citations
from .cache import is_anonymous, until_next_write
from .charts import months_of
from .exports import iter_csv, iter_jsonl
from .filters import (
    FILTER_NAMES,
    ISO_DATE,
    SORT,
    ListQuery,
    default_sort,
    read_list_query,
    short_date,
    topics_in_tree_order,
)
from .models import Article, Correction, Outlet, Tag, topic_ids
from .pagination import paginate
from .search import MAX_QUERY_LENGTH, SearchFacets, SearchOrder, get_search_backend
from .search.base import facet_limit
from .templatetags.coverage import coverage_chart

RECENT_DAYS = 7


# --- Shared building blocks -----------------------------------------------------------------


def outlets_with_counts() -> list[Outlet]:
    """All outlets by name, each carrying `public_count`, kept until the next write.

    Counting a million clippings takes a fraction of a second, too long for every page that
    lists outlets (docs/performance.md); after a write the counts from before it are shown
    while they are counted again (`until_next_write(late=True)`).
    """
    return until_next_write("outlets-with-counts", _outlets_with_counts, late=True)


def _outlets_with_counts() -> list[Outlet]:
    # One GROUP BY over the clippings: a counting subquery per outlet took seconds at 1M.
    counts = dict(
        Article.objects.published().order_by().values_list("outlet").annotate(n=Count("pk"))
    )
    outlets = list(Outlet.objects.order_by(Lower("name")))
    for outlet in outlets:
        outlet.public_count = counts.get(outlet.pk, 0)
    return outlets


def topic_tree() -> list[Tag]:
    """Top-level topics with `subtopics`, each topic carrying `public_count`.

    A top-level count covers its sub-topics too, and a clipping filed under both a parent and
    one of its children counts once. Three queries whatever the size of the tree, taking
    seconds at 1M clippings, so the tree is kept until the next write, and after one the tree
    from before it is shown while it is counted again (docs/performance.md).
    """
    return until_next_write("topic-tree", _topic_tree, late=True)


def _topic_tree() -> list[Tag]:
    # From the link table alone, each count less that of the few hidden clippings: joining a
    # million clippings to two million links to count the public ones took 2 s.
    hidden = Q(article__in=Article.objects.not_public().values("pk"))
    links = Article.tags.through.objects.order_by()
    direct = {
        tag: n - n_hidden
        for tag, n, n_hidden in links.values_list("tag").annotate(
            n=Count("pk"), n_hidden=Count("pk", filter=hidden)
        )
    }
    # Under a top-level topic, a clipping filed under it and under a sub-topic counts once.
    per_root = {
        root: n - n_hidden
        for root, n, n_hidden in links.annotate(root=Coalesce("tag__parent", "tag"))
        .values_list("root")
        .annotate(
            n=Count("article", distinct=True),
            n_hidden=Count("article", distinct=True, filter=hidden),
        )
    }
    tags = list(Tag.objects.order_by(Lower("name")))
    roots = [tag for tag in tags if tag.parent_id is None]
    by_id = {tag.pk: tag for tag in roots}
    for root in roots:
        root.public_count = per_root.get(root.pk, 0)
        root.subtopics = []
    for tag in tags:
        parent = by_id.get(tag.parent_id)
        # A third level (Tag.clean forbids it, the database does not) is left off the tree.
        if parent is not None:
            tag.parent = parent  # so full_name needs no query
            tag.public_count = direct.get(tag.pk, 0)
            parent.subtopics.append(tag)
    return roots


_LEADING_NUMBER = re.compile(r"\d+")


@lru_cache(maxsize=4096)
def _page_key(page: str) -> tuple[int, int, str]:
    """Page "3" before "12" before "A2" before no page at all; memoised, since a day sorts some
    300 clippings on a few dozen distinct page labels."""
    page = page.strip()
    match = _LEADING_NUMBER.match(page)
    if match:
        return (0, int(match[0]), page)
    if page:
        return (1, 0, page.lower())
    return (2, 0, "")


def _outlet_key(outlet: Outlet) -> tuple[str, int]:
    return (outlet.name.lower(), outlet.pk)


def reading_order(outlet: Outlet, page: str, pk: int) -> tuple:
    """The order of the day page: outlet by name, then page ("3" before "12"), then id."""
    return (*_outlet_key(outlet), *_page_key(page), pk)


def rows_in_reading_order(
    rows: list[tuple], outlets: dict[int, Outlet], outlet_at: int, page_at: int
) -> list[tuple]:
    """A day's rows (id first, outlet id and page at the given places) in reading_order(),
    each outlet's part of the key made once rather than once a row."""
    keys = {pk: _outlet_key(outlet) for pk, outlet in outlets.items()}
    return sorted(rows, key=lambda row: (*keys[row[outlet_at]], *_page_key(row[page_at]), row[0]))


def day_reading_order(article: Article) -> tuple:
    return reading_order(article.outlet, article.page, article.pk)


# A busy day holds about 300 clippings from 15 outlets at a million clippings: listing all of
# them made the front and day pages 185 KB and 50 times slower than a list page. Each outlet
# shows its first pages and links to the rest of its day in the full, paged list.
HOME_PER_OUTLET = 3
DAY_PER_OUTLET = 6


@dataclass
class OutletGroup:
    outlet: Outlet
    articles: list[ListedClipping] = field(default_factory=list)
    # All of the outlet's clippings that day, and the list of them when not all are shown.
    total: int = 0
    more_href: str = ""


# One clipping of a day as around_the_day() reads it: enough to place it in the day's order and
# to link to it, with its outlet from the kept ones (outlets_by_id). Plain tuples: the day holds
# hundreds of clippings and only a few are shown.
_DAY_ROW = ("pk", "outlet_id", "page", "title", "slug")
# The same with the source date: a related clipping's row, and what makes the clipping page's
# neighbour queries one UNION.
_NEIGHBOUR_ROW = (*_DAY_ROW, "published_on")


def _day_query(day: datetime.date) -> QuerySet:
    return Article.objects.published().filter(published_on=day).order_by()


def day_rows(day: datetime.date, rows: list[tuple] | None = None) -> list[tuple]:
    """The day's public clippings in the day page's order, in one narrow query, as `_DAY_ROW`
    tuples (or `rows` of them the caller read already, in any order).

    Ordering by page number ("3" before "12" before "A2") is done here rather than in SQL, so
    the whole day is read, but only these seven short columns of it: about 1 ms for the 300
    clippings of a busy day.
    """
    if rows is None:
        rows = list(_day_query(day).values_list(*_DAY_ROW))
    outlets = outlets_by_id({row[1] for row in rows})
    return rows_in_reading_order(rows, outlets, outlet_at=1, page_at=2)


# What a day's listing shows of each clipping, read for the whole day in day_groups(); in the
# model's field order, as Model.from_db() takes a partial row.
_LISTED = (
    "pk",
    "title",
    "slug",
    "outlet_id",
    "published_on",
    "page",
    "edition",
    "position",
    "kind",
)


class ListedClipping:
    """A clipping as a day's listing shows it, made from its `_LISTED` row.

    What the listing reads of a clipping (templatetags.listing, attach_topics()) at a fraction
    of the cost of a model instance with the other fields deferred: a busy day shows 78.
    """

    __slots__ = ("outlet", "topics", *_LISTED)
    page_label = Article.page_label
    get_absolute_url = Article.get_absolute_url

    def __init__(self, outlet: Outlet, *row) -> None:
        self.outlet = outlet
        for name, value in zip(_LISTED, row, strict=True):
            setattr(self, name, value)


def day_groups(day: datetime.date, per_outlet: int) -> tuple[list[OutletGroup], int]:
    """A day's clippings as the paper reader sees them, by outlet, then by page; and how many.

    Each outlet shows its first `per_outlet` clippings and links to all of them. Two queries
    whatever the day's size: the day's rows as tuples (a few short columns, no bodies), and
    the topics of the shown ones; only the shown ones become models.
    """
    values = Article.objects.published().filter(published_on=day).order_by().values_list(*_LISTED)
    rows = list(values)
    outlets = outlets_by_id({row[3] for row in rows})
    rows = rows_in_reading_order(rows, outlets, outlet_at=3, page_at=5)
    groups: list[OutletGroup] = []
    list_path = reverse("articles:article-list")
    for outlet_id, items in groupby(rows, key=itemgetter(3)):
        items = list(items)
        outlet = outlets[outlet_id]
        shown = [ListedClipping(outlet, *item) for item in items[:per_outlet]]
        group = OutletGroup(outlet, shown, total=len(items))
        if len(items) > per_outlet:
            # The outlet's whole day in the paged list, where every clipping is reachable.
            iso = day.isoformat()
            group.more_href = (
                f"{list_path}?{urlencode([('outlet', outlet.slug), ('from', iso), ('to', iso)])}"
            )
        groups.append(group)
    attach_topics([article for group in groups for article in group.articles])
    return groups, len(rows)


def attach_topics(articles: list[Article]) -> list[Article]:
    """Give each clipping `topics`: its topics by name, each with its parent.

    What a list of clippings shows of their topics, for the row tags (templatetags/listing.py),
    at a fraction of the CPU of prefetching `tags`: the topics are the ones kept until the next
    write (topics_by_slug), so only their ids are read, with no query for clippings read
    `with_topic_ids()` and one query of id pairs for others. `article.tags` is left alone.
    """
    if not articles:
        return articles
    if all(hasattr(article, "topic_ids") for article in articles):
        ids = {article.pk: topic_ids(article.topic_ids) for article in articles}
    else:
        ids = {article.pk: [] for article in articles}
        links = get_search_backend(Article.tags.through.objects.db).topic_links(list(ids))
        for article_id, tag_id in links:
            ids[article_id].append(tag_id)
    topics = topics_of(ids)
    for article in articles:
        article.topics = topics[article.pk]
    return articles


def topics_of(ids: dict[int, list[int]]) -> dict[int, list[Tag]]:
    """Topic ids per clipping (TopicIds) as each clipping's topics by name, from the topics
    kept until the next write; a topic newer than them, in the moment before its write is
    noticed, makes them read afresh."""
    by_id = _topics_by_id(topics_by_slug())
    if not by_id.keys() >= {pk for row in ids.values() for pk in row}:
        by_id = _topics_by_id(read_topics_by_slug())
    return {
        key: sorted((by_id[pk] for pk in row if pk in by_id), key=_topic_order)
        for key, row in ids.items()
    }


def _topics_by_id(topics: dict[str, tuple[Tag, list[Tag]]]) -> dict[int, Tag]:
    return {tag.pk: tag for tag, _subtopics in topics.values()}


def _topic_order(tag: Tag) -> tuple[str, int]:
    return (tag.name, tag.pk)


@dataclass(frozen=True)
class PublicDays:
    """Every day with public clippings and how many, oldest first.

    Kept until the next write (public_days()), it answers the home page's recent days, the
    month calendars and every previous/next link of the date archive without a query. Two
    arrays of numbers rather than a dict of dates: fifteen years are 5,500 days, and a process
    that takes them from the shared cache unpickles them, which for arrays is a copy of bytes.
    """

    ordinals: array = field(default_factory=lambda: array("l"))
    counts: array = field(default_factory=lambda: array("l"))

    @classmethod
    def read(
        cls, first: datetime.date | None = None, last: datetime.date | None = None
    ) -> PublicDays:
        """Counted from the clippings, all days or those from `first` to `last`."""
        days = cls()
        public = Article.objects.published()
        if first is not None and last is not None:
            public = public.filter(published_on__range=(first, last))
        rows = public.order_by("published_on").values_list("published_on").annotate(n=Count("pk"))
        for day, n in rows:
            days.ordinals.append(day.toordinal())
            days.counts.append(n)
        return days

    def newest(self, n: int) -> list[tuple[datetime.date, int]]:
        """The latest `n` days, newest first."""
        start = max(0, len(self.ordinals) - n)
        return [
            (datetime.date.fromordinal(self.ordinals[i]), self.counts[i])
            for i in reversed(range(start, len(self.ordinals)))
        ]

    def between(self, first: datetime.date, last: datetime.date) -> dict[datetime.date, int]:
        start = bisect_left(self.ordinals, first.toordinal())
        stop = bisect_right(self.ordinals, last.toordinal())
        return {
            datetime.date.fromordinal(self.ordinals[i]): self.counts[i] for i in range(start, stop)
        }

    def before(self, day: datetime.date) -> datetime.date | None:
        """The latest day with public clippings before `day`."""
        i = bisect_left(self.ordinals, day.toordinal())
        return datetime.date.fromordinal(self.ordinals[i - 1]) if i else None

    def after(self, day: datetime.date) -> datetime.date | None:
        """The earliest day with public clippings after `day`."""
        i = bisect_right(self.ordinals, day.toordinal())
        return datetime.date.fromordinal(self.ordinals[i]) if i < len(self.ordinals) else None


def public_days() -> PublicDays:
    """PublicDays, kept until the next write: one grouped pass over the clippings (0.2 s at a
    million) for every archive page after it.

    Counted again after a write in a thread (`late`), as the other counts are: until it is
    ready, pages get the days from before the write. No page answers 404 from them alone: a
    day page reads its own clippings, and a month with no kept day is counted on its own
    (`archive_month`).
    """
    return until_next_write("public-days", PublicDays.read, late=True)


def _public_day_before(day: datetime.date) -> datetime.date | None:
    return public_days().before(day)


def _public_day_after(day: datetime.date) -> datetime.date | None:
    return public_days().after(day)


def _date_or_404(year: str, month: str = "1", day: str = "1") -> datetime.date:
    """The URL converters guarantee digits; this rejects 2015-02-30, month 13 and year 0."""
    try:
        return datetime.date(int(year), int(month), int(day))
    except ValueError as error:
        raise Http404("No such date.") from error


def _private(response: HttpResponse) -> HttpResponse:
    """Keep shared caches from storing what only staff may see."""
    patch_cache_control(response, private=True, no_store=True)
    return response


# --- Front page -------------------------------------------------------------------------------


def home(request: HttpRequest) -> HttpResponse:
    # The latest day and the ones before it, newest first: (day, count) pairs.
    days = public_days().newest(RECENT_DAYS + 1)
    latest = days[0][0] if days else None
    context: dict = {"latest_day": latest, "groups": [], "recent_days": days[1:]}
    if latest is not None:
        context["groups"], context["count"] = day_groups(latest, HOME_PER_OUTLET)
    context["topics"] = [topic for topic in topic_tree() if topic.public_count]
    context["outlets"] = [o for o in outlets_with_counts() if o.public_count]
    return render(request, "articles/home.html", context)


# --- Date archive -----------------------------------------------------------------------------


def _per_month(articles: QuerySet[Article]) -> dict[datetime.date, int]:
    """Clipping counts per month, keyed by the month's first day, oldest first."""
    # TruncMonth hands back dates on every backend; Extract gives Decimals on PostgreSQL.
    return dict(
        articles.order_by()
        .annotate(month=TruncMonth("published_on"))
        .values_list("month")
        .annotate(n=Count("pk"))
        .order_by("month")
    )


def archive_index(request: HttpRequest) -> HttpResponse:
    per_month = until_next_write(
        "months", lambda: _per_month(Article.objects.published()), late=True
    )
    # Month names once, not a `date` filter for each of 180 months.
    names = {number: str(name) for number, name in MONTHS_3.items()}
    years = []
    for year, items in groupby(per_month.items(), key=lambda item: item[0].year):
        months = [
            {
                "number": month.month,
                "iso": f"{year:04d}-{month.month:02d}",
                "name": names[month.month].title(),
                "count": n,
            }
            for month, n in items
        ]
        years.append({"year": year, "count": sum(m["count"] for m in months), "months": months})
    years.reverse()
    return render(request, "articles/archive_index.html", {"years": years})


def archive_year(request: HttpRequest, year: str) -> HttpResponse:
    first = _date_or_404(year)
    last = first.replace(month=12, day=31)
    per_month = until_next_write(
        f"months-{first.year}",
        lambda: _per_month(Article.objects.published().filter(published_on__range=(first, last))),
    )
    if not per_month:
        raise Http404("No clippings in this year.")
    months = [
        (first.replace(month=m), per_month.get(first.replace(month=m), 0)) for m in range(1, 13)
    ]
    context = {
        "year": first,
        "months": months,
        "total": sum(per_month.values()),
        "previous_year": _public_day_before(first),
        "next_year": _public_day_after(last),
    }
    return render(request, "articles/archive_year.html", context)


def archive_month(request: HttpRequest, year: str, month: str) -> HttpResponse:
    first = _date_or_404(year, month)
    last = first.replace(day=calendar.monthrange(first.year, first.month)[1])
    day_counts = public_days().between(first, last)
    if not day_counts:
        # The kept days may be from before the write that published this month's first
        # clipping: the month's own days decide (one indexed query, for such months only).
        day_counts = PublicDays.read(first, last).between(first, last)
    if not day_counts:
        raise Http404("No clippings in this month.")
    context = {
        "month": first,
        "day_counts": day_counts,
        "total": sum(day_counts.values()),
        "previous_month": _public_day_before(first),
        "next_month": _public_day_after(last),
    }
    return render(request, "articles/archive_month.html", context)


def archive_day(request: HttpRequest, year: str, month: str, day: str) -> HttpResponse:
    date = _date_or_404(year, month, day)
    groups, count = day_groups(date, DAY_PER_OUTLET)
    if not count:
        raise Http404("No clippings on this day.")
    context = {
        "day": date,
        "groups": groups,
        "count": count,
        "previous_day": _public_day_before(date),
        "next_day": _public_day_after(date),
    }
    return render(request, "articles/archive_day.html", context)


# --- Outlets and topics -----------------------------------------------------------------------


class OutletListView(ListView):
    template_name = "articles/outlet_list.html"
    context_object_name = "outlets"

    def get_queryset(self) -> list[Outlet]:
        return outlets_with_counts()


def outlets_by_slug() -> dict[str, Outlet]:
    """Every outlet by slug, kept until the next write: the outlet pages share the few rows,
    and reading one of them cost a query per page."""
    return until_next_write("outlets-by-slug", lambda: {o.slug: o for o in Outlet.objects.all()})


def attach_outlets(articles: list[Article]) -> list[Article]:
    """Give clippings read without their outlet (no join) the kept outlets.

    A list's rows name a dozen outlets at most: joining them into the rows cost PostgreSQL
    more in planning than in running the query, and Django an outlet model per row.
    """
    by_id = outlets_by_id({article.outlet_id for article in articles})
    for article in articles:
        Article.outlet.field.set_cached_value(article, by_id[article.outlet_id])
    return articles


def outlets_by_id(ids: set[int]) -> dict[int, Outlet]:
    """The kept outlets by id, read afresh if one of `ids` is newer than them (in the moment
    before its write is noticed)."""
    by_id = {outlet.pk: outlet for outlet in outlets_by_slug().values()}
    if not by_id.keys() >= ids:
        by_id = Outlet.objects.in_bulk()
    return by_id


def topics_by_slug() -> dict[str, tuple[Tag, list[Tag]]]:
    """Every topic by slug with its sub-topics by name, each with its parent loaded, kept until
    the next write: one query for what the topic pages asked in two, for every page, and the
    topics of every list's rows (attach_topics)."""
    return until_next_write("topics-by-slug", read_topics_by_slug)


def read_topics_by_slug() -> dict[str, tuple[Tag, list[Tag]]]:
    # In the order the sub-topic chips take, so each topic's list comes out sorted.
    tags = list(Tag.objects.select_related("parent").order_by(Lower("name"), "pk"))
    children: dict[int, list[Tag]] = {tag.pk: [] for tag in tags}
    for tag in tags:
        if tag.parent_id is not None:
            children[tag.parent_id].append(tag)
    return {tag.slug: (tag, children[tag.pk]) for tag in tags}


def kept_coverage_chart(owner: Outlet | Tag, articles: QuerySet[Article]) -> SafeString:
    """The coverage chart of an outlet's or a topic's first page, drawn from `articles`.

    Its counts take a scan of the owner's clippings (0.6 s for the most used topic at 1M), so
    the drawn chart is kept until the next write, and after one the chart from before it is
    shown while a thread draws it again (`until_next_write(late=True)`).
    """
    kind = "outlet" if isinstance(owner, Outlet) else "topic"
    return until_next_write(
        f"coverage:{kind}:{owner.pk}",
        lambda: coverage_chart(articles, **{kind: owner.slug}),
        late=True,
    )


class OutletDetailView(DetailView):
    model = Outlet
    template_name = "articles/outlet_detail.html"
    context_object_name = "outlet"

    def get_object(self, queryset: QuerySet[Outlet] | None = None) -> Outlet:
        outlet = outlets_by_slug().get(self.kwargs["slug"])
        if outlet is None:
            raise Http404("No such outlet.")
        return outlet

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        # Through the outlet's own manager: every row gets this outlet without a join.
        articles = self.object.articles.published()
        context["page"] = paginate(self.request, articles.for_listing())
        attach_topics(context["page"].items)
        if context["page"].is_first:
            context["coverage_chart"] = kept_coverage_chart(self.object, articles)
        return context


class TopicListView(ListView):
    template_name = "articles/topic_list.html"
    context_object_name = "topics"

    def get_queryset(self) -> list[Tag]:
        # A list, not a queryset: the tree and its counts are assembled in Python.
        return topic_tree()


class TopicDetailView(DetailView):
    model = Tag
    template_name = "articles/topic_detail.html"
    context_object_name = "topic"

    def get_object(self, queryset: QuerySet[Tag] | None = None) -> Tag:
        found = topics_by_slug().get(self.kwargs["slug"])
        if found is None:
            raise Http404("No such topic.")
        self.topic, self.subtopics = found
        return self.topic

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        topic = self.object
        subtopics = self.subtopics
        context["subtopics"] = subtopics
        # in_topic()'s subquery, with the sub-topics already at hand instead of asked for again:
        # the planner walks the newest-first index for a common topic and reads a rare topic's
        # few links first.
        ids = [topic.pk, *(sub.pk for sub in subtopics)]
        articles = Article.objects.published().filed_under(ids)
        context["page"] = paginate(self.request, articles.for_listing())
        attach_outlets(context["page"].items)
        attach_topics(context["page"].items)
        if context["page"].is_first:
            context["coverage_chart"] = kept_coverage_chart(topic, articles)
        return context


# --- Clippings --------------------------------------------------------------------------------


def article_list(request: HttpRequest) -> HttpResponse:
    """All public clippings, filtered by the query string; with `q`, a search within them.

    /articles/ and /search/ are this one list. Without words it pages newest (or oldest) first
    by cursor; with words the search backend ranks and pages, and facets count the matches.
    /search/ with nothing asked shows how to search instead of the whole collection.
    """
    listing = read_list_query(
        request.GET, Article.objects.published().with_related(), request=request
    )
    list_name, feed_name, export_name = _list_urls(request)
    path = reverse(list_name)
    raw_query = request.GET.get("q") or ""
    default = default_sort(listing.query)
    sorts = [
        (
            order.label,
            listing.url(path, drop=[SORT], add=[] if order == default else [(SORT, order)]),
            order == listing.sort,
        )
        for order in SearchOrder
        if order != SearchOrder.RELEVANCE or not listing.query.is_blank
    ]
    context = {
        "listing": listing,
        "filter": listing.filterset,
        "is_filtered": listing.is_filtered,
        "list_path": path,
        "chips": filter_chips(listing, path),
        "clear_filters_url": listing.url(path, drop=FILTER_NAMES),
        "sorts": sorts,
        "feed_url": listing.url(reverse(feed_name), drop=[SORT]),
        "csv_url": listing.url(reverse(export_name, args=["csv"]), drop=[SORT]),
        "jsonl_url": listing.url(reverse(export_name, args=["jsonl"]), drop=[SORT]),
        "description": listing.describe(),
        "query_cut": len(" ".join(raw_query[: MAX_QUERY_LENGTH * 4].split())) > MAX_QUERY_LENGTH,
        "max_query_length": MAX_QUERY_LENGTH,
        "is_search_page": list_name == "articles:search",
    }
    if listing.is_searching:
        context.update(search_context(request, listing, path))
    elif context["is_search_page"] and not listing.is_filtered:
        context["show_tips"] = True
    else:
        # The rows' outlets and topics from the kept ones (attach_outlets, attach_topics), not
        # the join and prefetch of with_related(), which the search backend's hits keep.
        articles = listing.articles.select_related(None).prefetch_related(None).for_listing()
        page = paginate(request, articles, oldest_first=listing.sort == SearchOrder.OLDEST)
        attach_outlets(page.items)
        attach_topics(page.items)
        context["page"] = page
        if not page.items and page.is_first and listing.is_valid and listing.is_filtered:
            context["suggestions"] = empty_suggestions(request, listing, path)
    if not context.get("show_tips"):
        context["filter_choices"] = filter_choices(listing)
    return render(request, "articles/article_list.html", context)


def filter_choices(listing: ListQuery) -> dict[str, list[tuple[str, str]]]:
    """The outlet and topic checkboxes of the filter form as (value, label), kept until the
    next write: two queries fewer on every list page."""
    fields = listing.filterset.form.fields

    def compute() -> dict[str, list[tuple[str, str]]]:
        return {
            name: [
                (str(fields[name].prepare_value(obj)), fields[name].label_from_instance(obj))
                for obj in fields[name].queryset
            ]
            for name in ("outlet", "topic")
        }

    return until_next_write("filter-choices", compute)


def _staff(request: HttpRequest) -> bool:
    # No session cookie, no login: loading an empty session would still add Vary: Cookie and
    # keep shared caches from storing the page.
    if is_anonymous(request):
        return False
    user = request.user
    return user.is_authenticated and user.is_active and user.is_staff


def _visible_article(
    request: HttpRequest, pk: int, *, with_tags: bool = True
) -> tuple[Article, bool]:
    """A clipping and whether it is public; staff may preview the rest, others get a 404.

    `with_tags=False` leaves `article.tags` unloaded and reads the clipping's topic ids with
    its row, for a caller that gives it its `topics` instead (attach_topics), and sets
    `has_corrections`, so that the clipping page asks for corrections only when there are
    some: most clippings have none.
    """
    if with_tags:
        articles = Article.objects.with_related()
    else:
        corrections = Correction.objects.filter(article=OuterRef("pk"))
        articles = (
            Article.objects.select_related("outlet")
            .annotate(has_corrections=Exists(corrections))
            .with_topic_ids()
        )
    article = articles.published().filter(pk=pk).first()
    if article is not None:
        return article, True
    if _staff(request):
        article = articles.filter(pk=pk).first()
        if article is not None:
            return article, False
    raise Http404("No such clipping.")


def article_redirect(request: HttpRequest, pk: int) -> HttpResponse:
    article, public = _visible_article(request, pk)
    response = HttpResponsePermanentRedirect(article.get_absolute_url())
    return response if public else _private(response)


def article_detail(request: HttpRequest, pk: int, slug: str) -> HttpResponse:
    article, public = _visible_article(request, pk, with_tags=False)
    if slug != article.slug:
        response = HttpResponsePermanentRedirect(article.get_absolute_url())
        return response if public else _private(response)
    # Its topics as plain values, as the lists have them: the page and related_in_topics()
    # read `article.topics`.
    attach_topics([article])
    corrections = list(article.corrections.all()) if article.has_corrections else []
    related, around = clipping_neighbours(article)
    permalink = request.build_absolute_uri(article.get_absolute_url())
    context = {
        "article": article,
        "corrections": corrections,
        "preview": not public,
        "permalink": permalink,
        "lede": citations.one_line(next(iter(article.paragraphs), "")),
        "chicago": citations.chicago(article, permalink),
        "apa": citations.apa(article, permalink),
        "related": related,
        "day": around,
    }
    response = render(request, "articles/article_detail.html", context)
    return response if public else _private(response)


# --- Around one clipping: related, same day, citation files ----------------------------------

RELATED_LIMIT = 5
SAME_DAY_LIMIT = 10


def _related_candidates(article: Article) -> list[QuerySet] | None:
    """The two sides of related_in_topics(), ordered from the clipping's day outwards: the
    nearest on or before it and the nearest after it, each cut by the newest-first index once
    sliced. None when the clipping has no topics."""
    topics = getattr(article, "topics", None)
    tag_ids = [tag.pk for tag in (article.tags.all() if topics is None else topics)]
    if not tag_ids:
        return None
    # filed_under(): a clipping sharing two topics comes back once.
    candidates = Article.objects.published().filed_under(tag_ids).exclude(pk=article.pk)
    day = article.published_on
    return [
        candidates.filter(published_on__lte=day).order_by("-published_on", "-pk"),
        candidates.filter(published_on__gt=day).order_by("published_on", "pk"),
    ]


def related_in_topics(
    article: Article, limit: int = RELATED_LIMIT, rows: list[tuple] | None = None
) -> list[Article]:
    """Public clippings sharing a topic with this one, nearest in source date first.

    The nearest on or before the day and the nearest after it, merged here by distance: two
    bounded queries whatever the collection's size, or none when the caller read them as
    `_NEIGHBOUR_ROW` tuples already (clipping_neighbours). Only the few shown become
    (unsaved) clippings.
    """
    if rows is None:
        sides = _related_candidates(article) or []
        rows = [row for side in sides for row in side.values_list(*_NEIGHBOUR_ROW)[:limit]]
    day = article.published_on
    rows = sorted(rows, key=lambda row: (abs((row[5] - day).days), row[5], row[0]))[:limit]
    outlets = outlets_by_id({row[1] for row in rows})
    return [_linkable(row, outlets) for row in rows]


@dataclass
class AroundTheDay:
    """A clipping's place among the public clippings of its source date."""

    count: int = 0
    previous: Article | None = None
    next: Article | None = None
    other_outlets: list[Article] = field(default_factory=list)


def around_the_day(
    article: Article, limit: int = SAME_DAY_LIMIT, rows: list[tuple] | None = None
) -> AroundTheDay:
    """Previous and next clipping in the day page's order, and the day in other outlets.

    One narrow query for the day's order (day_rows), or none when the caller read the day's
    `rows` already (clipping_neighbours); the few clippings shown are built from it, so the
    page never loads the day's hundreds of clippings as models.
    """
    day = day_rows(article.published_on, rows)
    outlets = outlets_by_id({row[1] for row in day})
    on = article.published_on
    around = AroundTheDay(count=len(day))
    index = next((i for i, row in enumerate(day) if row[0] == article.pk), None)
    if index is not None:
        around.previous = _linkable(day[index - 1], outlets, on) if index else None
        around.next = _linkable(day[index + 1], outlets, on) if index + 1 < len(day) else None
    # Each other outlet's first clipping in page order before anyone's second, so a short
    # list shows as many outlets as it can.
    rank_in_outlet: dict[int, int] = {}
    ranked = []
    own_outlet = article.outlet_id
    for position, other in enumerate(day):
        outlet_id = other[1]
        if outlet_id == own_outlet:
            continue
        rank = rank_in_outlet.get(outlet_id, 0)
        rank_in_outlet[outlet_id] = rank + 1
        ranked.append((rank, position, other))
    ranked.sort(key=lambda item: item[:2])
    shown = sorted(ranked[:limit], key=lambda item: item[1])
    around.other_outlets = [_linkable(other, outlets, on) for _rank, _position, other in shown]
    return around


# What a link to a neighbouring clipping shows, in Model.from_db()'s field order; the rest of
# the clipping is deferred, never read.
_LINKABLE_FIELDS = ["id", "title", "slug", "outlet_id", "published_on", "page"]


def _linkable(
    row: tuple, outlets: dict[int, Outlet], published_on: datetime.date | None = None
) -> Article:
    """A clipping from its `_DAY_ROW` or `_NEIGHBOUR_ROW` tuple (a day's row takes the day as
    `published_on`) and its outlet among `outlets`, with what a link to it shows. Built as if
    read from the database, with the other fields deferred, which costs a fraction of
    Article(...) with defaults."""
    pk, outlet_id, page, title, slug = row[:5]
    if published_on is None:
        published_on = row[5]
    article = Article.from_db(
        Article.objects.db, _LINKABLE_FIELDS, (pk, title, slug, outlet_id, published_on, page)
    )
    Article.outlet.field.set_cached_value(article, outlets[outlet_id])
    return article


def clipping_neighbours(article: Article) -> tuple[list[Article], AroundTheDay]:
    """related_in_topics() and around_the_day() for the clipping page.

    Where the database takes a LIMIT inside a UNION (PostgreSQL), the day's rows and both
    sides of the related clippings come in one query rather than three: each query costs
    about half a millisecond of Python around its few rows.
    """
    sides = _related_candidates(article)
    day_query = _day_query(article.published_on)
    features = connections[day_query.db].features
    if sides is None or not features.supports_slicing_ordering_in_compound:
        # Each side on its own, from the candidates already built (on SQLite, building them
        # takes a query).
        limited = [side.values_list(*_NEIGHBOUR_ROW)[:RELATED_LIMIT] for side in sides or []]
        rows = [row for side in limited for row in side]
        return related_in_topics(article, rows=rows), around_the_day(article)
    day_part, earlier, later = (
        query.annotate(part=Value(number)).values_list(*_NEIGHBOUR_ROW, "part")
        for number, query in enumerate([day_query, *sides])
    )
    parts: dict[int, list[tuple]] = {0: [], 1: [], 2: []}
    for row in day_part.union(earlier[:RELATED_LIMIT], later[:RELATED_LIMIT], all=True):
        parts[row[-1]].append(row[:-1])
    related = related_in_topics(article, rows=parts[1] + parts[2])
    return related, around_the_day(article, rows=parts[0])


def _citation_file(
    request: HttpRequest,
    pk: int,
    slug: str,
    *,
    url_name: str,
    extension: str,
    content_type: str,
    write,
) -> HttpResponse:
    article, public = _visible_article(request, pk)
    if slug != article.slug:
        response = HttpResponsePermanentRedirect(reverse(url_name, args=[article.pk, article.slug]))
        return response if public else _private(response)
    permalink = request.build_absolute_uri(article.get_absolute_url())
    response = HttpResponse(write(article, permalink), content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=citations.download_name(article, extension)
    )
    return response if public else _private(response)


def article_cite_ris(request: HttpRequest, pk: int, slug: str) -> HttpResponse:
    return _citation_file(
        request,
        pk,
        slug,
        url_name="articles:article-cite-ris",
        extension="ris",
        content_type="application/x-research-info-systems; charset=utf-8",
        write=citations.ris,
    )


def article_cite_bibtex(request: HttpRequest, pk: int, slug: str) -> HttpResponse:
    return _citation_file(
        request,
        pk,
        slug,
        url_name="articles:article-cite-bibtex",
        extension="bib",
        content_type="application/x-bibtex; charset=utf-8",
        write=citations.bibtex,
    )


# --- Compare outlets on a topic ---------------------------------------------------------------

COMPARE_DEFAULT_DAYS = 30
# A quarter: enough to follow a story, small enough that the table stays one screen of rows.
COMPARE_MAX_DAYS = 92
COMPARE_MAX_CLIPPINGS = 500


def _compare_date(label: str) -> forms.DateField:
    return forms.DateField(
        label=label,
        required=False,
        input_formats=[ISO_DATE],
        widget=forms.DateInput(format=ISO_DATE, attrs={"type": "date"}),
        error_messages={"invalid": gettext_lazy("Enter a date as YYYY-MM-DD, e.g. 2015-11-10.")},
    )


class CompareForm(forms.Form):
    topic = forms.ModelChoiceField(
        label=gettext_lazy("Topic"),
        queryset=topics_in_tree_order(),
        to_field_name="slug",
        required=False,
        empty_label=gettext_lazy("Choose a topic"),
        error_messages={"invalid_choice": gettext_lazy("There is no topic “%(value)s”.")},
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # "from" is a Python keyword, so these fields cannot be declared as class attributes.
        self.fields["from"] = _compare_date(gettext_lazy("From"))
        self.fields["to"] = _compare_date(gettext_lazy("To"))

    def clean(self) -> dict:
        cleaned = super().clean()
        start, end = cleaned.get("from"), cleaned.get("to")
        if start and end and start > end:
            raise forms.ValidationError(
                gettext_lazy("The “from” date %(start)s is after the “to” date %(end)s."),
                params={"start": start.isoformat(), "end": end.isoformat()},
                code="reversed_dates",
            )
        return cleaned


def _shift(day: datetime.date, days: int) -> datetime.date:
    """`day` moved by `days`, held at the ends of the calendar instead of overflowing."""
    try:
        return day + datetime.timedelta(days=days)
    except OverflowError:
        return datetime.date.max if days > 0 else datetime.date.min


def compare_range(
    start: datetime.date | None, end: datetime.date | None, latest: datetime.date | None
) -> tuple[datetime.date, datetime.date, bool] | None:
    """The days to show and whether the asked-for range was cut to COMPARE_MAX_DAYS.

    Missing ends are filled in with a COMPARE_DEFAULT_DAYS window: both missing means the
    window up to the topic's latest clipping (`latest`, None when it has none).
    """
    span = COMPARE_DEFAULT_DAYS - 1
    if start is None and end is None:
        if latest is None:
            return None
        start, end = _shift(latest, -span), latest
    elif start is None:
        start = _shift(end, -span)
    elif end is None:
        end = _shift(start, span)
    cut = (end - start).days >= COMPARE_MAX_DAYS
    if cut:
        end = _shift(start, COMPARE_MAX_DAYS - 1)
    return start, end, cut


@dataclass
class CompareRow:
    day: datetime.date
    cells: list[list[Article]]


def compare_table(articles: list[Article]) -> tuple[list[Outlet], list[CompareRow]]:
    """One column per outlet that has clippings, one row per day that has any."""
    outlets = sorted(
        {a.outlet_id: a.outlet for a in articles}.values(), key=lambda o: (o.name.lower(), o.pk)
    )
    column = {outlet.pk: i for i, outlet in enumerate(outlets)}
    for outlet in outlets:
        outlet.compare_count = 0
    rows: list[CompareRow] = []
    source_date = attrgetter("published_on")
    for day, items in groupby(sorted(articles, key=source_date), key=source_date):
        row = CompareRow(day, [[] for _outlet in outlets])
        for article in sorted(items, key=day_reading_order):
            row.cells[column[article.outlet_id]].append(article)
            outlets[column[article.outlet_id]].compare_count += 1
        rows.append(row)
    return outlets, rows


def compare(request: HttpRequest) -> HttpResponse:
    """How each outlet covered one topic, day by day, side by side."""
    form = CompareForm(request.GET)
    context: dict = {
        "form": form,
        "max_days": COMPARE_MAX_DAYS,
        "default_days": COMPARE_DEFAULT_DAYS,
        "max_clippings": COMPARE_MAX_CLIPPINGS,
        "topic": None,
    }
    if not form.is_valid() or form.cleaned_data["topic"] is None:
        # Nothing chosen yet, or nothing we can read: the form, and the topics to choose from.
        context["topics"] = [topic for topic in topic_tree() if topic.public_count]
        return render(request, "articles/compare.html", context)

    topic = form.cleaned_data["topic"]
    context["topic"] = topic
    links = Article.tags.through.objects.filter(Q(tag=topic) | Q(tag__parent=topic))
    in_topic = Article.objects.published().filter(pk__in=links.values("article_id"))
    start, end = form.cleaned_data["from"], form.cleaned_data["to"]
    latest = None
    if start is None and end is None:
        latest = in_topic.order_by("-published_on").values_list("published_on", flat=True).first()
    chosen = compare_range(start, end, latest)
    if chosen is None:
        return render(request, "articles/compare.html", context)
    start, end, context["range_cut"] = chosen
    rows = list(
        in_topic.filter(published_on__range=(start, end))
        .select_related("outlet")
        .only(
            "pk", "slug", "title", "page", "published_on", "outlet", "outlet__name", "outlet__slug"
        )
        .order_by("published_on", "pk")[: COMPARE_MAX_CLIPPINGS + 1]
    )
    context["truncated"] = len(rows) > COMPARE_MAX_CLIPPINGS
    if context["truncated"]:
        # Stop at the last whole day rather than show one day half-filled.
        last_day = rows[-1].published_on
        whole_days = [a for a in rows if a.published_on != last_day]
        rows = whole_days or rows[:COMPARE_MAX_CLIPPINGS]
    context["outlets"], context["rows"] = compare_table(rows)
    context.update(start=start, end=end, clipping_count=len(rows))
    return render(request, "articles/compare.html", context)


# --- Corrections --------------------------------------------------------------------------------

CORRECTIONS_PER_PAGE = 50
_CORRECTION_CURSOR = re.compile(r"[0-9]{1,18}")


def correction_list(request: HttpRequest) -> HttpResponse:
    """The public log of corrections, newest first; only public clippings' corrections show.

    `?before=<id>` pages back from that correction, one query a page whatever the log's size.
    """
    corrections = Correction.objects.filter(
        article__in=Article.objects.published().values("pk")
    ).select_related("article__outlet")
    before = request.GET.get("before")
    if before is not None:
        if not _CORRECTION_CURSOR.fullmatch(before):
            raise Http404("Malformed page cursor.")
        cursor = Correction.objects.filter(pk=int(before)).values("created_at")
        corrections = corrections.filter(
            Q(created_at__lt=Subquery(cursor)) | Q(created_at=Subquery(cursor), pk__lt=int(before))
        )
    rows = list(corrections.order_by("-created_at", "-pk")[: CORRECTIONS_PER_PAGE + 1])
    context = {
        "corrections": rows[:CORRECTIONS_PER_PAGE],
        "older": rows[CORRECTIONS_PER_PAGE - 1].pk if len(rows) > CORRECTIONS_PER_PAGE else None,
        "is_first": before is None,
    }
    return render(request, "articles/correction_list.html", context)


# --- The clipping list and search: facets, chips, paging, feeds and downloads ----------------

# A search result page is found by number; past this, a page is empty however large the set,
# since the backend never ranks or pages more than its capped candidates.
MAX_PAGE = 100_000
_PAGE_NUMBER = re.compile(r"[0-9]+")
# Facet values shown before the rest fold away under "More".
FACET_SHOWN = 8
# Kana and kanji: a search written in Japanese finds only original headlines, so a search that
# finds nothing says so.
_JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f]")
# Lines of a download are sent in pieces of about this many characters: one line per write
# would make a hundred thousand tiny writes, and the response holds one piece at a time.
EXPORT_PIECE = 64 * 1024
EXPORT_TYPES = {"csv": "text/csv; charset=utf-8", "jsonl": "application/jsonl; charset=utf-8"}

# The list's own URL names, and the feed and download of each.
_LIST_URLS = {
    "search": ("articles:search", "articles:search-feed", "articles:search-export"),
    "article-list": (
        "articles:article-list",
        "articles:article-list-feed",
        "articles:article-list-export",
    ),
}


@dataclass
class FacetLink:
    """One value of a facet: how many results have it, and the link that adds or removes it."""

    label: str
    count: int
    href: str | None
    active: bool = False
    # Sub-topics sit under their topic.
    depth: int = 0


@dataclass
class FacetGroup:
    name: str
    title: str
    values: list[FacetLink]

    @property
    def shown(self) -> list[FacetLink]:
        return self.values[:FACET_SHOWN]

    @property
    def more(self) -> list[FacetLink]:
        return self.values[FACET_SHOWN:]


@dataclass
class Chip:
    """An active filter, and the link that drops just it."""

    name: str
    value: str
    href: str


@dataclass
class Suggestion:
    """For an empty list: which filter left it empty, and the link without that filter."""

    reason: str
    action: str
    href: str


def _list_urls(request: HttpRequest) -> tuple[str, str, str]:
    match = request.resolver_match
    name = match.url_name if match is not None else "article-list"
    return _LIST_URLS.get(name, _LIST_URLS["article-list"])


def _page_number(raw: str | None) -> int:
    """`?page=` as a number from 1 to MAX_PAGE; anything else is the first page."""
    if raw is None or not _PAGE_NUMBER.fullmatch(raw):
        return 1
    digits = raw.lstrip("0") or "0"
    # Checked by length first: int() refuses strings of thousands of digits.
    return MAX_PAGE if len(digits) > 6 else min(max(1, int(digits)), MAX_PAGE)


def _narrowed(listing: ListQuery, first: datetime.date, last: datetime.date) -> list:
    """from/to for [first, last] within the dates already chosen, so a link only narrows."""
    start, end = listing.cleaned.get("from"), listing.cleaned.get("to")
    start = max(first, start) if start else first
    end = min(last, end) if end else last
    return [("from", start.isoformat()), ("to", end.isoformat())]


def filter_chips(listing: ListQuery, path: str) -> list[Chip]:
    cleaned = listing.cleaned
    chips = [
        Chip(gettext("Outlet"), outlet.name, listing.url(path, remove=[("outlet", outlet.slug)]))
        for outlet in cleaned.get("outlet") or []
    ]
    chips.extend(
        Chip(gettext("Topic"), topic.full_name, listing.url(path, remove=[("topic", topic.slug)]))
        for topic in cleaned.get("topic") or []
    )
    for name, title in (("from", gettext("From")), ("to", gettext("To"))):
        if cleaned.get(name):
            chips.append(Chip(title, short_date(cleaned[name]), listing.url(path, drop=[name])))
    if cleaned.get("kind"):
        label = str(Article.Kind(cleaned["kind"]).label)
        chips.append(Chip(gettext("Kind"), label, listing.url(path, drop=["kind"])))
    if cleaned.get("edition"):
        label = str(Article.Edition(cleaned["edition"]).label)
        chips.append(Chip(gettext("Edition"), label, listing.url(path, drop=["edition"])))
    return chips


def facet_groups(listing: ListQuery, facets: SearchFacets, path: str) -> list[FacetGroup]:
    """The backend's counts as links that add a value to the filters or take it away.

    Every link narrows the list to exactly the clippings its count says, or widens it by
    removing an active value. The topic filter keeps any of several topics, so once a topic is
    chosen only it and its sub-topics are offered: choosing an unrelated topic would widen.
    """
    cleaned = listing.cleaned
    groups = []

    outlets = {outlet.slug for outlet in cleaned.get("outlet") or []}
    values = []
    for value in facets.outlet:
        if value.value in outlets:
            href = listing.url(path, remove=[("outlet", value.value)])
        else:
            href = listing.url(path, add=[("outlet", value.value)])
        values.append(FacetLink(value.label, value.count, href, active=value.value in outlets))
    groups.append(FacetGroup("outlet", gettext("Outlet"), values))

    topics = {topic.slug for topic in cleaned.get("topic") or []}
    # Which values are sub-topics, and of what: the backend read that with the counts.
    tree = facets.topic_tree
    values, shown_roots = [], set()
    for value in facets.topic:
        name, parent = tree.get(value.value, (value.label, None))
        if topics and value.value not in topics and parent not in topics:
            continue
        if value.value in topics:
            href = listing.url(path, remove=[("topic", value.value)])
        else:
            # Only a sub-topic of a chosen topic gets here when topics are chosen: it replaces
            # them, which is exactly its count.
            href = listing.url(path, drop=["topic"], add=[("topic", value.value)])
        if parent is None:
            shown_roots.add(value.value)
        nested = parent is not None and parent in shown_roots
        values.append(
            FacetLink(
                name if nested else value.label,
                value.count,
                href,
                active=value.value in topics,
                depth=1 if nested else 0,
            )
        )
    groups.append(FacetGroup("topic", gettext("Topic"), values))

    values = []
    start, end = cleaned.get("from"), cleaned.get("to")
    for year, count in facets.year:
        first, last = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
        if (start, end) == (first, last):
            values.append(
                FacetLink(str(year), count, listing.url(path, drop=["from", "to"]), active=True)
            )
            continue
        narrowed = _narrowed(listing, first, last)
        already = [("from", start and start.isoformat()), ("to", end and end.isoformat())]
        href = None if narrowed == already else listing.url(path, drop=["from", "to"], add=narrowed)
        values.append(FacetLink(str(year), count, href))
    groups.append(FacetGroup("year", gettext("Year"), values))

    kind = cleaned.get("kind")
    values = [
        FacetLink(
            value.label,
            value.count,
            listing.url(
                path, drop=["kind"], add=[] if value.value == kind else [("kind", value.value)]
            ),
            active=value.value == kind,
        )
        for value in facets.kind
    ]
    groups.append(FacetGroup("kind", gettext("Kind"), values))
    return [group for group in groups if group.values]


def _has_any(data: QueryDict) -> bool:
    """Whether the list with these parameters would hold anything."""
    relaxed = read_list_query(data, Article.objects.published())
    return relaxed.is_valid and relaxed.matches().exists()


def empty_suggestions(request: HttpRequest, listing: ListQuery, path: str) -> list[Suggestion]:
    """For a list left empty by its filters: each filter whose removal alone finds something.

    One existence check per active filter, and only on an empty first page.
    """
    cleaned = listing.cleaned
    candidates = []
    if cleaned.get("outlet"):
        names = ", ".join(outlet.name for outlet in cleaned["outlet"])
        candidates.append(
            (
                ["outlet"],
                gettext("No results in %(outlets)s") % {"outlets": names},
                gettext("look in all outlets"),
            )
        )
    if cleaned.get("topic"):
        names = ", ".join(topic.full_name for topic in cleaned["topic"])
        candidates.append(
            (
                ["topic"],
                gettext("No results on %(topics)s") % {"topics": names},
                gettext("look in all topics"),
            )
        )
    if cleaned.get("from") or cleaned.get("to"):
        candidates.append(
            (
                ["from", "to"],
                gettext("No results in these dates"),
                gettext("look at any date"),
            )
        )
    if cleaned.get("kind"):
        kind = str(Article.Kind(cleaned["kind"]).label)
        candidates.append(
            (
                ["kind"],
                gettext("No results of the kind “%(kind)s”") % {"kind": kind},
                gettext("look at every kind"),
            )
        )
    if cleaned.get("edition"):
        edition = str(Article.Edition(cleaned["edition"]).label)
        candidates.append(
            (
                ["edition"],
                gettext("No results in the %(edition)s edition") % {"edition": edition},
                gettext("look in every edition"),
            )
        )
    suggestions = []
    for names, reason, action in candidates:
        data = request.GET.copy()
        for name in names:
            data.pop(name, None)
        if _has_any(data):
            suggestions.append(Suggestion(reason, action, listing.url(path, drop=names)))
    if not suggestions and len(candidates) > 1:
        data = request.GET.copy()
        for name in FILTER_NAMES:
            data.pop(name, None)
        if _has_any(data):
            suggestions.append(
                Suggestion(
                    gettext("No results with all these filters together"),
                    gettext("remove every filter"),
                    listing.url(path, drop=FILTER_NAMES),
                )
            )
    return suggestions


def search_context(request: HttpRequest, listing: ListQuery, path: str) -> dict:
    """One page of ranked (or dated) matches, with facets, and help when there are none."""
    size = settings.ARTICLES_PER_PAGE
    number = _page_number(request.GET.get("page"))
    result = get_search_backend().search(
        listing.articles,
        listing.query,
        order=listing.sort,
        offset=(number - 1) * size,
        limit=size,
        with_facets=True,
    )
    context: dict = {
        "result": result,
        "page_number": number,
        "first_shown": result.offset + 1,
        "last_shown": result.offset + len(result.hits),
        # Past the end, the way back is to the first page, not to another empty one.
        "previous_page": number - 1 if result.has_previous and result.hits else None,
        "next_page": number + 1 if result.has_next else None,
        # More matches than paging reaches: the reader is told to narrow the search.
        "beyond_reach": result.total is None or result.total > result.reachable,
        "facets": facet_groups(listing, result.facets, path) if result.facets else [],
        "facets_partial": bool(result.facets and result.facets.is_partial),
        "facet_limit": facet_limit(),
        "japanese_query": bool(_JAPANESE.search(listing.query.text)),
    }
    if result.total == 0 and listing.is_valid and listing.query.has_terms and number == 1:
        context["suggestions"] = empty_suggestions(request, listing, path)
    # Counting the matches per month would be a second pass over all of them, as costly as the
    # search itself for a common word, so the chart is drawn only when the search read every
    # match (no "500+") and counted from their dates; the year facet shows larger sets.
    if number == 1 and result.total and result.match_dates is not None:
        context["coverage_articles"] = months_of(result.match_dates)
        context["coverage_href"] = listing.url(path, drop=["from", "to", SORT, "page"])
    return context


def _pieces(lines: Iterator[str]) -> Iterator[str]:
    piece: list[str] = []
    length = 0
    for line in lines:
        piece.append(line)
        length += len(line)
        if length >= EXPORT_PIECE:
            yield "".join(piece)
            piece, length = [], 0
    if piece:
        yield "".join(piece)


def list_export(request: HttpRequest, file_format: str) -> StreamingHttpResponse:
    """Every clipping of a list as CSV or JSON Lines, newest first, streamed.

    A search's download holds every match, not only the capped set the page ranks: it takes
    the full-text condition alone (`ListQuery.matches`) and orders by date, never by rank.
    """
    listing = read_list_query(request.GET, Article.objects.published(), request=request)
    articles = listing.matches().order_by("-published_on", "-pk")
    # build_absolute_uri("/") ends in a slash and every clipping's address starts with one.
    site_url = request.build_absolute_uri("/").rstrip("/")
    if file_format == "csv":
        lines = iter_csv(articles, site_url=site_url)
    else:
        lines = iter_jsonl(articles, site_url=site_url)
    response = StreamingHttpResponse(_pieces(lines), content_type=EXPORT_TYPES[file_format])
    filename = f"readingroom-{timezone.localdate().isoformat()}.{file_format}"
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response
