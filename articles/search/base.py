"""What every search backend shares: the result types, paging, counting, facets and snippets.

A backend supplies four database-specific steps: restricting a queryset to the matches, ranking a
capped set of candidates, scoring and excerpting the handful of rows on the page shown, and
filtering by a long list of ids.
Everything else is ordinary ORM work on the caller's queryset, which starts from
`Article.objects.published()`, so a backend can never widen what is public.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from math import ceil
from typing import NamedTuple

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, models
from django.db.models import BooleanField, Expression, F, Max
from django.utils.formats import number_format
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from articles.models import Article, ArticleKind, ArticleQuerySet, Outlet, Tag

from .query import ParsedQuery, parse_query

# Above this many matches the total shows as "10,000+": counting every row of a common word in a
# million clippings costs more than the number is worth.
COUNT_LIMIT = 10_000
# Relevance ranks only the newest this-many matches; a word in a third of the collection would
# otherwise score hundreds of thousands of rows for one page.
RANK_LIMIT = 5_000
MAX_PAGE_SIZE = 100
# Matches are gathered newest first in date slices; the first reaches back a year from the newest
# clipping, and a slice longer than this is the whole collection.
FIRST_SLICE_DAYS = 365
MAX_SLICE_DAYS = 365 * 200

NEWEST = ("-published_on", "-id")
OLDEST = ("published_on", "id")

# Private-use characters mark matches in excerpts from the database: text may contain "<", but a
# clipping has no business containing these, and `render_snippet` copes if one does.
MATCH_START = "\ue000"
MATCH_END = "\ue001"
_MARKERS = re.compile(f"({MATCH_START}|{MATCH_END})")


class SearchOrder(models.TextChoices):
    RELEVANCE = "relevance", _("Relevance")
    NEWEST = "newest", _("Newest first")
    OLDEST = "oldest", _("Oldest first")


def count_limit() -> int:
    return getattr(settings, "SEARCH_COUNT_LIMIT", COUNT_LIMIT)


def rank_limit() -> int:
    return getattr(settings, "SEARCH_RANK_LIMIT", RANK_LIMIT)


def facet_limit() -> int:
    return getattr(settings, "SEARCH_FACET_LIMIT", count_limit())


@dataclass
class SearchResult:
    query: ParsedQuery
    order: str = SearchOrder.RELEVANCE
    offset: int = 0
    limit: int = 20
    hits: list[Article] = field(default_factory=list)
    total: int | None = 0
    total_is_capped: bool = False
    # How far paging can go: the ranked candidates for relevance, the count cap for dates.
    window: int = 0
    facets: SearchFacets | None = None

    @property
    def no_query(self) -> bool:
        return self.query.is_blank

    @property
    def total_display(self) -> str:
        if self.total_is_capped:
            return gettext("%(count)s+") % {
                "count": number_format(count_limit(), force_grouping=True)
            }
        return number_format(self.total or 0, force_grouping=True)

    @property
    def reachable(self) -> int:
        """How many results paging can show: all of them, unless a cap says otherwise."""
        if self.total is None:
            return self.window
        return min(self.total, self.window)

    @property
    def has_previous(self) -> bool:
        return self.offset > 0

    @property
    def has_next(self) -> bool:
        return self.offset + self.limit < self.reachable

    @property
    def previous_offset(self) -> int:
        return max(0, self.offset - self.limit)

    @property
    def next_offset(self) -> int:
        return self.offset + self.limit


class FacetValue(NamedTuple):
    value: str
    label: str
    count: int


class YearCount(NamedTuple):
    year: int
    count: int


@dataclass
class SearchFacets:
    """Counts of the matches by outlet, topic, year and kind.

    When there are more matches than the facet window, the counts cover only the newest of them
    and `is_partial` says so.
    """

    outlet: list[FacetValue] = field(default_factory=list)
    topic: list[FacetValue] = field(default_factory=list)
    year: list[YearCount] = field(default_factory=list)
    kind: list[FacetValue] = field(default_factory=list)
    is_partial: bool = False

    def __getitem__(self, name: str) -> list:
        if name not in ("outlet", "topic", "year", "kind"):
            raise KeyError(name)
        return getattr(self, name)


def render_snippet(marked: str) -> SafeString:
    """Escape an excerpt and turn the database's match markers into balanced <mark> elements."""
    parts: list[str] = []
    open_mark = False
    for piece in _MARKERS.split(" ".join(marked.split())):
        if piece == MATCH_START:
            if not open_mark:
                parts.append("<mark>")
                open_mark = True
        elif piece == MATCH_END:
            if open_mark:
                parts.append("</mark>")
                open_mark = False
        else:
            parts.append(escape(piece))
    if open_mark:
        parts.append("</mark>")
    # Safe because every piece of text above went through escape().
    return mark_safe("".join(parts))


class IdsFilter(Expression):
    """`field IN ids` as a filter; each backend sends the ids as one parameter its own way."""

    conditional = True
    output_field = BooleanField()

    def __init__(self, field: str | Expression, ids: list[int]) -> None:
        super().__init__()
        self.lhs = F(field) if isinstance(field, str) else field
        self.ids = list(ids)

    def get_source_expressions(self) -> list[Expression]:
        return [self.lhs]

    def set_source_expressions(self, expressions: list[Expression]) -> None:
        (self.lhs,) = expressions


class WindowRow(NamedTuple):
    pk: int
    outlet_id: int
    published_on: date
    kind: str


@dataclass
class MatchWindow:
    """The newest matches, newest first: the one set that counts, ranking and facets share.

    Each row carries what the outlet, year and kind facets need; the database reads those rows
    to sort them by date anyway, so the facets cost no second pass.
    """

    rows: list[WindowRow]
    # True when every match is in `rows`; otherwise there are more, older ones.
    complete: bool

    @property
    def ids(self) -> list[int]:
        return [row.pk for row in self.rows]


class SearchBackend:
    """One interface for every database; subclasses supply the four database-specific steps."""

    vendor = ""

    def __init__(self, using: str = DEFAULT_DB_ALIAS) -> None:
        self.using = using

    # Database-specific steps.

    def matching(self, queryset: ArticleQuerySet, query: ParsedQuery) -> ArticleQuerySet:
        """`queryset` restricted to the clippings the query matches."""
        raise NotImplementedError

    def ranked_page(
        self, candidates: list[int], query: ParsedQuery, offset: int, limit: int
    ) -> list[tuple[int, float]]:
        """(id, rank) for one page of the candidate ids, best first, newest first on ties."""
        raise NotImplementedError

    def page_details(self, ids: list[int], query: ParsedQuery) -> dict[int, tuple[float, str]]:
        """id -> (rank, body excerpt with match markers) for the rows on the page shown."""
        raise NotImplementedError

    def in_ids(self, field: str, ids: list[int]) -> IdsFilter:
        """A filter for `field IN ids` that sends the ids as one parameter.

        The match window holds thousands of ids; as thousands of placeholders they cost more to
        build, send and parse than the queries that use them.
        """
        raise NotImplementedError

    # The interface.

    def search(
        self,
        queryset: ArticleQuerySet,
        query: str | ParsedQuery | None,
        *,
        order: str = SearchOrder.RELEVANCE,
        offset: int = 0,
        limit: int = 20,
        with_facets: bool = False,
    ) -> SearchResult:
        """One page of matches; with `with_facets`, `result.facets` too, at little extra cost."""
        parsed = query if isinstance(query, ParsedQuery) else parse_query(query)
        if order not in SearchOrder.values:
            order = SearchOrder.RELEVANCE
        offset = max(0, int(offset))
        limit = min(max(1, int(limit)), MAX_PAGE_SIZE)
        result = SearchResult(query=parsed, order=order, offset=offset, limit=limit)
        if not parsed.has_terms:
            return result

        queryset = self._plain(queryset)
        matches = self.matching(queryset, parsed)
        window = self._newest_matches(queryset, matches)
        if window.complete and len(window.ids) <= count_limit():
            result.total = len(window.ids)
        else:
            result.total, result.total_is_capped = None, True
        if with_facets:
            result.facets = self._facets(window)

        if order == SearchOrder.RELEVANCE:
            result.window = rank_limit()
            if offset >= result.reachable:
                return result
            ranked = self.ranked_page(window.ids[: result.window], parsed, offset, limit)
            ids = [pk for pk, _rank in ranked]
        else:
            result.window = count_limit()
            if offset >= result.reachable:
                return result
            stop = min(offset + limit, result.reachable)
            if order == SearchOrder.NEWEST:
                ids = window.ids[offset:stop]
            elif window.complete:
                ids = window.ids[::-1][offset:stop]
            else:
                oldest = matches.order_by(*OLDEST).values_list("pk", flat=True)
                ids = list(oldest[offset:stop])

        result.hits = self._load(queryset, ids, parsed)
        return result

    def facets(self, queryset: ArticleQuerySet, query: str | ParsedQuery | None) -> SearchFacets:
        parsed = query if isinstance(query, ParsedQuery) else parse_query(query)
        if not parsed.has_terms:
            return SearchFacets()
        queryset = self._plain(queryset)
        return self._facets(self._newest_matches(queryset, self.matching(queryset, parsed)))

    # Shared steps.

    @staticmethod
    def _plain(queryset: ArticleQuerySet) -> ArticleQuerySet:
        """The caller's queryset in a shape that can be sliced, ordered and used as a subquery.

        A DISTINCT queryset (a topic filter) cannot be ordered by columns it does not select, so
        it becomes an id filter; the common case stays a plain WHERE on the article table.
        """
        if queryset.query.is_sliced:
            # The slice's own order decides which rows are in it, so it stays.
            return queryset.model._default_manager.filter(pk__in=queryset.values("pk"))
        if queryset.query.distinct:
            queryset = queryset.model._default_manager.filter(
                pk__in=queryset.order_by().values("pk")
            )
        return queryset.order_by()

    def _newest_matches(self, queryset: ArticleQuerySet, matches: ArticleQuerySet) -> MatchWindow:
        """The newest matches, enough for the count cap, the ranked candidates and the facets.

        Looked for in date slices reaching back from the newest clipping: a slice lets the
        database combine the full-text index with the date index and read only the rows in it,
        where "newest first" over all matches would read every row of a common word. The slice
        widens by how sparse the matches in it were, so a rare word takes one or two steps more.
        """
        size = max(count_limit(), rank_limit(), facet_limit()) + 1
        latest = queryset.aggregate(latest=Max("published_on"))["latest"]
        if latest is None:
            return MatchWindow([], complete=True)
        newest = matches.order_by(*NEWEST).values_list(*WindowRow._fields)
        days: int | None = FIRST_SLICE_DAYS
        while True:
            cutoff = _days_before(latest, days)
            in_slice = newest if cutoff is None else newest.filter(published_on__gt=cutoff)
            rows = list(in_slice[:size])
            if len(rows) == size or cutoff is None:
                break
            # None in the slice says nothing about the density: look at everything.
            days = days * max(2, ceil(1.5 * size / len(rows))) if rows else None
        rows = [WindowRow(*row) for row in rows]
        if len(rows) == size:
            return MatchWindow(rows[:-1], complete=False)
        return MatchWindow(rows, complete=True)

    def _facets(self, window: MatchWindow) -> SearchFacets:
        rows = window.rows[: facet_limit()]
        by_outlet = Counter(row.outlet_id for row in rows)
        by_year = Counter(row.published_on.year for row in rows)
        by_kind = Counter(row.kind for row in rows)
        outlets = Outlet.objects.using(self.using).in_bulk(list(by_outlet))
        return SearchFacets(
            outlet=sorted(
                (
                    FacetValue(outlets[pk].slug, outlets[pk].name, n)
                    for pk, n in by_outlet.items()
                    if pk in outlets
                ),
                key=lambda value: (-value.count, value.label.lower()),
            ),
            topic=self._topic_counts([row.pk for row in rows]),
            year=[YearCount(year, by_year[year]) for year in sorted(by_year, reverse=True)],
            kind=sorted(
                (FacetValue(kind, _kind_label(kind), n) for kind, n in by_kind.items()),
                key=lambda value: (-value.count, value.value),
            ),
            is_partial=not window.complete or len(window.rows) > len(rows),
        )

    def _load(self, queryset: ArticleQuerySet, ids: list[int], query: ParsedQuery) -> list:
        if not ids:
            return []
        details = self.page_details(ids, query)
        # Loaded through the caller's queryset again, so a clipping unpublished a moment ago drops
        # out rather than showing.
        articles = {
            article.pk: article
            for article in self._plain(queryset)
            .select_related(None)
            .prefetch_related(None)
            .with_related()
            .filter(pk__in=ids)
        }
        hits = []
        for pk in ids:
            article = articles.get(pk)
            if article is None:
                continue
            rank, marked = details.get(pk, (0.0, ""))
            article.rank = rank
            article.snippet = render_snippet(marked)
            hits.append(article)
        return hits

    def _topic_counts(self, ids: list[int]) -> list[FacetValue]:
        """Topic counts in tree order; a parent counts its sub-topics' clippings once each."""
        links = (
            Article.tags.through.objects.using(self.using)
            .filter(self.in_ids("article_id", ids))
            .values_list("article_id", "tag_id")
        )
        articles_by_tag: dict[int, set[int]] = {}
        for article_id, tag_id in links:
            articles_by_tag.setdefault(tag_id, set()).add(article_id)
        tags: dict[int, Tag] = {}
        for tag in (
            Tag.objects.using(self.using)
            .select_related("parent")
            .filter(pk__in=list(articles_by_tag))
        ):
            tags[tag.pk] = tag
            if tag.parent is not None:
                tags.setdefault(tag.parent_id, tag.parent)
        # A parent's set takes in its children's, so a clipping filed under both counts once.
        roots: dict[int, set[int]] = {}
        children: dict[int, set[int]] = {}
        for tag_id, articles in articles_by_tag.items():
            if tag_id not in tags:
                continue  # deleted since the links were read
            root_id = tags[tag_id].parent_id or tag_id
            roots.setdefault(root_id, set()).update(articles)
            if root_id != tag_id:
                children[tag_id] = articles
        counts = {tag_id: len(articles) for tag_id, articles in (roots | children).items()}
        by_parent: dict[int, list[Tag]] = {}
        for tag_id in children:
            tag = tags[tag_id]
            by_parent.setdefault(tag.parent_id, []).append(tag)

        def best_first(tag: Tag) -> tuple[int, str]:
            return -counts[tag.pk], tag.name.lower()

        facets = []
        for root in sorted((tags[pk] for pk in roots), key=best_first):
            facets.append(FacetValue(root.slug, root.full_name, counts[root.pk]))
            for child in sorted(by_parent.get(root.pk, []), key=best_first):
                facets.append(FacetValue(child.slug, child.full_name, counts[child.pk]))
        return facets


def _days_before(day: date, days: int | None) -> date | None:
    """The start of a slice, or None for no limit (asked for, too long, or before year 1)."""
    if days is None or days > MAX_SLICE_DAYS:
        return None
    try:
        return day - timedelta(days=days)
    except OverflowError:
        return None


def _kind_label(value: str) -> str:
    try:
        return str(ArticleKind(value).label)
    except ValueError:
        return value
