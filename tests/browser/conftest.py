"""Real-browser tests: Playwright for Python driving Debian's Chromium against `live_server`.

They need three things the Python requirements do not bring: the `chromium` command (Debian's
chromium package), Playwright for Python (requirements-dev.txt) and axe-core (`npm ci`). When
one is missing the tests are skipped with a message saying what to install; with
READINGROOM_REQUIRE_BROWSER=1 (CI) a missing one fails the run instead. docs/testing.md says more.
"""

from __future__ import annotations

import importlib
import importlib.util
import json
import os
import re
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.urls import reverse

from articles.models import Article, Correction, Outlet, Tag

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, ConsoleMessage, Dialog, Page, Request

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
AXE_SCRIPT = ROOT / "node_modules" / "axe-core" / "axe.min.js"
# Kept after the run for people to look at; /test-artifacts/ is in .gitignore.
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"

REQUIRE_ENV = "READINGROOM_REQUIRE_BROWSER"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# WCAG 2.0, 2.1 and 2.2, levels A and AA: what issue 5 promises.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# The machine is shared and sometimes slow; Playwright's own waits use these.
TIMEOUT_MS = 30_000


def browser_required() -> bool:
    return os.environ.get(REQUIRE_ENV, "").strip().lower() in {"1", "true", "yes", "on"}


def missing_requirements() -> list[str]:
    """What is missing to run the browser tests, each with how to get it."""
    missing = []
    if shutil.which("chromium") is None:
        missing.append("Chromium not found (apt-get install chromium)")
    if importlib.util.find_spec("playwright") is None:
        missing.append("Playwright for Python not found (pip install -r requirements-dev.txt)")
    if not AXE_SCRIPT.is_file():
        missing.append(f"axe-core not found at {AXE_SCRIPT.relative_to(ROOT)} (npm ci)")
    return missing


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    # This hook sees the whole session's items, not only this folder's.
    ours = [item for item in items if HERE in item.path.parents]
    # The modules mark themselves too; this keeps `-m "not browser"` right for a new module
    # that forgets to.
    for item in ours:
        item.add_marker(pytest.mark.browser)
    missing = missing_requirements()
    if missing and not browser_required():
        reason = "; ".join(missing) + " — browser tests skipped"
        for item in ours:
            item.add_marker(pytest.mark.skip(reason=reason))


# --- The browser --------------------------------------------------------------------------------


@pytest.fixture(scope="package")
def browser() -> Iterator[Browser]:
    """One Chromium for all browser tests, closed when the last of them has run.

    Package scope rather than session scope: pytest-django runs these (transactional) tests
    together, and the rest of the suite then runs without Playwright's event loop around.
    """
    missing = missing_requirements()
    if missing:
        # Only reached when REQUIRE_ENV is set; otherwise collection skipped the tests.
        pytest.fail(f"{REQUIRE_ENV} is set but " + "; ".join(missing), pytrace=False)
    from playwright.sync_api import sync_playwright

    # Between two calls, Playwright's sync API leaves its asyncio loop marked as running in
    # this thread, and Django then refuses database access from it as if it were async code.
    # The tests' own queries (fixtures, flushing the database) are plain synchronous code.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(
                executable_path=shutil.which("chromium"), headless=True, args=CHROMIUM_ARGS
            )
            yield chromium
            chromium.close()
    finally:
        if previous is None:
            del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def new_context(browser: Browser, live_server) -> Iterator[Callable[..., BrowserContext]]:
    """Make browser contexts (fresh profiles) for this test; all are closed after it."""
    contexts: list[BrowserContext] = []

    def make(**options: Any) -> BrowserContext:
        options.setdefault("base_url", live_server.url)
        options.setdefault("viewport", {"width": 1280, "height": 900})
        context = browser.new_context(**options)
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_context) -> Page:
    """A page in a normal context: the site's Content-Security-Policy applies."""
    return new_context().new_page()


def expect(target: Any) -> Any:
    """Playwright's auto-waiting assertions, imported late: the test modules must import
    without Playwright installed, so that its absence is a skip and not a collection error."""
    from playwright.sync_api import expect as playwright_expect

    return playwright_expect(target)


# --- Watching what a page does ------------------------------------------------------------------


@dataclass
class PageWatch:
    """Everything a page asked for or complained about while it was watched."""

    origin: str
    requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def on_request(self, request: Request) -> None:
        self.requests.append(request.url)

    def on_console(self, message: ConsoleMessage) -> None:
        if message.type in {"error", "warning"}:
            where = message.location.get("url", "")
            self.console_errors.append(f"{message.type}: {message.text} ({where})")

    def on_page_error(self, error: Exception) -> None:
        self.page_errors.append(str(error))

    def on_dialog(self, dialog: Dialog) -> None:
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def clear(self) -> None:
        """Forget what was seen so far, before the next page."""
        for seen in (self.requests, self.console_errors, self.page_errors, self.dialogs):
            seen.clear()

    def foreign_requests(self) -> list[str]:
        """Requests to anywhere but the site (data: URLs never leave the page)."""
        return [
            url
            for url in self.requests
            if not url.startswith("data:") and origin_of(url) != self.origin
        ]

    def csp_reports(self) -> list[str]:
        return [text for text in self.console_errors if "Content Security Policy" in text]


def origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


@pytest.fixture
def watch(live_server) -> Callable[[Page], PageWatch]:
    """Attach a PageWatch to a page: watch(page) starts recording from now on."""

    def attach(page: Page) -> PageWatch:
        watcher = PageWatch(origin=origin_of(live_server.url))
        page.on("request", watcher.on_request)
        page.on("console", watcher.on_console)
        page.on("pageerror", watcher.on_page_error)
        page.on("dialog", watcher.on_dialog)
        return watcher

    return attach


# --- axe-core -----------------------------------------------------------------------------------


def axe_violations(page: Page) -> list[dict]:
    """Run axe-core on the page as it is now; its WCAG 2.x A and AA violations.

    The page must come from a context made with bypass_csp=True: the site's policy allows
    scripts from the site only, and axe is injected from node_modules.
    """
    page.add_script_tag(path=str(AXE_SCRIPT))
    result = page.evaluate(
        "tags => axe.run(document,"
        " {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        WCAG_TAGS,
    )
    return result["violations"]


def describe_violations(violations: list[dict]) -> str:
    """A readable report: each rule, why it matters, and the first few offending elements."""
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:5]:
            summary = " ".join(node.get("failureSummary", "").split())
            lines.append(f"    {json.dumps(node['target'])}: {summary[:400]}")
    return "\n".join(lines)


# --- Screenshots --------------------------------------------------------------------------------

_UNSAFE = re.compile(r"[^A-Za-z0-9_.-]+")


def save_screenshot(page: Page, name: str) -> Path:
    """A full-page PNG of the page as it is now, under test-artifacts/screenshots/."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{_UNSAFE.sub('-', name)}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


# --- The collection under test ------------------------------------------------------------------


@dataclass
class DemoSite:
    """The demo collection, loaded for one test, and the rows the tests start from."""

    article: Article  # public, with a sub-topic, an original headline and translator's notes
    topic: Tag  # the top-level topic above that sub-topic
    outlet: Outlet  # the clipping's outlet
    search_word: str  # a word of its headline

    def page_types(self) -> dict[str, tuple[str, int]]:
        """One address of each kind of public page, with the status it answers."""
        day = self.article.published_on
        return {
            "home": (reverse("articles:home"), 200),
            "archive-index": (reverse("articles:archive"), 200),
            "archive-year": (reverse("articles:archive-year", args=[day.year]), 200),
            "archive-month": (reverse("articles:archive-month", args=[day.year, day.month]), 200),
            "archive-day": (
                reverse("articles:archive-day", args=[day.year, day.month, day.day]),
                200,
            ),
            "outlet-list": (reverse("articles:outlet-list"), 200),
            "outlet-detail": (self.outlet.get_absolute_url(), 200),
            "topic-list": (reverse("articles:topic-list"), 200),
            "topic-detail": (self.topic.get_absolute_url(), 200),
            "article-list-filtered": (
                f"{reverse('articles:article-list')}?outlet={self.outlet.slug}"
                f"&topic={self.topic.slug}",
                200,
            ),
            "clipping": (self.article.get_absolute_url(), 200),
            "compare": (f"{reverse('articles:compare')}?topic={self.topic.slug}", 200),
            "search": (f"{reverse('articles:search')}?q={self.search_word}", 200),
            "corrections": (reverse("articles:correction-list"), 200),
            "not-found": ("/no-such-page/", 404),
        }


@pytest.fixture
def demo(live_server) -> DemoSite:
    """The demo collection in the live server's database, plus one public correction.

    Loaded per test: live_server tests run in transactional_db, which empties the database
    after each of them. The load takes about a second.
    """
    call_command("load_demo", verbosity=0)
    with_subtopic = Article.tags.through.objects.filter(tag__parent__isnull=False)
    article = (
        Article.objects.published()
        .filter(pk__in=with_subtopic.values("article_id"))
        .exclude(translator_notes="")
        .exclude(original_title="")
        .select_related("outlet")
        .order_by("-published_on", "pk")
        .first()
    )
    assert article is not None, "the demo collection has no fully described clipping"
    child = article.tags.filter(parent__isnull=False).select_related("parent").first()
    Correction.objects.create(
        article=article,
        note="The second paragraph gave the wrong month for the vote.",
        changed_fields=["body"],
    )
    word = max(re.findall(r"[A-Za-z]{5,}", article.title), key=len)
    return DemoSite(article=article, topic=child.parent, outlet=article.outlet, search_word=word)


EDITOR_PASSWORD = "correct horse battery staple"


@pytest.fixture
def editor(live_server, django_user_model):
    """A staff user in the Editors group, like tests/conftest.py's `editor`.

    live_server tests empty the database after each test, data migrations included, so the
    group is made again here with the permissions migration 0002 gives it.
    """
    migration = importlib.import_module("articles.migrations.0002_editors_group")
    codenames = [f"{action}_{model}" for model in migration.MODELS for action in migration.ACTIONS]
    group, _ = Group.objects.get_or_create(name=migration.EDITORS)
    group.permissions.set(
        Permission.objects.filter(content_type__app_label="articles", codename__in=codenames)
    )
    user = django_user_model.objects.create_user(
        username="editor", password=EDITOR_PASSWORD, is_staff=True
    )
    user.groups.add(group)
    return user


def log_in(page: Page, username: str, password: str = EDITOR_PASSWORD) -> None:
    """Log in through the admin's login form, as an editor would."""
    page.goto(reverse("admin:login"))
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"**{reverse('admin:index')}")
