"""Revision history for clippings, outlets and topics, and the corrections log.

Only new tables, so the search triggers of 0003 need no suspending. Every row that exists when
history begins gets a first revision (a clipping's with its topics): without it, the first edit
of an existing clipping would keep only the new text, and the original would be lost.
"""

import django.db.models.deletion
import django.db.models.functions.text
import django.db.models.lookups
import django.utils.timezone
import simple_history.models
from django.conf import settings
from django.db import migrations, models

BATCH_SIZE = 1000
REASON = "First revision, taken when history began"


def batches(model):
    """Every row of `model` in primary key order, a batch at a time, without OFFSET."""
    last = None
    while True:
        rows = model.objects.order_by("pk")
        if last is not None:
            rows = rows.filter(pk__gt=last)
        rows = list(rows[:BATCH_SIZE])
        if not rows:
            return
        yield rows
        last = rows[-1].pk


def save_all(history, revisions, connection):
    if connection.features.can_return_rows_from_bulk_insert:
        return history.objects.bulk_create(revisions)
    # The topic rows below need each revision's id.
    for revision in revisions:
        revision.save()
    return revisions


def first_revisions(apps, schema_editor):
    from django.db import connection

    now = django.utils.timezone.now()
    for name in ("Outlet", "Tag", "Article"):
        model = apps.get_model("articles", name)
        history = apps.get_model("articles", f"Historical{name}")
        attnames = [field.attname for field in model._meta.concrete_fields]
        for rows in batches(model):
            revisions = save_all(
                history,
                [
                    history(
                        history_type="+",
                        # A clipping has been as it is since its last change.
                        history_date=getattr(row, "updated_at", now),
                        history_change_reason=REASON,
                        **{attname: getattr(row, attname) for attname in attnames},
                    )
                    for row in rows
                ],
                connection,
            )
            if name == "Article":
                copy_topics(apps, revisions)


def copy_topics(apps, revisions):
    links = apps.get_model("articles", "Article")._meta.get_field("tags").remote_field.through
    tag_history = apps.get_model("articles", "HistoricalArticle_tags")
    revision_of = {revision.id: revision for revision in revisions}
    tag_history.objects.bulk_create(
        tag_history(
            history=revision_of[article_id], id=link_id, article_id=article_id, tag_id=tag_id
        )
        for link_id, article_id, tag_id in links.objects.filter(
            article_id__in=list(revision_of)
        ).values_list("id", "article_id", "tag_id")
    )


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0003_search"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="HistoricalArticle",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "title",
                    models.CharField(
                        help_text="Translated headline.", max_length=300, verbose_name="headline"
                    ),
                ),
                ("slug", models.SlugField(blank=True, max_length=80)),
                (
                    "published_on",
                    models.DateField(
                        help_text="The date the outlet ran it.", verbose_name="source date"
                    ),
                ),
                (
                    "page",
                    models.CharField(
                        blank=True,
                        help_text='"5", "1", "22-25"; blank when unknown.',
                        max_length=20,
                    ),
                ),
                (
                    "edition",
                    models.CharField(
                        choices=[
                            ("unspecified", "Unspecified"),
                            ("morning", "Morning"),
                            ("evening", "Evening"),
                            ("online", "Online"),
                            ("weekly", "Weekly"),
                        ],
                        default="unspecified",
                        max_length=12,
                    ),
                ),
                (
                    "position",
                    models.CharField(
                        blank=True,
                        help_text='e.g. "Top play".',
                        max_length=120,
                        verbose_name="position note",
                    ),
                ),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("full", "Full translation"),
                            ("abridged", "Abridged translation"),
                            ("summary", "Summary"),
                            ("editorial", "Editorial"),
                            ("interview", "Interview"),
                            ("column", "Column"),
                            ("other", "Other"),
                        ],
                        default="full",
                        max_length=12,
                    ),
                ),
                (
                    "body",
                    models.TextField(
                        help_text="Plain text; separate paragraphs with a blank line."
                    ),
                ),
                (
                    "original_title",
                    models.CharField(blank=True, max_length=300, verbose_name="original headline"),
                ),
                (
                    "original_language",
                    models.CharField(
                        blank=True, default="ja", max_length=12, verbose_name="original language"
                    ),
                ),
                ("translator", models.CharField(blank=True, max_length=120)),
                (
                    "translator_notes",
                    models.TextField(blank=True, verbose_name="translator's notes"),
                ),
                (
                    "source_url",
                    models.URLField(blank=True, max_length=500, verbose_name="source URL"),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[("draft", "Draft"), ("published", "Published")],
                        default="draft",
                        max_length=10,
                    ),
                ),
                (
                    "publish_at",
                    models.DateTimeField(
                        default=django.utils.timezone.now,
                        help_text="A published clipping becomes public at this time.",
                    ),
                ),
                ("created_at", models.DateTimeField(blank=True, editable=False)),
                ("updated_at", models.DateTimeField(blank=True, editable=False)),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "outlet",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="articles.outlet",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical clipping",
                "verbose_name_plural": "historical clippings",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalArticle_tags",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("m2m_history_id", models.AutoField(primary_key=True, serialize=False)),
                (
                    "article",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_tablespace="",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="articles.article",
                    ),
                ),
                (
                    "history",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        to="articles.historicalarticle",
                    ),
                ),
                (
                    "tag",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_tablespace="",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="articles.tag",
                    ),
                ),
            ],
            options={
                "verbose_name": "HistoricalArticle_tags",
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalCorrection",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "created_at",
                    models.DateTimeField(
                        default=django.utils.timezone.now, verbose_name="corrected at"
                    ),
                ),
                (
                    "note",
                    models.TextField(
                        help_text="Public: readers see it on the clipping's page.",
                        verbose_name="what was corrected",
                    ),
                ),
                (
                    "changed_fields",
                    models.JSONField(blank=True, default=list, verbose_name="changed fields"),
                ),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "article",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="articles.article",
                        verbose_name="clipping",
                    ),
                ),
                (
                    "editor",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "historical correction",
                "verbose_name_plural": "historical corrections",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalOutlet",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("name", models.CharField(db_index=True, max_length=120)),
                ("slug", models.SlugField(max_length=80)),
                (
                    "aliases",
                    models.TextField(
                        blank=True,
                        help_text='Other spellings seen in source lines, one per line (e.g. "Nihon Keizai").',
                    ),
                ),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("national-daily", "National daily"),
                            ("regional-daily", "Regional daily"),
                            ("wire", "Wire service"),
                            ("broadcaster", "Broadcaster"),
                            ("weekly", "Weekly magazine"),
                            ("online", "Online"),
                            ("party-organ", "Party organ"),
                        ],
                        default="national-daily",
                        max_length=20,
                    ),
                ),
                (
                    "language",
                    models.CharField(default="ja", help_text="BCP 47 code, e.g. ja", max_length=12),
                ),
                ("country", models.CharField(default="Japan", max_length=60)),
                ("website", models.URLField(blank=True)),
                ("description", models.TextField(blank=True)),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "historical outlet",
                "verbose_name_plural": "historical outlets",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalTag",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("name", models.CharField(max_length=120)),
                ("slug", models.SlugField(max_length=80)),
                ("description", models.TextField(blank=True)),
                (
                    "keywords",
                    models.TextField(
                        blank=True,
                        help_text="Words or phrases, one per line, whose presence in a clipping suggests this topic.",
                    ),
                ),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "parent",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        help_text="Leave empty for a top-level topic. Topics nest two levels deep.",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="articles.tag",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical tag",
                "verbose_name_plural": "historical tags",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="Correction",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "created_at",
                    models.DateTimeField(
                        default=django.utils.timezone.now, verbose_name="corrected at"
                    ),
                ),
                (
                    "note",
                    models.TextField(
                        help_text="Public: readers see it on the clipping's page.",
                        verbose_name="what was corrected",
                    ),
                ),
                (
                    "changed_fields",
                    models.JSONField(blank=True, default=list, verbose_name="changed fields"),
                ),
                (
                    "article",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="corrections",
                        to="articles.article",
                        verbose_name="clipping",
                    ),
                ),
                (
                    "editor",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "ordering": ["-created_at", "-id"],
                "indexes": [
                    models.Index(fields=["-created_at", "-id"], name="correction_newest_idx")
                ],
                "constraints": [
                    models.CheckConstraint(
                        condition=django.db.models.lookups.GreaterThan(
                            django.db.models.functions.text.Length(
                                django.db.models.functions.text.Trim("note")
                            ),
                            0,
                        ),
                        name="correction_note_not_empty",
                    )
                ],
            },
        ),
        migrations.RunPython(first_revisions, migrations.RunPython.noop),
    ]
