"""Ways to cite one clipping: two plain-text styles and the RIS and BibTeX records that
reference managers (Zotero, EndNote, Mendeley, JabRef) import.

Each function takes an Article whose outlet and topics are loaded, and the clipping's canonical
absolute URL. Nothing here touches the database or the request, so the output can be checked
line by line in tests.

Headlines come from pasted text and imports: they may hold newlines, braces, percent signs or
control characters. Every value is folded to one line first, because a newline in RIS starts
a new tag and a stray one in BibTeX is at best ugly; BibTeX values are then escaped for LaTeX.
"""

from __future__ import annotations

import datetime
import re
import unicodedata

from .models import Article

SITE_NAME = "Reading Room"

# Citations are written in English whatever the interface language, like their LA tag says.
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
BIBTEX_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")

# Kinds that already say what was done to the text ("Summary by K. Tanaka"); the others name
# the original's genre, so the translator is credited separately ("Editorial, translated by").
_SELF_DESCRIBING_KINDS = {Article.Kind.FULL, Article.Kind.ABRIDGED, Article.Kind.SUMMARY}

_PAGE_RANGE = re.compile(r"\s*([^-–—]+?)\s*[-–—]+\s*(.+?)\s*")


def one_line(text: str) -> str:
    """The text on a single line: runs of whitespace (newlines included) become one space and
    control characters go, since no citation format has room for them."""
    visible = "".join(ch for ch in text if unicodedata.category(ch) != "Cc" or ch.isspace())
    return " ".join(visible.split())


def long_date(day: datetime.date) -> str:
    return f"{MONTHS[day.month - 1]} {day.day}, {day.year}"


def _sentence(text: str) -> str:
    """End a citation element with a full stop unless it already ends with punctuation."""
    return text if text.endswith((".", "?", "!", "…")) else f"{text}."


def _edition(article: Article) -> str:
    if article.edition == Article.Edition.UNSPECIFIED:
        return ""
    return f"{article.get_edition_display().lower()} edition"


def page_range(article: Article) -> tuple[str, str]:
    """First and last page; the last is empty for a single page ("5") or no page at all."""
    page = one_line(article.page)
    match = _PAGE_RANGE.fullmatch(page)
    if match:
        return match[1], match[2]
    return page, ""


def _page_label(article: Article) -> str:
    first, last = page_range(article)
    if last:
        return f"pp. {first}–{last}"
    return f"p. {first}" if first else ""


def credit(article: Article) -> str:
    """What kind of text this is and who made it: "Summary by K. Tanaka"."""
    kind = str(article.get_kind_display())
    translator = one_line(article.translator)
    if not translator:
        return kind
    if article.kind in _SELF_DESCRIBING_KINDS:
        return f"{kind} by {translator}"
    return f"{kind}, translated by {translator}"


def _source(article: Article) -> list[str]:
    """Outlet, edition and page, the parts both plain styles share, in order."""
    parts = [one_line(article.outlet.name)]
    if edition := _edition(article):
        parts.append(edition)
    if pages := _page_label(article):
        parts.append(pages)
    return parts


# --- Plain text ---------------------------------------------------------------------------------


def chicago(article: Article, url: str) -> str:
    """A Chicago-like bibliography entry for an unsigned newspaper article, in translation."""
    title = one_line(article.title)
    source = [one_line(article.outlet.name), long_date(article.published_on)] + _source(article)[1:]
    parts = [f"“{_sentence(title)}”", _sentence(", ".join(source)), _sentence(credit(article))]
    if original := one_line(article.original_title):
        parts.append(_sentence(f"Original headline: {original}"))
    parts.append(f"{SITE_NAME}, {url}.")
    return " ".join(parts)


def apa(article: Article, url: str) -> str:
    """An APA-like reference: title with a bracketed description, date, source, then URL."""
    day = article.published_on
    description = credit(article)
    if original := one_line(article.original_title):
        description += f"; original headline: {original}"
    parts = [
        f"{one_line(article.title)} [{description}].",
        f"({day.year}, {MONTHS[day.month - 1]} {day.day}).",
        _sentence(", ".join(_source(article))),
        f"{SITE_NAME}.",
        url,  # APA leaves the full stop off a closing URL so it stays clickable.
    ]
    return " ".join(parts)


# --- RIS ------------------------------------------------------------------------------------------


def ris(article: Article, url: str) -> str:
    """One RIS record of type NEWS, CRLF line endings as the format specifies."""
    day = article.published_on
    first_page, last_page = page_range(article)
    lines: list[tuple[str, str]] = [
        ("TY", "NEWS"),
        ("TI", article.title),
        ("T2", article.outlet.name),
        ("DA", f"{day.year:04d}/{day.month:02d}/{day.day:02d}/"),
        ("PY", f"{day.year:04d}"),
        ("SP", first_page),
        ("EP", last_page),
        ("ET", _edition(article)),
        # A4 is the translator in Zotero's and EndNote's mappings.
        ("A4", article.translator),
        # OP, "original publication", is where EndNote keeps a translated work's original title.
        ("OP", article.original_title),
        ("M3", str(article.get_kind_display())),
        *(("KW", tag.full_name) for tag in article.tags.all()),
        ("AB", article.paragraphs[0] if article.paragraphs else ""),
        ("N1", article.translator_notes),
        ("LA", "en"),
        ("DB", SITE_NAME),
        ("UR", url),
    ]
    out = [f"{tag}  - {one_line(value)}" for tag, value in lines if one_line(value)]
    out.append("ER  - ")
    return "\r\n".join(out) + "\r\n"


# --- BibTeX ---------------------------------------------------------------------------------------

_LATEX_SPECIALS = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "%": r"\%",
    "&": r"\&",
    "#": r"\#",
    "_": r"\_",
    "$": r"\$",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
_LATEX_SPECIAL_RE = re.compile("|".join(re.escape(ch) for ch in _LATEX_SPECIALS))
_KEY_UNSAFE = re.compile(r"[^A-Za-z0-9_-]+")


def latex_escape(text: str) -> str:
    """Text safe inside a braced BibTeX value, in one pass so escapes are never re-escaped."""
    return _LATEX_SPECIAL_RE.sub(lambda m: _LATEX_SPECIALS[m[0]], one_line(text))


def bibtex_key(article: Article) -> str:
    """Readable and unique: outlet, source date and the clipping's id, which never changes."""
    outlet = _KEY_UNSAFE.sub("", article.outlet.slug) or "clipping"
    return f"{outlet}-{article.published_on.isoformat()}-{article.pk}"


def _braced(text: str) -> str:
    return "{" + text + "}" if text else ""


def bibtex(article: Article, url: str) -> str:
    """An @article entry; biblatex reads translator, origtitle and date, BibTeX the rest."""
    day = article.published_on
    first_page, last_page = page_range(article)
    pages = f"{first_page}--{last_page}" if last_page else first_page
    note = [credit(article)]
    if position := one_line(article.position):
        note.append(position)
    if edition := _edition(article):
        note.append(edition)
    note.append(f"Translation published by {SITE_NAME}")
    topics = ", ".join(tag.full_name for tag in article.tags.all())
    fields = [
        ("title", _braced(latex_escape(article.title))),
        ("journal", _braced(latex_escape(article.outlet.name))),
        ("date", _braced(day.isoformat())),
        ("year", _braced(str(day.year))),
        # A bare month macro, so each BibTeX style prints the month its own way.
        ("month", BIBTEX_MONTHS[day.month - 1]),
        ("pages", _braced(latex_escape(pages))),
        ("translator", _braced(latex_escape(article.translator))),
        ("origtitle", _braced(latex_escape(article.original_title))),
        ("language", "{english}"),
        ("keywords", _braced(latex_escape(topics))),
        ("note", _braced(latex_escape(_sentence("; ".join(note))))),
        # URLs are verbatim in biblatex, so they are not LaTeX-escaped; ours come from
        # reverse() and the request's validated host, and hold no braces to unbalance the entry.
        ("url", _braced(one_line(url).replace("{", "%7B").replace("}", "%7D"))),
    ]
    body = ",\n".join(f"  {name} = {value}" for name, value in fields if value)
    return f"@article{{{bibtex_key(article)},\n{body},\n}}\n"


def download_name(article: Article, extension: str) -> str:
    return f"{bibtex_key(article)}.{extension}"
