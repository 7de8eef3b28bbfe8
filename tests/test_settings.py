"""Production settings, loaded in a child process under a controlled environment."""

import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parent.parent


def run_django(args: list[str], **env: str) -> subprocess.CompletedProcess:
    clean = {
        k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECRET_KEY", "ALLOWED_HOSTS"}
    }
    clean.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
    )


def run_python(code: str, **env: str) -> subprocess.CompletedProcess:
    clean = {
        k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECRET_KEY", "ALLOWED_HOSTS"}
    }
    clean.update(env)
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize("entry_point", ["readingroom.wsgi", "readingroom.asgi"])
def test_serving_without_secret_key_is_refused_with_a_clear_message(entry_point):
    result = run_python(f"import {entry_point}", ALLOWED_HOSTS="example.org")
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_serving_without_allowed_hosts_is_refused_with_a_clear_message():
    result = run_python("import readingroom.wsgi", SECRET_KEY="x" * 60)
    assert result.returncode != 0
    assert "ALLOWED_HOSTS is not set" in result.stderr
    assert "SECRET_KEY" not in result.stderr


def test_runserver_refuses_to_serve_without_secret_key():
    # runserver loads WSGI_APPLICATION before it listens, so it meets the same guard.
    result = run_django(["runserver", "127.0.0.1:0", "--noreload"], ALLOWED_HOSTS="example.org")
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_deploy_check_reports_what_production_lacks():
    result = run_django(["check", "--deploy"])
    assert result.returncode != 0
    assert "readingroom.E001" in result.stderr
    assert "SECRET_KEY is not set" in result.stderr
    assert "ALLOWED_HOSTS is not set" in result.stderr


@pytest.mark.parametrize(
    "args",
    [["makemigrations", "--check", "--dry-run"], ["check"], ["migrate", "--plan"]],
)
def test_tooling_runs_without_production_secrets(args):
    """Commands that serve nothing work in a bare environment, as CI and packagers run them."""
    result = run_django(args, DATABASE_URL="sqlite:///:memory:")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr


def test_a_broken_setting_stops_commands_with_its_own_message():
    result = run_django(["makemigrations", "--check"], DEBUG="1", ADMIN_URL="../up")
    assert result.returncode != 0
    assert "Configuration error: ADMIN_URL '../up' is not a plain path" in result.stderr
    assert "Traceback" not in result.stderr


def test_debug_defaults_off():
    result = run_django(
        ["shell", "-c", "from django.conf import settings; print(settings.DEBUG)"],
        SECRET_KEY="x" * 60,
        ALLOWED_HOSTS="example.org",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("False")


@pytest.mark.parametrize(("value", "expected"), [("", "True"), ("0", "False"), ("1", "True")])
def test_ssl_redirect_on_by_default_in_production(value, expected):
    result = run_django(
        ["shell", "-c", "from django.conf import settings; print(settings.SECURE_SSL_REDIRECT)"],
        SECRET_KEY="x" * 60,
        ALLOWED_HOSTS="example.org",
        SECURE_SSL_REDIRECT=value,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith(expected)


def test_deploy_check_is_clean_in_production_mode():
    result = run_django(
        ["check", "--deploy", "--fail-level", "WARNING"],
        SECRET_KEY="a-long-random-production-secret-" + "k3y" * 20,
        ALLOWED_HOSTS="example.org",
    )
    assert result.returncode == 0, result.stdout + result.stderr


# --- Helpers the other production-mode tests share ----------------------------------------------

ON_POSTGRES = os.environ.get("DATABASE_URL", "").startswith(("postgres:", "postgresql:"))

PRODUCTION = {
    "SECRET_KEY": "a-long-random-production-secret-" + "k3y" * 20,
    "ALLOWED_HOSTS": "example.org",
}


def settings_value(expression: str, **env: str) -> str:
    """The repr of a settings expression, evaluated in a child process under `env`."""
    script = f"from django.conf import settings; print(repr({expression}))"
    result = run_django(["shell", "-c", script], **env)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


def pg_client_args(settings: dict) -> tuple[list[str], dict]:
    """Arguments and environment for createdb, dropdb, pg_isready, from DATABASES settings."""
    args = []
    for option, key in (("-h", "HOST"), ("-p", "PORT"), ("-U", "USER")):
        if settings.get(key):
            args += [option, str(settings[key])]
    env = {**os.environ, **({"PGPASSWORD": settings["PASSWORD"]} if settings["PASSWORD"] else {})}
    return args, env


def with_database(url: str, name: str) -> str:
    """The same server and credentials as DATABASE_URL `url`, another database."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}/{name}" + (f"?{parts.query}" if parts.query else "")


def test_admin_url_defaults_to_admin():
    assert settings_value("settings.ADMIN_URL", **PRODUCTION) == "'admin/'"


def test_admin_url_moves_the_admin():
    result = run_django(
        ["shell", "-c", "from django.urls import reverse; print(reverse('admin:index'))"],
        ADMIN_URL="/editors-desk",
        **PRODUCTION,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "/editors-desk/"


@pytest.mark.parametrize("value", ["<int:x>/", "a b/", "admin/../x", "edit?x=1"])
def test_admin_url_that_is_not_a_plain_path_is_refused(value):
    result = run_django(["check"], ADMIN_URL=value, **PRODUCTION)
    assert result.returncode != 0
    assert "is not a plain path" in result.stderr


def test_no_replica_no_router():
    assert settings_value("sorted(settings.DATABASES)", **PRODUCTION) == "['default']"
    assert settings_value("settings.DATABASE_ROUTERS", **PRODUCTION) == "[]"


ROUTING_PROBE = """
from django.contrib.auth.models import User
from django.db import router, transaction
from articles.models import Outlet
print("read", router.db_for_read(Outlet), "write", router.db_for_write(Outlet))
print("accounts", router.db_for_read(User))
Outlet.objects.create(name="Asahi", slug="asahi")
print("replica sees", Outlet.objects.count())
print("primary has", Outlet.objects.using("default").count())
with transaction.atomic():
    print("in a transaction", Outlet.objects.count())
"""


def test_replica_takes_the_reads_and_the_primary_the_writes(tmp_path):
    primary, replica = tmp_path / "primary.sqlite3", tmp_path / "replica.sqlite3"
    env = {
        "DEBUG": "1",
        "DATABASE_URL": f"sqlite:///{primary}",
        "DATABASE_REPLICA_URL": f"sqlite:///{replica}",
    }
    migrated = run_django(["migrate", "--noinput", "-v0"], **env)
    assert migrated.returncode == 0, migrated.stderr
    # Migrations run on the primary only; replication would bring the schema across.
    assert not replica.exists() or replica.stat().st_size == 0
    replica.write_bytes(primary.read_bytes())

    result = run_django(["shell", "-c", ROUTING_PROBE], **env)

    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()[-5:]
    assert lines == [
        "read replica write default",
        "accounts default",
        # The new outlet went to the primary; the replica, never replicated to here, has none.
        "replica sees 0",
        "primary has 1",
        "in a transaction 1",
    ]
