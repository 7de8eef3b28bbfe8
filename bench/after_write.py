"""The first request after a write: what a reader waits while the site's kept counts go stale.

    .venv/bin/python bench/after_write.py                       # postgres:///rr_scale
    .venv/bin/python bench/after_write.py --database-url sqlite:////tmp/rr_scale.sqlite3
    .venv/bin/python bench/after_write.py / /topics/ /archive/  # these pages only

Each page is requested until warm, timed once warm, then the cache generation is bumped (what
every write does, through `articles.cache.collection_changed`) and the next two requests are
timed: the first is the one a reader makes just after a write, the second shows whether the
counts were made again in a thread (`until_next_write(late=True)`) or in the first request.

It runs the site in this process through Django's test client, with production settings, the
page cache off and the collection's counts kept for five minutes, and never writes to the
database: bumping the generation is a cache operation. Only the local-memory cache of this
process is touched, so a running server's kept counts are not.
"""

from __future__ import annotations

import argparse
import os
import secrets
import sys
import tempfile
import time
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_URL = "postgres:///rr_scale"
PAGES = ["/", "/topics/", "/archive/", "/outlets/"]


class Timing(NamedTuple):
    path: str
    warm_ms: float
    first_ms: float
    second_ms: float


def setup(database_url: str, static_root: str) -> None:
    """Production settings in this process, static files collected into `static_root` (the
    pages name them by their hashed names)."""
    os.environ.update(
        DATABASE_URL=database_url,
        DEBUG="0",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="testserver",
        SECURE_SSL_REDIRECT="0",
        PAGE_CACHE_SECONDS="0",
        COLLECTION_CACHE_SECONDS="300",
        DJANGO_SETTINGS_MODULE="readingroom.settings",
        STATIC_ROOT=static_root,
    )
    sys.path.insert(0, str(ROOT))
    import django
    from django.core.management import call_command

    django.setup()
    call_command("collectstatic", interactive=False, verbosity=0)


def _timed(client, path: str) -> float:
    started = time.perf_counter()
    response = client.get(path)
    elapsed = (time.perf_counter() - started) * 1000
    if response.status_code != 200:
        raise SystemExit(f"{path} answered {response.status_code}")
    return elapsed


def after_write(client, path: str, warm_requests: int = 2) -> Timing:
    """`path` warm, then the first and second request after the generation is bumped. The
    second waits for any recount a thread started, so it times the page, not the thread."""
    from articles import cache

    for _ in range(warm_requests):
        _timed(client, path)
    warm = _timed(client, path)
    cache.bump_generation()
    first = _timed(client, path)
    cache.wait_for_recounts()
    second = _timed(client, path)
    return Timing(path, warm, first, second)


def most_used_topic(tag_model) -> str:
    """The topic page with the most clippings filed under it directly: its coverage chart is
    among the costliest to draw again."""
    from django.db.models import Count

    tag = tag_model.objects.annotate(n=Count("articles")).order_by("-n").first()
    return tag.get_absolute_url() if tag else "/topics/"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages", nargs="*", help=f"paths to time (default: {' '.join(PAGES)})")
    parser.add_argument("--database-url", default=DEFAULT_URL)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="rr-after-write-") as static_root:
        setup(args.database_url, static_root)
        run(args.pages, args.database_url)


def run(pages: list[str], database_url: str) -> None:
    from django.test import Client

    from articles.models import Tag

    pages = pages or [*PAGES, most_used_topic(Tag)]
    client = Client()
    print(f"First request after a write, {database_url}")
    print("| page | warm ms | first after a write ms | next ms |")
    print("|---|---:|---:|---:|")
    for path in pages:
        timing = after_write(client, path)
        print(
            f"| {timing.path} | {timing.warm_ms:,.0f} | {timing.first_ms:,.0f} "
            f"| {timing.second_ms:,.0f} |"
        )


if __name__ == "__main__":
    main()
