"""From parsed clippings and records to saved ones: the one way clippings are written in bulk.

The import command, the admin's paste page and any future API call this module. It resolves
outlets and topics, validates every record before anything is written, saves good records in
batches inside transactions, and reports every bad one with its location and reason.
Running the same input twice changes nothing: a clipping is identified by its source URL when
it has one, else by outlet, source date and headline.
"""

from __future__ import annotations

import csv
import datetime
import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import IntegrityError, NotSupportedError, connections, router, transaction
from django.db.models import (
    CharField,
    DateField,
    DateTimeField,
    Field,
    IntegerField,
    Model,
    TextField,
)
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

from .cache import collection_changed
from .clippings import ClippingError, OutletDirectory, parse_clipping, split_clippings
from .exports import spreadsheet_value
from .models import (
    CLIPPING_FIELDS,
    PUBLICATION_FIELDS,
    Article,
    Outlet,
    Tag,
    make_slug,
    record_revisions,
)
from .search import deferred_indexing

BATCH_SIZE = 1000
TEXT_SUFFIXES = {".txt", ".text"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | {".jsonl", ".csv"}

# Model fields a record may set, besides outlet and tags, with their maximum lengths.
TEXT_LIMITS = {
    "title": 300,
    "slug": 80,
    "page": 20,
    "position": 120,
    "original_title": 300,
    "original_language": 12,
    "translator": 120,
    "source_url": 500,
}
FREE_TEXT = ("body", "translator_notes")
# Each choice field's values, read once: Django's `.values` builds a new list at every call.
EDITIONS = tuple(Article.Edition.values)
KINDS = tuple(Article.Kind.values)
STATUSES = tuple(Article.Status.values)
UPDATABLE_FIELDS = {*CLIPPING_FIELDS, *PUBLICATION_FIELDS, "slug"}


@dataclass
class Record:
    """One clipping on its way in: what was read, from where, and what is wrong with it."""

    source: str
    raw: str
    outlet: str = ""
    values: dict = field(default_factory=dict)
    tags: list[str] = field(default_factory=list)
    other_outlets: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    outlet_slug: str | None = None
    action: str = ""
    # Whether the source named the topics itself (an export does; raw text only gets
    # suggestions, which never overwrite an editor's choice on a clipping already saved).
    explicit_tags: bool = False
    # The fields the source gave; only these are compared with, and written to, a saved clipping.
    given: set[str] = field(default_factory=set)

    def report(self) -> dict:
        """The shape `import_clippings --json` prints."""
        published_on = self.values.get("published_on")
        return {
            "source": self.source,
            "title": self.values.get("title", ""),
            "outlet": self.outlet,
            "outlet_slug": self.outlet_slug,
            "published_on": published_on.isoformat() if published_on else None,
            "page": self.values.get("page", ""),
            "edition": self.values.get("edition", Article.Edition.UNSPECIFIED),
            "position": self.values.get("position", ""),
            "kind": self.values.get("kind", Article.Kind.FULL),
            "tags": list(self.tags),
            "errors": list(self.errors),
            "action": self.action,
        }


@dataclass
class Summary:
    read: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: int = 0

    def count(self, action: str) -> None:
        setattr(self, action, getattr(self, action) + 1)

    def __str__(self) -> str:
        return (
            f"read {self.read}, created {self.created}, updated {self.updated}, "
            f"unchanged {self.unchanged}, rejected {self.rejected}"
        )


def suggest_topics(text: str, topics: Iterable[Tag]) -> list[Tag]:
    """Topics any of whose keywords (or its own name) appear in the text as whole words."""
    suggested = []
    for topic in topics:
        phrases = [topic.name, *topic.keyword_list]
        pattern = "|".join(re.escape(phrase) for phrase in phrases if phrase)
        if pattern and re.search(rf"(?<!\w)(?:{pattern})(?!\w)", text, re.IGNORECASE):
            suggested.append(topic)
    return suggested


def outlet_directory() -> OutletDirectory:
    return OutletDirectory(
        (outlet.slug, [outlet.name, *outlet.alias_list]) for outlet in Outlet.objects.all()
    )


# Reading sources ---------------------------------------------------------------------------


def iter_paths(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files named, and the supported files below any directory named, in a stable order."""
    for path in map(Path, paths):
        if path.is_dir():
            yield from sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES
            )
        else:
            yield path


def read_path(path: Path) -> Iterator[Record | dict]:
    """Records from one file; catalog entries (outlets, topics) come through as dicts."""
    suffix = path.suffix.lower()
    try:
        if suffix == ".jsonl":
            yield from read_jsonl(path)
        elif suffix == ".csv":
            yield from read_csv(path)
        elif suffix in TEXT_SUFFIXES:
            yield from read_text(path.read_text(encoding="utf-8-sig"), str(path))
        else:
            yield Record(
                source=str(path), raw="", errors=[f"unsupported file type {suffix or '(none)'}"]
            )
    except (OSError, UnicodeDecodeError) as error:
        yield Record(source=str(path), raw="", errors=[f"cannot read file: {error}"])


def read_text(text: str, name: str) -> Iterator[Record]:
    for line, chunk in split_clippings(text):
        yield record_from_text(chunk, f"{name}:{line}", first_line=line)


def record_from_text(text: str, source: str, first_line: int = 1) -> Record:
    record = Record(source=source, raw=text)
    try:
        parsed = parse_clipping(text)
    except ClippingError as error:
        # The parser counts lines within the clipping; report them as lines of the file.
        where = f" (line {first_line + error.line - 1})" if error.line else ""
        record.errors.append(f"{error}{where}")
        return record
    record.outlet = parsed.outlet
    record.other_outlets = list(parsed.other_outlets)
    record.values = parsed.article_values()
    return record


def read_jsonl(path: Path) -> Iterator[Record | dict]:
    with path.open(encoding="utf-8-sig") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            source = f"{path}:{number}"
            try:
                data = json.loads(line)
            except json.JSONDecodeError as error:
                yield Record(source=source, raw=line, errors=[f"not valid JSON: {error.msg}"])
                continue
            if not isinstance(data, dict):
                yield Record(source=source, raw=line, errors=["expected a JSON object"])
            elif data.get("record") in ("outlet", "topic"):
                yield data | {"_source": source}
            else:
                yield record_from_mapping(data, source, line)


def read_csv(path: Path) -> Iterator[Record]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        for row in reader:
            source = f"{path}:{reader.line_num}"
            if None in row:
                yield Record(
                    source=source,
                    raw=json.dumps(row, default=str),
                    errors=["too many cells in this row"],
                )
                continue
            data = {key: spreadsheet_value(value or "") for key, value in row.items()}
            if "tags" in data:
                data["tags"] = [slug for slug in data["tags"].split(";") if slug]
            yield record_from_mapping(data, source, json.dumps(row, ensure_ascii=False))


def record_from_mapping(data: dict, source: str, raw: str) -> Record:
    """A record from an export-shaped mapping (JSON Lines object or CSV row)."""
    record = Record(source=source, raw=raw)
    outlet = data.get("outlet_slug") or data.get("outlet") or ""
    record.outlet = str(data.get("outlet") or outlet)
    record.outlet_slug = str(data["outlet_slug"]) if data.get("outlet_slug") else None
    tags = data.get("tags") or []
    if isinstance(tags, str):
        tags = [slug for slug in tags.split(";") if slug]
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        record.errors.append("tags must be a list of topic slugs")
        tags = []
    record.tags = tags
    record.explicit_tags = "tags" in data
    values: dict = {}
    for name, limit in TEXT_LIMITS.items():
        value = data.get(name, "")
        if not isinstance(value, str):
            record.errors.append(f"{name} must be text")
            continue
        value = value.strip()
        if len(value) > limit:
            record.errors.append(f"{name} is longer than {limit} characters")
        values[name] = value
    for name in FREE_TEXT:
        value = data.get(name, "")
        if not isinstance(value, str):
            record.errors.append(f"{name} must be text")
            value = ""
        values[name] = value.replace("\r\n", "\n").strip()
    for name, choices, default in (
        ("edition", EDITIONS, Article.Edition.UNSPECIFIED),
        ("kind", KINDS, Article.Kind.FULL),
    ):
        value = data.get(name) or default
        if value not in choices:
            record.errors.append(f"unknown {name} {value!r}")
        values[name] = value
    if data.get("status"):
        if data["status"] not in STATUSES:
            record.errors.append(f"unknown status {data['status']!r}")
        values["status"] = data["status"]
    published_on = data.get("published_on")
    try:
        values["published_on"] = parse_date(str(published_on or ""))
    except ValueError:
        values["published_on"] = None
    if values["published_on"] is None:
        record.errors.append(f"published_on {published_on!r} is not a valid ISO date")
    if data.get("publish_at"):
        try:
            moment = parse_datetime(str(data["publish_at"]))
        except ValueError:
            moment = None
        if moment is None:
            record.errors.append(f"publish_at {data['publish_at']!r} is not a valid ISO time")
        else:
            values["publish_at"] = (
                moment if timezone.is_aware(moment) else timezone.make_aware(moment, datetime.UTC)
            )
    record.values = values
    return record


# Writing -----------------------------------------------------------------------------------


class Intake:
    """Validates and saves records in batches; every record ends with an action or errors."""

    def __init__(
        self, *, publish: bool = False, create_outlets: bool = False, suggest: bool = True
    ) -> None:
        self.publish = publish
        self.create_outlets = create_outlets
        self.suggest = suggest
        self.summary = Summary()
        self.directory = outlet_directory()
        self.outlets = {outlet.slug: outlet for outlet in Outlet.objects.all()}
        self.refresh_topics()

    def refresh_topics(self) -> None:
        self.topics = {tag.slug: tag for tag in Tag.objects.select_related("parent")}

    def run(self, items: Iterable[Record | dict]) -> Iterator[Record]:
        """Process items, yielding each clipping record once its fate is known."""
        batch: list[Record] = []
        for item in items:
            if isinstance(item, dict):
                yield from self.flush(batch)
                batch = []
                problem = self.save_catalog_entry(item)
                if problem:
                    rejected = Record(
                        source=item["_source"], raw=json.dumps(item), errors=[problem]
                    )
                    self.reject(rejected)
                    yield rejected
                continue
            self.summary.read += 1
            batch.append(item)
            if len(batch) >= BATCH_SIZE:
                yield from self.flush(batch)
                batch = []
        yield from self.flush(batch)

    def reject(self, record: Record) -> None:
        record.action = "rejected"
        self.summary.rejected += 1

    # Catalog entries --------------------------------------------------------------------

    def save_catalog_entry(self, entry: dict) -> str:
        """Create or update an outlet or topic from an export's catalog line; '' when fine."""
        slug = entry.get("slug")
        name = entry.get("name")
        if not isinstance(slug, str) or not slug or not isinstance(name, str) or not name:
            return f"{entry.get('record')} needs a name and a slug"
        try:
            with transaction.atomic():
                if entry["record"] == "outlet":
                    self.save_outlet(entry)
                else:
                    self.save_topic(entry)
        except (ValidationError, IntegrityError, ValueError, TypeError) as error:
            return f"cannot save {entry['record']} {slug!r}: {error}"
        return ""

    def save_outlet(self, entry: dict) -> None:
        aliases = entry.get("aliases") or []
        defaults = {
            "name": entry["name"],
            "aliases": "\n".join(aliases) if isinstance(aliases, list) else str(aliases),
            "kind": entry.get("kind") or Outlet.Kind.NATIONAL_DAILY,
            "language": entry.get("language") or Outlet._meta.get_field("language").default,
            "country": entry.get("country") or Outlet._meta.get_field("country").default,
            "website": entry.get("website") or "",
            "description": entry.get("description") or "",
        }
        outlet = Outlet.objects.filter(slug=entry["slug"]).first() or Outlet(slug=entry["slug"])
        for name, value in defaults.items():
            setattr(outlet, name, value)
        outlet.full_clean(validate_unique=False)
        outlet.save()
        self.outlets[outlet.slug] = outlet
        self.directory = outlet_directory()

    def save_topic(self, entry: dict) -> None:
        parent = None
        if entry.get("parent"):
            parent = self.topics.get(entry["parent"])
            if parent is None:
                raise ValueError(f"unknown parent topic {entry['parent']!r}")
        keywords = entry.get("keywords") or []
        tag = Tag.objects.filter(slug=entry["slug"]).first() or Tag(slug=entry["slug"])
        tag.name = entry["name"]
        tag.parent = parent
        tag.description = entry.get("description") or ""
        tag.keywords = "\n".join(keywords) if isinstance(keywords, list) else str(keywords)
        tag.full_clean(validate_unique=False)
        tag.save()
        self.topics[tag.slug] = tag

    # Clippings ----------------------------------------------------------------------------

    def resolve(self, record: Record) -> Outlet | None:
        slug = record.outlet_slug if record.outlet_slug in self.outlets else None
        if slug is None and record.outlet:
            slug = self.directory.resolve(record.outlet)
        if slug is None and record.outlet and self.create_outlets:
            outlet = self.create_outlet(record.outlet)
            slug = outlet.slug
        if slug is None:
            written = record.outlet or record.outlet_slug or ""
            record.errors.append(f"unknown outlet {written!r}" if written else "no outlet given")
            return None
        record.outlet_slug = slug
        return self.outlets[slug]

    def create_outlet(self, name: str) -> Outlet:
        slug = make_slug(name, fallback="outlet")
        outlet, _ = Outlet.objects.get_or_create(slug=slug, defaults={"name": name[:120]})
        self.outlets[outlet.slug] = outlet
        self.directory = outlet_directory()
        return outlet

    def prepare(self, record: Record) -> Article | None:
        """Validate a record fully and build its unsaved Article; None when it is rejected."""
        if record.errors:
            return None
        outlet = self.resolve(record)
        values = dict(record.values)
        # PostgreSQL cannot store a NUL character in text; refuse the record, not the batch.
        with_nul = sorted(n for n, v in values.items() if isinstance(v, str) and "\x00" in v)
        if with_nul:
            record.errors.append("NUL character in " + ", ".join(with_nul))
        if not values.get("title"):
            record.errors.append("no headline")
        if not values.get("body"):
            record.errors.append("no body text")
        if values.get("source_url"):
            try:
                URLValidator()(values["source_url"])
            except ValidationError:
                record.errors.append(f"source_url {values['source_url']!r} is not a valid URL")
        if self.suggest and not record.explicit_tags:
            text = f"{values.get('title', '')}\n{values.get('body', '')}"
            record.tags = [tag.slug for tag in suggest_topics(text, self.topics.values())]
        unknown = [slug for slug in record.tags if slug not in self.topics]
        if unknown:
            record.errors.append("unknown topic " + ", ".join(repr(slug) for slug in unknown))
        if record.errors or outlet is None:
            return None
        record.given = set(values) | {"outlet"}
        if self.publish and "status" not in values:
            record.given.add("status")
        if "status" not in values:
            values["status"] = Article.Status.PUBLISHED if self.publish else Article.Status.DRAFT
        values.setdefault("publish_at", timezone.now())
        values["slug"] = values.get("slug") or make_slug(values["title"])
        return Article(outlet=outlet, **values)

    def flush(self, batch: list[Record]) -> Iterator[Record]:
        if not batch:
            return
        prepared: list[tuple[Record, Article]] = []
        for record in batch:
            article = self.prepare(record)
            if article is None:
                self.reject(record)
            else:
                prepared.append((record, article))
        try:
            with transaction.atomic():
                self.save_batch(prepared)
        except IntegrityError:
            # Something the checks above did not foresee: save one by one so that a single
            # bad record cannot take its good neighbours down with it.
            for record, article in prepared:
                try:
                    with transaction.atomic():
                        self.save_batch([(record, article)])
                except IntegrityError as error:
                    record.errors.append(f"the database refused it: {error}")
                    self.reject(record)
        for record in batch:
            if record.action and record.action != "rejected":
                self.summary.count(record.action)
        yield from batch

    def save_batch(self, prepared: list[tuple[Record, Article]]) -> None:
        if not prepared:
            return
        for record, _ in prepared:
            record.action = ""
        existing = self.find_existing([article for _, article in prepared])
        to_create: list[Article] = []
        to_update: list[tuple[Record, Article]] = []
        seen: dict[tuple, Article] = {}
        for record, article in prepared:
            key = identity(article)
            current = seen.get(key) or existing.get(key)
            if current is None and article.source_url:
                current = existing.get(natural_key(article))
            if current is None:
                article._tag_ids = {self.topics[slug].pk for slug in record.tags}
                to_create.append(article)
                seen[key] = article
                record.action = "created"
                continue
            tag_ids = {self.topics[slug].pk for slug in record.tags}
            changed = [
                name
                for name in record.given & UPDATABLE_FIELDS
                if getattr(current, name) != getattr(article, name)
            ]
            if not record.explicit_tags:
                tag_ids = current_tags(current)
            if not changed and tag_ids == current_tags(current):
                record.action = "unchanged"
                continue
            for name in changed:
                setattr(current, name, getattr(article, name))
            current._tag_ids = tag_ids
            to_update.append((record, current))
            record.action = "updated" if current.pk else "created"
        # A clipping that appears twice in the batch, changed, is one new row with the last
        # values, and gets two revisions, as if it had been saved and then updated.
        updated = list({id(article): article for _, article in to_update}.values())
        new = {id(article) for article in to_create}
        saved = [article for article in updated if id(article) not in new]
        now = timezone.now()
        for article in saved:
            article.updated_at = now
        # The triggers would index a new clipping when its row is written and again for its
        # topics, and a changed one for its row and again for its topics; instead each is
        # indexed once, with its topics, as the block ends.
        with deferred_indexing() as pending:
            self.insert_articles(to_create)
            if saved:
                Article.objects.bulk_update(saved, [*sorted(UPDATABLE_FIELDS), "updated_at"])
            self.write_tags(to_create, saved)
            pending.add(article.pk for article in [*to_create, *saved])
        # Bulk writes bypass the history signals; record one revision per clipping here.
        record_revisions(to_create, created=True)
        record_revisions(updated)
        collection_changed()

    def insert_articles(self, articles: list[Article]) -> None:
        """Insert new clippings, giving them ids and timestamps as bulk_create would."""
        if not articles:
            return
        writer = BulkSQL()
        now = timezone.now()
        for article, pk in zip(articles, writer.new_ids(Article, len(articles)), strict=True):
            article.pk = pk
            article.created_at = article.updated_at = now
            article._state.adding = False
            article._state.db = writer.using
        writer.insert(Article, [field.attname for field in Article._meta.concrete_fields], articles)

    def write_tags(self, created: list[Article], updated: list[Article]) -> None:
        """Give each clipping the topics in its `_tag_ids`; new clippings have no links yet."""
        through = Article.tags.through
        if updated:
            through.objects.filter(article_id__in=[article.pk for article in updated]).delete()
        links = {article.pk: article for article in [*created, *updated]}
        BulkSQL().insert(
            through,
            ["article_id", "tag_id"],
            [(pk, tag_id) for pk, article in links.items() for tag_id in sorted(article._tag_ids)],
        )

    def find_existing(self, articles: list[Article]) -> dict[tuple, Article]:
        """Saved clippings matching any of these, by source URL and by natural key."""
        ids = BulkSQL().matching_ids(articles)
        existing: dict[tuple, Article] = {}
        if not ids:
            return existing
        # The outlet comes along because the comparison with each record reads it.
        found = Article.objects.filter(pk__in=ids).select_related("outlet").prefetch_related("tags")
        for article in found:
            article._tag_ids = {tag.pk for tag in article.tags.all()}
            existing[natural_key(article)] = article
            if article.source_url:
                existing[("url", article.source_url)] = article
        return existing


class BulkSQL:
    """The few statements the intake runs itself, each in its database's fastest form.

    Django's bulk_create compiles every value of every row into SQL in Python, which costs more
    than the database's own work in an import. Here rows are bound (SQLite) or streamed with COPY
    (PostgreSQL) as they are, after the conversions the ORM would have made.
    """

    def __init__(self) -> None:
        self.using = router.db_for_write(Article)
        self.connection = connections[self.using]
        if self.connection.vendor not in ("postgresql", "sqlite"):
            raise NotSupportedError(f"the intake writes to PostgreSQL or SQLite, not {self.vendor}")

    @property
    def vendor(self) -> str:
        return self.connection.vendor

    def new_ids(self, model: type[Model], count: int) -> list[int]:
        """Primary keys no row has or had, for `count` rows about to be inserted."""
        table, pk = model._meta.db_table, model._meta.pk.column
        with self.connection.cursor() as cursor:
            if self.vendor == "postgresql":
                cursor.execute(
                    "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                    [table, pk, count],
                )
                return [value for (value,) in cursor.fetchall()]
            # AUTOINCREMENT never reuses an id, even a deleted one's: start past its high-water
            # mark. No other connection can take these ids meanwhile: SQLite lets one write at
            # a time, and refuses the write of a transaction whose snapshot has gone stale.
            quote = self.connection.ops.quote_name
            cursor.execute(
                f"SELECT max(coalesce((SELECT max({quote(pk)}) FROM {quote(table)}), 0), "
                "coalesce((SELECT seq FROM sqlite_sequence WHERE name = %s), 0))",
                [table],
            )
            start = cursor.fetchone()[0] + 1
            return list(range(start, start + count))

    def insert(self, model: type[Model], attnames: list[str], rows: Iterable) -> None:
        """Insert rows: model instances (their `attnames` are read) or tuples in that order."""
        by_attname = {field.attname: field for field in model._meta.concrete_fields}
        fields = [by_attname[attname] for attname in attnames]
        quote = self.connection.ops.quote_name
        table = quote(model._meta.db_table)
        columns = ", ".join(quote(field.column) for field in fields)
        values = self.adapted(fields, attnames, rows)
        if self.vendor == "postgresql":
            # Errors from COPY come straight from psycopg; translate them as Django does.
            with (
                self.connection.wrap_database_errors,
                self.connection.cursor() as cursor,
                cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy,
            ):
                for row in values:
                    copy.write_row(row)
            return
        marks = ", ".join(["%s"] * len(fields))
        with self.connection.cursor() as cursor:
            cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})", values)

    def adapted(self, fields: list[Field], attnames: list[str], rows: Iterable) -> Iterator[tuple]:
        """The rows as the ORM would send them."""
        converters = [self.converter(model_field) for model_field in fields]
        for row in rows:
            if not isinstance(row, tuple):
                row = tuple(getattr(row, attname) for attname in attnames)
            yield tuple(
                value if convert is None else convert(value)
                for value, convert in zip(row, converters, strict=True)
            )

    def converter(self, model_field: Field) -> Callable[[Any], Any] | None:
        """How a field's values go to the database; None when they go as they are.

        The common types skip the ORM's per-value machinery; for dates and aware times these
        are the very conversions it ends with. Any other type takes the ORM's own way.
        """
        if model_field.is_relation:
            model_field = model_field.target_field
        if isinstance(model_field, IntegerField):
            return None
        if isinstance(model_field, CharField | TextField):
            return plain_text
        if isinstance(model_field, DateTimeField):
            return self.connection.ops.adapt_datetimefield_value
        if isinstance(model_field, DateField):
            return self.connection.ops.adapt_datefield_value
        return partial(model_field.get_db_prep_save, connection=self.connection)

    def matching_ids(self, articles: list[Article]) -> list[int]:
        """Ids of saved clippings with the natural key or the source URL of any of these."""
        if not articles:
            return []
        keys = [(a.outlet_id, a.published_on, a.title) for a in articles]
        urls = sorted({a.source_url for a in articles if a.source_url})
        with self.connection.cursor() as cursor:
            if self.vendor == "postgresql":
                cursor.execute(
                    "SELECT a.id FROM articles_article a "
                    "JOIN unnest(%s::bigint[], %s::date[], %s::text[]) AS k (outlet, day, title) "
                    "ON a.outlet_id = k.outlet AND a.published_on = k.day AND a.title = k.title "
                    "UNION SELECT id FROM articles_article "
                    "WHERE source_url = ANY(%s::text[]) AND NOT (source_url = '')",
                    [*map(list, zip(*keys, strict=True)), urls],
                )
            else:
                # Each key one probe of the unique index on (outlet, source date, headline):
                # CROSS JOIN keeps the keys the outer loop. The URL test repeats the partial
                # index's condition word for word, or SQLite would scan the table instead.
                cursor.execute(
                    "SELECT a.id FROM json_each(%s) AS k CROSS JOIN articles_article AS a "
                    "ON a.outlet_id = k.value ->> 0 AND a.published_on = k.value ->> 1 "
                    "AND a.title = k.value ->> 2 "
                    "UNION SELECT id FROM articles_article "
                    "WHERE source_url IN (SELECT value FROM json_each(%s)) "
                    "AND NOT (source_url = '')",
                    [
                        json.dumps([[o, day.isoformat(), t] for o, day, t in keys]),
                        json.dumps(urls),
                    ],
                )
            return [pk for (pk,) in cursor.fetchall()]


def plain_text(value: object) -> object:
    """Choices are str subclasses; the database drivers want plain text."""
    return value if value is None or type(value) is str else str(value)


def natural_key(article: Article) -> tuple:
    return ("natural", article.outlet_id, article.published_on, article.title)


def identity(article: Article) -> tuple:
    return ("url", article.source_url) if article.source_url else natural_key(article)


def current_tags(article: Article) -> set[int]:
    return getattr(article, "_tag_ids", set())


def existing_clipping(outlet: Outlet, published_on: datetime.date, title: str) -> Article | None:
    """The saved clipping this one would collide with, if any."""
    return Article.objects.filter(outlet=outlet, published_on=published_on, title=title).first()


def save_clipping(values: dict, tags: Iterable[Tag], *, publish: bool) -> Record:
    """Save one clipping an editor has checked (the paste page), through the same path."""
    values = dict(values)
    outlet = values.pop("outlet")
    values["status"] = Article.Status.PUBLISHED if publish else Article.Status.DRAFT
    record = Record(
        source="pasted",
        raw="",
        outlet=outlet.name,
        outlet_slug=outlet.slug,
        values=values,
        tags=[tag.slug for tag in tags],
        explicit_tags=True,
    )
    [record] = Intake(suggest=False).run([record])
    return record
