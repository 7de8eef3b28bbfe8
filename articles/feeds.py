"""Atom feeds: the latest clippings, the latest of one outlet or one topic, and of any list.

A feed announces what is new on the site, so entries are ordered by the time each clipping
became public (`publish_at`), not by source date: an old clipping added today is news to a
subscriber. Both orders start from `Article.objects.published()`.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.db.models import QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import gettext as _

from .filters import SORT, ListQuery, read_list_query
from .models import Article, Outlet, Tag
from .templatetags.listing import article_url

FEED_LENGTH = 50


def latest_public(articles: QuerySet[Article] | None = None) -> QuerySet[Article]:
    public = Article.objects.published() if articles is None else articles
    # Translator's notes are not in a feed entry.
    latest = public.with_related().defer("translator_notes")
    return latest.order_by("-publish_at", "-pk")[:FEED_LENGTH]


class ClippingFeed(Feed):
    """What every clipping feed shares: how one clipping becomes one Atom entry."""

    feed_type = Atom1Feed

    def item_title(self, item: Article) -> str:
        # Atom titles are plain text; the feed writer escapes them once, which is right.
        return item.title

    def item_description(self, item: Article) -> str:
        # Atom1Feed writes the summary as type="html", so the plain paragraph is escaped.
        paragraphs = item.paragraphs
        return escape(paragraphs[0]) if paragraphs else ""

    def item_link(self, item: Article) -> str:
        # Also the entry's id: a slug is set once and kept when a headline is corrected.
        return article_url(item)

    def item_author_name(self, item: Article) -> str:
        return item.outlet.name

    def item_pubdate(self, item: Article) -> datetime.datetime:
        return item.publish_at

    def item_updateddate(self, item: Article) -> datetime.datetime:
        # An edit made before a scheduled clipping went public is not an update to readers.
        return max(item.updated_at, item.publish_at)

    def item_categories(self, item: Article) -> list[str]:
        return [tag.full_name for tag in item.tags.all()]


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
        return get_object_or_404(Outlet, slug=slug)

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
        return get_object_or_404(Tag.objects.select_related("parent"), slug=slug)

    def title(self, topic: Tag) -> str:
        return _("Reading Room: %(topic)s") % {"topic": topic.full_name}

    def subtitle(self, topic: Tag) -> str:
        return _("The latest clippings on %(topic)s, sub-topics included.") % {
            "topic": topic.full_name
        }

    def link(self, topic: Tag) -> str:
        return topic.get_absolute_url()

    def items(self, topic: Tag) -> QuerySet[Article]:
        return latest_public(Article.objects.published().in_topic(topic))


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
