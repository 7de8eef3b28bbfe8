"""The benchmark's reference pages (bench/reference.py), routed only when it starts the site,
and the load benchmark's CPU accounting (bench/load.py)."""

import datetime
import subprocess
import sys
import time

from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from articles.models import Article
from bench import load, reference
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
    assert set(after) == {"app", "db", "wrk"}
    per_request = load.cpu_per_request(before, after, requests=100)
    assert per_request["wrk"] >= 1.5  # at least 0.15 s over 100 requests
    assert load.cpu_per_request(before, after, requests=0) == {}


def test_cpu_table_compares_each_page_with_the_minimal_page():
    def row(label: str, app: float, db: float, wrk: float) -> load.Row:
        result = load.Result(cpu_ms={"app": app, "db": db, "wrk": wrk})
        return load.Row(load.Page(label, "/"), uncached=result)

    minimal = row("minimal", 3.0, 0.5, 0.5)
    table = load.cpu_table([minimal], [row("home", 4.5, 1.0, 0.5)], minimal.uncached)
    lines = table.splitlines()
    assert lines[2] == "| minimal | 3.00 | 0.50 | 0.50 | 4.00 | 1.00 |"
    assert lines[3] == "| home | 4.50 | 1.00 | 0.50 | 6.00 | 1.50 |"
