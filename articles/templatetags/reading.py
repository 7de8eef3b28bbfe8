"""Small filters for the reading pages."""

from django import template

register = template.Library()


@register.filter
def web_url(value: str) -> str:
    """The address if it is an http(s) URL, else "": imports can bypass the admin's checks,
    and a javascript: link in a public page must never be clickable."""
    text = (value or "").strip()
    return text if text.lower().startswith(("https://", "http://")) else ""
