"""{% canonical_url as url %}: the address search engines should index for this page."""

from __future__ import annotations

from urllib.parse import urlencode

from django import template

register = template.Library()

# Query parameters that make a different page, by URL name; every other one is dropped.
# Keyset cursors are kept everywhere: each page of a long list is its own page, not a copy
# of the first. Filters count on the lists whose address carries them.
_PAGING = ("before", "after")
_FILTERS = ("q", "outlet", "topic", "from", "to", "kind", "edition")
_KEPT = {
    "article-list": (*_FILTERS, *_PAGING, "sort", "page"),
    "search": (*_FILTERS, *_PAGING, "sort", "page"),
    "compare": ("topic", "from", "to"),
    "outlet-detail": _PAGING,
    "topic-detail": _PAGING,
}


@register.simple_tag(takes_context=True)
def canonical_url(context: template.Context) -> str:
    """The absolute address of this page without tracking or reordered parameters, or "" on
    the error pages, which have none."""
    request = context.get("request")
    # No match means the address resolved to nothing: a 404 page has no canonical address.
    match = getattr(request, "resolver_match", None)
    if match is None:
        return ""
    kept = _KEPT.get(match.url_name, ())
    params = [
        (name, value)
        for name in kept
        for value in sorted(set(request.GET.getlist(name)))
        if value.strip()
    ]
    query = f"?{urlencode(params)}" if params else ""
    return request.build_absolute_uri(request.path) + query
