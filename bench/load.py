"""Load benchmark: every page type under wrk, next to the stack's own ceiling.

    .venv/bin/python bench/load.py --db postgres               # postgres:///rr_scale
    .venv/bin/python bench/load.py --db sqlite                 # /tmp/rr_scale.sqlite3
    .venv/bin/python bench/load.py --database-url postgres:///other --duration 5

Three rounds, each with its own ceiling measured in the same round:

1. gunicorn, production settings, page cache off: every page rendered from the database. The
   ceiling is a trivial response (`/bench/ceiling`, routed only when READINGROOM_BENCH=1) through
   the same server and middleware. A minimal Django page (`/bench/minimal`: 20 rows in one
   query, a few lines of template) is measured too, as the reference for what any page costs.
   Each run also records the CPU each request cost the site's processes, the database server
   and wrk (from /proc), a measure that holds better than req/s when the machine is shared.
2. The same with the page cache on (PAGE_CACHE_SECONDS=60) and warm; each page is also asked
   with If-None-Match and If-Modified-Since, which must answer 304, and its headers are checked
   for what a shared cache needs (public, s-maxage, ETag, no Set-Cookie, no Vary: Cookie).
3. nginx (Debian's nginx-light) with proxy_cache in front of round 2's gunicorn. Each page's
   ceiling is nginx serving a static copy of the same bytes; each is checked to come from
   nginx's cache and to revalidate with a 304.

wrk (Debian's wrk) drives each page for --duration seconds at --connections connections after a
warm-up, once the server has worked off the previous page's queue and each worker has rendered
the page once (the collection's counts are kept until the next write; a page's first request in
a fresh server, which computes them, is reported as "first ms"). Then: gunicorn worker RSS, and
the memory growth of a 100,000-row CSV download. Everything started is stopped at the end, on
errors and on Ctrl-C too. The database must be seeded first (`manage.py seed_demo`); the script
never writes to it.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import platform
import random
import re
import resource
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from math import ceil
from pathlib import Path
from urllib.parse import urlencode, urlsplit

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent
DEFAULT_URLS = {"postgres": "postgres:///rr_scale", "sqlite": "sqlite:////tmp/rr_scale.sqlite3"}
CEILING = "/bench/ceiling"
# A minimal Django page (20 rows, one query, a few lines of template): what any page costs.
MINIMAL = "/bench/minimal"
STATIC_DIR = "/static-copies/"
DEEP = 10_000  # rows into a list for the "deep page" rows


# --- Processes we start, and stop -------------------------------------------------------------

STARTED: list[subprocess.Popen] = []


def start(command: list[str], **kwargs) -> subprocess.Popen:
    process = subprocess.Popen(command, start_new_session=True, **kwargs)
    STARTED.append(process)
    return process


def stop(process: subprocess.Popen, sig: int = signal.SIGTERM) -> None:
    if process.poll() is None:
        try:
            os.killpg(process.pid, sig)
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        except ProcessLookupError:
            pass
    if process in STARTED:
        STARTED.remove(process)


def stop_everything(*_args) -> None:
    for process in list(STARTED):
        stop(process)
    if _args:  # called as a signal handler
        sys.exit(130)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.3)
    raise SystemExit(f"{url} did not answer within {seconds:.0f} s")


# --- The site under test ----------------------------------------------------------------------


def site_env(database_url: str, static_root: Path, page_cache: int) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        DEBUG="0",
        SECRET_KEY=secrets.token_urlsafe(40),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="0",
        DATABASE_URL=database_url,
        STATIC_ROOT=str(static_root),
        READINGROOM_BENCH="1",
        PAGE_CACHE_SECONDS=str(page_cache),
        CONN_MAX_AGE="600",
        LOG_LEVEL="ERROR",
        DJANGO_SETTINGS_MODULE="readingroom.settings",
    )
    return env


# docs/deploy.md runs gunicorn with --timeout 30; the benchmark allows the CSV download longer
# and reports how long it took.
WORKER_TIMEOUT = 300


def start_gunicorn(env: dict[str, str], port: int, workers: int, log: Path) -> subprocess.Popen:
    process = start(
        [
            str(VENV_BIN / "gunicorn"),
            "readingroom.wsgi:application",
            f"--workers={workers}",
            "--worker-class=sync",
            f"--bind=127.0.0.1:{port}",
            "--backlog=2048",
            f"--timeout={WORKER_TIMEOUT}",
            f"--error-logfile={log}",
        ],
        cwd=ROOT,
        env=env,
    )
    wait_for(f"http://127.0.0.1:{port}{CEILING}")
    return process


CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def _proc_files(name: str) -> Iterator[tuple[int, str]]:
    """(pid, text of /proc/<pid>/<name>) for every process we can read it of."""
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            yield int(entry.name), (entry / name).read_text()
        except OSError:
            continue


def _process_stats() -> list[tuple[int, str, int, float]]:
    """(pid, command name, parent pid, CPU seconds so far) of every process we can read."""
    stats = []
    for pid, text in _proc_files("stat"):
        # The name is in parentheses and may itself hold spaces or parentheses.
        name = text[text.index("(") + 1 : text.rindex(")")]
        fields = text[text.rindex(")") + 2 :].split()
        # After the name: state, ppid, ..., utime (11th) and stime (12th), in clock ticks.
        cpu = (int(fields[11]) + int(fields[12])) / CLOCK_TICKS
        stats.append((pid, name, int(fields[1]), cpu))
    return stats


def cpu_snapshot(master_pid: int) -> dict:
    """CPU seconds used so far by the site (the gunicorn master and its workers), by the
    database server (every `postgres` process: its background workers too, so a vacuum during a
    run shows) and by the finished children of this script (wrk); and each of the site's and
    the database's processes by pid, so that one which ends between two snapshots does not
    count against the other processes' use (`cpu_per_request`)."""
    app = db = 0.0
    processes: dict[int, tuple[str, float]] = {}
    for pid, name, parent, cpu in _process_stats():
        if master_pid in (pid, parent):
            app += cpu
            processes[pid] = ("app", cpu)
        elif name == "postgres":
            db += cpu
            processes[pid] = ("db", cpu)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {
        "app": app,
        "db": db,
        "wrk": children.ru_utime + children.ru_stime,
        "processes": processes,
    }


def cpu_per_request(before: dict, after: dict, requests: int) -> dict[str, float]:
    """Milliseconds of CPU per request, by part, between two snapshots.

    Counted process by process: a process that started in between counts whole, and one that
    ended in between (an autovacuum worker, a database connection closed) is left out, its last
    moments unseen, rather than subtracted from the others' use.
    """
    if requests <= 0:
        return {}
    used = {"app": 0.0, "db": 0.0, "wrk": after["wrk"] - before["wrk"]}
    earlier = before["processes"]
    for pid, (part, cpu) in after["processes"].items():
        was_part, was_cpu = earlier.get(pid, (part, 0.0))
        # A pid used again by a new process starts from nothing.
        used[part] += cpu - was_cpu if was_part == part and cpu >= was_cpu else cpu
    return {part: seconds * 1000 / requests for part, seconds in used.items()}


def worker_rss_mb(master: subprocess.Popen) -> list[float]:
    """Resident memory of each gunicorn worker, in MB."""
    return sorted(worker_status_mb(master, "VmRSS").values())


@dataclass
class Page:
    label: str
    path: str
    note: str = ""
    search: bool = False


def choose_pages(
    env: dict[str, str], csv_rows: int, searches: list[str] | None = None
) -> tuple[list[Page], list[str], str | None]:
    """The pages to measure, picked from the data: busiest outlet, rarest topic, and so on.

    Also the CSV download of about `csv_rows` clippings (the newest, by a `from` date), if the
    site has one.
    """
    os.environ.update(env)
    import django

    django.setup()
    from django.db.models import Count
    from django.urls import NoReverseMatch, reverse

    from articles.models import Article, Tag
    from articles.search import get_search_backend, parse_query

    notes: list[str] = []
    public = Article.objects.published()
    latest = public.order_by("-published_on").values_list("published_on", flat=True).first()
    if latest is None:
        raise SystemExit("The database holds no public clippings: run manage.py seed_demo first.")
    outlet_counts = (
        public.order_by().values("outlet__slug").annotate(n=Count("pk")).order_by("-n", "outlet")
    )
    busiest = outlet_counts[0]["outlet__slug"]
    links = Article.tags.through.objects.values("tag").annotate(n=Count("pk"))
    per_tag = {row["tag"]: row["n"] for row in links}
    tags = list(Tag.objects.all())
    roots = {t.pk: per_tag.get(t.pk, 0) for t in tags if t.parent_id is None}
    for tag in tags:
        if tag.parent_id in roots:
            roots[tag.parent_id] += per_tag.get(tag.pk, 0)
    by_id = {t.pk: t for t in tags}
    popular = by_id[max(roots, key=roots.get)]
    rare = by_id[min((pk for pk in per_tag if per_tag[pk]), key=per_tag.get)]
    notes.append(
        f"Most used topic: {popular.slug} (about {roots[popular.pk]:,} links with its "
        f"sub-topics); least used: {rare.slug} ({per_tag[rare.pk]:,} clippings)."
    )

    def deep_cursor(queryset) -> tuple[str, str]:
        """The cursor of the row DEEP rows in (halfway, in a small collection)."""
        depth = min(DEEP, max(1, queryset.count() // 2))
        rows = list(
            queryset.order_by("-published_on", "-pk").values_list("published_on", "pk")[
                depth - 1 : depth
            ]
        )
        day, pk = rows[0]
        return f"{day.isoformat()}.{pk}", f"{depth:,} rows in"

    outlet_deep, outlet_depth = deep_cursor(public.filter(outlet__slug=busiest))
    # A topic page lists the topic's clippings and its sub-topics'.
    topic_links = Article.tags.through.objects.filter(
        tag__in=[popular.pk, *[t.pk for t in tags if t.parent_id == popular.pk]]
    ).values("article_id")
    topic_deep, topic_depth = deep_cursor(public.filter(pk__in=topic_links))
    middle = public.order_by("-published_on", "-pk").values_list("pk", flat=True)[
        public.count() // 2 if public.count() < 200_000 else 100_000
    ]
    article = Article.objects.get(pk=middle)
    year = latest.year - 1
    pages = [
        Page("home", "/"),
        Page("archive index", "/archive/"),
        Page("archive year", f"/archive/{year}/"),
        Page("archive month", f"/archive/{year}/06/"),
        Page("day page", f"/archive/{latest:%Y/%m/%d}/"),
        Page("outlet list", "/outlets/"),
        Page("outlet first page", f"/outlets/{busiest}/"),
        Page("outlet deep page", f"/outlets/{busiest}/?before={outlet_deep}", outlet_depth),
        Page("topic list", "/topics/"),
        Page("topic most used", f"/topics/{popular.slug}/"),
        Page("topic most used deep", f"/topics/{popular.slug}/?before={topic_deep}", topic_depth),
        Page("topic least used", f"/topics/{rare.slug}/"),
        Page(
            "filtered list",
            f"/articles/?outlet={busiest}&topic={rare.parent.slug if rare.parent else rare.slug}"
            f"&kind=full&from={year - 5}-01-01&to={year}-12-31",
        ),
    ]
    # Whether /search/ searches yet is checked on the running site (run()).
    backend = get_search_backend()
    if searches:
        total = public.count()
        for query in searches:
            found = backend.matching(public, parse_query(query)).count()
            share = f"{found / total:.1%}" if found * 100 >= total else f"{found:,}"
            pages.append(
                Page(
                    f"search {query}",
                    f"/search/?{urlencode({'q': query})}",
                    f"in {share} clippings",
                    search=True,
                )
            )
    else:
        common, rare_term = search_terms(backend, public, parse_query)
        pages += [
            Page("search common term", f"/search/?q={common[0]}", common[1], search=True),
            Page("search rare term", f"/search/?q={rare_term[0]}", rare_term[1], search=True),
        ]
    pages += [
        Page("clipping page", article.get_absolute_url()),
        Page("feed (latest)", "/feeds/latest/"),
        Page("topic feed", f"/topics/{popular.slug}/feed/"),
    ]
    export = None
    try:
        download = reverse("articles:article-list-export", args=["csv"]) if csv_rows else None
    except NoReverseMatch:
        notes.append("No CSV download on the site: the export's memory is measured in-process.")
    if download:
        newest = public.order_by("-published_on", "-pk").values_list("published_on", flat=True)
        since = list(newest[csv_rows - 1 : csv_rows]) or [newest.last()]
        export = f"{download}?from={since[0].isoformat()}"
    from django.db import connections

    connections.close_all()
    return pages, notes, export


COMMON_CANDIDATES = ["government", "minister", "said", "officials", "japan", "tokyo", "party"]


def search_terms(backend, public, parse_query) -> tuple[tuple[str, str], tuple[str, str]]:
    """A word in about a third of the clippings, and one in very few."""
    from articles.synthetic import corpus

    total = public.count()
    best = None
    for word in COMMON_CANDIDATES:
        found = backend.matching(public, parse_query(word)).count()
        share = found / total
        if best is None or abs(share - 1 / 3) < abs(best[1] - 1 / 3):
            best = (word, share)
    common = (best[0], f"in {best[1]:.0%} of clippings")
    for surname in reversed(corpus().surnames[-2000:]):
        found = backend.matching(public, parse_query(surname)).count()
        # At a million clippings even the rarest invented names turn up a few dozen times.
        if 1 <= found <= 100:
            return common, (surname.lower(), f"in {found} clippings")
    return common, ("zyxwvut", "in no clipping")


# --- wrk --------------------------------------------------------------------------------------


@dataclass
class Result:
    rps: float = 0.0
    p50_ms: float = 0.0
    p99_ms: float = 0.0
    errors: int = 0
    requests: int = 0
    load: float = 0.0
    checks: str = ""
    # CPU milliseconds per request of the site's processes ("app"), the database server's
    # ("db") and wrk's: steadier than req/s on a shared machine (round 1 only).
    cpu_ms: dict[str, float] = field(default_factory=dict)
    # Measured by paced readers (--think): their pauses, not the server, set the rate.
    paced: bool = False


UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def _ms(text: str) -> float:
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text)
    return float(match[1]) * UNITS[match[2]] if match else float("nan")


def wrk(url: str, duration: int, connections: int, threads: int) -> Result:
    load = os.getloadavg()[0]
    completed = subprocess.run(
        [
            "wrk",
            f"-t{threads}",
            f"-c{connections}",
            f"-d{duration}s",
            "--timeout=5s",
            "--latency",
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    out = completed.stdout
    result = Result(load=load)
    if match := re.search(r"Requests/sec:\s+([\d.]+)", out):
        result.rps = float(match[1])
    if match := re.search(r"^\s+50%\s+(\S+)", out, re.M):
        result.p50_ms = _ms(match[1])
    if match := re.search(r"^\s+99%\s+(\S+)", out, re.M):
        result.p99_ms = _ms(match[1])
    if match := re.search(r"(\d+) requests in", out):
        result.requests = int(match[1])
    if match := re.search(r"Non-2xx or 3xx responses: (\d+)", out):
        result.errors += int(match[1])
    if match := re.search(r"connect (\d+), read (\d+), write (\d+), timeout (\d+)", out):
        result.errors += sum(int(n) for n in match.groups())
    return result


def readers(url: str, duration: float, count: int, think_ms: float, seed: int = 1) -> Result:
    """`count` readers for `duration` seconds, each pausing before every request for a random
    time of mean `think_ms` (exponentially distributed: the think time of a load test's users).

    Each request opens its own connection, as a reader's click does after a pause. wrk cannot
    stand in here: its connections stay open while they wait, and each idle one holds a sync
    gunicorn worker, which reads the request as soon as it accepts the connection. The pauses
    are left out of the latencies; the readers are threads of this process, whose own CPU is not
    in the "wrk" column.
    """
    target = urlsplit(url)
    path = target.path + (f"?{target.query}" if target.query else "")
    load = os.getloadavg()[0]
    stop_at = time.monotonic() + duration
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()

    def reader(number: int) -> None:
        nonlocal errors
        pauses = random.Random(seed * 1000 + number)
        while True:
            pause = pauses.expovariate(1000 / think_ms)
            if time.monotonic() + pause >= stop_at:
                return
            time.sleep(pause)
            started = time.perf_counter()
            try:
                connection = http.client.HTTPConnection(target.hostname, target.port, timeout=5)
                connection.request("GET", path)
                response = connection.getresponse()
                response.read()
                connection.close()
                answered = response.status == 200
            except (OSError, http.client.HTTPException):
                answered = False
            elapsed = (time.perf_counter() - started) * 1000
            with lock:
                if answered:
                    latencies.append(elapsed)
                else:
                    errors += 1

    threads = [threading.Thread(target=reader, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    latencies.sort()

    def percentile(share: float) -> float:
        return latencies[max(0, ceil(share * len(latencies)) - 1)] if latencies else float("nan")

    return Result(
        rps=(len(latencies) + errors) / duration,
        p50_ms=percentile(0.50),
        p99_ms=percentile(0.99),
        errors=errors,
        requests=len(latencies) + errors,
        load=load,
        paced=True,
    )


def fetch(url: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def cache_checks(base: str, path: str) -> str:
    """What a shared cache needs, and the two kinds of 304."""
    status, headers, _body = fetch(base + path)
    problems = []
    control = headers.get("Cache-Control", "")
    if status != 200:
        problems.append(f"status {status}")
    if "public" not in control or "s-maxage" not in control:
        problems.append("not public")
    if "Set-Cookie" in headers:
        problems.append("Set-Cookie")
    if "cookie" in headers.get("Vary", "").lower():
        problems.append("Vary: Cookie")
    if "ETag" not in headers:
        problems.append("no ETag")
    else:
        if fetch(base + path, {"If-None-Match": headers["ETag"]})[0] != 304:
            problems.append("If-None-Match not 304")
    since = headers.get("Last-Modified")
    if since and fetch(base + path, {"If-Modified-Since": since})[0] != 304:
        problems.append("If-Modified-Since not 304")
    return ", ".join(problems) or "304 ok"


# --- nginx ------------------------------------------------------------------------------------

NGINX_CONF = """
worker_processes 2;
pid {tmp}/nginx.pid;
error_log {tmp}/nginx-error.log warn;
{user}
events {{ worker_connections 4096; }}
http {{
    access_log off;
    sendfile on;
    # No tcp_nopush: with it, cached responses of some sizes waited 40 ms for a delayed ACK.
    keepalive_requests 100000;
    proxy_temp_path {tmp}/proxy-temp;
    client_body_temp_path {tmp}/client-temp;
    fastcgi_temp_path {tmp}/fastcgi-temp;
    uwsgi_temp_path {tmp}/uwsgi-temp;
    scgi_temp_path {tmp}/scgi-temp;
    proxy_cache_path {tmp}/cache levels=1:2 keys_zone=pages:32m max_size=1g inactive=10m
                     use_temp_path=off;
    upstream readingroom {{ server 127.0.0.1:{app_port}; }}
    server {{
        listen 127.0.0.1:{port};
        location {static_dir} {{ root {tmp}/www; }}
        location / {{
            proxy_pass http://readingroom;
            proxy_set_header Host $http_host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_cache pages;
            proxy_cache_key $scheme$http_host$request_uri;
            # Editors (who carry the session cookie) go past the cache both ways.
            proxy_cache_bypass $cookie_sessionid;
            proxy_no_cache $cookie_sessionid;
            proxy_cache_lock on;
            proxy_cache_revalidate on;
            proxy_cache_use_stale error timeout updating http_503;
            proxy_cache_background_update on;
            add_header X-Cache-Status $upstream_cache_status always;
        }}
    }}
}}
"""


def static_copy(tmp: Path, name: str, body: bytes) -> str:
    """Put `body` where nginx serves files itself; return its path on the site."""
    folder = tmp / "www" / STATIC_DIR.strip("/")
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(body)
    return f"{STATIC_DIR}{name}"


def start_nginx(tmp: Path, port: int, app_port: int) -> subprocess.Popen:
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    probe = static_copy(tmp, "probe.html", b"ok")
    # The master runs as whoever runs this; as root, the workers must be able to read tmp.
    user = "user root;" if os.geteuid() == 0 else ""
    conf = tmp / "nginx.conf"
    conf.write_text(
        NGINX_CONF.format(tmp=tmp, port=port, app_port=app_port, static_dir=STATIC_DIR, user=user)
    )
    process = start([nginx, "-p", str(tmp), "-c", str(conf), "-g", "daemon off;"])
    wait_for(f"http://127.0.0.1:{port}{probe}")
    return process


def nginx_checks(base: str, path: str) -> str:
    """Served from nginx's cache, no cookie, and revalidated with a 304."""
    status, headers, _body = fetch(base + path)
    problems = []
    if headers.get("X-Cache-Status") != "HIT":
        problems.append(f"cache {headers.get('X-Cache-Status')} ({status})")
    if "Set-Cookie" in headers:
        problems.append("Set-Cookie")
    etag = headers.get("ETag")
    if not etag or fetch(base + path, {"If-None-Match": etag})[0] != 304:
        problems.append("no 304")
    return ", ".join(problems) or "HIT, 304 ok"


# --- The CSV export's memory ------------------------------------------------------------------


def csv_probe(rows: int) -> None:
    """Run in a child process: peak memory growth while streaming `rows` rows of CSV."""
    import django

    django.setup()
    from articles.exports import iter_csv
    from articles.models import Article

    def status(field_name: str) -> int:
        text = Path("/proc/self/status").read_text()
        return int(re.search(rf"^{field_name}:\s+(\d+) kB", text, re.M)[1])

    queryset = Article.objects.published().order_by("published_on", "id")[:rows]
    list(Article.objects.published()[:1])  # connection and model caches in place
    before = status("VmRSS")
    written = 0
    with open(os.devnull, "w", encoding="utf-8") as sink:
        for line in iter_csv(queryset):
            sink.write(line)
            written += len(line)
    peak = status("VmHWM")
    print(json.dumps({"rows": rows, "bytes": written, "growth_mb": (peak - before) / 1024}))


def worker_status_mb(master: subprocess.Popen, field_name: str) -> dict[int, float]:
    """A /proc/<pid>/status memory field (VmRSS, VmHWM) of each gunicorn worker, in MB."""
    sizes = {}
    for pid, status in _proc_files("status"):
        if re.search(rf"^PPid:\s+{master.pid}$", status, re.M):
            match = re.search(rf"^{field_name}:\s+(\d+) kB", status, re.M)
            if match:
                sizes[pid] = int(match[1]) / 1024
    return sizes


def measure_download(master: subprocess.Popen, url: str) -> dict:
    """Download `url` (the CSV export) once; how much did the worker that served it grow?"""
    before = worker_status_mb(master, "VmRSS")
    started = time.perf_counter()
    size = 0
    error = ""
    try:
        with urllib.request.urlopen(url, timeout=WORKER_TIMEOUT) as response:
            while chunk := response.read(1 << 20):
                size += len(chunk)
    except (OSError, http.client.HTTPException) as problem:
        error = f"download broke off: {problem!r}"
    seconds = time.perf_counter() - started
    peaks = worker_status_mb(master, "VmHWM")
    growth = {pid: peaks[pid] - before[pid] for pid in peaks if pid in before}
    pid = max(growth, key=growth.get)
    return {
        "url": url,
        "bytes": size,
        "seconds": seconds,
        "rss_before_mb": before[pid],
        "peak_mb": peaks[pid],
        "growth_mb": growth[pid],
        "error": error,
    }


def measure_csv(env: dict[str, str], rows: int) -> dict:
    completed = subprocess.run(
        [sys.executable, __file__, "--csv-probe", str(rows)],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(completed.stdout.strip().splitlines()[-1])


# --- The run ----------------------------------------------------------------------------------


@dataclass
class Row:
    page: Page
    size: int = 0
    # The page's first request in a fresh server: the collection's counts not computed yet, as
    # after every write.
    first_ms: float = 0.0
    uncached: Result | None = None
    cached: Result | None = None
    nginx: Result | None = None
    # nginx serving a static copy of the same page: the ceiling for its nginx row.
    static: Result | None = None


@dataclass
class Report:
    command: str
    database: str
    started: str
    machine: dict[str, str]
    ceilings: dict[str, Result] = field(default_factory=dict)
    rows: list[Row] = field(default_factory=list)
    rss_mb: dict[str, list[float]] = field(default_factory=dict)
    csv: dict | None = None
    notes: list[str] = field(default_factory=list)


def machine() -> dict[str, str]:
    def run(*command: str) -> str:
        try:
            return subprocess.run(command, capture_output=True, text=True).stdout.strip()
        except OSError:
            return ""

    return {
        "nproc": run("nproc"),
        "free": run("free", "-h"),
        "lscpu": "\n".join(run("lscpu").splitlines()[:10]),
        "python": platform.python_version(),
        "wrk": run("wrk", "--version").splitlines()[0] if run("wrk", "--version") else "",
        "nginx": subprocess.run(["nginx", "-v"], capture_output=True, text=True).stderr.strip()
        if shutil.which("nginx")
        else "",
    }


def settle(base: str, seconds: float = 30) -> None:
    """Wait until the server has worked off what the last run queued (wrk's timed-out requests
    stay in gunicorn's backlog), so one page's queue does not slow the next page down."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        started = time.perf_counter()
        fetch(base + CEILING)
        if time.perf_counter() - started < 0.05:
            return
        time.sleep(0.5)


def prime(base: str, path: str, workers: int) -> None:
    """One request per worker at once, so each worker has computed what it keeps until the
    next write (the collection's counts) before wrk starts: the cold cost is reported apart."""
    with ThreadPoolExecutor(workers) as pool:
        list(pool.map(lambda _n: fetch(base + path), range(workers)))


def timed(url: str, args, server: subprocess.Popen | None) -> Result:
    """wrk (or paced readers, with --think) for --duration; with `server`, also the CPU each
    request cost."""
    before = cpu_snapshot(server.pid) if server else None
    if args.think:
        result = readers(url, args.duration, args.connections, args.think)
    else:
        result = wrk(url, args.duration, args.connections, args.threads)
    if server:
        result.cpu_ms = cpu_per_request(before, cpu_snapshot(server.pid), result.requests)
    return result


def measure_round(
    name: str,
    base: str,
    rows: list[Row],
    args,
    ceiling_path: str,
    checks: bool,
    server: subprocess.Popen | None = None,
) -> Result:
    url = base + ceiling_path
    wrk(url, args.warmup, args.connections, args.threads)
    ceiling = timed(url, args, server)
    print(f"  {name} ceiling {ceiling_path}: {ceiling.rps:,.0f} req/s", flush=True)
    for row in rows:
        url = base + row.page.path
        settle(base)
        prime(base, row.page.path, args.workers)
        wrk(url, args.warmup, args.connections, args.threads)
        settle(base)
        result = timed(url, args, server)
        if checks:
            result.checks = cache_checks(base, row.page.path)
        setattr(row, name, result)
        cpu = f"  CPU {sum(result.cpu_ms.values()):.2f} ms/request" if result.cpu_ms else ""
        print(
            f"  {name:8} {row.page.label:28} {result.rps:9,.1f} req/s  p50 {result.p50_ms:7.1f} ms"
            f"  p99 {result.p99_ms:7.1f} ms  errors {result.errors}  load {result.load:.2f}"
            f"{cpu}  {result.checks}",
            flush=True,
        )
    return ceiling


def measure_nginx(base: str, app_base: str, rows: list[Row], args, tmp: Path) -> Result:
    """Each page through nginx's cache, next to nginx serving a static copy of the same bytes."""
    run = (args.duration, args.connections, args.threads)
    home = static_copy(tmp, "home.html", fetch(app_base + "/")[2])
    wrk(base + home, args.warmup, args.connections, args.threads)
    ceiling = wrk(base + home, *run)
    print(f"  nginx ceiling (static copy of the home page): {ceiling.rps:,.0f} req/s", flush=True)
    for number, row in enumerate(rows):
        copy = static_copy(tmp, f"{number}.html", fetch(app_base + row.page.path)[2])
        row.static = wrk(base + copy, *run)
        wrk(base + row.page.path, args.warmup, args.connections, args.threads)
        row.nginx = wrk(base + row.page.path, *run)
        row.nginx.checks = nginx_checks(base, row.page.path)
        print(
            f"  nginx    {row.page.label:28} {row.nginx.rps:9,.1f} req/s  p50 "
            f"{row.nginx.p50_ms:6.2f} ms  p99 {row.nginx.p99_ms:6.2f} ms  errors "
            f"{row.nginx.errors}  static copy {row.static.rps:9,.1f} req/s  "
            f"{percent(row.nginx, row.static)}  {row.nginx.checks}",
            flush=True,
        )
    return ceiling


def percent(result: Result | None, ceiling: Result | None) -> str:
    """req/s as a share of the ceiling's; nothing for paced readers, whose rate is their own."""
    if result is None or ceiling is None or not ceiling.rps or result.paced:
        return ""
    return f"{100 * result.rps / ceiling.rps:.1f} %"


def _cells(result: Result | None, ceiling: Result | None) -> list[str]:
    if result is None:
        return ["", "", "", "", "", ""]
    return [
        f"{result.rps:,.1f}",
        f"{result.p50_ms:.1f}",
        f"{result.p99_ms:.1f}",
        str(result.errors),
        percent(result, ceiling),
        f"{result.load:.2f}",
    ]


def cpu_table(references: list[Row], rows: list[Row], minimal: Result | None) -> str:
    """Round 1's CPU per request, by process, next to the minimal Django page's total."""
    lines = [
        "| page cache off: CPU per request | site ms | database ms | wrk ms | total ms "
        "| × minimal page |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    floor = sum(minimal.cpu_ms.values()) if minimal and minimal.cpu_ms else 0.0
    for row in [*references, *rows]:
        cpu = row.uncached.cpu_ms if row.uncached else {}
        if not cpu:
            continue
        total = sum(cpu.values())
        ratio = f"{total / floor:.2f}" if floor else ""
        lines.append(
            f"| {row.page.label} | {cpu['app']:.2f} | {cpu['db']:.2f} | {cpu['wrk']:.2f} "
            f"| {total:.2f} | {ratio} |"
        )
    return "\n".join(lines)


def tables(report: Report) -> str:
    """Straight at gunicorn (page cache off, then on), then through nginx."""
    c = report.ceilings
    lines = [
        "| page | KB | first ms | uncached req/s | p50 ms | p99 ms | err | % of ceiling | load "
        "| page cache req/s | p50 ms | p99 ms | err | % of ceiling | load | headers, 304 |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    ceiling = Row(Page("**ceiling** (trivial response)", CEILING))
    ceiling.uncached, ceiling.cached = c.get("uncached"), c.get("cached")
    references = [ceiling]
    if "minimal" in c:
        minimal = Row(Page("**minimal Django page** (20 rows, one query)", MINIMAL))
        minimal.uncached = c["minimal"]
        references.append(minimal)
    for row in [*references, *report.rows]:
        label = row.page.label + (f" ({row.page.note})" if row.page.note else "")
        cells = [
            label,
            f"{row.size / 1024:.0f}" if row.size else "",
            f"{row.first_ms:.0f}" if row.first_ms else "",
            *_cells(row.uncached, c.get("uncached")),
            *_cells(row.cached, c.get("cached")),
            row.cached.checks if row.cached else "",
        ]
        lines.append("| " + " | ".join(cells) + " |")
    if c.get("uncached") and c["uncached"].cpu_ms:
        lines += ["", cpu_table(references, report.rows, c.get("minimal"))]
    if "nginx" in c:
        lines += [
            "",
            "| through nginx proxy_cache | req/s | p50 ms | p99 ms | err | % of static copy | load "
            "| static copy req/s | cache, 304 |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---|",
        ]
        home = c["nginx"]
        lines.append(
            f"| **static copy of the home page** | {home.rps:,.1f} | {home.p50_ms:.2f} "
            f"| {home.p99_ms:.2f} | {home.errors} |  | {home.load:.2f} |  |  |"
        )
        for row in report.rows:
            if row.nginx is None:
                continue
            n = row.nginx
            lines.append(
                f"| {row.page.label} | {n.rps:,.1f} | {n.p50_ms:.2f} | {n.p99_ms:.2f} "
                f"| {n.errors} | {percent(n, row.static)} | {n.load:.2f} "
                f"| {row.static.rps:,.1f} | {n.checks} |"
            )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", choices=sorted(DEFAULT_URLS), default="postgres")
    parser.add_argument("--database-url", help=f"instead of --db's default {DEFAULT_URLS}")
    parser.add_argument("--duration", type=int, default=10, help="seconds of wrk per page")
    parser.add_argument("--warmup", type=int, default=2, help="seconds of wrk before each")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--threads", type=int, default=2, help="wrk threads")
    parser.add_argument(
        "--think",
        type=float,
        default=0,
        metavar="MS",
        help="measure with --connections readers instead of wrk, each pausing a random time of "
        "this mean (exponential) before each request, on a new connection; 0 (the default): "
        "wrk, each connection sending its next request as soon as the last is answered",
    )
    parser.add_argument("--workers", type=int, default=3, help="gunicorn sync workers")
    parser.add_argument("--rounds", default="uncached,cached,nginx")
    parser.add_argument("--only", help="comma-separated page labels to measure (default: all)")
    parser.add_argument("--csv-rows", type=int, default=100_000)
    parser.add_argument(
        "--searches",
        help="comma-separated queries to measure instead of the picked common and rare term, "
        'labelled "search QUERY" (e.g. "fisheries,shinkansen,osabumoto,upper assistance")',
    )
    parser.add_argument("--json", type=Path, help="also write the report here as JSON")
    parser.add_argument("--csv-probe", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    # Django is set up in this process too: to pick the pages, and in the CSV probe.
    sys.path.insert(0, str(ROOT))
    if args.csv_probe:
        csv_probe(args.csv_probe)
        return
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed: apt-get install wrk")
    rounds = [name.strip() for name in args.rounds.split(",") if name.strip()]
    if "nginx" in rounds and not (shutil.which("nginx") or Path("/usr/sbin/nginx").exists()):
        raise SystemExit("nginx is not installed: apt-get install nginx-light")

    signal.signal(signal.SIGTERM, stop_everything)
    signal.signal(signal.SIGINT, stop_everything)
    database_url = args.database_url or DEFAULT_URLS[args.db]
    tmp = Path(tempfile.mkdtemp(prefix="rr-load-"))
    try:
        run(args, rounds, database_url, tmp)
    finally:
        stop_everything()
        shutil.rmtree(tmp, ignore_errors=True)


def run(args, rounds: list[str], database_url: str, tmp: Path) -> None:
    report = Report(
        command=" ".join([Path(sys.executable).name, *sys.argv]),
        database=database_url,
        started=time.strftime("%Y-%m-%d %H:%M:%S %Z"),
        machine=machine(),
    )
    static_root = tmp / "static"
    env = site_env(database_url, static_root, page_cache=0)
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    searches = [q.strip() for q in (args.searches or "").split(",") if q.strip()]
    pages, report.notes, export = choose_pages(env, args.csv_rows, searches)
    if args.only:
        wanted = {label.strip() for label in args.only.split(",")}
        pages = [page for page in pages if page.label in wanted]
    report.rows = [Row(page) for page in pages]
    print(f"{len(pages)} pages on {database_url}; {args.duration:g} s each", flush=True)
    for note in report.notes:
        print(f"  {note}", flush=True)

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    if "uncached" in rounds:
        print("Round 1: gunicorn, page cache off", flush=True)
        server = start_gunicorn(env, port, args.workers, tmp / "gunicorn-uncached.log")
        if export and args.csv_rows:
            # First, while the workers are fresh, so their peak memory is the download's.
            print(f"CSV download of about {args.csv_rows:,} clippings: {export}", flush=True)
            report.csv = measure_download(server, base + export)
        searches = [row for row in report.rows if row.page.search]
        # A search marks its matches in the excerpts; the plain list has none.
        if searches and b"<mark>" not in fetch(base + searches[0].page.path)[2]:
            report.notes.append("Search rows skipped: /search/?q= does not search yet.")
            report.rows = [row for row in report.rows if not row.page.search]
        for row in report.rows:
            started = time.perf_counter()
            status, _headers, body = fetch(base + row.page.path)
            row.first_ms = (time.perf_counter() - started) * 1000
            row.size = len(body)
            if status != 200:
                report.notes.append(f"{row.page.path} answered {status}")
        report.ceilings["uncached"] = measure_round(
            "uncached", base, report.rows, args, CEILING, checks=False, server=server
        )
        # Last, so a reader compares each page with it in the same round.
        settle(base)
        wrk(base + MINIMAL, args.warmup, args.connections, args.threads)
        minimal = report.ceilings["minimal"] = timed(base + MINIMAL, args, server)
        share = percent(minimal, report.ceilings["uncached"])
        print(
            f"  uncached minimal Django page {MINIMAL}: {minimal.rps:,.1f} req/s "
            f"{f'({share} of the ceiling), ' if share else ''}p99 {minimal.p99_ms:.1f} ms",
            flush=True,
        )
        report.rss_mb["uncached"] = worker_rss_mb(server)
        stop(server)

    if "cached" in rounds or "nginx" in rounds:
        cached_env = site_env(database_url, static_root, page_cache=60)
        cached_env["SECRET_KEY"] = env["SECRET_KEY"]
        server = start_gunicorn(cached_env, port, args.workers, tmp / "gunicorn-cached.log")
        if "cached" in rounds:
            print("Round 2: gunicorn, page cache on and warm", flush=True)
            report.ceilings["cached"] = measure_round(
                "cached", base, report.rows, args, CEILING, checks=True
            )
        if "nginx" in rounds:
            print("Round 3: nginx proxy_cache in front of round 2's gunicorn", flush=True)
            nginx_port = free_port()
            nginx = start_nginx(tmp, nginx_port, port)
            report.ceilings["nginx"] = measure_nginx(
                f"http://127.0.0.1:{nginx_port}", base, report.rows, args, tmp
            )
            stop(nginx)
        report.rss_mb["cached"] = worker_rss_mb(server)
        stop(server)

    if args.csv_rows and report.csv is None:
        print(f"CSV export of {args.csv_rows:,} rows, in-process", flush=True)
        report.csv = measure_csv(env, args.csv_rows)

    print()
    print(f"Reading Room load benchmark, {report.started}, {database_url}")
    print(f"Command: {report.command}")
    if args.think:
        print(
            f"{args.connections} readers, each pausing {args.think:g} ms on average before a "
            f"request, {args.duration:g} s a page (warm-ups with wrk)"
        )
    else:
        print(
            f"wrk: {args.connections} connections, {args.threads} threads, {args.duration:g} s each"
        )
    print()
    print(tables(report))
    print()
    for name, sizes in report.rss_mb.items():
        shown = ", ".join(f"{size:.0f}" for size in sizes)
        print(f"gunicorn worker RSS after the {name} round: {shown} MB")
    if report.csv and "url" in report.csv:
        csv = report.csv
        print(
            f"CSV download {csv['url']}: {csv['bytes'] / 1e6:,.0f} MB in {csv['seconds']:.1f} s; "
            f"the worker went from {csv['rss_before_mb']:.0f} MB to a peak of "
            f"{csv['peak_mb']:.0f} MB (+{csv['growth_mb']:.1f} MB) {csv['error']}"
        )
    elif report.csv:
        print(
            f"CSV export: {report.csv['rows']:,} rows, {report.csv['bytes'] / 1e6:,.0f} MB, "
            f"memory grew {report.csv['growth_mb']:.1f} MB"
        )
    for note in report.notes:
        print(f"Note: {note}")
    if args.json:
        args.json.write_text(json.dumps(asdict(report), indent=2, default=str))


if __name__ == "__main__":
    main()
