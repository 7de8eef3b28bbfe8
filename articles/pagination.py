"""Keyset ("cursor") pagination for clipping lists, newest or oldest first.

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
    """One page of a list and the cursors of its neighbours."""

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


def cursor_param(request: HttpRequest) -> tuple[str, Cursor] | None:
    """The request's `before=` or `after=` cursor as (name, cursor), or None on a first page."""
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
    request: HttpRequest,
    queryset: QuerySet[Article],
    per_page: int | None = None,
    *,
    oldest_first: bool = False,
) -> KeysetPage:
    """Cut one page out of `queryset` according to the request's cursor.

    Newest first by default; with `oldest_first` the page reads the other way, and `after=`
    then pages forward. `newer_cursor` and `older_cursor` keep their meaning either way, so
    the links read the same.
    """
    size = per_page or settings.ARTICLES_PER_PAGE
    newest, oldest = (
        queryset.order_by("-published_on", "-pk"),
        queryset.order_by("published_on", "pk"),
    )
    if oldest_first:
        reading, backwards, forward = oldest, newest, AFTER
        ahead, behind = Cursor.newer, Cursor.older
    else:
        reading, backwards, forward = newest, oldest, BEFORE
        ahead, behind = Cursor.older, Cursor.newer

    param = cursor_param(request)
    if param is None:
        # One extra row tells whether a next page exists, without counting.
        rows = list(reading[: size + 1])
        items = rows[:size]
        has_ahead, has_behind = len(rows) > size, False
    elif param[0] == forward:
        rows = list(reading.filter(ahead(param[1]))[: size + 1])
        items = rows[:size]
        has_ahead = len(rows) > size
        has_behind = bool(items) and reading.filter(behind(Cursor.of(items[0]))).exists()
    else:
        rows = list(backwards.filter(behind(param[1]))[: size + 1])
        items = rows[:size][::-1]
        has_behind = len(rows) > size
        has_ahead = bool(items) and reading.filter(ahead(Cursor.of(items[-1]))).exists()

    ahead_cursor = str(Cursor.of(items[-1])) if has_ahead else None
    behind_cursor = str(Cursor.of(items[0])) if has_behind else None
    if oldest_first:
        newer, older = ahead_cursor, behind_cursor
    else:
        newer, older = behind_cursor, ahead_cursor
    return KeysetPage(items, newer_cursor=newer, older_cursor=older, is_first=param is None)
