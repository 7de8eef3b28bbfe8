"""The search box: web-search syntax read into a small, safe structure.

Pure Python, no database. Both backends render the same `ParsedQuery`, so a query means the same
thing on PostgreSQL and on SQLite, and nothing a visitor types reaches the database unparsed.

Syntax: words are ANDed; `"a phrase"`; `OR` (any case, as PostgreSQL's websearch_to_tsquery
reads it) between two words or phrases; `-word` / `-"a phrase"` excludes. An unclosed quote runs
to the end of the query. Exclusions always apply to the whole query (`a OR -b` means `a -b`),
because SQLite's FTS5 has no unary NOT.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

MAX_QUERY_LENGTH = 200

# Some input (a pasted page, a bot) is huge; normalising it all would be wasted work.
_RAW_LENGTH = MAX_QUERY_LENGTH * 4

# Phone keyboards and word processors turn " into typographic quotes; read them as quotes.
_QUOTES = str.maketrans(dict.fromkeys("“”„‟«»〝〞＂", '"') | {"−": "-"})

# A term is searchable when it has a letter or digit: the characters FTS5's unicode61 tokenizer
# and PostgreSQL's parser keep. A term of punctuation alone would make an AND match nothing.
_WORD = re.compile(r"[^\W_]")

_UNPRINTABLE = {"Cc", "Cf", "Cs", "Co", "Cn"}


@dataclass(frozen=True)
class Term:
    """One word or quoted phrase, as typed (cleaned), for each database's own parser to split."""

    text: str
    is_phrase: bool = False


@dataclass(frozen=True)
class ParsedQuery:
    """Groups are ANDed; the terms in a group are ORed; excluded terms must not match."""

    text: str
    groups: tuple[tuple[Term, ...], ...] = ()
    excluded: tuple[Term, ...] = ()

    @property
    def is_blank(self) -> bool:
        """Nothing was typed: the page shows plain browsing instead of results."""
        return not self.text

    @property
    def has_terms(self) -> bool:
        """Something to look for; a query of operators or exclusions alone finds nothing."""
        return bool(self.groups)


def clean_query(raw: str) -> str:
    """The query as the search box should show it back: printable, one line, at most 200 chars."""
    text = unicodedata.normalize("NFKC", str(raw)[:_RAW_LENGTH]).translate(_QUOTES)
    text = "".join(" " if unicodedata.category(ch) in _UNPRINTABLE else ch for ch in text)
    return " ".join(text.split())[:MAX_QUERY_LENGTH].strip()


def parse_query(raw: str | None) -> ParsedQuery:
    text = clean_query(raw or "")
    groups: list[list[Term]] = []
    excluded: list[Term] = []
    join_next = False
    for token in _lex(text):
        if token is _OR:
            # OR only joins two positive terms; a leading or doubled OR is ignored.
            join_next = bool(groups)
            continue
        term, negated = token
        if not _WORD.search(term.text):
            continue
        if negated:
            excluded.append(term)
            join_next = False
        elif join_next:
            groups[-1].append(term)
            join_next = False
        else:
            groups.append([term])
    return ParsedQuery(
        text=text, groups=tuple(tuple(group) for group in groups), excluded=tuple(excluded)
    )


_OR = object()


def _lex(text: str):
    """Yield `_OR` or `(Term, negated)` pairs from cleaned text."""
    i, n = 0, len(text)
    while i < n:
        if text[i].isspace():
            i += 1
            continue
        negated = False
        if text[i] == "-":
            while i < n and text[i] == "-":
                i += 1
            if i == n or text[i].isspace():
                continue  # a dash on its own excludes nothing
            negated = True
        if text[i] == '"':
            end = text.find('"', i + 1)
            if end == -1:
                end = n
            yield Term(" ".join(text[i + 1 : end].split()), is_phrase=True), negated
            i = end + 1
            continue
        start = i
        while i < n and not text[i].isspace() and text[i] != '"':
            i += 1
        word = text[start:i]
        if word.lower() == "or":
            if not negated:
                yield _OR
            continue
        yield Term(word), negated
