"""The clipping page around the text: provenance, related clippings, the day's neighbours, and
the head links every public page carries (canonical address, feeds, Open Graph)."""

import datetime
import html
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import Article, Correction
from articles.views import around_the_day, related_in_topics
from tests.factories import ArticleFactory, OutletFactory, TagFactory

D = datetime.date
LATER = datetime.datetime(2999, 1, 1, tzinfo=datetime.UTC)


def body_of(client, url: str, status: int = 200) -> str:
    response = client.get(url)
    assert response.status_code == status, f"{url} answered {response.status_code}"
    return response.content.decode()


def section(body: str, heading: str) -> str:
    """The HTML of the section that a heading opens."""
    start = body.index(f">{heading}</h2>")
    end = body.find("</section>", start)
    return body[start:end]


def titles_in(fragment: str) -> list[str]:
    links = re.findall(r'<a [^>]*href="/articles/\d+/[^"]*"[^>]*>([^<]*)</a>', fragment)
    return [html.unescape(title) for title in links]


# --- Provenance -------------------------------------------------------------------------------


@pytest.fixture
def clipping(db):
    sankei = OutletFactory(name="Sankei", slug="sankei", kind="national-daily")
    return ArticleFactory(
        title="Japan coordinating for Abe-Putin meeting",
        outlet=sankei,
        published_on=D(2015, 11, 10),
        page="5",
        edition="morning",
        position="Top play",
        kind="abridged",
        body="First paragraph, with a\nline break.\n\nSecond paragraph.",
        original_title="日露首脳会談を調整",
        original_language="ja",
        translator="K. Tanaka",
        translator_notes="The Northern Territories are the Southern Kurils.",
    )


def test_provenance_block(client, clipping):
    body = body_of(client, clipping.get_absolute_url())
    facts = body[body.index('<dl class="facts">') : body.index("</dl>")]
    pairs = dict(re.findall(r"<dt>(.*?)</dt><dd[^>]*>(.*?)</dd>", facts, flags=re.S))
    assert 'href="/outlets/sankei/">Sankei</a>' in pairs["Outlet"]
    assert "(National daily)" in pairs["Outlet"]
    assert '<time datetime="2015-11-10">November 10, 2015</time>' in pairs["Source date"]
    assert pairs["Edition"] == "Morning"
    assert pairs["Page"] == "5"
    assert pairs["Position"] == "Top play"
    assert pairs["Kind of text"] == "Abridged translation"
    assert pairs["Translator"] == "K. Tanaka"
    assert (
        pairs["Original headline"]
        == '<p class="clipping__original" lang="ja">日露首脳会談を調整</p>'
    )
    assert "Southern Kurils" in pairs["Translator’s notes"]


def test_original_headline_takes_the_outlet_language_when_unset(client, db):
    outlet = OutletFactory(name="Chosun", slug="chosun")
    outlet.language = "ko"
    outlet.save()
    article = ArticleFactory(outlet=outlet, original_title="제목", original_language="")
    assert 'lang="ko">제목</p>' in body_of(client, article.get_absolute_url())


# --- More on this topic -----------------------------------------------------------------------


@pytest.fixture
def topic_world(db):
    russia = TagFactory(name="Russia", slug="russia")
    china = TagFactory(name="China", slug="china")
    other = TagFactory(name="Budget", slug="budget")
    outlet = OutletFactory(name="Sankei", slug="sankei")
    here = ArticleFactory(
        title="Here", outlet=outlet, published_on=D(2015, 11, 10), tags=[russia, china]
    )
    make = lambda title, day, tags, **kw: ArticleFactory(  # noqa: E731
        title=title, outlet=outlet, published_on=day, tags=tags, **kw
    )
    make("Same day", D(2015, 11, 10), [russia])
    make("Day before", D(2015, 11, 9), [china])
    make("Two days after", D(2015, 11, 12), [russia, china])  # shares both: listed once
    make("Week before", D(2015, 11, 3), [russia])
    make("Month after", D(2015, 12, 10), [china])
    make("Year before", D(2014, 11, 10), [russia])
    make("Unrelated", D(2015, 11, 10), [other])
    make("Draft", D(2015, 11, 11), [russia], status=Article.Status.DRAFT)
    make("Scheduled", D(2015, 11, 11), [russia], publish_at=LATER)
    return here


def test_more_on_this_topic_is_nearest_in_time_first(client, topic_world):
    related = related_in_topics(Article.objects.with_related().get(pk=topic_world.pk))
    assert [a.title for a in related] == [
        "Same day",
        "Day before",
        "Two days after",
        "Week before",
        "Month after",
    ]
    body = body_of(client, topic_world.get_absolute_url())
    assert titles_in(section(body, "More on this topic")) == [a.title for a in related]


def test_more_on_this_topic_never_shows_hidden_or_itself(client, topic_world):
    related = related_in_topics(topic_world, limit=50)
    titles = [a.title for a in related]
    assert "Year before" in titles
    assert not {"Here", "Unrelated", "Draft", "Scheduled"} & set(titles)
    assert len(titles) == len(set(titles))


def test_no_topics_no_related_section(client, db):
    article = ArticleFactory()
    ArticleFactory()
    assert related_in_topics(article) == []
    assert "More on this topic" not in body_of(client, article.get_absolute_url())


# --- The same day -----------------------------------------------------------------------------


@pytest.fixture
def day_world(db):
    day = D(2015, 11, 10)
    asahi = OutletFactory(name="Asahi", slug="asahi")
    nikkei = OutletFactory(name="Nikkei", slug="nikkei")
    sankei = OutletFactory(name="sankei", slug="sankei")  # lower case: order ignores case
    made = {}
    for outlet, pages in ((asahi, ["12", "3"]), (nikkei, ["1", "", "A2"]), (sankei, ["5"])):
        for page in pages:
            title = f"{outlet.name} p{page or '-'}"
            made[title] = ArticleFactory(title=title, outlet=outlet, published_on=day, page=page)
    ArticleFactory(title="Other day", outlet=asahi, published_on=D(2015, 11, 11))
    ArticleFactory(title="Draft", outlet=asahi, published_on=day, status=Article.Status.DRAFT)
    ArticleFactory(title="Scheduled", outlet=nikkei, published_on=day, publish_at=LATER)
    return made


# The day page's order: outlet name ignoring case, then page number, lettered pages, no page.
DAY_ORDER = ["Asahi p3", "Asahi p12", "Nikkei p1", "Nikkei pA2", "Nikkei p-", "sankei p5"]


def test_previous_and_next_follow_the_day_page_order(client, day_world):
    for i, title in enumerate(DAY_ORDER):
        around = around_the_day(day_world[title])
        assert around.count == len(DAY_ORDER)
        assert (around.previous.title if around.previous else None) == (
            DAY_ORDER[i - 1] if i else None
        )
        assert (around.next.title if around.next else None) == (
            DAY_ORDER[i + 1] if i + 1 < len(DAY_ORDER) else None
        )
    # And it matches what the day page shows.
    day_page = body_of(client, "/archive/2015/11/10/")
    assert [t for t in titles_in(day_page) if t in DAY_ORDER] == DAY_ORDER


def test_previous_and_next_links_on_the_page(client, day_world):
    body = body_of(client, day_world["Nikkei p1"].get_absolute_url())
    nav = body[body.index('<nav class="pager day-pager"') :]
    nav = nav[: nav.index("</nav>")]
    assert re.search(rf'rel="prev" href="{day_world["Asahi p12"].get_absolute_url()}"', nav)
    assert re.search(rf'rel="next" href="{day_world["Nikkei pA2"].get_absolute_url()}"', nav)
    first = body_of(client, day_world["Asahi p3"].get_absolute_url())
    assert 'rel="prev"' not in first and 'rel="next"' in first


def test_same_day_in_other_outlets_leads_with_each_outlets_first_page(client, day_world):
    around = around_the_day(day_world["Asahi p3"], limit=2)
    # One per outlet first, in the day's order; Nikkei's later pages wait their turn.
    assert [a.title for a in around.other_outlets] == ["Nikkei p1", "sankei p5"]
    around = around_the_day(day_world["Asahi p3"])
    assert [a.title for a in around.other_outlets] == [
        "Nikkei p1",
        "Nikkei pA2",
        "Nikkei p-",
        "sankei p5",
    ]
    body = body_of(client, day_world["Asahi p3"].get_absolute_url())
    same_day = section(body, "Same day in other outlets")
    assert titles_in(same_day) == [a.title for a in around.other_outlets]
    assert "Asahi p12" not in same_day and "Other day" not in same_day
    assert "Draft" not in body and "Scheduled" not in body
    assert 'href="/archive/2015/11/10/">All 6 clippings of November 10, 2015</a>' in same_day


def test_around_the_day_is_one_query_and_builds_only_what_it_shows(day_world, settings):
    settings.COLLECTION_CACHE_SECONDS = 300  # the outlets kept, as in production
    article = day_world["Nikkei p1"]
    zed = OutletFactory(name="Zed", slug="zed")
    for n in range(40):
        ArticleFactory(title=f"Zed {n}", outlet=zed, published_on=article.published_on, page=str(n))
    around_the_day(article, limit=3)
    with CaptureQueriesContext(connection) as queries:
        around = around_the_day(article, limit=3)
    assert len(queries) == 1
    assert around.count == len(DAY_ORDER) + 40
    assert (around.previous.title, around.next.title) == ("Asahi p12", "Nikkei pA2")
    assert [a.title for a in around.other_outlets] == ["Asahi p3", "sankei p5", "Zed 0"]
    # What it hands back links and names its outlet like a saved clipping, with no query.
    with CaptureQueriesContext(connection) as queries:
        urls = [a.get_absolute_url() for a in (around.previous, around.next)]
        names = [a.outlet.name for a in around.other_outlets]
    assert len(queries) == 0
    assert urls == [day_world[title].get_absolute_url() for title in ("Asahi p12", "Nikkei pA2")]
    assert names == ["Asahi", "sankei", "Zed"]


def test_a_lone_clipping_has_no_neighbours(client, db):
    article = ArticleFactory()
    body = body_of(client, article.get_absolute_url())
    assert "day-pager" not in body
    assert "Same day in other outlets" not in body


def test_staff_preview_of_a_draft_shows_the_public_neighbours(client, editor, day_world):
    draft = Article.objects.get(title="Draft")
    client.force_login(editor)
    around = around_the_day(draft)
    assert around.previous is None and around.next is None
    assert around.count == len(DAY_ORDER)
    body = body_of(client, draft.get_absolute_url())
    assert "Nikkei p1" in section(body, "Same day in other outlets")


# --- Query counts -----------------------------------------------------------------------------


def grow(n: int, start: int, hub_tags, day: datetime.date) -> None:
    for i in range(start, start + n):
        outlet = OutletFactory(name=f"Paper {i}", slug=f"paper-{i}")
        ArticleFactory(outlet=outlet, published_on=day, page=str(i), tags=hub_tags)
        ArticleFactory(outlet=outlet, published_on=day - datetime.timedelta(days=i), tags=hub_tags)


def count_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx)


def test_clipping_page_queries_stay_flat(client, db, settings):
    tags = [TagFactory(name="Russia", slug="russia"), TagFactory(name="China", slug="china")]
    day = D(2015, 11, 10)
    hub = ArticleFactory(title="Hub", published_on=day, tags=tags)
    grow(3, 0, tags, day)
    few = count_queries(client, hub.get_absolute_url())
    grow(15, 3, tags, day)
    assert count_queries(client, hub.get_absolute_url()) == few
    # As production runs, with outlets and topics kept until the next write: the clipping
    # with its topic ids, and on PostgreSQL one UNION for the related clippings and the day;
    # on SQLite two for the related clippings, a bounded count that picks their plan, and one
    # for the day. Corrections only when there are some.
    settings.COLLECTION_CACHE_SECONDS = 300
    client.get(hub.get_absolute_url())
    assert count_queries(client, hub.get_absolute_url()) == (
        2 if connection.vendor == "postgresql" else 5
    )


def test_corrections_are_asked_for_only_when_there_are_some(client, db):
    article = ArticleFactory(tags=[TagFactory(name="Russia", slug="russia")])
    ArticleFactory(published_on=article.published_on)
    plain = count_queries(client, article.get_absolute_url())
    Correction.objects.create(article=article, note="The date of the talks was wrong.")
    corrected = count_queries(client, article.get_absolute_url())
    assert corrected == plain + 1
    assert "The date of the talks was wrong." in body_of(client, article.get_absolute_url())


@pytest.mark.parametrize("suffix", ["cite.ris", "cite.bib"])
def test_citation_file_queries_stay_flat(client, db, suffix):
    tags = [TagFactory(name="Russia", slug="russia")]
    hub = ArticleFactory(title="Hub", tags=tags)
    few = count_queries(client, hub.get_absolute_url() + suffix)
    hub.tags.add(*[TagFactory(name=f"T{i}", slug=f"t{i}") for i in range(10)])
    assert count_queries(client, hub.get_absolute_url() + suffix) == few
    assert few <= 3


# --- Head links: canonical, feeds, Open Graph -------------------------------------------------


def canonical(body: str) -> str | None:
    match = re.search(r'<link rel="canonical" href="([^"]*)">', body)
    return html.unescape(match[1]) if match else None


@pytest.fixture
def small_world(db):
    sankei = OutletFactory(name="Sankei", slug="sankei")
    security = TagFactory(name="Security", slug="security")
    return ArticleFactory(outlet=sankei, published_on=D(2015, 11, 10), tags=[security])


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("/", "/"),
        ("/?utm_source=x", "/"),
        ("/archive/2015/11/10/?x=1", "/archive/2015/11/10/"),
        ("/outlets/sankei/", "/outlets/sankei/"),
        ("/topics/security/?utm_campaign=y", "/topics/security/"),
        ("/topics/security/?before=2015-11-10.999&x=1", "/topics/security/?before=2015-11-10.999"),
        (
            "/articles/?utm=1&topic=security&outlet=sankei&kind=&from=2015-11-01",
            "/articles/?outlet=sankei&topic=security&from=2015-11-01",
        ),
        (
            "/compare/?topic=security&from=2015-11-01&junk=1",
            "/compare/?topic=security&from=2015-11-01",
        ),
    ],
)
def test_canonical_url(client, small_world, url, expected):
    assert canonical(body_of(client, url)) == f"http://testserver{expected}"


def test_canonical_url_of_a_clipping_is_its_permalink(client, small_world):
    body = body_of(client, small_world.get_absolute_url() + "?ref=twitter")
    assert canonical(body) == f"http://testserver{small_world.get_absolute_url()}"


def test_unknown_addresses_have_no_canonical_url(client, db):
    assert canonical(body_of(client, "/no/such/page/", status=404)) is None


def feed_links(body: str) -> list[str]:
    return re.findall(
        r'<link rel="alternate" type="application/atom\+xml" title="[^"]*" href="([^"]*)">', body
    )


def test_feeds_are_advertised_in_the_head(client, small_world):
    assert feed_links(body_of(client, "/")) == ["/feeds/latest/"]
    assert feed_links(body_of(client, "/outlets/sankei/")) == [
        "/feeds/latest/",
        "/outlets/sankei/feed/",
    ]
    assert feed_links(body_of(client, "/topics/security/")) == [
        "/feeds/latest/",
        "/topics/security/feed/",
    ]


def test_open_graph_on_a_clipping(client, db):
    article = ArticleFactory(
        title='Abe & Putin: "summit"',
        published_on=D(2015, 11, 10),
        body="It was learned\non Nov. 9 that " + "x" * 300 + "\n\nSecond.",
        tags=[TagFactory(name="Russia", slug="russia")],
    )
    body = body_of(client, article.get_absolute_url())
    meta = dict(re.findall(r'<meta property="([^"]+)" content="([^"]*)">', body))
    assert meta["og:type"] == "article"
    assert meta["og:site_name"] == "Reading Room"
    assert html.unescape(meta["og:title"]) == 'Abe & Putin: "summit"'
    assert meta["og:url"] == f"http://testserver{article.get_absolute_url()}"
    description = html.unescape(meta["og:description"])
    assert description.startswith("It was learned on Nov. 9 that xxx")
    assert len(description) == 200 and description.endswith("…")
    assert meta["article:published_time"] == "2015-11-10"
    assert meta["article:tag"] == "Russia"
    assert 'name="robots"' not in body


def test_previews_ask_not_to_be_indexed(client, editor):
    draft = ArticleFactory(status=Article.Status.DRAFT)
    client.force_login(editor)
    assert '<meta name="robots" content="noindex">' in body_of(client, draft.get_absolute_url())


# --- The frame rules hold on the new pages ------------------------------------------------


@pytest.mark.parametrize(
    "url",
    ["detail", "/compare/", "/compare/?topic=security", "/topics/security/", "/outlets/sankei/"],
)
def test_new_pages_keep_the_frame_rules(client, small_world, url):
    if url == "detail":
        url = small_world.get_absolute_url()
    body = body_of(client, url)
    assert not re.search(r"<script(?![^>]*\bsrc=)", body)
    assert " style=" not in body
    assert "<style" not in body
    assert not re.search(r'(src|href)="(https?:)?//(?!testserver)', body)
