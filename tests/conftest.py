import pytest


@pytest.fixture(autouse=True)
def _clear_cache():
    """Each test starts with an empty cache so cached pages never leak between tests."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def editor(db, django_user_model):
    """A staff user in the Editors group, as the data migration sets it up."""
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user(
        username="editor", password="correct horse battery staple", is_staff=True
    )
    user.groups.add(Group.objects.get(name="Editors"))
    return user
