"""PostgreSQL full-text search over the trigger-maintained `search_vector` column.

Migration 0003 adds the column to the article table (outside the Django model, so the ORM never
loads it), a GIN index on it, and triggers on the article, topic link, outlet and topic tables that
keep it current whatever writes the rows. The vector weights the headline A, topic names B,
original headline and outlet names C, and the body D.
"""

from __future__ import annotations

import re

from django.contrib.postgres.search import SearchQuery, SearchVectorField
from django.db import connections, transaction
from django.db.models import Expression

from articles.models import ArticleQuerySet

from .base import HIT_FIELDS, MATCH_END, MATCH_START, HitRow, IdsFilter, SearchBackend
from .query import ParsedQuery, Term

# English stemming after unaccent for words with letters outside ASCII (migration 0008), so that
# "Ryukyu" and "Ryūkyū" are one word, as they are to SQLite's tokenizer.
CONFIG = "readingroom_english"
COLUMN = "search_vector"
# ts_rank's weights for D, C, B, A: a headline match counts ten times a body match.
WEIGHTS = [0.1, 0.2, 0.4, 1.0]
# Excerpts: how much of the body ts_headline reads, from how far before the first match, and how
# many of the query's words are looked for to find it.
# ts_headline's cost grows faster than the text it reads: twenty excerpts cost 3.5 ms from 1,000
# characters and 1.8 ms from 800, with the same excerpts in a sample at a million clippings.
SNIPPET_CHARS = 800
SNIPPET_LEAD = 200
SNIPPET_STEMS = 4
BODY = '"articles_article"."body"'
# ts_headline's options: the markers render_snippet() turns into <mark>, and up to two fragments
# of 15 to 35 words.
HEADLINE_OPTIONS = (
    f"StartSel='{MATCH_START}', StopSel='{MATCH_END}', MaxWords=35, MinWords=15, "
    "MaxFragments=2, FragmentDelimiter=' … '"
)
HIT_COLUMNS = ", ".join(f'"articles_article"."{name}"' for name in HIT_FIELDS)
_WORDS = re.compile(r"[^\W_]+")


class SearchVectorColumn(Expression):
    """The article table's `search_vector` column, which the model does not declare.

    It resolves to the queryset's own alias for the article table, and follows that alias when the
    queryset becomes a subquery, so it is never confused with an outer query's articles.
    """

    output_field = SearchVectorField()

    def __init__(self, alias: str | None = None) -> None:
        super().__init__()
        self.alias = alias

    def resolve_expression(
        self, query=None, allow_joins=True, reuse=None, summarize=False, for_save=False
    ) -> SearchVectorColumn:
        clone = self.copy()
        clone.alias = query.get_initial_alias()
        return clone

    def relabeled_clone(self, change_map: dict[str, str]) -> SearchVectorColumn:
        clone = self.copy()
        clone.alias = change_map.get(self.alias, self.alias)
        return clone

    def as_sql(self, compiler, connection) -> tuple[str, list]:
        table = compiler.quote_name_unless_alias(self.alias)
        return f"{table}.{connection.ops.quote_name(COLUMN)}", []

    def get_group_by_cols(self) -> list[Expression]:
        return [self]


def to_websearch(query: ParsedQuery) -> str:
    """The parsed query in websearch_to_tsquery's own syntax, every term quoted.

    Rewriting it rather than passing the visitor's text on keeps both databases reading a query the
    same way (exclusions always apply to the whole query, a lone operator means nothing).
    """

    def quoted(term: Term) -> str:
        return '"' + term.text.replace('"', " ") + '"'

    parts = [" OR ".join(quoted(term) for term in group) for group in query.groups]
    parts.extend("-" + quoted(term) for term in query.excluded)
    return " ".join(parts)


def body_around_first_match(query: ParsedQuery) -> tuple[str, list]:
    """SQL for the stretch of the body where the query's words first appear, for the excerpt.

    ts_headline parses all the text it is given, at about a third of a millisecond for an average
    body, and a page shows twenty. It is given 800 characters instead: from a little before the
    first place one of the words' stems appears, or from the start when none does (a match in the
    headline alone, whose excerpt is the start of the body). A stem found inside a longer word
    only moves the stretch; ts_headline still marks real matches alone. Where a stem is not in
    the body as typed, it is looked for with the accents of both taken away (unaccent), as the
    search itself matched: "Ryukyu" finds its place in a body that writes "Ryūkyū".
    """
    stems = []
    for group in query.groups:
        for term in group:
            words = _WORDS.findall(term.text.lower())
            if words:
                # The stem English stemming leaves is at most three letters shorter in most words.
                stems.append(words[0][: max(4, len(words[0]) - 3)])
    stems = list(dict.fromkeys(stems))[:SNIPPET_STEMS]
    if not stems:
        return BODY, []
    # coalesce() reads its second argument only when the first is null: the body is unaccented
    # only for a stem it does not hold as typed. A character unaccent writes as two (œ, …) moves
    # the place found by one; the lead before it absorbs that.
    place = (
        f"coalesce(nullif(strpos(lower({BODY}), %s), 0), "
        f"nullif(strpos(unaccent(lower({BODY})), unaccent(%s)), 0))"
    )
    first = ", ".join(place for _ in stems)
    return (
        f"substr({BODY}, greatest(1, coalesce(least({first}), 1) - %s), %s)",
        [*(param for stem in stems for param in (stem, stem)), SNIPPET_LEAD, SNIPPET_CHARS],
    )


class AnyOf(IdsFilter):
    """`field = ANY(ids)`: the ids travel as one array parameter, written as array text.

    psycopg adapts a list element by element, which for the thousand ids of a window costs more
    Python time than the query that uses them.
    """

    @staticmethod
    def render(column: str, ids: list[int]) -> tuple[str, list]:
        return f"{column} = ANY(%s::bigint[])", ["{" + ",".join(map(str, map(int, ids))) + "}"]


# Words and how many clippings each is in (migration 0007), from ts_stat() over the index.
WORDS = "articles_search_word"


class PostgresSearchBackend(SearchBackend):
    vendor = "postgresql"

    def refresh_word_counts(self) -> int:
        """Replace the word counts with ts_stat()'s over every clipping: one pass over the
        search vectors (57 s at a million clippings), in one transaction, so searches
        meanwhile use the old counts."""
        with transaction.atomic(using=self.using), connections[self.using].cursor() as cursor:
            cursor.execute(f"DELETE FROM {WORDS}")
            cursor.execute(
                f"INSERT INTO {WORDS} (lexeme, documents) "
                f"SELECT word, ndoc FROM ts_stat('SELECT {COLUMN} FROM articles_article')"
            )
            return cursor.rowcount

    def documents_estimate(self, query: ParsedQuery) -> int | None:
        """The first group's terms' counts added up, a phrase counting as its rarest word.

        English stemming is PostgreSQL's, so the terms go to it as text; a word it keeps no
        count for (new since the last refresh, or never counted) makes the estimate unknown.
        """
        terms = [term.text for term in query.groups[0]] if query.groups else []
        if not terms:
            return None
        with connections[self.using].cursor() as cursor:
            cursor.execute(
                "SELECT (SELECT array_agg(coalesce(w.documents, -1)) "
                "FROM unnest(tsvector_to_array(to_tsvector(%s::regconfig, t.term))) AS l(lexeme) "
                f"LEFT JOIN {WORDS} w USING (lexeme)) "
                "FROM unnest(%s::text[]) AS t(term)",
                [CONFIG, terms],
            )
            counts = [row[0] for row in cursor.fetchall()]
        if not counts or any(found is None or min(found) < 0 for found in counts):
            return None
        return sum(min(found) for found in counts)

    def in_ids(self, field: str, ids: list[int]) -> IdsFilter:
        return AnyOf(field, ids)

    @staticmethod
    def _tsquery(query: ParsedQuery) -> SearchQuery:
        return SearchQuery(to_websearch(query), config=CONFIG, search_type="websearch")

    def matching(self, queryset: ArticleQuerySet, query: ParsedQuery) -> ArticleQuerySet:
        return queryset.alias(search_vector=SearchVectorColumn()).filter(
            search_vector=self._tsquery(query)
        )

    def ranked_hits(
        self, candidates: list[int], query: ParsedQuery, offset: int, limit: int
    ) -> list[HitRow]:
        """Rank the candidates, then excerpt and read only the page's rows, in one statement."""
        if not candidates:
            return []
        return self._hit_rows(
            candidates,
            query,
            "ORDER BY rank DESC, published_on DESC, id DESC LIMIT %s OFFSET %s",
            [limit, offset],
            "ORDER BY ranked.rank DESC, ranked.published_on DESC, ranked.pk DESC",
        )

    def hits_for(self, ids: list[int], query: ParsedQuery) -> list[HitRow]:
        return self._hit_rows(ids, query, "", [], "")

    def _hit_rows(
        self,
        ids: list[int],
        query: ParsedQuery,
        keep: str,
        keep_params: list,
        order_by: str,
    ) -> list[HitRow]:
        """The rows of `ids` that `keep` (ORDER BY and LIMIT) keeps, with their rank, excerpt,
        columns and topic ids.

        Written as SQL rather than through the ORM: the ids come from the window, which the
        caller's queryset gave in this request, so no filter of it is needed again, and building
        and compiling the two querysets this replaces cost more Python time (about 1.2 ms a
        page) than PostgreSQL took to run the statement for a rare word. The excerpt is made
        outside the ranking subquery, so ts_headline reads only the rows kept; the topic ids
        come as an array per row rather than from a second query.
        """
        tsquery = "websearch_to_tsquery(%s::regconfig, %s)"
        words = [CONFIG, to_websearch(query)]
        body, body_params = body_around_first_match(query)
        condition, ids_params = AnyOf.render('"articles_article"."id"', ids)
        sql = (
            f"SELECT ranked.pk, ranked.rank, ts_headline(%s::regconfig, {body}, {tsquery}, %s), "
            f"{HIT_COLUMNS}, "
            "ARRAY(SELECT l.tag_id FROM articles_article_tags l WHERE l.article_id = ranked.pk) "
            'FROM (SELECT "articles_article"."id" AS pk, '
            f'ts_rank(%s::float4[], "articles_article".{COLUMN}, {tsquery}) AS rank, '
            '"articles_article"."published_on" AS published_on '
            f'FROM "articles_article" WHERE {condition} {keep}) AS ranked '
            'JOIN "articles_article" ON "articles_article"."id" = ranked.pk '
            f"{order_by}"
        )
        params = [
            CONFIG,
            *body_params,
            *words,
            HEADLINE_OPTIONS,
            WEIGHTS,
            *words,
            *ids_params,
            *keep_params,
        ]
        with connections[self.using].cursor() as cursor:
            cursor.execute(sql, params)
            return [HitRow(row[0], row[1], row[2], row[3:-1], row[-1]) for row in cursor.fetchall()]
