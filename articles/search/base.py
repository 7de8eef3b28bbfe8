"""What every search backend shares: the result types, paging, counting, facets and snippets.

A backend supplies four database-specific steps: restricting a queryset to the matches, ranking a
capped set of candidates and reading the page's rows (`ranked_hits`), reading given rows
(`hits_for`: the columns a result shows, its topic ids, its rank and excerpt, in as few
statements as the database allows), and filtering by a long list of ids. It may also reshape the
matches for reading in date order (`dated_matching`) and say whether the newest matches are
sought in date slices (`slices_by_date`).

The cost of a search is bounded by one window of the newest matches (COUNT_LIMIT, 500), which
gives the total ("500+" beyond it), the facets and the candidates relevance ranks; past it the
page says so. Issue 4 §5 and bench/search_bench.py hold the measured budget. What a search
needs to know about the whole collection (its dates, outlets and topics) is kept until the next
write (`articles.cache.until_next_write`); nothing about a query is. The window is read from the
caller's queryset, which starts from `Article.objects.published()`, and a page's rows are read by
the window's ids, so a backend can never widen what is public.
"""

from __future__ import annotations

import copy
import html
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from math import ceil
from operator import itemgetter
from typing import NamedTuple

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections, models
from django.db.models import BooleanField, Expression, F, Max, Min
from django.utils.formats import number_format
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from articles.cache import until_next_write
from articles.models import Article, ArticleKind, ArticleQuerySet, Outlet, Tag, topic_ids

from .query import ParsedQuery, parse_query

# Above this many matches the total shows as "500+": counting every row of a common word in a
# million clippings costs more than the number is worth. Counting, ranking and the facets share
# one window of the newest matches; at a million clippings each hundred rows of it costs a search
# of a common word about 2 ms of database time (measured with bench/search_bench.py), where
# issue 4 §5 allows about 100 ms of work for the whole page under eight readers on two cores.
COUNT_LIMIT = 500
# Relevance ranks only the newest this-many matches; a word in a third of the collection would
# otherwise score hundreds of thousands of rows for one page.
RANK_LIMIT = 500
MAX_PAGE_SIZE = 100
# Matches are gathered newest first in date slices; the first reaches back a year from the newest
# clipping (at a million clippings over 15 years, about 66,000 of them: the window's worth for a
# word in 1 % of clippings in one query; a 90-day first slice saves a rare word 2 ms but costs
# such a word a second query, 3 ms), and a slice longer than this is the whole collection.
FIRST_SLICE_DAYS = 365
MAX_SLICE_DAYS = 365 * 200
# When a slice's density says all the matches would fill the window at most this many times,
# they are fetched at once.
FETCH_ALL_WINDOWS = 4
# A first slice sized from a word's count (documents_estimate) is made this many times as long
# as evenly spread matches would need to fill the window.
SLICE_MARGIN = 1.5

NEWEST = ("-published_on", "-id")
OLDEST = ("published_on", "id")

# Private-use characters mark matches in excerpts from the database: text may contain "<", but a
# clipping has no business containing these, and `render_snippet` copes if one does.
MATCH_START = "\ue000"
MATCH_END = "\ue001"
_MARKERS = re.compile(f"({MATCH_START}|{MATCH_END})")
# Markers as they alternate in a well-formed excerpt (ts_headline marks at most a few dozen).
_BALANCED = [MATCH_START, MATCH_END] * 200


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
    # The source date of every match, when the search read them all (the total is not
    # capped): enough to chart them by month without reading them again.
    match_dates: list[date] | None = None

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
    # For each topic in `topic`, by slug: its own name and its parent's slug (None at the top
    # level), so that the page can nest sub-topics without looking the topics up again.
    topic_tree: dict[str, tuple[str, str | None]] = field(default_factory=dict)

    def __getitem__(self, name: str) -> list:
        if name not in ("outlet", "topic", "year", "kind"):
            raise KeyError(name)
        return getattr(self, name)


def render_snippet(marked: str) -> SafeString:
    """Escape an excerpt and turn the database's match markers into balanced <mark> elements."""
    text = html.escape(" ".join(marked.split()))
    markers = _MARKERS.findall(text)
    if markers == _BALANCED[: len(markers)] and len(markers) % 2 == 0:
        # The usual case, markers opening and closing in turn: plain replacement, without
        # the piece by piece walk below (twenty excerpts a page).
        opened = text.replace(MATCH_START, "<mark>").replace(MATCH_END, "</mark>")
        # Safe because the text was escaped and the markers are balanced.
        return mark_safe(opened)
    parts: list[str] = []
    open_mark = False
    for piece in _MARKERS.split(text):
        if piece == MATCH_START:
            if not open_mark:
                parts.append("<mark>")
                open_mark = True
        elif piece == MATCH_END:
            if open_mark:
                parts.append("</mark>")
                open_mark = False
        else:
            parts.append(piece)
    if open_mark:
        parts.append("</mark>")
    # Safe because the text was escaped above and every element opened is closed.
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

    @staticmethod
    def render(column: str, ids: list[int]) -> tuple[str, list]:
        """SQL and parameters for `column IN ids`, `column` being SQL already."""
        raise NotImplementedError

    def as_sql(self, compiler, connection) -> tuple[str, list]:
        sql, params = compiler.compile(self.lhs)
        condition, ids_params = self.render(sql, self.ids)
        return condition, [*params, *ids_params]

    def __deepcopy__(self, memo: dict) -> IdsFilter:
        # Every clone of a queryset deep-copies its filters; the ids never change, so they are
        # shared rather than copied a thousand at a time.
        clone = copy.copy(self)
        clone.lhs = copy.deepcopy(self.lhs, memo)
        return clone


# The article columns a search result shows (`search_hits` in templatetags/listing.py); the hit rows
# carry them in this order after the id, which is the model's field order, as from_db() needs.
HIT_FIELDS = ("title", "slug", "outlet_id", "published_on", "page", "edition", "kind")
LOAD_FIELDS = ("id", *HIT_FIELDS)
HIT_OUTLET = HIT_FIELDS.index("outlet_id")
TAG_FIELDS = ("id", "name", "slug", "parent_id")


class HitRow(NamedTuple):
    """One result as the backend reads it: rank, marked excerpt, columns and topic ids."""

    pk: int
    rank: float
    excerpt: str
    fields: tuple
    tag_ids: list[int]


class Collection(NamedTuple):
    """Facts about the whole collection a search needs, kept until the next write."""

    latest: date | None
    earliest: date | None
    # id -> (slug, name)
    outlets: dict[int, tuple[str, str]]
    # id -> (name, slug, parent id, position in name order)
    tags: dict[int, tuple[str, str, int | None, int]]


def _collection(using: str) -> Collection:
    # The public clippings' dates as they were at the last write: a clipping published on schedule
    # since may lie outside them, which costs a search at most a further slice.
    span = (
        Article.objects.using(using)
        .published()
        .aggregate(latest=Max("published_on"), earliest=Min("published_on"))
    )
    outlets = {
        pk: (slug, name)
        for pk, slug, name in Outlet.objects.using(using).values_list("pk", "slug", "name")
    }
    tags = {
        pk: (name, slug, parent_id, position)
        for position, (pk, name, slug, parent_id) in enumerate(
            Tag.objects.using(using).order_by("name", "pk").values_list(*TAG_FIELDS)
        )
    }
    return Collection(span["latest"], span["earliest"], outlets, tags)


def _outlet(using: str, pk: int, slug: str, name: str) -> Outlet:
    # from_db() takes the values in the model's field order.
    return Outlet.from_db(using, ("id", "name", "slug"), (pk, name, slug))


class WindowRow(NamedTuple):
    pk: int
    outlet_id: int
    published_on: date
    kind: str
    topic_ids: list[int]


def _window_rows(values: Iterable[tuple]) -> list[WindowRow]:
    """WindowRows from the window query's values: with the topic ids last, read the same on
    every database (an array on PostgreSQL, a comma-separated list on SQLite), or without them
    (an empty list until `_facets` reads them)."""
    rows = []
    for row in values:
        if len(row) == len(WindowRow._fields):
            rows.append(WindowRow(*row[:-1], topic_ids(row[-1])))
        else:
            rows.append(WindowRow(*row, []))
    return rows


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

    def ranked_hits(
        self, candidates: list[int], query: ParsedQuery, offset: int, limit: int
    ) -> list[HitRow]:
        """One page of the candidates, best first and newest first on ties, ready to show.

        The candidates are ids the caller's queryset gave in this request (the window), so no
        filter of it is applied again.
        """
        raise NotImplementedError

    def hits_for(self, ids: list[int], query: ParsedQuery) -> list[HitRow]:
        """The rows of these ids, in any order, ready to show; the ids come from the caller's
        queryset, as for `ranked_hits`."""
        raise NotImplementedError

    def dated_matching(
        self, queryset: ArticleQuerySet, query: ParsedQuery, size: int
    ) -> ArticleQuerySet:
        """The matches in a form the database can read in date order to find the first `size`.

        The same rows as `matching()`; a backend may shape the condition so that the database
        picks the cheaper of walking the date index and fetching every match to sort them.
        """
        return self.matching(queryset, query)

    # Whether the newest matches are looked for in date slices (see `_newest_matches`).
    slices_by_date = True
    # Whether the window's rows carry their topic ids, read by a subquery per row; otherwise
    # they are read after it in one statement (`topic_links`). PostgreSQL saves a statement
    # (1-3 ms for a word in 1 % at a million clippings); SQLite runs the subqueries slower than
    # the statement.
    window_reads_topics = True

    def in_ids(self, field: str, ids: list[int]) -> IdsFilter:
        """A filter for `field IN ids` that sends the ids as one parameter.

        The match window holds thousands of ids; as thousands of placeholders they cost more to
        build, send and parse than the queries that use them.
        """
        raise NotImplementedError

    def refresh_word_counts(self) -> int | None:
        """Count again how many clippings each indexed word is in, for `documents_estimate`;
        the number of words, or None for a database whose index keeps its own counts."""
        return None

    def documents_estimate(self, query: ParsedQuery) -> int | None:
        """At most how many clippings match `query`'s first group of words, as of the last
        `refresh_word_counts`; None when a word's count is not known."""
        return None

    def topic_links(self, article_ids: list[int]) -> list[tuple[int, int]]:
        """(clipping id, topic id) of these clippings' topic links, the ids sent as one
        parameter (`in_ids`): a day page's 78 ids as as many placeholders cost the ORM three
        times the query (0.68 against 0.23 ms at a million clippings)."""
        if not article_ids:
            return []
        table = Article.tags.through._meta.db_table
        condition, params = self.in_ids("article_id", article_ids).render("article_id", article_ids)
        with connections[self.using].cursor() as cursor:
            cursor.execute(f"SELECT article_id, tag_id FROM {table} WHERE {condition}", params)
            return cursor.fetchall()

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
        collection = self._collection()
        window = self._newest_matches(queryset, parsed, collection)
        if window.complete and len(window.ids) <= count_limit():
            result.total = len(window.ids)
            result.match_dates = [row.published_on for row in window.rows]
        else:
            result.total, result.total_is_capped = None, True
        if with_facets:
            result.facets = self._facets(window, collection)

        if order == SearchOrder.RELEVANCE:
            result.window = rank_limit()
            if offset >= result.reachable:
                return result
            rows = self.ranked_hits(window.ids[: result.window], parsed, offset, limit)
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
                oldest = (
                    self.dated_matching(queryset, parsed, stop)
                    .order_by(*OLDEST)
                    .values_list("pk", flat=True)
                )
                ids = list(oldest[offset:stop])
            found = {row.pk: row for row in self.hits_for(ids, parsed)} if ids else {}
            rows = [found[pk] for pk in ids if pk in found]

        result.hits = self._hits(rows, collection)
        return result

    def facets(self, queryset: ArticleQuerySet, query: str | ParsedQuery | None) -> SearchFacets:
        parsed = query if isinstance(query, ParsedQuery) else parse_query(query)
        if not parsed.has_terms:
            return SearchFacets()
        queryset = self._plain(queryset)
        collection = self._collection()
        return self._facets(self._newest_matches(queryset, parsed, collection), collection)

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

    def _newest_matches(
        self, queryset: ArticleQuerySet, query: ParsedQuery, collection: Collection
    ) -> MatchWindow:
        """The newest matches, enough for the count cap, the ranked candidates and the facets.

        On PostgreSQL they are looked for in date slices reaching back from the newest clipping:
        a slice lets the database combine the full-text index with the date index and read only
        the rows in it, where "newest first" over all matches would read every row of a common
        word. The first slice is as long as the word's count (`documents_estimate`) says will
        hold the window, and a word that few clippings have is read whole; without a count it is
        a year. A slice widens by how sparse the matches in it were. SQLite's backend chooses
        its plan from the index's own count instead.
        """
        size = max(count_limit(), rank_limit(), facet_limit()) + 1
        matches = self.dated_matching(queryset, query, size)
        fields = WindowRow._fields
        if self.window_reads_topics:
            matches = matches.with_topic_ids()
        else:
            fields = fields[:-1]
        newest = matches.order_by(*NEWEST).values_list(*fields)
        # Words ANDed are not sliced: every query reads their whole entries in the full-text
        # index again, which for two common words costs more than the rows a slice would spare,
        # and PostgreSQL's estimate for them, from both words' frequencies, picks the plan well.
        if not self.slices_by_date or len(query.groups) > 1:
            return _window(_window_rows(newest[:size]), size)
        # The dates of the whole collection, not of `queryset`: they only anchor the slices, and
        # kept until the next write they cost no query. The slices reach back from the latest
        # without an upper bound, and the last is the whole queryset, so dates a little out of
        # date, or a filter to old dates (no match in the first slice), cost speed, not results.
        latest, earliest = collection.latest, collection.earliest
        if latest is None or earliest is None:
            return _window(_window_rows(newest[:size]), size)
        whole = (latest - earliest).days + 1
        # A collection a few slices long is searched whole: slicing it would save little, and
        # would cost a second query whenever the newest slice held too few matches.
        days = FIRST_SLICE_DAYS if whole > FETCH_ALL_WINDOWS * FIRST_SLICE_DAYS else None
        estimate = self.documents_estimate(query) if days is not None else None
        if estimate is not None:
            # The word's count says how long a slice holds the window's worth, were the
            # matches spread evenly over the years; a margin covers some unevenness, and the
            # loop below widens a slice that still falls short. A rare word is fetched whole.
            if estimate <= FETCH_ALL_WINDOWS * size:
                days = None
            else:
                days = ceil(SLICE_MARGIN * size * whole / estimate)
        anchored = False
        while True:
            cutoff = None if days is None or days >= whole else _days_before(latest, days)
            in_slice = newest if cutoff is None else newest.filter(published_on__gt=cutoff)
            rows = list(in_slice[:size])
            if len(rows) == size or cutoff is None:
                break
            if not rows and not anchored:
                # Nothing in the newest slice: a filter to older dates, or a rare word. The
                # queryset's own latest date (one index lookup) tells them apart; a filter's
                # slices start from it.
                anchored = True
                own = queryset.aggregate(latest=Max("published_on"))["latest"]
                if own is None:
                    return MatchWindow([], complete=True)
                if own <= cutoff:
                    latest = own
                    whole = max(1, (latest - earliest).days + 1)
                    continue
            # None in the slice says nothing about the density: look at everything. So few
            # that all of them together would fill the window only a few times over: fetching
            # them all is one cheap query, where another slice might be followed by a third.
            if not rows or len(rows) * whole <= FETCH_ALL_WINDOWS * size * days:
                days = None
            else:
                days = days * max(2, ceil(1.5 * size / len(rows)))
        return _window(_window_rows(rows), size)

    def _facets(self, window: MatchWindow, collection: Collection) -> SearchFacets:
        rows = window.rows[: facet_limit()]
        by_outlet = Counter(map(itemgetter(1), rows))
        by_year: Counter = Counter()
        # By day first: a window of a common word spans a few days, so few years are summed.
        for day, n in Counter(map(itemgetter(2), rows)).items():
            by_year[day.year] += n
        by_kind = Counter(map(itemgetter(3), rows))
        outlets = collection.outlets
        if not outlets.keys() >= by_outlet.keys():
            # An outlet newer than the cached list: this search reads them afresh.
            outlets = _collection(self.using).outlets
        if self.window_reads_topics:
            per_clipping = [row.topic_ids for row in rows]
        else:
            ids: dict[int, list[int]] = {row.pk: [] for row in rows}
            for article_id, tag_id in self.topic_links(list(ids)):
                ids[article_id].append(tag_id)
            per_clipping = list(ids.values())
        topics, tree = self._topic_counts(per_clipping, collection)
        return SearchFacets(
            outlet=sorted(
                (FacetValue(*outlets[pk], n) for pk, n in by_outlet.items() if pk in outlets),
                key=lambda value: (-value.count, value.label.lower()),
            ),
            topic=topics,
            year=[YearCount(year, by_year[year]) for year in sorted(by_year, reverse=True)],
            kind=sorted(
                (FacetValue(kind, _kind_label(kind), n) for kind, n in by_kind.items()),
                key=lambda value: (-value.count, value.value),
            ),
            is_partial=not window.complete or len(window.rows) > len(rows),
            topic_tree=tree,
        )

    def _collection(self) -> Collection:
        return until_next_write(f"search-collection:{self.using}", lambda: _collection(self.using))

    def _hits(self, rows: list[HitRow], collection: Collection) -> list[Article]:
        """Articles from the rows the backend read, with outlet and topics attached.

        Only the columns a result shows are read (the rest load on access, which no page does),
        and the outlets and topics come from the collection's cached lists, so a page of hits
        costs no query of its own and no ORM queryset.
        """
        if not rows:
            return []
        outlet_ids = {row.fields[HIT_OUTLET] for row in rows}
        tag_ids = {tag_id for row in rows for tag_id in row.tag_ids}
        if not (collection.outlets.keys() >= outlet_ids and collection.tags.keys() >= tag_ids):
            # Written since the lists were cached, in a moment the generation has not caught.
            collection = _collection(self.using)
        outlets = {pk: _outlet(self.using, pk, *collection.outlets[pk]) for pk in outlet_ids}
        tags: dict[int, Tag] = {}

        def tag(pk: int) -> Tag:
            obj = tags.get(pk)
            if obj is None:
                name, slug, parent_id, _order = collection.tags[pk]
                obj = tags[pk] = Tag.from_db(self.using, TAG_FIELDS, (pk, name, slug, parent_id))
                parent = tag(parent_id) if parent_id in collection.tags else None
                if parent_id is None or parent is not None:
                    Tag.parent.field.set_cached_value(obj, parent)
            return obj

        hits = []
        for row in rows:
            article = Article.from_db(self.using, LOAD_FIELDS, (row.pk, *row.fields))
            Article.outlet.field.set_cached_value(article, outlets[row.fields[HIT_OUTLET]])
            topics = sorted(
                (tag(pk) for pk in set(row.tag_ids) if pk in collection.tags),
                key=lambda obj: collection.tags[obj.pk][3],
            )
            # What prefetch_related("tags") leaves: `article.tags.all()` answers from it.
            prefetched = Tag.objects.using(self.using).all()
            prefetched._result_cache = topics
            prefetched._prefetch_done = True
            article._prefetched_objects_cache = {"tags": prefetched}
            article.rank = row.rank
            article.snippet = render_snippet(row.excerpt or "")
            hits.append(article)
        return hits

    def _topic_counts(
        self, per_clipping: list[list[int]], collection: Collection
    ) -> tuple[list[FacetValue], dict[str, tuple[str, str | None]]]:
        """Topic counts in tree order, and each topic's name and parent slug by slug.

        A parent counts its sub-topics' clippings once each.

        Counted from each clipping's topic ids and named from the collection's kept topics:
        counting in the database cost PostgreSQL a second statement, 1-3 ms for a word in 1 %
        at a million clippings.
        """
        known = collection.tags
        if not known.keys() >= {pk for ids in per_clipping for pk in ids}:
            # A topic newer than the kept list, in the moment before its write is noticed.
            known = _collection(self.using).tags
        # Each topic's branch: its parent's id, or its own for a top-level topic.
        root = {pk: values[2] or pk for pk, values in known.items()}
        # A clipping links a topic once (the link table's unique key), and counts once for
        # each branch, however many of the branch's topics it has.
        own = Counter(pk for ids in per_clipping for pk in ids if pk in root)
        branch = Counter(
            pk for ids in per_clipping for pk in {root[pk] for pk in ids if pk in root}
        )
        tags: dict[int, tuple[str, str, int | None, str | None]] = {}
        tree: dict[str, tuple[str, str | None]] = {}
        for pk in own.keys() | branch.keys():
            if pk not in known:
                continue  # a sub-topic's parent deleted since the list was kept
            name, slug, parent_id, _position = known[pk]
            parent = known.get(parent_id) if parent_id is not None else None
            tags[pk] = (name, slug, parent_id, parent[0] if parent else None)
            tree[slug] = (name, parent[1] if parent else None)
        by_parent: dict[int, list[int]] = {}
        for tag_id in own:
            # Deleted since the counts were taken, or moved to the top level meanwhile.
            if tag_id in tags and tags[tag_id][2] is not None:
                by_parent.setdefault(tags[tag_id][2], []).append(tag_id)

        def count(tag_id: int) -> int:
            # A top-level topic's count is its whole branch's; a sub-topic's, its own.
            return branch[tag_id] if tags[tag_id][2] is None else own[tag_id]

        def best_first(tag_id: int) -> tuple[int, str]:
            return -count(tag_id), tags[tag_id][0].lower()

        def facet(tag_id: int) -> FacetValue:
            name, slug, _parent_id, parent_name = tags[tag_id]
            label = name if parent_name is None else f"{parent_name} › {name}"
            return FacetValue(slug, label, count(tag_id))

        roots = [pk for pk in branch if pk in tags and tags[pk][2] is None]
        facets = []
        for root in sorted(roots, key=best_first):
            facets.append(facet(root))
            facets.extend(facet(child) for child in sorted(by_parent.get(root, []), key=best_first))
        return facets, {value.value: tree[value.value] for value in facets}


def _window(rows: list[WindowRow], size: int) -> MatchWindow:
    """The window from a query for `size` rows, one more than it keeps to tell if there are more."""
    if len(rows) == size:
        return MatchWindow(rows[:-1], complete=False)
    return MatchWindow(rows, complete=True)


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
