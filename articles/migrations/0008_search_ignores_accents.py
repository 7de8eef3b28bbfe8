"""PostgreSQL's search ignores accents, as SQLite's always has: "Ryukyu" finds "Ryūkyū".

Romanised Japanese is written with and without macrons (Tōkyō and Tokyo, Ryūkyū and Ryukyu,
Shintarō and Shintaro), sometimes in one week's clippings by different translators. SQLite's FTS5
tokenizer (unicode61) folds diacritics away; PostgreSQL's `english` configuration kept them, so
there a reader who typed "Ryukyu" missed every clipping that wrote "Ryūkyū", and the reverse.

- The `unaccent` extension, from PostgreSQL's contrib (in Debian's postgresql-15 package). It is
  a trusted extension: the owner of the database may create it, no superuser needed.
- The text search configuration `readingroom_english`: `english`, with unaccent before the
  English stemmer for words with letters outside ASCII. ASCII words are read as before.
- 0003's document function, written again with that configuration; the search, its excerpts
  and the word counts use it too (articles/search/postgres.py).
- The clippings whose vector can change are indexed again: those with a letter unaccent folds
  in their own text, their outlet's names or their topics' names. For every other clipping both
  configurations give the same vector, so a large collection is not rewritten: at a million
  clippings, one pass reading the text, and the few with such letters indexed anew.
- The word counts of 0007 are counted again, from the new vectors.

SQLite: nothing to do.
"""

from django.db import migrations

EXTENSION = "CREATE EXTENSION IF NOT EXISTS unaccent"

CONFIGURATION = [
    "CREATE TEXT SEARCH CONFIGURATION readingroom_english (COPY = english)",
    """
    ALTER TEXT SEARCH CONFIGURATION readingroom_english
    ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem
    """,
]

# 0003's function with the configuration as its one parameter.
DOCUMENT = """
CREATE OR REPLACE FUNCTION articles_article_search_vector(a articles_article) RETURNS tsvector
LANGUAGE sql STABLE AS $$
    SELECT
        setweight(to_tsvector('{config}'::regconfig, coalesce(a.title, '')), 'A')
        || setweight(to_tsvector('{config}'::regconfig, coalesce((
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
        || setweight(to_tsvector('{config}'::regconfig,
            coalesce(a.original_title, '') || ' ' || coalesce((
                SELECT o.name || ' ' || o.aliases FROM articles_outlet o
                WHERE o.id = a.outlet_id
            ), '')), 'C')
        || setweight(to_tsvector('{config}'::regconfig, coalesce(a.body, '')), 'D')
$$
"""

# Which clippings to index again. unaccent works on the words the parser found, so punctuation it
# would also change (the dash in "Japan–Russia", curly quotes, 、and 。) never reaches it, and a
# document changes only where a word holds a character that unaccent folds. Every such character
# is in these blocks (Latin letters beyond ASCII, combining marks, accented Greek, Ё and ё, Latin
# ligatures, letter-like symbols, number forms, circled letters, 〇, and full-width Latin letters
# and digits, as in a Japanese headline's "２０１６年"): looking
# for them is a cheap pass over the text, and their few other characters cost time, never a
# miss. tests/test_search.py checks the class against every character unaccent changes.
FOLDABLE = (
    "[\\u00BC-\\u00BE\\u00C0-\\u036F\\u0386-\\u03CE\\u0401\\u0451\\u1D00-\\u1DBF"
    "\\u1E00-\\u1FFF\\u20DD-\\u20E4\\u2100-\\u218F\\u2460-\\u24FF\\u2C60-\\u2C7F"
    "\\u3007\\u3371-\\u33DF\\uA720-\\uA7FF\\uFB00-\\uFB06\\uFF10-\\uFF5A]"
)
FOLDED = "{text} ~ '" + FOLDABLE + "'"
REINDEX = f"""
UPDATE articles_article a SET search_vector = articles_article_search_vector(a)
WHERE {FOLDED.format(text="concat_ws(' ', a.title, a.original_title, a.body)")}
    OR a.outlet_id IN (
        SELECT o.id FROM articles_outlet o
        WHERE {FOLDED.format(text="concat_ws(' ', o.name, o.aliases)")}
    )
    OR a.id IN (
        SELECT l.article_id FROM articles_article_tags l
        JOIN articles_tag t ON t.id = l.tag_id
        LEFT JOIN articles_tag p ON p.id = t.parent_id
        WHERE {FOLDED.format(text="concat_ws(' ', t.name, p.name)")}
    )
"""

# 0007's table, counted again as `refresh_search_statistics` does.
RECOUNT = [
    "DELETE FROM articles_search_word",
    "INSERT INTO articles_search_word (lexeme, documents) "
    "SELECT word, ndoc FROM ts_stat('SELECT search_vector FROM articles_article')",
]


def fold_accents(apps, schema_editor) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    for statement in [
        EXTENSION,
        *CONFIGURATION,
        DOCUMENT.format(config="readingroom_english"),
        REINDEX,
        *RECOUNT,
    ]:
        schema_editor.execute(statement)


def keep_accents(apps, schema_editor) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    for statement in [
        DOCUMENT.format(config="english"),
        REINDEX,
        *RECOUNT,
        "DROP TEXT SEARCH CONFIGURATION readingroom_english",
    ]:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("articles", "0007_search_word_counts")]

    operations = [migrations.RunPython(fold_accents, keep_accents)]
