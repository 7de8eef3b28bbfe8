import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from articles.models import Article, Tag, make_slug

from .factories import ArticleFactory, OutletFactory, TagFactory

pytestmark = pytest.mark.django_db


def test_published_excludes_drafts_and_scheduled():
    public = ArticleFactory()
    ArticleFactory(status=Article.Status.DRAFT)
    ArticleFactory(publish_at=timezone.now() + datetime.timedelta(days=1))
    assert list(Article.objects.published()) == [public]


def test_published_respects_given_moment():
    later = timezone.now() + datetime.timedelta(days=2)
    scheduled = ArticleFactory(publish_at=timezone.now() + datetime.timedelta(days=1))
    assert list(Article.objects.published(now=later)) == [scheduled]
    assert scheduled.is_public is False


def test_same_outlet_date_and_headline_is_rejected_by_the_database():
    first = ArticleFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        ArticleFactory(outlet=first.outlet, published_on=first.published_on, title=first.title)


def test_same_headline_in_another_outlet_is_allowed():
    first = ArticleFactory()
    other = ArticleFactory(title=first.title, published_on=first.published_on)
    assert other.pk != first.pk


def test_source_url_is_unique_when_given_and_blank_repeats():
    ArticleFactory(source_url="https://www.sankei.com/a/1")
    ArticleFactory(source_url="")
    ArticleFactory(source_url="")
    with pytest.raises(IntegrityError), transaction.atomic():
        ArticleFactory(source_url="https://www.sankei.com/a/1")


@pytest.mark.parametrize(
    ("field", "value"),
    [("status", "archived"), ("edition", "midnight"), ("kind", "rumour"), ("body", "")],
)
def test_check_constraints_reject_invalid_values(field, value):
    article = ArticleFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Article.objects.filter(pk=article.pk).update(**{field: value})


def test_outlet_cannot_be_deleted_while_it_has_clippings():
    from django.db.models import ProtectedError

    article = ArticleFactory()
    with pytest.raises(ProtectedError):
        article.outlet.delete()


def test_slug_is_made_from_headline_and_never_empty():
    article = ArticleFactory(title="Japan coordinating for Abe-Putin meeting", slug="")
    assert article.slug == "japan-coordinating-for-abe-putin-meeting"
    assert make_slug("プーチン訪日") == "clipping"
    assert len(make_slug("word " * 100)) <= 80


def test_absolute_url_uses_id_and_slug():
    article = ArticleFactory(title="Abe meets Putin")
    assert article.get_absolute_url() == f"/articles/{article.pk}/abe-meets-putin/"


@pytest.mark.parametrize(
    ("page", "edition", "expected"),
    [
        ("5", "unspecified", "Sankei, November 10, 2015, p. 5"),
        ("22-25", "unspecified", "Sankei, November 10, 2015, pp. 22-25"),
        ("", "unspecified", "Sankei, November 10, 2015"),
        ("2", "evening", "Sankei (evening edition), November 10, 2015, p. 2"),
    ],
)
def test_citation_line(page, edition, expected):
    outlet = OutletFactory(name="Sankei", slug="sankei")
    article = ArticleFactory(outlet=outlet, page=page, edition=edition)
    assert article.citation == expected


def test_paragraphs_split_on_blank_lines():
    article = ArticleFactory(body="One.\r\n\r\nTwo\nstill two.\n\n\n\nThree.")
    assert article.paragraphs == ["One.", "Two\nstill two.", "Three."]


def test_topic_tree_is_two_levels_deep():
    root = TagFactory(name="Security")
    child = TagFactory(name="Okinawa", parent=root)
    grandchild = Tag(name="Henoko", slug="henoko", parent=child)
    with pytest.raises(ValidationError):
        grandchild.full_clean()
    root.parent = TagFactory(name="Other")
    with pytest.raises(ValidationError):
        root.full_clean()
    assert str(child) == "Security › Okinawa"


def test_topic_names_unique_within_parent_case_insensitively():
    root = TagFactory(name="Security")
    TagFactory(name="Okinawa", parent=root)
    with pytest.raises(IntegrityError), transaction.atomic():
        TagFactory(name="okinawa", parent=root, slug="okinawa-2")
    with pytest.raises(IntegrityError), transaction.atomic():
        TagFactory(name="SECURITY", slug="security-2")


def test_in_topic_includes_sub_topics_once():
    root = TagFactory(name="International")
    child = TagFactory(name="Japan-Russia relations", parent=root)
    both = ArticleFactory(tags=[root, child])
    only_child = ArticleFactory(tags=[child])
    ArticleFactory()
    assert set(Article.objects.in_topic(root)) == {both, only_child}
    assert list(Article.objects.in_topic(child).order_by("pk")) == [both, only_child]


def test_with_related_loads_outlet_and_topics_in_fixed_queries(django_assert_num_queries):
    tag = TagFactory(parent=TagFactory())
    for _ in range(5):
        ArticleFactory(tags=[tag])
    with django_assert_num_queries(2):
        for article in Article.objects.with_related():
            assert article.outlet.name
            assert [str(t) for t in article.tags.all()]


def test_editors_group_has_exactly_the_collection_permissions():
    from django.contrib.auth.models import Group

    codenames = set(
        Group.objects.get(name="Editors").permissions.values_list("codename", flat=True)
    )
    assert codenames == {
        f"{action}_{model}"
        for model in ("article", "outlet", "tag")
        for action in ("add", "change", "view")
    }
