"""Nothing lost: every change is a revision with its author, versions compare and restore, and
a deleted clipping comes back with its id, fields, topics and corrections."""

import datetime
import importlib
import re
from html import unescape

import pytest
from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.admin import text_diff
from articles.intake import Intake, record_from_mapping
from articles.models import Article, Correction, Outlet, Tag, record_revisions
from tests.factories import ArticleFactory, OutletFactory, TagFactory
from tests.test_admin import add_form_data, change_form_data, messages_of, run_action
from tests.test_paste import URL as PASTE
from tests.test_paste import fields as paste_fields

ARTICLES = "/admin/articles/article/"
DELETED = f"{ARTICLES}deleted/"

pytestmark = pytest.mark.django_db


@pytest.fixture(params=["superuser", "editor"])
def staff(request, admin_user, editor):
    return admin_user if request.param == "superuser" else editor


@pytest.fixture
def staff_client(client, staff):
    client.force_login(staff)
    return client


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def topics():
    diplomacy = TagFactory(name="Diplomacy", slug="diplomacy")
    return {
        "diplomacy": diplomacy,
        "russia": TagFactory(name="Russia", slug="russia", parent=diplomacy),
        "economy": TagFactory(name="Economy", slug="economy"),
    }


@pytest.fixture
def article(topics):
    article = ArticleFactory(
        title="Abe and Putin to meet in Manila",
        body="Abe will meet Putin in Manila.\n\nThe talks cover the islands.",
        tags=[topics["diplomacy"], topics["russia"]],
    )
    # The factory saves and then sets the topics, two revisions; the admin's add form makes one.
    Article.history.filter(id=article.pk).delete()
    record_revisions([article], created=True)
    return article


def revisions(article: Article) -> list:
    return list(Article.history.filter(id=article.pk))


def revision_tags(revision) -> set[int]:
    return set(revision.tags.values_list("tag_id", flat=True))


def post_change(client, article: Article, **changes):
    response = client.post(f"{ARTICLES}{article.pk}/change/", change_form_data(article, **changes))
    assert response.status_code == 302, response.context["adminform"].form.errors
    return response


def page_text(response) -> str:
    """The page as a reader sees it: inline tags dropped, others a space, spaces collapsed."""
    html = re.sub(r"</?(?:a|cite|em|span|strong|time)\b[^>]*>", "", response.content.decode())
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


# --- revisions --------------------------------------------------------------------------------


def test_admin_save_records_one_revision_with_its_author(staff_client, staff, article, topics):
    before = len(revisions(article))
    post_change(
        staff_client, article, title="Abe and Putin meet in Manila", tags=[topics["economy"].pk]
    )
    latest, *older = revisions(article)
    # One revision for the save, not one more per topic added or removed.
    assert len(older) == before
    assert latest.history_type == "~"
    assert latest.history_user == staff
    assert latest.title == "Abe and Putin meet in Manila"
    assert revision_tags(latest) == {topics["economy"].pk}
    assert revision_tags(older[0]) == {topics["diplomacy"].pk, topics["russia"].pk}


def test_admin_add_records_a_creation_revision(staff_client, staff, topics):
    data = add_form_data(OutletFactory(), [topics["economy"]], title="Tokyo weighs extra budget")
    response = staff_client.post(f"{ARTICLES}add/", data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    article = Article.objects.get(title="Tokyo weighs extra budget")
    [revision] = revisions(article)
    assert revision.history_type == "+"
    assert revision.history_user == staff
    assert revision_tags(revision) == {topics["economy"].pk}


def test_outlet_and_topic_saves_record_revisions(staff_client, staff, topics):
    outlet = OutletFactory(name="Sankei Shimbun", slug="sankei")
    response = staff_client.post(
        f"/admin/articles/outlet/{outlet.pk}/change/",
        {
            "name": "Sankei Shimbun",
            "slug": "sankei",
            "aliases": "Sankei",
            "kind": "national-daily",
            "language": "ja",
            "country": "Japan",
            "website": "",
            "description": "",
        },
    )
    assert response.status_code == 302
    latest = Outlet.history.filter(id=outlet.pk).first()
    assert (latest.aliases, latest.history_user) == ("Sankei", staff)

    economy = topics["economy"]
    response = staff_client.post(
        f"/admin/articles/tag/{economy.pk}/change/",
        {"name": "Economy", "slug": "economy", "description": "Money.", "keywords": ""},
    )
    assert response.status_code == 302
    latest = Tag.history.filter(id=economy.pk).first()
    assert (latest.description, latest.history_user) == ("Money.", staff)
    for url in [
        f"/admin/articles/outlet/{outlet.pk}/history/",
        f"/admin/articles/tag/{economy.pk}/history/",
    ]:
        assert staff_client.get(url).status_code == 200


def test_bulk_actions_record_revisions(editor_client, editor):
    draft = ArticleFactory(status=Article.Status.DRAFT)
    run_action(editor_client, "publish", draft)
    latest = revisions(draft)[0]
    assert (latest.status, latest.history_user) == (Article.Status.PUBLISHED, editor)

    run_action(editor_client, "unpublish", draft)
    latest = revisions(draft)[0]
    assert (latest.status, latest.history_user) == (Article.Status.DRAFT, editor)
    assert len(revisions(draft)) == 3


def test_first_revisions_for_rows_older_than_history(topics):
    """The migration gives every existing row a first revision, topics included."""
    article = ArticleFactory(tags=[topics["russia"]])
    for model in (Article, Outlet, Tag):
        model.history.all().delete()
    Article.history.model.tags.model.objects.all().delete()

    migration = importlib.import_module("articles.migrations.0004_history_and_corrections")
    migration.first_revisions(apps, None)

    [revision] = revisions(article)
    assert revision.history_type == "+"
    assert revision.history_date == article.updated_at
    assert revision.body == article.body
    assert revision_tags(revision) == {topics["russia"].pk}
    assert Outlet.history.filter(id=article.outlet_id).count() == 1
    assert Tag.history.count() == 3


def test_pasted_clipping_gets_a_revision_with_its_author_and_topics(editor_client, editor):
    setup = {
        "sankei": OutletFactory(name="Sankei Shimbun", slug="sankei"),
        "russia": TagFactory(name="Japan-Russia relations", slug="japan-russia"),
    }
    response = editor_client.post(PASTE, paste_fields(setup, action="draft"))
    assert response.status_code == 302
    [revision] = revisions(Article.objects.get())
    assert revision.history_type == "+"
    assert revision.history_user == editor
    assert revision_tags(revision) == {setup["russia"].pk}


def test_reimport_that_changes_a_clipping_records_a_revision(article, topics):
    mapping = {
        "outlet_slug": article.outlet.slug,
        "title": article.title,
        "published_on": article.published_on.isoformat(),
        "body": "A corrected body.",
        "tags": [topics["economy"].slug],
    }
    [record] = Intake().run([record_from_mapping(mapping, "test:1", "")])
    assert record.action == "updated"
    latest, *_ = revisions(article)
    assert latest.history_type == "~"
    assert latest.body == "A corrected body."
    assert revision_tags(latest) == {topics["economy"].pk}


# --- the history page and comparing versions --------------------------------------------------


def test_history_page(staff_client, article):
    post_change(staff_client, article, title="Abe and Putin meet in Manila")
    response = staff_client.get(f"{ARTICLES}{article.pk}/history/")
    assert response.status_code == 200
    content = response.content.decode()
    latest, first = revisions(article)
    assert f'name="from" value="{first.history_id}"' in content
    assert f'name="to" value="{latest.history_id}"' in content
    assert f"?from={first.history_id}&amp;to={latest.history_id}" in content
    assert "Pick two versions and compare them" in content
    assert "Headline · " in page_text(response)
    assert f"{ARTICLES}{article.pk}/history/{first.history_id}/" in content


def count_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_history_page_query_count_is_flat(staff_client, article, topics):
    url = f"{ARTICLES}{article.pk}/history/"
    post_change(staff_client, article, title="Second version")
    before = count_queries(staff_client, url)
    for n in range(4):
        article.refresh_from_db()
        post_change(staff_client, article, title=f"Version {n}", tags=[topics["economy"].pk])
    assert count_queries(staff_client, url) == before


def test_compare_shows_changed_fields_and_a_body_diff(staff_client, article, topics):
    post_change(
        staff_client,
        article,
        title="Abe and Putin to meet in Lima",
        body="Abe will meet <b>Putin</b> in Lima.\r\n\r\nThe talks cover the islands.",
        tags=[topics["economy"].pk],
    )
    latest, first = revisions(article)
    response = staff_client.get(
        f"{ARTICLES}{article.pk}/history/compare/?from={first.history_id}&to={latest.history_id}"
    )
    assert response.status_code == 200
    assert [row["name"] for row in response.context["rows"]] == ["title", "body", "tags"]
    content = response.content.decode()
    assert "<del>Manila</del><ins>Lima</ins>" in content
    # Text is escaped; an unchanged paragraph is shown unmarked.
    assert "<ins>&lt;b&gt;</ins>Putin<ins>&lt;/b&gt;</ins>" in content
    assert "<b>" not in content
    assert "The talks cover the islands." in content
    tags_row = response.context["rows"][2]
    assert (tags_row["old"], tags_row["new"]) == ("Diplomacy, Diplomacy › Russia", "Economy")
    # Both versions can be restored from here.
    assert f"{ARTICLES}{article.pk}/history/{first.history_id}/" in content


def test_compare_defaults_to_the_latest_two_and_orders_the_pair(staff_client, article):
    post_change(staff_client, article, page="7")
    latest, first = revisions(article)
    for query in ["", f"?from={latest.history_id}&to={first.history_id}"]:
        response = staff_client.get(f"{ARTICLES}{article.pk}/history/compare/{query}")
        assert response.context["older"] == first
        assert response.context["newer"] == latest
        assert [row["name"] for row in response.context["rows"]] == ["page"]


def test_compare_of_a_first_version(staff_client, article):
    response = staff_client.get(f"{ARTICLES}{article.pk}/history/compare/")
    assert response.status_code == 200
    assert "nothing earlier to compare" in response.content.decode()


@pytest.mark.parametrize(
    "path",
    [
        "abc/history/",
        "{pk}/history/abc/",
        "{pk}/history/99999999/",
        "abc/history/compare/",
        "99999999/history/compare/",
        "{pk}/history/compare/?from=abc",
        "{pk}/history/compare/?to=%C2%B2",
        "{pk}/history/compare/?from={other}",
    ],
)
def test_malformed_history_addresses_are_404(staff_client, article, path):
    other = revisions(ArticleFactory())[0].history_id
    url = ARTICLES + path.format(pk=article.pk, other=other)
    assert staff_client.get(url).status_code == 404


def test_text_diff():
    assert text_diff("a b c", "a x c") == "a <del>b</del><ins>x</ins> c"
    assert text_diff("one\n\ntwo", "one\r\n\r\ntwo") == "one\n\ntwo"
    assert text_diff("", "<i>") == "<ins>&lt;i&gt;</ins>"
    assert text_diff("gone\nstays\n", "stays\n") == "<del>gone\n</del>stays\n"


# --- restoring an earlier version -------------------------------------------------------------


def form_as_posted(form) -> dict:
    """What a browser would post back from an unchanged admin form."""
    data = {}
    for name, bound in form.initial.items():
        if name not in form.fields:
            continue
        if isinstance(bound, datetime.datetime):
            local = timezone.localtime(bound)
            data[f"{name}_0"], data[f"{name}_1"] = (
                local.strftime("%Y-%m-%d"),
                local.strftime("%H:%M:%S"),
            )
        elif isinstance(bound, datetime.date):
            data[name] = bound.isoformat()
        elif isinstance(bound, list):
            data[name] = [getattr(item, "pk", item) for item in bound]
        elif bound is None:
            data[name] = ""
        else:
            data[name] = bound
    return data


def test_restore_brings_back_the_old_title_and_topics(staff_client, staff, article, topics):
    post_change(staff_client, article, title="A wrong headline", tags=[topics["economy"].pk])
    _, first = revisions(article)

    url = f"{ARTICLES}{article.pk}/history/{first.history_id}/"
    response = staff_client.get(url)
    assert response.status_code == 200
    form = response.context["adminform"].form
    assert form.initial["title"] == "Abe and Putin to meet in Manila"
    assert set(form.initial["tags"]) == {topics["diplomacy"].pk, topics["russia"].pk}
    assert 'value="Revert"' in response.content.decode()

    response = staff_client.post(url, {**form_as_posted(form), "_save": "Revert"})
    assert response.status_code == 302, response.context["adminform"].form.errors
    article.refresh_from_db()
    assert article.title == "Abe and Putin to meet in Manila"
    assert set(article.tags.all()) == {topics["diplomacy"], topics["russia"]}
    restored, *older = revisions(article)
    assert len(older) == 2
    assert restored.history_user == staff
    assert restored.history_change_reason.startswith("Restored the version of ")
    assert restored.title == "Abe and Putin to meet in Manila"
    assert revision_tags(restored) == {topics["diplomacy"].pk, topics["russia"].pk}


# --- deleting and bringing back ---------------------------------------------------------------


def delete_as_admin(client, article: Article) -> None:
    confirm = client.get(f"{ARTICLES}{article.pk}/delete/")
    assert "can be brought back" in confirm.content.decode()
    response = client.post(f"{ARTICLES}{article.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert not Article.objects.filter(pk=article.pk).exists()


def test_delete_and_restore(admin_client, admin_user, article, topics):
    created_at = article.created_at
    correction = Correction.objects.create(
        article=article, note="The venue was misreported.", changed_fields=["body"]
    )
    delete_as_admin(admin_client, article)
    assert not Correction.objects.exists()

    assert "Deleted clippings" in admin_client.get(ARTICLES).content.decode()
    listing = admin_client.get(DELETED)
    assert listing.status_code == 200
    # Other modules' fixtures may have deleted clippings of their own outside any test.
    [deletion] = [d for d in listing.context["page"].object_list if d.id == article.pk]
    assert deletion.history_user == admin_user
    assert "Abe and Putin to meet in Manila" in listing.content.decode()

    response = admin_client.post(f"{DELETED}{deletion.history_id}/restore/", follow=True)
    assert "Restored the clipping" in messages_of(response)[0]
    restored = Article.objects.get(pk=article.pk)
    for name in ["title", "slug", "body", "outlet_id", "published_on", "status", "publish_at"]:
        assert getattr(restored, name) == getattr(article, name), name
    assert restored.created_at == created_at
    assert set(restored.tags.all()) == {topics["diplomacy"], topics["russia"]}
    assert Correction.objects.get().pk == correction.pk
    latest = revisions(restored)[0]
    assert latest.history_type == "+"
    assert latest.history_user == admin_user
    assert latest.history_change_reason == "Restored after deletion"
    assert revision_tags(latest) == {topics["diplomacy"].pk, topics["russia"].pk}
    listed = admin_client.get(DELETED).context["page"].object_list
    assert article.pk not in [d.id for d in listed]


def test_restore_refuses_a_clash(admin_client, article):
    delete_as_admin(admin_client, article)
    deletion = Article.history.filter(id=article.pk, history_type="-").get()
    ArticleFactory(outlet=article.outlet, title=article.title, published_on=article.published_on)
    response = admin_client.post(f"{DELETED}{deletion.history_id}/restore/", follow=True)
    assert "was not restored" in messages_of(response)[-1]
    assert not Article.objects.filter(pk=article.pk).exists()


def test_restore_of_a_clipping_no_longer_deleted(admin_client, article):
    delete_as_admin(admin_client, article)
    deletion = Article.history.filter(id=article.pk, history_type="-").get()
    admin_client.post(f"{DELETED}{deletion.history_id}/restore/")
    response = admin_client.post(f"{DELETED}{deletion.history_id}/restore/", follow=True)
    assert "nothing was restored" in messages_of(response)[-1]
    assert Article.objects.filter(pk=article.pk).count() == 1


def test_restore_needs_a_post(admin_client, article):
    delete_as_admin(admin_client, article)
    deletion = Article.history.filter(id=article.pk, history_type="-").get()
    assert admin_client.get(f"{DELETED}{deletion.history_id}/restore/").status_code == 405


def test_revert_form_of_a_deleted_clipping_points_to_restore(admin_client, article):
    first = revisions(article)[0]
    delete_as_admin(admin_client, article)
    response = admin_client.get(f"{ARTICLES}{article.pk}/history/{first.history_id}/")
    assert response.status_code == 302
    assert response.url == DELETED


def test_deleted_list_query_count_is_flat(admin_client):
    def delete(count: int) -> None:
        for article in ArticleFactory.create_batch(count, tags=[TagFactory()]):
            article.delete()

    delete(1)
    before = count_queries(admin_client, DELETED)
    delete(4)
    assert count_queries(admin_client, DELETED) == before


def test_editors_use_history_but_cannot_delete_or_restore(editor_client, article):
    """Editors have no delete permission, so recovering deleted clippings is for admins."""
    assert editor_client.get(f"{ARTICLES}{article.pk}/history/").status_code == 200
    assert editor_client.get(f"{ARTICLES}{article.pk}/history/compare/").status_code == 200
    assert "Deleted clippings" not in editor_client.get(ARTICLES).content.decode()
    assert editor_client.get(DELETED).status_code == 403
    assert editor_client.post(f"{ARTICLES}{article.pk}/delete/", {"post": "yes"}).status_code == 403

    first = revisions(article)[0]
    pk = article.pk
    article.delete()
    deletion = Article.history.filter(id=pk, history_type="-").get()
    assert editor_client.post(f"{DELETED}{deletion.history_id}/restore/").status_code == 403
    # Nor can the revert form of a deleted clipping bring it back.
    url = f"{ARTICLES}{pk}/history/{first.history_id}/"
    assert editor_client.get(url).status_code == 403
    assert editor_client.post(url, {"title": "Back"}).status_code == 403
    assert not Article.objects.filter(pk=pk).exists()


def test_viewers_see_history_but_cannot_revert(client, django_user_model, article):
    from django.contrib.auth.models import Permission

    viewer = django_user_model.objects.create_user(username="viewer", is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_article"))
    client.force_login(viewer)
    first = revisions(article)[0]
    assert client.get(f"{ARTICLES}{article.pk}/history/").status_code == 200
    response = client.get(f"{ARTICLES}{article.pk}/history/{first.history_id}/")
    assert response.status_code == 200
    assert 'value="Revert"' not in response.content.decode()
    compare = client.get(f"{ARTICLES}{article.pk}/history/compare/")
    assert compare.context["can_revert"] is False
