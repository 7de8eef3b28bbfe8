"""The two reference pages bench/load.py measures next to the site's own, routed at /bench/ only
when READINGROOM_BENCH=1 (the benchmark sets it; production never does).

- `/bench/ceiling`: the cheapest response through the same server and middleware as every
  page. Each page's throughput is reported as a share of it.
- `/bench/minimal`: a minimal Django page, the newest 20 public clippings with their outlets in
  one query and a template of a few lines. It shows what the stack gives any real page before
  the page does anything of its own; the scale issue's browse target (10 % of the ceiling) was
  set from such a page reaching 11 % on this machine.
"""

from django.http import HttpRequest, HttpResponse
from django.template import engines
from django.urls import path

from articles.models import Article

MINIMAL = engines["django"].from_string(
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Latest</title></head>'
    "<body><ul>{% for article in articles %}"
    '<li><a href="{{ article.get_absolute_url }}">{{ article.title }}</a> '
    '{{ article.outlet.name }}, {{ article.published_on|date:"N j, Y" }}</li>'
    "{% endfor %}</ul></body></html>"
)


def ceiling(request: HttpRequest) -> HttpResponse:
    return HttpResponse(b"ok")


def minimal(request: HttpRequest) -> HttpResponse:
    articles = (
        Article.objects.published().select_related("outlet").order_by("-published_on", "-pk")[:20]
    )
    return HttpResponse(MINIMAL.render({"articles": articles}, request))


urlpatterns = [
    path("ceiling", ceiling),
    path("minimal", minimal),
]
