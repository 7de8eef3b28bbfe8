"""Clippings and topic chips rendered in Python: `article_items`, `day_items`, `topic_chips`.

A list page is mostly rows, and rendering each row through the template engine (an include per
row and per topic chip, a `reverse()` per link, a translated label per choice, a `date` filter
per date) cost 15–25 ms of CPU for twenty rows at a million clippings (docs/performance.md).
Here every per-row value is either a string built once per list (labels, dates of a month,
the address of an outlet or a topic) or a plain string operation, and the markup is the one
the row and chip includes this replaces produced.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable
from functools import cached_property, lru_cache
from html import escape

from django import template
from django.forms import BoundField, DateInput, Field, ModelChoiceField, Select
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.dates import MONTHS_AP, WEEKDAYS_ABBR
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext, ngettext

from articles.models import Article, Outlet, Tag

register = template.Library()

# What reverse() accepts for a slug and returns unquoted: anything else takes the slow path.
_PLAIN_SLUG = re.compile(r"[-a-zA-Z0-9_]+")
_PK_MARK = "987654321"
_SLUG_MARK = "slug-mark"


@lru_cache(maxsize=4096)
def _slug_url(url_name: str, slug: str, _prefix: str, _urlconf: object) -> str:
    # The script prefix and URL configuration are part of the key: reverse() depends on them.
    return reverse(url_name, args=[slug])


_DETAIL_URL = {Outlet: "articles:outlet-detail", Tag: "articles:topic-detail"}


def detail_url(obj: Outlet | Tag) -> str:
    """`obj.get_absolute_url()`, reversed once per outlet or topic rather than once per link.

    A page links to the same few outlets and topics many times over; reverse() costs about
    30 µs a call.
    """
    url_name = _DETAIL_URL.get(type(obj))
    if url_name is None or not _PLAIN_SLUG.fullmatch(obj.slug):
        return obj.get_absolute_url()
    return _slug_url(url_name, obj.slug, get_script_prefix(), get_urlconf())


@lru_cache(maxsize=64)
def _article_pattern(_prefix: str, _urlconf: object) -> str:
    return reverse("articles:article-detail", args=[_PK_MARK, _SLUG_MARK])


def article_url(article: Article) -> str:
    """`article.get_absolute_url()` from one reverse() per process: the addresses differ only
    in the id and the slug."""
    if not _PLAIN_SLUG.fullmatch(article.slug):
        return article.get_absolute_url()
    pattern = _article_pattern(get_script_prefix(), get_urlconf())
    return pattern.replace(_PK_MARK, str(article.pk), 1).replace(_SLUG_MARK, article.slug, 1)


@register.filter
def href(obj: Article | Outlet | Tag) -> str:
    """`{{ outlet|href }}`, `{{ topic|href }}`, `{{ article|href }}`: the object's page."""
    if isinstance(obj, Article):
        return article_url(obj)
    return detail_url(obj)


@lru_cache(maxsize=8192)
def _named_url(name: str, args: tuple, _prefix: str, _urlconf: object) -> str:
    return reverse(name, args=args)


@register.simple_tag
def page_url(name: str, *args: int | str) -> str:
    """`{% url name arg… %}`, reversed once per process for each set of arguments.

    For the addresses every page repeats (the site's menus) and the date archive's, which are
    few: fifteen years of days are 5,500 addresses.
    """
    return _named_url(name, args, get_script_prefix(), get_urlconf())


def _tags(article: Article) -> Iterable[Tag]:
    # `topics` when the view attached them (views.attach_topics), else the prefetched list
    # itself: going through `article.tags.all()` builds a related manager per clipping only to
    # hand back the same list.
    topics = getattr(article, "topics", None)
    if topics is not None:
        return topics
    prefetched = getattr(article, "_prefetched_objects_cache", {}).get("tags")
    return article.tags.all() if prefetched is None else prefetched


class RowRenderer:
    """What one list's rows share, worked out once per list rather than once per row."""

    def __init__(self) -> None:
        self.outlet_urls: dict[int, str] = {}
        self.tag_urls: dict[int, str] = {}

    # Translated once per list, and only by the lists that show them (not by topic chips).
    @cached_property
    def kind(self) -> dict[str, str]:
        return {value: str(label) for value, label in Article.Kind.choices}

    @cached_property
    def edition(self) -> dict[str, str]:
        return {
            value: gettext("%(edition)s edition") % {"edition": label}
            for value, label in Article.Edition.choices
        }

    @cached_property
    def months(self) -> dict[int, str]:
        return {number: str(name) for number, name in MONTHS_AP.items()}

    def outlet_url(self, outlet: Outlet) -> str:
        url = self.outlet_urls.get(outlet.pk)
        if url is None:
            url = self.outlet_urls[outlet.pk] = escape(detail_url(outlet))
        return url

    def tag_url(self, tag: Tag) -> str:
        url = self.tag_urls.get(tag.pk)
        if url is None:
            url = self.tag_urls[tag.pk] = escape(detail_url(tag))
        return url

    def edition_label(self, article: Article) -> str:
        return escape(self.edition.get(article.edition, article.edition))

    def date(self, day: datetime.date) -> str:
        """`day|date:"N j, Y"` without the formatter."""
        return f"{self.months[day.month]} {day.day}, {day.year:04d}"

    def chips(self, tags: Iterable[Tag]) -> str:
        return "".join(
            f'<a class="chip" href="{self.tag_url(tag)}">{escape(tag.full_name)}</a>\n'
            for tag in tags
        )

    def item(self, article: Article, *, hide_outlet: bool, hide_date: bool) -> str:
        """One clipping as a list shows it: headline, source line, topics."""
        meta = []
        if not hide_outlet:
            outlet = article.outlet
            meta.append(
                f'<a class="meta__outlet" href="{self.outlet_url(outlet)}">'
                f"{escape(outlet.name)}</a>"
            )
        if not hide_date:
            day = article.published_on
            meta.append(f'<time datetime="{day.isoformat()}">{self.date(day)}</time>')
        if article.page:
            meta.append(f'<span class="meta__page">{escape(article.page_label)}</span>')
        if article.edition != Article.Edition.UNSPECIFIED:
            meta.append(f"<span>{self.edition_label(article)}</span>")
        meta.append(
            f'<span class="meta__kind">{escape(self.kind.get(article.kind, article.kind))}</span>'
        )
        chips = self.chips(_tags(article))
        return (
            '<article class="item">\n'
            f'<h3 class="item__title"><a href="{escape(article_url(article))}">'
            f"{escape(article.title)}</a></h3>\n"
            f'<p class="meta">{" ".join(meta)}</p>\n'
            + (f'<p class="chips">{chips}</p>\n' if chips else "")
            + "</article>\n"
        )

    def page_item(self, article: Article) -> str:
        """One clipping in a day's listing, under its outlet's name: page first."""
        if article.page:
            page = escape(article.page_label)
        else:
            page = f'<span class="muted">{escape(gettext("p. —"))}</span>'
        meta = []
        if article.edition != Article.Edition.UNSPECIFIED:
            meta.append(f"<span>{self.edition_label(article)}</span>")
        if article.position:
            meta.append(f"<span>{escape(article.position)}</span>")
        meta.append(f"<span>{escape(self.kind.get(article.kind, article.kind))}</span>")
        return (
            '<li class="pages__item">'
            f'<span class="pages__page">{page}</span>'
            '<div class="pages__body">'
            f'<a class="pages__title" href="{escape(article_url(article))}">'
            f"{escape(article.title)}</a>\n"
            f'<p class="meta">{" ".join(meta)}\n{self.chips(_tags(article))}</p>'
            "</div></li>\n"
        )


def _renderer(context: template.Context) -> RowRenderer:
    """One renderer per page, shared by every list on it."""
    renderer = context.render_context.get(RowRenderer)
    if renderer is None:
        renderer = context.render_context[RowRenderer] = RowRenderer()
    return renderer


@register.simple_tag(takes_context=True)
def article_items(
    context: template.Context,
    articles: Iterable[Article],
    hide_outlet: bool = False,
    hide_date: bool = False,
) -> SafeString:
    """Each clipping as `<article class="item">`; `hide_outlet` / `hide_date` drop what the
    page heading already says."""
    renderer = _renderer(context)
    return mark_safe(
        "".join(
            renderer.item(article, hide_outlet=hide_outlet, hide_date=hide_date)
            for article in articles
        )
    )


@register.simple_tag(takes_context=True)
def day_items(context: template.Context, articles: Iterable[Article]) -> SafeString:
    """A day's clippings of one outlet as the items of its `<ol class="pages">`."""
    renderer = _renderer(context)
    return mark_safe("".join(renderer.page_item(article) for article in articles))


@register.simple_tag(takes_context=True)
def outlet_groups(context: template.Context, groups: Iterable) -> SafeString:
    """A day's clippings grouped by outlet (views.OutletGroup), each group's first pages and
    a link to the rest of a long one: the loop includes/outlet_groups.html ran in the template
    engine, about a millisecond for the fifteen groups of a busy day."""
    renderer = _renderer(context)
    parts = []
    for group in groups:
        outlet = group.outlet
        slug = escape(outlet.slug)
        more = ""
        if group.more_href:
            text = ngettext(
                "The %(counter)s clipping from %(outlet)s on this day",
                "All %(counter)s clippings from %(outlet)s on this day",
                group.total,
            ) % {"counter": group.total, "outlet": escape(outlet.name)}
            more = (
                f'<p class="outlet-group__more"><a href="{escape(group.more_href)}">{text}</a></p>'
            )
        parts.append(
            f'\n<section class="outlet-group" aria-labelledby="outlet-{slug}">\n'
            f'  <h2 id="outlet-{slug}" class="outlet-group__name">'
            f'<a href="{renderer.outlet_url(outlet)}">{escape(outlet.name)}</a></h2>\n'
            '  <ol class="pages">\n'
            + "".join(renderer.page_item(article) for article in group.articles)
            + f"</ol>\n  {more}\n</section>\n"
        )
    return mark_safe("".join(parts))


@register.simple_tag(takes_context=True)
def link_items(context: template.Context, articles: Iterable[Article], show: str) -> SafeString:
    """The clipping page's short lists as `<li>` items: a link and the outlet, then the source
    date (`show="date"`, related clippings) or the page (`show="page"`, the same day)."""
    renderer = _renderer(context)
    parts = []
    for article in articles:
        if show == "date":
            day = article.published_on
            extra = f' <time datetime="{day.isoformat()}">{renderer.date(day)}</time>'
        else:
            label = article.page_label
            extra = f" <span>{escape(label)}</span>" if label else ""
        parts.append(
            f'\n      <li><a href="{escape(article_url(article))}">{escape(article.title)}</a>\n'
            f'        <span class="meta"><span>{escape(article.outlet.name)}</span>{extra}'
            "</span></li>\n      "
        )
    return mark_safe("".join(parts))


@register.simple_tag(takes_context=True)
def search_hits(context: template.Context, hits: Iterable[Article]) -> SafeString:
    """Search results, each in the markup of the include it replaces (an include per hit cost
    about 0.15 ms each): the clipping as a list shows it, with the passage that matched."""
    renderer = _renderer(context)
    parts = []
    for article in hits:
        outlet = article.outlet
        day = article.published_on
        meta = [
            f'    <a class="meta__outlet" href="{renderer.outlet_url(outlet)}">'
            f"{escape(outlet.name)}</a>\n"
            f'    <time datetime="{day.isoformat()}">{renderer.date(day)}</time>\n    '
        ]
        if article.page:
            meta.append(f'<span class="meta__page">{escape(article.page_label)}</span>')
        meta.append("\n    ")
        if article.edition != Article.Edition.UNSPECIFIED:
            meta.append(f"<span>{renderer.edition_label(article)}</span>")
        kind = escape(renderer.kind.get(article.kind, article.kind))
        meta.append(f'\n    <span class="meta__kind">{kind}</span>\n')
        snippet = getattr(article, "snippet", "")
        if snippet:
            snippet = f'<p class="hit__snippet">{conditional_escape(snippet)}</p>'
        chips = renderer.chips(_tags(article))
        if chips:
            chips = f'\n  <p class="chips">{chips}</p>\n  '
        parts.append(
            '\n    \n<article class="item hit">\n'
            f'  <h3 class="item__title"><a href="{escape(article_url(article))}">'
            f"{escape(article.title)}</a></h3>\n"
            '  <p class="meta">\n' + "".join(meta) + "  </p>\n"
            f"  {snippet}\n  {chips}\n</article>\n\n    "
        )
    return mark_safe("".join(parts))


@register.simple_tag
def count_items(items: Iterable[Outlet | Tag]) -> SafeString:
    """Outlets or topics as `<li>` links followed by their `public_count`."""
    return mark_safe(
        "".join(
            f'\n        <li><a href="{escape(detail_url(item))}">{escape(item.name)}</a> '
            f'<span class="count">{item.public_count}</span></li>\n        '
            for item in items
        )
    )


@register.simple_tag
def day_count_items(days: Iterable[tuple[datetime.date, int]]) -> SafeString:
    """(day, count) pairs as `<li>` links to the day pages: `day|date:"D, N j"` and the count."""
    weekdays = [str(WEEKDAYS_ABBR[number]) for number in range(7)]
    months = {number: str(name) for number, name in MONTHS_AP.items()}
    parts = []
    for day, count in days:
        href = escape(page_url("articles:archive-day", day.year, day.month, day.day))
        label = f"{weekdays[day.weekday()]}, {months[day.month]} {day.day}"
        parts.append(
            f'\n        <li><a href="{href}"><time datetime="{day.isoformat()}">{label}</time></a>'
            f' <span class="count">{count}</span></li>\n        '
        )
    return mark_safe("".join(parts))


def grouped(number: int) -> str:
    """`number` with its thousands grouped as the site's one language writes them ("12,345"),
    what `floatformat:"g"` gives, at a twenty-fifth of its cost (4 µs): a search page shows
    sixty counts."""
    return f"{number:,}"


@register.simple_tag
def facet_values(values: Iterable) -> SafeString:
    """The values of one search facet (views.FacetLink) as list items, in the markup of the
    include they replace: a search page shows sixty of them."""
    remove = None
    parts = []
    for value in values:
        label = escape(str(value.label))
        if value.href:
            hidden = ""
            if value.active:
                if remove is None:
                    remove = escape(gettext("Remove the filter"))
                hidden = f'<span class="visually-hidden">{remove} </span>'
            active = " facet__link--active" if value.active else ""
            link = f'<a class="facet__link{active}" href="{escape(value.href)}">{hidden}{label}</a>'
        else:
            link = f'<span class="facet__link facet__link--current">{label}</span>'
        sub = " facet__value--sub" if value.depth else ""
        parts.append(
            f'<li class="facet__value{sub}">{link} '
            f'<span class="count">{grouped(value.count)}</span></li>\n'
        )
    return mark_safe("".join(parts))


@register.simple_tag(takes_context=True)
def topic_chips(context: template.Context, tags: Iterable[Tag] | Tag) -> SafeString:
    """Links to topics (or to one), each under its full name ("Security › Okinawa")."""
    return mark_safe(_renderer(context).chips([tags] if isinstance(tags, Tag) else tags))


@register.simple_tag
def checkboxes(field: BoundField, choices: Iterable[tuple[str, str]] | None = None) -> SafeString:
    """`{{ field }}` for a multiple choice of checkboxes, in the markup Django's
    CheckboxSelectMultiple gives, without a template include per box: the outlet and topic
    filters hold about fifty boxes, which took 12 ms to render through the widget templates.
    `choices`, (value, label) pairs the view already has, saves reading them again."""
    if field.errors or field.field.widget.attrs or field.help_text:
        # Django then adds aria attributes and the like: the rare case takes the widget.
        return field.as_widget()
    name = escape(field.html_name)
    base = escape(field.auto_id)
    chosen = {str(value) for value in field.field.widget.format_value(field.value())}
    parts = [f'<div id="{base}">']
    for index, (value, label) in enumerate(_choices(field.field) if choices is None else choices):
        value = str(value)
        checked = " checked" if value in chosen else ""
        box_id = f"{base}_{index}"
        parts.append(
            f'<div>\n    <label for="{box_id}"><input type="checkbox" name="{name}" '
            f'value="{escape(value)}" id="{box_id}"{checked}>\n {escape(str(label))}</label>\n\n'
            "</div>"
        )
    parts.append("\n</div>")
    return mark_safe("".join(parts))


def _label_tag(field: BoundField) -> str:
    """`field.label_tag()` for a plain label: the text, the form's suffix, the widget's id."""
    label = escape(str(field.label))
    suffix = field.field.label_suffix
    if suffix is None:
        suffix = field.form.label_suffix
    if suffix and label and label[-1] not in gettext(":?.!"):
        label += escape(suffix)
    return f'<label for="{escape(field.id_for_label)}">{label}</label>'


@register.simple_tag
def plain_field(field: BoundField) -> SafeString:
    """`{{ field.label_tag }}` and `{{ field }}` for a date box or a drop-down list, in the
    markup Django's widget templates give, without rendering them: the filter form's four
    cost about 1.5 ms through the templates. Anything unusual (errors, help text, extra
    attributes, a required field, grouped choices) takes Django's own rendering."""
    widget = field.field.widget
    plain = (
        not field.errors
        and not field.help_text
        and not field.field.required
        and not field.field.disabled
        and field.auto_id
        and field.id_for_label == field.auto_id
    )
    name = escape(field.html_name)
    box_id = escape(field.auto_id or "")
    if plain and type(widget) is DateInput and widget.input_type == "date" and not widget.attrs:
        value = widget.format_value(field.value())
        value_attr = f' value="{escape(str(value))}"' if value not in (None, "") else ""
        control = f'<input type="date" name="{name}"{value_attr} id="{box_id}">'
    elif plain and type(widget) is Select and not widget.attrs:
        chosen = widget.format_value(field.value())
        options = []
        has_selected = False
        for value, label in widget.choices:
            if isinstance(label, (list, tuple)):
                return mark_safe(f"{field.label_tag()}\n      {field.as_widget()}")
            value = "" if value is None else str(value)
            selected = not has_selected and value in chosen
            has_selected |= selected
            options.append(
                f'  <option value="{escape(value)}"{" selected" if selected else ""}>'
                f"{escape(str(label))}</option>\n\n"
            )
        control = f'<select name="{name}" id="{box_id}">\n{"".join(options)}</select>'
    else:
        return mark_safe(f"{field.label_tag()}\n      {field.as_widget()}")
    return mark_safe(f"{_label_tag(field)}\n      {control}")


def _choices(field: Field) -> Iterable[tuple[object, str]]:
    if isinstance(field, ModelChoiceField) and field.empty_label is None:
        # The rows in one plain query: the field's own iterator reads them through a
        # server-side cursor on PostgreSQL, three round trips for a few dozen rows.
        return [
            (field.prepare_value(obj), field.label_from_instance(obj)) for obj in field.queryset
        ]
    return field.choices
