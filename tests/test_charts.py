import datetime
import html
import re
import xml.etree.ElementTree as ET
from urllib.parse import parse_qs, urlsplit

import pytest
from django.db import connection
from django.template import Context, Template
from django.test.utils import CaptureQueriesContext

from articles.charts import HEIGHT, MAX_BAR_WIDTH, WIDTH, build_chart, monthly_counts
from articles.models import Article
from tests.factories import ArticleFactory, OutletFactory, TagFactory

D = datetime.date
LATER = datetime.datetime(2999, 1, 1, tzinfo=datetime.UTC)
SVG = "{http://www.w3.org/2000/svg}"


def href(first: datetime.date, last: datetime.date) -> str:
    return f"/m/{first.isoformat()}/{last.isoformat()}/"


# --- Layout -----------------------------------------------------------------------------------


def test_no_clippings_no_chart():
    assert build_chart({}, href) is None
    assert build_chart({D(2015, 1, 1): 0}, href) is None


def test_one_bar_per_month_with_gaps_kept():
    chart = build_chart({D(2015, 11, 1): 4, D(2016, 2, 1): 2}, href)
    assert [(b.month, b.count) for b in chart.bars] == [
        (D(2015, 11, 1), 4),
        (D(2015, 12, 1), 0),
        (D(2016, 1, 1), 0),
        (D(2016, 2, 1), 2),
    ]
    assert [b.href for b in chart.bars] == [
        "/m/2015-11-01/2015-11-30/",
        "",
        "",
        "/m/2016-02-01/2016-02-29/",
    ]
    assert chart.total == 6
    assert chart.busiest.month == D(2015, 11, 1)
    assert [b.month for b in chart.months_with_clippings] == [D(2015, 11, 1), D(2016, 2, 1)]


def test_bars_fit_the_drawing_and_scale_to_the_busiest_month():
    counts = {D(2010 + i // 12, 1 + i % 12, 1): (i % 7) + 1 for i in range(120)}
    chart = build_chart(counts, href)
    tallest = max(b.height for b in chart.bars)
    assert tallest == chart.baseline - chart.top
    for bar in chart.bars:
        assert chart.left <= bar.x and bar.x + bar.width <= WIDTH
        assert bar.y + bar.height == pytest.approx(chart.baseline)
        assert bar.height == pytest.approx(bar.count / 7 * tallest, abs=0.01)
    # Bars never overlap.
    for left, right in zip(chart.bars, chart.bars[1:], strict=False):
        assert left.x + left.width < right.x


def test_quiet_months_still_show_and_single_months_stay_narrow():
    chart = build_chart({D(2015, 1, 1): 1000, D(2015, 2, 1): 1}, href)
    assert chart.bars[1].height >= 1.5
    chart = build_chart({D(2015, 1, 1): 3}, href)
    assert chart.bars[0].width == MAX_BAR_WIDTH


def test_year_labels_do_not_crowd():
    chart = build_chart({D(2015, 11, 1): 1, D(2017, 3, 1): 1}, href)
    assert [label.year for label in chart.years] == [2015, 2016, 2017]
    many = build_chart({D(1950, 1, 1): 1, D(2015, 12, 1): 1}, href)
    xs = [label.x for label in many.years]
    assert all(b - a >= 40 for a, b in zip(xs, xs[1:], strict=False))
    assert 1950 < many.years[-1].year <= 2015


# --- The query --------------------------------------------------------------------------------


def test_monthly_counts_is_one_query_and_counts_only_what_it_is_given(db):
    security = TagFactory(name="Security", slug="security")
    okinawa = TagFactory(name="Okinawa", slug="okinawa", parent=security)
    for day in (D(2015, 11, 1), D(2015, 11, 30), D(2016, 2, 29)):
        ArticleFactory(published_on=day, tags=[security, okinawa])
    ArticleFactory(published_on=D(2015, 12, 5), status=Article.Status.DRAFT, tags=[security])
    ArticleFactory(published_on=D(2015, 12, 6), publish_at=LATER, tags=[security])
    ArticleFactory(published_on=D(2015, 12, 7))
    # The topic page's queryset joins through topics; each clipping still counts once.
    articles = Article.objects.published().in_topic(security).with_related()
    with CaptureQueriesContext(connection) as ctx:
        counts = monthly_counts(articles)
    assert len(ctx) == 1
    assert counts == {D(2015, 11, 1): 2, D(2016, 2, 1): 1}


# --- The drawing ------------------------------------------------------------------------------


@pytest.fixture
def topic_world(db):
    security = TagFactory(name="Security", slug="security")
    outlet = OutletFactory(name="Sankei", slug="sankei")
    for day in (D(2015, 11, 1), D(2015, 11, 30), D(2016, 1, 31)):
        ArticleFactory(published_on=day, tags=[security], outlet=outlet)
    return security


def chart_html(body: str) -> str:
    start = body.index('<section class="coverage"')
    return body[start : body.index("</section>", start) + len("</section>")]


def test_topic_page_chart(client, topic_world):
    body = client.get("/topics/security/").content.decode()
    section = chart_html(body)
    svg_text = section[section.index("<svg") : section.index("</svg>") + len("</svg>")]
    svg = ET.fromstring(svg_text)  # well-formed XML
    assert svg.get("role") == "group"  # an image may not contain links
    title_id, desc_id = svg.get("aria-labelledby"), svg.get("aria-describedby")
    assert svg.find(f"{SVG}title").get("id") == title_id
    assert svg.find(f"{SVG}title").text == "Clippings per month, November 2015 to January 2016"
    assert svg.find(f"{SVG}desc").get("id") == desc_id
    assert "3 clippings in all" in svg.find(f"{SVG}desc").text
    assert svg.get("viewBox") == f"0 0 {WIDTH} {HEIGHT}"
    links = svg.findall(f"{SVG}a")
    assert [link.get("href") for link in links] == [
        "/articles/?topic=security&from=2015-11-01&to=2015-11-30",
        "/articles/?topic=security&from=2016-01-01&to=2016-01-31",
    ]
    # Bars are out of the tab order; the table carries the same links for keyboards.
    assert {link.get("tabindex") for link in links} == {"-1"}
    assert [link.find(f"{SVG}rect/{SVG}title").text for link in links] == [
        "November 2015: 2 clippings",
        "January 2016: 1 clipping",
    ]
    assert " style=" not in section and "<script" not in section
    rows = re.findall(
        r'<th scope="row"><a href="([^"]+)"><time datetime="([^"]+)">([^<]+)</time></a></th>'
        r"<td>(\d+)</td>",
        section,
    )
    assert [(html.unescape(h), d, label, n) for h, d, label, n in rows] == [
        (
            "/articles/?topic=security&from=2015-11-01&to=2015-11-30",
            "2015-11",
            "November 2015",
            "2",
        ),
        ("/articles/?topic=security&from=2016-01-01&to=2016-01-31", "2016-01", "January 2016", "1"),
    ]
    assert "<details" in section and "<caption" in section


def test_a_bar_links_to_exactly_the_clippings_it_counts(client, topic_world):
    body = client.get("/topics/security/").content.decode()
    first = html.unescape(re.search(r'<a href="([^"]+)" tabindex="-1"', body)[1])
    listed = client.get(first).context["page"].items
    assert len(listed) == 2
    assert {a.published_on for a in listed} == {D(2015, 11, 1), D(2015, 11, 30)}
    assert parse_qs(urlsplit(first).query)["topic"] == ["security"]


def test_outlet_page_chart_links_filter_by_outlet(client, topic_world):
    body = client.get("/outlets/sankei/").content.decode()
    assert 'href="/articles/?outlet=sankei&amp;from=2015-11-01&amp;to=2015-11-30"' in body


def test_no_chart_without_clippings(client, db):
    TagFactory(name="Empty", slug="empty")
    assert 'class="coverage"' not in client.get("/topics/empty/").content.decode()


def test_the_tag_takes_any_queryset_and_filters(db):
    ArticleFactory(published_on=D(2015, 11, 3))
    ArticleFactory(published_on=D(2015, 11, 3), status=Article.Status.DRAFT)
    template = Template(
        "{% load coverage %}{% coverage_chart articles list_url='articles:search' "
        "id_prefix='search-chart' q=query %}"
    )
    rendered = template.render(
        Context({"articles": Article.objects.published(), "query": "abe & putin"})
    )
    assert 'id="search-chart-title"' in rendered
    assert 'href="/search/?q=abe+%26+putin&amp;from=2015-11-01&amp;to=2015-11-30"' in rendered
    assert "1 clipping in all" in rendered
