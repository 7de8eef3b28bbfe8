import hashlib
import io
import os
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from django.db.models import Count
from django.utils import timezone

from articles.demo import load_demo
from articles.demo.plan import build, digest
from articles.models import Article, Outlet, Tag

from .factories import OutletFactory, TagFactory

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[1]
JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


def fingerprint() -> str:
    """The collection as stored, in the same form as the plan's digest."""
    rows = Article.objects.values_list("outlet__slug", "published_on", "title", "body")
    lines = sorted(f"{slug}|{day}|{title}|{body}" for slug, day, title, body in rows)
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()


def wipe() -> None:
    """Leave the shared test database as empty as the module found it, history included."""
    Article.objects.all().delete()
    Tag.objects.filter(parent__isnull=False).delete()
    Tag.objects.all().delete()
    Outlet.objects.all().delete()
    Article.history.model.tags.model.objects.all().delete()
    for model in (Article, Tag, Outlet):
        model.history.all().delete()


@pytest.fixture(scope="module")
def loaded(django_db_setup, django_db_blocker):
    """Load once for the whole module; each test's transaction rolls back its own changes."""
    with django_db_blocker.unblock():
        summary = load_demo()
    yield summary
    with django_db_blocker.unblock():
        wipe()


@pytest.fixture
def demo(loaded, db):
    return loaded


def test_enough_public_clippings_over_a_year(demo):
    public = Article.objects.published()
    assert public.count() >= 300
    months = {(day.year, day.month) for day in public.values_list("published_on", flat=True)}
    assert len(months) >= 12
    assert demo.clippings_created == Article.objects.count()


def test_outlets_are_real_with_aliases_and_kinds(demo):
    outlets = {outlet.slug: outlet for outlet in Outlet.objects.all()}
    assert len(outlets) >= 10
    assert all(
        outlet.alias_list and outlet.description and outlet.website for outlet in outlets.values()
    )
    assert outlets["kyodo-news"].kind == Outlet.Kind.WIRE
    assert outlets["nhk"].kind == Outlet.Kind.BROADCASTER
    assert outlets["akahata"].kind == Outlet.Kind.PARTY_ORGAN
    assert outlets["shukan-bunshun"].kind == Outlet.Kind.WEEKLY
    assert outlets["ryukyu-shimpo"].kind == Outlet.Kind.REGIONAL_DAILY
    assert {"Nihon Keizai Shimbun", "Nihon Keizai"} <= set(outlets["nikkei"].alias_list)
    assert "Yomiuri digital" in outlets["yomiuri-shimbun"].alias_list
    assert set(Outlet.objects.values_list("kind", flat=True)) == set(Outlet.Kind.values) - {
        Outlet.Kind.ONLINE
    }


def test_topics_form_a_two_level_tree(demo):
    topics = list(Tag.objects.select_related("parent"))
    assert len(topics) >= 25
    roots = [topic for topic in topics if topic.parent is None]
    children = [topic for topic in topics if topic.parent is not None]
    assert len(roots) >= 5
    assert len(children) >= 20
    assert all(child.parent.parent_id is None for child in children)
    assert all(topic.description and topic.keyword_list for topic in topics)
    russia = Tag.objects.get(slug="japan-russia-relations")
    assert russia.parent.slug == "international"
    assert {"Putin", "Lavrov", "Northern Territories"} <= set(russia.keyword_list)


def test_every_clipping_is_valid_and_well_formed(demo):
    articles = list(Article.objects.select_related("outlet").prefetch_related("tags"))
    for article in articles[::10]:
        article.full_clean()
    for topic in Tag.objects.all():
        topic.full_clean()
    for outlet in Outlet.objects.all():
        outlet.full_clean()
    for article in articles:
        assert 1 <= len(article.tags.all()) <= 3, article.title
        assert 3 <= len(article.paragraphs) <= 8, article.title
        assert re.fullmatch(r"(\d+(-\d+)?)?", article.page), article.page
        if article.position == "Top play":
            assert article.page == "1"
        if article.source_url:
            host = re.sub(r"^www\d*\.", "", urlsplit(article.source_url).hostname)
            assert host == re.sub(r"^www\d*\.", "", urlsplit(article.outlet.website).hostname)


def test_the_collection_shows_the_variety_a_reader_would_meet(demo):
    articles = Article.objects.all()
    assert set(articles.values_list("kind", flat=True)) == set(Article.Kind.values)
    assert articles.filter(position="Top play").count() >= 10
    assert (
        sum(bool(JAPANESE.search(t)) for t in articles.values_list("original_title", flat=True))
        >= 10
    )
    assert articles.exclude(translator_notes="").count() >= 5
    assert articles.exclude(source_url="").count() >= 20
    assert articles.filter(translator="").count() == 0
    assert set(articles.values_list("edition", flat=True)) >= {
        "morning",
        "evening",
        "online",
        "weekly",
    }
    # Several outlets on the same story on the same day, for comparing coverage.
    busy_days = (
        Article.objects.published()
        .values("published_on")
        .annotate(outlets=Count("outlet", distinct=True))
        .filter(outlets__gte=4)
    )
    assert busy_days.count() >= 20


def test_drafts_and_scheduled_clippings_are_not_public(demo):
    now = timezone.now()
    drafts = Article.objects.filter(status=Article.Status.DRAFT)
    scheduled = Article.objects.filter(status=Article.Status.PUBLISHED, publish_at__gt=now)
    assert drafts.count() >= 3
    assert scheduled.count() >= 3
    public = Article.objects.published(now)
    assert not public.filter(pk__in=drafts).exists()
    assert not public.filter(pk__in=scheduled).exists()


def test_loading_twice_changes_nothing(demo):
    before = {a.pk: (a.updated_at, a.publish_at) for a in Article.objects.all()}
    links = Article.tags.through.objects.count()
    counts = (Outlet.objects.count(), Tag.objects.count())

    again = load_demo()

    assert again.outlets_created == again.topics_created == again.clippings_created == 0
    assert again.clippings_unchanged == len(before)
    assert {a.pk: (a.updated_at, a.publish_at) for a in Article.objects.all()} == before
    assert Article.tags.through.objects.count() == links
    assert (Outlet.objects.count(), Tag.objects.count()) == counts


def test_two_fresh_loads_store_the_same_text():
    wipe()  # in case the module-wide load already ran; rolled back after the test
    load_demo()
    first = fingerprint()
    wipe()
    load_demo()
    assert fingerprint() == first == digest(build())


def test_the_text_does_not_depend_on_the_process():
    """String hashing changes per process; the demo text must not."""
    script = (
        "import django; django.setup(); "
        "from articles.demo.plan import build, digest; print(digest(build()))"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "readingroom.settings", "PYTHONHASHSEED": "7"}
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == digest(build())


def test_existing_rows_with_the_same_names_are_reused():
    wipe()  # in case the module-wide load already ran; rolled back after the test
    asahi = OutletFactory(name="Asahi Shimbun", slug="asahi")
    TagFactory(name="international", slug="world")

    load_demo()

    assert Outlet.objects.filter(name="Asahi Shimbun").get() == asahi
    assert asahi.articles.count() > 0
    world = Tag.objects.get(slug="world")
    assert world.children.filter(slug="japan-russia-relations").exists()
    assert not Tag.objects.filter(slug="international").exists()


def test_command_prints_one_line_and_can_be_quiet():
    wipe()  # in case the module-wide load already ran; rolled back after the test
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    line = out.getvalue()
    assert line.count("\n") == 1
    assert "clippings" in line and "0 unchanged" in line

    out = io.StringIO()
    call_command("load_demo", stdout=out)
    assert "clippings 0 created" in out.getvalue()

    for flags in (["--quiet"], ["-v", "0"]):
        out = io.StringIO()
        call_command("load_demo", *flags, stdout=out)
        assert out.getvalue() == ""
