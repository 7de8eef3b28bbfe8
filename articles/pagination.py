"""Keyset ("cursor") pagination for newest-first clipping lists.

Lists will hold a million rows, so a page never counts the list and never skips rows with a
deep OFFSET. A page is found from the (published_on, id) key of the row next to it, which the
`article_newest_idx` index answers directly. Links look like `?before=2015-11-10.1234` (older
than that row) and `?after=2015-11-10.1234` (newer than it).

A malformed cursor is a 404: it can only come from a hand-edited address, and answering with
the first page would hand out a second URL for the same content.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest

from .models import Article

BEFORE = "before"
AFTER = "after"

_CURSOR_RE = re.compile(r"(\d{4}-\d{2}-\d{2})\.(\d{1,19})")
# Larger ids cannot exist in a bigint column, and PostgreSQL rejects them outright.
_MAX_ID = 2**63 - 1


@dataclass(frozen=True)
class Cursor:
    """The sort key of one row: its source date and id."""

    published_on: datetime.date
    pk: int

    @classmethod
    def parse(cls, raw: str) -> Cursor:
        """Read "YYYY-MM-DD.ID"; raise ValueError for anything else."""
        match = _CURSOR_RE.fullmatch(raw)
        if match is None:
            raise ValueError(f"not a cursor: {raw!r}")
        day = datetime.date.fromisoformat(match[1])
        pk = int(match[2])
        if not 0 < pk <= _MAX_ID:
            raise ValueError(f"id out of range: {pk}")
        return cls(day, pk)

    @classmethod
    def of(cls, article: Article) -> Cursor:
        return cls(article.published_on, article.pk)

    def __str__(self) -> str:
        return f"{self.published_on.isoformat()}.{self.pk}"

    def older(self) -> Q:
        """Rows after this one in newest-first order."""
        day = self.published_on
        # The date bound outside the OR lets PostgreSQL start its index scan at the cursor
        # instead of walking from the newest row: 600 ms deep into a million clippings.
        return Q(published_on__lte=day) & (
            Q(published_on__lt=day) | Q(published_on=day, pk__lt=self.pk)
        )

    def newer(self) -> Q:
        """Rows before this one in newest-first order."""
        day = self.published_on
        # As in older(): the bound outside the OR is what the index scan starts from.
        return Q(published_on__gte=day) & (
            Q(published_on__gt=day) | Q(published_on=day, pk__gt=self.pk)
        )


@dataclass(frozen=True)
class KeysetPage:
    """One page of a newest-first list and the cursors of its neighbours."""

    items: Sequence[Article]
    newer_cursor: str | None
    older_cursor: str | None
    is_first: bool

    @property
    def past_end(self) -> bool:
        """A cursor led past either end of the list: the template says so."""
        return not self.items and not self.is_first

    @property
    def has_other_pages(self) -> bool:
        return bool(self.newer_cursor or self.older_cursor)


def _cursor_param(request: HttpRequest) -> tuple[str, Cursor] | None:
    present = [name for name in (BEFORE, AFTER) if name in request.GET]
    if not present:
        return None
    if len(present) > 1:
        raise Http404("A page has either an older or a newer cursor, not both.")
    name = present[0]
    values = request.GET.getlist(name)
    if len(values) != 1:
        raise Http404("A page has one cursor.")
    try:
        return name, Cursor.parse(values[0])
    except ValueError as error:
        raise Http404("Malformed page cursor.") from error


def paginate(
    request: HttpRequest, queryset: QuerySet[Article], per_page: int | None = None
) -> KeysetPage:
    """Cut one newest-first page out of `queryset` according to the request's cursor."""
    size = per_page or settings.ARTICLES_PER_PAGE
    newest_first = queryset.order_by("-published_on", "-pk")
    param = _cursor_param(request)

    if param is None:
        # One extra row tells whether an older page exists, without counting.
        rows = list(newest_first[: size + 1])
        items = rows[:size]
        older = str(Cursor.of(items[-1])) if len(rows) > size else None
        return KeysetPage(items, newer_cursor=None, older_cursor=older, is_first=True)

    name, cursor = param
    if name == BEFORE:
        rows = list(newest_first.filter(cursor.older())[: size + 1])
        items = rows[:size]
        has_older = len(rows) > size
        has_newer = bool(items) and newest_first.filter(Cursor.of(items[0]).newer()).exists()
    else:
        rows = list(queryset.order_by("published_on", "pk").filter(cursor.newer())[: size + 1])
        items = rows[:size][::-1]
        has_newer = len(rows) > size
        has_older = bool(items) and newest_first.filter(Cursor.of(items[-1]).older()).exists()

    return KeysetPage(
        items,
        newer_cursor=str(Cursor.of(items[0])) if has_newer else None,
        older_cursor=str(Cursor.of(items[-1])) if has_older else None,
        is_first=False,
    )
