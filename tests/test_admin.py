"""The editors' admin: every page renders for both kinds of staff, actions, permissions, and a
clipping added through the admin reaching the public site only once it is published."""

import datetime
import json
import re
from html import unescape
from types import SimpleNamespace

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth.models import Group
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Outlet, Tag
from tests.factories import ArticleFactory, OutletFactory, TagFactory

ARTICLES = "/admin/articles/article/"
OUTLETS = "/admin/articles/outlet/"
TAGS = "/admin/articles/tag/"

HEADLINE = "Japan coordinating for Abe-Putin meeting during APEC Summit in Manila"


@pytest.fixture
def collection(db):
    """Two clippings that differ in every filterable way: each filter keeps one of them."""
    sankei = OutletFactory(
        name="Sankei Shimbun", slug="sankei-shimbun", aliases="Sankei\nSankei Shinbun"
    )
    yomiuri = OutletFactory(name="Yomiuri Shimbun", slug="yomiuri-shimbun")
    kyodo = OutletFactory(name="Kyodo News", slug="kyodo-news", kind=Outlet.Kind.WIRE)
    diplomacy = TagFactory(name="Diplomacy", slug="diplomacy", keywords="summit\nforeign minister")
    russia = TagFactory(name="Russia", slug="diplomacy-russia", parent=diplomacy)
    economy = TagFactory(name="Economy", slug="economy")
    public = ArticleFactory(
        title=HEADLINE,
        outlet=sankei,
        tags=[russia],
        kind=Article.Kind.SUMMARY,
        edition=Article.Edition.MORNING,
        original_title="日露首脳会談、APECで調整",
        body="Japan is giving priority to the Northern Territories negotiations.",
    )
    draft = ArticleFactory(
        title="Consumption tax debate resumes",
        outlet=yomiuri,
        tags=[economy],
        status=Article.Status.DRAFT,
        kind=Article.Kind.FULL,
        edition=Article.Edition.EVENING,
        published_on=datetime.date(2016, 3, 1),
        body="The ruling parties reopened talks on the reduced tax rate.",
    )
    return SimpleNamespace(
        sankei=sankei,
        yomiuri=yomiuri,
        kyodo=kyodo,
        diplomacy=diplomacy,
        russia=russia,
        economy=economy,
        public=public,
        draft=draft,
    )


@pytest.fixture(params=["superuser", "editor"])
def staff_client(request, client, admin_user, editor):
    client.force_login(admin_user if request.param == "superuser" else editor)
    return client


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def visitor():
    """An anonymous reader of the public site, with a session of its own."""
    return Client()


def prepopulated(response) -> dict[str, list[str]]:
    """What the add form's script will fill in: {field: [fields it is made from]}."""
    match = re.search(r'data-prepopulated-fields="([^"]*)"', response.content.decode())
    assert match, "no prepopulated fields on the page"
    return {item["name"]: item["dependency_list"] for item in json.loads(unescape(match[1]))}


def get_ok(client, url: str):
    response = client.get(url)
    assert response.status_code == 200, url
    return response


# --- every page, as a superuser and as an editor ----------------------------------------------


def test_article_changelist(staff_client, collection):
    response = get_ok(staff_client, ARTICLES)
    content = response.content.decode()
    assert HEADLINE in content
    assert collection.draft.title in content
    for title in ["outlet", "topic", "status", "kind", "edition"]:
        assert f'data-filter-title="{title}"' in content
    # The topic filter names sub-topics with their parent.
    assert "Diplomacy › Russia" in content
    assert 'class="toplinks"' in content  # the date hierarchy
    for field in ["title", "outlet", "published_on", "page", "kind", "status", "publish_at"]:
        assert f'class="sortable column-{field}' in content
    cl = response.context["cl"]
    assert cl.list_select_related == ["outlet"]
    assert cl.date_hierarchy == "published_on"
    assert cl.list_per_page == 50
    assert cl.show_full_result_count is False
    assert cl.search_fields == ["title", "original_title", "body"]


@pytest.mark.parametrize(
    "term",
    ["Putin", "日露首脳会談", "Northern Territories"],
    ids=["headline", "original-headline", "body"],
)
def test_article_search(staff_client, collection, term):
    response = get_ok(staff_client, f"{ARTICLES}?q={term}")
    content = response.content.decode()
    assert HEADLINE in content
    assert collection.draft.title not in content
    # No full count: on a large table it is the slowest query of the page.
    assert "Show all" in content
    assert " total)" not in content


def test_article_search_without_match(staff_client, collection):
    content = get_ok(staff_client, f"{ARTICLES}?q=nothing-like-this").content.decode()
    assert HEADLINE not in content
    assert "0 results" in content


@pytest.mark.parametrize(
    "query",
    [
        lambda c: f"outlet__id__exact={c.sankei.pk}",
        # A parent topic includes clippings filed under its sub-topics.
        lambda c: f"topic={c.diplomacy.pk}",
        lambda c: f"topic={c.russia.pk}",
        lambda c: "status__exact=published",
        lambda c: "kind__exact=summary",
        lambda c: "edition__exact=morning",
        lambda c: "published_on__year=2015",
        lambda c: "published_on__year=2015&published_on__month=11&published_on__day=10",
    ],
    ids=["outlet", "parent-topic", "sub-topic", "status", "kind", "edition", "year", "day"],
)
def test_article_filters(staff_client, collection, query):
    response = get_ok(staff_client, f"{ARTICLES}?{query(collection)}")
    content = response.content.decode()
    assert HEADLINE in content
    assert collection.draft.title not in content
    assert list(response.context["cl"].result_list) == [collection.public]


def test_article_filters_the_other_way(staff_client, collection):
    query = (
        f"outlet__id__exact={collection.yomiuri.pk}&topic={collection.economy.pk}"
        "&status__exact=draft&kind__exact=full&edition__exact=evening&published_on__year=2016"
    )
    response = get_ok(staff_client, f"{ARTICLES}?{query}")
    assert list(response.context["cl"].result_list) == [collection.draft]


def test_topic_filter_lists_each_clipping_once(staff_client, collection):
    collection.public.tags.add(collection.diplomacy)
    response = get_ok(staff_client, f"{ARTICLES}?topic={collection.diplomacy.pk}")
    assert list(response.context["cl"].result_list) == [collection.public]
    assert "1 clipping" in response.content.decode()


@pytest.mark.parametrize("value", ["99999", "abc", ""])
def test_unknown_topic_matches_nothing(staff_client, collection, value):
    response = staff_client.get(f"{ARTICLES}?topic={value}")
    assert response.status_code == 200
    assert list(response.context["cl"].result_list) == []


def test_article_filters_with_facet_counts(staff_client, collection):
    response = get_ok(staff_client, f"{ARTICLES}?_facets=True")
    content = response.content.decode()
    assert "Diplomacy (1)" in content
    assert "Diplomacy › Russia (1)" in content
    assert "Economy (1)" in content


def test_article_add_form(staff_client, collection):
    response = get_ok(staff_client, f"{ARTICLES}add/")
    content = response.content.decode()
    for legend in ["Source", "Text", "Translation", "Topics", "Publication"]:
        assert f">{legend}</h2>" in content
    # Outlet and topics are autocompletes, not selects of every row.
    assert 'name="outlet"' in content
    assert content.count("admin-autocomplete") >= 2
    assert 'data-field-name="outlet"' in content
    assert 'data-field-name="tags"' in content
    assert prepopulated(response) == {"slug": ["title"]}
    assert content.count('name="_save"') == 2  # save_on_top
    form = response.context["adminform"].form
    assert set(form.fields) >= {
        "outlet", "published_on", "edition", "page", "position", "title", "slug", "kind",
        "body", "original_title", "original_language", "translator", "translator_notes",
        "source_url", "tags", "status", "publish_at",
    }  # fmt: skip


def test_draft_change_form_has_no_view_on_site_link(staff_client, collection):
    response = get_ok(staff_client, f"{ARTICLES}{collection.draft.pk}/change/")
    content = response.content.decode()
    assert collection.draft.title in content
    assert "viewsitelink" not in content
    assert content.count('name="_save"') == 2


def test_public_clipping_change_form_links_to_its_page(staff_client, collection):
    response = get_ok(staff_client, f"{ARTICLES}{collection.public.pk}/change/")
    content = response.content.decode()
    assert "viewsitelink" in content
    assert f'href="{collection.public.get_absolute_url()}"' in content


def test_outlet_pages(staff_client, collection):
    content = get_ok(staff_client, OUTLETS).content.decode()
    assert "Sankei Shimbun" in content
    assert 'data-filter-title="kind"' in content
    for header in ["name", "kind", "slug", "language", "country", "clippings"]:
        assert f"column-{header}" in content
    # The count links to the clippings it counts.
    assert f"{ARTICLES}?outlet__id__exact={collection.sankei.pk}" in content

    add = get_ok(staff_client, f"{OUTLETS}add/")
    assert 'name="aliases"' in add.content.decode()
    assert prepopulated(add) == {"slug": ["name"]}
    change = get_ok(staff_client, f"{OUTLETS}{collection.sankei.pk}/change/").content.decode()
    assert "Sankei Shinbun" in change


def test_outlet_counts(staff_client, collection):
    ArticleFactory.create_batch(2, outlet=collection.sankei)
    response = get_ok(staff_client, OUTLETS)
    cl = response.context["cl"]
    counts = {outlet.name: outlet.clipping_count for outlet in cl.result_list}
    assert counts == {"Kyodo News": 0, "Sankei Shimbun": 3, "Yomiuri Shimbun": 1}
    # The column is sortable; its index shifts with the checkbox column of users with actions.
    column = cl.list_display.index("clippings")
    ordered = get_ok(staff_client, f"{OUTLETS}?o=-{column}").context["cl"].result_list
    assert [outlet.name for outlet in ordered][0] == "Sankei Shimbun"


def test_outlet_search_by_alias_and_filter(staff_client, collection):
    found = get_ok(staff_client, f"{OUTLETS}?q=Shinbun").context["cl"].result_list
    assert list(found) == [collection.sankei]
    wires = get_ok(staff_client, f"{OUTLETS}?kind__exact=wire").context["cl"].result_list
    assert list(wires) == [collection.kyodo]


def test_tag_pages(staff_client, collection):
    response = get_ok(staff_client, TAGS)
    content = response.content.decode()
    assert "Diplomacy › Russia" in content
    assert 'data-filter-title="parent topic"' in content
    # Parents come straight before their sub-topics.
    assert [str(tag) for tag in response.context["cl"].result_list] == [
        "Diplomacy",
        "Diplomacy › Russia",
        "Economy",
    ]
    assert f"{ARTICLES}?topic={collection.diplomacy.pk}" in content

    add = get_ok(staff_client, f"{TAGS}add/")
    assert prepopulated(add) == {"slug": ["name"]}
    # Only top-level topics can be parents, so only they are offered.
    parents = add.context["adminform"].form.fields["parent"].queryset
    assert set(parents) == {collection.diplomacy, collection.economy}
    get_ok(staff_client, f"{TAGS}{collection.russia.pk}/change/")


def test_tag_counts_include_sub_topics(staff_client, collection):
    ArticleFactory(tags=[collection.diplomacy, collection.russia])
    ArticleFactory(tags=[collection.diplomacy])
    response = get_ok(staff_client, TAGS)
    counts = {str(tag): tag.clipping_count for tag in response.context["cl"].result_list}
    assert counts == {"Diplomacy": 3, "Diplomacy › Russia": 2, "Economy": 1}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("q=summit", ["Diplomacy"]),  # keywords
        ("q=diplomacy", ["Diplomacy", "Diplomacy › Russia"]),  # the parent's name
        ("parent=none", ["Diplomacy", "Economy"]),
        ("parent={diplomacy}", ["Diplomacy › Russia"]),
        ("parent=nonsense", []),
    ],
)
def test_tag_search_and_parent_filter(staff_client, collection, query, expected):
    url = f"{TAGS}?{query.format(diplomacy=collection.diplomacy.pk)}"
    found = get_ok(staff_client, url).context["cl"].result_list
    assert [str(tag) for tag in found] == expected


@pytest.mark.parametrize(
    ("field", "term", "expected"),
    [
        ("outlet", "Shinbun", ["Sankei Shimbun"]),
        ("tags", "diplom", ["Diplomacy", "Diplomacy › Russia"]),
    ],
)
def test_autocomplete(staff_client, collection, field, term, expected):
    response = get_ok(
        staff_client,
        f"/admin/autocomplete/?app_label=articles&model_name=article&field_name={field}"
        f"&term={term}",
    )
    assert [item["text"] for item in json.loads(response.content)["results"]] == expected


# --- lists stay flat as rows grow -------------------------------------------------------------


def count_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        get_ok(client, url)
    return len(queries)


@pytest.mark.parametrize("url", [ARTICLES, OUTLETS, TAGS])
def test_changelist_query_count_is_flat(staff_client, collection, url):
    before = count_queries(staff_client, url)
    for _ in range(4):
        root = TagFactory()
        child = TagFactory(parent=root)
        ArticleFactory.create_batch(3, tags=[root, child])
    assert count_queries(staff_client, url) == before


# --- the Editors group ------------------------------------------------------------------------


def test_editors_group_has_exactly_the_clipping_permissions(db):
    codenames = set(
        Group.objects.get(name="Editors").permissions.values_list("codename", flat=True)
    )
    assert codenames == {
        f"{action}_{model}"
        for action in ["add", "change", "view"]
        for model in ["article", "outlet", "tag"]
    }


@pytest.mark.parametrize(
    "url", ["/admin/auth/user/", "/admin/auth/group/", "/admin/auth/user/add/"]
)
def test_editor_cannot_manage_accounts(editor_client, url):
    assert editor_client.get(url).status_code == 403


def test_editor_cannot_delete(editor_client, collection):
    response = editor_client.get(ARTICLES)
    actions = [name for name, _ in response.context["action_form"].fields["action"].choices]
    assert actions == ["", "publish", "unpublish"]
    for url in [
        f"{ARTICLES}{collection.draft.pk}/delete/",
        f"{OUTLETS}{collection.kyodo.pk}/delete/",
        f"{TAGS}{collection.economy.pk}/delete/",
    ]:
        assert editor_client.get(url).status_code == 403
    assert Article.objects.filter(pk=collection.draft.pk).exists()


def test_superuser_keeps_the_delete_action(admin_client, collection):
    response = admin_client.get(ARTICLES)
    actions = [name for name, _ in response.context["action_form"].fields["action"].choices]
    assert actions == ["", "delete_selected", "publish", "unpublish"]


def test_admin_index_lists_only_the_collection_for_editors(editor_client):
    content = get_ok(editor_client, "/admin/").content.decode()
    assert "Clippings" in content
    assert "Outlets" in content
    assert "Tags" in content
    assert "/admin/auth/" not in content


# --- topics: the two-level tree ---------------------------------------------------------------


def tag_form(tag: Tag, **changes) -> dict:
    data = {
        "name": tag.name,
        "slug": tag.slug,
        "parent": tag.parent_id or "",
        "description": tag.description,
        "keywords": tag.keywords,
    }
    data.update(changes)
    return data


def test_topic_with_sub_topics_cannot_move_under_another(editor_client, collection):
    diplomacy = collection.diplomacy
    response = editor_client.post(
        f"{TAGS}{diplomacy.pk}/change/", tag_form(diplomacy, parent=collection.economy.pk)
    )
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert errors["parent"] == ["This topic has sub-topics, so it must stay at the top level."]
    assert "This topic has sub-topics" in response.content.decode()
    diplomacy.refresh_from_db()
    assert diplomacy.parent is None


def test_topic_cannot_be_its_own_parent(editor_client, collection):
    economy = collection.economy
    response = editor_client.post(
        f"{TAGS}{economy.pk}/change/", tag_form(economy, parent=economy.pk)
    )
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["parent"] == [
        "A topic cannot be its own parent."
    ]


def test_sub_topic_cannot_be_a_parent(editor_client, collection):
    response = editor_client.post(
        f"{TAGS}add/",
        {"name": "Sakhalin", "slug": "sakhalin", "parent": collection.russia.pk},
    )
    assert response.status_code == 200
    assert "parent" in response.context["adminform"].form.errors
    assert not Tag.objects.filter(slug="sakhalin").exists()


def test_editor_adds_a_sub_topic(editor_client, collection):
    response = editor_client.post(
        f"{TAGS}add/",
        {"name": "China", "slug": "diplomacy-china", "parent": collection.diplomacy.pk},
    )
    assert response.status_code == 302
    assert str(Tag.objects.get(slug="diplomacy-china")) == "Diplomacy › China"


# --- bulk actions -----------------------------------------------------------------------------


def run_action(client, action: str, *articles: Article):
    return client.post(
        ARTICLES,
        {"action": action, "_selected_action": [article.pk for article in articles]},
        follow=True,
    )


def messages_of(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


def test_publish_makes_drafts_public_now(editor_client, editor, collection):
    draft = collection.draft
    week_ago = timezone.now() - datetime.timedelta(days=7)
    Article.objects.filter(pk=draft.pk).update(publish_at=week_ago)
    before = timezone.now()

    response = run_action(editor_client, "publish", draft, collection.public)

    assert response.status_code == 200
    # The clipping that was already published is not counted as changed.
    assert messages_of(response) == ["Published 1 clipping."]
    draft.refresh_from_db()
    assert draft.status == Article.Status.PUBLISHED
    # A week-old start time would date the clipping in the past; it goes public now.
    assert draft.publish_at >= before
    assert Article.objects.published().filter(pk=draft.pk).exists()
    entry = LogEntry.objects.get(object_id=str(draft.pk))
    assert entry.user == editor
    assert entry.action_flag == CHANGE
    assert entry.get_change_message() == "Changed Status and Publish at."


def test_publish_leaves_scheduled_clippings_scheduled(editor_client, collection):
    later = timezone.now() + datetime.timedelta(days=2)
    scheduled = ArticleFactory(status=Article.Status.DRAFT, publish_at=later)

    response = run_action(editor_client, "publish", scheduled)

    assert messages_of(response) == [
        "Published 1 clipping. 1 of them is scheduled and becomes public at its set time."
    ]
    scheduled.refresh_from_db()
    assert scheduled.status == Article.Status.PUBLISHED
    assert scheduled.publish_at == later
    assert not Article.objects.published().filter(pk=scheduled.pk).exists()
    assert Article.objects.published(now=later).filter(pk=scheduled.pk).exists()


def test_publish_keeps_the_time_of_already_published_clippings(editor_client, collection):
    public = collection.public
    response = run_action(editor_client, "publish", public)
    assert messages_of(response) == ["No clipping changed: none of those selected was a draft."]
    public_before = public.publish_at
    public.refresh_from_db()
    assert public.publish_at == public_before
    assert not LogEntry.objects.exists()


def test_unpublish_returns_clippings_to_draft(editor_client, collection):
    public = collection.public
    second = ArticleFactory()
    response = run_action(editor_client, "unpublish", public, second, collection.draft)
    assert messages_of(response) == ["Moved 2 clippings back to draft."]
    for article in (public, second):
        publish_at = article.publish_at
        article.refresh_from_db()
        assert article.status == Article.Status.DRAFT
        assert article.publish_at == publish_at
    assert not Article.objects.published().exists()
    assert LogEntry.objects.count() == 2


def test_unpublish_with_nothing_published(editor_client, collection):
    response = run_action(editor_client, "unpublish", collection.draft)
    assert messages_of(response) == ["No clipping changed: none of those selected was published."]


def test_actions_across_every_filtered_row(editor_client, collection):
    ArticleFactory.create_batch(3, outlet=collection.yomiuri, status=Article.Status.DRAFT)
    response = editor_client.post(
        f"{ARTICLES}?outlet__id__exact={collection.yomiuri.pk}",
        {"action": "publish", "select_across": "1", "_selected_action": [collection.draft.pk]},
        follow=True,
    )
    assert messages_of(response) == ["Published 4 clippings."]
    assert not collection.yomiuri.articles.filter(status=Article.Status.DRAFT).exists()


# --- end to end: an editor adds a clipping; it goes public only once published ----------------


def add_form_data(outlet: Outlet, tags: list[Tag], **changes) -> dict:
    """The fields the add form posts, as a browser would send them."""
    publish_at = timezone.localtime() - datetime.timedelta(minutes=5)
    data = {
        "outlet": outlet.pk,
        "published_on": "2015-11-10",
        "edition": "morning",
        "page": "5",
        "position": "Top play",
        "title": "Government weighs extra budget for Northern Territories exchange",
        "slug": "government-weighs-extra-budget",
        "kind": "abridged",
        "body": "The government is weighing an extra budget.\r\n\r\nTalks continue next week.",
        "original_title": "北方領土交流に補正予算",
        "original_language": "ja",
        "translator": "Reading Room staff",
        "translator_notes": "Abridged from the morning edition.",
        "source_url": "https://www.sankei.com/article/20151110-example/",
        "tags": [tag.pk for tag in tags],
        "status": "draft",
        "publish_at_0": publish_at.strftime("%Y-%m-%d"),
        "publish_at_1": publish_at.strftime("%H:%M:%S"),
        "_save": "Save",
    }
    data.update(changes)
    return data


def change_form_data(article: Article, **changes) -> dict:
    publish_at = timezone.localtime(article.publish_at)
    data = {
        "outlet": article.outlet_id,
        "published_on": article.published_on.isoformat(),
        "edition": article.edition,
        "page": article.page,
        "position": article.position,
        "title": article.title,
        "slug": article.slug,
        "kind": article.kind,
        "body": article.body,
        "original_title": article.original_title,
        "original_language": article.original_language,
        "translator": article.translator,
        "translator_notes": article.translator_notes,
        "source_url": article.source_url,
        "tags": [tag.pk for tag in article.tags.all()],
        "status": article.status,
        "publish_at_0": publish_at.strftime("%Y-%m-%d"),
        "publish_at_1": publish_at.strftime("%H:%M:%S"),
        "_save": "Save",
    }
    data.update(changes)
    return data


def test_add_form_posts_every_field_the_form_has(editor_client, collection):
    form = editor_client.get(f"{ARTICLES}add/").context["adminform"].form
    posted = {
        name.removesuffix("_0").removesuffix("_1") for name in add_form_data(collection.sankei, [])
    } - {"_save"}
    assert posted == set(form.fields)


def add_draft_as_editor(client, collection) -> Article:
    response = client.post(
        f"{ARTICLES}add/", add_form_data(collection.sankei, [collection.russia, collection.economy])
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert response.url == ARTICLES
    assert "was added successfully" in messages_of(client.get(response.url))[0]
    article = Article.objects.get(slug="government-weighs-extra-budget")
    assert article.status == Article.Status.DRAFT
    assert article.outlet == collection.sankei
    assert set(article.tags.all()) == {collection.russia, collection.economy}
    assert article.paragraphs == [
        "The government is weighing an extra budget.",
        "Talks continue next week.",
    ]
    return article


def assert_public(client, article: Article, public: bool) -> None:
    detail = client.get(article.get_absolute_url())
    day = client.get(reverse("articles:archive-day", args=[2015, 11, 10]))
    listing = client.get(reverse("articles:article-list"))
    assert detail.status_code == (200 if public else 404)
    assert day.status_code == 200  # the fixture's public clipping ran that day too
    assert listing.status_code == 200
    for response in (detail, day, listing):
        assert (article.title in response.content.decode()) is public


def test_editor_adds_a_draft_that_stays_off_the_site(editor_client, collection, visitor):
    article = add_draft_as_editor(editor_client, collection)
    assert LogEntry.objects.get(object_id=str(article.pk)).is_addition()

    assert_public(visitor, article, public=False)
    assert_public(visitor, collection.public, public=True)


def test_blank_slug_is_made_from_the_headline(editor_client, collection):
    response = editor_client.post(f"{ARTICLES}add/", add_form_data(collection.sankei, [], slug=""))
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert Article.objects.get(title__startswith="Government weighs").slug == (
        "government-weighs-extra-budget-for-northern-territories-exchange"
    )


def test_editor_publishes_the_new_clipping_with_the_bulk_action(editor_client, collection, visitor):
    article = add_draft_as_editor(editor_client, collection)
    assert_public(visitor, article, public=False)

    response = run_action(editor_client, "publish", article)
    assert messages_of(response) == ["Published 1 clipping."]
    article.refresh_from_db()
    assert article.is_public
    assert_public(visitor, article, public=True)


def test_editor_publishes_the_new_clipping_by_editing_its_status(
    editor_client, collection, visitor
):
    article = add_draft_as_editor(editor_client, collection)
    assert_public(visitor, article, public=False)

    response = editor_client.post(
        f"{ARTICLES}{article.pk}/change/", change_form_data(article, status="published")
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    article.refresh_from_db()
    assert article.is_public
    assert_public(visitor, article, public=True)

    # And back again: setting it to draft in the form takes it off the site.
    response = editor_client.post(
        f"{ARTICLES}{article.pk}/change/", change_form_data(article, status="draft")
    )
    assert response.status_code == 302
    assert_public(visitor, article, public=False)
