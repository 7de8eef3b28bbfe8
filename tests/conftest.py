import pytest


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix, tmp_path_factory):
    """On SQLite, the test database is a file in pytest's temporary folder, not memory.

    With an in-memory database, Django hands the live server (the browser tests) the test
    thread's own connection, and every request thread of the server then uses that one
    connection too, at the same time as the others and as the test: pages then fail with
    "database table is locked" while the test writes (tests/test_live_server.py), and a CI run
    that hung in the browser tests until it was killed most likely hung on that sharing. With a
    file, each thread opens a connection of its own and SQLite's locking keeps them apart.
    """
    from django.conf import settings

    for alias, database in settings.DATABASES.items():
        if database["ENGINE"] == "django.db.backends.sqlite3":
            folder = tmp_path_factory.mktemp("database")
            database.setdefault("TEST", {})["NAME"] = str(folder / f"test_{alias}.sqlite3")


@pytest.fixture(autouse=True)
def _clear_cache():
    """Each test starts with empty caches so cached pages and counts never leak between tests.

    The process keeps its own copies of counts (articles.cache._local), which a count marked
    `late` may serve after a write: from another test's database, were they left. A count
    being made in a thread is waited for, so that no thread reads the database after its test.
    """
    from django.core.cache import cache

    from articles import cache as page_cache

    cache.clear()
    page_cache._local.clear()
    yield
    page_cache.wait_for_recounts(30)
    cache.clear()
    page_cache._local.clear()


@pytest.fixture
def editor(db, django_user_model):
    """A staff user in the Editors group, as the data migration sets it up."""
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user(
        username="editor", password="correct horse battery staple", is_staff=True
    )
    user.groups.add(Group.objects.get(name="Editors"))
    return user
