"""The benchmark's reference pages (bench/reference.py), routed only when it starts the site;
the load benchmark's CPU accounting and paced readers (bench/load.py), and the after-write
timing (bench/after_write.py), garbage collection's pauses (bench/gc_pauses.py)."""

import datetime
import gc
import http.server
import subprocess
import sys
import threading
import time

import pytest
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from articles import cache
from articles.models import Article
from bench import after_write, gc_pauses, load, reference
from tests.factories import ArticleFactory


def test_reference_pages_are_not_routed_outside_the_benchmark(client, db):
    assert client.get("/bench/ceiling").status_code == 404
    assert client.get("/bench/minimal").status_code == 404


def test_ceiling_is_a_trivial_response():
    response = reference.ceiling(RequestFactory().get("/bench/ceiling"))
    assert (response.status_code, response.content) == (200, b"ok")


def test_minimal_page_lists_the_newest_twenty_public_clippings_in_one_query(db):
    day = datetime.date(2016, 1, 1)
    for n in range(22):
        ArticleFactory(title=f"Public {n:02d}", published_on=day + datetime.timedelta(days=n))
    ArticleFactory(
        title="Draft", status=Article.Status.DRAFT, published_on=datetime.date(2020, 1, 1)
    )
    with CaptureQueriesContext(connection) as queries:
        response = reference.minimal(RequestFactory().get("/bench/minimal"))
    page = response.content.decode()
    assert len(queries) == 1
    assert page.count("<li>") == 20
    assert "Public 21" in page and "Public 02" in page and "Public 01" not in page
    assert "Draft" not in page
    assert "Jan. 22, 2016" in page


def burn(seconds: float, then_wait: bool = False) -> list[str]:
    """A Python command that uses `seconds` of CPU, then waits for its input to close."""
    code = (
        f"import sys, time\nend = time.process_time() + {seconds}\n"
        "while time.process_time() < end: pass\n"
    )
    if then_wait:
        code += "sys.stdin.read()\n"
    return [sys.executable, "-c", code]


def test_cpu_snapshot_counts_the_site_and_the_finished_children():
    # Standing in for the gunicorn master: a process of ours that has used some CPU.
    site = subprocess.Popen(burn(0.3, then_wait=True), stdin=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 20
        while load.cpu_snapshot(site.pid)["app"] < 0.25:
            assert time.monotonic() < deadline, "the stand-in never used its CPU"
            time.sleep(0.05)
        before = load.cpu_snapshot(site.pid)
        # Standing in for wrk: a child that has finished.
        subprocess.run(burn(0.2), check=True)
        after = load.cpu_snapshot(site.pid)
    finally:
        site.communicate(b"")
    assert 0.25 <= before["app"] <= after["app"] < 1.0
    assert after["wrk"] - before["wrk"] >= 0.15
    assert set(after) == {"app", "db", "wrk", "processes"}
    assert after["processes"][site.pid] == ("app", after["app"])
    per_request = load.cpu_per_request(before, after, requests=100)
    assert per_request["wrk"] >= 1.5  # at least 0.15 s over 100 requests
    assert load.cpu_per_request(before, after, requests=0) == {}


def test_a_process_that_ends_between_snapshots_is_not_subtracted():
    """An autovacuum worker that used 2 s and then ended must not make the database's use
    negative: the other database process used 0.5 s, and that is what counts."""
    before = {
        "app": 1.0,
        "db": 5.0,
        "wrk": 0.0,
        "processes": {10: ("app", 1.0), 20: ("db", 3.0), 30: ("db", 2.0)},
    }
    after = {
        "app": 1.5,
        "db": 3.6,
        "wrk": 0.1,
        "processes": {10: ("app", 1.5), 20: ("db", 3.5), 40: ("db", 0.1)},
    }
    per_request = load.cpu_per_request(before, after, requests=100)
    assert per_request == pytest.approx({"app": 5.0, "db": 6.0, "wrk": 1.0})


def test_cpu_table_compares_each_page_with_the_minimal_page():
    def row(label: str, app: float, db: float, wrk: float) -> load.Row:
        result = load.Result(cpu_ms={"app": app, "db": db, "wrk": wrk})
        return load.Row(load.Page(label, "/"), uncached=result)

    minimal = row("minimal", 3.0, 0.5, 0.5)
    table = load.cpu_table([minimal], [row("home", 4.5, 1.0, 0.5)], minimal.uncached)
    lines = table.splitlines()
    assert lines[2] == "| minimal | 3.00 | 0.50 | 0.50 | 4.00 | 1.00 |"
    assert lines[3] == "| home | 4.50 | 1.00 | 0.50 | 6.00 | 1.50 |"


class _Answer(http.server.BaseHTTPRequestHandler):
    """A page that answers at once, and a missing one."""

    def do_GET(self):
        status = 200 if self.path.startswith("/page") else 404
        self.send_response(status)
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"ok")

    def log_message(self, *args):
        pass


@pytest.fixture
def tiny_server():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Answer)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


def test_readers_pause_between_requests_and_leave_the_pause_out(tiny_server):
    """Two readers pausing 100 ms on average for 2 s make about forty requests (thousands
    without the pause), and a request that answers at once is timed well under the pause."""
    result = load.readers(f"{tiny_server}/page?q=x", duration=2, count=2, think_ms=100)
    assert result.errors == 0
    assert 10 <= result.requests <= 90
    assert result.p50_ms < 50
    assert result.rps == result.requests / 2
    assert result.paced


def test_readers_count_what_does_not_answer_200_as_errors(tiny_server):
    result = load.readers(f"{tiny_server}/missing", duration=1, count=2, think_ms=50)
    assert result.requests > 0
    assert result.errors == result.requests


def test_after_write_times_a_page_warm_then_after_the_generation_moves(client, db, settings):
    settings.COLLECTION_CACHE_SECONDS = 300
    ArticleFactory()
    before = cache.generation()
    timing = after_write.after_write(client, "/topics/")
    assert cache.generation() > before
    assert timing.path == "/topics/"
    assert min(timing.warm_ms, timing.first_ms, timing.second_ms) > 0


def test_after_write_stops_on_a_page_that_does_not_answer(client, db):
    with pytest.raises(SystemExit, match="/no-such-page/ answered 404"):
        after_write.after_write(client, "/no-such-page/")


def test_paced_rates_are_not_compared_with_the_ceiling():
    ceiling = load.Result(rps=1000)
    assert load.percent(load.Result(rps=100), ceiling) == "10.0 %"
    assert load.percent(load.Result(rps=100, paced=True), ceiling) == ""


def test_gc_pauses_times_full_collections_and_leaves_the_process_unfrozen():
    def get(path: str) -> None:
        # A request in which a full collection runs.
        gc.collect()

    for frozen in (False, True):
        result = gc_pauses.measure(get, "/x", requests=40, frozen=frozen, pause_ms=0)
        assert len(result.latencies_ms) == len(result.spans) == 40
        assert len(result.full_collections) >= 40
        assert result.longest_full_ms > 0
        assert gc.get_freeze_count() == 0
        hit, count = result.slowest_with_full_collection()
        assert (hit, count) == (1, 1)
        assert gc_pauses.report_line("/x", result).startswith(
            f"| /x | {'frozen' if frozen else 'as Python leaves it'} |"
        )


def test_gc_pauses_counts_the_slowest_requests_a_full_collection_fell_in():
    result = gc_pauses.Pauses(frozen=False)
    result.spans = [(float(n), n + 0.01) for n in range(199)] + [(500.0, 501.0)]
    result.full_collections = [(500.2, 500.7, 500.0), (3.001, 3.002, 1.0)]
    assert result.slowest_with_full_collection() == (1, 2)
    assert result.percentile(0.99) == pytest.approx(10.0)
    assert result.longest_full_ms == 500.0


def test_gc_pauses_serves_pages_through_the_wsgi_handler(db):
    ArticleFactory(title="Fisheries talks resume")
    get = gc_pauses.wsgi_get()
    # The handler closes the connection around each request; the test's transaction is on it.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        assert b"Fisheries talks resume" in get("/articles/")
        with pytest.raises(SystemExit, match="/no-such-page/ answered 404"):
            get("/no-such-page/")
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
