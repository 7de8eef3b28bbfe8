"""How many clippings each word of the PostgreSQL search index is in, as of the last refresh.

PostgreSQL's own statistics on the search vector name only its thousand most common words; any
word in fewer than about 8 % of the clippings looks alike to the planner, and to the search,
which reads the newest matches in date slices sized for a common word. With these counts a
search knows a rare word from a word in 1 % before it reads a row (articles/search/postgres.py).
They are a guide, not a result: a stale or missing count costs a search speed, never a match.
`manage.py refresh_search_statistics` (and `seed_demo`) fill the table; SQLite's FTS5 index
keeps its counts itself, so nothing is made there.
"""

from django.db import migrations

CREATE = (
    "CREATE TABLE articles_search_word ("
    "lexeme text PRIMARY KEY, documents integer NOT NULL CHECK (documents >= 0))"
)
DROP = "DROP TABLE IF EXISTS articles_search_word"


def create(apps, schema_editor) -> None:
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop(apps, schema_editor) -> None:
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("articles", "0006_deferrable_search_indexing")]

    operations = [migrations.RunPython(create, drop)]
