"""The guard every way of serving the site passes first (WSGI, ASGI, and so `runserver`)."""

from django.conf import settings
from django.core import checks
from django.core.exceptions import ImproperlyConfigured


def require_complete_configuration() -> None:
    """Refuse to serve while production settings lack what they need, saying what to set."""
    missing = getattr(settings, "MISSING_CONFIGURATION", [])
    if missing:
        raise ImproperlyConfigured(" ".join(missing))


def check_complete_configuration(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    """`check --deploy` reports the same gaps that stop the site from serving."""
    return [
        checks.Error(message, id="readingroom.E001")
        for message in getattr(settings, "MISSING_CONFIGURATION", [])
    ]
