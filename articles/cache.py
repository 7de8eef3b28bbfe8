"""The page cache for anonymous readers, HTTP caching headers, and data cached until a write.

Anonymous readers all see the same page for the same address, so a rendered page is kept in
Django's cache (local memory by default, Redis with CACHE_URL) under its full URL, and every
public response carries `Cache-Control: public, max-age, s-maxage`, an ETag and Last-Modified, so
that browsers and a shared cache in front (nginx) may keep it too and revalidate with 304s.

Freshness. Every write to a clipping, outlet, topic, topic link or correction bumps a generation
counter kept in the cache, and a page stored under an older generation is never served: with a
shared cache (Redis) a change shows on the next request. With the per-process local-memory cache
each server process has its own counter, so the other processes, like browsers and nginx, may
show the old page until it expires: PAGE_CACHE_SECONDS (60 s unless set) is the longest a change
takes to show anywhere. A clipping scheduled to go public never waits that long: no page is kept
past the next scheduled publication time.

Counts over the whole collection (per outlet, topic, month) cost a scan of a million rows, so
views keep them with `until_next_write()`: the same generation ends them, and
COLLECTION_CACHE_SECONDS (300 s unless set) bounds them. The costliest (the topic tree, the
outlets' and the months' counts, the public days, the topic and outlet coverage charts) are made
again after a write in a thread, while readers are shown those from before it in pages that
no cache keeps. Development settings turn both caches off, so a template or data change shows
on the next reload.

Writes that bypass model signals (bulk_create, update(), COPY, raw SQL) must call
`collection_changed()`.

Who is anonymous. A request without the session cookie: that is decided from the cookie alone,
without loading the session, so anonymous responses never get `Vary: Cookie`. Requests with the
cookie (editors) bypass the cache and their responses are marked private. Only GET and HEAD of
200 and 301 responses are cached; the admin, responses that set a cookie or vary on it, and
responses whose view chose its own Cache-Control (staff previews) are left alone.
"""

from __future__ import annotations

import contextvars
import datetime
import hashlib
import logging
import threading
import time
import zlib
from collections.abc import Callable
from typing import TypeVar

from django.conf import settings
from django.core.cache import cache
from django.db import connections, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.cache import (
    get_conditional_response,
    has_vary_header,
    patch_cache_control,
    set_response_etag,
)
from django.utils.http import http_date, parse_http_date_safe

from .models import Article, Correction, Outlet, Tag

T = TypeVar("T")

logger = logging.getLogger(__name__)

DEFAULT_SECONDS = 60
# Collection-wide figures (counts per outlet, topic, month) are kept this long at most, page
# cache or not; writes and scheduled publications end it sooner.
DEFAULT_DATA_SECONDS = 300
GENERATION_KEY = "readingroom:generation"
NEXT_PUBLICATION_KEY = "readingroom:next-publication"
PAGE_PREFIX = "readingroom:page:"
# v2: entries are (generation, expiry, value); the older (generation, value) ones are ignored.
DATA_PREFIX = "readingroom:data:v2:"
CACHEABLE_STATUS = {200, 301}


def page_seconds() -> int:
    """How long a page may be kept here, in browsers and in shared caches; 0 turns caching off."""
    return int(getattr(settings, "PAGE_CACHE_SECONDS", DEFAULT_SECONDS))


def data_seconds() -> int:
    """How long collection-wide figures may be kept; 0 computes them on every request."""
    return int(getattr(settings, "COLLECTION_CACHE_SECONDS", DEFAULT_DATA_SECONDS))


# --- The generation counter ---------------------------------------------------------------------


def generation() -> int:
    value = cache.get(GENERATION_KEY)
    if value is None:
        value = _restart_generation()
    return value


def _restart_generation() -> int:
    # Nanoseconds since the epoch, so a counter lost to eviction or a restart starts above any
    # generation stored before and never makes an old page current again.
    cache.add(GENERATION_KEY, time.time_ns(), timeout=None)
    return cache.get(GENERATION_KEY) or time.time_ns()


def bump_generation() -> None:
    """Make every cached page and datum stale. Call after writes that send no model signals."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        _restart_generation()


def collection_changed(using: str | None = None) -> None:
    """Make cached pages stale after a write: at once, and again when its transaction commits.

    At once, so that the writer's next request shows the change; at the commit, because another
    process may render a page from the rows as they were before the commit and store it under the
    generation bumped a moment earlier.
    """
    bump_generation()
    transaction.on_commit(bump_generation, using=using)


@receiver(post_save, sender=Article)
@receiver(post_save, sender=Outlet)
@receiver(post_save, sender=Tag)
@receiver(post_save, sender=Correction)
@receiver(post_delete, sender=Article)
@receiver(post_delete, sender=Outlet)
@receiver(post_delete, sender=Tag)
@receiver(post_delete, sender=Correction)
@receiver(m2m_changed, sender=Article.tags.through)
def _collection_changed(sender, **kwargs) -> None:
    if kwargs.get("action", "post_").startswith("post_"):
        collection_changed(kwargs.get("using"))


# --- Data cached until the next write ---------------------------------------------------------


# This process's own copies of what until_next_write() keeps, by name: (generation, expiry,
# value). The shared cache unpickles a new copy on every read, which for the topics as models
# cost about a millisecond a read and up to three reads a page; the copy here is reused while
# its generation is current and until the same expiry. Callers treat the values as read-only.
_local: dict[str, tuple[int, float, object]] = {}


def until_next_write(name: str, compute: Callable[[], T], *, late: bool = False) -> T:
    """`compute()`, remembered until the collection changes, COLLECTION_CACHE_SECONDS at most.

    For figures over the whole collection (counts per outlet, topic and month) that cost a
    full scan at a million clippings and change only when a clipping is written. The value is
    shared through Django's cache (so with Redis one process computes it for all) and kept in
    the process too; treat it as read-only, since the next request gets the same objects.

    `late=True` is for counts (and charts drawn from them) alone: after a write, the value kept
    before it is served while a thread of this process computes the new one, so no reader waits
    the second or more that a count takes at a million clippings. Such a count is one write
    behind for that long, and never older than the COLLECTION_CACHE_SECONDS it was kept for;
    once that has passed, or with nothing kept, the request computes it as any other.
    """
    seconds = data_seconds()
    if seconds <= 0:
        return compute()
    current = generation()
    now = time.time()
    local = _local.get(name)
    if local is not None and local[0] == current and local[1] > now:
        return local[2]  # type: ignore[return-value]
    key = f"{DATA_PREFIX}{name}"
    stored = cache.get(key)
    if stored is not None and stored[0] == current and stored[1] > now:
        expires, value = stored[1], stored[2]
    else:
        if late:
            kept = [entry for entry in (local, stored) if entry is not None and entry[1] > now]
            if kept:
                _recount(name, compute, current, seconds)
                served_late.set(True)
                return max(kept, key=lambda entry: entry[0])[2]  # type: ignore[return-value]
        value = compute()
        expires = _keep(name, current, value, seconds)
    _local[name] = (current, expires, value)
    return value


def _keep(name: str, current: int, value: object, seconds: int) -> float:
    """Store `value` as `name`'s for generation `current`; when it expires."""
    timeout = lifetime(seconds)
    expires = time.time() + timeout
    cache.set(f"{DATA_PREFIX}{name}", (current, expires, value), timeout=timeout)
    return expires


# Set when a request was given a count from before the last write: the page cache middleware
# keeps such a page nowhere, so that the next reader gets the new count once it is ready.
served_late: contextvars.ContextVar[bool] = contextvars.ContextVar("served_late", default=False)

# The late counts being computed in this process, by name, and their threads (tests wait on them).
_recounting: dict[str, threading.Thread] = {}
_recounting_lock = threading.Lock()


def _recount(name: str, compute: Callable[[], object], current: int, seconds: int) -> None:
    """Compute `name` for generation `current` in a thread, unless one is at it already."""

    def run() -> None:
        try:
            value = compute()
            expires = _keep(name, current, value, seconds)
            kept = _local.get(name)
            if kept is None or kept[0] <= current:
                _local[name] = (current, expires, value)
        except Exception:
            # The kept value goes on being served, and the next request tries again.
            logger.exception("Counting %s after a write failed", name)
        finally:
            # The thread's own connections: Django opens one per thread and closes none of them.
            connections.close_all()
            with _recounting_lock:
                _recounting.pop(name, None)

    with _recounting_lock:
        if name in _recounting:
            return
        thread = threading.Thread(target=run, name=f"readingroom recount {name}", daemon=True)
        _recounting[name] = thread
    thread.start()


def wait_for_recounts(timeout: float | None = None) -> None:
    """Wait for the counts being computed in this process's threads (tests use it)."""
    with _recounting_lock:
        threads = list(_recounting.values())
    for thread in threads:
        thread.join(timeout)


def next_publication() -> datetime.datetime | None:
    """When the next scheduled clipping goes public, if any: no page may outlive that moment."""
    current = generation()
    stored = cache.get(NEXT_PUBLICATION_KEY)
    now = timezone.now()
    if stored is not None and stored[0] == current and (stored[1] is None or stored[1] > now):
        return stored[1]
    upcoming = (
        Article.objects.filter(status=Article.Status.PUBLISHED, publish_at__gt=now)
        .order_by("publish_at")
        .values_list("publish_at", flat=True)
        .first()
    )
    cache.set(NEXT_PUBLICATION_KEY, (current, upcoming), timeout=DEFAULT_DATA_SECONDS)
    return upcoming


def lifetime(seconds: int) -> int:
    """`seconds`, cut short if a scheduled clipping goes public sooner."""
    upcoming = next_publication()
    if upcoming is not None:
        seconds = min(seconds, max(0, int((upcoming - timezone.now()).total_seconds())))
    return seconds


# --- The middleware ---------------------------------------------------------------------------


def _admin_prefix() -> str | None:
    try:
        return reverse("admin:index")
    except NoReverseMatch:
        return None


def is_anonymous(request: HttpRequest) -> bool:
    """No session cookie, no session: decided without loading one (which adds Vary: Cookie)."""
    return settings.SESSION_COOKIE_NAME not in request.COOKIES


def page_key(request: HttpRequest) -> str:
    # HEAD shares GET's page; the full URL keeps hosts and query strings apart.
    url = request.build_absolute_uri()
    return PAGE_PREFIX + hashlib.sha256(url.encode()).hexdigest()


class PageCacheMiddleware:
    """Serve anonymous readers stored pages; give public pages HTTP caching headers.

    Goes after the middleware whose headers every response needs (security, CSP) and before
    SessionMiddleware, CsrfViewMiddleware and the rest, so that it sees the cookies and Vary
    headers they add before deciding whether a response can be shared.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.admin_prefix = _admin_prefix()

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not self.applies_to(request):
            return self.get_response(request)
        if not is_anonymous(request):
            response = self.get_response(request)
            if "Cache-Control" not in response:
                # An editor's view of a page is theirs alone.
                patch_cache_control(response, private=True)
            return response

        seconds = page_seconds()
        key = page_key(request)
        current = 0
        if seconds > 0:
            # One round trip to a shared cache: the counter and the page together.
            stored = cache.get_many([GENERATION_KEY, key])
            current = stored.get(GENERATION_KEY) or generation()
            page = stored.get(key)
            if page is not None and page[0] == current:
                return self.replay(request, page)

        token = served_late.set(False)
        try:
            response = self.get_response(request)
            late = served_late.get()
        finally:
            served_late.reset(token)
        if not self.shareable(response):
            return response
        # A page with counts from before the last write (being counted again) is kept nowhere:
        # neither here nor, with max-age=0, in browsers or a shared cache.
        keep = lifetime(seconds) if seconds > 0 and not late else 0
        self.add_headers(response, keep)
        if keep > 0:
            cache.set(key, self.record(current, response), timeout=keep)
        return get_conditional_response(
            request,
            etag=response.get("ETag"),
            last_modified=_parse_http_date(response.get("Last-Modified")),
            response=response,
        )

    def applies_to(self, request: HttpRequest) -> bool:
        if request.method not in ("GET", "HEAD"):
            return False
        return not (self.admin_prefix and request.path.startswith(self.admin_prefix))

    @staticmethod
    def shareable(response: HttpResponse) -> bool:
        """A response every anonymous reader may be given: no cookie, no per-user variation."""
        return (
            response.status_code in CACHEABLE_STATUS
            and not response.streaming
            and not response.cookies
            and "Cache-Control" not in response
            and not has_vary_header(response, "Cookie")
        )

    @staticmethod
    def add_headers(response: HttpResponse, seconds: int) -> None:
        if not response.has_header("ETag"):
            set_response_etag(response)
        if not response.has_header("Last-Modified"):
            response["Last-Modified"] = http_date()
        patch_cache_control(response, public=True, max_age=seconds, s_maxage=seconds)

    @staticmethod
    def record(current: int, response: HttpResponse) -> tuple:
        headers = list(response.headers.items())
        # Compressed: HTML shrinks about fivefold, and local-memory caches live in every worker.
        body = zlib.compress(response.content, 1)
        return (current, response.status_code, headers, body, time.time())

    @staticmethod
    def replay(request: HttpRequest, page: tuple) -> HttpResponse:
        _generation, status, headers, body, stored_at = page
        response = HttpResponse(zlib.decompress(body), status=status)
        for name, value in headers:
            response[name] = value
        # What is left of the page's lifetime is what a downstream cache may keep it for.
        max_age = _max_age(response)
        if max_age is not None:
            remaining = max(0, max_age - int(time.time() - stored_at))
            patch_cache_control(response, max_age=remaining, s_maxage=remaining)
        return get_conditional_response(
            request,
            etag=response.get("ETag"),
            last_modified=_parse_http_date(response.get("Last-Modified")),
            response=response,
        )


def _max_age(response: HttpResponse) -> int | None:
    for part in response.get("Cache-Control", "").split(","):
        name, _sep, value = part.strip().partition("=")
        if name == "max-age" and value.isdigit():
            return int(value)
    return None


def _parse_http_date(value: str | None) -> int | None:
    return parse_http_date_safe(value) if value else None
