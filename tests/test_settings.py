"""Production settings, loaded in a child process under a controlled environment."""

import os
import subprocess
import sys
from pathlib import Path

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


def test_missing_secret_key_is_refused_with_a_clear_message():
    result = run_django(["check"], ALLOWED_HOSTS="example.org")
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_missing_allowed_hosts_is_refused_with_a_clear_message():
    result = run_django(["check"], SECRET_KEY="x" * 60)
    assert result.returncode != 0
    assert "ALLOWED_HOSTS is not set" in result.stderr


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
