"""Security headers and cookies, login throttling, sessions, and requests too big to read.

Headers and cookies are checked twice: in production mode (DEBUG off, HTTPS) in a child
process that serves real pages from a migrated SQLite file, and in the test settings for pages
that need fixtures.
"""

import datetime
import json
import re

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.sessions.models import Session
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, RequestFactory, override_settings
from django.utils import timezone

from articles.middleware import client_ip

from .factories import ArticleFactory, OutletFactory, TagFactory
from .test_settings import PRODUCTION, run_django

EXPECTED_CSP = {
    "default-src": "'self'",
    "img-src": "'self' data:",
    "style-src": "'self'",
    "script-src": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
    "base-uri": "'self'",
    "object-src": "'none'",
}
PASSWORD = "correct horse battery staple"


def policy(header: str) -> dict[str, str]:
    directives = (part.strip() for part in header.split(";") if part.strip())
    return dict(directive.split(" ", 1) for directive in directives)


# --- Production mode, in a child process -------------------------------------------------------

PROBE = """
import json
from django.contrib.auth import get_user_model
from django.test import Client

get_user_model().objects.create_superuser("chief", password=PASSWORD)
client = Client(HTTP_HOST="example.org")

def seen(response):
    return {
        "status": response.status_code,
        "headers": dict(response.headers),
        "cookies": {
            name: {key: str(morsel[key]) for key in ("secure", "httponly", "samesite",
                                                      "max-age", "expires")}
            for name, morsel in response.cookies.items()
        },
    }

report = {
    "home": seen(client.get("/", secure=True)),
    "list": seen(client.get("/articles/?outlet=nope", secure=True)),
    "missing": seen(client.get("/no/such/page/", secure=True)),
    "plain http": seen(client.get("/articles/")),
    "health over http": seen(client.get("/healthz")),
    "admin login": seen(client.get("/admin/login/", secure=True)),
    "login": seen(client.post(
        "/admin/login/?next=/admin/",
        {"username": "chief", "password": PASSWORD},
        secure=True,
    )),
}
report["admin index"] = seen(client.get("/admin/", secure=True))
report["admin form"] = seen(client.get("/admin/articles/article/add/", secure=True))
print("PROBE " + json.dumps(report))
""".replace("PASSWORD", repr(PASSWORD))


@pytest.fixture(scope="module")
def production(tmp_path_factory):
    """What a browser gets from the site running with production settings over HTTPS."""
    folder = tmp_path_factory.mktemp("production")
    env = {
        **PRODUCTION,
        "DATABASE_URL": f"sqlite:///{folder / 'db.sqlite3'}",
        "STATIC_ROOT": str(folder / "static"),
    }
    for command in (["migrate", "--noinput", "-v0"], ["collectstatic", "--noinput", "-v0"]):
        result = run_django(command, **env)
        assert result.returncode == 0, result.stderr
    result = run_django(["shell", "-c", PROBE], **env)
    assert result.returncode == 0, result.stderr
    [line] = [line for line in result.stdout.splitlines() if line.startswith("PROBE ")]
    return json.loads(line.removeprefix("PROBE "))


@pytest.mark.parametrize("page", ["home", "list", "missing", "admin login", "admin index"])
def test_production_pages_carry_every_security_header(production, page):
    response = production[page]
    assert response["status"] in (200, 404)
    headers = response["headers"]
    assert headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "same-origin"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Cross-Origin-Opener-Policy"] == "same-origin"
    assert policy(headers["Content-Security-Policy"]) == EXPECTED_CSP


def test_production_policy_allows_no_inline_code(production):
    header = production["home"]["headers"]["Content-Security-Policy"]
    assert "unsafe-inline" not in header
    assert "unsafe-eval" not in header


def test_production_admin_renders_under_the_policy(production):
    assert production["admin index"]["status"] == 200
    assert production["admin form"]["status"] == 200
    assert "Content-Security-Policy" in production["admin form"]["headers"]


def test_production_redirects_plain_http_except_the_health_check(production):
    assert production["plain http"]["status"] == 301
    assert production["plain http"]["headers"]["Location"] == "https://example.org/articles/"
    assert production["health over http"]["status"] == 200


def test_production_session_cookie(production):
    assert production["login"]["status"] == 302
    cookie = production["login"]["cookies"]["sessionid"]
    assert cookie["secure"] == "True"
    assert cookie["httponly"] == "True"
    assert cookie["samesite"] == "Lax"
    # No lifetime: the browser drops it when it closes.
    assert cookie["max-age"] == ""
    assert cookie["expires"] == ""


def test_production_csrf_cookie(production):
    cookie = production["admin login"]["cookies"]["csrftoken"]
    assert cookie["secure"] == "True"
    assert cookie["httponly"] == "True"
    assert cookie["samesite"] == "Strict"


def test_public_pages_set_no_cookies(production):
    for page in ("home", "list", "missing"):
        assert production[page]["cookies"] == {}


# --- The content security policy in the test settings ---------------------------------------

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE)
INLINE_STYLE = re.compile(r"<style\b|\sstyle=", re.IGNORECASE)
EVENT_HANDLER = re.compile(r"<[^>]+\son[a-z]+=", re.IGNORECASE)


@pytest.fixture
def collection(db):
    sankei = OutletFactory(name="Sankei", slug="sankei")
    security = TagFactory(name="Security", slug="security")
    return ArticleFactory(outlet=sankei, tags=[security])


def public_urls(article) -> list[str]:
    return [
        "/",
        "/archive/",
        "/archive/2015/11/10/",
        "/outlets/",
        "/outlets/sankei/",
        "/topics/security/",
        "/articles/?outlet=sankei",
        article.get_absolute_url(),
        "/no/such/page/",
    ]


def admin_urls(article) -> list[str]:
    return [
        "/admin/",
        "/admin/articles/article/",
        "/admin/articles/article/add/",
        f"/admin/articles/article/{article.pk}/change/",
        "/admin/articles/outlet/add/",
        "/admin/articles/tag/",
    ]


def assert_runs_under_the_policy(response):
    assert policy(response["Content-Security-Policy"]) == EXPECTED_CSP
    html = response.content.decode()
    # What the policy would block: such a page would lose its script or its looks.
    assert not INLINE_SCRIPT.search(html), INLINE_SCRIPT.search(html)
    assert not INLINE_STYLE.search(html), INLINE_STYLE.search(html)
    assert not EVENT_HANDLER.search(html), EVENT_HANDLER.search(html)


def test_public_pages_need_nothing_the_policy_forbids(client, collection):
    for url in public_urls(collection):
        response = client.get(url)
        assert response.status_code in (200, 404), url
        assert_runs_under_the_policy(response)


def test_admin_pages_need_nothing_the_policy_forbids(client, editor, collection):
    client.force_login(editor)
    for url in admin_urls(collection):
        response = client.get(url)
        assert response.status_code == 200, url
        assert_runs_under_the_policy(response)


def test_no_template_of_ours_needs_what_the_policy_forbids():
    """Pages the tests above do not open are covered here: inline code shows in the source."""
    offenders = []
    for template in sorted((settings.BASE_DIR / "templates").rglob("*.html")):
        source = template.read_text(encoding="utf-8")
        for pattern in (INLINE_SCRIPT, INLINE_STYLE, EVENT_HANDLER):
            where = template.relative_to(settings.BASE_DIR)
            offenders += [f"{where}: {m[0]!r}" for m in pattern.finditer(source)]
    assert offenders == []


def test_admin_login_page_is_under_the_policy(client):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    assert_runs_under_the_policy(response)


# --- Login throttling ---------------------------------------------------------------------


def attempt(client, password, address="10.0.0.1"):
    return client.post(
        "/admin/login/?next=/admin/",
        {"username": "editor", "password": password},
        REMOTE_ADDR=address,
    )


def test_throttling_is_configured_as_documented():
    assert settings.AXES_FAILURE_LIMIT == 5
    assert settings.AXES_COOLOFF_TIME.total_seconds() == 15 * 60
    assert settings.AXES_LOCKOUT_PARAMETERS == [["username", "ip_address"]]
    assert settings.AUTHENTICATION_BACKENDS[0] == "axes.backends.AxesStandaloneBackend"
    assert settings.MIDDLEWARE[-1] == "axes.middleware.AxesMiddleware"


def test_five_failed_logins_lock_the_username_from_that_address(client, editor):
    for _ in range(4):
        response = attempt(client, "wrong")
        assert response.status_code == 200
        assert "Please enter the correct username and password" in response.content.decode()
    response = attempt(client, "wrong")
    assert response.status_code == 429
    assert "Too many failed logins; try again in 15 minutes" in response.content.decode()
    # Locked out, the right password does not help either.
    response = attempt(client, PASSWORD)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_a_lockout_holds_only_for_that_username_and_address(client, editor):
    for _ in range(5):
        attempt(client, "wrong")
    # The editor, elsewhere, still gets in: an attacker cannot lock an editor out.
    response = attempt(Client(), PASSWORD, address="10.0.0.2")
    assert response.status_code == 302
    assert response["Location"] == "/admin/"


def test_a_lockout_ends_after_fifteen_minutes(client, editor):
    for _ in range(5):
        attempt(client, "wrong")
    assert attempt(client, PASSWORD).status_code == 429
    AccessAttempt.objects.update(attempt_time=timezone.now() - datetime.timedelta(minutes=16))
    response = attempt(client, PASSWORD)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(editor.pk)


def test_a_successful_login_forgets_earlier_failures(client, editor):
    for _ in range(4):
        attempt(client, "wrong")
    assert attempt(client, PASSWORD).status_code == 302
    client.logout()
    for _ in range(4):
        assert attempt(client, "wrong").status_code == 200


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (0, "203.0.113.9", "10.0.0.1"),  # no proxy of ours: the header is the client's own
        (1, "203.0.113.9", "203.0.113.9"),
        (1, "198.51.100.1, 203.0.113.9", "203.0.113.9"),  # the left entry was spoofed
        (2, "203.0.113.9, 192.0.2.7", "203.0.113.9"),
        (2, "192.0.2.7", "10.0.0.1"),  # fewer entries than proxies: the chain is not ours
        (1, "not-an-address", "10.0.0.1"),
        (1, "", "10.0.0.1"),
    ],
)
def test_client_address_behind_proxies(proxies, forwarded, expected):
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=forwarded)
    with override_settings(TRUSTED_PROXY_COUNT=proxies):
        assert client_ip(request) == expected


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_lockout_uses_the_address_the_proxy_saw(client, editor):
    for _ in range(5):
        client.post(
            "/admin/login/",
            {"username": "editor", "password": "wrong"},
            REMOTE_ADDR="127.0.0.1",
            HTTP_X_FORWARDED_FOR="198.51.100.1, 203.0.113.9",
        )
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"203.0.113.9"}


# --- Editors and sessions -----------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "/admin/auth/user/",
        "/admin/auth/user/add/",
        "/admin/auth/group/",
        "/admin/axes/accessattempt/",
        "/admin/axes/accesslog/",
    ],
)
def test_editors_cannot_reach_accounts_or_login_records(client, editor, url):
    client.force_login(editor)
    assert client.get(url).status_code == 403


def test_sessions_last_twelve_hours_at_most_and_end_with_the_browser():
    assert settings.SESSION_COOKIE_AGE == 12 * 60 * 60
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE is True


def test_an_editor_is_logged_out_after_twelve_hours(client, editor):
    assert attempt(client, PASSWORD).status_code == 302
    session = Session.objects.get()
    assert session.expire_date - timezone.now() <= datetime.timedelta(hours=12)
    assert client.get("/admin/").status_code == 200
    Session.objects.update(expire_date=timezone.now() - datetime.timedelta(seconds=1))
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


# --- Requests too big to read -------------------------------------------------------------


@pytest.fixture
def csrf_client(db):
    """A browser-like client: CSRF checks on, holding the cookie the login page sets."""
    client = Client(enforce_csrf_checks=True)
    client.get("/admin/login/")
    return client


def form_data(client, **fields):
    return {"csrfmiddlewaretoken": client.cookies["csrftoken"].value, **fields}


def test_request_limits_are_explicit():
    assert settings.DATA_UPLOAD_MAX_MEMORY_SIZE == 2_621_440
    assert settings.FILE_UPLOAD_MAX_MEMORY_SIZE == 2_621_440
    assert settings.DATA_UPLOAD_MAX_NUMBER_FIELDS == 1000


@pytest.mark.parametrize("url", ["/admin/login/", "/articles/", "/"])
def test_oversized_form_post_is_400(csrf_client, url):
    big = "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)
    response = csrf_client.post(url, form_data(csrf_client, username="editor", password=big))
    assert response.status_code == 400


def test_oversized_urlencoded_post_is_400(csrf_client):
    body = "csrfmiddlewaretoken=x&password=" + "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)
    response = csrf_client.post(
        "/admin/login/", body, content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 400


def test_too_many_fields_is_400(csrf_client):
    fields = {f"f{n}": "1" for n in range(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1)}
    response = csrf_client.post("/admin/login/", form_data(csrf_client, **fields))
    assert response.status_code == 400


def test_oversized_upload_is_400(csrf_client, editor):
    csrf_client.force_login(editor)
    csrf_client.get("/admin/articles/article/add/")
    upload = SimpleUploadedFile("clippings.txt", b"x" * 5000, content_type="text/plain")
    with override_settings(MAX_REQUEST_BODY_SIZE=4000):
        response = csrf_client.post(
            "/admin/articles/article/add/", form_data(csrf_client, file=upload)
        )
    assert response.status_code == 400


@pytest.mark.parametrize(
    "url",
    [
        "/articles/?q=" + "x" * 20_000,
        "/articles/?" + "&".join(f"outlet=o{n}" for n in range(2_500)),
        "/" + "a" * 20_000 + "/",
        "/outlets/" + "a" * 20_000 + "/",
        "/archive/" + "2015/" * 4_000,
    ],
    ids=["long query", "many parameters", "long path", "long slug", "deep path"],
)
def test_very_long_urls_are_not_server_errors(client, collection, url):
    assert client.get(url).status_code < 500
