"""Clippings as JSON Lines and CSV records: the export command and the public downloads.

Everything here streams: records are produced one at a time from chunked queries, so a
download of 100,000 clippings runs in flat memory.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator

from django.db.models import F, Prefetch, QuerySet

from .models import Article, Outlet, Tag

# The order of the columns in CSV and of the keys in JSON Lines.
CLIPPING_COLUMNS = (
    "title",
    "slug",
    "outlet",
    "outlet_slug",
    "published_on",
    "page",
    "edition",
    "position",
    "kind",
    "tags",
    "body",
    "original_title",
    "original_language",
    "translator",
    "translator_notes",
    "source_url",
    "status",
    "publish_at",
    "url",
)
OUTLET_FIELDS = ("name", "slug", "aliases", "kind", "language", "country", "website", "description")
TOPIC_FIELDS = ("name", "slug", "parent", "description", "keywords")

# Tags in a CSV cell are slugs joined by this; slugs never contain it.
TAG_SEPARATOR = ";"
# A spreadsheet runs a cell that starts with one of these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CHUNK_SIZE = 2000


def clipping_record(article: Article, site_url: str = "") -> dict:
    """One clipping as a flat dict of JSON-ready values, outlet and topics by slug."""
    return {
        "title": article.title,
        "slug": article.slug,
        "outlet": article.outlet.name,
        "outlet_slug": article.outlet.slug,
        "published_on": article.published_on.isoformat(),
        "page": article.page,
        "edition": article.edition,
        "position": article.position,
        "kind": article.kind,
        "tags": sorted(tag.slug for tag in article.tags.all()),
        "body": article.body,
        "original_title": article.original_title,
        "original_language": article.original_language,
        "translator": article.translator,
        "translator_notes": article.translator_notes,
        "source_url": article.source_url,
        "status": article.status,
        "publish_at": article.publish_at.isoformat(),
        "url": site_url + article.get_absolute_url(),
    }


def outlet_record(outlet: Outlet) -> dict:
    return {"record": "outlet"} | {
        field: (outlet.alias_list if field == "aliases" else getattr(outlet, field))
        for field in OUTLET_FIELDS
    }


def topic_record(tag: Tag) -> dict:
    return {
        "record": "topic",
        "name": tag.name,
        "slug": tag.slug,
        "parent": tag.parent.slug if tag.parent_id else None,
        "description": tag.description,
        "keywords": tag.keyword_list,
    }


def _stream(queryset: QuerySet[Article]) -> Iterator[Article]:
    queryset = queryset.select_related("outlet").prefetch_related(
        Prefetch("tags", queryset=Tag.objects.only("id", "slug"))
    )
    return queryset.iterator(chunk_size=CHUNK_SIZE)


def iter_jsonl(
    queryset: QuerySet[Article], *, with_catalog: bool = False, site_url: str = ""
) -> Iterator[str]:
    """JSON Lines, one clipping a line; with_catalog puts outlets and topics first.

    The catalog lines make the file self-contained: importing it into an empty database
    recreates the outlets and topics before the clippings that refer to them.
    """
    if with_catalog:
        for outlet in Outlet.objects.order_by("slug"):
            yield _json_line(outlet_record(outlet))
        # Parents before children, so that an import can resolve each parent as it goes.
        topics = Tag.objects.select_related("parent")
        for tag in topics.order_by(F("parent_id").asc(nulls_first=True), "slug"):
            yield _json_line(topic_record(tag))
    for article in _stream(queryset):
        yield _json_line({"record": "clipping"} | clipping_record(article, site_url))


def _json_line(record: dict) -> str:
    return json.dumps(record, ensure_ascii=False) + "\n"


def spreadsheet_safe(value: str) -> str:
    """Defuse formula injection: a cell that would run as a formula gets a leading quote."""
    if value.startswith(FORMULA_STARTS) or value.startswith("'"):
        return "'" + value
    return value


def spreadsheet_value(cell: str) -> str:
    """Undo spreadsheet_safe for a cell read back from one of our CSV files."""
    return cell[1:] if cell.startswith("'") else cell


def csv_row(record: dict) -> list[str]:
    row = []
    for field in CLIPPING_COLUMNS:
        value = record[field]
        if field == "tags":
            value = TAG_SEPARATOR.join(value)
        row.append(spreadsheet_safe(str(value)))
    return row


def iter_csv(queryset: QuerySet[Article], *, site_url: str = "") -> Iterator[str]:
    """CSV with a header row; every text cell is safe to open in a spreadsheet."""
    yield _csv_line(CLIPPING_COLUMNS)
    for article in _stream(queryset):
        yield _csv_line(csv_row(clipping_record(article, site_url)))


def _csv_line(values: Iterable[str]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerow(values)
    return buffer.getvalue()
