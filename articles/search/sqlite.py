"""SQLite full-text search over the FTS5 table `articles_article_fts`.

Migration 0003 creates the table (rowid = article id; columns headline, original headline, outlet
names, topic names and body; porter stemming over unicode61) and triggers on the article, topic
link, outlet and topic tables that keep it current whatever writes the rows.
"""

from __future__ import annotations

import json

from django.db import connections
from django.db.models import BooleanField, Expression, F
from django.db.models.expressions import RawSQL

from articles.models import ArticleQuerySet

from .base import HIT_FIELDS, MATCH_END, MATCH_START, HitRow, IdsFilter, SearchBackend
from .query import ParsedQuery, Term

TABLE = "articles_article_fts"
# bm25() weights in column order: headline, original headline, outlet, topics, body. FTS5 scores
# better matches lower, so the rank shown is its negation.
SCORE = f"-bm25({TABLE}, 10.0, 2.0, 2.0, 4.0, 1.0)"
BODY_COLUMN = 4
SNIPPET_TOKENS = 32


def to_fts5(query: ParsedQuery) -> str:
    """The parsed query as an FTS5 MATCH expression in which every term is a quoted string.

    Inside double quotes FTS5 reads nothing as syntax, so no input can make a malformed
    expression; FTS5's own tokenizer then splits and stems each term as it did the documents.
    """

    def quoted(term: Term) -> str:
        return '"' + term.text.replace('"', '""') + '"'

    expression = " AND ".join(
        "(" + " OR ".join(quoted(term) for term in group) + ")" for group in query.groups
    )
    if query.excluded:
        expression += " NOT (" + " OR ".join(quoted(term) for term in query.excluded) + ")"
    return expression


def _bounds(ids: list[int]) -> tuple[int, int]:
    """The lowest and highest id, for a rowid range FTS5 reads its match list within.

    FTS5 answers the aggregate functions only for rows it reads from the full-text query, so an
    id list alone leaves it reading every match of a common word (38,000 at 100,000
    clippings) to keep a few hundred; with the range it seeks to the first and stops after the
    last. Windows hold the newest matches, whose ids lie close together.
    """
    return min(ids), max(ids)


class InJsonList(IdsFilter):
    """`field IN ids` with the ids sent as one JSON array, read back by json_each()."""

    @staticmethod
    def render(column: str, ids: list[int]) -> tuple[str, list]:
        return f"{column} IN (SELECT value FROM json_each(%s))", [json.dumps(ids)]


class NotIndexedInMatches(Expression):
    """`+id IN (the full-text matches)`: a filter the date index is walked past, not a lookup.

    Without the unary plus SQLite fetches every match's row by id and sorts them all, which for a
    word in a third of 100,000 clippings costs 90 ms; with it, SQLite walks the date index and
    tests each row against the matches, gathered once into a temporary index, and stops at the
    LIMIT (6 ms).
    """

    conditional = True
    output_field = BooleanField()

    def __init__(self, expression: str) -> None:
        super().__init__()
        self.lhs = F("pk")
        self.expression = expression

    def get_source_expressions(self) -> list[Expression]:
        return [self.lhs]

    def set_source_expressions(self, expressions: list[Expression]) -> None:
        (self.lhs,) = expressions

    def as_sql(self, compiler, connection) -> tuple[str, list]:
        sql, params = compiler.compile(self.lhs)
        return (
            f"+{sql} IN (SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH %s)",
            [*params, self.expression],
        )


class SQLiteSearchBackend(SearchBackend):
    vendor = "sqlite"
    # One query suffices: `dated_matching` picks the plan from the index's own count.
    slices_by_date = False
    window_reads_topics = False

    def in_ids(self, field: str, ids: list[int]) -> IdsFilter:
        return InJsonList(field, ids)

    def matching(self, queryset: ArticleQuerySet, query: ParsedQuery) -> ArticleQuerySet:
        return queryset.filter(
            pk__in=RawSQL(f"SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH %s", (to_fts5(query),))
        )

    def dated_matching(
        self, queryset: ArticleQuerySet, query: ParsedQuery, size: int
    ) -> ArticleQuerySet:
        """Fetch every match when there are few, else walk the date index until `size` are found.

        Fetching costs about the same per match as walking costs per row walked, and a walk
        passes about size * clippings / matches rows, so the two cost the same at
        sqrt(size * clippings) matches. Counting the index's matches (drafts and filters
        included) takes a millisecond even for a common word.
        """
        expression = to_fts5(query)
        with connections[self.using].cursor() as cursor:
            cursor.execute(
                f"SELECT (SELECT count(*) FROM {TABLE} WHERE {TABLE} MATCH %s), "
                "(SELECT max(id) FROM articles_article)",
                [expression],
            )
            found, clippings = cursor.fetchone()
        if found * found <= size * (clippings or 0):
            return self.matching(queryset, query)
        return queryset.filter(NotIndexedInMatches(expression))

    def ranked_hits(
        self, candidates: list[int], query: ParsedQuery, offset: int, limit: int
    ) -> list[HitRow]:
        if not candidates:
            return []
        # One full-text query over the index, its rows filtered by id. A plain `rowid IN (...)`
        # would let SQLite run the full-text query once per candidate instead, and bm25() would
        # re-read every term's statistics each time; the unary + and CROSS JOIN rule that out.
        # The excerpts are made by a second statement for the page's rows alone: SQLite would
        # make one for every candidate before sorting them.
        sql = (
            f"SELECT {TABLE}.rowid "
            f"FROM {TABLE} CROSS JOIN articles_article ON articles_article.id = {TABLE}.rowid "
            f"WHERE {TABLE} MATCH %s AND +{TABLE}.rowid IN (SELECT value FROM json_each(%s)) "
            f"AND {TABLE}.rowid BETWEEN %s AND %s "
            f"ORDER BY {SCORE} DESC, articles_article.published_on DESC, articles_article.id DESC "
            "LIMIT %s OFFSET %s"
        )
        with connections[self.using].cursor() as cursor:
            cursor.execute(
                sql,
                [to_fts5(query), json.dumps(candidates), *_bounds(candidates), limit, offset],
            )
            ids = [pk for (pk,) in cursor.fetchall()]
        found = {row.pk: row for row in self.hits_for(ids, query)} if ids else {}
        return [found[pk] for pk in ids if pk in found]

    def hits_for(self, ids: list[int], query: ParsedQuery) -> list[HitRow]:
        connection = connections[self.using]
        columns = ", ".join(
            f"articles_article.{connection.ops.quote_name(name)}" for name in HIT_FIELDS
        )
        sql = (
            f"SELECT {TABLE}.rowid, {SCORE}, "
            f"snippet({TABLE}, {BODY_COLUMN}, %s, %s, %s, {SNIPPET_TOKENS}), {columns}, "
            "(SELECT group_concat(l.tag_id) FROM articles_article_tags l "
            f"WHERE l.article_id = {TABLE}.rowid) "
            f"FROM {TABLE} CROSS JOIN articles_article ON articles_article.id = {TABLE}.rowid "
            f"WHERE {TABLE} MATCH %s AND +{TABLE}.rowid IN (SELECT value FROM json_each(%s)) "
            f"AND {TABLE}.rowid BETWEEN %s AND %s"
        )
        params = [
            MATCH_START,
            MATCH_END,
            "…",
            to_fts5(query),
            json.dumps(ids),
            *_bounds(ids),
        ]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return [
                HitRow(
                    row[0],
                    row[1],
                    row[2],
                    row[3:-1],
                    [int(pk) for pk in row[-1].split(",")] if row[-1] else [],
                )
                for row in cursor.fetchall()
            ]
