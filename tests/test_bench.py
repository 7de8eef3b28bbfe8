"""The benchmark's reference pages (bench/reference.py), routed only when it starts the site."""

import datetime

from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from articles.models import Article
from bench import reference
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
