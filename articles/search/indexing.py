"""Keeping the search index current during bulk writes: defer the triggers, index once at the end.

Triggers keep the index current row by row (migration 0003): a clipping is indexed when it is
inserted, and again whenever its topic links change, on SQLite once per link. A bulk write that
inserts clippings and then their links would index each of them several times over. Inside
`deferred_indexing()` the triggers on the clipping and link tables stand aside (migration 0006),
and the clippings the block names are indexed once, as it ends:

    with deferred_indexing() as pending:
        ...  # insert or update clippings, then write their topic links
        pending.add(ids)  # every clipping written in the block
    # here each of them is indexed with its outlet and topics

The block is a transaction of its own (a savepoint inside an outer one). If it raises, its
writes, the switch and any index entries roll back together, so nothing is left half indexed and
the triggers are never left off. Deleting clippings and renaming outlets or topics are never
deferred. Only the clippings passed to `add()` are indexed at the end: keep other writes out of
the block.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from django.db import connections, router, transaction

from articles.models import Article

# PostgreSQL: the trigger functions return early while this setting is 'on' (migration 0006).
SETTING = "readingroom.defer_search"
# SQLite: the triggers do nothing while this table holds its one row (migration 0006).
DEFERRAL_TABLE = "articles_search_deferral"

# The same document the SQLite triggers of migration 0003 build; tests/test_intake.py checks that
# both give identical index rows. PostgreSQL needs no copy: its triggers and `reindex` call the
# same SQL function.
SQLITE_INDEX_ROWS = """
    INSERT INTO articles_article_fts (rowid, title, original_title, outlet, topics, body)
    SELECT a.id, a.title, a.original_title,
        coalesce((SELECT o.name || ' ' || o.aliases FROM articles_outlet o
                  WHERE o.id = a.outlet_id), ''),
        coalesce((
            SELECT group_concat(names.name, ' ') FROM (
                SELECT t.name AS name FROM articles_article_tags l
                JOIN articles_tag t ON t.id = l.tag_id
                WHERE l.article_id = a.id
                UNION
                SELECT p.name FROM articles_article_tags l
                JOIN articles_tag t ON t.id = l.tag_id
                JOIN articles_tag p ON p.id = t.parent_id
                WHERE l.article_id = a.id
            ) AS names
        ), ''),
        a.body
    FROM articles_article a
    WHERE a.id IN (SELECT value FROM json_each(%s))
"""


class PendingIndex:
    """The clippings a deferred block has written, to be indexed as it ends."""

    def __init__(self) -> None:
        self.ids: set[int] = set()

    def add(self, ids: Iterable[int]) -> None:
        self.ids.update(ids)


def _using(using: str | None) -> str:
    return using or router.db_for_write(Article)


def is_deferred(using: str | None = None) -> bool:
    """Whether the triggers on this connection are standing aside right now."""
    connection = connections[_using(using)]
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT current_setting(%s, true)", [SETTING])
            return cursor.fetchone()[0] == "on"
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT EXISTS (SELECT 1 FROM {DEFERRAL_TABLE})")
            return bool(cursor.fetchone()[0])
    return False


def _switch(using: str, on: bool) -> None:
    connection = connections[using]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # SET LOCAL: gone at the end of the transaction, and undone by a rollback.
            cursor.execute(f"SET LOCAL {SETTING} = {'on' if on else 'off'}")
        elif connection.vendor == "sqlite":
            if on:
                cursor.execute(f"INSERT OR IGNORE INTO {DEFERRAL_TABLE} (id) VALUES (1)")
            else:
                cursor.execute(f"DELETE FROM {DEFERRAL_TABLE}")


@contextmanager
def deferred_indexing(using: str | None = None) -> Iterator[PendingIndex]:
    """Index the clippings written in the block once, at its end, instead of at every write."""
    using = _using(using)
    connection = connections[using]
    with transaction.atomic(using=using):
        outer = getattr(connection, "readingroom_pending_index", None)
        if outer is not None:
            # Nested: the outermost block indexes everything when it ends.
            yield outer
            return
        pending = PendingIndex()
        _switch(using, on=True)
        connection.readingroom_pending_index = pending
        try:
            yield pending
        finally:
            connection.readingroom_pending_index = None
        # Reached only when the block succeeded; on an error the rollback undoes the switch.
        reindex(pending.ids, using=using)
        _switch(using, on=False)


def reindex(ids: Iterable[int], using: str | None = None) -> None:
    """Rebuild these clippings' index entries from their rows, outlets and topics as they are."""
    ids = sorted(set(ids))
    if not ids:
        return
    connection = connections[_using(using)]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "UPDATE articles_article a SET search_vector = articles_article_search_vector(a) "
                "WHERE a.id = ANY(%s)",
                [ids],
            )
        elif connection.vendor == "sqlite":
            encoded = json.dumps(ids)
            cursor.execute(
                "DELETE FROM articles_article_fts WHERE rowid IN (SELECT value FROM json_each(%s))",
                [encoded],
            )
            cursor.execute(SQLITE_INDEX_ROWS, [encoded])
