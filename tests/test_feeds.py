import datetime

import feedparser
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.xmlutils import UnserializableContentError

from articles.feeds import FEED_LENGTH, FastAtom1Feed
from articles.models import Article
from tests.factories import ArticleFactory, OutletFactory, TagFactory

D = datetime.date
LATER = datetime.datetime(2999, 1, 1, tzinfo=datetime.UTC)


def fetch(client, url: str):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")  # well-formed
    assert feed.version == "atom10"
    return feed


def titles(feed) -> list[str]:
    return [entry.title for entry in feed.entries]


@pytest.fixture
def world(db):
    now = timezone.now()
    sankei = OutletFactory(name="Sankei", slug="sankei")
    asahi = OutletFactory(name="Asahi", slug="asahi")
    security = TagFactory(name="Security", slug="security")
    okinawa = TagFactory(name="Okinawa", slug="okinawa", parent=security)

    def clip(title, outlet, hours_ago, tags=(), **kwargs):
        kwargs.setdefault("publish_at", now - datetime.timedelta(hours=hours_ago))
        return ArticleFactory(title=title, outlet=outlet, tags=list(tags), **kwargs)

    clip("Newest", asahi, 1, [okinawa], published_on=D(2015, 1, 1))
    clip("Middle", sankei, 2, [security, okinawa], published_on=D(2016, 1, 1))
    clip("Oldest", sankei, 3, published_on=D(2015, 6, 1))
    clip("Draft", sankei, 1, [security], status=Article.Status.DRAFT)
    clip("Scheduled", sankei, 0, [security], publish_at=LATER)


def test_latest_feed(client, world):
    feed = fetch(client, "/feeds/latest/")
    assert feed.feed.title == "Reading Room: latest clippings"
    assert feed.feed.link == "http://testserver/"
    # Newest publication on the site first, whatever the source date.
    assert titles(feed) == ["Newest", "Middle", "Oldest"]


def test_entries(client, world):
    middle = Article.objects.get(title="Middle")
    entry = fetch(client, "/feeds/latest/").entries[1]
    url = f"http://testserver{middle.get_absolute_url()}"
    assert entry.link == url
    assert entry.id == url
    assert entry.author == "Sankei"
    assert sorted(tag.term for tag in entry.tags) == ["Security", "Security › Okinawa"]
    assert entry.summary == "First paragraph of clipping " + middle.body.split()[4]
    published = datetime.datetime(*entry.published_parsed[:6], tzinfo=datetime.UTC)
    assert abs(published - middle.publish_at) < datetime.timedelta(seconds=1)
    assert entry.updated_parsed >= entry.published_parsed


def test_no_hidden_clippings_in_any_feed(client, world):
    for url in ("/feeds/latest/", "/outlets/sankei/feed/", "/topics/security/feed/"):
        body = client.get(url).content.decode()
        assert "Draft" not in body and "Scheduled" not in body, url


def test_outlet_feed(client, world):
    feed = fetch(client, "/outlets/sankei/feed/")
    assert feed.feed.title == "Reading Room: Sankei"
    assert feed.feed.link == "http://testserver/outlets/sankei/"
    assert titles(feed) == ["Middle", "Oldest"]


def test_topic_feed_includes_sub_topics(client, world):
    assert titles(fetch(client, "/topics/security/feed/")) == ["Newest", "Middle"]
    feed = fetch(client, "/topics/okinawa/feed/")
    assert feed.feed.title == "Reading Room: Security › Okinawa"
    assert titles(feed) == ["Newest", "Middle"]


def test_unknown_outlet_or_topic_feed_is_404(client, world):
    assert client.get("/outlets/nope/feed/").status_code == 404
    assert client.get("/topics/nope/feed/").status_code == 404


def test_empty_feeds_are_still_valid(client, db):
    assert titles(fetch(client, "/feeds/latest/")) == []
    OutletFactory(name="Quiet", slug="quiet")
    assert titles(fetch(client, "/outlets/quiet/feed/")) == []


def test_feed_text_is_escaped_once(client, db):
    ArticleFactory(
        title="<b>Bold</b> & “quoted”",
        body="<script>alert(1)</script> & co.\nsame paragraph\n\nSecond <i>paragraph</i>.",
    )
    raw = client.get("/feeds/latest/").content.decode()
    assert "<script>" not in raw and "<b>" not in raw
    entry = fetch(client, "/feeds/latest/").entries[0]
    assert entry.title == "<b>Bold</b> & “quoted”"
    assert entry.title_detail.type == "text/plain"
    # The summary is HTML carrying the escaped paragraph: readers show the text as typed.
    assert entry.summary_detail.type == "text/html"
    assert entry.summary == "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co.\nsame paragraph"


def test_feeds_hold_the_50_newest(client, db):
    now = timezone.now()
    for i in range(FEED_LENGTH + 5):
        ArticleFactory(title=f"Clipping {i}", publish_at=now - datetime.timedelta(minutes=i))
    feed = fetch(client, "/feeds/latest/")
    assert titles(feed) == [f"Clipping {i}" for i in range(FEED_LENGTH)]


@pytest.mark.parametrize(
    "url", ["/feeds/latest/", "/outlets/sankei/feed/", "/topics/security/feed/"]
)
def test_feed_queries_stay_flat(client, world, url):
    def queries() -> int:
        with CaptureQueriesContext(connection) as ctx:
            fetch(client, url)
        return len(ctx)

    few = queries()
    sankei = Article.objects.get(title="Oldest").outlet
    security = TagFactory._meta.model.objects.get(slug="security")
    for i in range(10):
        tag = TagFactory(name=f"Extra {i}", slug=f"extra-{i}")
        ArticleFactory(outlet=sankei, tags=[security, tag])
    assert queries() == few


def test_the_atom_writer_gives_djangos_document():
    """FastAtom1Feed joins strings where Atom1Feed drives a SAX writer: the same bytes."""
    when = datetime.datetime(2015, 11, 10, 9, 30, tzinfo=datetime.UTC)
    kwargs = {
        "title": "Reading Room: <Sankei> & “friends”",
        "link": "http://testserver/outlets/sankei/",
        "description": None,
        "language": "en-us",
        "feed_url": "http://testserver/outlets/sankei/feed/?q=a&b='c'",
        "subtitle": 'The latest "clippings".',
    }
    feeds = [FastAtom1Feed(**kwargs), Atom1Feed(**kwargs)]
    for feed in feeds:
        for n, (title, categories) in enumerate(
            [("A <b>bold</b> & plain title", ["Security", "Security › Okinawa"]), ("", [])]
        ):
            feed.add_item(
                title=title,
                link=f"http://testserver/articles/{n}/a-slug/",
                unique_id=f"http://testserver/articles/{n}/a-slug/",
                description="&lt;p&gt; a summary" if n == 0 else "",
                pubdate=when,
                updateddate=when + datetime.timedelta(days=n),
                author_name="Sankei & Co",
                categories=categories,
            )
    fast, django_feed = (feed.writeString("utf-8") for feed in feeds)
    assert fast == django_feed


def test_the_atom_writer_refuses_control_characters():
    feed = FastAtom1Feed(title="Bad \x07 bell", link="http://testserver/", description=None)
    with pytest.raises(UnserializableContentError):
        feed.writeString("utf-8")


@pytest.mark.parametrize(
    "url", ["/feeds/latest/", "/outlets/sankei/feed/", "/topics/security/feed/"]
)
def test_a_feed_is_one_query_with_the_collection_kept(client, world, settings, url):
    """Entries with their topic ids in one query; topics and outlets kept until the next write."""
    settings.COLLECTION_CACHE_SECONDS = 300
    fetch(client, url)
    with CaptureQueriesContext(connection) as ctx:
        feed = fetch(client, url)
    # On SQLite a topic's feed first counts the topic's links to pick its plan (filed_under()).
    plan = 1 if "/topics/" in url and connection.vendor == "sqlite" else 0
    assert len(ctx) == 1 + plan
    assert any(entry.get("tags") for entry in feed.entries)
