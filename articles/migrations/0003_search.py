"""Full-text search indexes kept current by the database itself.

PostgreSQL: a `search_vector` tsvector column on the article table (not declared on the model, so
the ORM never loads it), a GIN index, and triggers. SQLite: an FTS5 table and triggers. Outlet and
topic names live in other tables, so triggers on those tables and on the topic link table refresh
the clippings they touch: admin saves, bulk_create, `tags.set()`, raw inserts, deletes and renames
all keep the index right without any Python code remembering to.

The SQL is written out here, not imported, so this migration keeps meaning what it meant.

Later migrations on SQLite: a change SQLite cannot make in place (most AlterFields) rebuilds the
table, and SQLite refuses to rebuild articles_article, articles_article_tags, articles_outlet or
articles_tag while these triggers name them ("error in trigger ...: no such table"). Wrap such
operations in the two helpers below, which do nothing on PostgreSQL:

    # Since 0006 the triggers carry a deferral switch: use 0006's helpers, which restore it.
    search = importlib.import_module("articles.migrations.0006_deferrable_search_indexing")
    operations = [
        migrations.RunPython(search.suspend_sqlite_triggers, search.resume_sqlite_triggers),
        migrations.AlterField(...),
        migrations.RunPython(search.resume_sqlite_triggers, search.suspend_sqlite_triggers),
    ]
"""

from django.db import migrations

# PostgreSQL ---------------------------------------------------------------------------------

FORWARD_POSTGRES = [
    "ALTER TABLE articles_article ADD COLUMN search_vector tsvector",
    # One clipping's document: headline A, topic names (with a sub-topic's parent) B, original
    # headline and outlet name and aliases C, body D.
    """
    CREATE FUNCTION articles_article_search_vector(a articles_article) RETURNS tsvector
    LANGUAGE sql STABLE AS $$
        SELECT
            setweight(to_tsvector('english'::regconfig, coalesce(a.title, '')), 'A')
            || setweight(to_tsvector('english'::regconfig, coalesce((
                SELECT string_agg(names.name, ' ') FROM (
                    SELECT t.name FROM articles_article_tags l
                    JOIN articles_tag t ON t.id = l.tag_id
                    WHERE l.article_id = a.id
                    UNION
                    SELECT p.name FROM articles_article_tags l
                    JOIN articles_tag t ON t.id = l.tag_id
                    JOIN articles_tag p ON p.id = t.parent_id
                    WHERE l.article_id = a.id
                ) AS names
            ), '')), 'B')
            || setweight(to_tsvector('english'::regconfig,
                coalesce(a.original_title, '') || ' ' || coalesce((
                    SELECT o.name || ' ' || o.aliases FROM articles_outlet o
                    WHERE o.id = a.outlet_id
                ), '')), 'C')
            || setweight(to_tsvector('english'::regconfig, coalesce(a.body, '')), 'D')
    $$
    """,
    # Only writes that change indexed columns recompute; publishing or unpublishing does not.
    # The test is in the function, not in the trigger's UPDATE OF or WHEN: columns named there
    # would block a later AlterField ("cannot alter type of a column used in a trigger").
    """
    CREATE FUNCTION articles_article_search_vector_row() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
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
    """
    CREATE TRIGGER articles_article_search_vector
    BEFORE INSERT OR UPDATE ON articles_article
    FOR EACH ROW EXECUTE FUNCTION articles_article_search_vector_row()
    """,
    # Statement-level with transition tables, so tags.set() of many topics, or a bulk insert
    # into the link table, refreshes each clipping once per statement.
    """
    CREATE FUNCTION articles_article_tags_search_refresh() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
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
    """
    CREATE TRIGGER articles_article_tags_search_insert
    AFTER INSERT ON articles_article_tags REFERENCING NEW TABLE AS new_links
    FOR EACH STATEMENT EXECUTE FUNCTION articles_article_tags_search_refresh()
    """,
    """
    CREATE TRIGGER articles_article_tags_search_delete
    AFTER DELETE ON articles_article_tags REFERENCING OLD TABLE AS old_links
    FOR EACH STATEMENT EXECUTE FUNCTION articles_article_tags_search_refresh()
    """,
    """
    CREATE TRIGGER articles_article_tags_search_update
    AFTER UPDATE ON articles_article_tags
    REFERENCING OLD TABLE AS old_links NEW TABLE AS new_links
    FOR EACH STATEMENT EXECUTE FUNCTION articles_article_tags_search_refresh()
    """,
    """
    CREATE FUNCTION articles_outlet_search_refresh() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        IF NEW.name IS DISTINCT FROM OLD.name OR NEW.aliases IS DISTINCT FROM OLD.aliases THEN
            UPDATE articles_article a SET search_vector = articles_article_search_vector(a)
            WHERE a.outlet_id = NEW.id;
        END IF;
        RETURN NULL;
    END
    $$
    """,
    """
    CREATE TRIGGER articles_outlet_search
    AFTER UPDATE ON articles_outlet
    FOR EACH ROW EXECUTE FUNCTION articles_outlet_search_refresh()
    """,
    # A sub-topic's clippings carry its parent's name too, so a rename reaches them as well.
    """
    CREATE FUNCTION articles_tag_search_refresh() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        IF NEW.name IS DISTINCT FROM OLD.name OR NEW.parent_id IS DISTINCT FROM OLD.parent_id THEN
            UPDATE articles_article a SET search_vector = articles_article_search_vector(a)
            WHERE a.id IN (
                SELECT l.article_id FROM articles_article_tags l
                JOIN articles_tag t ON t.id = l.tag_id
                WHERE t.id = NEW.id OR t.parent_id = NEW.id
            );
        END IF;
        RETURN NULL;
    END
    $$
    """,
    """
    CREATE TRIGGER articles_tag_search
    AFTER UPDATE ON articles_tag
    FOR EACH ROW EXECUTE FUNCTION articles_tag_search_refresh()
    """,
    "UPDATE articles_article a SET search_vector = articles_article_search_vector(a)",
    # Built after the fill: one pass over the finished column instead of a million updates.
    """
    CREATE INDEX articles_article_search_vector_idx
    ON articles_article USING gin (search_vector)
    """,
]

BACKWARD_POSTGRES = [
    "DROP TRIGGER IF EXISTS articles_tag_search ON articles_tag",
    "DROP TRIGGER IF EXISTS articles_outlet_search ON articles_outlet",
    "DROP TRIGGER IF EXISTS articles_article_tags_search_update ON articles_article_tags",
    "DROP TRIGGER IF EXISTS articles_article_tags_search_delete ON articles_article_tags",
    "DROP TRIGGER IF EXISTS articles_article_tags_search_insert ON articles_article_tags",
    "DROP TRIGGER IF EXISTS articles_article_search_vector ON articles_article",
    "DROP FUNCTION IF EXISTS articles_tag_search_refresh()",
    "DROP FUNCTION IF EXISTS articles_outlet_search_refresh()",
    "DROP FUNCTION IF EXISTS articles_article_tags_search_refresh()",
    "DROP FUNCTION IF EXISTS articles_article_search_vector_row()",
    "DROP FUNCTION IF EXISTS articles_article_search_vector(articles_article)",
    "DROP INDEX IF EXISTS articles_article_search_vector_idx",
    "ALTER TABLE articles_article DROP COLUMN IF EXISTS search_vector",
]

# SQLite -------------------------------------------------------------------------------------


def outlet_text(outlet_id: str) -> str:
    return (
        "coalesce((SELECT o.name || ' ' || o.aliases FROM articles_outlet o "
        f"WHERE o.id = {outlet_id}), '')"
    )


def topic_text(article_id: str) -> str:
    """Names of a clipping's topics, and of their parents, each once."""
    return f"""coalesce((
        SELECT group_concat(names.name, ' ') FROM (
            SELECT t.name AS name FROM articles_article_tags l
            JOIN articles_tag t ON t.id = l.tag_id
            WHERE l.article_id = {article_id}
            UNION
            SELECT p.name FROM articles_article_tags l
            JOIN articles_tag t ON t.id = l.tag_id
            JOIN articles_tag p ON p.id = t.parent_id
            WHERE l.article_id = {article_id}
        ) AS names
    ), '')"""


INSERT_NEW_ARTICLE = f"""
    INSERT INTO articles_article_fts (rowid, title, original_title, outlet, topics, body)
    VALUES (new.id, new.title, new.original_title, {outlet_text("new.outlet_id")},
            {topic_text("new.id")}, new.body);
"""


def refresh_topics(article_id: str) -> str:
    return (
        f"UPDATE articles_article_fts SET topics = {topic_text(article_id)} "
        f"WHERE rowid = {article_id};"
    )


CREATE_FTS_TABLE = """
    CREATE VIRTUAL TABLE articles_article_fts USING fts5(
        title, original_title, outlet, topics, body,
        tokenize = 'porter unicode61'
    )
"""

CREATE_SQLITE_TRIGGERS = [
    f"""
    CREATE TRIGGER articles_article_fts_insert AFTER INSERT ON articles_article BEGIN
        {INSERT_NEW_ARTICLE}
    END
    """,
    f"""
    CREATE TRIGGER articles_article_fts_update
    AFTER UPDATE OF id, title, original_title, outlet_id, body ON articles_article BEGIN
        DELETE FROM articles_article_fts WHERE rowid = old.id;
        {INSERT_NEW_ARTICLE}
    END
    """,
    """
    CREATE TRIGGER articles_article_fts_delete AFTER DELETE ON articles_article BEGIN
        DELETE FROM articles_article_fts WHERE rowid = old.id;
    END
    """,
    f"""
    CREATE TRIGGER articles_article_tags_fts_insert AFTER INSERT ON articles_article_tags BEGIN
        {refresh_topics("new.article_id")}
    END
    """,
    f"""
    CREATE TRIGGER articles_article_tags_fts_delete AFTER DELETE ON articles_article_tags BEGIN
        {refresh_topics("old.article_id")}
    END
    """,
    f"""
    CREATE TRIGGER articles_article_tags_fts_update AFTER UPDATE ON articles_article_tags BEGIN
        {refresh_topics("old.article_id")}
        {refresh_topics("new.article_id")}
    END
    """,
    """
    CREATE TRIGGER articles_outlet_fts_update AFTER UPDATE OF name, aliases ON articles_outlet
    WHEN old.name IS NOT new.name OR old.aliases IS NOT new.aliases BEGIN
        UPDATE articles_article_fts SET outlet = new.name || ' ' || new.aliases
        WHERE rowid IN (SELECT id FROM articles_article WHERE outlet_id = new.id);
    END
    """,
    # A sub-topic's clippings carry its parent's name too, so a rename reaches them as well.
    f"""
    CREATE TRIGGER articles_tag_fts_update AFTER UPDATE OF name, parent_id ON articles_tag
    WHEN old.name IS NOT new.name OR old.parent_id IS NOT new.parent_id BEGIN
        UPDATE articles_article_fts SET topics = {topic_text("articles_article_fts.rowid")}
        WHERE rowid IN (
            SELECT l.article_id FROM articles_article_tags l
            JOIN articles_tag t ON t.id = l.tag_id
            WHERE t.id = new.id OR t.parent_id = new.id
        );
    END
    """,
]

FILL_FTS_TABLE = f"""
    INSERT INTO articles_article_fts (rowid, title, original_title, outlet, topics, body)
    SELECT a.id, a.title, a.original_title, {outlet_text("a.outlet_id")},
           {topic_text("a.id")}, a.body
    FROM articles_article a
"""

DROP_SQLITE_TRIGGERS = [
    "DROP TRIGGER IF EXISTS articles_tag_fts_update",
    "DROP TRIGGER IF EXISTS articles_outlet_fts_update",
    "DROP TRIGGER IF EXISTS articles_article_tags_fts_update",
    "DROP TRIGGER IF EXISTS articles_article_tags_fts_delete",
    "DROP TRIGGER IF EXISTS articles_article_tags_fts_insert",
    "DROP TRIGGER IF EXISTS articles_article_fts_delete",
    "DROP TRIGGER IF EXISTS articles_article_fts_update",
    "DROP TRIGGER IF EXISTS articles_article_fts_insert",
]

FORWARD_SQLITE = [CREATE_FTS_TABLE, *CREATE_SQLITE_TRIGGERS, FILL_FTS_TABLE]
BACKWARD_SQLITE = [*DROP_SQLITE_TRIGGERS, "DROP TABLE IF EXISTS articles_article_fts"]

STATEMENTS = {
    "postgresql": (FORWARD_POSTGRES, BACKWARD_POSTGRES),
    "sqlite": (FORWARD_SQLITE, BACKWARD_SQLITE),
}


def execute(schema_editor, statements: list[str]) -> None:
    for statement in statements:
        # No parameters: nothing here is a placeholder, and "%" must reach the database as is.
        schema_editor.execute(statement, params=None)


def create_search_index(apps, schema_editor) -> None:
    vendor = schema_editor.connection.vendor
    # The search backends refuse other databases with a clear message; nothing to build.
    if vendor in STATEMENTS:
        execute(schema_editor, STATEMENTS[vendor][0])


def drop_search_index(apps, schema_editor) -> None:
    vendor = schema_editor.connection.vendor
    if vendor in STATEMENTS:
        execute(schema_editor, STATEMENTS[vendor][1])


def suspend_sqlite_triggers(apps, schema_editor) -> None:
    """Before a later migration rebuilds one of the four tables on SQLite (see the docstring)."""
    if schema_editor.connection.vendor == "sqlite":
        execute(schema_editor, DROP_SQLITE_TRIGGERS)


def resume_sqlite_triggers(apps, schema_editor) -> None:
    """After the rebuild: triggers back, and the index refilled, since writes went unseen."""
    if schema_editor.connection.vendor == "sqlite":
        execute(
            schema_editor,
            [
                *DROP_SQLITE_TRIGGERS,
                *CREATE_SQLITE_TRIGGERS,
                "DELETE FROM articles_article_fts",
                FILL_FTS_TABLE,
            ],
        )


class Migration(migrations.Migration):
    dependencies = [("articles", "0002_editors_group")]

    operations = [migrations.RunPython(create_search_index, drop_search_index)]
