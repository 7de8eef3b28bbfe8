"""Search latency under concurrent readers: the work of one search page, through the backend.

    .venv/bin/python bench/search_bench.py --db postgres          # postgres:///rr_scale
    .venv/bin/python bench/search_bench.py --db sqlite            # /tmp/rr_scale.sqlite3
    .venv/bin/python bench/search_bench.py --readers 8 --duration 20
    .venv/bin/python bench/search_bench.py --queries "fisheries,shinkansen" --readers 1

Each query is run by --readers processes at once, each in a loop for --duration seconds, doing
what the search page does: the ranked top 20 with snippets and the facet counts, in one
`backend.search(..., with_facets=True)` call. Template rendering and HTTP are left out;
bench/load.py measures whole pages. Nothing about a query is cached between searches, so every
search timed is the cold path; only the collection's own facts (its first and last dates, the
outlets and topics) are kept until the next write, as on the site. Each reader first runs one
untimed search for another word, to open its connection and fill that cache. The queries are
picked from the data: a word in about a third of the public clippings, one in about 1 %, a rare
name (a few clippings), and two mid-frequency words together (AND). `--queries` measures the
given ones instead, labelled in that order, and skips the picking (which counts the matches of
a dozen words). `--window` and `--rank-window` set SEARCH_COUNT_LIMIT and SEARCH_RANK_LIMIT for
the run. Every row records the load average as it started: the machine is shared, and the readers
themselves add to it.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import re
import secrets
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_URLS = {"postgres": "postgres:///rr_scale", "sqlite": "sqlite:////tmp/rr_scale.sqlite3"}
TIMEOUT_SECONDS = 5.0
WARM_UP = "zyxwvut"


def setup(database_url: str) -> None:
    os.environ.update(
        DEBUG="0",
        SECRET_KEY=secrets.token_urlsafe(40),
        ALLOWED_HOSTS="127.0.0.1",
        DATABASE_URL=database_url,
        DJANGO_SETTINGS_MODULE="readingroom.settings",
        LOG_LEVEL="ERROR",
    )
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def sample_frequencies(seed: int = 1, days: int = 300) -> tuple[Counter, int]:
    """Document frequency of each word in a sample of the generator's clippings."""
    import datetime

    from articles import synthetic

    frequency: Counter = Counter()
    count = 0
    span = (synthetic.END - synthetic.START).days
    for n in range(days):
        day = synthetic.START + datetime.timedelta(days=n * span // days)
        for clipping in synthetic.generate_day(seed, day, 5):
            count += 1
            frequency.update(set(re.findall(r"[a-z]{4,}", clipping.body.lower())))
    return frequency, count


def choose_queries() -> list[tuple[str, str, str]]:
    """(label, query, how many clippings it matches), measured on the database itself."""
    from articles.models import Article
    from articles.search import get_search_backend, parse_query
    from articles.synthetic import corpus

    backend = get_search_backend()
    public = Article.objects.published()
    total = public.count()

    def share(query: str) -> float:
        return backend.matching(public, parse_query(query)).count() / total

    frequency, sampled = sample_frequencies()

    def closest(target: float, low: float, high: float, tries: int = 6) -> tuple[str, float]:
        candidates = [w for w, n in frequency.most_common() if low <= n / sampled <= high]
        measured = [(word, share(word)) for word in candidates[:tries]]
        if not measured:
            raise SystemExit(f"No word near {target:.1%} in the sample: is the database seeded?")
        return min(measured, key=lambda item: abs(item[1] - target))

    third, third_share = closest(1 / 3, 0.25, 0.42)
    one, one_share = closest(0.01, 0.006, 0.016)
    a, _ = closest(0.06, 0.04, 0.08)
    b, _ = closest(0.05, 0.03, 0.07, tries=12)
    if b == a:
        b = next(w for w, n in frequency.most_common() if 0.03 <= n / sampled <= 0.07 and w != a)
    both = f"{a} {b}"
    rare = None
    for surname in reversed(corpus().surnames[-3000:]):
        found = backend.matching(public, parse_query(surname)).count()
        # At a million clippings even the rarest invented names turn up a few dozen times.
        if 1 <= found <= 100:
            rare = (surname.lower(), found)
            break
    queries = [
        ("term in a third", third, f"{third_share:.1%}"),
        ("term in 1 %", one, f"{one_share:.2%}"),
    ]
    if rare:
        queries.append(("rare term", rare[0], f"{rare[1]} clippings"))
    queries.append(("two-term AND", both, f"{share(both):.2%}"))
    return queries


def given_queries(texts: list[str]) -> list[tuple[str, str, str]]:
    """(label, query, how many clippings it matches) for queries named on the command line."""
    from articles.models import Article
    from articles.search import get_search_backend, parse_query

    backend = get_search_backend()
    public = Article.objects.published()
    total = public.count()
    labels = ["term in a third", "term in 1 %", "rare term", "two-term AND"]
    queries = []
    for n, text in enumerate(texts):
        found = backend.matching(public, parse_query(text)).count()
        label = labels[n] if n < len(labels) else "query"
        share = f"{found} clippings" if found <= 100 else f"{found / total:.2%}"
        queries.append((label, text.strip(), share))
    return queries


def reader(query: str, duration: float, start_at: float, results) -> None:
    from django.db import connection

    from articles.models import Article
    from articles.search import get_search_backend

    backend = get_search_backend()
    # Untimed: a new connection's first queries load the server's catalog caches, a cost a
    # server process with persistent connections pays once, not per search. The word is not the
    # measured one, so no search's rows are read ahead of time by it.
    backend.search(Article.objects.published(), WARM_UP, limit=20, with_facets=True)
    latencies = []
    while time.time() < start_at:
        time.sleep(0.01)
    stop_at = start_at + duration
    while time.time() < stop_at:
        began = time.perf_counter()
        # As the search page asks: one call for the ranked page, its snippets and the facets.
        result = backend.search(Article.objects.published(), query, limit=20, with_facets=True)
        len(result.hits)
        latencies.append(time.perf_counter() - began)
    connection.close()
    results.put(latencies)


def measure(query: str, readers: int, duration: float) -> dict:
    from django.db import connections

    connections.close_all()
    context = multiprocessing.get_context("fork")
    results = context.Queue()
    start_at = time.time() + 1.0
    load = os.getloadavg()[0]
    processes = [
        context.Process(target=reader, args=(query, duration, start_at, results))
        for _ in range(readers)
    ]
    for process in processes:
        process.start()
    latencies = []
    for _ in processes:
        latencies.extend(results.get())
    for process in processes:
        process.join()
    latencies.sort()
    ms = [value * 1000 for value in latencies]
    return {
        "searches": len(ms),
        "per_second": len(ms) / duration,
        "p50": statistics.median(ms),
        "p99": ms[min(len(ms) - 1, int(len(ms) * 0.99))],
        "max": ms[-1],
        "timeouts": sum(value > TIMEOUT_SECONDS * 1000 for value in ms),
        "load": load,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", choices=sorted(DEFAULT_URLS), default="postgres")
    parser.add_argument("--database-url")
    parser.add_argument("--readers", type=int, default=8)
    parser.add_argument("--duration", type=float, default=20)
    parser.add_argument(
        "--queries",
        help='comma-separated, e.g. "fisheries,shinkansen,osabumoto,upper assistance"',
    )
    parser.add_argument(
        "--window",
        type=int,
        help="SEARCH_COUNT_LIMIT for this run (the match window the count and facets share)",
    )
    parser.add_argument("--rank-window", type=int, help="SEARCH_RANK_LIMIT for this run")
    args = parser.parse_args()
    database_url = args.database_url or DEFAULT_URLS[args.db]
    setup(database_url)
    from django.conf import settings

    if args.window:
        settings.SEARCH_COUNT_LIMIT = args.window
    if args.rank_window:
        settings.SEARCH_RANK_LIMIT = args.rank_window
    from articles.models import Article

    total = Article.objects.published().count()
    queries = given_queries(args.queries.split(",")) if args.queries else choose_queries()
    print(f"Search benchmark, {time.strftime('%Y-%m-%d %H:%M:%S %Z')}, {database_url}")
    print(f"{total:,} public clippings; {args.readers} readers; {args.duration:g} s a query")
    print(f"Command: {' '.join([Path(sys.executable).name, *sys.argv])}")
    from articles.search.base import count_limit, rank_limit

    print(f"Window: {count_limit():,} newest matches counted and faceted, {rank_limit():,} ranked")
    print()
    print("| query | matches | searches/s | p50 ms | p99 ms | max ms | over 5 s | load |")
    print("|---|---|---:|---:|---:|---:|---:|---:|")
    for label, query, matches in queries:
        row = measure(query, args.readers, args.duration)
        print(
            f"| {label}: `{query}` | {matches} | {row['per_second']:.1f} | {row['p50']:.0f} "
            f"| {row['p99']:.0f} | {row['max']:.0f} | {row['timeouts']} | {row['load']:.2f} |",
            flush=True,
        )


if __name__ == "__main__":
    main()
