"""The collection: outlets, topics and the clippings themselves."""

from __future__ import annotations

import datetime
import json
from collections import defaultdict
from collections.abc import Iterable

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import connections, models, router
from django.db.models import Prefetch, Q
from django.db.models.functions import Length, Lower, Trim
from django.db.models.lookups import GreaterThan
from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator, slugify
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords
from simple_history.utils import get_change_reason_from_object

SLUG_LENGTH = 80


def make_slug(text: str, fallback: str = "clipping") -> str:
    """A URL slug of at most SLUG_LENGTH characters that never comes out empty."""
    slug = slugify(text)[:SLUG_LENGTH].strip("-")
    return slug or fallback


class OutletKind(models.TextChoices):
    NATIONAL_DAILY = "national-daily", _("National daily")
    REGIONAL_DAILY = "regional-daily", _("Regional daily")
    WIRE = "wire", _("Wire service")
    BROADCASTER = "broadcaster", _("Broadcaster")
    WEEKLY = "weekly", _("Weekly magazine")
    ONLINE = "online", _("Online")
    PARTY_ORGAN = "party-organ", _("Party organ")


class ArticleStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


class ArticleEdition(models.TextChoices):
    UNSPECIFIED = "unspecified", _("Unspecified")
    MORNING = "morning", _("Morning")
    EVENING = "evening", _("Evening")
    ONLINE = "online", _("Online")
    WEEKLY = "weekly", _("Weekly")


class ArticleKind(models.TextChoices):
    FULL = "full", _("Full translation")
    ABRIDGED = "abridged", _("Abridged translation")
    SUMMARY = "summary", _("Summary")
    EDITORIAL = "editorial", _("Editorial")
    INTERVIEW = "interview", _("Interview")
    COLUMN = "column", _("Column")
    OTHER = "other", _("Other")


class Outlet(models.Model):
    Kind = OutletKind

    name = models.CharField(max_length=120, unique=True)
    slug = models.SlugField(max_length=SLUG_LENGTH, unique=True)
    aliases = models.TextField(
        blank=True,
        help_text=_('Other spellings seen in source lines, one per line (e.g. "Nihon Keizai").'),
    )
    kind = models.CharField(max_length=20, choices=Kind, default=Kind.NATIONAL_DAILY)
    language = models.CharField(max_length=12, default="ja", help_text=_("BCP 47 code, e.g. ja"))
    country = models.CharField(max_length=60, default="Japan")
    website = models.URLField(blank=True)
    description = models.TextField(blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(condition=~Q(name=""), name="outlet_name_not_empty"),
            models.CheckConstraint(condition=~Q(slug=""), name="outlet_slug_not_empty"),
            models.CheckConstraint(
                condition=Q(kind__in=OutletKind.values), name="outlet_kind_valid"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("articles:outlet-detail", args=[self.slug])

    @property
    def alias_list(self) -> list[str]:
        return [line.strip() for line in self.aliases.splitlines() if line.strip()]


class TagQuerySet(models.QuerySet):
    def roots(self) -> TagQuerySet:
        return self.filter(parent__isnull=True)


class Tag(models.Model):
    """A topic. Topics form a tree of at most two levels ("Security › Okinawa")."""

    name = models.CharField(max_length=120)
    slug = models.SlugField(max_length=SLUG_LENGTH, unique=True)
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        help_text=_("Leave empty for a top-level topic. Topics nest two levels deep."),
    )
    description = models.TextField(blank=True)
    keywords = models.TextField(
        blank=True,
        help_text=_(
            "Words or phrases, one per line, whose presence in a clipping suggests this topic."
        ),
    )

    objects = TagQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(condition=~Q(name=""), name="tag_name_not_empty"),
            models.CheckConstraint(condition=~Q(slug=""), name="tag_slug_not_empty"),
            models.UniqueConstraint(Lower("name"), "parent", name="tag_unique_name_per_parent"),
            # NULL parents never collide in a unique index, so top-level names need their own.
            models.UniqueConstraint(
                Lower("name"),
                condition=Q(parent__isnull=True),
                name="tag_unique_root_name",
            ),
        ]

    def __str__(self) -> str:
        return self.full_name

    def get_absolute_url(self) -> str:
        return reverse("articles:topic-detail", args=[self.slug])

    @property
    def full_name(self) -> str:
        if self.parent_id is None:
            return self.name
        return f"{self.parent.name} › {self.name}"

    @property
    def keyword_list(self) -> list[str]:
        return [line.strip() for line in self.keywords.splitlines() if line.strip()]

    def clean(self) -> None:
        if self.parent_id is None:
            return
        if self.pk is not None and self.parent_id == self.pk:
            raise ValidationError({"parent": _("A topic cannot be its own parent.")})
        if self.parent.parent_id is not None:
            raise ValidationError(
                {"parent": _("Topics nest two levels deep: choose a top-level topic as parent.")}
            )
        if self.pk is not None and self.children.exists():
            raise ValidationError(
                {"parent": _("This topic has sub-topics, so it must stay at the top level.")}
            )

    def descendant_ids(self) -> list[int]:
        """This topic and its sub-topics: a parent's page includes its children's clippings."""
        return [self.pk, *self.children.values_list("pk", flat=True)]


# Above this many topic links, SQLite pages a topic by walking the date index (filed_under()):
# about where scanning for a page's 21 matches starts to cost less than sorting all of them.
SQLITE_COMMON_TOPIC_LINKS = 1500


class TopicIds(models.Func):
    """A clipping's topic ids, read with its row by a correlated subquery on the link table:
    a list on PostgreSQL, "3,17" (or NULL) on SQLite. See topic_ids()."""

    output_field = models.Field()

    def __init__(self) -> None:
        super().__init__(models.F("pk"))

    def as_sql(self, compiler, connection, **extra_context):
        links = Article.tags.through._meta.db_table
        template = f"(SELECT group_concat(tag_id) FROM {links} WHERE article_id = %(expressions)s)"
        if connection.vendor == "postgresql":
            template = f"ARRAY(SELECT tag_id FROM {links} WHERE article_id = %(expressions)s)"
        return super().as_sql(compiler, connection, template=template, **extra_context)


def topic_ids(value: list[int] | str | None) -> list[int]:
    """What TopicIds reads, as a list on every database."""
    if not value:
        return []
    if isinstance(value, str):
        return [int(pk) for pk in value.split(",")]
    return list(value)


# The columns a clipping shows in a list: headline and address, source line, kind.
LIST_FIELDS = ("title", "slug", "outlet", "published_on", "page", "edition", "position", "kind")


class ArticleQuerySet(models.QuerySet):
    def published(self, now: datetime.datetime | None = None) -> ArticleQuerySet:
        """The one definition of public: published, and its publication time has come."""
        now = now or timezone.now()
        if connections[self.db].vendor == "sqlite":
            # Written `+publish_at` so that SQLite uses article_public_idx for the status
            # alone: with the time range too it picks that index for every list, reads all
            # public clippings through it and sorts them, instead of walking the newest-first
            # index and stopping after a page (0.2–0.3 s against a few milliseconds at 100,000
            # clippings). Feeds, newest publication first, still read the index in order.
            publish_at = models.Func(
                models.F("publish_at"),
                template="+%(expressions)s",
                output_field=models.DateTimeField(),
            )
            return self.filter(
                models.lookups.LessThanOrEqual(publish_at, now), status=Article.Status.PUBLISHED
            )
        return self.filter(status=Article.Status.PUBLISHED, publish_at__lte=now)

    def not_public(self, now: datetime.datetime | None = None) -> ArticleQuerySet:
        """Exactly the clippings published() leaves out: drafts, and those not public yet.

        For counting the public ones as all minus these: the hidden few are found through
        article_public_idx, where counting the public ones means reading a million rows.
        """
        now = now or timezone.now()
        other = [value for value in Article.Status.values if value != Article.Status.PUBLISHED]
        return self.filter(
            Q(status__in=other) | Q(status=Article.Status.PUBLISHED, publish_at__gt=now)
        )

    def with_related(self) -> ArticleQuerySet:
        """Load outlet and topics up front so templates never query."""
        return self.select_related("outlet").prefetch_related(
            Prefetch("tags", queryset=Tag.objects.select_related("parent"))
        )

    def for_listing(self) -> ArticleQuerySet:
        """Only the columns a list row shows (templatetags.listing), with its topic ids.

        The body is most of a row: reading it for twenty rows that never show it cost an outlet
        page half its query time at a million clippings (1.27 → 0.63 ms).
        """
        return self.only(*LIST_FIELDS).with_topic_ids()

    def with_topic_ids(self) -> ArticleQuerySet:
        """Each clipping with `topic_ids`, in the same query as its row: a list page's topic
        chips then cost no query of their own (views.attach_topics)."""
        return self.annotate(topic_ids=TopicIds())

    def in_topic(self, tag: Tag) -> ArticleQuerySet:
        """Clippings filed under `tag` or one of its sub-topics, each once."""
        return self.filed_under(tag.descendant_ids())

    def filed_under(self, tag_ids: Iterable[int]) -> ArticleQuerySet:
        """Clippings filed under any of these topics, each once (no sub-topics added).

        A subquery on the link table rather than a join and DISTINCT: PostgreSQL then walks
        the newest-first index and stops after a page (0.3 ms for the most used topic at a
        million clippings, against 19 ms sorting the joined rows), or reads a rare topic's
        few links first. SQLite makes one plan for both, reading every link and sorting the
        clippings (0.2 s for a topic in 60 % of 100,000): for a common topic it is told to
        walk the date index and check each clipping's links instead, which is as slow for a
        rare topic, hence the bounded count that tells them apart (one extra query).
        """
        links = self.model.tags.through.objects.filter(tag__in=list(tag_ids))
        if connections[self.db].vendor == "sqlite":
            common = links.values("pk")[:SQLITE_COMMON_TOPIC_LINKS].count()
            if common >= SQLITE_COMMON_TOPIC_LINKS:
                return self.filter(models.Exists(links.filter(article_id=models.OuterRef("pk"))))
        return self.filter(pk__in=links.values("article_id"))

    def newest_first(self) -> ArticleQuerySet:
        return self.order_by("-published_on", "-id")


class Article(models.Model):
    Status = ArticleStatus
    Edition = ArticleEdition
    Kind = ArticleKind

    title = models.CharField(_("headline"), max_length=300, help_text=_("Translated headline."))
    slug = models.SlugField(max_length=SLUG_LENGTH, blank=True)
    outlet = models.ForeignKey(Outlet, on_delete=models.PROTECT, related_name="articles")
    published_on = models.DateField(_("source date"), help_text=_("The date the outlet ran it."))
    page = models.CharField(
        max_length=20, blank=True, help_text=_('"5", "1", "22-25"; blank when unknown.')
    )
    edition = models.CharField(max_length=12, choices=Edition, default=Edition.UNSPECIFIED)
    position = models.CharField(
        _("position note"), max_length=120, blank=True, help_text=_('e.g. "Top play".')
    )
    kind = models.CharField(max_length=12, choices=Kind, default=Kind.FULL)
    body = models.TextField(help_text=_("Plain text; separate paragraphs with a blank line."))
    original_title = models.CharField(_("original headline"), max_length=300, blank=True)
    original_language = models.CharField(
        _("original language"), max_length=12, blank=True, default="ja"
    )
    translator = models.CharField(max_length=120, blank=True)
    translator_notes = models.TextField(_("translator's notes"), blank=True)
    source_url = models.URLField(_("source URL"), max_length=500, blank=True)
    tags = models.ManyToManyField(
        Tag, blank=True, related_name="articles", verbose_name=_("topics")
    )
    status = models.CharField(max_length=10, choices=Status, default=Status.DRAFT)
    publish_at = models.DateTimeField(
        default=timezone.now,
        help_text=_("A published clipping becomes public at this time."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ArticleQuerySet.as_manager()
    # Every change is kept as a revision, its topics included; see record_revisions() for
    # writes that bypass save().
    history = HistoricalRecords(m2m_fields=[tags])

    class Meta:
        ordering = ["-published_on", "-id"]
        verbose_name = _("clipping")
        verbose_name_plural = _("clippings")
        constraints = [
            models.UniqueConstraint(
                fields=["outlet", "published_on", "title"],
                name="article_unique_outlet_date_title",
            ),
            models.UniqueConstraint(
                fields=["source_url"],
                condition=~Q(source_url=""),
                name="article_unique_source_url",
            ),
            models.CheckConstraint(condition=~Q(title=""), name="article_title_not_empty"),
            models.CheckConstraint(condition=~Q(slug=""), name="article_slug_not_empty"),
            models.CheckConstraint(condition=~Q(body=""), name="article_body_not_empty"),
            models.CheckConstraint(
                condition=Q(status__in=ArticleStatus.values),
                name="article_status_valid",
            ),
            models.CheckConstraint(
                condition=Q(edition__in=ArticleEdition.values),
                name="article_edition_valid",
            ),
            models.CheckConstraint(
                condition=Q(kind__in=ArticleKind.values),
                name="article_kind_valid",
            ),
        ]
        indexes = [
            # Every public list is newest first; the id breaks ties for stable paging.
            models.Index(fields=["-published_on", "-id"], name="article_newest_idx"),
            models.Index(
                fields=["outlet", "-published_on", "-id"],
                name="article_outlet_newest_idx",
            ),
            # published() filters on both.
            models.Index(fields=["status", "publish_at"], name="article_public_idx"),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs) -> None:
        if not self.slug:
            self.slug = make_slug(self.title)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("articles:article-detail", args=[self.pk, self.slug])

    def clean(self) -> None:
        # Forms validate the slug before save() could fill it in.
        if not self.slug and self.title:
            self.slug = make_slug(self.title)

    @property
    def is_public(self) -> bool:
        return self.status == self.Status.PUBLISHED and self.publish_at <= timezone.now()

    @property
    def paragraphs(self) -> list[str]:
        text = self.body.replace("\r\n", "\n")
        return [part.strip() for part in text.split("\n\n") if part.strip()]

    @property
    def page_label(self) -> str:
        if not self.page:
            return ""
        return f"pp. {self.page}" if "-" in self.page else f"p. {self.page}"

    @property
    def citation(self) -> str:
        """The short source line readers quote: "Sankei, November 10, 2015, p. 5"."""
        parts = [self.outlet.name]
        if self.edition in (
            self.Edition.MORNING,
            self.Edition.EVENING,
            self.Edition.ONLINE,
        ):
            parts[0] = f"{self.outlet.name} ({self.get_edition_display().lower()} edition)"
        parts.append(f"{self.published_on:%B} {self.published_on.day}, {self.published_on.year}")
        if self.page_label:
            parts.append(self.page_label)
        return ", ".join(parts)


# What a clipping says and where it came from, as editors and imports write it: the fields the
# paste form offers, an import may change, and a collection's round trip must keep.
CLIPPING_FIELDS = (
    "title",
    "outlet",
    "published_on",
    "page",
    "edition",
    "position",
    "kind",
    "body",
    "original_title",
    "original_language",
    "translator",
    "translator_notes",
    "source_url",
)
PUBLICATION_FIELDS = ("status", "publish_at")


class Correction(models.Model):
    """A public note that a published clipping was corrected: when, why, and what changed."""

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="corrections", verbose_name=_("clipping")
    )
    created_at = models.DateTimeField(_("corrected at"), default=timezone.now)
    note = models.TextField(
        _("what was corrected"), help_text=_("Public: readers see it on the clipping's page.")
    )
    # Model field names ("title", "tags"), shown to readers as their labels ("headline").
    changed_fields = models.JSONField(_("changed fields"), default=list, blank=True)
    editor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    # Kept so that restoring a deleted clipping brings its corrections back too.
    history = HistoricalRecords()

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=GreaterThan(Length(Trim("note")), 0), name="correction_note_not_empty"
            ),
        ]
        indexes = [
            # The public log lists corrections newest first.
            models.Index(fields=["-created_at", "-id"], name="correction_newest_idx"),
        ]

    def __str__(self) -> str:
        return Truncator(self.note).chars(60)

    def get_absolute_url(self) -> str:
        return f"{self.article.get_absolute_url()}#correction-{self.pk}"

    @property
    def changed_field_labels(self) -> list[str]:
        """The changed fields as readers know them: "headline", not "title"."""
        labels = []
        for name in self.changed_fields:
            try:
                labels.append(str(Article._meta.get_field(name).verbose_name))
            except FieldDoesNotExist:
                # A field since renamed or removed still shows under its old name.
                labels.append(str(name))
        return labels


def record_revisions(
    articles: Iterable[Article],
    *,
    created: bool = False,
    user: models.Model | None = None,
    reason: str | None = None,
) -> models.QuerySet:
    """Write one revision per clipping, its topics included, copied from the saved rows.

    For writes that bypass save() and the topic signals (bulk_create, bulk_update, update(), the
    import's own inserts) and for saves that want one revision of the finished change rather
    than one for the row and another per topic added or removed. Call it after the rows and
    their topics are written. Returns the new revisions, oldest first, as an unevaluated
    queryset, so that a bulk caller that never looks at them never loads them.
    """
    history = Article.history.model
    articles = [article for article in articles if article.pk is not None]
    if not articles or not getattr(settings, "SIMPLE_HISTORY_ENABLED", True):
        return history.objects.none()
    # Who, why and when as simple_history's bulk_history_create decides them, instance
    # attributes first; the user defaults to the one the history middleware saw.
    now = timezone.now()
    groups: dict[tuple, list[int]] = defaultdict(list)
    for article in articles:
        who = getattr(article, "_history_user", user or history.get_default_history_user(article))
        why = get_change_reason_from_object(article) or reason
        when = getattr(article, "_history_date", now)
        groups[(getattr(who, "pk", None), why, when)].append(article.pk)

    # The database copies each revision from the saved row, and the topics from the saved
    # links: two statements for any number of clippings, and no row goes to Python and back.
    connection = connections[router.db_for_write(history)]
    if connection.vendor == "postgresql":
        in_ids, as_param = "= ANY(%s)", list
    else:
        in_ids, as_param = "IN (SELECT value FROM json_each(%s))", json.dumps
    q = connection.ops.quote_name

    def columns(model: type[models.Model], names: list[str], alias: str = "") -> str:
        prefix = f"{alias}." if alias else ""
        return ", ".join(prefix + q(model._meta.get_field(name).column) for name in names)

    revision, link, tag_revision = history, Article.tags.through, history.tags.model
    tracked = [field.name for field in history.tracked_fields]
    extra = ["history_date", "history_change_reason", "history_type", "history_user"]
    copy_rows = (
        f"INSERT INTO {q(revision._meta.db_table)} ({columns(revision, tracked + extra)}) "
        f"SELECT {columns(Article, tracked, 'a')}, %s, %s, %s, %s "
        f"FROM {q(Article._meta.db_table)} a WHERE a.{q(Article._meta.pk.column)} {in_ids} "
        f"RETURNING {q(revision._meta.pk.column)}"
    )
    copy_links = (
        f"INSERT INTO {q(tag_revision._meta.db_table)} "
        f"({columns(tag_revision, ['id', 'article', 'tag', 'history'])}) "
        f"SELECT {columns(link, ['id', 'article', 'tag'], 'l')}, h.{q(revision._meta.pk.column)} "
        f"FROM {q(revision._meta.db_table)} h JOIN {q(link._meta.db_table)} l "
        f"ON {columns(link, ['article'], 'l')} = {columns(revision, ['id'], 'h')} "
        f"WHERE h.{q(revision._meta.pk.column)} {in_ids}"
    )
    revision_ids: list[int] = []
    with connection.cursor() as cursor:
        for (user_id, why, when), ids in groups.items():
            when = connection.ops.adapt_datetimefield_value(when)
            kind = "+" if created else "~"
            cursor.execute(copy_rows, [when, why, kind, user_id, as_param(ids)])
            revision_ids.extend(row[0] for row in cursor.fetchall())
        cursor.execute(copy_links, [as_param(revision_ids)])
    return history.objects.filter(pk__in=revision_ids).order_by("pk")
