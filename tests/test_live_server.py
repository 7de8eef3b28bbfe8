"""The live server the browser tests use answers readers while the test itself writes.

The browser tests drive Chromium against pytest-django's `live_server`, whose request threads
run beside the test. They must never share the test's database connection (tests/conftest.py
says why): pages asked for while a test holds a write transaction open still answer 200.
"""

import concurrent.futures
import urllib.request

from django.core.management import call_command
from django.db import transaction
from django.urls import reverse

from articles.models import Article


def test_pages_answer_while_the_test_holds_a_write_transaction(live_server):
    call_command("load_demo", verbosity=0)
    article = Article.objects.published().select_related("outlet").first()
    topic = article.tags.first()
    paths = [
        reverse("articles:home"),
        reverse("articles:archive"),
        article.get_absolute_url(),
        article.outlet.get_absolute_url(),
        topic.get_absolute_url(),
        f"{reverse('articles:search')}?q=Japan",
    ] * 4

    def status(path: str) -> int:
        with urllib.request.urlopen(live_server.url + path, timeout=60) as response:
            return response.status

    with transaction.atomic():
        Article.objects.filter(pk=article.pk).update(page="99")
        with concurrent.futures.ThreadPoolExecutor(max_workers=8) as pool:
            statuses = list(pool.map(status, paths))
    assert statuses == [200] * len(paths)
