import datetime

import pytest
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext

from articles.filters import ArticleFilter, read_list_query
from articles.models import Article
from articles.templatetags.listing import checkboxes, plain_field
from articles.views import filter_choices
from tests.factories import ArticleFactory, OutletFactory, TagFactory

D = datetime.date


@pytest.fixture
def world(db):
    """A small collection where every filter value selects a different set."""
    sankei = OutletFactory(name="Sankei", slug="sankei")
    asahi = OutletFactory(name="Asahi", slug="asahi")
    kyodo = OutletFactory(name="Kyodo", slug="kyodo")
    security = TagFactory(name="Security", slug="security")
    okinawa = TagFactory(name="Okinawa", slug="okinawa", parent=security)
    diplomacy = TagFactory(name="Diplomacy", slug="diplomacy")
    russia = TagFactory(name="Russia", slug="russia", parent=diplomacy)
    economy = TagFactory(name="Economy", slug="economy")

    def make(title, outlet, day, tags=(), **kwargs):
        return ArticleFactory(
            title=title, outlet=outlet, published_on=day, tags=list(tags), **kwargs
        )

    make("putin", sankei, D(2015, 11, 10), [russia], kind="full", edition="morning")
    make("henoko", asahi, D(2015, 11, 9), [okinawa], kind="summary", edition="evening")
    make("budget", sankei, D(2015, 10, 31), [security], kind="editorial")
    make("both", kyodo, D(2015, 11, 1), [security, okinawa], kind="full", edition="morning")
    make("tpp", asahi, D(2015, 12, 1), [economy, diplomacy], kind="interview")
    make("untagged", kyodo, D(2015, 11, 10))
    make("draft", sankei, D(2015, 11, 10), [russia], status=Article.Status.DRAFT)
    make(
        "scheduled",
        asahi,
        D(2015, 11, 10),
        [okinawa],
        publish_at=datetime.datetime(2999, 1, 1, tzinfo=datetime.UTC),
    )


def run(query: str) -> tuple[ArticleFilter, list[str]]:
    filterset = ArticleFilter(QueryDict(query), queryset=Article.objects.published())
    if not filterset.is_valid():
        return filterset, []
    return filterset, sorted(a.title for a in filterset.qs)


ALL_PUBLIC = ["both", "budget", "henoko", "putin", "tpp", "untagged"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ALL_PUBLIC),
        ("outlet=", ALL_PUBLIC),
        ("from=&to=&kind=&edition=", ALL_PUBLIC),
        ("outlet=sankei", ["budget", "putin"]),
        ("outlet=sankei&outlet=asahi", ["budget", "henoko", "putin", "tpp"]),
        ("outlet=&outlet=sankei", ["budget", "putin"]),
        ("topic=russia", ["putin"]),
        # A parent takes in its sub-topics; a clipping in both is listed once.
        ("topic=security", ["both", "budget", "henoko"]),
        ("topic=okinawa", ["both", "henoko"]),
        ("topic=security&topic=okinawa", ["both", "budget", "henoko"]),
        ("topic=diplomacy", ["putin", "tpp"]),
        ("topic=okinawa&topic=economy", ["both", "henoko", "tpp"]),
        ("from=2015-11-09", ["henoko", "putin", "tpp", "untagged"]),
        ("to=2015-11-01", ["both", "budget"]),
        # Both ends are inclusive.
        ("from=2015-11-01&to=2015-11-10", ["both", "henoko", "putin", "untagged"]),
        ("from=2015-11-10&to=2015-11-10", ["putin", "untagged"]),
        ("kind=editorial", ["budget"]),
        ("kind=full", ["both", "putin", "untagged"]),
        ("edition=morning", ["both", "putin"]),
        ("edition=unspecified", ["budget", "tpp", "untagged"]),
        ("outlet=sankei&topic=security", ["budget"]),
        ("outlet=kyodo&outlet=asahi&topic=security&edition=morning", ["both"]),
        ("outlet=sankei&from=2015-11-01&kind=full", ["putin"]),
        ("topic=economy&kind=full", []),
    ],
)
def test_filters(world, query, expected):
    filterset, found = run(query)
    assert filterset.is_valid(), filterset.errors
    assert found == expected


def test_drafts_and_scheduled_never_match(world):
    _, found = run("outlet=sankei&outlet=asahi&topic=russia&topic=okinawa&from=2015-11-10")
    assert "draft" not in found and "scheduled" not in found
    assert found == ["putin"]


def test_topic_filter_needs_no_distinct(world):
    filterset, _ = run("topic=security&topic=okinawa")
    assert "DISTINCT" not in str(filterset.qs.query).upper()


@pytest.mark.parametrize(
    ("query", "field", "message"),
    [
        ("outlet=nope", "outlet", "There is no outlet “nope”."),
        ("outlet=sankei&outlet=nope", "outlet", "There is no outlet “nope”."),
        ("topic=nope", "topic", "There is no topic “nope”."),
        ("kind=poem", "kind", "There is no kind of clipping “poem”."),
        ("edition=noon", "edition", "There is no edition “noon”."),
        ("from=yesterday", "from", "Enter a date as YYYY-MM-DD"),
        ("from=2015-02-30", "from", "Enter a date as YYYY-MM-DD"),
        ("to=11/10/2015", "to", "Enter a date as YYYY-MM-DD"),
        ("to=99999-01-01", "to", "Enter a date as YYYY-MM-DD"),
        ("to=0000-01-01", "to", "Enter a date as YYYY-MM-DD"),
        ("from=2015-11-10&to=2015-11-01", "__all__", "is after"),
    ],
)
def test_malformed_values_make_the_form_invalid_with_a_message(world, query, field, message):
    filterset, _ = run(query)
    assert not filterset.is_valid()
    assert any(message in error for error in filterset.errors[field])


def test_null_character_in_a_slug_is_a_form_error(world):
    filterset, _ = run("outlet=%00&topic=a%00b")
    assert not filterset.is_valid()
    assert set(filterset.errors) == {"outlet", "topic"}


def test_every_filter_is_declared(world):
    assert list(ArticleFilter.base_filters) == ["outlet", "topic", "from", "to", "kind", "edition"]
    assert ArticleFilter._meta.fields == []


def test_topic_choices_read_as_a_tree(world):
    labels = [label for _, label in ArticleFilter().form.fields["topic"].choices]
    assert labels == [
        "Diplomacy",
        "Diplomacy › Russia",
        "Economy",
        "Security",
        "Security › Okinawa",
    ]


@pytest.mark.parametrize(
    "query", ["", "outlet=sankei&topic=okinawa", "outlet=nowhere&topic=security&topic=okinawa"]
)
def test_checkboxes_render_as_the_widget_does(db, query):
    OutletFactory(name="Sankei", slug="sankei")
    OutletFactory(name="Asahi & Co", slug="asahi")
    security = TagFactory(name="Security", slug="security")
    TagFactory(name="Okinawa <base>", slug="okinawa", parent=security)
    form = ArticleFilter(QueryDict(query), queryset=Article.objects.all()).form
    listing = read_list_query(QueryDict(query), Article.objects.published())
    kept = filter_choices(listing)
    for name in ("outlet", "topic"):
        assert checkboxes(form[name]) == str(form[name])
        # From the choices the list view keeps until the next write: the same boxes.
        assert checkboxes(listing.filterset.form[name], kept[name]) == str(form[name])


@pytest.mark.parametrize(
    "query",
    [
        "",
        "kind=full&edition=morning",
        "from=2015-01-01&to=2015-12-31",
        "from=2015-02-30&kind=nothing",
        "to=2015-01-01&from=2016-01-01",
        "from=%22%3E%3Cb%3E&edition=",
    ],
)
def test_plain_fields_render_as_the_widgets_do(db, query):
    form = read_list_query(QueryDict(query), Article.objects.published()).filterset.form
    form.is_valid()
    for name in ("from", "to", "kind", "edition"):
        field = form[name]
        assert plain_field(field) == f"{field.label_tag()}\n      {field.as_widget()}"


def test_chosen_outlets_and_topics_are_read_from_the_kept_choices(world, settings):
    settings.COLLECTION_CACHE_SECONDS = 300

    def cleaned(query: str) -> dict:
        listing = read_list_query(QueryDict(query), Article.objects.published())
        assert listing.is_valid
        return listing.cleaned

    cleaned("outlet=kyodo&topic=economy")  # keeps the choices
    with CaptureQueriesContext(connection) as queries:
        chosen = cleaned("outlet=sankei&outlet=asahi&outlet=sankei&topic=russia&topic=economy")
    assert len(queries) == 0
    # Once each, in the order of the choices, as the field's own query gives them.
    assert [outlet.slug for outlet in chosen["outlet"]] == ["asahi", "sankei"]
    assert [topic.full_name for topic in chosen["topic"]] == ["Diplomacy › Russia", "Economy"]
    listing = read_list_query(QueryDict("topic=russia&outlet=sankei"), Article.objects.published())
    assert [a.title for a in listing.articles] == ["putin"]


@pytest.mark.parametrize("query", ["", "outlet=", "topic=&outlet=", "q=putin&kind=full"])
def test_no_outlet_or_topic_chosen_is_an_empty_list(world, query):
    """Not the parent field's `queryset.none()`: pages ask several times whether anything was
    chosen, and asking an empty queryset runs it through the ORM each time."""
    listing = read_list_query(QueryDict(query), Article.objects.published())
    assert listing.is_valid
    assert listing.cleaned["outlet"] == []
    assert listing.cleaned["topic"] == []
    assert listing.describe() in ("all clippings", "“putin” · Full translation")


def test_an_unknown_slug_is_still_the_fields_error(world, settings):
    settings.COLLECTION_CACHE_SECONDS = 300
    query = QueryDict("outlet=sankei&outlet=nowhere")
    listing = read_list_query(query, Article.objects.published())
    assert not listing.is_valid
    assert listing.filterset.form.errors["outlet"] == ["There is no outlet “nowhere”."]
    # A new outlet is known at once: a write makes the kept choices stale.
    OutletFactory(name="Nowhere", slug="nowhere")
    query = QueryDict("outlet=sankei&outlet=nowhere")
    listing = read_list_query(query, Article.objects.published())
    assert listing.is_valid
