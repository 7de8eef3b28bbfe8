"""The sitemap: every public clipping, the outlets and topics that have one, and every archive
day. Served as an index (/sitemap.xml) of sections, the clippings section paged by `limit`."""

from __future__ import annotations

import datetime

from django.contrib.sitemaps import Sitemap
from django.db.models import Exists, Max, OuterRef, Q, QuerySet
from django.db.models.functions import Greatest
from django.urls import reverse

from .models import Article, Outlet, Tag


class PagesSitemap(Sitemap):
    """The fixed ways into the collection."""

    changefreq = "daily"

    def items(self) -> list[str]:
        return [
            "articles:home",
            "articles:archive",
            "articles:outlet-list",
            "articles:topic-list",
            "articles:article-list",
        ]

    def location(self, item: str) -> str:
        return reverse(item)


class ArticleSitemap(Sitemap):
    # Well under the protocol's 50,000 URLs per file, so each page stays small to generate.
    limit = 10_000

    def items(self) -> QuerySet[Article]:
        # Ordered by id so a clipping keeps its sitemap page as the collection grows.
        return (
            Article.objects.published()
            .only("pk", "slug", "publish_at", "updated_at")
            .order_by("pk")
        )

    def lastmod(self, article: Article) -> datetime.datetime:
        return max(article.updated_at, article.publish_at)

    def get_latest_lastmod(self) -> datetime.datetime | None:
        # The framework's default calls lastmod() on every clipping; one aggregate will do.
        latest = self.items().aggregate(latest=Max(Greatest("updated_at", "publish_at")))
        return latest["latest"]


def _has_public(field: str) -> Exists:
    """True where a public clipping points at the row through `field`."""
    return Exists(Article.objects.published().filter(**{field: OuterRef("pk")}))


class OutletSitemap(Sitemap):
    changefreq = "daily"

    def items(self) -> QuerySet[Outlet]:
        # Outlets without a public clipping have an empty page: not worth a crawler's time.
        return Outlet.objects.filter(_has_public("outlet")).order_by("pk")


class TopicSitemap(Sitemap):
    changefreq = "daily"

    def items(self) -> QuerySet[Tag]:
        # A parent topic's page shows its sub-topics' clippings too.
        direct = _has_public("tags")
        via_child = Exists(
            Article.objects.published().filter(tags__parent=OuterRef("pk")).values("pk")
        )
        return Tag.objects.filter(Q(direct) | Q(via_child)).order_by("pk")


class ArchiveDaySitemap(Sitemap):
    changefreq = "weekly"

    def items(self) -> QuerySet:
        return (
            Article.objects.published()
            .order_by("published_on")
            .values_list("published_on", flat=True)
            .distinct()
        )

    def location(self, day: datetime.date) -> str:
        return reverse("articles:archive-day", args=[day.year, day.month, day.day])


SITEMAPS = {
    "pages": PagesSitemap,
    "articles": ArticleSitemap,
    "outlets": OutletSitemap,
    "topics": TopicSitemap,
    "days": ArchiveDaySitemap,
}
