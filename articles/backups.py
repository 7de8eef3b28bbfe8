"""Backups of the whole database and restores of them, for `manage.py backup` and `restore`.

A backup is two files with one UTC timestamp in their names:
- the database itself in its own format, which a restore brings back whole (clippings, their
  revisions, users, everything): `pg_dump -Fc` on PostgreSQL (`.dump`); on SQLite a page by page
  copy through SQLite's backup API (`.sqlite3`), consistent even while the site writes;
- every clipping with its outlet and topics as JSON Lines (`.jsonl`, what export_clippings
  writes): readable by people and by any program, and loaded into a database of either engine
  by `import_clippings`.
"""

from __future__ import annotations

import datetime
import os
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.db import connections
from django.db.backends.postgresql.client import DatabaseClient
from django.utils import timezone

from .exports import iter_jsonl
from .models import Article

PREFIX = "readingroom"
# How each format's files begin, so that a restore refuses a file that is not a backup.
SQLITE_MAGIC = b"SQLite format 3\x00"
PG_CUSTOM_MAGIC = b"PGDMP"


class BackupError(Exception):
    """A backup or restore that cannot be done; the message says why."""


@dataclass(frozen=True)
class Backup:
    database: Path
    clippings: Path


def backup(directory: Path | None = None, *, now: datetime.datetime | None = None) -> Backup:
    """Write a backup of the default database into `directory` (settings.BACKUP_DIR)."""
    directory = Path(directory or settings.BACKUP_DIR)
    directory.mkdir(parents=True, exist_ok=True)
    stamp = (now or timezone.now()).astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
    connection = connections["default"]
    if connection.vendor == "postgresql":
        database = directory / f"{PREFIX}-{stamp}.dump"
        write = _pg_dump
    elif connection.vendor == "sqlite":
        database = directory / f"{PREFIX}-{stamp}.sqlite3"
        write = _sqlite_copy_out
    else:
        raise BackupError(f"Backups of {connection.vendor} databases are not supported.")
    clippings = directory / f"{PREFIX}-{stamp}.jsonl"
    for path in (database, clippings):
        if path.exists():
            raise BackupError(f"{path} already exists; wait a second and run the backup again.")
    # Each file is written under a temporary name and renamed when complete, so a backup cut
    # short (disk full, killed) never looks like a good one.
    with _written_atomically(database) as partial:
        write(connection.settings_dict, partial)
    with _written_atomically(clippings) as partial, partial.open("w", encoding="utf-8") as out:
        out.writelines(
            iter_jsonl(Article.objects.order_by("published_on", "id"), with_catalog=True)
        )
    return Backup(database=database, clippings=clippings)


def restore(path: Path) -> None:
    """Replace the contents of the default database with the backup at `path`."""
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"There is no file {path}.")
    with path.open("rb") as handle:
        head = handle.read(len(SQLITE_MAGIC))
    if head.startswith(PG_CUSTOM_MAGIC):
        vendor = "postgresql"
    elif head == SQLITE_MAGIC:
        vendor = "sqlite"
    else:
        raise BackupError(f"{path} is not a database backup made by `manage.py backup`.")
    connection = connections["default"]
    if vendor != connection.vendor:
        raise BackupError(
            f"{path} is a {vendor} backup and the database is {connection.vendor}. To move "
            "clippings between engines, load the backup's .jsonl file with import_clippings."
        )
    # Nothing of ours may hold the database open while it is replaced.
    connections.close_all()
    if vendor == "postgresql":
        _pg_restore(connection.settings_dict, path)
    else:
        _sqlite_copy_in(path, connection.settings_dict)
    # Pages and counts cached from the database as it was must not outlive it. (A local-memory
    # cache lives in the site's processes, which are stopped for a restore.)
    cache.clear()


@contextmanager
def _written_atomically(path: Path) -> Iterator[Path]:
    """A temporary name to write to, renamed to `path` only if the writing succeeds."""
    partial = path.with_name(path.name + ".partial")
    try:
        yield partial
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    os.replace(partial, path)


# PostgreSQL ----------------------------------------------------------------------------------


def _pg_command(program: str, settings_dict: dict, arguments: list[str]) -> None:
    executable = shutil.which(program)
    if executable is None:
        raise BackupError(
            f"{program} is not installed; install the PostgreSQL client of the server's "
            "version (Debian: postgresql-client)."
        )
    command = [executable]
    for option, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if settings_dict.get(key):
            command.append(f"{option}={settings_dict[key]}")
    command += [f"--dbname={settings_dict['NAME']}", *arguments]
    # Django's own dbshell knows how the password and TLS options reach libpq: by environment,
    # so that the password never shows in the process list.
    _, extra = DatabaseClient.settings_to_cmd_args_env(settings_dict, [])
    result = subprocess.run(
        command, env={**os.environ, **(extra or {})}, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise BackupError(f"{program} failed: {result.stderr.strip()}")


def _pg_dump(settings_dict: dict, target: Path) -> None:
    _pg_command("pg_dump", settings_dict, ["--format=custom", f"--file={target}"])


def _pg_restore(settings_dict: dict, source: Path) -> None:
    # One transaction: a restore that fails half-way leaves the database as it was. Ownership
    # and grants are left out so the dump restores under whichever role runs the site.
    _pg_command(
        "pg_restore",
        settings_dict,
        ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction"]
        + [str(source)],
    )


# SQLite --------------------------------------------------------------------------------------


def _sqlite_copy_out(settings_dict: dict, target: Path) -> None:
    source = _sqlite_read_only(Path(settings_dict["NAME"]))
    destination = sqlite3.connect(target)
    try:
        source.backup(destination)
    finally:
        destination.close()
        source.close()


def _sqlite_copy_in(source_path: Path, settings_dict: dict) -> None:
    source = _sqlite_read_only(source_path)
    destination = sqlite3.connect(settings_dict["NAME"])
    try:
        # The backup API replaces every page of the destination, so tables the backup lacks
        # do not survive: the result is exactly the backup.
        source.backup(destination)
    finally:
        destination.close()
        source.close()


def _sqlite_read_only(path: Path) -> sqlite3.Connection:
    # Read-only, so that a mistyped path fails instead of creating an empty database.
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
