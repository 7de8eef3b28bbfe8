"""When the database goes away: a 503 page, an honest health check, nothing half-saved, and
recovery without a restart once it is back."""

import datetime
import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from unittest import mock

import dj_database_url
import pytest
from django.db import InterfaceError, OperationalError, connections
from django.db.backends.utils import CursorWrapper
from django.template import engines
from django.template.response import TemplateResponse
from django.test import Client
from django.urls import path

from articles import middleware
from articles.admin import ArticleAdmin
from articles.intake import Intake, Record
from articles.models import Article
from articles.status import server_error

from .factories import ArticleFactory, OutletFactory, TagFactory
from .test_admin import add_form_data
from .test_settings import ON_POSTGRES, PRODUCTION, ROOT, pg_client_args, run_django, with_database

# --- Views that fail the way a lost database makes them fail --------------------------------


def fails_in_view(request):
    raise OperationalError("could not connect to server: Connection refused")


def fails_with_interface_error(request):
    raise InterfaceError("connection already closed")


def fails_in_render(request):
    """A lazy queryset meets the database only when the template renders, after the view."""

    class Lazy:
        def __str__(self):
            raise OperationalError("server closed the connection unexpectedly")

    template = engines["django"].from_string("<p>{{ rows }}</p>")
    return TemplateResponse(request, template, {"rows": Lazy()})


def fails_for_another_reason(request):
    raise ValueError("a bug, not an outage")


urlpatterns = [
    path("view/", fails_in_view),
    path("interface/", fails_with_interface_error),
    path("render/", fails_in_render),
    path("bug/", fails_for_another_reason),
]


@pytest.fixture
def browser():
    # Errors become responses, as they do for a real browser, instead of being re-raised.
    return Client(raise_request_exception=False)


def assert_unavailable_page(response, through_middleware=True):
    assert response.status_code == 503
    assert response["Retry-After"] == str(middleware.RETRY_AFTER_SECONDS)
    assert "no-store" in response["Cache-Control"]
    body = response.content.decode()
    assert "Back in a moment" in body
    assert "Traceback" not in body
    assert "Connection refused" not in body
    if through_middleware:
        assert "Content-Security-Policy" in response


@pytest.mark.urls(__name__)
@pytest.mark.parametrize("url", ["/view/", "/interface/", "/render/"])
def test_database_errors_become_the_503_page(browser, url):
    assert_unavailable_page(browser.get(url))


@pytest.mark.urls(__name__)
def test_other_errors_stay_server_errors(browser):
    response = browser.get("/bug/")
    assert response.status_code == 500
    assert "Back in a moment" not in response.content.decode()


def test_a_database_error_outside_any_view_is_a_503_too(rf):
    request = rf.get("/")
    try:
        raise OperationalError("the session store is down")
    except OperationalError:
        response = server_error(request)
    assert_unavailable_page(response, through_middleware=False)
    try:
        raise ValueError("a bug")
    except ValueError:
        response = server_error(request)
    assert response.status_code == 500


def database_down():
    """Every query fails as it does when the server has gone away."""
    return mock.patch.object(
        CursorWrapper,
        "_execute",
        side_effect=OperationalError("could not connect to server: Connection refused"),
    )


@pytest.fixture
def collection(db):
    sankei = OutletFactory(name="Sankei", slug="sankei")
    security = TagFactory(name="Security", slug="security")
    return ArticleFactory(outlet=sankei, tags=[security])


@pytest.mark.parametrize(
    "url", ["/", "/archive/2015/11/10/", "/outlets/sankei/", "/articles/?topic=security"]
)
def test_public_pages_answer_503_while_the_database_is_down(browser, collection, url):
    with database_down():
        assert_unavailable_page(browser.get(url))
    # And the very next request, with the database back, is served as usual.
    assert browser.get(url).status_code == 200


def test_clipping_page_answers_503_while_the_database_is_down(browser, collection):
    with database_down():
        assert_unavailable_page(browser.get(collection.get_absolute_url()))
    assert browser.get(collection.get_absolute_url()).status_code == 200


def test_broken_connections_are_dropped_and_others_kept():
    broken, working, busy = (mock.Mock(in_atomic_block=False) for _ in range(3))
    broken.is_usable.return_value = False
    working.is_usable.return_value = True
    busy.in_atomic_block = True
    busy.is_usable.return_value = False
    with mock.patch.object(middleware.connections, "all", return_value=[broken, working, busy]):
        middleware.drop_broken_connections()
    broken.close.assert_called_once_with()
    working.close.assert_not_called()
    # Inside a transaction the connection belongs to the code that opened it.
    busy.close.assert_not_called()


# --- The health check ---------------------------------------------------------------------


def test_health_check_when_all_is_well(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert json.loads(response.content) == {"status": "ok", "database": "ok"}
    assert "no-cache" in response["Cache-Control"]
    assert "no-store" in response["Cache-Control"]
    assert not response.cookies
    assert "Cookie" not in response.get("Vary", "")


def test_health_check_when_the_database_is_down(client, db):
    with database_down():
        response = client.get("/healthz")
    assert response.status_code == 503
    assert json.loads(response.content) == {"status": "unavailable", "database": "unavailable"}
    assert "no-store" in response["Cache-Control"]
    assert client.get("/healthz").status_code == 200


def test_health_check_is_never_served_from_the_cache(client, db):
    assert client.get("/healthz").status_code == 200
    with database_down():
        assert client.get("/healthz").status_code == 503
    assert client.get("/healthz").status_code == 200


def test_health_check_only_reads(client, db):
    assert client.post("/healthz").status_code == 405


# --- Nothing half-saved -------------------------------------------------------------------


def records(outlet):
    return [
        Record(
            source=f"test:{n}",
            raw="",
            outlet=outlet.name,
            outlet_slug=outlet.slug,
            values={
                "title": f"Clipping {n}",
                "published_on": datetime.date(2015, 11, 10),
                "body": "Text.",
            },
            tags=["security"],
            explicit_tags=True,
        )
        for n in range(3)
    ]


def test_a_failure_after_the_insert_leaves_no_clipping_of_the_batch(collection):
    before = Article.objects.count()
    intake = Intake(publish=True)
    failure = OperationalError("connection lost while saving topics")
    with (
        mock.patch.object(Intake, "write_tags", side_effect=failure),
        pytest.raises(OperationalError),
    ):
        list(intake.run(records(collection.outlet)))
    assert Article.objects.count() == before
    assert not Article.objects.filter(title__startswith="Clipping ").exists()


def test_the_same_batch_saves_whole_when_nothing_fails(collection):
    saved = list(Intake(publish=True).run(records(collection.outlet)))
    assert [record.action for record in saved] == ["created"] * 3
    for article in Article.objects.filter(title__startswith="Clipping "):
        assert [tag.slug for tag in article.tags.all()] == ["security"]


def test_an_admin_save_that_fails_half_way_saves_nothing(browser, editor, collection):
    browser.force_login(editor)
    before = Article.objects.count()
    failure = OperationalError("connection lost while saving topics")
    with mock.patch.object(ArticleAdmin, "save_related", side_effect=failure):
        response = browser.post(
            "/admin/articles/article/add/",
            add_form_data(collection.outlet, [collection.tags.get()]),
        )
    assert_unavailable_page(response)
    assert Article.objects.count() == before


# --- A real outage: PostgreSQL stopped and started under a running gunicorn ------------------

RESTART_WANTED = os.environ.get("READINGROOM_PG_RESTART_TEST") == "1"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> tuple[int, dict, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 (loopback only)
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode()


def wait_for(predicate, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if predicate():
                return True
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.5)
    return False


@pytest.mark.skipif(
    not (RESTART_WANTED and ON_POSTGRES),
    reason="stops and starts a PostgreSQL cluster: needs a postgres DATABASE_URL and "
    "READINGROOM_PG_RESTART_TEST=1 (READINGROOM_PG_CLUSTER names the cluster, default 15/main)",
)
def test_site_recovers_by_itself_when_postgresql_comes_back(tmp_path):
    cluster = os.environ.get("READINGROOM_PG_CLUSTER", "15/main").replace("/", " ").split()
    settings = dj_database_url.parse(os.environ["DATABASE_URL"])
    client_args, client_env = pg_client_args(settings)
    name = f"readingroom_faults_{os.getpid()}"
    subprocess.run(["createdb", *client_args, name], env=client_env, check=True)
    env = {
        **PRODUCTION,
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "DATABASE_URL": with_database(os.environ["DATABASE_URL"], name),
        # A persistent connection, as in production: the one that breaks with the restart.
        "CONN_MAX_AGE": "600",
        "STATIC_ROOT": str(tmp_path / "static"),
        # The page cache would answer from memory during the outage; this is about the database.
        "PAGE_CACHE_SECONDS": "0",
        "COLLECTION_CACHE_SECONDS": "0",
    }
    server = None
    try:
        for command in (["migrate", "--noinput", "-v0"], ["collectstatic", "--noinput", "-v0"]):
            result = run_django(command, **env)
            assert result.returncode == 0, result.stderr
        port = free_port()
        site = f"http://127.0.0.1:{port}"
        log = (tmp_path / "gunicorn.log").open("w")
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "readingroom.wsgi", "--workers", "1"]
            + ["--bind", f"127.0.0.1:{port}", "--timeout", "30"],
            cwd=ROOT,
            env={**os.environ, **env},
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        assert wait_for(lambda: fetch(f"{site}/")[0] == 200, 30), Path(log.name).read_text()
        assert fetch(f"{site}/healthz")[0] == 200

        subprocess.run(["pg_ctlcluster", *cluster, "stop", "--mode", "fast"], check=True)
        try:
            status, headers, body = fetch(f"{site}/")
            health = fetch(f"{site}/healthz")
        finally:
            subprocess.run(["pg_ctlcluster", *cluster, "start"], check=True)

        assert status == 503
        assert headers["Retry-After"] == str(middleware.RETRY_AFTER_SECONDS)
        assert "Back in a moment" in body
        assert "Traceback" not in body
        assert health[0] == 503
        assert json.loads(health[2])["database"] == "unavailable"
        # Nobody restarts anything: the site notices by itself that the database is back. One
        # worker, so the connection that broke is the one that has to be replaced.
        assert wait_for(lambda: fetch(f"{site}/")[0] == 200, 30)
        assert [fetch(f"{site}/")[0] for _ in range(3)] == [200, 200, 200]
        assert json.loads(fetch(f"{site}/healthz")[2]) == {"status": "ok", "database": "ok"}
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
        # This process's own connections died with the server; the next test gets new ones.
        connections.close_all()
        subprocess.run(["pg_ctlcluster", *cluster, "start"], check=False, capture_output=True)
        wait_for(
            lambda: subprocess.run(["pg_isready", "-q", *client_args], check=False).returncode == 0,
            30,
        )
        subprocess.run(["dropdb", "--if-exists", *client_args, name], env=client_env, check=False)
