"""Garbage collection's pauses in a serving process, with its long-lived objects frozen and not.

    .venv/bin/python bench/gc_pauses.py                          # the two-term AND at 1M
    .venv/bin/python bench/gc_pauses.py "/search/?q=osabumoto" /topics/
    .venv/bin/python bench/gc_pauses.py --database-url sqlite:////tmp/rr_scale.sqlite3 \\
        "/search/?q=quickly+kilometers"

Each page is requested --requests times in a row in this process, through Django's WSGI
handler with production settings and the page cache off, with a short random pause before each
(as readers come). Twice: once as Python leaves a process, and once with what the process holds
after its first requests frozen (`gc.freeze()`), as `readingroom.serving` does in a server.
For each: the page's p50 and p99, how many full (generation 2) collections ran, the longest, and
how many of the slowest 1 % of requests had one in them.
"""

from __future__ import annotations

import argparse
import gc
import io
import random
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from math import ceil
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.after_write import DEFAULT_URL, setup  # noqa: E402  (run as a script, from bench/)

PAGES = ["/search/?q=upper+assistance"]
WARM_REQUESTS = 10


@dataclass
class Pauses:
    frozen: bool
    # (start, end) on the perf_counter clock and milliseconds of each full collection.
    full_collections: list[tuple[float, float, float]] = field(default_factory=list)
    # (start, end) of each request, in the order made.
    spans: list[tuple[float, float]] = field(default_factory=list)

    @property
    def latencies_ms(self) -> list[float]:
        return [(end - start) * 1000 for start, end in self.spans]

    def percentile(self, share: float) -> float:
        ordered = sorted(self.latencies_ms)
        return ordered[max(0, ceil(share * len(ordered)) - 1)] if ordered else float("nan")

    @property
    def longest_full_ms(self) -> float:
        return max((ms for _start, _end, ms in self.full_collections), default=0.0)

    def slowest_with_full_collection(self) -> tuple[int, int]:
        """How many of the slowest 1 % of requests had a full collection in them, of how many."""
        count = max(1, len(self.spans) // 100)
        slowest = sorted(self.spans, key=lambda span: span[0] - span[1])[:count]
        hit = sum(
            any(
                start <= gc_start and gc_end <= end
                for gc_start, gc_end, _ms in self.full_collections
            )
            for start, end in slowest
        )
        return hit, count


def measure(
    get: Callable[[str], object],
    path: str,
    requests: int,
    frozen: bool,
    pause_ms: float = 20,
    seed: int = 1,
) -> Pauses:
    """`requests` requests of `path` after a warm-up, with full collections timed; the process
    is left unfrozen whatever happens."""
    result = Pauses(frozen=frozen)
    started: list[float] = []

    def on_collection(phase: str, info: dict) -> None:
        if info["generation"] != 2:
            return
        if phase == "start":
            started.append(time.perf_counter())
        elif started:
            begin = started.pop()
            end = time.perf_counter()
            result.full_collections.append((begin, end, (end - begin) * 1000))

    pauses = random.Random(seed)
    gc.unfreeze()
    try:
        for _ in range(WARM_REQUESTS):
            get(path)
        gc.collect()
        if frozen:
            gc.freeze()
        gc.callbacks.append(on_collection)
        try:
            for _ in range(requests):
                time.sleep(pauses.expovariate(1000 / pause_ms) if pause_ms else 0)
                begin = time.perf_counter()
                get(path)
                end = time.perf_counter()
                result.spans.append((begin, end))
        finally:
            gc.callbacks.remove(on_collection)
    finally:
        gc.unfreeze()
    return result


def wsgi_get() -> Callable[[str], bytes]:
    """A function that serves a path through Django's WSGI handler, as gunicorn would call it,
    and stops on anything but 200."""
    from django.core.handlers.wsgi import WSGIHandler

    handler = WSGIHandler()

    def get(path: str) -> bytes:
        route, _, query = path.partition("?")
        environ = {
            "REQUEST_METHOD": "GET",
            "PATH_INFO": route,
            "QUERY_STRING": query,
            "SERVER_NAME": "testserver",
            "SERVER_PORT": "80",
            "HTTP_HOST": "testserver",
            "wsgi.input": io.BytesIO(b""),
            "wsgi.url_scheme": "http",
            "wsgi.errors": sys.stderr,
        }
        statuses: list[str] = []
        response = handler(environ, lambda status, headers, *exc: statuses.append(status))
        try:
            body = b"".join(response)
        finally:
            response.close()
        if not statuses or not statuses[0].startswith("200"):
            raise SystemExit(f"{path} answered {statuses[0] if statuses else 'nothing'}")
        return body

    return get


def report_line(path: str, result: Pauses) -> str:
    hit, count = result.slowest_with_full_collection()
    return (
        f"| {path} | {'frozen' if result.frozen else 'as Python leaves it'} "
        f"| {result.percentile(0.5):.1f} | {result.percentile(0.99):.1f} "
        f"| {len(result.full_collections)} | {result.longest_full_ms:.1f} | {hit} of {count} |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages", nargs="*", help=f"paths to request (default: {PAGES[0]})")
    parser.add_argument("--database-url", default=DEFAULT_URL)
    parser.add_argument("--requests", type=int, default=400)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="rr-gc-pauses-") as static_root:
        setup(args.database_url, static_root)
        get = wsgi_get()
        print(f"Full garbage collections, {args.requests} requests a row, {args.database_url}")
        print(
            "| page | objects | p50 ms | p99 ms | full collections | longest ms "
            "| slowest 1 % with one |"
        )
        print("|---|---|---:|---:|---:|---:|---|")
        for path in args.pages or PAGES:
            for frozen in (False, True):
                print(report_line(path, measure(get, path, args.requests, frozen)), flush=True)


if __name__ == "__main__":
    main()
