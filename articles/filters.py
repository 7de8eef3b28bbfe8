"""The filters of the clipping list (/articles/). Their names are the query-string contract."""

from __future__ import annotations

from django import forms
from django.db.models import F, Q, QuerySet
from django.db.models.functions import Coalesce, Lower
from django.utils.translation import gettext_lazy as _
from django_filters import ChoiceFilter, DateFilter, FilterSet, ModelMultipleChoiceFilter
from django_filters.fields import ModelMultipleChoiceField

from .models import Article, Outlet, Tag

ISO_DATE = "%Y-%m-%d"


def _date_filter(lookup: str, label: str) -> DateFilter:
    return DateFilter(
        field_name="published_on",
        lookup_expr=lookup,
        label=label,
        # ISO only: a shared link must mean the same day whatever the reader's locale.
        input_formats=[ISO_DATE],
        widget=forms.DateInput(format=ISO_DATE, attrs={"type": "date"}),
        error_messages={"invalid": _("Enter a date as YYYY-MM-DD, e.g. 2015-11-10.")},
    )


def _topics_in_tree_order() -> QuerySet[Tag]:
    """Each top-level topic followed by its sub-topics, so the checkbox list reads as a tree."""
    return Tag.objects.select_related("parent").order_by(
        Coalesce(Lower("parent__name"), Lower("name")),
        F("parent").asc(nulls_first=True),
        Lower("name"),
    )


class SlugsField(ModelMultipleChoiceField):
    def clean(self, value: list[str] | None) -> QuerySet:
        # `?outlet=` (an emptied value in a hand-edited link) means "no outlet filter".
        return super().clean([slug for slug in value or [] if slug])


class SlugsFilter(ModelMultipleChoiceFilter):
    """Any of several objects named by slug; unknown slugs are form errors."""

    field_class = SlugsField


class ArticleFilterForm(forms.Form):
    def clean(self) -> dict:
        cleaned = super().clean()
        start, end = cleaned.get("from"), cleaned.get("to")
        if start and end and start > end:
            raise forms.ValidationError(
                _("The “from” date %(start)s is after the “to” date %(end)s."),
                params={"start": start.isoformat(), "end": end.isoformat()},
                code="reversed_dates",
            )
        return cleaned


class ArticleFilter(FilterSet):
    """Every filter is declared here, none generated, so the URL contract is explicit."""

    outlet = SlugsFilter(
        label=_("Outlet"),
        queryset=Outlet.objects.order_by("name"),
        to_field_name="slug",
        method="filter_outlet",
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("There is no outlet “%(value)s”.")},
    )
    topic = SlugsFilter(
        label=_("Topic"),
        queryset=_topics_in_tree_order(),
        to_field_name="slug",
        method="filter_topic",
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("There is no topic “%(value)s”.")},
    )
    # "from" is a Python keyword, so these two are put into the class namespace by name;
    # locals() in a class body is that namespace.
    locals()["from"] = _date_filter("gte", _("From"))
    locals()["to"] = _date_filter("lte", _("To"))
    kind = ChoiceFilter(
        label=_("Kind"),
        field_name="kind",
        choices=Article.Kind.choices,
        empty_label=_("Any kind"),
        error_messages={"invalid_choice": _("There is no kind of clipping “%(value)s”.")},
    )
    edition = ChoiceFilter(
        label=_("Edition"),
        field_name="edition",
        choices=Article.Edition.choices,
        empty_label=_("Any edition"),
        error_messages={"invalid_choice": _("There is no edition “%(value)s”.")},
    )

    class Meta:
        model = Article
        fields: list[str] = []
        form = ArticleFilterForm

    def filter_outlet(
        self, queryset: QuerySet[Article], name: str, value: list[Outlet]
    ) -> QuerySet[Article]:
        if not value:
            return queryset
        return queryset.filter(outlet__in=value)

    def filter_topic(
        self, queryset: QuerySet[Article], name: str, value: list[Tag]
    ) -> QuerySet[Article]:
        """Any of the topics; a top-level topic brings its sub-topics along."""
        if not value:
            return queryset
        links = Article.tags.through.objects.filter(
            Q(tag__in=value) | Q(tag__parent__in=value)
        ).values("article_id")
        # A subquery rather than a join, so a clipping in two chosen topics is listed once
        # without a DISTINCT over the whole list.
        return queryset.filter(pk__in=links)
