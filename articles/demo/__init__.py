"""The demo collection: real outlets, a topic tree and a year of invented clippings.

`load_demo()` adds whatever is missing and never touches a row that is already there: outlets and
topics are matched by slug (or by name, which is unique too), clippings by outlet, source date and
headline. The text is built by `plan.build()`, the same on every run.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TextIO

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from articles.models import Article, Outlet, Tag, make_slug

from .outlets import OUTLETS
from .plan import END, START, Clipping, build
from .topics import TREE, TopicData

__all__ = ["DemoSummary", "load_demo"]

# Translations go up the morning after the paper ran the story.
POSTED_AT = datetime.time(9, 0, tzinfo=datetime.UTC)


@dataclass
class DemoSummary:
    outlets_created: int = 0
    outlets_unchanged: int = 0
    topics_created: int = 0
    topics_unchanged: int = 0
    clippings_created: int = 0
    clippings_unchanged: int = 0

    def __str__(self) -> str:
        return (
            f"Demo collection: outlets {self.outlets_created} created, "
            f"{self.outlets_unchanged} unchanged; topics {self.topics_created} created, "
            f"{self.topics_unchanged} unchanged; clippings {self.clippings_created} created, "
            f"{self.clippings_unchanged} unchanged."
        )


def load_demo(stdout: TextIO | None = None, now: datetime.datetime | None = None) -> DemoSummary:
    """Load the demo collection; write the one-line summary to `stdout` when given."""
    now = now or timezone.now()
    clippings = build()
    summary = DemoSummary()
    with transaction.atomic():
        outlets = load_outlets(summary)
        topics = load_topics(summary)
        load_clippings(clippings, outlets, topics, now, summary)
    if stdout is not None:
        stdout.write(f"{summary}\n")
    return summary


def load_outlets(summary: DemoSummary) -> dict[str, Outlet]:
    """Create missing outlets; return every demo outlet by its demo slug."""
    found = existing_outlets()
    missing = [
        Outlet(
            name=data["name"],
            slug=data["slug"],
            kind=data["kind"],
            aliases="\n".join(data["aliases"]),
            website=data["website"],
            description=data["description"],
        )
        for data in OUTLETS
        if data["slug"] not in found
    ]
    Outlet.objects.bulk_create(missing)
    summary.outlets_created += len(missing)
    summary.outlets_unchanged += len(OUTLETS) - len(missing)
    return existing_outlets()


def existing_outlets() -> dict[str, Outlet]:
    slugs = [data["slug"] for data in OUTLETS]
    names = {data["name"]: data["slug"] for data in OUTLETS}
    found: dict[str, Outlet] = {}
    for outlet in Outlet.objects.filter(Q(slug__in=slugs) | Q(name__in=names)):
        found[outlet.slug if outlet.slug in slugs else names[outlet.name]] = outlet
    return found


def load_topics(summary: DemoSummary) -> dict[str, Tag]:
    """Create missing topics, top level first so sub-topics can point at their parents."""
    roots = existing_topics([root for root, _children in TREE], parents=None)
    new_roots = [new_topic(root, None) for root, _children in TREE if root["slug"] not in roots]
    Tag.objects.bulk_create(new_roots)
    roots = existing_topics([root for root, _children in TREE], parents=None)

    children = [(child, roots[root["slug"]]) for root, kids in TREE for child in kids]
    found = existing_topics([child for child, _parent in children], parents=roots.values())
    new_children = [
        new_topic(child, parent) for child, parent in children if child["slug"] not in found
    ]
    Tag.objects.bulk_create(new_children)
    found = existing_topics([child for child, _parent in children], parents=roots.values())

    created = len(new_roots) + len(new_children)
    summary.topics_created += created
    summary.topics_unchanged += len(TREE) + len(children) - created
    return {**roots, **found}


def new_topic(data: TopicData, parent: Tag | None) -> Tag:
    return Tag(
        name=data["name"],
        slug=data["slug"],
        parent=parent,
        description=data["description"],
        keywords="\n".join(data["keywords"]),
    )


def existing_topics(wanted: list[TopicData], parents: Iterable[Tag] | None) -> dict[str, Tag]:
    """Demo topics already present, by slug or else by the same name under the same parent."""
    slugs = {data["slug"] for data in wanted}
    # The database compares names case-insensitively, so this lookup does too.
    names = {data["name"].lower(): data["slug"] for data in wanted}
    same_place = Q(parent__isnull=True) if parents is None else Q(parent__in=list(parents))
    candidates = list(Tag.objects.filter(Q(slug__in=slugs) | same_place))
    found = {tag.slug: tag for tag in candidates if tag.slug in slugs}
    for tag in candidates:
        key = names.get(tag.name.lower())
        if key and key not in found:
            found[key] = tag
    return found


def load_clippings(
    clippings: list[Clipping],
    outlets: dict[str, Outlet],
    topics: dict[str, Tag],
    now: datetime.datetime,
    summary: DemoSummary,
) -> None:
    """Create the clippings that are not there yet, then link only those to their topics."""
    outlet_ids = [outlet.pk for outlet in outlets.values()]
    existing = set(
        Article.objects.filter(outlet__in=outlet_ids, published_on__range=(START, END)).values_list(
            "outlet_id", "published_on", "title"
        )
    )
    taken_urls = set(
        Article.objects.filter(
            source_url__in=[c.source_url for c in clippings if c.source_url]
        ).values_list("source_url", flat=True)
    )
    new: list[tuple[Clipping, Article]] = []
    for clipping in clippings:
        outlet = outlets[clipping.outlet]
        if (outlet.pk, clipping.published_on, clipping.title) in existing:
            continue
        url = "" if clipping.source_url in taken_urls else clipping.source_url
        new.append((clipping, new_article(clipping, outlet, url, now)))
    Article.objects.bulk_create([article for _clipping, article in new], batch_size=250)
    summary.clippings_created += len(new)
    summary.clippings_unchanged += len(clippings) - len(new)
    if not new:
        return

    # Look the new rows up again rather than trust bulk_create to have set primary keys.
    ids = {
        (outlet_id, day, title): pk
        for pk, outlet_id, day, title in Article.objects.filter(
            outlet__in=outlet_ids, published_on__range=(START, END)
        ).values_list("pk", "outlet_id", "published_on", "title")
    }
    Link = Article.tags.through
    links = [
        Link(
            article_id=ids[(article.outlet_id, article.published_on, article.title)],
            tag_id=topics[slug].pk,
        )
        for clipping, article in new
        for slug in clipping.topics
    ]
    Link.objects.bulk_create(links, batch_size=500)


def new_article(
    clipping: Clipping, outlet: Outlet, source_url: str, now: datetime.datetime
) -> Article:
    if clipping.scheduled_in_days:
        publish_at = now + datetime.timedelta(days=clipping.scheduled_in_days)
    else:
        posted = datetime.datetime.combine(clipping.published_on, POSTED_AT)
        publish_at = min(posted + datetime.timedelta(days=1), now - datetime.timedelta(hours=1))
    return Article(
        title=clipping.title,
        slug=make_slug(clipping.title),
        outlet=outlet,
        published_on=clipping.published_on,
        page=clipping.page,
        edition=clipping.edition,
        position=clipping.position,
        kind=clipping.kind,
        body=clipping.body,
        original_title=clipping.original_title,
        original_language="ja",
        translator=clipping.translator,
        translator_notes=clipping.translator_notes,
        source_url=source_url,
        status=clipping.status,
        publish_at=publish_at,
    )
