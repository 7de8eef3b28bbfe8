"""The clipping parser: raw text of one translated press clipping in, structured fields out.

Pure standard library on purpose, so the intake command, the admin preview and the tests can
all run it without Django. Every way a text can be wrong ends in `ClippingError`; nothing else
escapes `parse_clipping`, whatever string it is given.

A clipping is laid out in one of three ways:

* a headline, then a parenthesised source line, then the body::

      Japan coordinating for Abe-Putin meeting during APEC Summit in Manila
      (Sankei: November 10, 2015 – p. 5)

* a headline next to (above or below) a bulleted meta line::

      November 10, 2015 • Asahi p. 3 • Politics

* a headline, then a weekly-magazine citation in square brackets::

      [Shukan Shincho, 2022 7/25&8/1 issue, p. 30]

Web-page residue around the text (print/share buttons on top, navigation bullet lists and
"Back to Top" at the bottom) is dropped; body paragraphs are otherwise kept exactly as written.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

__all__ = [
    "EDITIONS",
    "EDITION_EVENING",
    "EDITION_MORNING",
    "EDITION_ONLINE",
    "EDITION_UNSPECIFIED",
    "EDITION_WEEKLY",
    "KINDS",
    "KIND_ABRIDGED",
    "KIND_COLUMN",
    "KIND_EDITORIAL",
    "KIND_FULL",
    "KIND_INTERVIEW",
    "KIND_OTHER",
    "KIND_SUMMARY",
    "ClippingError",
    "OutletDirectory",
    "ParsedClipping",
    "parse_clipping",
    "split_clippings",
]

# The values match the database choices on Article.edition and Article.kind.
EDITION_MORNING = "morning"
EDITION_EVENING = "evening"
EDITION_ONLINE = "online"
EDITION_WEEKLY = "weekly"
EDITION_UNSPECIFIED = "unspecified"
EDITIONS = (
    EDITION_MORNING,
    EDITION_EVENING,
    EDITION_ONLINE,
    EDITION_WEEKLY,
    EDITION_UNSPECIFIED,
)

KIND_FULL = "full"
KIND_ABRIDGED = "abridged"
KIND_SUMMARY = "summary"
KIND_EDITORIAL = "editorial"
KIND_INTERVIEW = "interview"
KIND_COLUMN = "column"
KIND_OTHER = "other"
KINDS = (
    KIND_FULL,
    KIND_ABRIDGED,
    KIND_SUMMARY,
    KIND_EDITORIAL,
    KIND_INTERVIEW,
    KIND_COLUMN,
    KIND_OTHER,
)

# Kinds that say what sort of piece it is; they outrank "abridged", which only says how much
# of it was translated.
_GENRE_KINDS = (KIND_EDITORIAL, KIND_INTERVIEW, KIND_COLUMN, KIND_SUMMARY)


class ClippingError(ValueError):
    """A clipping that cannot be read. `str()` is the message alone; `line` is 1-based or None.

    The line counts from the start of the text given to `parse_clipping`; for a chunk from
    `split_clippings` add the chunk's start line minus one to get the line in the file.
    """

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line

    def __reduce__(self) -> tuple[type[ClippingError], tuple[str, int | None]]:
        # Without this, unpickling (e.g. from a worker process) would drop the line number.
        return (type(self), (self.message, self.line))


@dataclass(frozen=True)
class ParsedClipping:
    """One clipping's fields.

    `source_line` is the source or meta line as found, trimmed of surrounding whitespace.
    `position` holds placement notes from the source line ("Top play", "lower") and, for a
    weekly magazine's combined issue, the issue label ("7/25&8/1 issue"): like "Top play" it
    narrows down where in the publication the piece ran, whereas `label` is kept for section
    or topic labels of the meta-line layout ("Politics") that a site may show or filter by.
    """

    title: str
    outlet: str
    other_outlets: tuple[str, ...]
    published_on: datetime.date
    page: str
    edition: str
    position: str
    kind: str
    body: str
    label: str
    source_line: str
    warnings: tuple[str, ...]

    def article_values(self) -> dict[str, object]:
        """The fields a clipping record takes straight from the text (the outlet is resolved
        separately, against the outlets the site knows)."""
        return {
            "title": self.title,
            "published_on": self.published_on,
            "page": self.page,
            "edition": self.edition,
            "position": self.position,
            "kind": self.kind,
            "body": self.body,
        }


# --- Text helpers --------------------------------------------------------------------------

# Zero-width characters that str.strip() leaves alone but that copied web text is full of.
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"


def _clean(text: str) -> str:
    """Trim whitespace (non-breaking and ideographic spaces included) and invisible marks."""
    while True:
        trimmed = text.strip().strip(_INVISIBLE)
        if trimmed == text:
            return trimmed
        text = trimmed


def _lines(text: str) -> list[str]:
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _shorten(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --- Vocabulary ------------------------------------------------------------------------------

_MONTHS = {
    "jan": 1,
    "january": 1,
    "feb": 2,
    "february": 2,
    "mar": 3,
    "march": 3,
    "apr": 4,
    "april": 4,
    "may": 5,
    "jun": 6,
    "june": 6,
    "jul": 7,
    "july": 7,
    "aug": 8,
    "august": 8,
    "sep": 9,
    "sept": 9,
    "september": 9,
    "oct": 10,
    "october": 10,
    "nov": 11,
    "november": 11,
    "dec": 12,
    "december": 12,
}
_MONTH_ALT = "|".join(sorted(_MONTHS, key=len, reverse=True))
_WEEKDAY = r"(?<![a-z])(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?(?![a-z])\.?"
_WEEKDAY_ONLY = re.compile(rf"[\s,.;]*(?:{_WEEKDAY})?[\s,.;]*", re.IGNORECASE)

_KIND_WORDS = (
    r"(?:(?:slightly|partially|partly)\s+)?abridged(?:\s+translation)?"
    r"|excerpts?|summary(?:\s+translation)?|summari[sz]ed"
    r"|editorial|interview|column|full\s+(?:text|translation)"
)
# A kind marker standing alone: "(Abridged)", "[Slightly abridged]", "Editorial".
_KIND_MARKER = re.compile(rf"[(\[]?\s*(?:{_KIND_WORDS})\s*[)\]]?\.?", re.IGNORECASE)
_BRACKETED_KIND = re.compile(rf"[(\[]\s*(?P<word>{_KIND_WORDS})\s*[)\]]", re.IGNORECASE)
_MARKERS_ONLY = re.compile(rf"(?:\s*[(\[]\s*(?:{_KIND_WORDS})\s*[)\]])*\s*\.?", re.IGNORECASE)
_TRAILING_KIND = re.compile(rf"\s*[(\[]\s*(?P<word>{_KIND_WORDS})\s*[)\]]\s*$", re.IGNORECASE)
_TITLE_GENRE = re.compile(
    r"(?:[(\[]\s*(?P<a>editorial|interview|column)\s*[)\]]"
    r"|(?P<b>editorial|interview|column)\s*[:：])",
    re.IGNORECASE,
)
_KIND_TOKEN = re.compile(rf"(?P<word>{_KIND_WORDS})(?![a-z])", re.IGNORECASE)


def _kind_of(word: str) -> str | None:
    folded = word.casefold()
    if "abridged" in folded or folded.startswith("excerpt"):
        return KIND_ABRIDGED
    for kind, stem in (
        (KIND_SUMMARY, "summar"),
        (KIND_EDITORIAL, "editorial"),
        (KIND_INTERVIEW, "interview"),
        (KIND_COLUMN, "column"),
        (KIND_FULL, "full"),
    ):
        if folded.startswith(stem):
            return kind
    return None


_EDITION_PHRASE = (
    r"(?:(?P<word>morning|evening|online|digital|web|internet|electronic|e-?paper)"
    r"(?:\s+(?:editions?|ed\b\.?|version))?"
    # Bare "weekly" belongs to names such as "Nikkei Weekly", so it needs "edition".
    r"|(?P<weekly>weekly)\s+(?:editions?|ed\b\.?))"
)
_EDITION_TOKEN = re.compile(rf"{_EDITION_PHRASE}(?![a-z])", re.IGNORECASE)
_EDITION_AT_END = re.compile(
    rf"(?:^|(?<=[\s,(]))\(?\s*{_EDITION_PHRASE}\s*\)?[\s.,)]*$", re.IGNORECASE
)


def _edition_of(match: re.Match[str]) -> str:
    if match.group("weekly"):
        return EDITION_WEEKLY
    word = (match.group("word") or "").casefold()
    if word == "morning":
        return EDITION_MORNING
    if word == "evening":
        return EDITION_EVENING
    return EDITION_ONLINE


def _split_edition(name: str) -> tuple[str, str | None]:
    """("Yomiuri evening edition") -> ("Yomiuri", "evening"); a bare edition gives ("", ...)."""
    match = _EDITION_AT_END.search(name)
    if match is None:
        return name, None
    return _clean(name[: match.start()]).rstrip(" ,(").strip(), _edition_of(match)


_PAGE = r"(?P<a>[0-9]{1,4})(?:\s*(?:[-–—~〜]|to\b)\s*(?P<b>[0-9]{1,4}))?(?![0-9])"
_PAGE_TOKEN = re.compile(rf"(?<![a-z0-9])(?:pp?|pgs?|pages?)\s*\.?\s*{_PAGE}", re.IGNORECASE)
_BARE_PAGE_TOKEN = re.compile(rf"{_PAGE}(?![a-z])", re.IGNORECASE)
_TOP_PLAY = re.compile(r"top[\s-]*play(?![a-z])", re.IGNORECASE)
_ISSUE_WORD = re.compile(r"issues?(?![a-z])", re.IGNORECASE)
_TAIL_SEPARATOR = re.compile(r"[\s,;:–—\-()\[\]]+")
_FREE_TEXT_END = re.compile(r"[,;()\[\]]|\s[–—-]\s|[–—]")
_POSITION_WORDS = _words(
    "top bottom upper lower left right center centre middle front page lead play"
)


def _page_of(match: re.Match[str]) -> str:
    first, last = match.group("a"), match.group("b")
    return f"{first}-{last}" if last else first


# Page furniture that web copies drag along. A line made only of these words is chrome;
# it must hold at least one of the telling ones, so a line such as "A" is not thrown away.
_CHROME_TELLING = _words(
    "print share tweet email e-mail facebook twitter linkedin reddit pinterest hatena "
    "pocket line bookmark bookmarks menu home top close save copy search login subscribe "
    "comments related tags advertisement ad ads font ↑ ▲ back next previous prev more"
)
_CHROME_FILLER = _words("to of a in this the page article articles link url size x")
_CHROME_SPLIT = re.compile(r"[\s|/•·,:]+")
_BULLETS = "•·‣◦▪●■"


def _is_chrome(line: str) -> bool:
    text = _clean(line)
    if not text or len(text) > 80:
        return False
    words = [word for word in _CHROME_SPLIT.split(text.casefold()) if word]
    if not words or len(words) > 8:
        return False
    allowed = _CHROME_TELLING | _CHROME_FILLER
    return all(word in allowed for word in words) and any(w in _CHROME_TELLING for w in words)


def _is_rule(line: str) -> bool:
    text = _clean(line)
    return bool(text) and all(ch in "-=_*~•·." or ch.isspace() for ch in text)


def _is_nav_bullet(line: str) -> bool:
    """A menu entry such as "  • Trending Japan": a bullet, then a few words, no sentence."""
    text = _clean(line)
    if not text or len(text) > 120:
        return False
    if text[0] in _BULLETS:
        rest = text[1:]
    elif text[0] in "*-–" and len(text) > 1 and text[1].isspace():
        rest = text[2:]
    else:
        return False
    for item in re.split(f"[{_BULLETS}]", rest):
        item = _clean(item)
        if not item:
            continue
        if len(item) > 40 or len(item.split()) > 5 or item[-1] in ".!?。:;,\"”’'":
            return False
    return True


def _is_bracketed_marker(line: str) -> bool:
    text = _clean(line)
    return bool(text) and text[0] in "([" and bool(_KIND_MARKER.fullmatch(text))


# --- Dates ---------------------------------------------------------------------------------


def _month_group(name: str) -> str:
    return rf"(?P<{name}>{_MONTH_ALT})(?![a-z])\.?"


_Y = r"(?P<year>[0-9]{4})(?![0-9])"
_DATE_PATTERNS = (
    # November 10, 2015 / Nov. 10 2015 / Sept. 3, 2016
    re.compile(
        rf"(?<![a-z]){_month_group('mon')}\s*(?P<day>[0-9]{{1,2}})(?:st|nd|rd|th)?(?![0-9])"
        rf"\s*,?\s*{_Y}",
        re.IGNORECASE,
    ),
    # 10 November 2015
    re.compile(
        rf"(?<![0-9])(?P<day>[0-9]{{1,2}})(?:st|nd|rd|th)?\s*{_month_group('mon')}\s*,?\s*{_Y}",
        re.IGNORECASE,
    ),
    # 2015-11-10 / 2015/11/10 / 2015.11.10
    re.compile(
        r"(?<![0-9])(?P<year>[0-9]{4})(?P<sep>[-/.])(?P<mon>[0-9]{1,2})(?P=sep)"
        r"(?P<day>[0-9]{1,2})(?![0-9])"
    ),
    # 11/10/2015, read the American way (month first), as the translations are.
    re.compile(r"(?<![0-9/])(?P<mon>[0-9]{1,2})/(?P<day>[0-9]{1,2})/" + _Y),
)
# A weekly's combined issue: "7/25&8/1/2022", "2022 7/25&8/1 issue", "July 25 & Aug. 1, 2022".
_AND = r"\s*(?:&|＆|\+|・|\band\b)\s*"
_ISSUE_PATTERNS = (
    re.compile(
        r"(?:(?<![0-9])(?P<y1>[0-9]{4})(?:[\s,]+|/))?"
        rf"(?<![0-9])(?P<m1>[0-9]{{1,2}})/(?P<d1>[0-9]{{1,2}}){_AND}"
        r"(?P<m2>[0-9]{1,2})/(?P<d2>[0-9]{1,2})(?:/(?P<y2>[0-9]{4}))?(?![0-9])"
        r"(?:\s*issues?(?![a-z]))?",
        re.IGNORECASE,
    ),
    re.compile(
        rf"(?<![a-z]){_month_group('m1')}\s*(?P<d1>[0-9]{{1,2}})(?![0-9])"
        rf"(?:{_AND}|\s*/\s*)(?:{_month_group('m2')}\s*)?(?P<d2>[0-9]{{1,2}})(?![0-9])"
        r"(?:\s*,?\s*(?P<y2>[0-9]{4})(?![0-9]))?(?:\s*issues?(?![a-z]))?",
        re.IGNORECASE,
    ),
)
_YEAR = re.compile(r"(?<![0-9])(?:19|20)[0-9]{2}(?![0-9])")


@dataclass(frozen=True)
class _DateHit:
    start: int
    end: int
    date: datetime.date
    issue_label: str = ""
    # Where a combined issue's year was found when it stood apart from the issue dates.
    year_span: tuple[int, int] | None = None


def _month_number(token: str | None) -> int | None:
    if token is None:
        return None
    if token.isdigit():
        return int(token)
    return _MONTHS.get(token.casefold())


def _usable(match: re.Match[str]) -> bool:
    """Month names matched case-insensitively can still be odd Unicode look-alikes."""
    names = match.re.groupindex
    return all(
        match.group(name) is None or _month_number(match.group(name)) is not None
        for name in ("mon", "m1", "m2")
        if name in names
    )


def _make_date(year: int, month: int, day: int, written: str, line: int | None) -> datetime.date:
    try:
        return datetime.date(year, month, day)
    except ValueError as error:
        raise ClippingError(f"impossible date {written!r}: {error}", line) from None


def _find_date(text: str, line: int | None, *, issues: bool = False) -> _DateHit | None:
    """The earliest (then longest) date in the text; an impossible one is an error."""
    best: tuple[tuple[int, int], re.Match[str]] | None = None
    for pattern in _DATE_PATTERNS + (_ISSUE_PATTERNS if issues else ()):
        for match in pattern.finditer(text):
            if _usable(match):
                key = (match.start(), match.start() - match.end())
                if best is None or key < best[0]:
                    best = (key, match)
                break
    if best is None:
        return None
    match = best[1]
    written = _clean(match.group(0))
    if "d1" in match.re.groupindex:
        return _issue_hit(match, text, written, line)
    date = _make_date(
        int(match.group("year")),
        _month_number(match.group("mon")) or 0,
        int(match.group("day")),
        written,
        line,
    )
    return _DateHit(match.start(), match.end(), date)


def _issue_hit(match: re.Match[str], text: str, written: str, line: int | None) -> _DateHit:
    first_month = _month_number(match.group("m1")) or 0
    first_day = int(match.group("d1"))
    second_month = _month_number(match.group("m2")) if match.group("m2") else first_month
    second_day = int(match.group("d2"))
    label = f"{first_month}/{first_day}&{second_month}/{second_day} issue"
    # Across New Year the two halves of a combined issue fall in different years.
    rolls_over = (second_month or 0) < first_month
    groups = match.groupdict()
    year_span = None
    if groups.get("y1"):
        first_year = int(groups["y1"])
    elif groups.get("y2"):
        first_year = int(groups["y2"]) - rolls_over
    else:
        outside = text[: match.start()] + " " * (match.end() - match.start()) + text[match.end() :]
        year = _YEAR.search(outside)
        if year is None:
            raise ClippingError(
                f"the combined issue {written!r} has no year: write it as e.g. "
                f"'{first_month}/{first_day}&{second_month}/{second_day}/2022'",
                line,
            )
        # A year written before the issue belongs to its first half, one after to its last.
        first_year = int(year.group(0)) - (rolls_over if year.start() > match.start() else 0)
        year_span = year.span()
    first = _make_date(first_year, first_month, first_day, written, line)
    _make_date(first_year + rolls_over, second_month or 0, second_day, written, line)
    return _DateHit(match.start(), match.end(), first, label, year_span)


# --- Source lines ----------------------------------------------------------------------------


@dataclass
class _Meta:
    """What a source or meta line says, gathered while reading it."""

    line: int
    layout: str
    raw: str = ""
    strict: bool = True
    outlets: list[str] = field(default_factory=list)
    published_on: datetime.date | None = None
    pages: list[str] = field(default_factory=list)
    editions: list[str] = field(default_factory=list)
    positions: list[str] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)


def _read_tail(text: str, meta: _Meta, free: str) -> None:
    """Page, edition, kind and position words after the date (or in a meta-line segment).

    Unrecognised text becomes a position note, or with free="label" a label unless it is made
    of placement words ("upper left").
    """
    pos, end = 0, len(text)
    while pos < end:
        separator = _TAIL_SEPARATOR.match(text, pos)
        if separator:
            pos = separator.end()
            continue
        if match := _PAGE_TOKEN.match(text, pos) or _BARE_PAGE_TOKEN.match(text, pos):
            meta.pages.append(_page_of(match))
        elif match := _TOP_PLAY.match(text, pos):
            meta.positions.append("Top play")
        elif match := _EDITION_TOKEN.match(text, pos):
            meta.editions.append(_edition_of(match))
        elif match := _KIND_TOKEN.match(text, pos):
            kind = _kind_of(match.group("word"))
            if kind:
                meta.kinds.append(kind)
        elif match := _ISSUE_WORD.match(text, pos):
            pass
        else:
            stop = _FREE_TEXT_END.search(text, pos + 1)
            stop_at = stop.start() if stop else end
            fragment = _clean(text[pos:stop_at])
            if fragment:
                words = set(fragment.casefold().replace("-", " ").split())
                if free == "label" and not words <= _POSITION_WORDS:
                    meta.labels.append(fragment)
                else:
                    meta.positions.append(fragment)
            pos = max(stop_at, pos + 1)
            continue
        pos = max(match.end(), pos + 1)


_OUTLET_SPLIT = re.compile(r"\s*[,;、]\s*|\s+and\s+|\s*&\s*", re.IGNORECASE)


def _read_outlets(text: str, meta: _Meta) -> None:
    """Outlet names; edition words, page and kind words met on the way are recorded as such."""
    for raw_piece in _OUTLET_SPLIT.split(text):
        piece = _clean(_clean(raw_piece).strip(",;:–—-"))
        if not piece:
            continue
        name, edition = _split_edition(piece)
        if edition:
            meta.editions.append(edition)
        if not name:
            continue
        if _KIND_MARKER.fullmatch(name):
            kind = _kind_of(name.strip("()[]. "))
            if kind:
                meta.kinds.append(kind)
        elif _TOP_PLAY.fullmatch(name):
            meta.positions.append("Top play")
        elif page := _PAGE_TOKEN.fullmatch(name):
            meta.pages.append(_page_of(page))
        else:
            meta.outlets.append(name)


def _enclosed(text: str, opening: str, closing: str) -> tuple[str, str] | None:
    """("(a (b) c) rest", "(", ")") -> ("a (b) c", " rest"); None if not so enclosed."""
    if not text.startswith(opening):
        return None
    depth = 0
    for index, char in enumerate(text):
        if char == opening:
            depth += 1
        elif char == closing:
            depth -= 1
            if depth == 0:
                return text[1:index], text[index + 1 :]
    return None


def _enclosed_candidate(text: str, opening: str, closing: str) -> tuple[str, str] | None:
    split = _enclosed(text, opening, closing)
    if split is None:
        return None
    inner, rest = split
    if not _MARKERS_ONLY.fullmatch(rest) or _KIND_MARKER.fullmatch(_clean(inner)):
        return None
    if len(inner) > 300:
        return None
    return inner, rest


def _marker_kinds(text: str) -> list[str]:
    return [k for m in _BRACKETED_KIND.finditer(text) if (k := _kind_of(m.group("word")))]


def _read_paren_line(text: str, line: int) -> _Meta | None:
    """(Sankei: November 10, 2015 – p. 5) (Abridged)"""
    split = _enclosed_candidate(text, "(", ")")
    if split is None:
        return None
    inner, rest = split
    colon = re.search("[:：]", inner)
    if colon is None and not re.search("[0-9]", inner):
        return None
    meta = _Meta(line, "paren", kinds=_marker_kinds(rest))
    if colon:
        outlet_text, dated = inner[: colon.start()], inner[colon.end() :]
    else:
        outlet_text, dated = "", inner
    hit = _find_date(dated, line)
    if hit is None:
        raise ClippingError(f"no date found in the source line {_shorten(text)!r}", line)
    before = dated[: hit.start]
    if colon is None:
        outlet_text, before = before, ""
    # A date right after the colon is the usual form; anything else might be a caption.
    meta.strict = colon is not None and bool(_WEEKDAY_ONLY.fullmatch(before))
    meta.published_on = hit.date
    _read_outlets(outlet_text, meta)
    if not meta.outlets:
        raise ClippingError(f"no outlet named in the source line {_shorten(text)!r}", line)
    _read_tail(_WEEKDAY_ONLY.sub(" ", before), meta, "position")
    _read_tail(dated[hit.end :], meta, "position")
    return meta


def _read_bracket_line(text: str, line: int) -> _Meta | None:
    """[Shukan Bunshun, July 28, 2022, pp. 22-25]"""
    split = _enclosed_candidate(text, "[", "]")
    if split is None or not re.search("[0-9]", split[0]):
        return None
    inner, rest = split
    meta = _Meta(line, "bracket", kinds=_marker_kinds(rest), editions=[EDITION_WEEKLY])
    hit = _find_date(inner, line, issues=True)
    if hit is None:
        raise ClippingError(f"no issue date found in the citation {_shorten(text)!r}", line)
    if hit.year_span:
        # Blank out the year so it is read neither as part of the name nor as a page.
        start, end = hit.year_span
        inner = inner[:start] + " " * (end - start) + inner[end:]
    magazine = _clean(_clean(inner[: hit.start]).strip(",;:–—-"))
    if not magazine:
        raise ClippingError(f"no magazine named in the citation {_shorten(text)!r}", line)
    meta.outlets.append(magazine)
    meta.published_on = hit.date
    if hit.issue_label:
        meta.positions.append(hit.issue_label)
    _read_tail(inner[hit.end :], meta, "position")
    return meta


_META_SEPARATOR = re.compile(f"[{_BULLETS}|]")


def _read_meta_line(text: str, line: int) -> _Meta | None:
    """November 10, 2015 • Asahi p. 3 • Politics"""
    if not _META_SEPARATOR.search(text):
        return None
    parts = [_clean(_clean(part).strip(",;")) for part in _META_SEPARATOR.split(text)]
    parts = [part for part in parts if part]
    if not parts or len(parts) > 10 or any(len(part) > 120 for part in parts):
        return None
    date_at = None
    for index, part in enumerate(parts):
        hit = _find_date(part, line)
        if hit and _WEEKDAY_ONLY.fullmatch(part[: hit.start] + " " + part[hit.end :]):
            date_at = index
            break
    if date_at is None or hit is None:
        return None
    meta = _Meta(line, "meta", published_on=hit.date)
    # The outlet comes after the date; failing that, before it. Segments holding only page,
    # kind or placement words are not outlets.
    order = [*range(date_at + 1, len(parts)), *range(date_at - 1, -1, -1)]
    outlet_at = next((index for index in order if _names_something(parts[index])), None)
    if outlet_at is None:
        raise ClippingError(f"no outlet named in the meta line {_shorten(text)!r}", line)
    outlet_part = parts[outlet_at]
    page = _PAGE_TOKEN.search(outlet_part)
    cut = page.start() if page else len(outlet_part)
    _read_outlets(outlet_part[:cut], meta)
    if not meta.outlets:
        raise ClippingError(f"no outlet named in the meta line {_shorten(text)!r}", line)
    _read_tail(outlet_part[cut:], meta, "position")
    for index, part in enumerate(parts):
        if index not in (date_at, outlet_at):
            _read_tail(part, meta, "label")
    return meta


def _names_something(part: str) -> bool:
    scratch = _Meta(0, "meta")
    _read_tail(part, scratch, "label")
    return bool(scratch.labels)


_READERS = (_read_paren_line, _read_bracket_line, _read_meta_line)


def _read_source_line(text: str, line: int) -> _Meta | None:
    """The line read as a source line; None if it is not one, ClippingError if it is a bad one."""
    if len(text) > 400:
        return None
    for reader in _READERS:
        meta = reader(text, line)
        if meta is not None:
            meta.raw = text
            return meta
    return None


# The source line belongs to the head of a clipping; looking further down would mistake a
# parenthesised sentence in the body for it.
_HEAD_LINES = 10


def _find_source(lines: list[str]) -> _Meta:
    """The first source line in the head of the clipping.

    A loose one (no colon, or text between colon and date) gives way to a strict one on the
    very next line: it is more likely a caption such as "(Photo: ..., Nov. 9, 2015)".
    """
    loose: _Meta | None = None
    first_error: ClippingError | None = None
    substantive = 0
    for index, raw in enumerate(lines):
        text = _clean(raw)
        if not text or _is_chrome(text) or _is_rule(text):
            continue
        substantive += 1
        if substantive > _HEAD_LINES:
            break
        meta = None
        try:
            meta = _read_source_line(text, index + 1)
        except ClippingError as error:
            first_error = first_error or error
        if meta is not None and meta.strict:
            return meta
        if loose is not None:
            return loose
        loose = meta
    if loose is not None:
        return loose
    if first_error:
        raise first_error
    raise ClippingError(
        "no source line found: expected a line such as '(Sankei: November 10, 2015 – p. 5)', "
        "'November 10, 2015 • Asahi p. 3' or '[Shukan Bunshun, July 28, 2022, p. 22]'"
    )


# --- The clipping ----------------------------------------------------------------------------


def _is_residue(line: str, kinds: list[str]) -> bool:
    """Blank lines, chrome, menus and kind markers; markers found are noted in `kinds`."""
    text = _clean(line)
    if not text or _is_chrome(text) or _is_rule(text) or _is_nav_bullet(text):
        return True
    if _KIND_MARKER.fullmatch(text):
        kind = _kind_of(text.strip("()[]. "))
        if kind:
            kinds.append(kind)
        return True
    return False


def _substantive(lines: list[str], start: int, stop: int, kinds: list[str]) -> Iterator[int]:
    for index in range(start, stop):
        if not _is_residue(lines[index], kinds):
            yield index


def _read_title(line: str, kinds: list[str]) -> str:
    title = _clean(line)
    while match := _TRAILING_KIND.search(title):
        kind = _kind_of(match.group("word"))
        if kind:
            kinds.append(kind)
        title = _clean(title[: match.start()])
    if genre := _TITLE_GENRE.match(title):
        # "Editorial: ..." is how some outlets title the piece, so the headline keeps it.
        kind = _kind_of(genre.group("a") or genre.group("b") or "")
        if kind:
            kinds.append(kind)
    return title


def _read_body(lines: list[str], start: int, kinds: list[str]) -> list[str]:
    first, last = start, len(lines)
    while first < last and _is_residue(lines[first], kinds):
        first += 1
    while first < last:
        line = lines[last - 1]
        text = _clean(line)
        if _is_bracketed_marker(text):
            if kind := _kind_of(text.strip("()[]. ")):
                kinds.append(kind)
        elif text and not (_is_chrome(text) or _is_rule(text) or _is_nav_bullet(text)):
            break
        last -= 1
    paragraphs: list[str] = []
    current: list[str] = []
    for line in [*lines[first:last], ""]:
        if _clean(line):
            current.append(line)
        elif current:
            paragraphs.append(_clean("\n".join(current)))
            current = []
    return paragraphs


def _settle_kind(kinds: list[str], warnings: list[str]) -> str:
    genres = list(dict.fromkeys(kind for kind in kinds if kind in _GENRE_KINDS))
    if genres:
        if len(genres) > 1:
            warnings.append(f"marked as {' and '.join(genres)}; kind set to {genres[0]}")
        if KIND_ABRIDGED in kinds:
            warnings.append(f"marked abridged as well as {genres[0]}; kind set to {genres[0]}")
        return genres[0]
    return KIND_ABRIDGED if KIND_ABRIDGED in kinds else KIND_FULL


def parse_clipping(text: str) -> ParsedClipping:
    """Read one clipping; raise ClippingError (and nothing else) if it cannot be read.

    The headline is the first substantive line above a parenthesised source line or a
    bracketed citation, and the line next to a bulleted meta line (above it if there is one,
    else below). Kind: "(Abridged)"-style markers (on the source line, on a line of their own
    or ending the headline) give abridged; an Editorial/Interview/Column/Summary label gives
    that kind, and outranks abridged (with a warning). A bracketed weekly citation always has
    the weekly edition, and a combined issue's label goes to `position`.
    """
    if not isinstance(text, str):
        raise ClippingError("a clipping must be text")
    lines = _lines(text)
    if not any(_clean(line) for line in lines):
        raise ClippingError("the clipping is empty")
    meta = _find_source(lines)
    if meta.published_on is None:  # every reader sets it; this keeps the promise of the API
        raise ClippingError("no date found in the source line", meta.line)
    source = meta.line - 1
    kinds = list(meta.kinds)
    warnings: list[str] = []

    before = list(_substantive(lines, 0, source, kinds))
    if meta.layout == "meta" and not before:
        headline = next(_substantive(lines, source + 1, len(lines), kinds), None)
        if headline is None:
            raise ClippingError("no headline found next to the meta line", meta.line)
        body_start, ignored = headline + 1, []
    elif meta.layout == "meta":
        headline, body_start, ignored = before[-1], source + 1, before[:-1]
    elif before:
        headline, body_start, ignored = before[0], source + 1, before[1:]
    else:
        raise ClippingError("no headline found before the source line", meta.line)
    for index in ignored:
        warnings.append(f"line {index + 1} ignored: {_shorten(_clean(lines[index]))!r}")

    title = _read_title(lines[headline], kinds)
    if not title:
        raise ClippingError("no headline found", headline + 1)
    if len(title) > 200:
        warnings.append(f"the headline is {len(title)} characters long; is it a paragraph?")
    paragraphs = _read_body(lines, body_start, kinds)
    if not paragraphs:
        raise ClippingError("no body text found after the headline and source line", meta.line)

    pages = list(dict.fromkeys(meta.pages))
    positions = list(dict.fromkeys(meta.positions))
    editions = list(dict.fromkeys(meta.editions))
    page = pages[0] if pages else ""
    if "Top play" in positions:
        if not page:
            page = "1"
        elif page != "1":
            warnings.append(f"top play is a front-page position, but page {page} is given")
    if len(pages) > 1:
        warnings.append(f"several pages given ({', '.join(pages)}); kept {pages[0]}")
    if len(editions) > 1:
        warnings.append(f"several editions given ({', '.join(editions)}); kept {editions[0]}")
    if not page:
        warnings.append("page not given")
    kind = _settle_kind(kinds, warnings)
    return ParsedClipping(
        title=title,
        outlet=meta.outlets[0],
        other_outlets=tuple(dict.fromkeys(meta.outlets[1:])),
        published_on=meta.published_on,
        page=page,
        edition=editions[0] if editions else EDITION_UNSPECIFIED,
        position=", ".join(positions),
        kind=kind,
        body="\n\n".join(paragraphs),
        label=", ".join(dict.fromkeys(meta.labels)),
        source_line=meta.raw,
        warnings=tuple(warnings),
    )


_SEPARATOR_LINE = re.compile(r"\s*(?:-{3,}|={3,})\s*")


def split_clippings(text: str) -> list[tuple[int, str]]:
    """Cut a file at lines of three or more '-' or '=' into (start line, chunk) pairs.

    The start line is the 1-based line of the chunk's first line (the one after the
    separator), so a ClippingError's `line` plus start minus one is the line in the file.
    Chunks holding nothing but whitespace are left out. Line endings become "\\n".
    """
    lines = _lines(text)
    chunks: list[tuple[int, str]] = []
    start = 0
    for index, line in enumerate([*lines, "---"]):
        if _SEPARATOR_LINE.fullmatch(line):
            chunk = "\n".join(lines[start:index])
            if _clean(chunk):
                chunks.append((start + 1, chunk))
            start = index + 1
    return chunks


# --- Outlets -----------------------------------------------------------------------------------


def _outlet_key(name: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


def _loose_key(key: str) -> str:
    """Forgive a leading "The" and a trailing "Shimbun"/"Shinbun"."""
    key = key.strip(" .")
    if key.startswith("the "):
        key = key[4:]
    for suffix in (" shimbun", " shinbun", "-shimbun", "-shinbun"):
        if key.endswith(suffix) and len(key) > len(suffix):
            key = key[: -len(suffix)]
            break
    return key.strip()


class OutletDirectory:
    """Case-insensitive lookup of outlet names and aliases → slug."""

    # Outlet names are short; longer input is not worth the fuzzy steps.
    _MAX_FUZZY = 200

    def __init__(self, entries: Iterable[tuple[str, Iterable[str]]]) -> None:
        self._exact: dict[str, str] = {}
        # None marks a loose key two outlets share, which must not resolve to either.
        self._loose: dict[str, str | None] = {}
        for slug, names in entries:
            for name in names:
                key = _outlet_key(name)
                if not key:
                    continue
                self._exact.setdefault(key, slug)
                loose = _loose_key(key)
                if loose and self._loose.setdefault(loose, slug) != slug:
                    self._loose[loose] = None

    def resolve(self, written: str) -> str | None:
        """The slug for an outlet as written in a clipping, or None when unknown or ambiguous.

        An exact name or alias wins; then the name with edition words ("evening edition",
        "digital", ", morning edition") removed; each also tried without "The"/"Shimbun".
        """
        key = _outlet_key(written)
        if not key:
            return None
        if key in self._exact:
            return self._exact[key]
        if len(key) > self._MAX_FUZZY:
            return None
        tried = [key]
        stripped = key
        for _ in range(3):
            stripped, edition = _split_edition(stripped)
            if not edition or not stripped:
                break
            tried.append(stripped)
        for candidate in tried:
            if candidate in self._exact:
                return self._exact[candidate]
            slug = self._loose.get(_loose_key(candidate))
            if slug:
                return slug
        return None
