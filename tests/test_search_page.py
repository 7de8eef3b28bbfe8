"""The search page: /search/ and /articles/ with `q`, facets, chips, paging and bad input.

CI runs this file on SQLite and on PostgreSQL; nothing here branches on the database.
"""

import datetime
import html
import re
from urllib.parse import urlencode

import feedparser
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from articles.models import Article
from articles.search import MAX_QUERY_LENGTH
from tests.factories import ArticleFactory, OutletFactory, TagFactory

D = datetime.date
LATER = datetime.datetime(2999, 1, 1, tzinfo=datetime.UTC)


def get(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, f"{url} answered {response.status_code}"
    return response


def text(response) -> str:
    return html.unescape(response.content.decode())


def hits(response) -> list[str]:
    return [article.title for article in response.context["result"].hits]


def listed(response) -> list[str]:
    return [article.title for article in response.context["page"].items]


def facet(response, name: str) -> dict[str, tuple[int, str | None, bool]]:
    """label -> (count, href, active) for one facet group of the page."""
    for group in response.context["facets"]:
        if group.name == name:
            return {v.label: (v.count, v.href, v.active) for v in group.values}
    return {}


@pytest.fixture
def world(db):
    asahi = OutletFactory(name="Asahi", slug="asahi")
    sankei = OutletFactory(name="Sankei", slug="sankei")
    kyodo = OutletFactory(name="Kyodo", slug="kyodo")
    security = TagFactory(name="Security", slug="security")
    okinawa = TagFactory(name="Okinawa", slug="okinawa", parent=security)
    economy = TagFactory(name="Economy", slug="economy")
    ArticleFactory(
        title="Putin visit to Japan delayed",
        outlet=asahi,
        published_on=D(2016, 12, 15),
        body="The Kremlin said the planned visit would wait.\n\nTalks go on.",
        tags=[security],
    )
    ArticleFactory(
        title="Abe and Putin agree on joint economic activities",
        outlet=sankei,
        published_on=D(2016, 12, 16),
        kind=Article.Kind.SUMMARY,
        edition=Article.Edition.EVENING,
        body="The leaders agreed to study joint projects on the islands.",
        tags=[economy, security],
    )
    ArticleFactory(
        title="Northern territories talks resume",
        outlet=kyodo,
        published_on=D(2015, 11, 10),
        body="Officials met in Moscow. President Putin is expected to visit next year.",
        tags=[security],
    )
    ArticleFactory(
        title="Henoko base construction resumes",
        outlet=asahi,
        published_on=D(2015, 6, 1),
        body="Work on the seawall started again despite protests.",
        tags=[okinawa],
    )
    ArticleFactory(
        title="Tariff negotiations with Washington",
        outlet=sankei,
        published_on=D(2017, 3, 1),
        body="Trade officials discussed beef and rice.",
        tags=[economy],
    )
    ArticleFactory(
        title="Putin secret draft",
        outlet=asahi,
        status=Article.Status.DRAFT,
        published_on=D(2016, 12, 20),
        tags=[security],
    )
    ArticleFactory(
        title="Putin embargoed", outlet=kyodo, publish_at=LATER, published_on=D(2014, 1, 1)
    )


# --- The search box everywhere ---------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    ["/", "/archive/", "/outlets/", "/topics/", "/compare/", "/articles/", "/search/", "detail"],
)
def test_every_page_has_a_search_box(client, world, url):
    if url == "detail":
        url = Article.objects.published().first().get_absolute_url()
    body = get(client, url).content.decode()
    form = re.search(r'<form class="[^"]*" role="search" method="get" action="([^"]*)">', body)
    assert form is not None
    assert form[1] in ("/search/", "/articles/")
    assert re.search(r'<input id="[^"]+" type="search" name="q"', body)


def test_the_header_box_has_a_hidden_label_and_searches(client, world):
    body = get(client, "/topics/").content.decode()
    assert '<form class="site-search" role="search" method="get" action="/search/">' in body
    assert '<label class="visually-hidden" for="site-search-q">' in body
    assert '<input id="site-search-q" type="search" name="q"' in body


# --- Results ---------------------------------------------------------------------------------


def test_search_page_with_nothing_asked_shows_how_to_search(client, world):
    response = get(client, "/search/")
    body = text(response)
    assert "How to search" in body
    assert '"northern territories"' in body and "OR" in body and "-henoko" in body
    assert "Accents make no difference" in body
    assert "result" not in response.context
    assert "Putin" not in body
    # Nothing listed, so nothing to follow or download.
    assert "Follow this list" not in body
    assert "application/atom+xml" in body  # only the site-wide feed in <head>
    assert "/search/feed/" not in body


@pytest.mark.parametrize("path", ["/search/", "/articles/"])
def test_q_searches_on_both_addresses(client, world, path):
    response = get(client, f"{path}?q=putin")
    assert sorted(hits(response)) == [
        "Abe and Putin agree on joint economic activities",
        "Northern territories talks resume",
        "Putin visit to Japan delayed",
    ]
    body = response.content.decode()
    assert "3</strong> results" in body
    assert "Putin secret draft" not in body and "Putin embargoed" not in body


def test_results_show_what_a_reader_scans_for(client, world):
    response = get(client, "/search/?q=moscow")
    body = response.content.decode()
    assert hits(response) == ["Northern territories talks resume"]
    assert '<article class="item hit">' in body
    assert "<mark>Moscow</mark>" in body
    assert 'href="/outlets/kyodo/"' in body
    assert '<time datetime="2015-11-10">Nov. 10, 2015</time>' in body
    assert '<span class="meta__page">p. 5</span>' in body
    assert '<span class="meta__kind">Full translation</span>' in body
    assert '<a class="chip" href="/topics/security/">Security</a>' in body


def test_snippets_escape_the_text(client, db):
    ArticleFactory(title="Markup", body="Tags like <script>alert(1)</script> near tariff talk.")
    body = get(client, "/search/?q=tariff").content.decode()
    snippet = re.search(r'<p class="hit__snippet">(.*?)</p>', body, re.S)[1]
    # SQLite's excerpt keeps the markup as text, escaped; PostgreSQL's leaves tags out.
    assert "<script>" not in snippet
    assert "alert(1)" in snippet
    assert "<mark>tariff</mark>" in snippet


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("q=putin&outlet=asahi", ["Putin visit to Japan delayed"]),
        (
            "q=putin&outlet=asahi&outlet=kyodo",
            ["Putin visit to Japan delayed", "Northern territories talks resume"],
        ),
        ("q=resume&topic=okinawa", ["Henoko base construction resumes"]),
        # A topic brings its sub-topics.
        (
            "q=resume&topic=security",
            ["Northern territories talks resume", "Henoko base construction resumes"],
        ),
        (
            "q=putin&from=2016-01-01",
            ["Abe and Putin agree on joint economic activities", "Putin visit to Japan delayed"],
        ),
        (
            "q=putin&to=2016-12-15",
            ["Putin visit to Japan delayed", "Northern territories talks resume"],
        ),
        ("q=putin&kind=summary", ["Abe and Putin agree on joint economic activities"]),
        ("q=putin&edition=evening", ["Abe and Putin agree on joint economic activities"]),
        ("q=putin&outlet=kyodo&kind=summary", []),
    ],
)
def test_filters_narrow_the_search(client, world, query, expected):
    assert hits(get(client, f"/search/?{query}&sort=newest")) == expected


def test_sort_orders(client, world):
    relevance = hits(get(client, "/search/?q=putin"))
    # Headline matches rank above a body match.
    assert relevance[-1] == "Northern territories talks resume"
    assert hits(get(client, "/search/?q=putin&sort=unknown")) == relevance
    assert hits(get(client, "/search/?q=putin&sort=newest")) == [
        "Abe and Putin agree on joint economic activities",
        "Putin visit to Japan delayed",
        "Northern territories talks resume",
    ]
    assert hits(get(client, "/search/?q=putin&sort=oldest")) == [
        "Northern territories talks resume",
        "Putin visit to Japan delayed",
        "Abe and Putin agree on joint economic activities",
    ]


def test_sort_links_keep_the_query_and_filters(client, world):
    response = get(client, "/search/?q=putin&outlet=asahi&page=1")
    sorts = {label: (href, current) for label, href, current in response.context["sorts"]}
    assert sorts == {
        "Relevance": ("/search/?q=putin&outlet=asahi", True),
        "Newest first": ("/search/?q=putin&outlet=asahi&sort=newest", False),
        "Oldest first": ("/search/?q=putin&outlet=asahi&sort=oldest", False),
    }
    assert 'href="/search/?q=putin&amp;outlet=asahi&amp;sort=oldest"' in response.content.decode()


def test_without_words_relevance_means_newest_and_oldest_pages_by_cursor(client, world, settings):
    settings.ARTICLES_PER_PAGE = 2
    newest = get(client, "/articles/?sort=relevance")
    assert listed(newest) == [
        "Tariff negotiations with Washington",
        "Abe and Putin agree on joint economic activities",
    ]
    labels = [label for label, _href, _current in newest.context["sorts"]]
    assert labels == ["Newest first", "Oldest first"]

    response = get(client, "/articles/?sort=oldest&outlet=asahi&outlet=sankei")
    pages = [listed(response)]
    while match := re.search(r'class="pager__next" rel="next" href="([^"]*)"', text(response)):
        assert "sort=oldest" in match[1] and "outlet=sankei" in match[1]
        response = get(client, "/articles/" + match[1])
        pages.append(listed(response))
    assert pages == [
        ["Henoko base construction resumes", "Putin visit to Japan delayed"],
        ["Abe and Putin agree on joint economic activities", "Tariff negotiations with Washington"],
    ]
    back = re.search(r'class="pager__prev" rel="prev" href="([^"]*)"', text(response))[1]
    assert listed(get(client, "/articles/" + back)) == pages[0]


# --- Facets and chips ------------------------------------------------------------------------


def test_facets_count_the_matches(client, world):
    response = get(client, "/search/?q=putin")
    assert facet(response, "outlet") == {
        "Asahi": (1, "/search/?q=putin&outlet=asahi", False),
        "Kyodo": (1, "/search/?q=putin&outlet=kyodo", False),
        "Sankei": (1, "/search/?q=putin&outlet=sankei", False),
    }
    assert facet(response, "topic") == {
        "Security": (3, "/search/?q=putin&topic=security", False),
        "Economy": (1, "/search/?q=putin&topic=economy", False),
    }
    assert facet(response, "year") == {
        "2016": (2, "/search/?q=putin&from=2016-01-01&to=2016-12-31", False),
        "2015": (1, "/search/?q=putin&from=2015-01-01&to=2015-12-31", False),
    }
    assert facet(response, "kind") == {
        "Full translation": (2, "/search/?q=putin&kind=full", False),
        "Summary": (1, "/search/?q=putin&kind=summary", False),
    }
    body = response.content.decode()
    assert 'href="/search/?q=putin&amp;from=2016-01-01&amp;to=2016-12-31"' in body


def test_facets_follow_the_filters_and_active_values_remove_themselves(client, world):
    response = get(client, "/search/?q=putin&outlet=asahi&sort=newest&page=1")
    assert facet(response, "outlet") == {
        "Asahi": (1, "/search/?q=putin&sort=newest", True),
    }
    assert facet(response, "year") == {
        "2016": (
            1,
            "/search/?q=putin&outlet=asahi&sort=newest&from=2016-01-01&to=2016-12-31",
            False,
        ),
    }
    year = get(client, "/search/?q=putin&from=2016-01-01&to=2016-12-31")
    assert facet(year, "year") == {"2016": (2, "/search/?q=putin", True)}
    kind = get(client, "/search/?q=putin&kind=summary")
    assert facet(kind, "kind") == {"Summary": (1, "/search/?q=putin", True)}


def test_a_year_narrows_within_the_chosen_dates(client, world):
    response = get(client, "/search/?q=putin&from=2016-12-16")
    assert facet(response, "year") == {
        "2016": (1, "/search/?q=putin&from=2016-12-16&to=2016-12-31", False)
    }
    # Already within the year: nothing to narrow, so no link.
    response = get(client, "/search/?q=putin&from=2016-12-16&to=2016-12-31")
    assert facet(response, "year") == {"2016": (1, None, False)}
    response = get(client, "/search/?q=putin&from=2015-06-01")
    assert facet(response, "year")["2015"] == (
        1,
        "/search/?q=putin&from=2015-06-01&to=2015-12-31",
        False,
    )


def test_topic_facet_drills_down_into_the_chosen_topic(client, world):
    response = get(client, "/search/?q=resume&topic=security")
    topics = facet(response, "topic")
    assert topics["Security"] == (2, "/search/?q=resume", True)
    # The sub-topic replaces its parent: exactly the one clipping counted.
    assert topics["Okinawa"] == (1, "/search/?q=resume&topic=okinawa", False)
    assert hits(get(client, topics["Okinawa"][1])) == ["Henoko base construction resumes"]
    # A topic outside the chosen one would widen the list, so it is not offered.
    response = get(client, "/search/?q=putin&topic=economy")
    assert facet(response, "topic") == {"Economy": (1, "/search/?q=putin", True)}


def test_every_facet_link_lists_exactly_its_count(client, world):
    response = get(client, "/search/?q=putin")
    for group in response.context["facets"]:
        for value in group.values:
            assert len(hits(get(client, value.href))) == value.count, value


def test_active_filters_are_chips_that_remove_themselves(client, world):
    response = get(
        client,
        "/search/?q=putin&outlet=asahi&outlet=sankei&topic=okinawa&from=2015-01-01&to=2017-01-01"
        "&kind=full&edition=morning&sort=oldest&page=2",
    )
    base = (
        "q=putin&outlet=asahi&outlet=sankei&topic=okinawa&from=2015-01-01&to=2017-01-01"
        "&kind=full&edition=morning&sort=oldest"
    )
    chips = [(c.name, c.value, c.href) for c in response.context["chips"]]
    assert chips == [
        ("Outlet", "Asahi", "/search/?" + base.replace("outlet=asahi&", "")),
        ("Outlet", "Sankei", "/search/?" + base.replace("outlet=sankei&", "")),
        ("Topic", "Security › Okinawa", "/search/?" + base.replace("topic=okinawa&", "")),
        ("From", "Jan. 1, 2015", "/search/?" + base.replace("from=2015-01-01&", "")),
        ("To", "Jan. 1, 2017", "/search/?" + base.replace("to=2017-01-01&", "")),
        ("Kind", "Full translation", "/search/?" + base.replace("kind=full&", "")),
        ("Edition", "Morning", "/search/?" + base.replace("edition=morning&", "")),
    ]
    body = text(response)
    assert 'class="filter-chip"' in body
    assert "Clear all filters" in body


# --- Totals and paging -----------------------------------------------------------------------


def test_a_capped_total_says_so(client, world, settings):
    settings.SEARCH_COUNT_LIMIT = 2
    response = get(client, "/search/?q=putin")
    assert response.context["result"].total_display == "2+"
    assert "2+</strong> results" in response.content.decode()


def test_paging_a_search_keeps_everything(client, world, settings):
    settings.ARTICLES_PER_PAGE = 1
    response = get(client, "/search/?q=putin&from=2015-01-01&sort=newest")
    seen = [hits(response)]
    assert "Page 1" in text(response)
    while match := re.search(r'class="pager__next" rel="next" href="([^"]*)"', text(response)):
        assert "q=putin" in match[1] and "from=2015-01-01" in match[1]
        assert "sort=newest" in match[1]
        response = get(client, "/search/" + match[1])
        seen.append(hits(response))
    assert seen == [
        ["Abe and Putin agree on joint economic activities"],
        ["Putin visit to Japan delayed"],
        ["Northern territories talks resume"],
    ]
    previous = re.search(r'class="pager__prev" rel="prev" href="([^"]*)"', text(response))[1]
    assert hits(get(client, "/search/" + previous)) == seen[1]


def test_a_page_past_the_end_says_so(client, world):
    response = get(client, "/search/?q=putin&page=40")
    assert hits(response) == []
    body = text(response)
    assert "There are no more results." in body
    assert 'href="?q=putin"' in body
    assert "pager__prev" not in body


# --- Empty results ----------------------------------------------------------------------------


def test_an_emptied_search_offers_to_drop_each_filter_that_emptied_it(client, world):
    response = get(client, "/search/?q=putin&outlet=asahi&kind=summary")
    assert hits(response) == []
    suggestions = [(s.reason, s.action, s.href) for s in response.context["suggestions"]]
    assert suggestions == [
        ("No results in Asahi", "look in all outlets", "/search/?q=putin&kind=summary"),
        ("No results of the kind “Summary”", "look at every kind", "/search/?q=putin&outlet=asahi"),
    ]
    body = text(response)
    assert "No clippings match “putin” with these filters." in body
    assert "No results in Asahi — " in body


def test_drops_that_would_not_help_are_not_offered(client, world):
    # Nothing even without the filter: no drop is offered, only the spelling hint.
    response = get(client, "/search/?q=putim&outlet=sankei")
    assert response.context["suggestions"] == []
    # Each filter alone leaves nothing; all of them together are offered instead.
    response = get(client, "/search/?q=henoko&outlet=sankei&kind=summary")
    suggestions = [(s.reason, s.href) for s in response.context["suggestions"]]
    assert suggestions == [("No results with all these filters together", "/search/?q=henoko")]
    response = get(client, "/search/?q=henoko&outlet=sankei&from=2017-01-01")
    suggestions = [(s.reason, s.href) for s in response.context["suggestions"]]
    assert suggestions == [("No results with all these filters together", "/search/?q=henoko")]


def test_a_filtered_list_with_nothing_offers_the_same(client, world):
    response = get(client, "/articles/?outlet=kyodo&kind=summary")
    assert listed(response) == []
    assert [s.href for s in response.context["suggestions"]] == [
        "/articles/?kind=summary",
        "/articles/?outlet=kyodo",
    ]


def test_no_match_suggests_spelling_and_browsing(client, world):
    body = text(get(client, "/search/?q=putim"))
    assert "No clippings match “putim”." in body
    assert "Check the spelling" in body
    assert 'href="/topics/"' in body and 'href="/archive/"' in body


def test_japanese_words_are_explained(client, world):
    body = text(get(client, "/search/?q=プーチン"))
    assert "No clippings match “プーチン”." in body
    assert "Japanese words find only the original headlines" in body


def test_japanese_original_headlines_are_found(client, world):
    ArticleFactory(title="Putin in Nagato", original_title="プーチン 長門", body="Summit.")
    assert hits(get(client, "/search/?q=プーチン")) == ["Putin in Nagato"]


@pytest.mark.parametrize("q", ["OR", "-putin", "- -", '"', '""', "-", "OR OR -x"])
def test_a_query_with_nothing_to_look_for_says_so(client, world, q):
    response = get(client, "/search/?" + urlencode({"q": q}))
    assert hits(response) == []
    assert "There is nothing to look for" in text(response)


# --- Bad input: the page, the feed and the downloads -----------------------------------------

BAD_QUERIES = [
    "q=" + "putin+" * 2000,
    "q=%22",
    "q=putin+%22",
    "q=OR",
    "q=AND+OR+NOT",
    "q=-",
    "q=*",
    "q=putin*",
    "q=%28putin",
    "q=NEAR%28putin%29",
    "q=%5E",
    "q=%00",
    "q=putin%00visit",
    "q=%07%1b%7f",
    "q=%E2%80%AE%EF%BF%BF",
    "q=Putin+%E3%83%97%E3%83%BC%E3%83%81%E3%83%B3+visit",
    "q=%F0%9F%97%BE",
    "q=%ED%A0%80",
    "q=putin&q=abe",
    "q=putin&outlet=nope",
    "q=putin&outlet=%00",
    "q=putin&topic=nope&kind=poem&edition=noon",
    "q=putin&from=2016-02-30&to=yesterday",
    "q=putin&from=99999999999999999999-01-01",
    "q=putin&from=2017-01-01&to=2015-01-01",
    "q=putin&sort=rank",
    "q=putin&sort=%00",
    "q=putin&page=-1",
    "q=putin&page=0",
    "q=putin&page=abc",
    "q=putin&page=" + "9" * 5000,
    "q=putin&page=%D9%A3",
    "sort=relevance",
    "outlet=nope&sort=oldest",
]


@pytest.mark.parametrize("query", BAD_QUERIES)
def test_bad_input_gives_a_normal_page(client, world, query):
    response = get(client, f"/search/?{query}")
    assert "<!doctype html>" in response.content.decode()
    get(client, f"/articles/?{query}")


@pytest.mark.parametrize("query", BAD_QUERIES)
def test_bad_input_gives_a_normal_feed_and_downloads(client, world, query):
    response = get(client, f"/search/feed/?{query}")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    for name in ("csv", "jsonl"):
        response = get(client, f"/search/export.{name}?{query}")
        b"".join(response.streaming_content).decode()


def test_a_long_query_is_cut_and_says_so(client, world):
    # ORed, so the word the cut falls in does not empty the result.
    response = get(client, "/search/?q=" + "putin+OR+" * 100)
    assert len(response.context["listing"].query.text) == MAX_QUERY_LENGTH
    assert "Searches are cut to 200 characters" in text(response)
    assert "Putin visit to Japan delayed" in hits(response)


def test_control_characters_are_not_echoed(client, world):
    response = get(client, "/search/?q=putin%00%07visit")
    body = response.content.decode()
    assert "\x00" not in body and "\x07" not in body
    assert 'value="putin visit"' in body
    assert sorted(hits(response)) == [
        "Northern territories talks resume",
        "Putin visit to Japan delayed",
    ]


def test_unknown_filter_values_are_a_message_not_a_list(client, world):
    response = get(client, "/search/?q=putin&outlet=nope")
    assert hits(response) == []
    body = text(response)
    assert "There is no outlet “nope”." in body
    assert "Some filters could not be understood" in body


FUZZ = hypothesis_settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
typed = st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=40)
names = st.sampled_from(["q", "q", "q", "outlet", "topic", "from", "to", "kind", "sort", "page"])


@FUZZ
@given(params=st.lists(st.tuples(names, typed), max_size=5))
def test_anything_typed_gives_a_page_a_feed_and_downloads(client, world, params):
    query = urlencode(params)
    assert client.get(f"/search/?{query}").status_code == 200
    assert client.get(f"/search/feed/?{query}").status_code == 200
    response = client.get(f"/search/export.csv?{query}")
    assert response.status_code == 200
    b"".join(response.streaming_content)


# --- Query counts ----------------------------------------------------------------------------


class Growth:
    """Matching clippings, each from a new outlet and in new topics, so facets grow too."""

    def __init__(self):
        self.made = 0
        self.shared = TagFactory(name="Harbour topics", slug="harbour-topics")

    def add(self, n: int) -> None:
        for i in range(self.made, self.made + n):
            outlet = OutletFactory(name=f"Paper {i}", slug=f"paper-{i}")
            root = TagFactory(name=f"Root {i}", slug=f"root-{i}")
            child = TagFactory(name=f"Child {i}", slug=f"child-{i}", parent=root)
            ArticleFactory(
                title=f"Harbour story {i}",
                outlet=outlet,
                published_on=D(2015, 1 + i % 12, 1 + i % 28),
                kind=Article.Kind.values[i % len(Article.Kind.values)],
                body=f"The harbour reopened, report {i}.",
                tags=[root, child, self.shared],
            )
        self.made += n


def count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx)


@pytest.mark.parametrize(
    "url",
    [
        "/search/?q=harbour",
        "/search/?q=harbour&sort=oldest&topic=harbour-topics&from=2015-01-01",
        "/articles/?q=harbour+OR+story&sort=newest",
        "/search/?q=nothing+like+it&topic=harbour-topics",
    ],
)
def test_query_count_does_not_grow_with_results(client, db, url):
    growth = Growth()
    growth.add(3)
    few = count_queries(client, url)
    growth.add(15)
    assert count_queries(client, url) == few


def test_search_results_show_a_chart_of_matches_per_month_with_links(client, db):
    outlet = OutletFactory(slug="chart-outlet", name="Chart Outlet")
    other = OutletFactory(slug="other-outlet", name="Other Outlet")
    for day in (datetime.date(2016, 1, 5), datetime.date(2016, 1, 9), datetime.date(2016, 3, 2)):
        ArticleFactory(outlet=outlet, published_on=day, title=f"Lavrov visit {day}")
    ArticleFactory(outlet=other, title="Lavrov elsewhere")
    ArticleFactory(outlet=outlet, title="Unrelated budget story")
    page = client.get("/search/?q=lavrov&outlet=chart-outlet").content.decode()
    assert 'id="search-coverage' in page
    assert "/search/?q=lavrov&amp;outlet=chart-outlet&amp;from=2016-01-01&amp;to=2016-01-31" in page
    assert "3 clippings in all" in page


def test_search_chart_is_left_out_for_large_result_sets(client, db, settings):
    settings.SEARCH_COUNT_LIMIT = 1
    ArticleFactory(title="Lavrov one")
    ArticleFactory(title="Lavrov two")
    page = client.get("/search/?q=lavrov").content.decode()
    assert 'id="search-coverage' not in page


def test_facet_counts_group_their_thousands_as_the_rest_of_the_site():
    from django.template.defaultfilters import floatformat

    from articles.templatetags.listing import facet_values, grouped
    from articles.views import FacetLink

    for number in (0, 7, 999, 1000, 12345, 1234567):
        assert grouped(number) == floatformat(number, "g")
    html_out = facet_values([FacetLink(label="Kyodo", count=12345, href="/search/?q=x")])
    assert '<span class="count">12,345</span>' in html_out
