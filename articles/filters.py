"""The filters of the clipping list (/articles/, /search/). Their names are the query-string
contract; `read_list_query` reads them together with the search words and the order."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from urllib.parse import urlencode

from django import forms
from django.db.models import F, QuerySet
from django.db.models.functions import Coalesce, Lower
from django.http import HttpRequest, QueryDict
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_filters import ChoiceFilter, DateFilter, FilterSet, ModelMultipleChoiceFilter
from django_filters.fields import ModelMultipleChoiceField

from .cache import until_next_write
from .models import Article, Outlet, Tag
from .search import ParsedQuery, SearchOrder, get_search_backend, parse_query

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


def topics_in_tree_order() -> QuerySet[Tag]:
    """Each top-level topic followed by its sub-topics, so the checkbox list reads as a tree."""
    return Tag.objects.select_related("parent").order_by(
        Coalesce(Lower("parent__name"), Lower("name")),
        F("parent").asc(nulls_first=True),
        Lower("name"),
    )


# What a chosen outlet or topic needs to filter, to show as a chip and to be described.
_OUTLET_FIELDS = ["id", "name", "slug"]
_TAG_FIELDS = ["id", "name", "slug", "parent_id"]


def _known_slugs(queryset: QuerySet) -> dict[str, tuple]:
    """Every outlet or topic of the filter's choices by slug: its place in the choices' order
    and its values (a topic's with its parent's), kept until the next write.

    Checking the chosen slugs was a query per filter on every filtered list; the choices are
    the same few dozen rows for every page. Plain values are stored: they are cheaper to keep
    than models.
    """
    model = queryset.model

    def compute() -> dict[str, tuple]:
        known = {}
        for position, obj in enumerate(queryset):
            if model is Tag:
                parent = obj.parent
                values = (obj.pk, obj.name, obj.slug, obj.parent_id)
                parent_values = None if parent is None else (parent.pk, parent.name, parent.slug)
                known[obj.slug] = (position, values, parent_values)
            else:
                known[obj.slug] = (position, (obj.pk, obj.name, obj.slug), None)
        return known

    return until_next_write(f"filter-slugs-{model._meta.model_name}", compute)


class SlugsField(ModelMultipleChoiceField):
    def clean(self, value: list[str] | None) -> QuerySet | list[Outlet | Tag]:
        # `?outlet=` (an emptied value in a hand-edited link) means "no outlet filter".
        slugs = [slug for slug in value or [] if slug]
        if not slugs and not self.required:
            # Nothing chosen. The parent answers `queryset.none()`, and each page asks it
            # whether anything was chosen several times (chips, title, facets), each a trip
            # through the ORM's compiler: about 0.7 ms a page for the two fields.
            return []
        model = self.queryset.model
        if not slugs or model not in (Outlet, Tag):
            return super().clean(slugs)
        known = _known_slugs(self.queryset)
        if any(slug not in known for slug in slugs):
            # Not one of the choices: the field's own checks say what is wrong with it.
            return super().clean(slugs)
        self.run_validators(slugs)
        # As the field's own query gives them: once each, in the choices' order.
        chosen = sorted({known[slug] for slug in slugs}, key=lambda entry: entry[0])
        database = self.queryset.db
        objects = []
        for _position, values, parent_values in chosen:
            if model is Tag:
                obj = Tag.from_db(database, _TAG_FIELDS, values)
                if parent_values is not None:
                    obj.parent = Tag.from_db(database, _TAG_FIELDS, (*parent_values, None))
            else:
                obj = Outlet.from_db(database, _OUTLET_FIELDS, values)
            objects.append(obj)
        return objects


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
        queryset=topics_in_tree_order(),
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
        """Any of the topics; a top-level topic brings its sub-topics along.

        The sub-topics come from the kept topics, so the condition is on topic ids alone and
        filed_under() picks the plan the topic pages use. Matching the links by their topic's
        parent instead made SQLite read every link of the collection for each page (0.5 s at
        100,000 clippings).
        """
        if not value:
            return queryset
        chosen = {tag.pk for tag in value}
        known = _known_slugs(self.filters["topic"].queryset)
        children = {
            values[0] for _position, values, _parent in known.values() if values[3] in chosen
        }
        return queryset.filed_under(sorted(chosen | children))


# --- A list's whole query string: filters, search words and order ----------------------------

FILTER_NAMES = ("outlet", "topic", "from", "to", "kind", "edition")
SEARCH = "q"
SORT = "sort"


@dataclass
class ListQuery:
    """What a list's address asks for: the filters, the words searched for and the order.

    The list page, its Atom feed and its downloads all read their query string through this, so
    a feed or a download holds exactly the clippings of the page it was taken from.
    """

    filterset: ArticleFilter
    query: ParsedQuery
    sort: str
    # The parameters that make the list, in a fixed order and without paging; `q` as cleaned.
    params: list[tuple[str, str]]

    @property
    def is_valid(self) -> bool:
        return self.filterset.is_valid()

    @property
    def is_searching(self) -> bool:
        return not self.query.is_blank

    @property
    def is_filtered(self) -> bool:
        return any(name in FILTER_NAMES for name, _value in self.params)

    @property
    def cleaned(self) -> dict:
        return self.filterset.form.cleaned_data if self.is_valid else {}

    @property
    def articles(self) -> QuerySet[Article]:
        """The filtered clippings before any search; none when a filter cannot be read."""
        # Input we cannot read matches nothing rather than being quietly dropped, so a shared
        # link with a typo never shows a wider list than its author meant.
        return self.filterset.qs if self.is_valid else self.filterset.queryset.none()

    def matches(self) -> QuerySet[Article]:
        """Every clipping of the list, unranked and unordered: what feeds and downloads hold.

        The search page ranks a capped set of candidates; a download wants all of them, so it
        takes the full-text condition alone and orders by date.
        """
        articles = self.articles
        if not self.is_searching:
            return articles
        if not self.query.has_terms:
            return articles.none()  # operators or exclusions alone look for nothing
        return get_search_backend(articles.db).matching(articles, self.query)

    def url(
        self,
        path: str,
        *,
        drop: Iterable[str] = (),
        remove: Iterable[tuple[str, str]] = (),
        add: Iterable[tuple[str, str]] = (),
    ) -> str:
        """`path` with this list's parameters, less the `drop` names and `remove` pairs, plus
        `add`. Paging never carries over: a changed list starts on its first page."""
        drop, remove = set(drop), set(remove)
        parts = [
            encoded
            for pair, encoded in self._encoded_params
            if pair[0] not in drop and pair not in remove
        ]
        added = list(add)
        if added:
            parts.append(urlencode(added))
        return f"{path}?{'&'.join(parts)}" if parts else path

    @cached_property
    def _encoded_params(self) -> list[tuple[tuple[str, str], str]]:
        # Each parameter encoded once: a search page links its facets, chips and orders with
        # some sixty variations of the same few.
        return [(pair, urlencode([pair])) for pair in self.params]

    def describe(self) -> str:
        """The list in a few words for titles: “putin” · Asahi · Security · from Nov. 1, 2015."""
        if not self.is_valid:
            return gettext("filters that could not be understood")
        cleaned = self.cleaned
        parts = []
        if self.is_searching:
            parts.append(f"“{self.query.text}”")
        parts.extend(outlet.name for outlet in cleaned.get("outlet") or [])
        parts.extend(topic.full_name for topic in cleaned.get("topic") or [])
        start, end = cleaned.get("from"), cleaned.get("to")
        if start and end:
            parts.append(
                gettext("%(start)s to %(end)s")
                % {"start": short_date(start), "end": short_date(end)}
            )
        elif start:
            parts.append(gettext("from %(start)s") % {"start": short_date(start)})
        elif end:
            parts.append(gettext("up to %(end)s") % {"end": short_date(end)})
        if cleaned.get("kind"):
            parts.append(str(Article.Kind(cleaned["kind"]).label))
        if cleaned.get("edition"):
            parts.append(
                gettext("%(edition)s edition")
                % {"edition": Article.Edition(cleaned["edition"]).label}
            )
        return " · ".join(parts) if parts else gettext("all clippings")


def short_date(value: datetime.date) -> str:
    return date_format(value, "N j, Y")


def read_list_query(
    data: QueryDict, queryset: QuerySet[Article], request: HttpRequest | None = None
) -> ListQuery:
    filterset = ArticleFilter(data, queryset=queryset, request=request)
    query = parse_query(data.get(SEARCH))
    asked = data.get(SORT, "")
    # Relevance needs words to be relevant to; an order we do not know falls back to the default.
    if asked not in SearchOrder.values or (asked == SearchOrder.RELEVANCE and query.is_blank):
        asked = ""
    params = [(SEARCH, query.text)] if query.text else []
    params.extend(
        (name, value) for name in FILTER_NAMES for value in data.getlist(name) if value != ""
    )
    if asked:
        params.append((SORT, asked))
    return ListQuery(
        filterset=filterset, query=query, sort=asked or default_sort(query), params=params
    )


def default_sort(query: ParsedQuery) -> str:
    return SearchOrder.NEWEST if query.is_blank else SearchOrder.RELEVANCE
