"""The editors' workbench: outlets, topics and clippings."""

from __future__ import annotations

import datetime
import difflib
import re
from collections.abc import Iterable
from functools import partial

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.admin.utils import unquote
from django.contrib.admin.widgets import AdminTextareaWidget, AdminTextInputWidget
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import IntegrityError, models, transaction
from django.db.models import Exists, F, Func, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce, Lower
from django.forms.models import model_to_dict
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseNotAllowed,
    HttpResponseRedirect,
)
from django.template.response import TemplateResponse
from django.urls import URLPattern, path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import escape, format_html
from django.utils.http import urlencode
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin
from simple_history.models import to_historic

from .cache import collection_changed
from .models import (
    Article,
    ArticleQuerySet,
    Correction,
    Outlet,
    Tag,
    make_slug,
    record_revisions,
)
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


_ID = re.compile(r"[0-9]{1,18}")


def is_id(value: str) -> bool:
    """Whether a URL part can be a row id; anything else is a 404, never a database error."""
    return _ID.fullmatch(value) is not None


class CollectionAdmin(SimpleHistoryAdmin):
    """Every change is kept: the History page lists revisions and can revert to any of them.

    Viewing history needs the view or change permission, reverting the change permission.
    """

    def formfield_for_dbfield(
        self, db_field: models.Field, request: HttpRequest, **kwargs
    ) -> forms.Field | None:
        if isinstance(db_field, models.URLField):
            # Sources are HTTPS nowadays, and Django 6.0 makes this the default anyway.
            kwargs.setdefault("assume_scheme", "https")
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def history_view(
        self, request: HttpRequest, object_id: str, extra_context: dict | None = None
    ) -> HttpResponse:
        # simple-history looks the id up as typed: "abc" would be a server error.
        if not is_id(unquote(object_id)):
            raise Http404
        return super().history_view(request, object_id, extra_context)

    def history_form_view(
        self,
        request: HttpRequest,
        object_id: str,
        version_id: str,
        extra_context: dict | None = None,
    ) -> HttpResponse:
        if not (is_id(unquote(object_id)) and is_id(version_id)):
            raise Http404
        exists = self.model._default_manager.filter(pk=unquote(object_id)).exists()
        if not exists and not self.has_delete_permission(request):
            # Reverting a deleted row brings it back, which is for those who may delete.
            raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)


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


def comparable(value: object) -> object:
    """A field value as a reader would compare it.

    Browsers send text boxes with CRLF line ends and the admin's time boxes drop
    microseconds, so neither counts as a change; related rows compare by id.
    """
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, list | set | frozenset | models.QuerySet):
        return frozenset(item.pk if isinstance(item, models.Model) else item for item in value)
    if isinstance(value, str):
        return value.replace("\r\n", "\n")
    if isinstance(value, datetime.datetime):
        return value.replace(microsecond=0)
    return value


def restored_reason(revision: models.Model) -> str:
    when = date_format(timezone.localtime(revision.history_date), "DATETIME_FORMAT")
    # The history table keeps at most 100 characters of reason.
    return gettext("Restored the version of %(when)s") % {"when": when}


class ArticleAdminForm(forms.ModelForm):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        historic = to_historic(self.instance)
        if historic is not None and "tags" in self.fields:
            # The revert form shows a past version, so it shows that version's topics too
            # (those that still exist), not today's.
            self.initial["tags"] = list(
                Tag.objects.filter(pk__in=historic.tags.values("tag_id")).values_list(
                    "pk", flat=True
                )
            )

    def clean(self) -> dict:
        cleaned = super().clean()
        # Article.save() would fill a blank slug, but the form checks the non-empty slug
        # constraint before saving; without JavaScript the slug box arrives empty.
        if not cleaned.get("slug") and cleaned.get("title"):
            cleaned["slug"] = make_slug(cleaned["title"])
        return cleaned

    def save(self, commit: bool = True) -> Article:
        # Left alone, saving the row and then its topics would write a revision for the row
        # and another for each topic added or removed; _save_m2m() writes one revision of
        # the finished change instead.
        self.creating = self.instance._state.adding
        self.instance.skip_history_when_saving = True
        historic = to_historic(self.instance)
        if historic is not None:
            self.instance._change_reason = restored_reason(historic)
        return super().save(commit)

    def _save_m2m(self) -> None:
        super()._save_m2m()
        del self.instance.skip_history_when_saving
        # The user is the one SimpleHistoryAdmin.save_model() put on the instance.
        [self.revision] = record_revisions([self.instance], created=self.creating)


class ArticleChangeForm(ArticleAdminForm):
    """The change form of a published clipping: a change can be published as a correction."""

    is_correction = forms.BooleanField(
        label=_("This change is a correction"),
        required=False,
        help_text=_(
            "Tick when the change fixes a mistake readers may have seen. The note below then "
            "appears on the clipping's page and in the public corrections log."
        ),
    )
    correction_note = forms.CharField(
        label=_("What was corrected"),
        required=False,
        max_length=1000,
        widget=AdminTextareaWidget(attrs={"rows": 3}),
        help_text=_(
            "Public. One or two sentences, e.g. “The minister's name was misspelt in the "
            "second paragraph.”"
        ),
    )

    def clean(self) -> dict:
        cleaned = super().clean()
        self.corrected_fields: list[str] = []
        note = cleaned.get("correction_note", "")
        if not cleaned.get("is_correction"):
            if note:
                # A note typed but not ticked would otherwise vanish without a word.
                self.add_error(
                    "is_correction",
                    _("Tick this box to publish the note below, or clear the note."),
                )
            return cleaned
        if not note:
            self.add_error("correction_note", _("Say what was corrected: readers see this note."))
        saved = Article.objects.filter(pk=self.instance.pk).first()
        if saved is None or saved.status != Article.Status.PUBLISHED:
            self.add_error(
                "is_correction",
                _("Only a published clipping takes corrections; a draft can simply be edited."),
            )
            return cleaned
        self.corrected_fields = self.changes_from(saved)
        if not self.corrected_fields:
            self.add_error(
                "is_correction",
                _("Nothing was changed, so there is no correction to record."),
            )
        return cleaned

    def changes_from(self, saved: Article) -> list[str]:
        """The model fields this form changes on the saved clipping, in the form's order."""
        before = model_to_dict(saved, fields=list(self.fields))
        return [
            name
            for name in self.fields
            if name in before
            and comparable(before[name]) != comparable(self.cleaned_data.get(name))
        ]

    def _save_m2m(self) -> None:
        super()._save_m2m()
        if self.cleaned_data.get("is_correction"):
            Correction.objects.create(
                article=self.instance,
                created_at=self.revision.history_date,
                note=self.cleaned_data["correction_note"],
                changed_fields=self.corrected_fields,
                editor=self.revision.history_user,
            )


CORRECTION_FIELDSET = (
    _("Correction"),
    {
        "fields": ["is_correction", "correction_note"],
        "description": _(
            "For a published clipping only. Fixing a typo nobody would misread needs no "
            "correction; changing a name, a number or a meaning does."
        ),
    },
)


def takes_corrections(obj: Article) -> bool:
    """Whether the saved clipping behind this form is published (a revert form's instance is
    a past version, so its own status says nothing about today's)."""
    if not hasattr(obj, "_takes_corrections"):
        if to_historic(obj) is None:
            status = obj.status
        else:
            status = Article.objects.filter(pk=obj.pk).values_list("status", flat=True).first()
        obj._takes_corrections = status == Article.Status.PUBLISHED
    return obj._takes_corrections


# --- Comparing revisions ----------------------------------------------------------------------

_WORDS = re.compile(r"\w+|[^\w\s]|\s+")


def _marked(tag: str, text: str) -> str:
    return format_html("<{}>{}</{}>", tag, text, tag) if text else ""


def _word_diff(old: str, new: str) -> str:
    old_words, new_words = _WORDS.findall(old), _WORDS.findall(new)
    parts = []
    matcher = difflib.SequenceMatcher(None, old_words, new_words, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            parts.append(escape("".join(old_words[i1:i2])))
            continue
        parts.append(_marked("del", "".join(old_words[i1:i2])))
        parts.append(_marked("ins", "".join(new_words[j1:j2])))
    return "".join(parts)


def text_diff(old: str, new: str) -> SafeString:
    """The new text with deletions in <del> and insertions in <ins>, everything escaped.

    Lines (paragraphs) are matched first, then words within the lines that changed, so a
    long clipping diffs quickly and an edited paragraph shows which words changed.
    """
    old_lines = comparable(old or "").splitlines(keepends=True)
    new_lines = comparable(new or "").splitlines(keepends=True)
    parts = []
    matcher = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        old_part, new_part = "".join(old_lines[i1:i2]), "".join(new_lines[j1:j2])
        if op == "equal":
            parts.append(escape(old_part))
        elif op == "replace":
            parts.append(_word_diff(old_part, new_part))
        else:
            parts.append(_marked("del", old_part) + _marked("ins", new_part))
    # Every piece was escaped or built by format_html above.
    return mark_safe("".join(parts))


COMPARED_FIELDS = [
    field for field in Article._meta.fields if field.editable and not field.primary_key
]


def revision_values(revisions: list[models.Model]) -> dict[int, dict[str, object]]:
    """{history_id: {field name: value}} for these revisions, topics as a set of ids."""
    tags: dict[int, set[int]] = {revision.history_id: set() for revision in revisions}
    tag_history = Article.history.model.tags.model
    for history_id, tag_id in tag_history.objects.filter(history_id__in=list(tags)).values_list(
        "history_id", "tag_id"
    ):
        tags[history_id].add(tag_id)
    return {
        revision.history_id: {
            **{field.name: getattr(revision, field.attname) for field in COMPARED_FIELDS},
            "tags": tags[revision.history_id],
        }
        for revision in revisions
    }


def changed_names(old: dict[str, object], new: dict[str, object]) -> list[str]:
    return [name for name in new if comparable(old.get(name)) != comparable(new[name])]


def field_label(name: str) -> str:
    return capfirst(Article._meta.get_field(name).verbose_name)


def _display(name: str, value: object, outlets: dict, tags: dict) -> str:
    field = Article._meta.get_field(name)
    if name == "outlet":
        outlet = outlets.get(value)
        return str(outlet) if outlet else gettext("deleted outlet #%(id)s") % {"id": value}
    if name == "tags":
        names = sorted(str(tags[pk]) for pk in value if pk in tags)
        gone = len([pk for pk in value if pk not in tags])
        if gone:
            names.append(ngettext("%d deleted topic", "%d deleted topics", gone) % gone)
        return ", ".join(names) or "—"
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, datetime.datetime):
        return date_format(timezone.localtime(value), "DATETIME_FORMAT")
    if isinstance(value, datetime.date):
        return date_format(value, "DATE_FORMAT")
    return "" if value is None else str(value)


def compare_rows(old: dict[str, object], new: dict[str, object]) -> list[dict]:
    """One row per changed field: its label, both values, and a word diff if it is text."""
    names = changed_names(old, new)
    outlets = Outlet.objects.in_bulk({old.get("outlet"), new.get("outlet")} - {None})
    tags = (
        Tag.objects.select_related("parent").in_bulk(old["tags"] | new["tags"])
        if "tags" in names
        else {}
    )
    rows = []
    for name in names:
        row = {
            "name": name,
            "label": field_label(name),
            "old": _display(name, old.get(name), outlets, tags),
            "new": _display(name, new[name], outlets, tags),
            "diff": None,
        }
        field = Article._meta.get_field(name)
        if isinstance(field, models.CharField | models.TextField) and not field.choices:
            row["diff"] = text_diff(old.get(name) or "", new[name] or "")
        rows.append(row)
    return rows


# --- Bringing back deleted clippings ------------------------------------------------------------


class RestoreRefused(Exception):
    """A deleted clipping cannot come back as it was; the message says why."""


def deleted_clippings() -> models.QuerySet:
    """The deletion revision of every clipping that is deleted now, latest first."""
    return (
        Article.history.latest_of_each()
        .filter(history_type="-")
        .exclude(Exists(Article.objects.filter(pk=OuterRef("id"))))
        .select_related("outlet", "history_user")
        .order_by("-history_date", "-history_id")
    )


def restore_deleted(deletion: models.Model, user: models.Model) -> Article:
    """Recreate a deleted clipping with its id, fields, topics and corrections."""
    article = deletion.instance
    if not Outlet.objects.filter(pk=article.outlet_id).exists():
        raise RestoreRefused(gettext("Its outlet has been deleted too; restore the outlet first."))
    clash = Q(outlet_id=article.outlet_id, published_on=article.published_on, title=article.title)
    if article.source_url:
        clash |= Q(source_url=article.source_url)
    other = Article.objects.filter(clash).first()
    if other is not None:
        raise RestoreRefused(
            gettext("Clipping #%(id)s now has the same outlet, date and headline or source URL.")
            % {"id": other.pk}
        )
    # Deleting removes the topic links before the deletion revision is taken, so the topics
    # are those of the last revision before it.
    last = (
        Article.history.filter(id=article.pk, history_date__lte=deletion.history_date)
        .exclude(history_type="-")
        .first()
    )
    tag_ids = []
    if last is not None:
        tag_ids = list(
            Tag.objects.filter(pk__in=last.tags.values("tag_id")).values_list("pk", flat=True)
        )
    users = get_user_model().objects
    try:
        with transaction.atomic():
            article.skip_history_when_saving = True
            article.save(force_insert=True)
            # auto_now_add stamped it with today; it was first saved long ago.
            Article.objects.filter(pk=article.pk).update(created_at=deletion.created_at)
            article.created_at = deletion.created_at
            article.tags.set(tag_ids)
            del article.skip_history_when_saving
            record_revisions(
                [article], created=True, user=user, reason=gettext("Restored after deletion")
            )
            corrections = (
                Correction.history.filter(article_id=article.pk)
                .latest_of_each()
                .filter(history_type="-")
            )
            for revision in corrections:
                correction = revision.instance
                if correction.editor_id and not users.filter(pk=correction.editor_id).exists():
                    correction.editor_id = None
                correction._history_user = user
                correction.save(force_insert=True)
    except IntegrityError as error:
        raise RestoreRefused(
            gettext("The database refused it: %(error)s") % {"error": error}
        ) from error
    return article


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
    object_history_template = "admin/articles/article/object_history.html"
    object_history_list_template = "admin/articles/article/object_history_list.html"
    history_list_per_page = 50

    def get_urls(self) -> list[URLPattern]:
        view = self.admin_site.admin_view
        return [
            # The "Paste a clipping" page (articles/paste.py), linked from the changelist.
            path(
                "paste/",
                view(partial(paste_view, model_admin=self)),
                name="articles_article_paste",
            ),
            path("deleted/", view(self.deleted_view), name="articles_article_deleted"),
            path(
                "deleted/<int:history_id>/restore/",
                view(self.undelete_view),
                name="articles_article_undelete",
            ),
            # Ahead of simple-history's "<id>/history/<version>/", which would take "compare".
            path(
                "<path:object_id>/history/compare/",
                view(self.compare_view),
                name="articles_article_compare",
            ),
            *super().get_urls(),
        ]

    def get_form(
        self, request: HttpRequest, obj: Article | None = None, change: bool = False, **kwargs
    ) -> type[forms.ModelForm]:
        if obj is not None and takes_corrections(obj):
            kwargs["form"] = ArticleChangeForm
        return super().get_form(request, obj, change, **kwargs)

    def get_fieldsets(self, request: HttpRequest, obj: Article | None = None) -> list:
        fieldsets = super().get_fieldsets(request, obj)
        if obj is not None and takes_corrections(obj):
            fieldsets = [*fieldsets, CORRECTION_FIELDSET]
        return fieldsets

    def changelist_view(
        self, request: HttpRequest, extra_context: dict | None = None
    ) -> HttpResponse:
        extra_context = {**(extra_context or {}), "can_restore": self.can_restore(request)}
        return super().changelist_view(request, extra_context)

    def can_restore(self, request: HttpRequest) -> bool:
        # Bringing a deleted clipping back is for those who may delete one.
        return self.has_delete_permission(request) and self.has_add_permission(request)

    # --- History, compare and revert ----------------------------------------------------------

    def history_form_view(
        self,
        request: HttpRequest,
        object_id: str,
        version_id: str,
        extra_context: dict | None = None,
    ) -> HttpResponse:
        if is_id(unquote(object_id)) and not Article.objects.filter(pk=unquote(object_id)).exists():
            if not self.can_restore(request):
                raise PermissionDenied
            # Reverting cannot bring back topics and corrections; the restore button can.
            self.message_user(
                request,
                _("This clipping is deleted. Restore it here first, then revert if need be."),
                messages.WARNING,
            )
            return HttpResponseRedirect(reverse("admin:articles_article_deleted"))
        return super().history_form_view(request, object_id, version_id, extra_context)

    def set_history_delta_changes(
        self, request: HttpRequest, historical_records: Iterable, foreign_keys_are_objs: bool = True
    ) -> None:
        """Name each revision's changed fields, in a fixed number of queries per page.

        simple-history's version diffs topics with two queries per row and prints both
        whole bodies; the compare page shows the text differences instead.
        """
        records = list(historical_records)
        if not records:
            return
        oldest = records[-1]
        before = (
            Article.history.filter(id=oldest.id)
            .filter(
                Q(history_date__lt=oldest.history_date)
                | Q(history_date=oldest.history_date, history_id__lt=oldest.history_id)
            )
            .first()
        )
        chain = [*records, *([before] if before else [])]
        values = revision_values(chain)
        for newer, older in zip(chain, chain[1:], strict=False):
            newer.changed_labels = [
                field_label(name)
                for name in changed_names(values[older.history_id], values[newer.history_id])
            ]
            newer.previous_id = older.history_id

    def compare_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        object_id = unquote(object_id)
        if not is_id(object_id):
            raise Http404
        revisions = Article.history.filter(id=object_id).select_related("history_user")
        latest = revisions.first()
        if latest is None:
            raise Http404
        article = Article.objects.filter(pk=object_id).first()
        if not self.has_view_history_or_change_history_permission(
            request, article or latest.instance
        ):
            raise PermissionDenied
        newer = self._revision(revisions, request.GET.get("to"), latest)
        older = self._revision(revisions, request.GET.get("from"), None)
        if older is not None and (older.history_date, older.history_id) > (
            newer.history_date,
            newer.history_id,
        ):
            older, newer = newer, older
        if older is None or older.history_id == newer.history_id:
            older = revisions.filter(
                Q(history_date__lt=newer.history_date)
                | Q(history_date=newer.history_date, history_id__lt=newer.history_id)
            ).first()
        rows = []
        if older is not None:
            values = revision_values([older, newer])
            rows = compare_rows(values[older.history_id], values[newer.history_id])
        request.current_app = self.admin_site.name
        context = {
            **self.admin_site.each_context(request),
            "title": _("Compare versions: %(clipping)s") % {"clipping": newer.title},
            "opts": self.model._meta,
            "object_id": object_id,
            "article": article,
            "older": older,
            "newer": newer,
            "rows": rows,
            "can_revert": article is not None
            and not self.revert_disabled(request, article)
            and self.has_change_permission(request, article),
        }
        return TemplateResponse(request, "admin/articles/article/compare.html", context)

    @staticmethod
    def _revision(revisions: models.QuerySet, raw: str | None, default: object) -> object:
        """The revision a query parameter names; a malformed or foreign id is a 404."""
        if raw is None or raw == "":
            return default
        if not is_id(raw):
            raise Http404
        revision = revisions.filter(history_id=int(raw)).first()
        if revision is None:
            raise Http404
        return revision

    # --- Deleted clippings ----------------------------------------------------------------------

    def deleted_view(self, request: HttpRequest) -> HttpResponse:
        if not self.can_restore(request):
            raise PermissionDenied
        page = Paginator(deleted_clippings(), ADMIN_ROWS_PER_PAGE).get_page(request.GET.get("p"))
        request.current_app = self.admin_site.name
        context = {
            **self.admin_site.each_context(request),
            "title": _("Deleted clippings"),
            "opts": self.model._meta,
            "page": page,
        }
        return TemplateResponse(request, "admin/articles/article/deleted_list.html", context)

    def undelete_view(self, request: HttpRequest, history_id: int) -> HttpResponse:
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if not self.can_restore(request):
            raise PermissionDenied
        deletion = deleted_clippings().filter(history_id=history_id).first()
        if deletion is None:
            self.message_user(
                request,
                _("That clipping is not deleted (any more); nothing was restored."),
                messages.WARNING,
            )
            return HttpResponseRedirect(reverse("admin:articles_article_deleted"))
        try:
            article = restore_deleted(deletion, request.user)
        except RestoreRefused as refusal:
            self.message_user(
                request,
                format_html(
                    "{} {}", _("“%(title)s” was not restored.") % {"title": deletion.title}, refusal
                ),
                messages.ERROR,
            )
            return HttpResponseRedirect(reverse("admin:articles_article_deleted"))
        self.log_addition(request, article, [{"added": {}}])
        self.message_user(
            request,
            format_html(
                '{} <a href="{}">{}</a>',
                _("Restored the clipping with its topics and corrections:"),
                reverse("admin:articles_article_change", args=[article.pk]),
                article.title,
            ),
            messages.SUCCESS,
        )
        return HttpResponseRedirect(reverse("admin:articles_article_change", args=[article.pk]))

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
            # update() sends no signals, so the revisions are written, and cached pages made
            # stale, here.
            record_revisions(Article.objects.filter(pk__in=scheduled + due), user=request.user)
            collection_changed()

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
            record_revisions(Article.objects.filter(pk__in=published), user=request.user)
            collection_changed()

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


@admin.register(Correction)
class CorrectionAdmin(CollectionAdmin):
    """Published corrections, for fixing a note's wording. Editors have no access: they write
    corrections on the clipping's own form, where the change and its note are saved together."""

    list_display = ["created_at", "article", "note", "changed", "editor"]
    list_select_related = ["article", "editor"]
    search_fields = ["note", "article__title"]
    date_hierarchy = "created_at"
    fields = ["article", "created_at", "changed_fields", "editor", "note"]
    readonly_fields = ["article", "created_at", "changed_fields", "editor"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    @admin.display(description=_("changed"))
    def changed(self, obj: Correction) -> str:
        return ", ".join(obj.changed_field_labels)
