"""Whatever a visitor types into the address bar, a public URL never answers with a 5xx.

The URL patterns are read from the URLconf, so a page added later is fuzzed without anyone
editing this file; so are the query parameters its forms and filter sets declare.
"""

import datetime
import inspect
import re
from urllib.parse import quote, urlencode

import pytest
from django import forms
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import RegexPattern, RoutePattern
from django_filters import FilterSet
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

import articles.filters
import articles.pagination
import articles.views
from articles.models import Article

from .factories import ArticleFactory, OutletFactory, TagFactory

D = datetime.date


def public_patterns() -> list[tuple[str, list]]:
    """(name, chain of patterns) for every URL outside the admin, found in the URLconf."""
    found = []

    def walk(entries, chain, namespace):
        for entry in entries:
            if isinstance(entry, URLResolver):
                if entry.app_name == "admin":
                    continue
                walk(entry.url_patterns, [*chain, entry.pattern], entry.namespace or namespace)
            elif isinstance(entry, URLPattern):
                name = f"{namespace}:{entry.name}" if namespace else str(entry.name)
                found.append((name, [*chain, entry.pattern]))

    walk(get_resolver().url_patterns, [], "")
    return found


def declared_query_names() -> set[str]:
    """Every query parameter the public views' forms and filter sets declare."""
    names = {articles.pagination.BEFORE, articles.pagination.AFTER, "q", "page", "p", "format"}
    for module in (articles.views, articles.filters):
        for _, value in inspect.getmembers(module, inspect.isclass):
            if issubclass(value, FilterSet):
                names.update(value.base_filters)
            elif issubclass(value, forms.BaseForm):
                names.update(value.base_fields)
    return names


PATTERNS = public_patterns()
QUERY_NAMES = sorted(declared_query_names())
ROUTE_PARAMETER = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<name>[^>]+)>")

# Values that have broken date, number and text handling somewhere before.
NASTY = [
    "",
    "0",
    "-1",
    "99999999999999999999999999",
    "1e309",
    "NaN",
    "2015-02-30",
    "0000-00-00",
    "9999-12-31",
    "2015-11-10T25:61",
    "%00",
    "%ff%fe",
    "%zz",
    "\x00",
    "\ud7ff\uffff",
    "'; DROP TABLE articles_article; --",
    '"><script>alert(1)</script>',
    "../../etc/passwd",
    "a" * 2000,
    "sankei",
    "security",
    " ",
    "+",
    "&",
    "=",
]
any_text = st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=40)
raw_text = st.one_of(st.sampled_from(NASTY), any_text)


def encoded(text: str, mangle: bool) -> str:
    """Percent-encode text for a URL, or (mangle) leave percent signs as typed."""
    return quote(text, safe="%" if mangle else "")


def parameter_names(chain: list) -> set[str]:
    return {
        match["name"]
        for pattern in chain
        if isinstance(pattern, RoutePattern)
        for match in ROUTE_PARAMETER.finditer(str(pattern))
    }


@st.composite
def url_for(draw, chain: list, known: dict) -> str:
    # Half the time the path names something that exists (a clipping's id with its slug, a
    # day with clippings), so that the query string is fuzzed against real pages too.
    matching = [values for values in known["paths"] if set(values) == parameter_names(chain)]
    real = draw(st.one_of(st.none(), st.sampled_from(matching))) if matching else None
    parts = []
    for pattern in chain:
        if isinstance(pattern, RoutePattern):
            route = str(pattern)
            pieces = []
            position = 0
            for match in ROUTE_PARAMETER.finditer(route):
                pieces.append(route[position : match.start()])
                converter = pattern.converters[match["name"]]
                if real is not None:
                    pieces.append(str(real[match["name"]]))
                    position = match.end()
                    continue
                value = draw(
                    st.one_of(
                        st.sampled_from(known.get(match["name"]) or [""]),
                        st.from_regex(converter.regex, fullmatch=True),
                        raw_text,
                    )
                )
                pieces.append(encoded(str(value), mangle=draw(st.booleans())))
                position = match.end()
            pieces.append(route[position:])
            parts.append("".join(pieces))
        elif isinstance(pattern, RegexPattern):
            parts.append(draw(st.from_regex(pattern.regex, fullmatch=True)))
        else:  # pragma: no cover - Django has no other kind
            raise AssertionError(f"unknown pattern type {pattern!r}")
    path = "/" + "".join(parts)
    if draw(st.integers(0, 9)) == 0:
        # Paths a visitor edits by hand: a missing or doubled slash, junk appended.
        path = draw(st.sampled_from([path.rstrip("/"), path + "/", path + "x", "/" + path]))
    pairs = draw(
        st.lists(
            st.tuples(
                st.one_of(st.sampled_from(QUERY_NAMES), any_text),
                st.one_of(st.sampled_from(known["query"]), raw_text),
            ),
            max_size=6,
        )
    )
    if not pairs:
        return path
    if draw(st.booleans()):
        return path + "?" + urlencode(pairs)
    # As typed, not as a browser would encode it: raw percent signs, bare names.
    return path + "?" + "&".join(f"{encoded(k, True)}={encoded(v, True)}" for k, v in pairs)


@pytest.fixture
def world(db):
    """A little of everything, so that generated URLs also hit real clippings and pages."""
    sankei = OutletFactory(name="Sankei", slug="sankei")
    kyodo = OutletFactory(name="Kyodo", slug="kyodo", kind="wire")
    security = TagFactory(name="Security", slug="security")
    okinawa = TagFactory(name="Okinawa", slug="okinawa", parent=security)
    clippings = [
        ArticleFactory(outlet=sankei, published_on=D(2015, 11, 10), tags=[security]),
        ArticleFactory(outlet=kyodo, published_on=D(2015, 11, 12), tags=[okinawa], kind="summary"),
        ArticleFactory(outlet=kyodo, published_on=D(2016, 1, 5), edition="evening"),
        ArticleFactory(outlet=sankei, status=Article.Status.DRAFT),
    ]
    return {
        "paths": [
            *({"pk": a.pk, "slug": a.slug} for a in clippings),
            *({"slug": slug} for slug in ("sankei", "kyodo", "security", "okinawa")),
            {"year": "2015", "month": "11", "day": "10"},
            {"year": "2016", "month": "01"},
            {"year": "2015"},
            {"section": "articles"},
            {"section": "days"},
        ],
        "slug": ["sankei", "kyodo", "security", "okinawa", *(a.slug for a in clippings)],
        "pk": [str(a.pk) for a in clippings],
        "year": ["2015", "2016"],
        "month": ["11", "01"],
        "day": ["10", "12", "05"],
        "section": ["pages", "articles", "outlets", "topics", "days"],
        "query": [
            "sankei",
            "kyodo",
            "security",
            "okinawa",
            "2015-11-10",
            "2016-01-05",
            "summary",
            "evening",
            "abe",
            "2015-11-10.1",
        ],
    }


def test_the_fuzzer_knows_the_public_pages():
    """The discovery works: the pages we know of are found, and the admin is left out."""
    names = {name for name, _ in PATTERNS}
    assert {"articles:home", "articles:article-detail", "articles:archive-day"} <= names
    assert not any(name.startswith("admin:") for name in names)
    assert {"outlet", "topic", "from", "to", "before", "after"} <= set(QUERY_NAMES)


FUZZ = hypothesis_settings(
    max_examples=75,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.mark.parametrize(("name", "chain"), PATTERNS, ids=[name for name, _ in PATTERNS])
def test_no_generated_request_is_a_server_error(client, world, name, chain):
    @FUZZ
    @given(url=url_for(chain, world), method=st.sampled_from(["get", "get", "get", "head"]))
    def check(url, method):
        response = getattr(client, method)(url)
        assert response.status_code < 500, f"{method.upper()} {url} -> {response.status_code}"

    check()
