"""seed_demo and the synthetic collection (articles/synthetic.py), on SQLite and PostgreSQL.

The loader commits as it goes and, on PostgreSQL, writes through connections of its own, so the
database tests run with real transactions.
"""

import datetime
import hashlib
import re
from collections import Counter

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from articles import synthetic
from articles.models import Article, Outlet, Tag
from articles.search import get_search_backend, parse_query

seeded_db = pytest.mark.django_db(transaction=True)


def fingerprint() -> str:
    """Everything a reader sees of the collection, ids left out."""
    lines = []
    for article in Article.objects.select_related("outlet").prefetch_related("tags"):
        topics = ",".join(sorted(tag.slug for tag in article.tags.all()))
        lines.append(
            "|".join(
                str(value)
                for value in (
                    article.outlet.slug,
                    article.published_on,
                    article.title,
                    article.body,
                    article.kind,
                    article.page,
                    article.edition,
                    article.status,
                    article.publish_at,
                    topics,
                )
            )
        )
    return hashlib.sha256("\n".join(sorted(lines)).encode()).hexdigest()


def word_count(text: str) -> int:
    return len(text.split())


# --- The generator, without a database ------------------------------------------------------


def test_day_counts_add_up_and_span_fifteen_years():
    counts = synthetic.day_counts(100_000, seed=1)
    assert sum(n for _day, n in counts) == 100_000
    days = [day for day, _n in counts]
    assert days == sorted(days)
    assert days[0] == synthetic.START
    assert days[-1] == synthetic.END
    assert (synthetic.END - synthetic.START).days + 1 in (365 * 15 + 3, 365 * 15 + 4)
    assert datetime.date(2025, 10, 1) > synthetic.END  # before the demo collection's first day
    by_weekday = Counter()
    for day, n in counts:
        by_weekday[day.weekday()] += n
    assert by_weekday[2] > by_weekday[6]  # more news on a Wednesday than on a Sunday


def test_small_counts_add_up_too():
    assert sum(n for _day, n in synthetic.day_counts(7, seed=3)) == 7


def test_a_day_is_the_same_for_the_same_seed_and_differs_for_another():
    day = datetime.date(2020, 2, 12)
    assert synthetic.generate_day(5, day, 40) == synthetic.generate_day(5, day, 40)
    assert synthetic.generate_day(5, day, 40) != synthetic.generate_day(6, day, 40)


def test_headlines_are_unique_per_outlet_and_day_even_on_a_crowded_day():
    clippings = synthetic.generate_day(1, datetime.date(2019, 7, 4), 600)
    keys = [(c.outlet, c.title) for c in clippings]
    assert len(set(keys)) == len(keys)
    assert all(len(c.title) <= 300 for c in clippings)


def test_clippings_look_like_the_collection():
    clippings = [
        clipping
        for offset in range(0, 60)
        for clipping in synthetic.generate_day(
            2, synthetic.START + datetime.timedelta(days=offset * 30), 40
        )
    ]
    words = [word_count(c.body) for c in clippings]
    assert min(words) >= synthetic.WORDS_MIN
    # The last paragraph may run past the target by a few sentences.
    assert max(words) <= synthetic.WORDS_MAX + 150
    assert all("\n\n" in c.body for c in clippings)
    assert all(1 <= len(c.topics) <= 4 and len(set(c.topics)) == len(c.topics) for c in clippings)
    assert {len(c.topics) for c in clippings} >= {1, 2, 3}
    assert 1.8 < sum(len(c.topics) for c in clippings) / len(clippings) < 2.4
    roots = {root["slug"] for root, _children in synthetic.TREE}
    assert any(set(c.topics) & roots for c in clippings)  # parents are filed as well
    assert 0 < sum(c.status == "draft" for c in clippings) < len(clippings) * 0.02
    assert len({c.outlet for c in clippings}) >= 10
    assert len({c.kind for c in clippings}) >= 4
    weeklies = {"shukan-bunshun", "shukan-shincho"}
    assert all(c.published_on.weekday() == 3 for c in clippings if c.outlet in weeklies)


def test_the_vocabulary_has_a_long_tail():
    """A few words in most clippings, many in very few: what search benchmarks need."""
    clippings = [
        clipping
        for offset in range(200)
        for clipping in synthetic.generate_day(
            1, synthetic.START + datetime.timedelta(days=offset * 20), 10
        )
    ]
    document_frequency = Counter()
    for clipping in clippings:
        document_frequency.update(set(re.findall(r"[a-z]+", clipping.body.lower())))
    shares = sorted((n / len(clippings) for n in document_frequency.values()), reverse=True)
    assert len(shares) > 5000
    assert shares[0] > 0.5
    assert sum(share < 0.005 for share in shares) > len(shares) / 2


def test_one_topic_is_kept_rare_on_purpose():
    corpus = synthetic.corpus()
    assert len(corpus.leaves) == len(corpus.leaf_weights)
    assert corpus.leaf_weights[-1] == synthetic.RAREST_TOPIC_SHARE
    assert corpus.leaf_weights[0] > 100 * corpus.leaf_weights[-1]
    assert abs(sum(corpus.leaf_weights) - 1) < 1e-9


# --- Loading ----------------------------------------------------------------------------------


@seeded_db
def test_seed_loads_exactly_count_clippings_with_outlets_topics_and_links():
    summary = synthetic.seed(150, seed=4)
    assert Article.objects.count() == 150 == summary.created
    assert Article.objects.filter(status=Article.Status.DRAFT).count() == summary.drafts
    links = Article.tags.through.objects.count()
    assert links == summary.links
    assert 150 <= links <= 600
    assert Outlet.objects.count() == len(synthetic.OUTLETS)
    assert Tag.objects.filter(parent__isnull=False).exists()
    dates = Article.objects.values_list("published_on", flat=True)
    assert min(dates) >= synthetic.START and max(dates) <= synthetic.END
    # Every published clipping is already public, whatever today's date.
    assert Article.objects.published().count() == 150 - summary.drafts


@seeded_db
def test_seeded_rows_pass_model_validation():
    synthetic.seed(40, seed=5)
    for article in Article.objects.all()[:40]:
        article.full_clean()
    urls = [url for url in Article.objects.values_list("source_url", flat=True) if url]
    assert urls and len(set(urls)) == len(urls)


@seeded_db
def test_the_same_seed_gives_the_same_collection():
    synthetic.seed(120, seed=7)
    first = fingerprint()
    Article.objects.all().delete()
    synthetic.seed(120, seed=7)
    assert fingerprint() == first
    Article.objects.all().delete()
    synthetic.seed(120, seed=8)
    assert fingerprint() != first


@seeded_db
def test_postgresql_parallel_connections_give_the_same_rows_as_one():
    if connection.vendor != "postgresql":
        pytest.skip("SQLite always loads on one connection")
    synthetic.seed(300, seed=9, jobs=1)
    one = fingerprint()
    Article.objects.all().delete()
    synthetic.seed(300, seed=9, jobs=3)
    assert fingerprint() == one


@seeded_db
def test_search_finds_seeded_clippings_by_title_body_and_topic():
    synthetic.seed(150, seed=10)
    backend = get_search_backend()
    public = Article.objects.published()
    articles = list(public.select_related("outlet").prefetch_related("tags__parent")[:60])
    checked_topic = 0
    for article in articles:
        title_word = max(re.findall(r"[A-Za-z]{5,}", article.title), key=len)
        assert backend.matching(public, parse_query(title_word)).filter(pk=article.pk).exists()
        seen = f"{article.title} {article.body} {article.original_title} {article.outlet.name}"
        for tag in article.tags.all():
            for word in re.findall(r"[A-Za-z]{4,}", tag.name):
                if word.lower() not in seen.lower():
                    # Only the topic link can have put this word in the index.
                    query = parse_query(word)
                    assert backend.matching(public, query).filter(pk=article.pk).exists(), word
                    checked_topic += 1
    assert checked_topic > 0


@seeded_db
def test_the_search_index_is_complete_and_its_machinery_restored():
    synthetic.seed(80, seed=11)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT count(*) FROM articles_article WHERE search_vector IS NULL")
            assert cursor.fetchone()[0] == 0
            cursor.execute(
                "SELECT count(*) FROM pg_indexes WHERE indexname = "
                "'articles_article_search_vector_idx'"
            )
            assert cursor.fetchone()[0] == 1
            cursor.execute(
                "SELECT count(*) FROM pg_trigger WHERE tgrelid = 'articles_article_tags'::regclass "
                "AND NOT tgisinternal AND tgenabled = 'O'"
            )
            assert cursor.fetchone()[0] == 3
        else:
            cursor.execute("SELECT count(*) FROM articles_article_fts")
            assert cursor.fetchone()[0] == 80
            cursor.execute(
                "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' "
                "AND tbl_name = 'articles_article_tags'"
            )
            assert cursor.fetchone()[0] == 3
    # The restored triggers work: a topic added afterwards is searchable.
    article = Article.objects.published().first()
    topic = Tag.objects.create(name="Zyxwvut", slug="zyxwvut")
    article.tags.add(topic)
    matches = get_search_backend().matching(Article.objects.published(), parse_query("Zyxwvut"))
    assert list(matches.values_list("pk", flat=True)) == [article.pk]


@seeded_db
def test_the_planner_has_statistics_after_seeding():
    """Without them SQLite walks the wrong index for every newest-first page."""
    synthetic.seed(30, seed=12)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT count(*) FROM pg_stat_user_tables WHERE relname IN "
                "('articles_article', 'articles_article_tags') AND last_analyze IS NOT NULL"
            )
            assert cursor.fetchone()[0] == 2
            # And the search knows how many clippings each word is in.
            cursor.execute("SELECT count(*) FROM articles_search_word WHERE documents > 0")
            assert cursor.fetchone()[0] > 100
        else:
            cursor.execute(
                "SELECT count(DISTINCT tbl) FROM sqlite_stat1 WHERE tbl IN "
                "('articles_article', 'articles_article_tags')"
            )
            assert cursor.fetchone()[0] == 2


@seeded_db
def test_seeding_twice_into_the_same_years_is_refused():
    synthetic.seed(20, seed=1)
    with pytest.raises(synthetic.SeedError, match="already holds clippings"):
        synthetic.seed(20, seed=2)
    assert Article.objects.count() == 20


@seeded_db
def test_the_demo_collection_can_sit_alongside():
    call_command("load_demo", "--quiet")
    demo = Article.objects.count()
    synthetic.seed(30, seed=1)
    assert Article.objects.count() == demo + 30
    assert Outlet.objects.count() == len(synthetic.OUTLETS)


@seeded_db
def test_the_command_reports_and_refuses_bad_counts(capsys):
    call_command("seed_demo", "--count", "25", "--seed", "3")
    assert "Seeded 25 clippings" in capsys.readouterr().out
    with pytest.raises(CommandError, match="at least 1"):
        call_command("seed_demo", "--count", "0")
