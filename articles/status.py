"""How the site is doing: the health check for load balancers, and the last-resort error page."""

from __future__ import annotations

import logging
import sys

from django.conf import settings
from django.db import connections
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views import defaults
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from .middleware import DATABASE_ERRORS, database_unavailable, drop_broken_connections

logger = logging.getLogger(__name__)


def database_state(alias: str) -> str:
    try:
        with connections[alias].cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DATABASE_ERRORS as error:
        logger.warning("Health check: database %r unavailable: %s", alias, error)
        drop_broken_connections()
        return "unavailable"
    return "ok"


@require_safe
@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    """200 when the site can serve pages, 503 when a database it reads from is unreachable.

    It touches neither the session nor the cache, so probes leave no trace and see the truth.
    """
    report = {"database": database_state("default")}
    if "replica" in settings.DATABASES:
        report["replica"] = database_state("replica")
    healthy = all(state == "ok" for state in report.values())
    return JsonResponse(
        {"status": "ok" if healthy else "unavailable", **report}, status=200 if healthy else 503
    )


def server_error(request: HttpRequest) -> HttpResponse:
    """handler500: a database error raised outside any view (in a middleware) is an outage too.

    Django calls this while it is handling the exception, so sys.exc_info() names it.
    """
    if isinstance(sys.exc_info()[1], DATABASE_ERRORS):
        drop_broken_connections()
        return database_unavailable()
    return defaults.server_error(request)
