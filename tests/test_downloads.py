"""Taking a list away: the Atom feed and the CSV and JSON Lines downloads of any list.

CI runs this file on SQLite and on PostgreSQL; nothing here branches on the database.
"""

import csv
import datetime
import io
import json
import re

import feedparser
import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles import exports, views
from articles.feeds import FEED_LENGTH
from articles.models import Article, Outlet, Tag
from tests.factories import ArticleFactory, OutletFactory, TagFactory, clipping_snapshot

D = datetime.date
LATER = datetime.datetime(2999, 1, 1, tzinfo=datetime.UTC)


@pytest.fixture
def world(db):
    now = timezone.now()
    asahi = OutletFactory(name="Asahi", slug="asahi")
    kyodo = OutletFactory(name="Kyodo", slug="kyodo", kind=Outlet.Kind.WIRE)
    security = TagFactory(name="Security", slug="security", keywords="defense")
    okinawa = TagFactory(name="Okinawa", slug="okinawa", parent=security)

    def clip(title, outlet, day, hours_ago, tags=(), **kwargs):
        kwargs.setdefault("publish_at", now - datetime.timedelta(hours=hours_ago))
        return ArticleFactory(
            title=title, outlet=outlet, published_on=day, tags=list(tags), **kwargs
        )

    clip("Base relocation plan approved", asahi, D(2016, 3, 1), 5, [okinawa])
    clip("Relocation protest grows", kyodo, D(2016, 4, 1), 1, [okinawa, security])
    clip(
        "=HYPERLINK(relocation)",
        asahi,
        D(2015, 1, 5),
        9,
        [security],
        page="22-25",
        edition=Article.Edition.EVENING,
        kind=Article.Kind.EDITORIAL,
        body='-2 first line\nsame paragraph.\n\n@Second paragraph, relocation, "quoted".',
        original_title="移設計画",
        translator="K. Sato",
        translator_notes="+notes",
        source_url="https://example.com/a?b=1",
    )
    clip("Budget passes the Diet", kyodo, D(2016, 5, 1), 2)
    clip("Relocation draft", asahi, D(2016, 6, 1), 0, status=Article.Status.DRAFT)
    clip("Relocation scheduled", asahi, D(2016, 6, 2), 0, publish_at=LATER)


def download(client, url: str):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response.streaming
    return response, b"".join(response.streaming_content).decode()


def csv_rows(body: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(body)))


def fetch_feed(client, url: str):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    return feed


# --- Offered on every list -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "feed", "csv_url"),
    [
        ("/search/?q=relocation", "/search/feed/?q=relocation", "/search/export.csv?q=relocation"),
        (
            "/search/?q=relocation&outlet=asahi&sort=oldest&page=2",
            "/search/feed/?q=relocation&outlet=asahi",
            "/search/export.csv?q=relocation&outlet=asahi",
        ),
        ("/articles/", "/articles/feed/", "/articles/export.csv"),
        (
            "/articles/?topic=okinawa&kind=full&before=2016-04-01.999",
            "/articles/feed/?topic=okinawa&kind=full",
            "/articles/export.csv?topic=okinawa&kind=full",
        ),
        ("/search/?outlet=kyodo", "/search/feed/?outlet=kyodo", "/search/export.csv?outlet=kyodo"),
    ],
)
def test_every_list_offers_its_feed_and_downloads(client, world, url, feed, csv_url):
    body = client.get(url).content.decode()
    escaped = feed.replace("&", "&amp;")
    assert re.search(
        rf'<link rel="alternate" type="application/atom\+xml" title="Reading Room: [^"]+" '
        rf'href="{re.escape(escaped)}">',
        body,
    )
    assert f'<a class="feed-link" href="{escaped}">Follow this list (Atom)</a>' in body
    assert f'href="{csv_url.replace("&", "&amp;")}" rel="nofollow" download>' in body
    jsonl = csv_url.replace("export.csv", "export.jsonl").replace("&", "&amp;")
    assert f'href="{jsonl}" rel="nofollow" download>' in body


# --- Feeds -------------------------------------------------------------------------------------


def test_feed_of_a_search(client, world):
    feed = fetch_feed(client, "/search/feed/?q=relocation&sort=oldest")
    assert feed.feed.title == "Reading Room: “relocation”"
    assert feed.feed.link == "http://testserver/search/?q=relocation"
    self_link = [link.href for link in feed.feed.links if link.rel == "self"]
    assert self_link == ["http://testserver/search/feed/?q=relocation"]
    # Newest publication first, as in every feed; drafts and scheduled clippings never.
    assert [entry.title for entry in feed.entries] == [
        "Relocation protest grows",
        "Base relocation plan approved",
        "=HYPERLINK(relocation)",
    ]
    entry = feed.entries[0]
    assert entry.link.startswith("http://testserver/articles/")
    assert entry.author == "Kyodo"


def test_feed_of_filters_and_a_search_together(client, world):
    feed = fetch_feed(client, "/articles/feed/?q=relocation&topic=security&from=2016-01-01")
    assert feed.feed.title == "Reading Room: “relocation” · Security · from Jan. 1, 2016"
    assert feed.feed.link == (
        "http://testserver/articles/?q=relocation&topic=security&from=2016-01-01"
    )
    assert [entry.title for entry in feed.entries] == [
        "Relocation protest grows",
        "Base relocation plan approved",
    ]


def test_feed_of_filters_alone(client, world):
    feed = fetch_feed(client, "/search/feed/?outlet=kyodo")
    assert feed.feed.title == "Reading Room: Kyodo"
    assert [entry.title for entry in feed.entries] == [
        "Relocation protest grows",
        "Budget passes the Diet",
    ]


def test_feed_of_unreadable_filters_is_empty(client, world):
    feed = fetch_feed(client, "/search/feed/?q=relocation&outlet=nope")
    assert feed.entries == []
    assert feed.feed.title == "Reading Room: filters that could not be understood"


def test_feed_is_fifty_entries_newest_first(client, db):
    now = timezone.now()
    for n in range(FEED_LENGTH + 3):
        ArticleFactory(
            title=f"Harbour {n}",
            body="Harbour news.",
            publish_at=now - datetime.timedelta(minutes=n + 1),
        )
    feed = fetch_feed(client, "/search/feed/?q=harbour")
    assert len(feed.entries) == FEED_LENGTH
    assert feed.entries[0].title == "Harbour 0"


def test_feed_query_count_is_flat(client, db):
    def count() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert client.get("/search/feed/?q=harbour&topic=t").status_code == 200
        return len(ctx)

    topic = TagFactory(name="T", slug="t")
    ArticleFactory(title="Harbour", tags=[topic])
    few = count()
    for n in range(10):
        ArticleFactory(title=f"Harbour {n}", tags=[topic, TagFactory()])
    assert count() == few


# --- Downloads --------------------------------------------------------------------------------


def test_csv_download_of_a_search(client, world):
    response, body = download(client, "/search/export.csv?q=relocation&sort=relevance")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    today = timezone.localdate().isoformat()
    assert response["Content-Disposition"] == f'attachment; filename="readingroom-{today}.csv"'
    rows = csv_rows(body)
    # Newest source date first, unranked: a download is the whole set, in date order.
    assert [row["title"] for row in rows] == [
        "Relocation protest grows",
        "Base relocation plan approved",
        "'=HYPERLINK(relocation)",
    ]
    assert tuple(rows[0]) == exports.CLIPPING_COLUMNS
    protest = Article.objects.get(title="Relocation protest grows")
    assert rows[0]["url"] == "http://testserver" + protest.get_absolute_url()
    assert rows[0]["tags"] == "okinawa;security"
    assert all(row["status"] == "published" for row in rows)


def test_csv_cells_are_safe_in_a_spreadsheet(client, world):
    _response, body = download(client, "/articles/export.csv?kind=editorial")
    (row,) = csv_rows(body)
    for cell in row.values():
        assert not cell.startswith(exports.FORMULA_STARTS), cell
    assert row["body"].startswith("'-2 first line")
    assert row["translator_notes"] == "'+notes"


def test_jsonl_download_of_filters(client, world):
    response, body = download(client, "/articles/export.jsonl?outlet=asahi&topic=security")
    assert response["Content-Type"] == "application/jsonl; charset=utf-8"
    assert response["Content-Disposition"].endswith('.jsonl"')
    records = [json.loads(line) for line in body.splitlines()]
    assert [(r["record"], r["title"]) for r in records] == [
        ("clipping", "Base relocation plan approved"),
        ("clipping", "=HYPERLINK(relocation)"),
    ]
    assert records[1]["original_title"] == "移設計画"
    assert records[1]["url"].startswith("http://testserver/articles/")


def test_download_of_everything_leaves_out_what_is_not_public(client, world):
    _response, body = download(client, "/articles/export.jsonl")
    titles = [json.loads(line)["title"] for line in body.splitlines()]
    assert len(titles) == 4
    assert not any(title.startswith("Relocation d") or "scheduled" in title for title in titles)


def test_download_of_a_search_holds_every_match_beyond_the_caps(client, db, settings):
    settings.SEARCH_COUNT_LIMIT = 3
    settings.SEARCH_RANK_LIMIT = 3
    settings.SEARCH_FACET_LIMIT = 3
    for n in range(8):
        ArticleFactory(title=f"Harbour {n}", published_on=D(2015, 1, 1 + n))
    ArticleFactory(title="Other news")
    page = client.get("/search/?q=harbour")
    assert page.context["result"].total_display == "3+"
    _response, body = download(client, "/search/export.csv?q=harbour")
    assert [row["title"] for row in csv_rows(body)] == [f"Harbour {n}" for n in range(7, -1, -1)]


def test_download_of_a_query_with_nothing_to_look_for_is_empty(client, world):
    _response, body = download(client, "/search/export.csv?q=-relocation")
    assert csv_rows(body) == []
    _response, body = download(client, "/search/export.jsonl?q=relocation&outlet=nope")
    assert body == ""


def test_csv_download_reimports(client, world, tmp_path):
    """A round trip: the download, imported into a database with the outlets and topics."""

    before = clipping_snapshot(Article.objects.published())
    _response, body = download(client, "/articles/export.csv")
    path = tmp_path / "download.csv"
    path.write_text(body, encoding="utf-8", newline="")
    Article.objects.all().delete()
    assert Outlet.objects.count() == 2 and Tag.objects.count() == 2
    call_command("import_clippings", str(path), verbosity=0)
    assert clipping_snapshot(Article.objects.published()) == before
    # Importing it again changes nothing.
    call_command("import_clippings", str(path), verbosity=0)
    assert clipping_snapshot(Article.objects.published()) == before


def test_downloads_stream_in_pieces(client, db, monkeypatch):
    """The rows are read a chunk at a time and sent as they come, never gathered first."""
    monkeypatch.setattr(exports, "CHUNK_SIZE", 2)
    monkeypatch.setattr(views, "EXPORT_PIECE", 1)
    topic = TagFactory(name="T", slug="t")
    for n in range(6):
        ArticleFactory(title=f"Harbour {n}", tags=[topic])
    response = client.get("/search/export.csv?q=harbour")
    pieces = iter(response.streaming_content)
    with CaptureQueriesContext(connection) as ctx:
        first = [next(pieces) for _ in range(2)]  # the header and the first row
    # The topics are loaded chunk by chunk, alongside the rows they belong to.
    tag_queries = [q for q in ctx.captured_queries if "articles_tag" in q["sql"]]
    assert len(tag_queries) == 1
    assert first[0].startswith(b"title,slug,")
    with CaptureQueriesContext(connection) as ctx:
        rest = list(pieces)
    assert len([q for q in ctx.captured_queries if "articles_tag" in q["sql"]]) == 2
    assert len(rest) == 5


@pytest.mark.parametrize("kind", ["outlet", "topic"])
def test_outlet_and_topic_pages_offer_downloads_of_their_clippings(client, db, kind):
    outlet = OutletFactory(slug="asahi-dl", name="Asahi DL")
    topic = TagFactory(slug="russia-dl", name="Russia DL")
    ArticleFactory(outlet=outlet, tags=[topic])
    slug = outlet.slug if kind == "outlet" else topic.slug
    page = client.get(f"/{kind}s/{slug}/").content.decode()
    for file_format in ("csv", "jsonl"):
        assert f"/articles/export.{file_format}?{kind}={slug}" in page
