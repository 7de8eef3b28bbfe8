"""The serving process's garbage collection: its long-lived objects frozen after warm-up."""

import gc
import json
import weakref

import pytest

from readingroom.serving import WarmUpFreezer
from tests.test_settings import run_python


class Node:
    """An object that can be in a reference cycle and be watched by a weak reference."""

    def __init__(self) -> None:
        self.other: Node | None = None


def cycle() -> weakref.ref:
    first, second = Node(), Node()
    first.other, second.other = second, first
    return weakref.ref(first)


@pytest.fixture
def unfrozen():
    """The test process is left with nothing frozen, whatever the test did."""
    gc.unfreeze()
    yield
    gc.unfreeze()


def test_objects_are_frozen_after_the_chosen_requests_only(unfrozen):
    freezer = WarmUpFreezer(after=(1, 3))
    freezer()
    assert gc.get_freeze_count() > 0
    gc.unfreeze()
    freezer()
    assert gc.get_freeze_count() == 0
    freezer()
    assert gc.get_freeze_count() > 0
    gc.unfreeze()
    for _request in range(5):
        freezer()
    assert gc.get_freeze_count() == 0


def test_garbage_is_collected_before_the_freeze_not_frozen_with_it(unfrozen):
    gc.disable()
    try:
        garbage = cycle()
        alive = Node()
        alive.other = alive
        WarmUpFreezer(after=(1,))()
        assert garbage() is None
    finally:
        gc.enable()
    # An object alive at the freeze is frozen: no generation the collector walks holds it.
    assert not any(obj is alive for generation in range(3) for obj in gc.get_objects(generation))
    gc.unfreeze()
    assert any(obj is alive for obj in gc.get_objects(2))


def test_the_wsgi_entry_point_freezes_after_its_first_request(tmp_path):
    code = """
import gc, io, json, sys
import readingroom.wsgi as entry

def serve(path):
    environ = {
        "REQUEST_METHOD": "GET", "PATH_INFO": path, "QUERY_STRING": "",
        "SERVER_NAME": "127.0.0.1", "SERVER_PORT": "80", "HTTP_HOST": "127.0.0.1",
        "wsgi.input": io.BytesIO(b""), "wsgi.url_scheme": "http", "wsgi.errors": sys.stderr,
    }
    statuses = []
    response = entry.application(environ, lambda status, headers, *a: statuses.append(status))
    body = b"".join(response)
    frozen_before_close = gc.get_freeze_count()
    response.close()
    return statuses[0], frozen_before_close, gc.get_freeze_count()

first = serve("/healthz")
second = serve("/healthz")
print(json.dumps({"first": first, "second": second}))
"""
    result = run_python(
        code,
        SECRET_KEY="x" * 60,
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="0",
        DATABASE_URL=f"sqlite:///{tmp_path / 'empty.sqlite3'}",
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    status, before_close, after_close = report["first"]
    assert status.startswith("200")
    # The freeze waits until the response is closed, that is sent.
    assert before_close == 0
    assert after_close > 0
    # The second request is not a freezing one: nothing more is frozen after it (frozen
    # objects freed meanwhile leave the count).
    assert report["second"][2] <= report["second"][1]


def test_the_asgi_entry_point_freezes_after_its_first_request_too():
    # The ASGI handler sends the same signal when a response is done; sent here by hand.
    code = """
import gc
import readingroom.asgi
from django.core.signals import request_finished

before = gc.get_freeze_count()
request_finished.send(sender=None)
print(before, gc.get_freeze_count())
"""
    result = run_python(code, SECRET_KEY="x" * 60, ALLOWED_HOSTS="127.0.0.1")
    assert result.returncode == 0, result.stderr
    before, after = map(int, result.stdout.split())
    assert before == 0
    assert after > 0
