"""An index on the topic links by topic, then clipping, for the browse pages at a million clippings.

A topic page, the topic filter and the search facets all ask "which clippings carry these topics";
with (tag_id, article_id) the answer comes from the index alone, without visiting the link table,
which is what makes the least-used topics' pages fast (docs/performance.md). Django's own index on
tag_id stays: it belongs to the foreign key, and dropping it would leave the migration state
describing an index that is not there.

The link table is the auto-created many-to-many table, which has no Meta of its own to declare an
index in, so this is SQL, the same on PostgreSQL and SQLite. Adding an index rebuilds no table, so
the search triggers of 0003 need no suspending.
"""

from django.db import migrations

CREATE = (
    "CREATE INDEX IF NOT EXISTS articles_article_tags_tag_article_idx "
    "ON articles_article_tags (tag_id, article_id)"
)
DROP = "DROP INDEX IF EXISTS articles_article_tags_tag_article_idx"


class Migration(migrations.Migration):
    dependencies = [("articles", "0004_history_and_corrections")]

    operations = [migrations.RunSQL(CREATE, DROP)]
