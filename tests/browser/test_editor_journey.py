"""An editor's day: log in, add a clipping through the admin form, publish it, find it."""

import datetime
import re

import pytest
from django.urls import reverse

from articles.models import Article, Outlet, Tag

from .conftest import expect, log_in, save_screenshot

pytestmark = pytest.mark.browser

# A day with nothing on it in the demo collection, so its page exists only once we publish.
DAY = datetime.date(2015, 11, 10)
TITLE = "Abe and Putin agree to keep talking on islands dispute"
BODY = (
    "Prime Minister Shinzo Abe met President Vladimir Putin on the sidelines of the APEC "
    "summit.\n\nThe two leaders agreed to continue negotiations on a peace treaty."
)


def choose_in_autocomplete(page, field: str, typed: str, option: str) -> None:
    """Pick a value in one of the admin's autocomplete (select2) boxes by typing, as editors do."""
    page.locator(f".field-{field} .select2-selection").click()
    # The single-value box types into a search field in its drop-down; the multiple-value
    # box types into the box itself. Either way it is the one open search field.
    search = page.locator(".select2-container--open .select2-search__field")
    search.fill(typed)
    page.get_by_role("option", name=option, exact=True).click()


def test_editor_adds_a_clipping_publishes_it_and_finds_it_on_its_day(
    new_context, demo, editor, watch
):
    outlet = Outlet.objects.get(slug="sankei-shimbun")
    topic = Tag.objects.get(slug="japan-russia-relations")
    day_url = reverse("articles:archive-day", args=[DAY.year, DAY.month, DAY.day])

    page = new_context().new_page()
    seen = watch(page)
    log_in(page, editor.username)
    page.goto(reverse("admin:articles_article_add"))

    choose_in_autocomplete(page, "outlet", "Sankei", outlet.name)
    page.get_by_label("Source date:", exact=True).fill(DAY.isoformat())
    page.get_by_label("Page:", exact=True).fill("2")
    page.get_by_label("Headline:", exact=True).fill(TITLE)
    page.get_by_label("Body:", exact=True).fill(BODY)
    choose_in_autocomplete(page, "tags", "Russia", topic.full_name)
    # The slug follows the headline as the editor types (the admin's prepopulate script).
    slug = page.get_by_label("Slug:", exact=True)
    expect(slug).to_have_value(re.compile(r"^abe-and-putin-agree"))
    save_screenshot(page, "admin-add-form")
    # The form has its buttons at the top and at the bottom; an editor who has just filled
    # it in is at the bottom.
    page.get_by_role("button", name="Save", exact=True).last.click()

    expect(page.locator(".messagelist")).to_contain_text("was added successfully")
    article = Article.objects.get(title=TITLE)
    assert article.status == Article.Status.DRAFT
    assert article.outlet == outlet and list(article.tags.all()) == [topic]
    assert article.published_on == DAY and article.page == "2"

    # A draft is not public: readers get the not-found page for its day.
    reader = new_context().new_page()
    assert reader.goto(day_url).status == 404

    # Publish it from the list of clippings, with the bulk action.
    page.goto(reverse("admin:articles_article_changelist"))
    # Hundreds of clippings: the editor searches for the new one first.
    page.locator("#searchbar").fill("Abe Putin islands")
    page.locator("#searchbar").press("Enter")
    page.get_by_role("row").filter(has_text=TITLE).get_by_role("checkbox").check()
    page.locator("select[name=action]").select_option("publish")
    page.get_by_role("button", name="Go").click()
    expect(page.locator(".messagelist")).to_contain_text("Published 1 clipping.")
    save_screenshot(page, "admin-changelist-after-publishing")

    # Any reader now finds it on its day, and can open it.
    assert reader.goto(day_url).status == 200
    reader.get_by_role("link", name=TITLE, exact=True).click()
    reader.wait_for_url(f"**{Article.objects.get(title=TITLE).get_absolute_url()}")
    expect(reader.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(reader.locator("main")).to_contain_text(outlet.name)
    expect(reader.get_by_role("link", name=topic.full_name, exact=True)).to_be_visible()

    # The admin's scripts ran under the site's Content-Security-Policy without complaint.
    assert seen.csp_reports() == [] and seen.page_errors == []
    assert seen.foreign_requests() == []
