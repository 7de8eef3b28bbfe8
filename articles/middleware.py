"""Request plumbing: database outages, oversized bodies and the client's address behind proxies.

An unreachable database is an outage, not a bug: readers get a short 503 page that asks them
to come back, with `Retry-After`, instead of the 500 page and a logged traceback per request.
The page is rendered from a self-contained template so that showing it needs no database.
"""

from __future__ import annotations

import ipaddress
import logging
from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.db import InterfaceError, OperationalError, connections
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils.cache import add_never_cache_headers

logger = logging.getLogger(__name__)

# What a driver raises when it cannot reach the server or the connection died under it.
DATABASE_ERRORS = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30


def database_unavailable() -> HttpResponse:
    """The 503 page readers see while the database is away."""
    response = HttpResponse(render_to_string("503.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    # A proxy or browser that kept this page would go on showing it after the recovery.
    add_never_cache_headers(response)
    return response


def drop_broken_connections() -> None:
    """Close connections that no longer work, so the next request opens a fresh one.

    Django does this itself when a request ends, for connections that saw an error; doing it
    here as well covers connections that failed before their first query. A connection inside
    a transaction is left alone: closing it would break the transaction's owner.
    """
    for connection in connections.all(initialized_only=True):
        if (
            connection.connection is not None
            and not connection.in_atomic_block
            and not connection.is_usable()
        ):
            connection.close()


class DatabaseUnavailableMiddleware:
    """Answer 503 when the database cannot be reached; refuse oversized bodies with 400."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > settings.MAX_REQUEST_BODY_SIZE:
            # Django caps form fields itself but reads uploaded files whatever their size.
            raise RequestDataTooBig("Request body exceeded settings.MAX_REQUEST_BODY_SIZE.")
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        # Django calls this for errors raised by the view and by a TemplateResponse rendered
        # after it, which is where a lazy queryset usually meets the database.
        if not isinstance(exception, DATABASE_ERRORS):
            return None
        logger.warning("Database unavailable while serving %s: %s", request.path, exception)
        drop_broken_connections()
        return database_unavailable()


def client_ip(request: HttpRequest) -> str | None:
    """The address a request came from, as the first of our own proxies saw it.

    django-axes locks out by username and this address. Each of the TRUSTED_PROXY_COUNT
    proxies appends the address it saw to X-Forwarded-For; entries further left were written
    by the client and prove nothing.
    """
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies > 0:
        forwarded = [
            entry.strip()
            for entry in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if entry.strip()
        ]
        if len(forwarded) >= proxies:
            candidate = forwarded[-proxies]
            try:
                return str(ipaddress.ip_address(candidate))
            except ValueError:
                # A miscounted proxy chain hands us client-written text; never store that.
                logger.warning("X-Forwarded-For entry %r is not an address", candidate)
    return request.META.get("REMOTE_ADDR")
