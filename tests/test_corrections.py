"""Corrections: an editor marks a change to a published clipping as a correction with a public
note; the clipping's page says so, and /corrections/ lists every public one, newest first."""

import datetime
import re
from html import unescape

import pytest
from django.db import IntegrityError, connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Correction
from tests.factories import ArticleFactory, TagFactory
from tests.test_admin import change_form_data

ARTICLES = "/admin/articles/article/"
LOG = "/corrections/"
NOTE = "The meeting is in Lima, not Manila."

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def article():
    return ArticleFactory(
        title="Abe and Putin to meet in Manila",
        body="Abe will meet Putin in Manila.\n\nThe talks cover the islands.",
        tags=[TagFactory(name="Diplomacy", slug="diplomacy")],
    )


def page_text(response) -> str:
    """The page as a reader sees it: inline tags dropped, others a space, spaces collapsed."""
    html = re.sub(r"</?(?:a|cite|em|span|strong|time)\b[^>]*>", "", response.content.decode())
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def correct(client, article: Article, **changes):
    data = change_form_data(
        article,
        title="Abe and Putin to meet in Lima",
        body="Abe will meet Putin in Lima.\n\nThe talks cover the islands.",
        is_correction="on",
        correction_note=NOTE,
    )
    data.update(changes)
    return client.post(f"{ARTICLES}{article.pk}/change/", data)


def form_errors(response) -> dict:
    assert response.status_code == 200
    return response.context["adminform"].form.errors


# --- the change form --------------------------------------------------------------------------


def test_published_clipping_form_offers_a_correction(editor_client, article):
    content = editor_client.get(f"{ARTICLES}{article.pk}/change/").content.decode()
    assert ">Correction</h2>" in content
    assert 'name="is_correction"' in content
    assert 'name="correction_note"' in content
    assert "This change is a correction" in content
    assert "What was corrected" in content


def test_draft_form_has_no_correction_fields(editor_client):
    draft = ArticleFactory(status=Article.Status.DRAFT)
    response = editor_client.get(f"{ARTICLES}{draft.pk}/change/")
    assert "is_correction" not in response.context["adminform"].form.fields
    assert 'name="correction_note"' not in response.content.decode()


def test_correction_is_saved_with_the_change(editor_client, editor, article):
    response = correct(editor_client, article)
    assert response.status_code == 302, form_errors(response)
    article.refresh_from_db()
    assert article.title == "Abe and Putin to meet in Lima"
    correction = Correction.objects.get()
    assert correction.article == article
    assert correction.note == NOTE
    assert correction.changed_fields == ["title", "body"]
    assert correction.changed_field_labels == ["headline", "body"]
    assert correction.editor == editor
    # The correction is dated with the revision it belongs to.
    assert correction.created_at == Article.history.filter(id=article.pk).first().history_date


def test_correction_requires_a_note(editor_client, article):
    before = Article.history.filter(id=article.pk).count()
    errors = form_errors(correct(editor_client, article, correction_note="   "))
    assert errors["correction_note"] == ["Say what was corrected: readers see this note."]
    article.refresh_from_db()
    assert article.title == "Abe and Putin to meet in Manila"
    assert not Correction.objects.exists()
    assert Article.history.filter(id=article.pk).count() == before


def test_a_note_without_the_box_ticked_is_not_dropped(editor_client, article):
    errors = form_errors(correct(editor_client, article, is_correction=""))
    assert errors["is_correction"] == [
        "Tick this box to publish the note below, or clear the note."
    ]
    assert not Correction.objects.exists()


def test_a_correction_must_change_something(editor_client, article):
    # A browser sends the body back with CRLF line ends; that alone is no change.
    crlf_body = article.body.replace("\n", "\r\n")
    errors = form_errors(correct(editor_client, article, title=article.title, body=crlf_body))
    assert errors["is_correction"] == ["Nothing was changed, so there is no correction to record."]


def test_an_ordinary_change_is_no_correction(editor_client, article):
    response = correct(editor_client, article, is_correction="", correction_note="")
    assert response.status_code == 302
    assert not Correction.objects.exists()


def test_database_refuses_an_empty_note(article):
    with pytest.raises(IntegrityError):
        Correction.objects.create(article=article, note="  ")


def test_restoring_an_old_version_can_be_a_correction(editor_client, article):
    """The revert form is the change form of a past version: it takes a correction too."""
    first = Article.history.filter(id=article.pk).first()
    response = correct(editor_client, article, is_correction="", correction_note="")
    assert response.status_code == 302
    url = f"{ARTICLES}{article.pk}/history/{first.history_id}/"
    form = editor_client.get(url).context["adminform"].form
    assert "is_correction" in form.fields
    data = change_form_data(
        article,
        is_correction="on",
        correction_note="The earlier headline was right after all.",
        tags=form.initial["tags"],
    )
    response = editor_client.post(url, data)
    assert response.status_code == 302, form_errors(response)
    article.refresh_from_db()
    assert article.title == "Abe and Putin to meet in Manila"
    assert Correction.objects.get().changed_fields == ["title", "body"]


# --- the public side --------------------------------------------------------------------------


def test_clipping_page_shows_its_corrections(editor_client, client, article):
    correct(editor_client, article)
    article.refresh_from_db()
    correction = Correction.objects.get()
    client.logout()
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    date = timezone.localtime(correction.created_at).strftime("%B %-d, %Y")
    assert f"Corrected on {date}: {NOTE} (changed: headline, body)" in page_text(response)
    content = response.content.decode()
    assert f'id="correction-{correction.pk}"' in content
    assert f'<time datetime="{correction.created_at:%Y-%m-%d}">' in content
    assert f'href="{reverse("articles:correction-list")}"' in content


def test_uncorrected_clipping_page_has_no_corrections_block(client, article):
    content = client.get(article.get_absolute_url()).content.decode()
    assert 'id="corrections"' not in content


def at(days: int) -> datetime.datetime:
    return timezone.now() - datetime.timedelta(days=days)


def test_log_lists_public_corrections_newest_first(client, article):
    other = ArticleFactory(title="Tax debate resumes")
    older = Correction.objects.create(
        article=other, note="The rate is 10%.", changed_fields=["body"], created_at=at(3)
    )
    newer = Correction.objects.create(
        article=article, note=NOTE, changed_fields=["title", "body"], created_at=at(1)
    )
    response = client.get(LOG)
    assert response.status_code == 200
    assert response.context["corrections"] == [newer, older]
    text = page_text(response)
    assert text.index("Abe and Putin to meet in Manila") < text.index("Tax debate resumes")
    assert f"{NOTE} (changed: headline, body)" in text
    assert "The rate is 10%. (changed: body)" in text
    assert f'href="{newer.get_absolute_url()}"' in response.content.decode()


@pytest.mark.parametrize(
    "hide",
    [
        lambda a: Article.objects.filter(pk=a.pk).update(status=Article.Status.DRAFT),
        lambda a: Article.objects.filter(pk=a.pk).update(
            publish_at=timezone.now() + datetime.timedelta(days=1)
        ),
    ],
    ids=["draft", "scheduled"],
)
def test_corrections_of_clippings_not_public_are_not_shown(client, article, hide):
    Correction.objects.create(article=article, note=NOTE, changed_fields=["title"])
    hide(article)
    response = client.get(LOG)
    assert response.context["corrections"] == []
    assert NOTE not in response.content.decode()
    assert "No corrections so far." in response.content.decode()
    assert client.get(article.get_absolute_url()).status_code == 404


def count_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_log_query_count_is_flat(client):
    def add(count: int) -> None:
        for article in ArticleFactory.create_batch(count, tags=[TagFactory()]):
            Correction.objects.create(article=article, note="Fixed.", changed_fields=["body"])

    add(1)
    before = count_queries(client, LOG)
    add(5)
    assert count_queries(client, LOG) == before


def test_log_pages_back_with_a_cursor(client, monkeypatch):
    monkeypatch.setattr("articles.views.CORRECTIONS_PER_PAGE", 2)
    article = ArticleFactory()
    same_moment = at(2)
    made = [
        Correction.objects.create(article=article, note=f"Fix {n}.", created_at=when)
        for n, when in enumerate([at(5), same_moment, same_moment, at(1)])
    ]
    first = client.get(LOG)
    assert first.context["corrections"] == [made[3], made[2]]
    assert first.context["older"] == made[2].pk
    assert f'href="?before={made[2].pk}"' in first.content.decode()
    second = client.get(f"{LOG}?before={made[2].pk}")
    assert second.context["corrections"] == [made[1], made[0]]
    assert second.context["older"] is None
    assert f'href="{LOG}"' in second.content.decode()
    past_end = client.get(f"{LOG}?before={made[0].pk}")
    assert "There are no older corrections." in past_end.content.decode()


@pytest.mark.parametrize("cursor", ["abc", "1.5", "-1", "²", "9" * 19, ""])
def test_log_malformed_cursor_is_404(client, cursor):
    assert client.get(LOG, {"before": cursor}).status_code == 404


def test_log_cursor_of_a_missing_correction_shows_nothing(client):
    response = client.get(f"{LOG}?before=424242")
    assert response.status_code == 200
    assert response.context["corrections"] == []


# --- the admin's list of corrections ------------------------------------------------------------


def test_admins_can_reword_a_correction(admin_client, article):
    correction = Correction.objects.create(article=article, note="Typo", changed_fields=["body"])
    listing = admin_client.get("/admin/articles/correction/")
    assert listing.status_code == 200
    assert "Typo" in listing.content.decode()
    assert admin_client.get("/admin/articles/correction/add/").status_code == 403
    response = admin_client.post(
        f"/admin/articles/correction/{correction.pk}/change/", {"note": "A typo in the name."}
    )
    assert response.status_code == 302
    correction.refresh_from_db()
    assert correction.note == "A typo in the name."
    assert correction.changed_fields == ["body"]


def test_editors_have_no_corrections_admin(editor_client):
    assert editor_client.get("/admin/articles/correction/").status_code == 403
