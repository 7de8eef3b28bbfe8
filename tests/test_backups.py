"""Backups restore into an empty database with every clipping, on SQLite and on PostgreSQL.

The round trip runs the real commands in child processes against throwaway databases: the
test database pytest-django makes is in memory (SQLite) or inside a transaction, and a backup
of either would prove nothing.
"""

import datetime
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from unittest import mock

import dj_database_url
import pytest
from django.db import connection

from articles import backups
from articles.backups import BackupError

from .test_settings import ON_POSTGRES, ROOT, pg_client_args, run_django, with_database

SEED = """
import datetime
from django.contrib.auth import get_user_model
from django.utils import timezone
from articles.models import Article, Outlet, Tag

sankei = Outlet.objects.create(name="Sankei", slug="sankei")
kyodo = Outlet.objects.create(name="Kyodo", slug="kyodo", kind="wire")
security = Tag.objects.create(name="Security", slug="security")
okinawa = Tag.objects.create(name="Okinawa", slug="okinawa", parent=security)
for n in range(30):
    article = Article.objects.create(
        title=f"Clipping number {n} \u2014 \u6c96\u7e04",
        slug=f"clipping-{n}",
        outlet=sankei if n % 2 else kyodo,
        published_on=datetime.date(2015, 11, 1) + datetime.timedelta(days=n),
        page=str(n),
        body=f"Paragraph one of {n}.\\n\\nParagraph two.",
        status="draft" if n % 7 == 0 else "published",
        publish_at=timezone.now(),
    )
    article.tags.set([okinawa] if n % 3 else [security, okinawa])
get_user_model().objects.create_user("editor", password="correct horse battery staple")
"""

INVENTORY = """
import json
from django.contrib.auth import get_user_model
from articles.models import Article
print("INVENTORY " + json.dumps({
    "clippings": sorted(
        [a.outlet.slug, a.published_on.isoformat(), a.title, a.status, a.body,
         sorted(t.slug for t in a.tags.all())]
        for a in Article.objects.all()
    ),
    "users": sorted(get_user_model().objects.values_list("username", flat=True)),
}))
"""

NAME = re.compile(r"readingroom-(\d{8}T\d{6}Z)\.(dump|sqlite3|jsonl)")


def manage(env: dict, *args: str) -> str:
    result = run_django(list(args), DEBUG="1", **env)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def inventory(env: dict) -> dict:
    output = manage(env, "shell", "-c", INVENTORY)
    [line] = [line for line in output.splitlines() if line.startswith("INVENTORY ")]
    return json.loads(line.removeprefix("INVENTORY "))


def round_trip(source: dict, target: dict, folder: Path) -> None:
    manage(source, "migrate", "--noinput", "-v0")
    manage(source, "shell", "-c", SEED)
    before = inventory(source)
    assert len(before["clippings"]) == 30

    written = manage(source, "backup", "--dir", str(folder)).split()

    database, clippings = map(Path, written)
    assert sorted(path.name for path in folder.iterdir()) == sorted([database.name, clippings.name])
    stamps = {NAME.fullmatch(path.name)[1] for path in (database, clippings)}
    assert len(stamps) == 1
    taken = datetime.datetime.strptime(stamps.pop(), "%Y%m%dT%H%M%SZ").replace(tzinfo=datetime.UTC)
    assert abs(datetime.datetime.now(datetime.UTC) - taken) < datetime.timedelta(minutes=5)

    # The target was never migrated: the restore alone must bring back schema and data.
    manage(target, "restore", "--noinput", str(database))

    assert inventory(target) == before
    lines = [json.loads(line) for line in clippings.read_text(encoding="utf-8").splitlines()]
    exported = sorted(line["title"] for line in lines if line.get("record") == "clipping")
    assert exported == sorted(clipping[2] for clipping in before["clippings"])


def test_sqlite_backup_restores_into_an_empty_database(tmp_path):
    source = {"DATABASE_URL": f"sqlite:///{tmp_path / 'live.sqlite3'}"}
    target = {"DATABASE_URL": f"sqlite:///{tmp_path / 'empty.sqlite3'}"}
    round_trip(source, target, tmp_path / "backups")
    assert NAME.fullmatch(next((tmp_path / "backups").glob("*.sqlite3")).name)


@pytest.fixture
def two_postgres_databases():
    url = os.environ["DATABASE_URL"]
    args, env = pg_client_args(dj_database_url.parse(url))
    names = [f"readingroom_backup_{role}_{os.getpid()}" for role in ("live", "empty")]
    for name in names:
        subprocess.run(["createdb", *args, name], env=env, check=True)
    yield [{"DATABASE_URL": with_database(url, name)} for name in names]
    for name in names:
        subprocess.run(["dropdb", "--if-exists", *args, name], env=env, check=False)


@pytest.mark.skipif(not ON_POSTGRES, reason="DATABASE_URL is not PostgreSQL")
def test_postgres_backup_restores_into_an_empty_database(two_postgres_databases, tmp_path):
    source, target = two_postgres_databases
    round_trip(source, target, tmp_path / "backups")
    assert next((tmp_path / "backups").glob("*.dump")).read_bytes().startswith(b"PGDMP")


# --- Refusals -------------------------------------------------------------------------------


def test_restore_refuses_what_is_not_a_backup(tmp_path, db):
    export = tmp_path / "readingroom-20151110T000000Z.jsonl"
    export.write_text('{"record": "clipping"}\n', encoding="utf-8")
    with pytest.raises(BackupError, match="not a database backup"):
        backups.restore(export)
    with pytest.raises(BackupError, match="There is no file"):
        backups.restore(tmp_path / "missing.dump")


def test_restore_refuses_a_backup_of_the_other_engine(tmp_path, db):
    other = b"SQLite format 3\x00" if connection.vendor == "postgresql" else b"PGDMP\x01\x0e"
    foreign = tmp_path / "foreign"
    foreign.write_bytes(other + b"\x00" * 100)
    with pytest.raises(BackupError, match="import_clippings"):
        backups.restore(foreign)


def test_a_failed_backup_leaves_no_file_that_looks_complete(tmp_path, db):
    failure = BackupError("pg_dump failed: disk full")

    def half_written(settings_dict, target):
        Path(target).write_bytes(b"PGDMP half")
        raise failure

    with (
        mock.patch.object(backups, "_pg_dump", side_effect=half_written),
        mock.patch.object(backups, "_sqlite_copy_out", side_effect=half_written),
        pytest.raises(BackupError, match="disk full"),
    ):
        backups.backup(tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_restore_asks_before_replacing_the_database(tmp_path):
    env = {"DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}"}
    manage(env, "migrate", "--noinput", "-v0")
    backup_file = manage(env, "backup", "--dir", str(tmp_path / "b")).split()[0]
    answered = subprocess.run(
        [sys.executable, "manage.py", "restore", backup_file],
        cwd=ROOT,
        env={**os.environ, "DEBUG": "1", **env},
        input="no\n",
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert answered.returncode != 0
    assert "Restore cancelled; nothing was changed." in answered.stderr
