import datetime

import pytest
from django.urls import reverse

from articles.models import Article

from .factories import ArticleFactory, OutletFactory, TagFactory

pytestmark = pytest.mark.django_db

URL = "/admin/articles/article/paste/"
RAW = """print PRINT

Putin signals readiness to discuss Kuril islands

(Sankei: November 10, 2015 – p. 5)

 President Putin said talks on the Northern Territories could resume.

 Tokyo welcomed the remark.

  • Ambassador
  • Ukraine
"""


@pytest.fixture
def setup(db):
    sankei = OutletFactory(name="Sankei Shimbun", slug="sankei", aliases="Sankei")
    international = TagFactory(name="International", slug="international")
    russia = TagFactory(
        name="Japan-Russia relations", slug="japan-russia", parent=international, keywords="Kuril"
    )
    energy = TagFactory(name="Energy", slug="energy", keywords="LNG")
    return {"sankei": sankei, "russia": russia, "energy": energy}


def fields(setup, **overrides) -> dict:
    data = {
        "raw": RAW,
        "title": "Putin signals readiness to discuss Kuril islands",
        "outlet": setup["sankei"].pk,
        "published_on": "2015-11-10",
        "page": "5",
        "edition": "unspecified",
        "position": "",
        "kind": "full",
        "body": "President Putin said talks could resume.\n\nTokyo welcomed the remark.",
        "original_title": "",
        "original_language": "ja",
        "translator": "",
        "translator_notes": "",
        "source_url": "",
        "tags": [setup["russia"].pk],
    }
    data.update(overrides)
    return data


def test_changelist_links_to_the_paste_page(client, editor, setup):
    client.force_login(editor)
    response = client.get(reverse("admin:articles_article_changelist"))
    assert URL in response.content.decode()


def test_reading_fills_the_fields_and_ticks_suggested_topics(client, editor, setup):
    client.force_login(editor)
    response = client.post(URL, {"raw": RAW, "action": "read"})
    assert response.status_code == 200
    form = response.context["clipping_form"]
    assert form.initial["title"] == "Putin signals readiness to discuss Kuril islands"
    assert form.initial["outlet"] == setup["sankei"]
    assert form.initial["published_on"] == datetime.date(2015, 11, 10)
    assert form.initial["page"] == "5"
    assert form.initial["tags"] == [setup["russia"]]
    page = response.content.decode()
    assert "Ambassador" in page  # the pasted text is still in the text box, residue and all
    assert 'value="5"' in page
    assert Article.objects.count() == 0


def test_unreadable_text_shows_the_error_and_keeps_the_text(client, editor, setup):
    client.force_login(editor)
    raw = "Only a headline and nothing else"
    response = client.post(URL, {"raw": raw, "action": "read"})
    assert response.status_code == 200
    assert response.context["problems"]
    assert response.context["clipping_form"] is None
    assert raw in response.content.decode()


def test_unknown_outlet_is_named_and_left_for_the_editor(client, editor, setup):
    client.force_login(editor)
    response = client.post(URL, {"raw": RAW.replace("Sankei", "Daily Planet"), "action": "read"})
    assert any("Daily Planet" in note for note in response.context["notes"])
    assert "outlet" not in response.context["clipping_form"].initial


def test_save_as_draft_creates_a_draft_with_confirmed_topics(client, editor, setup):
    client.force_login(editor)
    response = client.post(URL, fields(setup, action="draft"))
    article = Article.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:articles_article_change", args=[article.pk])
    assert article.status == Article.Status.DRAFT
    assert list(article.tags.all()) == [setup["russia"]]
    assert article.paragraphs == [
        "President Putin said talks could resume.",
        "Tokyo welcomed the remark.",
    ]


def test_publish_makes_it_public(client, editor, setup):
    client.force_login(editor)
    client.post(URL, fields(setup, action="publish", tags=[]))
    article = Article.objects.published().get()
    assert article.tags.count() == 0


def test_invalid_fields_keep_everything_typed(client, editor, setup):
    client.force_login(editor)
    response = client.post(
        URL, fields(setup, action="publish", published_on="2015-02-30", title="My corrected title")
    )
    assert response.status_code == 200
    assert Article.objects.count() == 0
    page = response.content.decode()
    assert "My corrected title" in page
    assert "Ambassador" in page
    assert response.context["clipping_form"].errors["published_on"]


def test_duplicate_is_refused_with_a_link_to_the_existing_clipping(client, editor, setup):
    existing = ArticleFactory(
        outlet=setup["sankei"],
        published_on=datetime.date(2015, 11, 10),
        title="Putin signals readiness to discuss Kuril islands",
    )
    client.force_login(editor)
    response = client.post(URL, fields(setup, action="draft"))
    assert response.status_code == 200
    assert Article.objects.count() == 1
    errors = response.context["clipping_form"].non_field_errors()
    assert reverse("admin:articles_article_change", args=[existing.pk]) in errors[0]


def test_paste_page_needs_add_permission(client, django_user_model, setup):
    viewer = django_user_model.objects.create_user(username="v", password="x", is_staff=True)
    client.force_login(viewer)
    assert client.get(URL).status_code == 403
    client.logout()
    assert client.get(URL).status_code == 302
