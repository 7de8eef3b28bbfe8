import datetime
import html
import re
from urllib.parse import urlencode

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from articles.models import Article
from articles.views import COMPARE_MAX_DAYS, compare_range
from tests.factories import ArticleFactory, OutletFactory, TagFactory

D = datetime.date
LATER = datetime.datetime(2999, 1, 1, tzinfo=datetime.UTC)


def get(client, query: str = ""):
    response = client.get(f"/compare/?{query}" if query else "/compare/")
    assert response.status_code == 200
    assert "articles/compare.html" in [t.name for t in response.templates]
    return response


def text(response) -> str:
    return response.content.decode()


def grid(response) -> list[tuple]:
    """The table as (day, [titles in each outlet's column]) rows."""
    context = response.context
    return [(row.day, [[a.title for a in cell] for cell in row.cells]) for row in context["rows"]]


@pytest.fixture
def world(db):
    security = TagFactory(name="Security", slug="security")
    okinawa = TagFactory(name="Okinawa", slug="okinawa", parent=security)
    budget = TagFactory(name="Budget", slug="budget")
    TagFactory(name="Empty", slug="empty")
    asahi = OutletFactory(name="Asahi", slug="asahi")
    nikkei = OutletFactory(name="Nikkei", slug="nikkei")
    OutletFactory(name="Yomiuri", slug="yomiuri")  # no clippings on the topic: no column

    def clip(title, outlet, day, tags, **kwargs):
        return ArticleFactory(title=title, outlet=outlet, published_on=day, tags=tags, **kwargs)

    clip("Asahi base p12", asahi, D(2015, 11, 10), [okinawa], page="12")
    clip("Asahi base p3", asahi, D(2015, 11, 10), [security], page="3")
    clip("Nikkei base", nikkei, D(2015, 11, 10), [okinawa, security])
    clip("Nikkei later", nikkei, D(2015, 11, 20), [security])
    clip("Asahi early", asahi, D(2015, 10, 1), [security])
    clip("Budget only", asahi, D(2015, 11, 10), [budget])
    clip("Draft", asahi, D(2015, 11, 12), [security], status=Article.Status.DRAFT)
    clip("Scheduled", nikkei, D(2015, 11, 12), [security], publish_at=LATER)
    return security


def test_defaults_to_the_30_days_up_to_the_latest_clipping(client, world):
    response = get(client, "topic=security")
    assert (response.context["start"], response.context["end"]) == (
        D(2015, 10, 22),
        D(2015, 11, 20),
    )
    assert [o.name for o in response.context["outlets"]] == ["Asahi", "Nikkei"]
    assert [o.compare_count for o in response.context["outlets"]] == [2, 2]
    # A parent topic brings its sub-topics; a clipping in both is listed once; pages in order.
    assert grid(response) == [
        (D(2015, 11, 10), [["Asahi base p3", "Asahi base p12"], ["Nikkei base"]]),
        (D(2015, 11, 20), [[], ["Nikkei later"]]),
    ]
    body = text(response)
    assert "Asahi early" not in body and "Budget only" not in body
    assert "Draft" not in body and "Scheduled" not in body
    assert 'value="2015-10-22"' in body and 'value="2015-11-20"' in body


def test_table_is_accessible(client, world):
    body = text(get(client, "topic=security"))
    assert "<caption" in body
    assert "Security: 4 clippings from October 22, 2015 to November 20, 2015" in body
    assert re.search(r'<th scope="col">Day</th>', body)
    assert re.search(r'<th scope="col"><a href="/outlets/asahi/">Asahi</a>', body)
    assert re.search(
        r'<th scope="row"><a href="/archive/2015/11/10/"><time datetime="2015-11-10">', body
    )
    assert re.search(r'<a href="/articles/\d+/asahi-base-p3/">Asahi base p3</a>', body)


def test_chosen_range_and_sub_topic(client, world):
    response = get(client, "topic=okinawa&from=2015-11-01&to=2015-11-30")
    assert grid(response) == [(D(2015, 11, 10), [["Asahi base p12"], ["Nikkei base"]])]
    response = get(client, "topic=security&from=2015-09-01&to=2015-10-31")
    assert grid(response) == [(D(2015, 10, 1), [["Asahi early"]])]
    assert [o.name for o in response.context["outlets"]] == ["Asahi"]


def test_one_end_given_fills_in_the_other(client, world):
    response = get(client, "topic=security&from=2015-10-01")
    assert (response.context["start"], response.context["end"]) == (D(2015, 10, 1), D(2015, 10, 30))
    response = get(client, "topic=security&to=2015-11-10")
    assert (response.context["start"], response.context["end"]) == (
        D(2015, 10, 12),
        D(2015, 11, 10),
    )


def test_long_ranges_are_cut_and_say_so(client, world):
    response = get(client, "topic=security&from=2015-10-01&to=2016-12-31")
    assert response.context["end"] == D(2015, 10, 1) + datetime.timedelta(days=COMPARE_MAX_DAYS - 1)
    assert response.context["range_cut"]
    assert f"at most {COMPARE_MAX_DAYS} days" in text(response)
    assert [row[0] for row in grid(response)] == [D(2015, 10, 1), D(2015, 11, 10), D(2015, 11, 20)]
    response = get(client, "topic=security&from=2015-10-01&to=2015-12-31")
    assert not response.context["range_cut"]


def test_compare_range_at_the_ends_of_the_calendar():
    assert compare_range(None, None, None) is None
    assert compare_range(D(9999, 12, 20), None, None) == (D(9999, 12, 20), D(9999, 12, 31), False)
    assert compare_range(None, D(1, 1, 5), None) == (D(1, 1, 1), D(1, 1, 5), False)
    assert compare_range(None, None, D(1, 1, 2)) == (D(1, 1, 1), D(1, 1, 2), False)
    assert compare_range(D(1, 1, 1), D(9999, 12, 31), None) == (
        D(1, 1, 1),
        D(1, 1, 1) + datetime.timedelta(days=COMPARE_MAX_DAYS - 1),
        True,
    )


def test_too_many_clippings_stop_at_a_whole_day(client, db, monkeypatch):
    monkeypatch.setattr("articles.views.COMPARE_MAX_CLIPPINGS", 3)
    topic = TagFactory(name="Busy", slug="busy")
    outlet = OutletFactory(name="Asahi", slug="asahi")
    for day, n in ((1, 2), (2, 2), (3, 1)):
        for i in range(n):
            ArticleFactory(
                title=f"Day {day} #{i}", outlet=outlet, published_on=D(2015, 11, day), tags=[topic]
            )
    response = get(client, "topic=busy&from=2015-11-01&to=2015-11-30")
    assert response.context["truncated"]
    assert [row[0] for row in grid(response)] == [D(2015, 11, 1)]
    assert "stops at the last complete day" in text(response)


# --- Asking for nothing, or for something that is not there ----------------------------------


def test_no_topic_shows_the_form_and_the_topics(client, world):
    response = get(client)
    body = text(response)
    assert '<select name="topic"' in body
    assert 'href="/compare/?topic=security"' in body
    assert 'href="/compare/?topic=okinawa"' in body
    assert 'href="/compare/?topic=budget"' in body
    assert "/compare/?topic=empty" not in body  # nothing to compare
    assert "rows" not in response.context


def test_unknown_topic_says_so(client, world):
    body = text(get(client, "topic=no-such-topic"))
    assert "There is no topic “no-such-topic”." in body
    assert 'href="/compare/?topic=security"' in body


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("topic=security&from=2015-13-01", "Enter a date as YYYY-MM-DD"),
        ("topic=security&to=yesterday", "Enter a date as YYYY-MM-DD"),
        ("topic=security&from=10/11/2015", "Enter a date as YYYY-MM-DD"),
        (
            "topic=security&from=2015-12-01&to=2015-11-01",
            "The “from” date 2015-12-01 is after the “to” date 2015-11-01.",
        ),
    ],
)
def test_bad_dates_say_so(client, world, query, message):
    response = get(client, query)
    assert html.unescape(text(response)).count(message) == 1
    assert "rows" not in response.context


def test_topic_without_clippings(client, world):
    body = text(get(client, "topic=empty"))
    assert "No clippings on this topic have been published yet." in body


def test_range_without_clippings(client, world):
    body = text(get(client, "topic=security&from=2014-01-01&to=2014-01-31"))
    assert "No clippings on this topic from January 1, 2014 to January 31, 2014." in body


def test_messages_are_escaped(client, world):
    body = text(get(client, "topic=%3Cscript%3Ealert(1)%3C/script%3E"))
    assert "<script>alert(1)" not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body


def test_every_topic_page_links_here(client, world):
    for slug in ("security", "okinawa", "empty"):
        body = client.get(f"/topics/{slug}/").content.decode()
        assert f'href="/compare/?topic={slug}"' in body


FUZZ = hypothesis_settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
typed = st.one_of(
    st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=20),
    st.dates().map(datetime.date.isoformat),
    st.sampled_from(["security", "okinawa", "0001-01-01", "9999-12-31", ""]),
)


@FUZZ
@given(params=st.lists(st.tuples(st.sampled_from(["topic", "from", "to", "x"]), typed), max_size=5))
def test_anything_typed_is_a_200(client, world, params):
    assert client.get("/compare/?" + urlencode(params)).status_code == 200


def test_query_count_stays_flat(client, world):
    def queries() -> int:
        with CaptureQueriesContext(connection) as ctx:
            get(client, "topic=security")
        return len(ctx)

    few = queries()
    for i in range(12):
        outlet = OutletFactory(name=f"Paper {i}", slug=f"paper-{i}")
        ArticleFactory(outlet=outlet, published_on=D(2015, 11, 1 + i), tags=[world])
    assert queries() == few
