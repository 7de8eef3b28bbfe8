"""Synthetic clippings at scale, for load tests and benchmarks: `manage.py seed_demo`.

Two halves. The generator is pure Python: it borrows sentences, headlines and topics from the demo
collection (`articles.demo`), adds a long tail of invented names so the vocabulary looks like a
real archive's (a few very common words, many rare ones), and spreads the clippings over the
fifteen years before the demo year. Each day's clippings come from their own `random.Random`
seeded with the seed and the date, so the same seed and count always give the same rows, however
the work is split.

The loader writes them fast: PostgreSQL through `COPY` on parallel connections, SQLite through
`executemany` in one transaction. The search index stays complete without a row-by-row refresh:
each clipping's topic links go in before the clipping itself, so the database's own insert trigger
indexes the finished row once, while the link-table triggers (which would index it again) are
suspended; PostgreSQL's GIN index is dropped for the load and rebuilt once at the end. Both are
put back whatever happens, and rebuilt from the definitions the database holds, so a later
migration that changes them is respected.

Synthetic rows get no revision history: they are test data, and a first revision for each
would double the load.
"""

from __future__ import annotations

import datetime
import itertools
import math
import multiprocessing
import random
import re
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from typing import TextIO

from django.db import connection, connections, transaction
from django.db.models import Max

from .cache import collection_changed
from .demo import DemoSummary, load_outlets, load_topics
from .demo import plan as demo_plan
from .demo.outlets import OUTLETS
from .demo.topics import TREE
from .models import CLIPPING_FIELDS, PUBLICATION_FIELDS, Article, make_slug
from .search import get_search_backend

# The fifteen years before the demo collection begins, so the two never share a day and every
# synthetic clipping is already public whatever today's date.
END = demo_plan.START - datetime.timedelta(days=1)
START = END.replace(year=END.year - 15) + datetime.timedelta(days=1)

DRAFT_SHARE = 0.005
WORDS_MIN, WORDS_MAX = 300, 800
# About one clipping in 10,000 goes to the rarest topic: the topic page that an index on the
# newest clippings alone serves worst.
RAREST_TOPIC_SHARE = 0.0001
CHUNK_ROWS = 4000


# --- The vocabulary --------------------------------------------------------------------------

SYLLABLES = """
a i u e o ka ki ku ke ko sa shi su se so ta chi tsu te to na ni no ha hi fu ho ma mi mu me
mo ya yu yo ra ri ru re ro wa ga gi go za ji zu da do ba bi bu be bo
""".split()  # noqa: SIM905 - word lists read better as text
NAME_ENDINGS = "moto mura da kawa yama shima no saki hara oka zawa ta gawa uchi be".split()  # noqa: SIM905
GIVEN_NAMES = """
Akira Ayumi Daisuke Emi Haruka Hiroshi Ichiro Junko Kaori Kazuo Keiko Kenji Koji Mayumi Miki
Minoru Naoki Noriko Osamu Reiko Ryota Sachiko Satoshi Shoko Takeshi Tomoko Yasuo Yoko Yuji
Yumiko Makoto Chie Goro Hanae Isamu Jun Kana Masaru Natsuki Rin Shun Taro Wataru Yui
""".split()  # noqa: SIM905 - word lists read better as text
PLACES = """
Sapporo Aomori Morioka Sendai Akita Yamagata Fukushima Mito Utsunomiya Maebashi Saitama
Chiba Yokohama Niigata Toyama Kanazawa Fukui Kofu Nagano Gifu Shizuoka Nagoya Tsu Otsu Kyoto
Osaka Kobe Nara Wakayama Tottori Matsue Okayama Hiroshima Yamaguchi Tokushima Takamatsu
Matsuyama Kochi Fukuoka Saga Nagasaki Kumamoto Oita Miyazaki Kagoshima Naha Nago Nemuro
Hakodate Kushiro Ishinomaki Kesennuma Minamisoma Iwaki Kitakyushu Hamamatsu Kurashiki Sasebo
Amami Miyako Ishigaki Tsushima Sado Kashiwazaki Tsuruga Onagawa Tomari Genkai
""".split()  # noqa: SIM905 - word lists read better as text
OCCUPATIONS = [
    "a fisherman",
    "a farmer",
    "a nurse",
    "a retired teacher",
    "a company employee",
    "a shop owner",
    "a city council member",
    "a high school student",
    "a university student",
    "a factory worker",
    "a taxi driver",
    "a care worker",
    "a restaurant owner",
    "a dairy farmer",
    "a construction worker",
    "a civil servant",
    "a homemaker",
    "an office worker",
    "a pensioner",
    "a software engineer",
]
COMPANY_KINDS = """
Holdings Industries Electric Trading Shipping Pharmaceutical Foods Chemical Steel Motors
Securities Construction Logistics Textiles Paper
""".split()  # noqa: SIM905 - word lists read better as text
ORGANISATIONS = [
    "prefectural government",
    "city government",
    "local fisheries cooperative",
    "chamber of commerce",
    "board of education",
    "prefectural police",
    "residents' association",
    "agricultural cooperative",
    "regional labor bureau",
    "district court",
]
VERDICTS = [
    "were worse than expected",
    "left room for doubt",
    "showed a clear change of direction",
    "would need careful study",
    "pointed to a long recovery",
    "surprised many in the industry",
    "were broadly in line with forecasts",
    "could not be ignored",
]
QUOTES = [
    "We have no choice but to wait and see",
    "Nobody here was consulted",
    "I want the government to listen to people on the ground",
    "Things are better than they were last year",
    "The young people have all left for the cities",
    "We will keep going as long as we can",
    "It is hard to plan when the rules keep changing",
    "Prices have gone up and our income has not",
    "I am worried about what comes next",
    "This is a step forward, but only a small one",
    "We need more people, not more paperwork",
    "The decision came too late for us",
]
ACTIONS = [
    "expand production",
    "close a production line",
    "raise wages by an average of 4 percent",
    "hire more foreign workers",
    "build a new research center",
    "cut prices on its main products",
    "withdraw from the domestic market",
    "invest in renewable energy",
    "recall about 12,000 units",
    "merge two of its subsidiaries",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
HEADLINE_PREFIXES = ["Analysis: ", "Update: ", "Follow-up: ", "Explainer: ", "Q&A: ", "Focus: "]
# Lowercase, one clause: "Title in Sendai", "Title; Sendai reacts".
HEADLINE_SUFFIXES = [" in {place}", "; {place} reacts", " as {place} looks on", ", {place} hears"]

SENTENCE_SPLIT = re.compile(r"(?<=[.?!\"”])\s+(?=[A-Z\"“])")


def invented_names(count: int, salt: str) -> list[str]:
    """`count` distinct Japanese-sounding names, the same on every run: the vocabulary's tail."""
    rng = random.Random(f"readingroom-synthetic-{salt}")
    names: dict[str, None] = {}
    while len(names) < count:
        stem = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(1, 3)))
        names[(stem + rng.choice(NAME_ENDINGS)).capitalize()] = None
    return list(names)


def long_tail(rng: random.Random, items: Sequence[str]) -> str:
    """An item, the first ones far more often than the last: rank r is drawn about as r^-0.75."""
    return items[int(len(items) * rng.random() ** 4)]


@dataclass(frozen=True)
class Headline:
    title: str
    original_title: str
    kind: str


@dataclass
class Corpus:
    """Text to draw on, taken from the demo collection and grouped by top-level topic."""

    sentences: dict[str, list[tuple[str, int]]]  # root slug -> (sentence, word count)
    general: list[tuple[str, int]]
    headlines: dict[str, list[Headline]]  # leaf slug -> headlines of clippings filed under it
    leaves: list[str]  # leaf topic slugs, most used first
    leaf_weights: list[float]
    root_of: dict[str, str]
    surnames: list[str] = field(default_factory=lambda: invented_names(20_000, "surnames"))
    companies: list[str] = field(default_factory=lambda: invented_names(4_000, "companies"))


@cache
def corpus() -> Corpus:
    """The demo collection's text, sorted for the generator; built once a process (~1 s)."""
    root_of = {child["slug"]: root["slug"] for root, children in TREE for child in children}
    leaves = list(root_of)
    sentences: dict[str, list[tuple[str, int]]] = {root["slug"]: [] for root, _kids in TREE}
    headlines: dict[str, list[Headline]] = {slug: [] for slug in leaves}
    seen: set[str] = set()
    general: list[tuple[str, int]] = []
    for clipping in demo_plan.build():
        roots = {root_of.get(slug, slug) for slug in clipping.topics}
        for slug in clipping.topics:
            if slug in headlines:
                headlines[slug].append(
                    Headline(clipping.title, clipping.original_title, clipping.kind)
                )
        for paragraph in clipping.body.split("\n\n"):
            for text in SENTENCE_SPLIT.split(paragraph.strip()):
                if not text or text in seen:
                    continue
                seen.add(text)
                item = (text, len(text.split()))
                general.append(item)
                for root in roots:
                    sentences[root].append(item)
    # A leaf the demo never files a clipping under borrows its parent's headlines.
    for slug in leaves:
        if not headlines[slug]:
            headlines[slug] = [
                h for leaf in leaves if root_of[leaf] == root_of[slug] for h in headlines[leaf]
            ]
    # Zipf-like shares in a fixed order, the last leaf made rarest on purpose.
    order = random.Random("readingroom-synthetic-topics").sample(leaves, len(leaves))
    weights = [1 / (rank + 1) ** 1.1 for rank in range(len(order))]
    total = sum(weights[:-1])
    weights = [w / total * (1 - RAREST_TOPIC_SHARE) for w in weights[:-1]] + [RAREST_TOPIC_SHARE]
    return Corpus(sentences, general, headlines, order, weights, root_of)


# --- The generator ---------------------------------------------------------------------------


@dataclass
class SyntheticClipping:
    """One generated clipping, before it has a database id; `topics` are slugs."""

    outlet: str
    published_on: datetime.date
    title: str
    original_title: str
    body: str
    kind: str
    page: str
    edition: str
    position: str
    translator: str
    translator_notes: str
    has_source_url: bool
    topics: tuple[str, ...]
    status: str


def day_counts(count: int, seed: int) -> list[tuple[datetime.date, int]]:
    """How many clippings each day gets: more on weekdays, more in later years, some noise."""
    rng = random.Random(f"{seed}|days")
    days = (END - START).days + 1
    weekday_weight = [1.0, 1.0, 1.0, 1.0, 1.0, 0.7, 0.5]
    weights = []
    for offset in range(days):
        day = START + datetime.timedelta(days=offset)
        growth = 0.6 + 0.8 * offset / max(days - 1, 1)
        weights.append(weekday_weight[day.weekday()] * growth * rng.uniform(0.7, 1.3))
    total = sum(weights)
    exact = [count * w / total for w in weights]
    counts = [math.floor(x) for x in exact]
    # Largest remainders take the rows floor() left over, so the counts add up to `count`.
    short = count - sum(counts)
    for offset in sorted(range(days), key=lambda i: exact[i] - counts[i], reverse=True)[:short]:
        counts[offset] += 1
    return [(START + datetime.timedelta(days=i), n) for i, n in enumerate(counts) if n]


# Print outlets fill most of the collection, the weeklies the least.
OUTLET_WEIGHT = {
    "national-daily": 10,
    "regional-daily": 5,
    "wire": 8,
    "broadcaster": 6,
    "weekly": 1,
    "party-organ": 2,
}


def generate_day(seed: int, day: datetime.date, count: int) -> list[SyntheticClipping]:
    """The `count` clippings of one day, always the same for the same seed."""
    text = corpus()
    rng = random.Random(f"{seed}|{day.isoformat()}")
    # Weeklies come out on Thursdays only.
    outlets = [o for o in OUTLETS if o["kind"] != "weekly" or day.weekday() == 3]
    outlet_weights = [OUTLET_WEIGHT[o["kind"]] for o in outlets]
    taken: set[tuple[str, str]] = set()
    clippings = []
    for _n in range(count):
        outlet = rng.choices(outlets, outlet_weights)[0]
        leaf = rng.choices(text.leaves, text.leaf_weights)[0]
        # About two topics a clipping, as editors file them: one or two more sub-topics, and
        # sometimes the top-level topic as well.
        topics = [leaf]
        for chance in (0.6, 0.15):
            if rng.random() < chance:
                other = rng.choices(text.leaves, text.leaf_weights)[0]
                if other not in topics:
                    topics.append(other)
        if rng.random() < 0.3:
            topics.append(text.root_of[leaf])
        headline = rng.choice(text.headlines[leaf])
        title = unique_title(rng, headline.title, outlet["slug"], taken)
        kinds, kind_weights = demo_plan.KIND_WEIGHTS[outlet["kind"]]
        kind = headline.kind if rng.random() < 0.3 else rng.choices(kinds, kind_weights)[0]
        edition, page, position = demo_plan.placement(
            rng, outlet["kind"], kind, leaf, {}, front=rng.random() < 0.05
        )
        body = write_body(rng, text, text.root_of[leaf])
        note = ""
        if rng.random() < 0.1:
            note = next((gloss for term, gloss in demo_plan.GLOSSARY.items() if term in body), "")
        clippings.append(
            SyntheticClipping(
                outlet=outlet["slug"],
                published_on=day,
                title=title,
                original_title=headline.original_title,
                body=body,
                kind=kind,
                page=page,
                edition=edition,
                position=position,
                translator=rng.choice(demo_plan.TRANSLATORS),
                translator_notes=note,
                has_source_url=rng.random() < 0.6,
                topics=tuple(topics),
                status="draft" if rng.random() < DRAFT_SHARE else "published",
            )
        )
    return clippings


def unique_title(rng: random.Random, title: str, outlet: str, taken: set[tuple[str, str]]) -> str:
    """A headline the outlet has not used yet that day (the database insists)."""
    candidate = title
    for attempt in itertools.count():
        if (outlet, candidate) not in taken:
            break
        if attempt < 6:
            if rng.random() < 0.5:
                candidate = rng.choice(HEADLINE_PREFIXES) + title
            else:
                place = rng.choice(PLACES)
                candidate = title + rng.choice(HEADLINE_SUFFIXES).format(place=place)
        else:
            candidate = f"{title} ({attempt - 4})"
    taken.add((outlet, candidate))
    return candidate


def invented_sentence(rng: random.Random, text: Corpus) -> str:
    """A sentence naming people, places and companies from the long tail."""
    person = f"{rng.choice(GIVEN_NAMES)} {long_tail(rng, text.surnames)}"
    place = rng.choice(PLACES)
    company = f"{long_tail(rng, text.companies)} {rng.choice(COMPANY_KINDS)}"
    form = rng.randrange(6)
    if form == 0:
        age = rng.randint(19, 88)
        occupation = rng.choice(OCCUPATIONS)
        return f'"{rng.choice(QUOTES)}," said {person}, {age}, {occupation} in {place}.'
    if form == 1:
        return f"{company} said it would {rng.choice(ACTIONS)} at its plant in {place}."
    if form == 2:
        return (
            f"In {place}, about {rng.randint(2, 60) * 10} people attended a briefing held by the "
            f"{rng.choice(ORGANISATIONS)} on {rng.choice(WEEKDAYS)}."
        )
    if form == 3:
        return (
            f"{person}, a professor at {place} University, said the figures {rng.choice(VERDICTS)}."
        )
    if form == 4:
        return (
            f"{company} shares closed {rng.choice(['up', 'down'])} "
            f"{rng.randint(1, 90) / 10:.1f} percent in Tokyo."
        )
    return f"{person} of the {place} {rng.choice(ORGANISATIONS)} declined to comment."


def write_body(rng: random.Random, text: Corpus, root: str) -> str:
    """300 to 800 words in paragraphs of two to four sentences, mostly on the clipping's topic."""
    target = rng.randint(WORDS_MIN, WORDS_MAX)
    on_topic = text.sentences.get(root) or text.general
    paragraphs: list[str] = []
    words = 0
    while words < target:
        sentences = []
        for _ in range(rng.randint(2, 4)):
            roll = rng.random()
            if roll < 0.2:
                sentence = invented_sentence(rng, text)
                words += sentence.count(" ") + 1
            else:
                sentence, n = rng.choice(on_topic if roll < 0.75 else text.general)
                words += n
            sentences.append(sentence)
        paragraphs.append(" ".join(sentences))
    return "\n\n".join(paragraphs)


# --- The loader ------------------------------------------------------------------------------


@dataclass
class SeedSummary:
    created: int = 0
    drafts: int = 0
    links: int = 0
    seconds: float = 0.0
    index_seconds: float = 0.0

    def __str__(self) -> str:
        rate = self.created / self.seconds if self.seconds else 0
        # On SQLite the index grows with the rows; PostgreSQL builds its GIN index at the end.
        index = f"; search index {self.index_seconds:.1f} s of it" if self.index_seconds else ""
        return (
            f"Seeded {self.created:,} clippings ({self.drafts:,} drafts) with {self.links:,} "
            f"topic links in {self.seconds:.1f} s ({rate:,.0f}/s{index})."
        )


@dataclass(frozen=True)
class Chunk:
    """Consecutive days, loaded as one transaction; ids are handed out in advance."""

    days: tuple[tuple[datetime.date, int], ...]
    first_id: int

    @property
    def size(self) -> int:
        return sum(n for _day, n in self.days)


def plan_chunks(counts: list[tuple[datetime.date, int]], first_id: int) -> list[Chunk]:
    chunks: list[Chunk] = []
    days: list[tuple[datetime.date, int]] = []
    size = 0
    next_id = first_id
    for day, n in counts:
        days.append((day, n))
        size += n
        if size >= CHUNK_ROWS:
            chunks.append(Chunk(tuple(days), next_id))
            next_id += size
            days, size = [], 0
    if days:
        chunks.append(Chunk(tuple(days), next_id))
    return chunks


class SeedError(Exception):
    """The database cannot take the synthetic collection as asked."""


@dataclass(frozen=True)
class Context:
    """What a worker needs besides its chunk: ids of outlets and topics, and the column list."""

    seed: int
    outlet_ids: dict[str, int]
    outlet_sites: dict[str, str]
    tag_ids: dict[str, int]
    columns: tuple[str, ...]
    defaults: dict[str, object]


ARTICLE_TABLE = Article._meta.db_table
LINK_TABLE = Article.tags.through._meta.db_table


def article_columns() -> tuple[tuple[str, ...], dict[str, object]]:
    """Every concrete column of the article table, and the model defaults of those we don't set.

    Taken from the model so that a field added later goes in with its default instead of
    failing the load.
    """
    generated = {
        "id",
        "slug",
        *(Article._meta.get_field(name).attname for name in CLIPPING_FIELDS),
        *PUBLICATION_FIELDS,
        "created_at",
        "updated_at",
    }
    fields = Article._meta.concrete_fields
    defaults = {
        f.column: f.get_db_prep_save(f.get_default(), connection)
        for f in fields
        if f.attname not in generated
    }
    return tuple(f.column for f in fields), defaults


@cache
def _slug(title: str) -> str:
    return make_slug(title)


# Translations go up the morning after the paper ran the story, as in the demo collection.
POSTED_AT = datetime.time(9, 0, tzinfo=datetime.UTC)


def chunk_rows(
    chunk: Chunk,
    context: Context,
    adapt_date: Callable[[datetime.date], object] = lambda value: value,
    adapt_time: Callable[[datetime.datetime], object] = lambda value: value,
) -> tuple[list[tuple], list[tuple[int, int]], int]:
    """The chunk's article rows (in `context.columns` order), topic links, and draft count.

    The adapters turn dates and times into what the driver takes: psycopg takes them as they
    are, Django's SQLite backend stores text.
    """
    rows: list[tuple] = []
    links: list[tuple[int, int]] = []
    drafts = 0
    pk = chunk.first_id
    for day, n in chunk.days:
        posted = datetime.datetime.combine(day + datetime.timedelta(days=1), POSTED_AT)
        stamp = adapt_time(posted)
        published_on = adapt_date(day)
        for clipping in generate_day(context.seed, day, n):
            url = ""
            if clipping.has_source_url:
                url = f"{context.outlet_sites[clipping.outlet]}archive/{day:%Y/%m/%d}/{pk}"
            values = {
                "id": pk,
                "title": clipping.title,
                "slug": _slug(clipping.title),
                "outlet_id": context.outlet_ids[clipping.outlet],
                "published_on": published_on,
                "page": clipping.page,
                "edition": clipping.edition,
                "position": clipping.position,
                "kind": clipping.kind,
                "body": clipping.body,
                "original_title": clipping.original_title,
                "original_language": "ja",
                "translator": clipping.translator,
                "translator_notes": clipping.translator_notes,
                "source_url": url,
                "status": clipping.status,
                "publish_at": stamp,
                "created_at": stamp,
                "updated_at": stamp,
            }
            drafts += clipping.status == "draft"
            rows.append(tuple(values.get(c, context.defaults.get(c)) for c in context.columns))
            links.extend((pk, context.tag_ids[slug]) for slug in clipping.topics)
            pk += 1
    return rows, links, drafts


def seed(
    count: int,
    seed: int = 1,
    *,
    jobs: int = 2,
    progress: TextIO | None = None,
) -> SeedSummary:
    """Add `count` synthetic clippings, demo outlets and topics created first if missing."""
    if count < 1:
        raise SeedError("The count must be at least 1.")
    vendor = connection.vendor
    if vendor not in ("postgresql", "sqlite"):
        raise SeedError(f"seed_demo loads PostgreSQL and SQLite only, not {vendor}.")
    if vendor == "postgresql" and connection.in_atomic_block:
        # Parallel connections cannot see an open transaction's rows, and would wait on them.
        raise SeedError("seed_demo commits as it goes: call it outside a transaction.")
    started = time.perf_counter()
    with transaction.atomic():
        summary = DemoSummary()
        outlets = load_outlets(summary)
        topics = load_topics(summary)
    if Article.objects.filter(published_on__range=(START, END)).exists():
        raise SeedError(
            f"The database already holds clippings dated {START} to {END}, the synthetic "
            "collection's years; seed into an empty database (for example after `flush`)."
        )
    columns, defaults = article_columns()
    context = Context(
        seed=seed,
        outlet_ids={slug: outlet.pk for slug, outlet in outlets.items()},
        outlet_sites={
            o["slug"]: (o["website"] if o["website"].endswith("/") else o["website"] + "/")
            for o in OUTLETS
        },
        tag_ids={slug: tag.pk for slug, tag in topics.items()},
        columns=columns,
        defaults=defaults,
    )
    corpus()  # built once here, so forked workers inherit it
    bar = ProgressBar(count, progress)
    if vendor == "postgresql":
        result = PostgresLoader(context, jobs).load(count, bar)
    else:
        result = SQLiteLoader(context).load(count, bar)
    # COPY and executemany send no model signals.
    collection_changed()
    bar.finish()
    result.seconds = time.perf_counter() - started
    return result


class ProgressBar:
    """A one-line bar on a terminal; nothing at all when output goes elsewhere."""

    def __init__(self, total: int, stream: TextIO | None) -> None:
        self.total = total
        self.done = 0
        self.stream = stream if stream is not None and stream.isatty() else None
        self.started = time.perf_counter()
        self.label = ""

    def advance(self, rows: int) -> None:
        self.done += rows
        self.draw()

    def stage(self, label: str) -> None:
        self.label = label
        self.draw()

    def draw(self) -> None:
        if self.stream is None:
            return
        share = self.done / self.total
        elapsed = time.perf_counter() - self.started
        rate = self.done / elapsed if elapsed else 0
        width = 30
        filled = int(width * share)
        line = (
            f"\r[{'#' * filled}{'.' * (width - filled)}] {self.done:,}/{self.total:,} "
            f"{share:4.0%} {rate:,.0f}/s {self.label}"
        )
        self.stream.write(line.ljust(100))
        self.stream.flush()

    def finish(self) -> None:
        if self.stream is not None:
            self.stream.write("\n")
            self.stream.flush()


class PostgresLoader:
    """COPY on `jobs` connections at once, each chunk one transaction."""

    GIN_INDEX = "articles_article_search_vector_idx"
    LINK_TRIGGERS = (
        "articles_article_tags_search_insert",
        "articles_article_tags_search_delete",
        "articles_article_tags_search_update",
    )

    def __init__(self, context: Context, jobs: int) -> None:
        self.context = context
        self.jobs = max(1, jobs)

    def load(self, count: int, bar: ProgressBar) -> SeedSummary:
        first_id = self.reserve_ids(count)
        chunks = plan_chunks(day_counts(count, self.context.seed), first_id)
        summary = SeedSummary(created=count)
        with self.search_suspended(summary, bar):
            # Workers are forked: no connection of ours may cross into them.
            connections.close_all()
            with multiprocessing.get_context("fork").Pool(
                self.jobs, initializer=_worker_start, initargs=(self.context,)
            ) as pool:
                for rows, links, drafts in pool.imap_unordered(_worker_load, chunks):
                    summary.links += links
                    summary.drafts += drafts
                    bar.advance(rows)
        return summary

    @staticmethod
    def reserve_ids(count: int) -> int:
        """Move the id sequence past `count` new ids and return the first of them."""
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_get_serial_sequence(%s, 'id')", [ARTICLE_TABLE])
            sequence = cursor.fetchone()[0]
            cursor.execute(
                f"SELECT setval(%s, GREATEST((SELECT last_value FROM {sequence}), "
                f"(SELECT coalesce(max(id), 0) FROM {ARTICLE_TABLE})) + %s)",
                [sequence, count],
            )
            last = cursor.fetchone()[0]
        return last - count + 1

    @contextmanager
    def search_suspended(self, summary: SeedSummary, bar: ProgressBar) -> Iterator[None]:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT indexdef FROM pg_indexes WHERE tablename = %s AND indexname = %s",
                [ARTICLE_TABLE, self.GIN_INDEX],
            )
            row = cursor.fetchone()
            index_sql = row[0] if row else None
            cursor.execute(
                "SELECT tgname FROM pg_trigger WHERE tgrelid = %s::regclass AND tgname = ANY(%s) "
                "AND tgenabled <> 'D'",
                [LINK_TABLE, list(self.LINK_TRIGGERS)],
            )
            triggers = [name for (name,) in cursor.fetchall()]
            for name in triggers:
                cursor.execute(f'ALTER TABLE {LINK_TABLE} DISABLE TRIGGER "{name}"')
            if index_sql:
                cursor.execute(f'DROP INDEX IF EXISTS "{self.GIN_INDEX}"')
        try:
            yield
        finally:
            bar.stage("building the search index")
            started = time.perf_counter()
            with connection.cursor() as cursor:
                for name in triggers:
                    cursor.execute(f'ALTER TABLE {LINK_TABLE} ENABLE TRIGGER "{name}"')
                if index_sql:
                    # A GIN build is much faster with room to sort in memory.
                    cursor.execute("SET maintenance_work_mem = '1GB'")
                    cursor.execute(index_sql.replace("CREATE INDEX", "CREATE INDEX IF NOT EXISTS"))
                    cursor.execute("RESET maintenance_work_mem")
                cursor.execute(f"ANALYZE {ARTICLE_TABLE}")
                cursor.execute(f"VACUUM ANALYZE {LINK_TABLE}")
            # Searches size their first date slice from these (about 1 min at a million).
            get_search_backend(connection.alias).refresh_word_counts()
            summary.index_seconds = time.perf_counter() - started


_worker_context: Context | None = None
_worker_connection = None


def _worker_start(context: Context) -> None:
    global _worker_context, _worker_connection
    _worker_context = context
    params = connection.get_connection_params()
    _worker_connection = connection.get_new_connection(params)
    with _worker_connection.cursor() as cursor:
        try:
            # Compresses bodies several times faster than the default pglz.
            cursor.execute("SET default_toast_compression = 'lz4'")
            _worker_connection.commit()
        except Exception:  # noqa: BLE001 - a server built without lz4 keeps its default
            _worker_connection.rollback()
        # Safe for a load that can be rerun: a crash loses the last commits, never corrupts.
        cursor.execute("SET synchronous_commit = off")
    _worker_connection.commit()


def _worker_load(chunk: Chunk) -> tuple[int, int, int]:
    context = _worker_context
    rows, links, drafts = chunk_rows(chunk, context)
    conn = _worker_connection
    with conn.cursor() as cursor:
        # Links first: the foreign key waits for the commit, and the article's insert trigger
        # then finds its topics and indexes the row once, complete.
        with cursor.copy(f"COPY {LINK_TABLE} (article_id, tag_id) FROM STDIN") as copy:
            for link in links:
                copy.write_row(link)
        column_list = ", ".join(context.columns)
        with cursor.copy(f"COPY {ARTICLE_TABLE} ({column_list}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
    conn.commit()
    return len(rows), len(links), drafts


class SQLiteLoader:
    """executemany in one transaction: SQLite has one writer, so more connections gain nothing."""

    LINK_TRIGGERS = (
        "articles_article_tags_fts_insert",
        "articles_article_tags_fts_delete",
        "articles_article_tags_fts_update",
    )

    def __init__(self, context: Context) -> None:
        self.context = context

    def load(self, count: int, bar: ProgressBar) -> SeedSummary:
        summary = SeedSummary(created=count)
        fields = {f.column: f for f in Article._meta.concrete_fields}
        date_field, time_field = fields["published_on"], fields["publish_at"]
        columns = self.context.columns
        insert_article = (
            f"INSERT INTO {ARTICLE_TABLE} ({', '.join(columns)}) "
            f"VALUES ({', '.join('%s' for _ in columns)})"
        )
        insert_link = f"INSERT INTO {LINK_TABLE} (article_id, tag_id) VALUES (%s, %s)"
        with transaction.atomic(), connection.cursor() as cursor:
            last = Article.objects.aggregate(last=Max("pk"))["last"] or 0
            chunks = plan_chunks(day_counts(count, self.context.seed), last + 1)
            # The link triggers would re-index each clipping once per topic; the article's
            # insert trigger indexes it once, complete, because its links go in first.
            cursor.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN "
                f"({', '.join('%s' for _ in self.LINK_TRIGGERS)})",
                list(self.LINK_TRIGGERS),
            )
            triggers = cursor.fetchall()
            for name, _sql in triggers:
                cursor.execute(f'DROP TRIGGER "{name}"')
            for chunk in chunks:
                rows, links, drafts = chunk_rows(
                    chunk,
                    self.context,
                    lambda value: date_field.get_db_prep_save(value, connection),
                    lambda value: time_field.get_db_prep_save(value, connection),
                )
                cursor.executemany(insert_link, links)
                cursor.executemany(insert_article, rows)
                summary.links += len(links)
                summary.drafts += drafts
                bar.advance(len(rows))
            # In the same transaction: if anything above fails, the triggers were never gone.
            for _name, sql in triggers:
                cursor.execute(sql)
            # Without statistics SQLite reads "published" as selective and scans its index for
            # the newest-first pages instead of the date index (90 ms against 0.1 at 100k rows).
            cursor.execute(f"ANALYZE {ARTICLE_TABLE}")
            cursor.execute(f"ANALYZE {LINK_TABLE}")
        return summary
