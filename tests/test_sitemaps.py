import datetime
import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import Article
from articles.sitemaps import ArticleSitemap
from tests.factories import ArticleFactory, OutletFactory, TagFactory

D = datetime.date
LATER = datetime.datetime(2999, 1, 1, tzinfo=datetime.UTC)
NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
HOST = "http://testserver"


def xml(client, url: str) -> ET.Element:
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("application/xml")
    return ET.fromstring(response.content)  # raises unless well-formed


def locations(root: ET.Element) -> list[str]:
    return [loc.text.removeprefix(HOST) for loc in root.iterfind(".//sm:loc", NS)]


@pytest.fixture
def world(db):
    sankei = OutletFactory(name="Sankei", slug="sankei")
    OutletFactory(name="Quiet", slug="quiet")  # no public clipping
    security = TagFactory(name="Security", slug="security")
    okinawa = TagFactory(name="Okinawa", slug="okinawa", parent=security)
    TagFactory(name="Empty", slug="empty")
    hidden_only = TagFactory(name="Hidden only", slug="hidden-only")
    public = [
        ArticleFactory(outlet=sankei, published_on=D(2015, 11, 10), tags=[okinawa]),
        ArticleFactory(outlet=sankei, published_on=D(2015, 11, 10)),
        ArticleFactory(outlet=sankei, published_on=D(2016, 1, 5)),
    ]
    hidden = [
        ArticleFactory(
            outlet=OutletFactory(name="Drafty", slug="drafty"),
            published_on=D(2017, 3, 3),
            status=Article.Status.DRAFT,
            tags=[hidden_only],
        ),
        ArticleFactory(outlet=sankei, published_on=D(2017, 4, 4), publish_at=LATER),
    ]
    return public, hidden


def test_index_lists_the_sections(client, world):
    root = xml(client, "/sitemap.xml")
    assert root.tag == f"{{{NS['sm']}}}sitemapindex"
    assert locations(root) == [
        "/sitemap-pages.xml",
        "/sitemap-articles.xml",
        "/sitemap-outlets.xml",
        "/sitemap-topics.xml",
        "/sitemap-days.xml",
    ]


def test_sections_list_every_public_page_and_nothing_hidden(client, world):
    public, hidden = world
    assert locations(xml(client, "/sitemap-pages.xml")) == [
        "/",
        "/archive/",
        "/outlets/",
        "/topics/",
        "/articles/",
    ]
    articles = locations(xml(client, "/sitemap-articles.xml"))
    assert articles == [a.get_absolute_url() for a in public]
    for article in hidden:
        assert article.get_absolute_url() not in articles
    assert locations(xml(client, "/sitemap-outlets.xml")) == ["/outlets/sankei/"]
    # A parent topic is listed for its sub-topic's clippings.
    assert sorted(locations(xml(client, "/sitemap-topics.xml"))) == [
        "/topics/okinawa/",
        "/topics/security/",
    ]
    assert locations(xml(client, "/sitemap-days.xml")) == [
        "/archive/2015/11/10/",
        "/archive/2016/01/05/",
    ]


def test_clippings_carry_lastmod(client, world):
    public, _ = world
    root = xml(client, "/sitemap-articles.xml")
    lastmods = [el.text for el in root.iterfind(".//sm:lastmod", NS)]
    assert len(lastmods) == len(public)
    assert all(datetime.datetime.fromisoformat(text) for text in lastmods)
    index = xml(client, "/sitemap.xml")
    assert index.find("sm:sitemap[2]/sm:lastmod", NS) is not None


def test_clippings_section_is_paged(client, world, monkeypatch):
    public, _ = world
    monkeypatch.setattr(ArticleSitemap, "limit", 2)
    assert locations(xml(client, "/sitemap.xml"))[1:3] == [
        "/sitemap-articles.xml",
        "/sitemap-articles.xml?p=2",
    ]
    first = locations(xml(client, "/sitemap-articles.xml"))
    second = locations(xml(client, "/sitemap-articles.xml?p=2"))
    assert first + second == [a.get_absolute_url() for a in public]
    for page in ("3", "0", "x", "99999999999999999999"):
        assert client.get(f"/sitemap-articles.xml?p={page}").status_code == 404


def test_unknown_section_is_404(client, world):
    assert client.get("/sitemap-nope.xml").status_code == 404


def test_index_does_not_load_every_clipping(client, world):
    with CaptureQueriesContext(connection) as ctx:
        xml(client, "/sitemap.xml")
    few = len(ctx)
    for _ in range(20):
        ArticleFactory()
    with CaptureQueriesContext(connection) as ctx:
        xml(client, "/sitemap.xml")
    assert len(ctx) == few
    # Counts and a MAX() only: no query reads the clippings' rows.
    assert not any('"articles_article"."slug"' in q["sql"] for q in ctx.captured_queries)


def test_robots_txt(client, db):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    assert "Disallow: /admin/" in lines
    assert "Allow: /" in lines
    assert f"Sitemap: {HOST}/sitemap.xml" in lines
