"""The editors' workbench: outlets, topics and clippings."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.admin.widgets import AdminTextareaWidget, AdminTextInputWidget
from django.db import models, transaction
from django.db.models import Exists, F, Func, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce, Lower
from django.http import HttpRequest
from django.urls import URLPattern, path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.http import urlencode
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .models import Article, ArticleQuerySet, Outlet, Tag, make_slug
from .paste import paste_view

# A couple of screens of clippings: enough to select a day's batch for a bulk action.
ADMIN_ROWS_PER_PAGE = 50


def count_of(queryset: models.QuerySet) -> Subquery:
    """How many distinct rows `queryset` has, as a correlated subquery for annotate().

    A subquery rather than Count() over a join: it stays right when the outer query also
    joins (search, filters) and costs one index lookup per listed row, not a scan of every
    clipping before the page is cut.
    """
    counted = queryset.order_by().annotate(
        n=Func(
            F("pk"),
            function="COUNT",
            template="%(function)s(DISTINCT %(expressions)s)",
            output_field=models.IntegerField(),
        )
    )
    return Subquery(counted.values("n"), output_field=models.IntegerField())


def clippings_link(count: int, **params: int) -> str:
    """The count as a link to the clippings changelist narrowed to what was counted."""
    url = reverse("admin:articles_article_changelist")
    return format_html('<a href="{}?{}">{}</a>', url, urlencode(params), count)


def tree_order(tags: Iterable[Tag]) -> list[Tag]:
    """Topics with each parent followed by its sub-topics, each level alphabetical."""
    tags = list(tags)
    children: dict[int, list[Tag]] = {}
    for tag in tags:
        if tag.parent_id is not None:
            children.setdefault(tag.parent_id, []).append(tag)
    ordered = []
    for root in sorted((t for t in tags if t.parent_id is None), key=lambda t: t.name.lower()):
        ordered.append(root)
        ordered.extend(sorted(children.get(root.pk, []), key=lambda t: t.name.lower()))
    return ordered


class TopicListFilter(admin.SimpleListFilter):
    """Filter clippings by topic; a parent topic includes its sub-topics, as on the site."""

    title = _("topic")
    parameter_name = "topic"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list[tuple[str, str]]:
        tags = tree_order(Tag.objects.select_related("parent"))
        # Worked out here, once, so queryset() runs no query of its own: with facets shown
        # it is called once per topic.
        self.topic_ids: dict[str, list[int]] = {}
        for tag in tags:
            self.topic_ids[str(tag.pk)] = [tag.pk]
            if tag.parent_id is not None:
                self.topic_ids[str(tag.parent_id)].append(tag.pk)
        return [(str(tag.pk), tag.full_name) for tag in tags]

    def queryset(self, request: HttpRequest, queryset: ArticleQuerySet) -> ArticleQuerySet:
        if self.value() is None:
            return queryset
        ids = self.topic_ids.get(self.value())
        if ids is None:
            # A stale or hand-typed topic id matches nothing rather than everything.
            return queryset.none()
        # An id subquery instead of a join + DISTINCT, which would have to compare every
        # selected column, bodies included, on a large table.
        tagged = Article.objects.filter(tags__in=ids).values("pk")
        return queryset.filter(pk__in=tagged)


class ParentTopicListFilter(admin.SimpleListFilter):
    title = _("parent topic")
    parameter_name = "parent"
    TOP_LEVEL = "none"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list[tuple[str, str]]:
        parents = Tag.objects.roots().filter(Exists(Tag.objects.filter(parent=OuterRef("pk"))))
        return [
            (self.TOP_LEVEL, _("None (top-level topics)")),
            *((str(tag.pk), tag.name) for tag in parents.order_by(Lower("name"))),
        ]

    def queryset(self, request: HttpRequest, queryset: models.QuerySet) -> models.QuerySet:
        value = self.value()
        if value is None:
            return queryset
        if value == self.TOP_LEVEL:
            return queryset.filter(parent__isnull=True)
        if value.isdigit():
            return queryset.filter(parent_id=int(value))
        return queryset.none()


class CollectionAdmin(admin.ModelAdmin):
    def formfield_for_dbfield(
        self, db_field: models.Field, request: HttpRequest, **kwargs
    ) -> forms.Field | None:
        if isinstance(db_field, models.URLField):
            # Sources are HTTPS nowadays, and Django 6.0 makes this the default anyway.
            kwargs.setdefault("assume_scheme", "https")
        return super().formfield_for_dbfield(db_field, request, **kwargs)


@admin.register(Outlet)
class OutletAdmin(CollectionAdmin):
    list_display = ["name", "kind", "slug", "language", "country", "clippings"]
    list_filter = ["kind"]
    # Aliases too: the clipping form's outlet autocomplete searches here, and editors type
    # the spelling they see in the source line.
    search_fields = ["name", "aliases"]
    prepopulated_fields = {"slug": ("name",)}
    fields = ["name", "slug", "aliases", "kind", "language", "country", "website", "description"]

    def get_queryset(self, request: HttpRequest) -> models.QuerySet:
        articles = Article.objects.filter(outlet=OuterRef("pk"))
        return super().get_queryset(request).annotate(clipping_count=count_of(articles))

    @admin.display(description=_("clippings"), ordering="clipping_count")
    def clippings(self, obj: Outlet) -> str:
        return clippings_link(obj.clipping_count, outlet__id__exact=obj.pk)


@admin.register(Tag)
class TagAdmin(CollectionAdmin):
    list_display = ["topic", "parent", "clippings"]
    list_filter = [ParentTopicListFilter]
    # The parent's name too, so typing "Security" in the clipping form's topic box also
    # offers "Security › Okinawa".
    search_fields = ["name", "parent__name", "keywords"]
    prepopulated_fields = {"slug": ("name",)}
    fields = ["name", "slug", "parent", "description", "keywords"]
    # Each parent directly followed by its sub-topics, here and in the autocomplete. (No plain
    # "parent" term: the changelist would then mark the Parent column as the sorted one.)
    ordering = [
        Lower(Coalesce("parent__name", "name")),
        F("parent__name").asc(nulls_first=True),
        Lower("name"),
    ]

    def get_queryset(self, request: HttpRequest) -> models.QuerySet:
        # A parent topic's count includes its sub-topics' clippings, like its public page.
        articles = Article.objects.filter(Q(tags=OuterRef("pk")) | Q(tags__parent=OuterRef("pk")))
        return (
            super()
            .get_queryset(request)
            .select_related("parent")
            .annotate(clipping_count=count_of(articles))
        )

    def formfield_for_foreignkey(
        self, db_field: models.ForeignKey, request: HttpRequest, **kwargs
    ) -> forms.ModelChoiceField | None:
        if db_field.name == "parent":
            # Only a top-level topic can be a parent, so only those are offered; Tag.clean()
            # still rejects the cases a list cannot rule out (itself, a topic with children).
            kwargs["queryset"] = Tag.objects.roots().order_by(Lower("name"))
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    @admin.display(description=_("topic"))
    def topic(self, obj: Tag) -> str:
        return obj.full_name

    @admin.display(description=_("clippings"), ordering="clipping_count")
    def clippings(self, obj: Tag) -> str:
        return clippings_link(obj.clipping_count, topic=obj.pk)


class ArticleAdminForm(forms.ModelForm):
    def clean(self) -> dict:
        cleaned = super().clean()
        # Article.save() would fill a blank slug, but the form checks the non-empty slug
        # constraint before saving; without JavaScript the slug box arrives empty.
        if not cleaned.get("slug") and cleaned.get("title"):
            cleaned["slug"] = make_slug(cleaned["title"])
        return cleaned


@admin.register(Article)
class ArticleAdmin(CollectionAdmin):
    form = ArticleAdminForm
    list_display = [
        "title",
        "outlet",
        "published_on",
        "page",
        "kind",
        "status",
        "publish_at",
    ]
    list_select_related = ["outlet"]
    list_filter = ["outlet", TopicListFilter, "status", "kind", "edition"]
    date_hierarchy = "published_on"
    search_fields = ["title", "original_title", "body"]
    search_help_text = _("Searches the headline, the original headline and the text.")
    autocomplete_fields = ["outlet", "tags"]
    prepopulated_fields = {"slug": ("title",)}
    radio_fields = {"status": admin.HORIZONTAL}
    readonly_fields = ["created_at", "updated_at"]
    fieldsets = [
        (_("Source"), {"fields": ["outlet", "published_on", "edition", "page", "position"]}),
        (
            _("Text"),
            {
                "fields": [
                    "title",
                    "slug",
                    "kind",
                    "body",
                    "original_title",
                    "original_language",
                ]
            },
        ),
        (_("Translation"), {"fields": ["translator", "translator_notes", "source_url"]}),
        (_("Topics"), {"fields": ["tags"]}),
        (_("Publication"), {"fields": ["status", "publish_at", "created_at", "updated_at"]}),
    ]
    actions = ["publish", "unpublish"]
    list_per_page = ADMIN_ROWS_PER_PAGE
    # Counting every clipping on each page load is the slowest query on a large table.
    show_full_result_count = False
    save_on_top = True

    def get_urls(self) -> list[URLPattern]:
        # The "Paste a clipping" page (articles/paste.py), linked from the changelist.
        paste = path(
            "paste/",
            self.admin_site.admin_view(partial(paste_view, model_admin=self)),
            name="articles_article_paste",
        )
        return [paste, *super().get_urls()]

    def view_on_site(self, obj: Article) -> str | None:
        # A draft or scheduled clipping has no public page yet; a link would lead to a 404.
        return obj.get_absolute_url() if obj.is_public else None

    def formfield_for_dbfield(
        self, db_field: models.Field, request: HttpRequest, **kwargs
    ) -> forms.Field | None:
        if db_field.name == "body":
            # Clippings run to several thousand words; the default box shows ten lines.
            kwargs["widget"] = AdminTextareaWidget(attrs={"rows": 24})
        elif db_field.name in ("title", "original_title"):
            # Headlines run long; the default box shows barely half of a typical one.
            kwargs["widget"] = AdminTextInputWidget(attrs={"class": "vLargeTextField"})
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    @admin.action(description=_("Publish selected clippings"), permissions=["change"])
    def publish(self, request: HttpRequest, queryset: ArticleQuerySet) -> None:
        now = timezone.now()
        with transaction.atomic():
            drafts = list(
                queryset.filter(status=Article.Status.DRAFT).values_list("pk", "publish_at")
            )
            scheduled = [pk for pk, publish_at in drafts if publish_at > now]
            due = [pk for pk, publish_at in drafts if publish_at <= now]
            # A future time is an editor's schedule and stays. A past one is only the moment
            # the draft was started, so the clipping becomes public, and is dated, now.
            Article.objects.filter(pk__in=scheduled).update(
                status=Article.Status.PUBLISHED, updated_at=now
            )
            Article.objects.filter(pk__in=due).update(
                status=Article.Status.PUBLISHED, publish_at=now, updated_at=now
            )
            self.log_bulk_change(request, scheduled, ["status"])
            self.log_bulk_change(request, due, ["status", "publish_at"])

        if not drafts:
            self.message_user(
                request,
                _("No clipping changed: none of those selected was a draft."),
                messages.WARNING,
            )
            return
        message = ngettext(
            "Published %(count)d clipping.", "Published %(count)d clippings.", len(drafts)
        ) % {"count": len(drafts)}
        if scheduled:
            message += " " + ngettext(
                "%(count)d of them is scheduled and becomes public at its set time.",
                "%(count)d of them are scheduled and become public at their set times.",
                len(scheduled),
            ) % {"count": len(scheduled)}
        self.message_user(request, message, messages.SUCCESS)

    @admin.action(
        description=_("Unpublish selected clippings (back to draft)"), permissions=["change"]
    )
    def unpublish(self, request: HttpRequest, queryset: ArticleQuerySet) -> None:
        now = timezone.now()
        with transaction.atomic():
            published = list(
                queryset.filter(status=Article.Status.PUBLISHED).values_list("pk", flat=True)
            )
            Article.objects.filter(pk__in=published).update(
                status=Article.Status.DRAFT, updated_at=now
            )
            self.log_bulk_change(request, published, ["status"])

        if not published:
            self.message_user(
                request,
                _("No clipping changed: none of those selected was published."),
                messages.WARNING,
            )
            return
        self.message_user(
            request,
            ngettext(
                "Moved %(count)d clipping back to draft.",
                "Moved %(count)d clippings back to draft.",
                len(published),
            )
            % {"count": len(published)},
            messages.SUCCESS,
        )

    def log_bulk_change(self, request: HttpRequest, pks: list[int], fields: list[str]) -> None:
        """Record a bulk change in each clipping's history, as a form save would."""
        if not pks:
            return
        labels = [str(capfirst(Article._meta.get_field(name).verbose_name)) for name in fields]
        LogEntry.objects.log_actions(
            user_id=request.user.pk,
            queryset=Article.objects.filter(pk__in=pks).only("pk", "title"),
            action_flag=CHANGE,
            change_message=[{"changed": {"fields": labels}}],
        )
