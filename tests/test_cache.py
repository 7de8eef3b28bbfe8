"""The page cache and HTTP caching headers (articles/cache.py)."""

import datetime
import json
import os
import re
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.http import http_date

from articles import cache as page_cache
from articles import views
from articles.models import Article, Correction
from tests.factories import ArticleFactory, OutletFactory, TagFactory

pytestmark = pytest.mark.django_db

DAY = datetime.date(2015, 11, 10)


@pytest.fixture(autouse=True)
def caches_on(settings):
    """Development settings turn both caches off; these tests are about them being on."""
    settings.PAGE_CACHE_SECONDS = 60
    settings.COLLECTION_CACHE_SECONDS = 300


@pytest.fixture
def world():
    outlet = OutletFactory(name="Asahi Shimbun", slug="asahi-shimbun")
    parent = TagFactory(name="Security", slug="security")
    topic = TagFactory(name="Okinawa", slug="okinawa", parent=parent)
    article = ArticleFactory(
        title="Base relocation talks resume", outlet=outlet, published_on=DAY, tags=[topic]
    )
    return {"outlet": outlet, "topic": topic, "parent": parent, "article": article}


def public_urls(world) -> list[str]:
    article, outlet, topic = world["article"], world["outlet"], world["topic"]
    return [
        "/",
        "/archive/",
        "/archive/2015/",
        "/archive/2015/11/",
        "/archive/2015/11/10/",
        "/outlets/",
        outlet.get_absolute_url(),
        f"{outlet.get_absolute_url()}?before=2015-11-10.999999",
        reverse("articles:outlet-feed", args=[outlet.slug]),
        "/topics/",
        topic.get_absolute_url(),
        world["parent"].get_absolute_url(),
        reverse("articles:topic-feed", args=[topic.slug]),
        "/articles/",
        "/articles/?outlet=asahi-shimbun&from=2015-01-01",
        "/search/?q=relocation",
        "/search/?q=nothing-matches-this",
        article.get_absolute_url(),
        reverse("articles:article-redirect", args=[article.pk]),
        reverse("articles:article-cite-ris", args=[article.pk, article.slug]),
        reverse("articles:article-cite-bibtex", args=[article.pk, article.slug]),
        reverse("articles:compare"),
        f"{reverse('articles:compare')}?topic=okinawa",
        reverse("articles:feed-latest"),
        reverse("articles:correction-list"),
        "/sitemap.xml",
        "/robots.txt",
    ]


# --- What anonymous readers get -------------------------------------------------------------


def test_every_public_page_type_can_be_shared(client, world):
    """No cookie and no Vary: Cookie, or no shared cache may keep the page."""
    for url in public_urls(world):
        response = client.get(url)
        assert response.status_code in (200, 301), url
        assert not response.cookies, f"{url} sets {list(response.cookies)}"
        assert "Set-Cookie" not in response, url
        assert "cookie" not in response.get("Vary", "").lower(), url
        control = response["Cache-Control"]
        assert "public" in control, url
        assert "s-maxage=60" in control and "max-age=60" in control, url
        assert response.has_header("Last-Modified"), url
        if response.status_code == 200:
            assert response.has_header("ETag"), url


def test_a_missing_page_is_not_kept_and_loads_no_session(client, world):
    draft = ArticleFactory(title="Unpublished draft", status=Article.Status.DRAFT)
    for url in (draft.get_absolute_url(), "/outlets/no-such-outlet/", "/archive/1999/01/01/"):
        response = client.get(url)
        assert response.status_code == 404, url
        assert "Cache-Control" not in response, url
        assert "cookie" not in response.get("Vary", "").lower(), url


def test_a_second_request_is_served_from_the_cache(client, world, django_assert_num_queries):
    url = world["topic"].get_absolute_url()
    first = client.get(url)
    assert first.status_code == 200
    with django_assert_num_queries(0):
        second = client.get(url)
    assert second.status_code == 200
    assert second.content == first.content
    assert second["ETag"] == first["ETag"]
    assert second["Content-Type"] == first["Content-Type"]


def test_head_is_answered_from_the_same_page(client, world, django_assert_num_queries):
    client.get("/")
    with django_assert_num_queries(0):
        response = client.head("/")
    assert response.status_code == 200
    assert "public" in response["Cache-Control"]


def test_query_strings_are_different_pages(client, world):
    other = ArticleFactory(title="Second clipping", published_on=DAY)
    client.get("/articles/")
    Article.objects.filter(pk=other.pk).update(title="Renamed without a signal")
    # /articles/ is stale now (no signal was sent), but another address renders afresh.
    assert "Renamed without a signal" not in client.get("/articles/").content.decode()
    assert "Renamed without a signal" in client.get("/articles/?kind=full").content.decode()


def test_turned_off_nothing_is_stored_but_headers_still_go_out(
    client, world, settings, django_assert_num_queries
):
    settings.PAGE_CACHE_SECONDS = 0
    client.get("/outlets/")
    response = client.get("/outlets/")
    assert "max-age=0" in response["Cache-Control"]
    assert response.has_header("ETag")
    assert not page_cache.cache.get(page_cache.page_key(response.wsgi_request))


# --- Freshness -----------------------------------------------------------------------------------


def test_publishing_a_draft_shows_at_once(client, world):
    draft = ArticleFactory(
        title="Draft about the budget", published_on=DAY, status=Article.Status.DRAFT
    )
    assert "Draft about the budget" not in client.get("/archive/2015/11/10/").content.decode()
    draft.status = Article.Status.PUBLISHED
    draft.save()
    assert "Draft about the budget" in client.get("/archive/2015/11/10/").content.decode()


def test_editing_a_clipping_shows_at_once(client, world):
    article = world["article"]
    client.get(article.get_absolute_url())
    client.get("/")
    article.body = "A corrected first paragraph."
    article.save()
    assert "A corrected first paragraph." in client.get(article.get_absolute_url()).content.decode()


def test_changing_topics_shows_at_once(client, world):
    other = TagFactory(name="Diet", slug="diet")
    client.get(other.get_absolute_url())
    world["article"].tags.add(other)
    assert "Base relocation talks resume" in client.get(other.get_absolute_url()).content.decode()
    world["article"].tags.remove(other)
    page = client.get(other.get_absolute_url()).content.decode()
    assert "Base relocation talks resume" not in page


def test_renaming_an_outlet_or_topic_shows_at_once(client, world):
    url = world["article"].get_absolute_url()
    client.get(url)
    world["outlet"].name = "The Asahi"
    world["outlet"].save()
    assert "The Asahi" in client.get(url).content.decode()
    world["topic"].name = "Ryukyu"
    world["topic"].save()
    assert "Ryukyu" in client.get(url).content.decode()


def test_deleting_a_clipping_shows_at_once(client, world):
    extra = ArticleFactory(title="Soon to be withdrawn", published_on=DAY)
    assert "Soon to be withdrawn" in client.get("/articles/").content.decode()
    extra.delete()
    assert "Soon to be withdrawn" not in client.get("/articles/").content.decode()


def test_a_correction_shows_at_once(client, world, editor):
    client.get(reverse("articles:correction-list"))
    Correction.objects.create(article=world["article"], note="Fixed the minister's name.")
    page = client.get(reverse("articles:correction-list")).content.decode()
    assert "Fixed the minister" in page


def test_writes_without_signals_show_after_bump_generation(client, world):
    client.get("/articles/")
    Article.objects.filter(pk=world["article"].pk).update(title="Bulk renamed")
    assert "Bulk renamed" not in client.get("/articles/").content.decode()
    page_cache.bump_generation()
    assert "Bulk renamed" in client.get("/articles/").content.decode()


def test_publishing_from_the_admin_list_shows_at_once(client, world, editor):
    # The bulk action writes with update(), which sends no model signal.
    draft = ArticleFactory(title="Held for the morning", published_on=DAY, status="draft")
    assert "Held for the morning" not in client.get("/articles/").content.decode()
    staff = Client()
    staff.force_login(editor)
    staff.post(
        reverse("admin:articles_article_changelist"),
        {"action": "publish", "_selected_action": [draft.pk]},
    )
    assert Article.objects.get(pk=draft.pk).status == Article.Status.PUBLISHED
    assert "Held for the morning" in client.get("/articles/").content.decode()
    staff.post(
        reverse("admin:articles_article_changelist"),
        {"action": "unpublish", "_selected_action": [draft.pk]},
    )
    assert "Held for the morning" not in client.get("/articles/").content.decode()


def test_an_import_shows_at_once(client, world, tmp_path):
    # The intake inserts with COPY or executemany, which send no model signal.
    assert "Imported overnight" not in client.get("/articles/").content.decode()
    record = {
        "title": "Imported overnight",
        "outlet_slug": world["outlet"].slug,
        "published_on": "2015-11-10",
        "body": "Text.",
        "tags": [],
    }
    path = tmp_path / "batch.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    call_command("import_clippings", str(path), "--publish", verbosity=0)
    assert "Imported overnight" in client.get("/articles/").content.decode()


def test_a_write_marks_pages_stale_again_when_it_commits(world, django_capture_on_commit_callbacks):
    """A page rendered from the old rows between the write and its commit must not survive."""
    with django_capture_on_commit_callbacks() as callbacks:
        world["article"].title = "Renamed inside a transaction"
        world["article"].save()
        before_commit = page_cache.generation()
    assert callbacks
    for callback in callbacks:
        callback()
    assert page_cache.generation() > before_commit


def test_commands_keep_cached_pages_fresh_without_the_middleware():
    """The receivers are connected when the app loads, not only where the middleware runs."""
    code = (
        "import sys, django; django.setup(); "
        "from django.db.models.signals import post_save; "
        "from articles.models import Article; "
        "print('articles.cache' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=Path(__file__).resolve().parent.parent,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "readingroom.settings", "DEBUG": "1"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "True"


def test_a_lost_generation_counter_never_revives_old_pages(client, world):
    client.get("/articles/")
    Article.objects.filter(pk=world["article"].pk).update(title="Changed behind the cache")
    page_cache.cache.delete(page_cache.GENERATION_KEY)
    assert "Changed behind the cache" in client.get("/articles/").content.decode()


def test_no_page_outlives_the_next_scheduled_publication(client, world):
    ArticleFactory(
        title="Embargoed until soon",
        published_on=DAY,
        publish_at=timezone.now() + datetime.timedelta(seconds=20),
    )
    response = client.get("/archive/2015/11/10/")
    assert "Embargoed until soon" not in response.content.decode()
    max_age = int(response["Cache-Control"].split("max-age=")[1].split(",")[0])
    assert 0 < max_age <= 20


def test_replayed_pages_say_how_long_is_left(client, world, monkeypatch):
    client.get("/outlets/")
    stored_at = page_cache.time.time()
    monkeypatch.setattr(page_cache.time, "time", lambda: stored_at + 45)
    response = client.get("/outlets/")
    max_age = int(response["Cache-Control"].split("max-age=")[1].split(",")[0])
    assert 14 <= max_age <= 15


# --- Conditional requests ----------------------------------------------------------------------


@pytest.mark.parametrize("warm", [False, True])
def test_if_none_match_gets_304(client, world, warm):
    url = world["outlet"].get_absolute_url()
    etag = client.get(url)["ETag"]
    if not warm:
        page_cache.bump_generation()
    response = client.get(url, headers={"If-None-Match": etag})
    assert response.status_code == 304
    assert response.content == b""
    assert response["ETag"] == etag
    assert "public" in response["Cache-Control"]
    assert "Set-Cookie" not in response


@pytest.mark.parametrize("warm", [False, True])
def test_if_modified_since_gets_304(client, world, warm):
    client.get("/topics/")
    if not warm:
        page_cache.bump_generation()
    later = http_date(timezone.now().timestamp() + 60)
    assert client.get("/topics/", headers={"If-Modified-Since": later}).status_code == 304
    earlier = http_date(timezone.now().timestamp() - 3600)
    assert client.get("/topics/", headers={"If-Modified-Since": earlier}).status_code == 200


def test_a_stale_etag_gets_the_new_page(client, world):
    url = world["article"].get_absolute_url()
    etag = client.get(url)["ETag"]
    world["article"].body = "Rewritten."
    world["article"].save()
    response = client.get(url, headers={"If-None-Match": etag})
    assert response.status_code == 200
    assert response["ETag"] != etag


# --- Editors, forms and the admin ---------------------------------------------------------------


def test_editors_bypass_the_cache_and_get_private_pages(client, world, editor):
    client.get("/")  # an anonymous copy is stored
    client.force_login(editor)
    Article.objects.filter(pk=world["article"].pk).update(title="Seen by editors at once")
    response = client.get("/")
    assert "Seen by editors at once" in response.content.decode()
    assert "private" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]
    # Nothing the editor saw was stored for anonymous readers.
    client.logout()
    assert "Seen by editors at once" not in client.get("/").content.decode()


def test_staff_previews_stay_private_and_unstored(client, world, editor):
    draft = ArticleFactory(title="Preview only", status=Article.Status.DRAFT)
    client.force_login(editor)
    response = client.get(draft.get_absolute_url())
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    client.logout()
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_the_admin_is_never_cached(client, world):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    assert "public" not in response.get("Cache-Control", "")
    assert not page_cache.cache.get(page_cache.page_key(response.wsgi_request))


def test_posts_are_never_answered_from_the_cache(client, world):
    client.get("/articles/")
    response = client.post("/articles/")
    assert "public" not in response.get("Cache-Control", "")


# --- Data kept until the next write --------------------------------------------------------------


def test_until_next_write_computes_once_per_generation(db, settings):
    calls = []

    def compute():
        calls.append(1)
        return len(calls)

    assert page_cache.until_next_write("test-figure", compute) == 1
    assert page_cache.until_next_write("test-figure", compute) == 1
    ArticleFactory()
    assert page_cache.until_next_write("test-figure", compute) == 2
    settings.COLLECTION_CACHE_SECONDS = 0
    assert page_cache.until_next_write("test-figure", compute) == 3
    assert page_cache.until_next_write("test-figure", compute) == 4


def test_until_next_write_reuses_the_process_copy_not_a_new_one(db, settings):
    settings.COLLECTION_CACHE_SECONDS = 300
    first = page_cache.until_next_write("test-objects", lambda: {"topics": [1, 2]})
    # The same objects, not a fresh unpickled copy from the shared cache.
    assert page_cache.until_next_write("test-objects", lambda: {"topics": []}) is first


def test_until_next_write_takes_another_process_value_for_the_current_generation(db, settings):
    settings.COLLECTION_CACHE_SECONDS = 300
    assert page_cache.until_next_write("test-shared", lambda: "ours") == "ours"
    ArticleFactory()  # a write: this process's copy is stale
    # Another process (sharing Redis) computed it for the new generation first.
    current = page_cache.generation()
    cache.set(f"{page_cache.DATA_PREFIX}test-shared", (current, time.time() + 60, "theirs"))
    assert page_cache.until_next_write("test-shared", lambda: "recomputed") == "theirs"


class Counter:
    """A count that takes as long as the test says: compute() waits for release() when held."""

    def __init__(self, hold: bool = False) -> None:
        self.calls = 0
        self.threads: list[str] = []
        self.go = threading.Event()
        if not hold:
            self.go.set()

    def __call__(self) -> int:
        self.threads.append(threading.current_thread().name)
        assert self.go.wait(10), "the test never released the count"
        self.calls += 1
        return self.calls


def test_a_late_count_is_served_from_before_the_write_while_it_is_counted_again(db, settings):
    settings.COLLECTION_CACHE_SECONDS = 300
    count = Counter()
    assert page_cache.until_next_write("test-late", count, late=True) == 1
    assert count.threads == [threading.current_thread().name]
    count.go.clear()
    ArticleFactory()  # a write
    # The reader gets the count from before the write at once, and a thread counts again; a
    # second reader meanwhile starts no second count.
    assert page_cache.until_next_write("test-late", count, late=True) == 1
    assert page_cache.until_next_write("test-late", count, late=True) == 1
    assert count.calls == 1
    count.go.set()
    page_cache.wait_for_recounts(10)
    assert count.calls == 2 and count.threads[1] != threading.current_thread().name
    assert page_cache.until_next_write("test-late", count, late=True) == 2
    assert count.calls == 2


def test_a_count_not_marked_late_is_counted_again_in_the_request(db, settings):
    settings.COLLECTION_CACHE_SECONDS = 300
    count = Counter()
    assert page_cache.until_next_write("test-on-time", count) == 1
    ArticleFactory()
    assert page_cache.until_next_write("test-on-time", count) == 2
    assert set(count.threads) == {threading.current_thread().name}


def test_a_late_count_older_than_its_lifetime_is_counted_in_the_request(db, settings, monkeypatch):
    settings.COLLECTION_CACHE_SECONDS = 300
    count = Counter()
    assert page_cache.until_next_write("test-late-expired", count, late=True) == 1
    ArticleFactory()
    later = time.time() + 301
    monkeypatch.setattr(page_cache.time, "time", lambda: later)
    assert page_cache.until_next_write("test-late-expired", count, late=True) == 2
    assert set(count.threads) == {threading.current_thread().name}


def test_a_late_count_that_fails_keeps_the_old_one_and_is_logged(db, settings, caplog):
    settings.COLLECTION_CACHE_SECONDS = 300
    assert page_cache.until_next_write("test-late-fails", lambda: "before", late=True) == "before"
    ArticleFactory()

    def broken() -> str:
        raise RuntimeError("the database went away")

    assert page_cache.until_next_write("test-late-fails", broken, late=True) == "before"
    page_cache.wait_for_recounts(10)
    assert "Counting test-late-fails after a write failed" in caplog.text
    # Tried again on the next request, and this time it works.
    assert page_cache.until_next_write("test-late-fails", lambda: "after", late=True) == "before"
    page_cache.wait_for_recounts(10)
    assert page_cache.until_next_write("test-late-fails", lambda: "never", late=True) == "after"


@pytest.mark.django_db(transaction=True)
def test_after_a_write_the_topic_list_does_not_wait_for_its_counts(settings, monkeypatch):
    # Committed rows (transaction=True): the count's thread has a connection of its own.
    settings.COLLECTION_CACHE_SECONDS = 300
    topic = TagFactory(name="Fisheries")
    ArticleFactory(tags=[topic])
    count_threads = []
    original = views._topic_tree

    def topic_tree():
        count_threads.append(threading.current_thread().name)
        return original()

    monkeypatch.setattr(views, "_topic_tree", topic_tree)
    client = Client()
    assert "Fisheries" in client.get("/topics/").content.decode()
    ArticleFactory(tags=[topic])
    # The list shows the count from before the write while a thread counts again, and that page
    # is kept by no cache...
    late = client.get("/topics/")
    assert _topic_count(late, "Fisheries") == 1
    assert "max-age=0" in late["Cache-Control"]
    page_cache.wait_for_recounts(10)
    assert count_threads[0] == threading.current_thread().name
    assert count_threads[1] != threading.current_thread().name
    # ...so the next reader gets the new count once it is ready, in a page kept as any other.
    fresh = client.get("/topics/")
    assert _topic_count(fresh, "Fisheries") == 2
    assert "max-age=60" in fresh["Cache-Control"]
    assert _topic_count(client.get("/topics/"), "Fisheries") == 2


@pytest.mark.django_db(transaction=True)
def test_after_a_write_the_topic_page_shows_its_chart_from_before_until_it_is_drawn_again(
    settings,
):
    settings.COLLECTION_CACHE_SECONDS = 300
    topic = TagFactory(name="Fisheries")
    ArticleFactory(tags=[topic], published_on=datetime.date(2016, 3, 1))
    client = Client()
    url = topic.get_absolute_url()
    assert "1 clipping in all" in client.get(url).content.decode()
    ArticleFactory(tags=[topic], published_on=datetime.date(2016, 4, 1))
    late = client.get(url)
    assert "1 clipping in all" in late.content.decode()
    assert "max-age=0" in late["Cache-Control"]
    page_cache.wait_for_recounts(10)
    assert "2 clippings in all" in client.get(url).content.decode()


def _topic_count(response, name: str) -> int:
    """The count the topic list shows for `name`."""
    pattern = ">" + re.escape(name) + r'</a> <span class="count">(\d+) clipping'
    found = re.search(pattern, response.content.decode())
    assert found, f"no count for {name}"
    return int(found[1])


def test_until_next_write_expires_in_the_process_too(db, settings, monkeypatch):
    settings.COLLECTION_CACHE_SECONDS = 300
    assert page_cache.until_next_write("test-expiry", lambda: 1) == 1
    later = time.time() + 301
    monkeypatch.setattr(page_cache.time, "time", lambda: later)
    assert page_cache.until_next_write("test-expiry", lambda: 2) == 2
