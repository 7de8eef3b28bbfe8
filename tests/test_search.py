"""Full-text search: the same behaviour on whichever database the suite runs against.

CI runs this file on SQLite and on PostgreSQL; nothing here branches on the vendor except the
check that the migration's objects come and go, the statements a search costs, and the word
counts PostgreSQL alone keeps (SQLite's index keeps its own).
"""

import contextlib
import datetime
import importlib

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from articles.models import Article, Outlet, Tag
from articles.search import (
    MAX_QUERY_LENGTH,
    SearchOrder,
    SearchResult,
    get_search_backend,
    parse_query,
    render_snippet,
)
from articles.search.base import MATCH_END, MATCH_START
from articles.search.postgres import to_websearch
from articles.search.sqlite import to_fts5
from tests.factories import ArticleFactory, OutletFactory, TagFactory

pytestmark = pytest.mark.django_db

DAY = datetime.date(2015, 11, 10)


def search(query, queryset=None, **options) -> SearchResult:
    if queryset is None:
        queryset = Article.objects.published()
    return get_search_backend().search(queryset, query, **options)


def facets(query, queryset=None):
    if queryset is None:
        queryset = Article.objects.published()
    return get_search_backend().facets(queryset, query)


def titles(result: SearchResult) -> list[str]:
    return [hit.title for hit in result.hits]


def filler(count: int = 3) -> None:
    """Clippings that match nothing below, so term statistics look like a real collection."""
    for n in range(count):
        ArticleFactory(
            title=f"Weather report {n}", body="Rain is expected across Kyushu and Shikoku."
        )


# The query language, without a database ------------------------------------------------------


def test_words_are_anded_and_or_joins_neighbours():
    parsed = parse_query("tariff talks OR negotiations japan")
    assert [[term.text for term in group] for group in parsed.groups] == [
        ["tariff"],
        ["talks", "negotiations"],
        ["japan"],
    ]
    assert parsed.excluded == ()


def test_phrases_exclusions_and_an_unclosed_quote():
    parsed = parse_query('"northern territories" -putin -"peace treaty" "abe visit')
    assert [(t.text, t.is_phrase) for group in parsed.groups for t in group] == [
        ("northern territories", True),
        ("abe visit", True),
    ]
    assert [t.text for t in parsed.excluded] == ["putin", "peace treaty"]


@pytest.mark.parametrize("text", ["OR", "-", '"', '""', "- -", "OR OR", "-- OR", ";", "'"])
def test_operators_alone_leave_nothing_to_search_for(text):
    parsed = parse_query(text)
    assert not parsed.is_blank
    assert not parsed.has_terms


def test_cleaning_cuts_length_and_drops_control_characters():
    parsed = parse_query("abe\x00putin\x07\u200b  \n visit " + "x" * 500)
    assert len(parsed.text) == MAX_QUERY_LENGTH
    assert parsed.text.startswith("abe putin visit x")
    assert "\x00" not in parsed.text


def test_typographic_and_full_width_quotes_are_quotes():
    assert parse_query("“peace treaty”").groups[0][0].is_phrase
    assert parse_query("＂peace treaty＂").groups[0][0].is_phrase
    assert parse_query("ｐｕｔｉｎ").groups[0][0].text == "putin"


def test_fts5_expression_quotes_every_term():
    parsed = parse_query('abe OR "peace NEAR treaty" -russia* AND')
    assert to_fts5(parsed) == '("abe" OR "peace NEAR treaty") AND ("AND") NOT ("russia*")'


def test_websearch_text_quotes_every_term():
    parsed = parse_query('abe OR "peace treaty" -russia')
    assert to_websearch(parsed) == '"abe" OR "peace treaty" -"russia"'


def test_snippet_escapes_text_and_balances_marks():
    marked = f"a <b>&{MATCH_START}match{MATCH_END} {MATCH_END}tail{MATCH_START}open"
    assert render_snippet(marked) == "a &lt;b&gt;&amp;<mark>match</mark> tail<mark>open</mark>"


# Searching ------------------------------------------------------------------------------------


def test_backend_matches_the_database():
    assert get_search_backend().vendor == connection.vendor


def test_headline_match_ranks_above_body_only_match():
    filler()
    # Short and newer, so neither length nor date can carry the body-only match to the top.
    body_only = ArticleFactory(
        title="Cabinet meets",
        body="Rice tariff cut.",
        published_on=DAY + datetime.timedelta(days=2),
    )
    headline = ArticleFactory(
        title="Tariff talks resume",
        body=" ".join(["Officials from both governments met in Geneva for two days."] * 4),
    )
    result = search("tariff")
    assert titles(result) == [headline.title, body_only.title]
    assert result.hits[0].rank > result.hits[1].rank


def test_phrase_needs_the_words_together():
    together = ArticleFactory(body="Progress on the Northern Territories issue is slow.")
    apart = ArticleFactory(body="Territories in the northern part of the country flooded.")
    assert titles(search('"northern territories"')) == [together.title]
    assert set(titles(search("northern territories"))) == {together.title, apart.title}


def test_or_finds_either_and_plain_words_need_both():
    putin = ArticleFactory(body="President Putin spoke.")
    lavrov = ArticleFactory(body="Foreign Minister Lavrov spoke.")
    assert set(titles(search("putin OR lavrov"))) == {putin.title, lavrov.title}
    assert search("putin lavrov").hits == []


def test_minus_excludes_words_and_phrases():
    ArticleFactory(body="A summit with Putin in Manila.")
    xi = ArticleFactory(body="A summit with Xi in Beijing.")
    assert titles(search("summit -putin")) == [xi.title]
    assert titles(search('summit -"with putin"')) == [xi.title]


def test_english_stemming_both_ways():
    negotiate = ArticleFactory(body="Tokyo is ready to negotiate.")
    negotiations = ArticleFactory(body="The negotiations stalled.")
    assert set(titles(search("negotiations"))) == {negotiate.title, negotiations.title}
    assert set(titles(search("negotiate"))) == {negotiate.title, negotiations.title}


def test_accents_are_ignored_both_ways():
    # Romanised Japanese comes with and without macrons, often from different translators.
    macrons = ArticleFactory(title="Governor visits Ryūkyū islands", body="Talks in Ōsaka.")
    plain = ArticleFactory(title="Ryukyu fishermen protest", body="A rally in Osaka.")
    ArticleFactory(title="Weather report", body="Rain in Kyushu.")
    assert set(titles(search("Ryukyu"))) == {macrons.title, plain.title}
    assert set(titles(search("Ryūkyū"))) == {macrons.title, plain.title}
    assert set(titles(search("osaka"))) == {macrons.title, plain.title}
    assert set(titles(search('"Ōsaka"'))) == {macrons.title, plain.title}


def test_accents_are_ignored_in_outlet_and_topic_names():
    outlet = OutletFactory(name="Ryūkyū Shimpō")
    topic = TagFactory(name="Tōhoku recovery")
    by_outlet = ArticleFactory(outlet=outlet, title="Base relocation vote", body="A vote.")
    by_topic = ArticleFactory(title="Seawall rebuilt", body="Work ended.")
    by_topic.tags.set([topic])
    assert titles(search("ryukyu shimpo")) == [by_outlet.title]
    assert titles(search("tohoku")) == [by_topic.title]


def test_snippet_marks_a_match_written_with_other_accents_deep_in_the_body():
    padding = "The committee met again and adjourned without a statement. " * 40
    ArticleFactory(body=padding + "Protesters gathered in Ōsaka at dawn. " + padding)
    ArticleFactory(body=padding + "Protesters gathered in Osaka at noon. " + padding)
    snippets = [hit.snippet for hit in search("Osaka").hits]
    assert len(snippets) == 2
    assert any("<mark>Ōsaka</mark> at dawn" in snippet for snippet in snippets), snippets
    assert any("<mark>Osaka</mark> at noon" in snippet for snippet in snippets), snippets
    snippets = [hit.snippet for hit in search("Ōsaka").hits]
    assert any("<mark>Osaka</mark> at noon" in snippet for snippet in snippets), snippets


def test_snippet_marks_the_stemmed_match_and_escapes_the_body():
    ArticleFactory(
        body='Tokyo will negotiate <script>alert("x")</script> while 5 < 6 & rates rise.'
    )
    [hit] = search("negotiations").hits
    assert "<mark>negotiate</mark>" in hit.snippet
    assert "<script" not in hit.snippet
    assert "5 &lt; 6 &amp; rates" in hit.snippet


def test_snippet_without_a_body_match_is_the_start_of_the_body():
    ArticleFactory(title="Yen weakens", body="Markets opened lower on Monday.")
    [hit] = search("yen").hits
    assert "Markets opened lower" in hit.snippet
    assert "<mark>" not in hit.snippet


def test_snippet_finds_a_match_deep_in_a_long_body():
    # Excerpts are cut from the stretch of the body around the first match, so a match past
    # the first thousand characters, typed in another form than the body's, is still shown.
    padding = "The committee met again and adjourned without a statement. " * 40
    ArticleFactory(body=padding + "Harbour dredging resumed at dawn. " + padding)
    [hit] = search("dredged harbours").hits
    assert "<mark>dredging</mark>" in hit.snippet
    assert "<mark>Harbour</mark>" in hit.snippet


def test_snippet_of_a_long_body_without_a_match_is_its_start():
    ArticleFactory(title="Yen weakens", body="Markets opened lower. " + "Trading was thin. " * 200)
    [hit] = search("yen").hits
    assert hit.snippet.startswith("Markets opened lower")


def test_both_plans_for_the_newest_matches_find_the_same_rows():
    # With a window of one, five matches are too many to fetch and sort on SQLite, which then
    # walks the date index instead; a window of a thousand fetches them all.
    filler()
    for year in (2011, 2013, 2012, 2015, 2014):
        ArticleFactory(body="Typhoon warning.", published_on=datetime.date(year, 9, 1))
    ArticleFactory(body="Typhoon draft.", status=Article.Status.DRAFT)
    backend = get_search_backend()
    public = Article.objects.published()
    query = parse_query("typhoon -draft")
    expected = list(
        backend.matching(public, query).order_by("-published_on", "-id").values_list("pk")
    )
    assert len(expected) == 5
    for size in (1, 2, 1000):
        newest = backend.dated_matching(public, query, size).order_by("-published_on", "-id")
        assert list(newest.values_list("pk")[:size]) == expected[:size]
        oldest = backend.dated_matching(public, query, size).order_by("published_on", "id")
        assert list(oldest.values_list("pk")[:size]) == expected[::-1][:size]


def test_original_headline_outlet_aliases_and_topic_names_are_searched():
    outlet = OutletFactory(name="Nikkei", slug="nikkei", aliases="Nihon Keizai Shimbun")
    security = TagFactory(name="Security", slug="security")
    okinawa = TagFactory(name="Okinawa bases", slug="okinawa-bases", parent=security)
    article = ArticleFactory(outlet=outlet, original_title="日米首脳会談", tags=[okinawa])
    for query in ("keizai", "nikkei", "okinawa", "security", "日米首脳会談"):
        assert titles(search(query)) == [article.title], query


def test_drafts_and_scheduled_clippings_are_never_found():
    public = ArticleFactory(body="The zeppelin landed.")
    ArticleFactory(body="The zeppelin landed again.", status=Article.Status.DRAFT)
    ArticleFactory(
        body="The zeppelin will land.",
        publish_at=timezone.now() + datetime.timedelta(days=1),
    )
    result = search("zeppelin")
    assert titles(result) == [public.title]
    assert result.total == 1
    assert [value.count for value in facets("zeppelin").outlet] == [1]


def test_only_the_callers_queryset_is_searched():
    sankei = OutletFactory(name="Sankei", slug="sankei")
    topic = TagFactory(name="Diplomacy", slug="diplomacy")
    sub = TagFactory(name="Russia", slug="russia", parent=topic)
    in_sankei = ArticleFactory(outlet=sankei, body="Summit planned.", tags=[sub])
    ArticleFactory(body="Summit planned elsewhere.")
    assert titles(search("summit", Article.objects.published().filter(outlet=sankei))) == [
        in_sankei.title
    ]
    # in_topic() is a DISTINCT query over a join; paging and ranking must still work on it.
    by_topic = Article.objects.published().in_topic(topic)
    for order in SearchOrder.values:
        result = search("summit", by_topic, order=order)
        assert titles(result) == [in_sankei.title]
        assert result.total == 1


def test_a_sliced_queryset_is_searched_within_its_slice():
    ArticleFactory(body="Typhoon warning.", published_on=DAY - datetime.timedelta(days=1))
    newest = ArticleFactory(body="Typhoon warning again.")
    newest_only = Article.objects.published().newest_first()[:1]
    for order in SearchOrder.values:
        assert titles(search("typhoon", newest_only, order=order)) == [newest.title]


def test_hits_come_with_outlet_and_topics_loaded(django_assert_num_queries):
    for n in range(3):
        ArticleFactory(body=f"Rice harvest {n}.", tags=[TagFactory()])
    result = search("rice")
    with django_assert_num_queries(0):
        for hit in result.hits:
            assert hit.outlet.name
            assert len(hit.tags.all()) == 1


def test_queries_do_not_grow_with_the_hits():
    def count_queries() -> int:
        with CaptureQueriesContext(connection) as queries:
            for order in SearchOrder.values:
                search("rice", order=order, limit=50, with_facets=True)
        return len(queries)

    topic = TagFactory()
    for n in range(3):
        ArticleFactory(body=f"Rice harvest {n}.", tags=[topic])
    few = count_queries()
    for n in range(3, 15):
        ArticleFactory(body=f"Rice harvest {n}.", tags=[topic, TagFactory()])
    assert count_queries() == few


def test_hits_carry_what_a_result_shows_without_queries(django_assert_num_queries):
    security = TagFactory(name="Security", slug="security")
    okinawa = TagFactory(name="Okinawa", slug="okinawa", parent=security)
    alliance = TagFactory(name="Alliance", slug="alliance")
    outlet = OutletFactory(name="Kyodo", slug="kyodo")
    article = ArticleFactory(
        title="Base relocation talks",
        outlet=outlet,
        page="2-3",
        edition=Article.Edition.EVENING,
        kind=Article.Kind.SUMMARY,
        body="Relocation of the base.",
        tags=[okinawa, alliance],
    )
    (hit,) = search("relocation").hits
    stored = Article.objects.get(pk=article.pk)
    with django_assert_num_queries(0):
        for name in ("pk", "title", "slug", "published_on", "page", "edition", "kind"):
            assert getattr(hit, name) == getattr(stored, name), name
        assert (hit.outlet.pk, hit.outlet.name, hit.outlet.slug) == (outlet.pk, "Kyodo", "kyodo")
        assert hit.get_absolute_url() == stored.get_absolute_url()
        assert hit.page_label == "pp. 2-3"
        assert hit.get_kind_display() == stored.get_kind_display()
        # In name order, as the topic chips list them, with the parent's name for a sub-topic.
        assert [tag.full_name for tag in hit.tags.all()] == ["Alliance", "Security › Okinawa"]
    # Columns a result does not show still load when asked for.
    assert hit.body == "Relocation of the base."


@pytest.mark.parametrize("seconds", [0, 300])
def test_hits_and_facets_follow_writes_that_skip_the_signals(settings, seconds):
    """Outlets and topics come from a cache ended by writes; rows it has not seen are read."""
    settings.COLLECTION_CACHE_SECONDS = seconds
    old = OutletFactory(name="Old", slug="old")
    article = ArticleFactory(outlet=old, body="Fisheries agreement.")
    assert [value.value for value in facets("fisheries").outlet] == ["old"]
    # bulk_create and update() send no signals, so the cached lists stay as they were.
    (new,) = Outlet.objects.bulk_create([Outlet(name="New", slug="new")])
    (topic,) = Tag.objects.bulk_create([Tag(name="Fishing", slug="fishing")])
    Article.objects.filter(pk=article.pk).update(outlet=new)
    Article.tags.through.objects.bulk_create(
        [Article.tags.through(article_id=article.pk, tag_id=topic.pk)]
    )
    (hit,) = search("fisheries").hits
    assert hit.outlet.slug == "new"
    assert [tag.slug for tag in hit.tags.all()] == ["fishing"]
    assert [value.value for value in facets("fisheries").outlet] == ["new"]
    assert [value.value for value in facets("fisheries").topic] == ["fishing"]


def test_a_search_page_costs_a_few_statements(settings):
    """The collection's outlets, topics and dates are cached: the page's own work is the window
    and the page of hits."""
    settings.COLLECTION_CACHE_SECONDS = 300
    topic = TagFactory()
    for n in range(30):
        ArticleFactory(body=f"Rice harvest {n}.", tags=[topic, TagFactory()])
    search("rice", with_facets=True)
    for order in SearchOrder.values:
        with CaptureQueriesContext(connection) as queries:
            result = search("rice", order=order, with_facets=True)
        assert len(result.hits) == 20
        # PostgreSQL: the window, with each match's topic ids for the facets, and the page of
        # hits. SQLite also counts the matches first, reads the window's topic links apart and
        # ranks before it makes the excerpts.
        expected = {"postgresql": 2, "sqlite": 5 if order == SearchOrder.RELEVANCE else 4}
        assert len(queries) == expected[connection.vendor], order


# Facets ---------------------------------------------------------------------------------------


def test_facets_follow_the_query_and_the_filters():
    asahi = OutletFactory(name="Asahi", slug="asahi")
    mainichi = OutletFactory(name="Mainichi", slug="mainichi")
    security = TagFactory(name="Security", slug="security")
    okinawa = TagFactory(name="Okinawa", slug="okinawa", parent=security)
    ArticleFactory(outlet=asahi, body="Base relocation.", tags=[okinawa])
    ArticleFactory(
        outlet=asahi,
        body="Base relocation debate.",
        tags=[security, okinawa],
        published_on=datetime.date(2016, 1, 5),
        kind=Article.Kind.EDITORIAL,
    )
    ArticleFactory(outlet=mainichi, body="Base relocation vote.", tags=[security])
    ArticleFactory(outlet=mainichi, body="Unrelated budget story.", tags=[okinawa])

    found = facets("relocation")
    assert found["outlet"] == [("asahi", "Asahi", 2), ("mainichi", "Mainichi", 1)]
    # The parent counts each clipping once, though one carries both it and its sub-topic.
    assert found["topic"] == [("security", "Security", 3), ("okinawa", "Security › Okinawa", 2)]
    assert found.topic_tree == {"security": ("Security", None), "okinawa": ("Okinawa", "security")}
    assert found["year"] == [(2016, 1), (2015, 2)]
    assert found["kind"] == [("full", "Full translation", 2), ("editorial", "Editorial", 1)]
    assert not found.is_partial

    assert facets("debate")["outlet"] == [("asahi", "Asahi", 1)]
    assert facets("budget")["topic"] == [
        ("security", "Security", 1),
        ("okinawa", "Security › Okinawa", 1),
    ]

    only_mainichi = Article.objects.published().filter(outlet=mainichi)
    narrowed = facets("relocation", only_mainichi)
    assert narrowed.outlet == [("mainichi", "Mainichi", 1)]
    assert narrowed.topic == [("security", "Security", 1)]
    assert narrowed.year == [(2015, 1)]


def test_facets_come_with_the_search_when_asked():
    ArticleFactory(body="Cherry blossoms.", tags=[TagFactory()])
    assert search("cherry").facets is None
    assert search("cherry", with_facets=True).facets == facets("cherry")


def test_facets_past_the_window_cover_the_newest_matches(settings):
    settings.SEARCH_FACET_LIMIT = 2
    for day in range(1, 4):
        ArticleFactory(body="Drought.", published_on=datetime.date(2014 + day, 1, 1))
    found = facets("drought")
    assert found.is_partial
    assert found.year == [(2017, 1), (2016, 1)]


def test_facets_without_a_query_are_empty():
    ArticleFactory()
    found = facets("  ")
    assert (found.outlet, found.topic, found.year, found.kind) == ([], [], [], [])


# The index follows every kind of write ---------------------------------------------------------


def test_edited_body_replaces_the_old_words():
    article = ArticleFactory(body="The typhoon hit Okinawa.")
    article.body = "The earthquake hit Kumamoto."
    article.save()
    assert search("typhoon").hits == []
    assert titles(search("earthquake")) == [article.title]
    Article.objects.filter(pk=article.pk).update(title="Aftershocks continue")
    assert titles(search("aftershocks")) == ["Aftershocks continue"]


def test_topic_changes_follow_add_remove_set_clear_and_bulk_links():
    article = ArticleFactory(body="Plain text.")
    fisheries = TagFactory(name="Fisheries", slug="fisheries")
    whaling = TagFactory(name="Whaling", slug="whaling")
    article.tags.add(fisheries)
    assert titles(search("fisheries")) == [article.title]
    article.tags.remove(fisheries)
    assert search("fisheries").hits == []
    article.tags.set([whaling, fisheries])
    assert titles(search("whaling fisheries")) == [article.title]
    article.tags.clear()
    assert search("whaling").hits == []
    Article.tags.through.objects.bulk_create([Article.tags.through(article=article, tag=whaling)])
    assert titles(search("whaling")) == [article.title]
    Article.tags.through.objects.filter(article=article).delete()
    assert search("whaling").hits == []


def test_renaming_an_outlet_or_a_topic_reaches_its_clippings():
    outlet = OutletFactory(name="Tokyo Shimbun", slug="tokyo-shimbun")
    parent = TagFactory(name="Energy", slug="energy")
    child = TagFactory(name="Nuclear", slug="nuclear", parent=parent)
    article = ArticleFactory(outlet=outlet, tags=[child])

    outlet.name = "Chunichi"
    outlet.save()
    assert search("shimbun").hits == []
    assert titles(search("chunichi")) == [article.title]
    Outlet.objects.filter(pk=outlet.pk).update(aliases="Chunichi Shimbun\nTokyo edition")
    assert titles(search("edition")) == [article.title]

    Tag.objects.filter(pk=parent.pk).update(name="Power")
    assert search("energy").hits == []
    assert titles(search("power")) == [article.title]
    child.name = "Atomic"
    child.save()
    assert titles(search("atomic power")) == [article.title]


def test_moving_a_clipping_to_another_outlet_reindexes_it():
    article = ArticleFactory(outlet=OutletFactory(name="Yomiuri", slug="yomiuri"))
    article.outlet = OutletFactory(name="Jiji Press", slug="jiji-press")
    article.save()
    assert search("yomiuri").hits == []
    assert titles(search("jiji")) == [article.title]


def test_deleted_clippings_disappear():
    article = ArticleFactory(body="Volcano erupts.", tags=[TagFactory()])
    article.delete()
    result = search("volcano")
    assert result.hits == []
    assert result.total == 0


def test_bulk_created_clippings_are_found():
    outlet = OutletFactory()
    Article.objects.bulk_create(
        Article(
            title=f"Bulk clipping {n}",
            slug=f"bulk-clipping-{n}",
            outlet=outlet,
            published_on=DAY,
            body="Imported about the sumo tournament.",
            status=Article.Status.PUBLISHED,
            publish_at=timezone.now() - datetime.timedelta(hours=1),
        )
        for n in range(3)
    )
    assert search("sumo").total == 3


# Order, paging and counts ---------------------------------------------------------------------


def test_newest_and_oldest_orders():
    dates = [datetime.date(2015, 3, 1), datetime.date(2016, 3, 1), datetime.date(2014, 3, 1)]
    made = {day: ArticleFactory(body="Budget passed.", published_on=day) for day in dates}
    newest = [made[day].title for day in sorted(dates, reverse=True)]
    assert titles(search("budget", order="newest")) == newest
    assert titles(search("budget", order="oldest")) == newest[::-1]


def test_paging_walks_every_match_once():
    for n in range(5):
        ArticleFactory(body="Election results.", published_on=DAY + datetime.timedelta(days=n))
    for order in SearchOrder.values:
        seen, offset = [], 0
        while True:
            page = search("election", order=order, offset=offset, limit=2)
            seen.extend(titles(page))
            assert page.has_previous == (offset > 0)
            if not page.has_next:
                break
            offset = page.next_offset
        assert len(seen) == len(set(seen)) == 5, order
    assert search("election", offset=10, limit=2).hits == []


def test_total_is_exact_below_the_limit_and_capped_above(settings):
    settings.SEARCH_COUNT_LIMIT = 2
    ArticleFactory(body="Snow in Sapporo.")
    ArticleFactory(body="Snow in Aomori.")
    exact = search("snow")
    assert (exact.total, exact.total_is_capped, exact.total_display) == (2, False, "2")
    ArticleFactory(body="Snow in Akita.")
    capped = search("snow")
    assert (capped.total, capped.total_is_capped, capped.total_display) == (None, True, "2+")
    # Ordered by date, paging still stops at the limit.
    assert len(search("snow", order="newest", limit=5).hits) == 2


def test_relevance_ranks_only_the_newest_candidates(settings):
    settings.SEARCH_RANK_LIMIT = 2
    filler()
    oldest_but_best = ArticleFactory(title="Inflation report", body="Prices.")
    for n in range(1, 3):
        ArticleFactory(
            body=f"Inflation mentioned {n}.", published_on=DAY + datetime.timedelta(days=n)
        )
    relevant = search("inflation", limit=10)
    assert relevant.total == 3
    assert oldest_but_best.title not in titles(relevant)
    assert len(relevant.hits) == 2
    assert not relevant.has_next
    assert oldest_but_best.title in titles(search("inflation", order="newest", limit=10))


def test_newest_matches_are_found_across_date_slices(settings):
    settings.SEARCH_COUNT_LIMIT = 3
    settings.SEARCH_RANK_LIMIT = 3
    ArticleFactory(body="Unrelated.", published_on=datetime.date(2024, 1, 1))
    days = [datetime.date(year, 6, 1) for year in (2023, 2019, 2005, 1990, 1950)]
    made = [ArticleFactory(body="Harbour dredging.", published_on=day) for day in days]
    newest = search("dredging", order="newest", limit=10)
    assert titles(newest) == [article.title for article in made[:3]]
    assert newest.total_is_capped
    assert set(titles(search("dredging", limit=10))) == {article.title for article in made[:3]}
    oldest = search("dredging", order="oldest", limit=10)
    assert titles(oldest) == [article.title for article in made[::-1][:3]]


@pytest.mark.parametrize("seconds", [0, 300])
def test_date_slices_serve_date_filters_and_dates_changed_since_cached(settings, seconds):
    """The slices start from the collection's cached dates, not the filtered queryset's."""
    settings.COLLECTION_CACHE_SECONDS = seconds
    settings.SEARCH_COUNT_LIMIT = 3
    settings.SEARCH_RANK_LIMIT = 3
    ArticleFactory(body="Unrelated.", published_on=datetime.date(2024, 1, 1))
    days = [datetime.date(year, 6, 1) for year in (2023, 2010, 2009, 2008, 2007, 1990)]
    made = [ArticleFactory(body="Harbour dredging.", published_on=day) for day in days]
    public = Article.objects.published()
    until_2010 = public.filter(published_on__lte=datetime.date(2010, 12, 31))
    newest = search("dredging", until_2010, order="newest", limit=10)
    assert titles(newest) == [article.title for article in made[1:4]]
    assert newest.total_is_capped
    before_any = search("dredging", public.filter(published_on__lte=datetime.date(1900, 1, 1)))
    assert (before_any.total, before_any.hits) == (0, [])
    # Newer than the cached dates, written without the signals that end the cache.
    Article.objects.filter(pk=made[-1].pk).update(published_on=datetime.date(2030, 1, 1))
    assert titles(search("dredging", order="newest", limit=10))[0] == made[-1].title


def snapshot(queries: list[str]) -> dict:
    return {
        (query, order): (titles(search(query, order=order, limit=10)), search(query).total)
        for query in queries
        for order in SearchOrder.values
    }


def test_word_counts_change_how_matches_are_read_never_which(settings, monkeypatch):
    """On PostgreSQL a word's count sizes the first date slice; a count missing, stale or
    wrong costs a search speed, never a match."""
    settings.SEARCH_COUNT_LIMIT = 3
    settings.SEARCH_RANK_LIMIT = 3
    ArticleFactory(body="Unrelated.", published_on=datetime.date(2024, 1, 1))
    for year in (2023, 2019, 2012, 2005, 1999):
        ArticleFactory(body="Harbour dredging.", published_on=datetime.date(year, 6, 1))
    keeper = ArticleFactory(body="Lighthouse keeper.", published_on=datetime.date(1990, 1, 1))
    queries = ["dredging", "keeper", "lighthouse OR dredging", '"harbour dredging"', "-keeper"]
    backend = get_search_backend()
    before = snapshot(queries)
    backend.refresh_word_counts()
    assert snapshot(queries) == before
    # Written after the counts, which are now stale; and then no counts at all.
    both = ArticleFactory(body="Harbour dredging keeper.", published_on=datetime.date(2000, 1, 1))
    foghorn = ArticleFactory(body="Foghorn keeper.", published_on=datetime.date(2021, 1, 1))
    stale = snapshot([*queries, "foghorn"])
    assert stale[("keeper", SearchOrder.NEWEST)] == (
        [foghorn.title, both.title, keeper.title],
        3,
    )
    monkeypatch.setattr(type(backend), "documents_estimate", lambda self, query: None)
    assert snapshot([*queries, "foghorn"]) == stale


def window_statements(query: str) -> tuple[SearchResult, list[str]]:
    """A search, and the statements that read its newest matches."""
    with CaptureQueriesContext(connection) as queries:
        result = search(query)
    return result, [
        q["sql"]
        for q in queries.captured_queries
        if '"search_vector" @@' in q["sql"] and "AS ranked" not in q["sql"]
    ]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite's index keeps its counts")
def test_a_rare_word_with_a_known_count_is_read_whole_in_one_statement(settings):
    settings.COLLECTION_CACHE_SECONDS = 300
    ArticleFactory(body="Unrelated.", published_on=datetime.date(2024, 1, 1))
    ArticleFactory(body="Unrelated.", published_on=datetime.date(2010, 1, 1))
    rare = ArticleFactory(body="Lighthouse keeper.", published_on=datetime.date(2012, 1, 1))
    search("unrelated")  # keeps the collection's dates
    # Without a count, the newest year first: nothing there, so further back.
    result, windows = window_statements("lighthouse")
    assert titles(result) == [rare.title]
    assert '"articles_article"."published_on" >' in windows[0]
    assert len(windows) > 1
    assert get_search_backend().refresh_word_counts() >= 3
    result, windows = window_statements("lighthouse")
    assert titles(result) == [rare.title]
    assert len(windows) == 1
    assert '"articles_article"."published_on" >' not in windows[0]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite's index keeps its counts")
def test_documents_estimate_adds_up_a_groups_terms():
    ArticleFactory(body="Harbour dredging resumes.")
    ArticleFactory(body="Dredging halted.")
    ArticleFactory(body="Harbour lights.")
    backend = get_search_backend()
    assert backend.documents_estimate(parse_query("dredging")) is None  # not counted yet
    backend.refresh_word_counts()

    def estimate(text: str) -> int | None:
        return backend.documents_estimate(parse_query(text))

    assert estimate("dredging") == 2
    assert estimate("Dredged") == 2  # stemmed as the index is
    assert estimate("harbour OR dredging") == 4  # at most: one clipping has both
    assert estimate('"harbour dredging"') == 2  # a phrase: its rarest word
    assert estimate("dredging lights") == 2  # the first group alone
    assert estimate("the") is None  # a stop word has no count
    assert estimate("foghorn") is None  # nor has a word the counts never saw


def test_the_command_refreshes_the_word_counts(capsys):
    ArticleFactory(body="Harbour dredging resumes.")
    call_command("refresh_search_statistics")
    out = capsys.readouterr().out
    if connection.vendor == "postgresql":
        assert out.startswith("Counted ") and " words in " in out
        assert get_search_backend().documents_estimate(parse_query("dredging")) == 1
    else:
        assert out.startswith("Nothing to do")


def test_a_match_far_from_the_newest_clipping_is_found():
    ArticleFactory(body="Unrelated.", published_on=datetime.date(2024, 1, 1))
    old = ArticleFactory(body="Sparse mention.", published_on=datetime.date(1960, 1, 1))
    assert titles(search("sparse")) == [old.title]
    assert search("sparse").total == 1


def test_dates_near_year_one_do_not_break_the_date_slices():
    ancient = ArticleFactory(body="Ancient chronicle.", published_on=datetime.date(1, 3, 1))
    assert titles(search("chronicle", order="oldest")) == [ancient.title]


def test_odd_options_fall_back_to_sensible_values():
    ArticleFactory(body="Tsunami drill.")
    result = search("tsunami", order="sideways", offset=-5, limit=10_000)
    assert (result.order, result.offset, result.limit) == ("relevance", 0, 100)
    assert len(result.hits) == 1


# Whatever a visitor types ---------------------------------------------------------------------


@pytest.mark.parametrize("text", ["", "   ", "\n\t", None])
def test_blank_query_means_no_query(text):
    ArticleFactory()
    result = search(text)
    assert result.no_query
    assert result.hits == []


BAD_INPUT = [
    "x" * 5000,
    '"',
    '"unclosed phrase',
    "OR",
    "-",
    '- OR "',
    "a OR",
    "OR a",
    "--a",
    "-a",
    "a\x00b",
    "\x00",
    "\x01\x02\x7f\x1b[0m",
    "\ud800",
    "プーチン 訪日",
    "Putin プーチン 訪日 visit",
    "'; drop table articles_article; --",
    "') OR 1=1 --",
    "title:putin",
    "putin*",
    "^putin",
    "NEAR(putin abe)",
    "putin AND NOT abe",
    "(putin",
    "a & b | !c <-> d :*",
    "\\",
    '\\"',
    "%s %% %(x)s",
    "{}[]<>",
    MATCH_START + "putin" + MATCH_END,
    "e\u0301e\u0301",
    "🇯🇵 👍",
]


@pytest.mark.parametrize("text", BAD_INPUT)
def test_bad_input_gives_a_normal_result(text):
    public = ArticleFactory(
        title="Abe and Putin meet", body="The leaders talked about visit plans."
    )
    ArticleFactory(title="Putin drafts", body="Putin visit.", status=Article.Status.DRAFT)
    for order in SearchOrder.values:
        result = search(text, order=order)
        assert isinstance(result, SearchResult)
        assert len(result.query.text) <= MAX_QUERY_LENGTH
        assert set(titles(result)) <= {public.title}
    facets(text)
    assert Article.objects.count() == 2


def test_sql_looking_text_is_only_words():
    article = ArticleFactory(body="Plans to drop the table tennis subsidy.")
    assert titles(search("'; drop table articles_article; --")) == []
    assert titles(search("'; drop table")) == [article.title]
    assert Article.objects.filter(pk=article.pk).exists()


@hypothesis_settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    text=st.lists(
        st.one_of(
            st.text(max_size=12),
            st.sampled_from(['"', "-", "OR", "or", "AND", "NOT", "NEAR", "*", "(", ")", ":"]),
            st.sampled_from(["putin", "visit", "プーチン", " ", "\x00", "'", "\\", "^"]),
        ),
        max_size=12,
    ).map("".join)
)
def test_no_input_raises(text):
    # The collection lives for all examples: hypothesis reruns only the body.
    if not Article.objects.exists():
        ArticleFactory(title="Abe and Putin meet", body="A visit is planned.")
    for order in SearchOrder.values:
        search(text, order=order)
    facets(text)


# The migration --------------------------------------------------------------------------------


def search_objects_exist() -> bool:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            columns = connection.introspection.get_table_description(cursor, "articles_article")
            return "search_vector" in {column.name for column in columns}
        return "articles_article_fts" in connection.introspection.table_names(cursor)


@contextlib.contextmanager
def migrated_back_to(target: str):
    """The database migrated back to articles' `target` for the block, which gets that state's
    models; migrated forward to the latest again after it, whatever happens."""
    executor = MigrationExecutor(connection)
    latest = executor.loader.graph.leaf_nodes()
    executor.migrate([("articles", target)])
    try:
        yield executor.loader.project_state([("articles", target)]).apps
    finally:
        MigrationExecutor(connection).migrate(latest)


@pytest.mark.django_db(transaction=True)
def test_migration_indexes_existing_rows_and_reverses_cleanly():
    with migrated_back_to("0002_editors_group") as apps:
        assert not search_objects_exist()
        outlet = apps.get_model("articles", "Outlet").objects.create(name="Kyodo", slug="kyodo")
        topic = apps.get_model("articles", "Tag").objects.create(name="Fisheries", slug="fish")
        article = apps.get_model("articles", "Article").objects.create(
            title="Saury catch falls",
            slug="saury-catch-falls",
            outlet=outlet,
            published_on=DAY,
            body="Fishermen report the lowest catch in decades.",
            status="published",
            publish_at=timezone.now() - datetime.timedelta(hours=1),
        )
        article.tags.add(topic)
    assert search_objects_exist()
    for query in ("saury", "fishermen", "kyodo", "fisheries"):
        assert titles(search(query)) == ["Saury catch falls"], query


@pytest.mark.django_db(transaction=True)
def test_migration_folds_the_accents_of_clippings_already_indexed():
    with migrated_back_to("0007_search_word_counts") as apps:
        outlet = apps.get_model("articles", "Outlet").objects.create(
            name="Ryūkyū Shimpō", slug="ryukyu-shimpo"
        )
        plain_outlet = apps.get_model("articles", "Outlet").objects.create(
            name="Kyodo", slug="kyodo"
        )
        region = apps.get_model("articles", "Tag").objects.create(name="Tōhoku", slug="tohoku")
        topic = apps.get_model("articles", "Tag").objects.create(
            name="Recovery", slug="recovery", parent=region
        )
        published = {"status": "published", "publish_at": timezone.now() - datetime.timedelta(1)}
        Article = apps.get_model("articles", "Article")
        for title, slug, by, body, topics in [
            ("Governor meets fishermen", "governor", outlet, "The talks were held in Nago.", []),
            ("Seawall rebuilt", "seawall", plain_outlet, "Work ended in Miyako.", [topic]),
            ("Talks in Ōsaka", "osaka", plain_outlet, "Nothing was agreed.", []),
        ]:
            Article.objects.create(
                title=title, slug=slug, outlet=by, published_on=DAY, body=body, **published
            ).tags.set(topics)
    assert titles(search("ryukyu shimpo")) == ["Governor meets fishermen"]
    assert titles(search("tohoku")) == ["Seawall rebuilt"]
    assert titles(search("osaka")) == ["Talks in Ōsaka"]
    assert titles(search("ōsaka")) == ["Talks in Ōsaka"]
    if connection.vendor == "postgresql":
        # The word counts were counted again from the folded vectors.
        with connection.cursor() as cursor:
            cursor.execute("SELECT documents FROM articles_search_word WHERE lexeme = 'osaka'")
            assert cursor.fetchall() == [(1,)]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite's tokenizer folds accents")
def test_the_migration_looks_for_every_letter_unaccent_folds():
    # 0008 indexes again only the clippings with a character of FOLDABLE. Any character of the
    # Basic Multilingual Plane that changes a word's lexeme under the new configuration must be
    # one of them, or its clippings would keep their old vectors.
    foldable = importlib.import_module("articles.migrations.0008_search_ignores_accents").FOLDABLE
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT cp, chr(cp) ~ %s FROM generate_series(161, 65533) AS cp "
            "WHERE cp NOT BETWEEN 55296 AND 57343 AND unaccent(chr(cp)) <> chr(cp) "
            "AND to_tsvector('english', 'x' || chr(cp) || 'x') "
            "<> to_tsvector('readingroom_english', 'x' || chr(cp) || 'x')",
            [foldable],
        )
        folding = dict(cursor.fetchall())
    assert folding[ord("ō")] and folding[ord("Ū")] and len(folding) > 500
    missed = [f"U+{cp:04X} {chr(cp)}" for cp, found in folding.items() if not found]
    assert missed == []
