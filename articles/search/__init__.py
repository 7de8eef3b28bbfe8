"""Full-text search over the public clippings: one interface, one backend per database.

    backend = get_search_backend()
    result = backend.search(
        filterset.qs,  # Article.objects.published() with the browse filters applied
        request.GET.get("q"),
        order="relevance",  # or "newest", "oldest": SearchOrder
        offset=0,
        limit=20,
        with_facets=True,
    )
    result.no_query  # nothing typed: show plain browsing instead
    result.hits  # the page: Articles with outlet and topics loaded, .snippet (safe HTML) and .rank
    result.total_display  # "37", or "10,000+" when result.total_is_capped (result.total is None)
    result.has_next, result.next_offset, result.has_previous, result.previous_offset
    result.facets  # .outlet, .topic, .kind: (value, label, count); .year: (year, count)

The queryset only ever narrows: the search runs inside it and never widens it. `backend.facets()`
gives the facets alone.

Bulk writers wrap their writes in `deferred_indexing()` so that each clipping is indexed once,
after its topics are written, and `reindex(ids)` rebuilds chosen clippings' entries (indexing.py).
"""

from __future__ import annotations

from django.core.exceptions import ImproperlyConfigured
from django.db import DEFAULT_DB_ALIAS, connections

from .base import (
    FacetValue,
    SearchBackend,
    SearchFacets,
    SearchOrder,
    SearchResult,
    YearCount,
    render_snippet,
)
from .indexing import deferred_indexing, reindex
from .query import MAX_QUERY_LENGTH, ParsedQuery, Term, parse_query

__all__ = [
    "MAX_QUERY_LENGTH",
    "FacetValue",
    "ParsedQuery",
    "SearchBackend",
    "SearchFacets",
    "SearchOrder",
    "SearchResult",
    "Term",
    "YearCount",
    "deferred_indexing",
    "get_search_backend",
    "parse_query",
    "reindex",
    "render_snippet",
]


def get_search_backend(using: str = DEFAULT_DB_ALIAS) -> SearchBackend:
    """The backend for the database behind `using`, chosen by its vendor."""
    vendor = connections[using].vendor
    # Imported here so a SQLite-only install never loads the PostgreSQL driver's modules.
    if vendor == "postgresql":
        from .postgres import PostgresSearchBackend

        return PostgresSearchBackend(using)
    if vendor == "sqlite":
        from .sqlite import SQLiteSearchBackend

        return SQLiteSearchBackend(using)
    raise ImproperlyConfigured(
        f"Full-text search supports PostgreSQL and SQLite; the {using!r} database is {vendor}."
    )
