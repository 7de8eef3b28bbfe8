"""Atom feeds: the latest clippings, the latest of one outlet or one topic, and of any list.

A feed announces what is new on the site, so entries are ordered by the time each clipping
became public (`publish_at`), not by source date: an old clipping added today is news to a
subscriber. Both orders start from `Article.objects.published()`.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from typing import IO
from xml.sax.saxutils import escape as xml_escape
from xml.sax.saxutils import quoteattr

from django.contrib.sites.shortcuts import get_current_site
from django.contrib.syndication.views import Feed, add_domain
from django.db.models import QuerySet
from django.http import Http404, HttpRequest
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, rfc3339_date
from django.utils.html import escape
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.utils.xmlutils import UnserializableContentError

from .filters import SORT, ListQuery, read_list_query
from .models import Article, Outlet, Tag, topic_ids
from .templatetags.listing import article_url
from .views import outlets_by_id, outlets_by_slug, topics_by_slug, topics_of

FEED_LENGTH = 50


def latest_public(articles: QuerySet[Article] | None = None) -> QuerySet[Article]:
    public = Article.objects.published() if articles is None else articles
    return public.order_by("-publish_at", "-pk")[:FEED_LENGTH]


@dataclass
class Entry:
    """What a feed entry shows of one clipping: read as plain values, never as models."""

    pk: int
    slug: str
    title: str
    body: str
    publish_at: datetime.datetime
    updated_at: datetime.datetime
    outlet_name: str
    topics: list[str] = field(default_factory=list)

    def get_absolute_url(self) -> str:
        return reverse("articles:article-detail", args=[self.pk, self.slug])

    @property
    def paragraphs(self) -> list[str]:
        # Article.paragraphs, on the body alone.
        text = self.body.replace("\r\n", "\n")
        return [part.strip() for part in text.split("\n\n") if part.strip()]


def feed_entries(articles: QuerySet[Article]) -> list[Entry]:
    """The feed's clippings and their topics' full names in one query of plain values.

    Loading fifty clippings as models with their outlets and a prefetch of their topics made
    about 280 model instances per feed, half of its CPU (docs/performance.md). The outlets
    and topics come from the ones kept until the next write (views.outlets_by_id, topics_of).
    """
    rows = articles.with_topic_ids().values_list(
        "pk", "slug", "title", "body", "publish_at", "updated_at", "outlet_id", "topic_ids"
    )
    outlets = outlets_by_id({values[6] for values in rows})
    entries = [Entry(*values[:6], outlets[values[6]].name) for values in rows]
    topics = topics_of({values[0]: topic_ids(values[-1]) for values in rows})
    for entry in entries:
        entry.topics = [topic.full_name for topic in topics[entry.pk]]
    return entries


# What SimplerXMLGenerator refuses: XML 1.0 has no control characters.
_CONTROL = re.compile(r"[\x00-\x08\x0B-\x0C\x0E-\x1F]")


def _text(value: str) -> str:
    if _CONTROL.search(value):
        raise UnserializableContentError("Control characters are not supported in XML 1.0")
    return xml_escape(value)


def _element(name: str, text: str | None = None, attrs: dict[str, str] | None = None) -> str:
    """SimplerXMLGenerator.addQuickElement()'s markup: attributes sorted, empty elements short."""
    pairs = sorted(attrs.items()) if attrs else ()
    start = name + "".join(f" {key}={quoteattr(value)}" for key, value in pairs)
    if not text:
        return f"<{start}/>"
    return f"<{start}>{_text(text)}</{name}>"


class FastAtom1Feed(Atom1Feed):
    """Atom1Feed's document, byte for byte, joined as strings.

    The SAX writer behind Atom1Feed made about forty thousand small writes for a feed of
    fifty entries, a third of the feed's CPU; only the fields the clipping feeds set are
    written (no enclosures, no rights, no item copyright).
    """

    def write(self, outfile: IO[str], encoding: str) -> None:
        feed = self.feed
        parts = ['<?xml version="1.0" encoding="utf-8"?>\n']
        parts.append(_element("feed", None, self.root_attributes())[:-2] + ">")
        parts.append(_element("title", feed["title"]))
        parts.append(_element("link", "", {"rel": "alternate", "href": feed["link"]}))
        if feed["feed_url"] is not None:
            parts.append(_element("link", "", {"rel": "self", "href": feed["feed_url"]}))
        parts.append(_element("id", feed["id"]))
        parts.append(_element("updated", rfc3339_date(self.latest_post_date())))
        if feed["subtitle"] is not None:
            parts.append(_element("subtitle", feed["subtitle"]))
        for item in self.items:
            parts.append("<entry>")
            parts.append(_element("title", item["title"]))
            parts.append(_element("link", "", {"href": item["link"], "rel": "alternate"}))
            parts.append(_element("published", rfc3339_date(item["pubdate"])))
            parts.append(_element("updated", rfc3339_date(item["updateddate"])))
            parts.append(f"<author>{_element('name', item['author_name'])}</author>")
            parts.append(_element("id", item["unique_id"]))
            parts.append(_element("summary", item["description"], {"type": "html"}))
            parts.extend(_element("category", "", {"term": term}) for term in item["categories"])
            parts.append("</entry>")
        parts.append("</feed>")
        outfile.write("".join(parts))


class ClippingFeed(Feed):
    """What every clipping feed shares: how one clipping becomes one Atom entry."""

    feed_type = FastAtom1Feed

    def get_feed(self, obj: object, request: HttpRequest) -> FastAtom1Feed:
        """Feed.get_feed() for the attributes these feeds define, from plain values.

        The framework asks for each of a dozen attributes of each entry through a dynamic
        lookup; here each entry is added directly.
        """
        site = get_current_site(request)
        secure = request.is_secure()
        feed = self.feed_type(
            title=self._get_dynamic_attr("title", obj),
            subtitle=self._get_dynamic_attr("subtitle", obj),
            link=add_domain(site.domain, self._get_dynamic_attr("link", obj), secure),
            description=None,
            language=self.language or get_language(),
            feed_url=add_domain(
                site.domain, self._get_dynamic_attr("feed_url", obj) or request.path, secure
            ),
        )
        # add_domain() puts the scheme and host before a path: once, not per entry.
        origin = add_domain(site.domain, "", secure)
        for entry in feed_entries(self._get_dynamic_attr("items", obj)):
            link = origin + self.item_link(entry)
            feed.add_item(
                title=self.item_title(entry),
                link=link,
                description=self.item_description(entry),
                unique_id=link,
                pubdate=self.item_pubdate(entry),
                updateddate=self.item_updateddate(entry),
                author_name=self.item_author_name(entry),
                categories=self.item_categories(entry),
            )
        return feed

    def item_title(self, item: Entry) -> str:
        # Atom titles are plain text; the feed writer escapes them once, which is right.
        return item.title

    def item_description(self, item: Entry) -> str:
        # Atom1Feed writes the summary as type="html", so the plain paragraph is escaped.
        paragraphs = item.paragraphs
        return escape(paragraphs[0]) if paragraphs else ""

    def item_link(self, item: Entry) -> str:
        # Also the entry's id: a slug is set once and kept when a headline is corrected.
        return article_url(item)

    def item_author_name(self, item: Entry) -> str:
        return item.outlet_name

    def item_pubdate(self, item: Entry) -> datetime.datetime:
        return item.publish_at

    def item_updateddate(self, item: Entry) -> datetime.datetime:
        # An edit made before a scheduled clipping went public is not an update to readers.
        return max(item.updated_at, item.publish_at)

    def item_categories(self, item: Entry) -> list[str]:
        return item.topics


class LatestFeed(ClippingFeed):
    def title(self) -> str:
        return _("Reading Room: latest clippings")

    def subtitle(self) -> str:
        return _("English translations and summaries of Japanese press clippings.")

    def link(self) -> str:
        return reverse("articles:home")

    def items(self) -> QuerySet[Article]:
        return latest_public()


class OutletFeed(ClippingFeed):
    def get_object(self, request: HttpRequest, slug: str) -> Outlet:
        # From the outlets kept until the next write, as the outlet page does: no query.
        outlet = outlets_by_slug().get(slug)
        if outlet is None:
            raise Http404("No such outlet.")
        return outlet

    def title(self, outlet: Outlet) -> str:
        return _("Reading Room: %(outlet)s") % {"outlet": outlet.name}

    def subtitle(self, outlet: Outlet) -> str:
        return _("The latest clippings from %(outlet)s.") % {"outlet": outlet.name}

    def link(self, outlet: Outlet) -> str:
        return outlet.get_absolute_url()

    def items(self, outlet: Outlet) -> QuerySet[Article]:
        return latest_public(Article.objects.published().filter(outlet=outlet))


class TopicFeed(ClippingFeed):
    def get_object(self, request: HttpRequest, slug: str) -> Tag:
        # From the topics kept until the next write, with their sub-topics: no query.
        found = topics_by_slug().get(slug)
        if found is None:
            raise Http404("No such topic.")
        topic, subtopics = found
        # On the topic, not on the feed: one feed object serves every request.
        topic.feed_ids = [topic.pk, *(sub.pk for sub in subtopics)]
        return topic

    def title(self, topic: Tag) -> str:
        return _("Reading Room: %(topic)s") % {"topic": topic.full_name}

    def subtitle(self, topic: Tag) -> str:
        return _("The latest clippings on %(topic)s, sub-topics included.") % {
            "topic": topic.full_name
        }

    def link(self, topic: Tag) -> str:
        return topic.get_absolute_url()

    def items(self, topic: Tag) -> QuerySet[Article]:
        return latest_public(Article.objects.published().filed_under(topic.feed_ids))


@dataclass(frozen=True)
class FeedList:
    listing: ListQuery
    list_path: str
    feed_path: str


class ListFeed(ClippingFeed):
    """Any list as a feed, read from the query string: a search, filters, or both.

    Readers follow a search without an account. A filter that cannot be read gives an empty
    feed, as it gives an empty list. The list's order does not apply: like every feed here,
    the newest publications come first.
    """

    def get_object(self, request: HttpRequest, list_url: str) -> FeedList:
        listing = read_list_query(request.GET, Article.objects.published(), request=request)
        return FeedList(listing, reverse(list_url), request.path)

    def title(self, obj: FeedList) -> str:
        return _("Reading Room: %(list)s") % {"list": obj.listing.describe()}

    def subtitle(self, obj: FeedList) -> str:
        return _("The latest clippings in this list: %(list)s.") % {"list": obj.listing.describe()}

    def link(self, obj: FeedList) -> str:
        return obj.listing.url(obj.list_path, drop=[SORT])

    def feed_url(self, obj: FeedList) -> str:
        # The default is the path alone, which would name a different feed.
        return obj.listing.url(obj.feed_path, drop=[SORT])

    def items(self, obj: FeedList) -> QuerySet[Article]:
        return latest_public(obj.listing.matches())
