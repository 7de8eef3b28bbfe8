"""Turn the story scenarios into clippings. Pure Python: no database, no Django.

Each clipping draws on its own `random.Random`, seeded with a string built from the scenario, the
day, the outlet and the headline. String seeds hash the same in every process, and editing one
scenario never reshuffles the text of another.
"""

from __future__ import annotations

import datetime
import hashlib
import random
from collections.abc import Iterable
from dataclasses import dataclass

from . import (
    prose,
    stories_asia,
    stories_budget,
    stories_cabinet,
    stories_diet,
    stories_economy,
    stories_energy,
    stories_korea,
    stories_markets,
    stories_nuclear,
    stories_okinawa,
    stories_pacific,
    stories_people,
    stories_politics,
    stories_russia,
    stories_science,
    stories_society,
    stories_summits,
    stories_world,
)
from .outlets import BY_KEY
from .topics import SLUGS, TREE

STORY_MODULES = (
    stories_politics,
    stories_cabinet,
    stories_diet,
    stories_budget,
    stories_russia,
    stories_asia,
    stories_korea,
    stories_summits,
    stories_world,
    stories_pacific,
    stories_okinawa,
    stories_nuclear,
    stories_economy,
    stories_energy,
    stories_markets,
    stories_society,
    stories_people,
    stories_science,
)

SEED = "reading-room-demo"
START = datetime.date(2025, 10, 1)
END = datetime.date(2026, 11, 27)

TRANSLATORS = [
    "Naomi Fairbairn",
    "Kenta Ohashi",
    "Ruth Okada",
    "Daniel Moriyama",
    "Sayaka Lindqvist",
    "Tom Whitcombe",
    "Mariko Dunmore",
    "Peter Anzai",
]

# Terms a reader abroad may not know; a clipping that uses one sometimes carries a note on it.
GLOSSARY = {
    "Kantei": "Kantei: the Prime Minister's Official Residence, and by extension the prime "
    "minister's staff.",
    "Nagatacho": "Nagatacho: the Tokyo district of the Diet and party offices, often used to "
    "mean the political world.",
    "shunto": "Shunto: the annual spring round of wage negotiations between unions and employers.",
    "Henoko": "Henoko: the district of Nago, Okinawa, where the replacement facility for U.S. "
    "Marine Corps Air Station Futenma is being built.",
    "Northern Territories": "Northern Territories: the four islands off Hokkaido held by Russia "
    "and claimed by Japan.",
    "hibakusha": "Hibakusha: survivors of the atomic bombings of Hiroshima and Nagasaki.",
    "Keidanren": "Keidanren: the Japan Business Federation.",
    "Rengo": "Rengo: the Japanese Trade Union Confederation.",
    "Kasumigaseki": "Kasumigaseki: the Tokyo district of the central ministries, often used to "
    "mean the bureaucracy.",
}

KIND_WEIGHTS = {
    "national-daily": (["full", "abridged", "summary"], [5, 4, 1]),
    "regional-daily": (["full", "abridged", "summary"], [5, 4, 1]),
    "wire": (["full", "abridged", "summary"], [3, 3, 4]),
    "broadcaster": (["summary", "abridged"], [6, 4]),
    "weekly": (["abridged", "summary"], [6, 4]),
    "party-organ": (["full", "abridged"], [5, 5]),
}
PARAGRAPHS = {"full": (5, 8), "abridged": (4, 6), "summary": (3, 3), "other": (3, 4)}
PAGES = {
    "politics": ["2", "4", "4", "5"],
    "international": ["3", "7", "9", "9"],
    "security": ["2", "3", "4"],
    "economy": ["6", "8", "9", "11"],
    "society": ["26", "27", "28", "29"],
    "science-technology": ["21", "22", "24"],
}
ROOT_OF = {child["slug"]: root["slug"] for root, children in TREE for child in children}
PRINT = {"national-daily", "regional-daily", "party-organ"}


@dataclass(frozen=True)
class Clipping:
    outlet: str  # the outlet's slug
    published_on: datetime.date
    title: str
    body: str
    kind: str
    page: str
    edition: str
    position: str
    original_title: str
    translator: str
    translator_notes: str
    source_url: str
    topics: tuple[str, ...]
    status: str
    scheduled_in_days: int  # 0 unless the clipping waits for a future publication time

    @property
    def key(self) -> tuple[str, datetime.date, str]:
        return (self.outlet, self.published_on, self.title)


def all_stories() -> list[dict]:
    stories = [story for module in STORY_MODULES for story in module.STORIES]
    keys = [story["key"] for story in stories]
    if len(set(keys)) != len(keys):
        # The key seeds the text, so two stories sharing one would share their wording too.
        raise ValueError(f"demo story keys repeat: {sorted(k for k in keys if keys.count(k) > 1)}")
    return sorted(stories, key=lambda story: (story["date"], story["key"]))


def issues(scenario: dict) -> Iterable[tuple[int, datetime.date, prose.Story, list]]:
    """The scenario's first day and each follow-up day, with what was known then."""
    first = datetime.date.fromisoformat(scenario["date"])
    yield 0, first, story_of(scenario, scenario), scenario["coverage"]
    for number, follow in enumerate(scenario.get("followups", []), start=1):
        day = first + datetime.timedelta(days=follow["days"])
        yield number, day, story_of(scenario, follow), follow["coverage"]


def story_of(scenario: dict, day: dict) -> prose.Story:
    background = day.get("background") or [scenario["summary"], *scenario["background"][:2]]
    return prose.Story(
        subject=day.get("subject", scenario["subject"]),
        summary=day.get("summary", scenario["summary"]),
        leads=tuple(day["lead"]),
        details=tuple(day.get("details") or scenario["details"]),
        voices=tuple(day.get("voices") or scenario["voices"]),
        background=tuple(background if day is not scenario else scenario["background"]),
        outlook=tuple(day.get("outlook") or scenario["outlook"]),
        said_by=tuple(day.get("said_by", ())),
        plain=day is not scenario and "said_by" not in day,
    )


def next_weekly_issue(day: datetime.date) -> datetime.date:
    """Weeklies go on sale on Thursdays; news reaches the next issue at the earliest."""
    day += datetime.timedelta(days=1)
    return day + datetime.timedelta(days=(3 - day.weekday()) % 7)


EXTRAS = {"ja", "kind", "top", "page", "note", "status", "days", "topics"} | {
    "argument",
    "thoughts",
    "who",
    "qa",
    "text",
}
STATUSES = {"published", "draft", "scheduled"}


@dataclass(frozen=True)
class Entry:
    """One coverage entry of a story file: an outlet's piece on one day."""

    scenario: str
    issue: int
    outlet: str
    title: str
    angle: str
    extra: dict

    @classmethod
    def read(cls, scenario: dict, issue: int, entry: tuple) -> Entry:
        outlet, title, angle, extra = (*entry, {})[:4]
        where = f"{scenario['key']}/{outlet}/{title!r}"
        if outlet not in BY_KEY:
            raise ValueError(f"{where}: unknown outlet")
        if unknown := set(extra) - EXTRAS:
            raise ValueError(f"{where}: unknown extras {sorted(unknown)}")
        if extra.get("status", "published") not in STATUSES:
            raise ValueError(f"{where}: unknown status {extra['status']!r}")
        return cls(scenario["key"], issue, outlet, title, angle, extra)

    def rng(self) -> random.Random:
        return random.Random(f"{SEED}|{self.scenario}|{self.issue}|{self.outlet}|{self.title}")


def build() -> list[Clipping]:
    clippings: list[Clipping] = []
    seen: set[tuple[str, datetime.date, str]] = set()
    urls: set[str] = set()
    for scenario in all_stories():
        topics = tuple(scenario["topics"])
        if set(topics) - SLUGS or not 1 <= len(topics) <= 3:
            raise ValueError(f"{scenario['key']}: topics must be 1-3 of {sorted(SLUGS)}")
        for number, day, story, coverage in issues(scenario):
            # Each paper leads with a story at most once per scenario, on its first day.
            front = number == 0
            for item in coverage:
                entry = Entry.read(scenario, number, item)
                clipping = compose(entry, story, day, topics, front=front, urls=urls)
                front = front and clipping.position != "Top play"
                if clipping.key in seen:
                    raise ValueError(f"demo clipping twice: {clipping.key}")
                if not START <= clipping.published_on <= END:
                    raise ValueError(f"demo clipping outside {START}..{END}: {clipping.key}")
                seen.add(clipping.key)
                clippings.append(clipping)
    return clippings


def compose(
    entry: Entry,
    story: prose.Story,
    day: datetime.date,
    topics: tuple[str, ...],
    *,
    front: bool,
    urls: set[str],
) -> Clipping:
    rng = entry.rng()
    outlet, extra = BY_KEY[entry.outlet], entry.extra
    kinds, weights = KIND_WEIGHTS[outlet["kind"]]
    kind = extra.get("kind") or rng.choices(kinds, weights)[0]
    published_on = day + datetime.timedelta(days=extra.get("days", 0))
    if outlet["kind"] == "weekly":
        published_on = next_weekly_issue(published_on)
    edition, page, position = placement(rng, outlet["kind"], kind, topics[0], extra, front=front)
    body = write(rng, story, entry, kind, published_on, edition)

    note = extra.get("note", "")
    if not note and rng.random() < 0.25:
        note = next((text for term, text in GLOSSARY.items() if term in body), "")
    url = ""
    if rng.random() < 0.2:
        number = rng.randint(1, 99999)
        while (url := outlet["url"](published_on, number)) in urls:
            number += 1
        urls.add(url)
    status = extra.get("status", "published")
    return Clipping(
        outlet=outlet["slug"],
        published_on=published_on,
        title=entry.title,
        body=body,
        kind=kind,
        page=page,
        edition=edition,
        position=position,
        original_title=extra.get("ja", ""),
        translator=rng.choice(TRANSLATORS),
        translator_notes=note,
        source_url=url,
        topics=topics,
        status="draft" if status == "draft" else "published",
        scheduled_in_days=rng.randint(2, 14) if status == "scheduled" else 0,
    )


def placement(
    rng: random.Random, outlet_kind: str, kind: str, topic: str, extra: dict, *, front: bool
) -> tuple[str, str, str]:
    """Edition, page and position note, the way each kind of outlet lays out its pages."""
    if outlet_kind == "weekly":
        start = rng.randrange(20, 60, 2)
        return "weekly", f"{start}-{start + rng.choice([1, 3])}", ""
    if outlet_kind not in PRINT:
        return "online", "", ""

    roll = rng.random()
    edition = "morning" if roll < 0.8 or kind in {"editorial", "column"} else "evening"
    edition = "unspecified" if roll > 0.93 else edition
    page = rng.choice(PAGES[ROOT_OF.get(topic, topic)])
    position = ""
    news = kind in {"full", "abridged", "summary"}
    if extra.get("top", front and news and edition != "evening"):
        # A story chosen to lead the paper leads the morning edition.
        edition, page, position = "morning", "1", "Top play"
    elif kind == "editorial":
        page = rng.choice(["2", "3", "5", "12"])
    elif kind == "column":
        page = "1"
    elif kind == "full" and rng.random() < 0.2:
        page = f"{page}-{int(page) + 1}"
    return edition, extra.get("page", page), position


def write(
    rng: random.Random,
    story: prose.Story,
    entry: Entry,
    kind: str,
    published_on: datetime.date,
    edition: str,
) -> str:
    outlet, extra = BY_KEY[entry.outlet], entry.extra
    if "text" in extra:
        return "\n\n".join(extra["text"])
    if kind == "editorial":
        return prose.editorial_body(rng, story, extra["argument"])
    if kind == "column":
        return prose.column_body(rng, story, published_on, extra["thoughts"])
    if kind == "interview":
        return prose.interview_body(rng, story, outlet["name"], extra["who"], extra["qa"])
    low, high = PARAGRAPHS[kind]
    # Morning papers and the overnight wires report what was said the day before; an evening
    # edition reports the same day's news.
    told_on = published_on - datetime.timedelta(days=0 if edition == "evening" else 1)
    return prose.news_body(
        rng,
        story,
        angle=entry.angle,
        outlet=outlet["name"],
        outlet_kind=outlet["kind"],
        told_on=told_on,
        paragraphs=rng.randint(low, high),
    )


def digest(clippings: Iterable[Clipping]) -> str:
    """A fingerprint of the collection's text, for checking that every run builds the same."""
    lines = sorted(f"{c.outlet}|{c.published_on}|{c.title}|{c.body}" for c in clippings)
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()
