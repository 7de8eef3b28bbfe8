"""Let a bulk write defer the search index's upkeep and index each clipping once at its end.

The triggers of 0003 index a clipping when it is inserted and again for every topic link written
to it: on PostgreSQL once more per link statement, on SQLite once more per link row, each time
re-reading the whole body. An import writes clippings first and links after, so it paid for two
to four indexings of each clipping. `articles.search.deferred_indexing()` switches the triggers on
the clipping and link tables off for the rest of its transaction and indexes the clippings it
wrote once, after their links exist:

- PostgreSQL: the trigger functions return early while the setting `readingroom.defer_search` is
  'on'. The block sets it with SET LOCAL inside its savepoint, so a rollback or the end of the
  transaction switches it off whatever happens.
- SQLite: the triggers carry `WHEN NOT EXISTS (SELECT 1 FROM articles_search_deferral)`; the block
  puts the table's one row in and takes it out inside its own savepoint, so a rollback takes it
  out too, and no other connection ever sees it (SQLite has one writer at a time).

Deleting a clipping and renaming an outlet or a topic are never deferred.

Later migrations that rebuild one of the search tables on SQLite: 0003's helpers recreate 0003's
triggers, without the deferral; use this migration's `suspend_sqlite_triggers` and
`resume_sqlite_triggers` instead (same usage as described in 0003).
"""

import importlib

from django.db import migrations

search = importlib.import_module("articles.migrations.0003_search")

# PostgreSQL ---------------------------------------------------------------------------------

DEFERRED = "current_setting('readingroom.defer_search', true) = 'on'"

DEFERRABLE_POSTGRES = [
    f"""
    CREATE OR REPLACE FUNCTION articles_article_search_vector_row() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        IF {DEFERRED} THEN
            RETURN NEW;
        END IF;
        IF TG_OP = 'INSERT'
            OR NEW.title IS DISTINCT FROM OLD.title
            OR NEW.original_title IS DISTINCT FROM OLD.original_title
            OR NEW.outlet_id IS DISTINCT FROM OLD.outlet_id
            OR NEW.body IS DISTINCT FROM OLD.body
            OR NEW.id IS DISTINCT FROM OLD.id
        THEN
            NEW.search_vector := articles_article_search_vector(NEW);
        END IF;
        RETURN NEW;
    END
    $$
    """,
    f"""
    CREATE OR REPLACE FUNCTION articles_article_tags_search_refresh() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        IF {DEFERRED} THEN
            RETURN NULL;
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
            UPDATE articles_article a SET search_vector = articles_article_search_vector(a)
            WHERE a.id IN (SELECT article_id FROM new_links);
        END IF;
        IF TG_OP IN ('DELETE', 'UPDATE') THEN
            UPDATE articles_article a SET search_vector = articles_article_search_vector(a)
            WHERE a.id IN (SELECT article_id FROM old_links);
        END IF;
        RETURN NULL;
    END
    $$
    """,
]

# 0003's own definitions of the same two functions, for going back.
ORIGINAL_POSTGRES = [
    statement.replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION", 1)
    for statement in search.FORWARD_POSTGRES
    if "CREATE FUNCTION articles_article_search_vector_row()" in statement
    or "CREATE FUNCTION articles_article_tags_search_refresh()" in statement
]
assert len(ORIGINAL_POSTGRES) == 2

# SQLite -------------------------------------------------------------------------------------

NOT_DEFERRED = "NOT EXISTS (SELECT 1 FROM articles_search_deferral)"

CREATE_DEFERRAL_TABLE = (
    "CREATE TABLE IF NOT EXISTS articles_search_deferral (id INTEGER PRIMARY KEY CHECK (id = 1))"
)

DEFERRABLE_TRIGGERS = {
    "articles_article_fts_insert": f"""
    CREATE TRIGGER articles_article_fts_insert AFTER INSERT ON articles_article
    WHEN {NOT_DEFERRED} BEGIN
        {search.INSERT_NEW_ARTICLE}
    END
    """,
    "articles_article_fts_update": f"""
    CREATE TRIGGER articles_article_fts_update
    AFTER UPDATE OF id, title, original_title, outlet_id, body ON articles_article
    WHEN {NOT_DEFERRED} BEGIN
        DELETE FROM articles_article_fts WHERE rowid = old.id;
        {search.INSERT_NEW_ARTICLE}
    END
    """,
    "articles_article_tags_fts_insert": f"""
    CREATE TRIGGER articles_article_tags_fts_insert AFTER INSERT ON articles_article_tags
    WHEN {NOT_DEFERRED} BEGIN
        {search.refresh_topics("new.article_id")}
    END
    """,
    "articles_article_tags_fts_delete": f"""
    CREATE TRIGGER articles_article_tags_fts_delete AFTER DELETE ON articles_article_tags
    WHEN {NOT_DEFERRED} BEGIN
        {search.refresh_topics("old.article_id")}
    END
    """,
    "articles_article_tags_fts_update": f"""
    CREATE TRIGGER articles_article_tags_fts_update AFTER UPDATE ON articles_article_tags
    WHEN {NOT_DEFERRED} BEGIN
        {search.refresh_topics("old.article_id")}
        {search.refresh_topics("new.article_id")}
    END
    """,
}


def trigger_name(statement: str) -> str:
    return statement.split("CREATE TRIGGER", 1)[1].split()[0]


ORIGINAL_TRIGGERS = [
    statement
    for statement in search.CREATE_SQLITE_TRIGGERS
    if trigger_name(statement) in DEFERRABLE_TRIGGERS
]
assert len(ORIGINAL_TRIGGERS) == len(DEFERRABLE_TRIGGERS)

DROP_DEFERRABLE = [f"DROP TRIGGER IF EXISTS {name}" for name in DEFERRABLE_TRIGGERS]

FORWARD_SQLITE = [CREATE_DEFERRAL_TABLE, *DROP_DEFERRABLE, *DEFERRABLE_TRIGGERS.values()]
BACKWARD_SQLITE = [
    *DROP_DEFERRABLE,
    *ORIGINAL_TRIGGERS,
    "DROP TABLE IF EXISTS articles_search_deferral",
]

STATEMENTS = {
    "postgresql": (DEFERRABLE_POSTGRES, ORIGINAL_POSTGRES),
    "sqlite": (FORWARD_SQLITE, BACKWARD_SQLITE),
}


def make_deferrable(apps, schema_editor) -> None:
    vendor = schema_editor.connection.vendor
    if vendor in STATEMENTS:
        search.execute(schema_editor, STATEMENTS[vendor][0])


def make_immediate(apps, schema_editor) -> None:
    vendor = schema_editor.connection.vendor
    if vendor in STATEMENTS:
        search.execute(schema_editor, STATEMENTS[vendor][1])


def suspend_sqlite_triggers(apps, schema_editor) -> None:
    """Before a later migration rebuilds a search table on SQLite (see 0003)."""
    search.suspend_sqlite_triggers(apps, schema_editor)


def resume_sqlite_triggers(apps, schema_editor) -> None:
    """After the rebuild: 0003's triggers and a refilled index, then this migration's changes."""
    if schema_editor.connection.vendor == "sqlite":
        search.resume_sqlite_triggers(apps, schema_editor)
        make_deferrable(apps, schema_editor)


class Migration(migrations.Migration):
    dependencies = [("articles", "0005_topic_link_index")]

    operations = [migrations.RunPython(make_deferrable, make_immediate)]
