"""A reader's ways through the site, clicked in Chromium as a reader would click them."""

import re
from pathlib import Path

import pytest
import rispy
from django.db.models import Count
from django.urls import reverse

from articles.models import Article, Tag

from .conftest import expect, save_screenshot

pytestmark = pytest.mark.browser

CLIPPING_PATH = re.compile(r"^/articles/\d+/[\w-]+/$")


def test_home_to_a_day_a_clipping_its_citation_its_topic_and_compare(new_context, demo, watch):
    page = new_context(accept_downloads=True).new_page()
    seen = watch(page)
    page.goto(reverse("articles:home"))

    # The front page leads with the latest day.
    latest = Article.objects.published().latest("published_on").published_on
    day_url = reverse("articles:archive-day", args=[latest.year, latest.month, latest.day])
    page.get_by_role("heading", level=1).get_by_role("link").click()
    page.wait_for_url(f"**{day_url}")

    article = (
        Article.objects.published()
        .filter(published_on=latest, tags__isnull=False)
        .select_related("outlet")
        .first()
    )
    page.get_by_role("link", name=article.title, exact=True).first.click()
    page.wait_for_url(f"**{article.get_absolute_url()}")
    expect(page.get_by_role("heading", level=1)).to_have_text(article.title)
    expect(page.locator("main")).to_contain_text(article.outlet.name)

    # Cite it: the RIS file is what a reference manager imports.
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download RIS").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".ris")
    [record] = rispy.loads(Path(download.path()).read_text(encoding="utf-8"))
    assert record["type_of_reference"] == "NEWS"
    assert record["title"] == article.title
    assert record["secondary_title"] == article.outlet.name
    assert record["urls"] == [page.url]
    assert record["date"].startswith(latest.strftime("%Y/%m/%d"))

    # On to one of its topics, and from there to how the outlets covered it.
    topic = article.tags.select_related("parent").first()
    page.get_by_role("link", name=topic.full_name, exact=True).first.click()
    page.wait_for_url(f"**{topic.get_absolute_url()}")
    expect(page.get_by_role("heading", level=1)).to_have_text(topic.name)
    page.get_by_role("link", name="Compare how outlets covered this topic").click()
    page.wait_for_url(re.compile(rf"/compare/\?topic={re.escape(topic.slug)}$"))
    table = page.get_by_role("table")
    expect(table.locator("caption")).to_contain_text(topic.full_name)
    # The default range ends on the topic's latest day, which is the clipping's own day.
    expect(table.get_by_role("link", name=article.title, exact=True)).to_have_count(1)
    outlets = table.locator("thead th").all_inner_texts()
    assert any(article.outlet.name in heading for heading in outlets), outlets
    table.get_by_role("link", name=article.title, exact=True).click()
    page.wait_for_url(f"**{article.get_absolute_url()}")

    assert seen.page_errors == [] and seen.dialogs == []
    assert seen.foreign_requests() == []


def reveal(page, target) -> None:
    """Open, as a reader would, the folded <details> around the element until it shows.

    (A wide screen may show a folded panel's content without a summary to click.)"""
    around = target.evaluate(
        """element => {
          const all = [...document.querySelectorAll('details')], chain = [];
          for (let d = element.closest('details'); d; d = d.parentElement.closest('details')) {
            chain.unshift(all.indexOf(d));
          }
          return chain;
        }"""
    )
    for index in around:
        if target.is_visible():
            return
        details = page.locator("details").nth(index)
        summary = details.locator(":scope > summary")
        if summary.is_visible() and not details.evaluate("d => d.open"):
            summary.click()


def clipping_links(page) -> list[str]:
    """The clippings listed on the page (paths), in order, once each."""
    hrefs = page.locator("main a[href]").evaluate_all(
        # getAttribute, not a.href: a link inside the SVG chart has an SVGAnimatedString there.
        "links => links.map(a => new URL(a.getAttribute('href'), document.baseURI).pathname)"
    )
    return list(dict.fromkeys(href for href in hrefs if CLIPPING_PATH.match(href)))


def test_filter_by_outlets_and_a_topic_then_page_through(new_context, demo, watch):
    # The busiest topic, and as many of its outlets as make three pages or more.
    public = Article.objects.published()

    def clippings_in(topic: Tag):
        return public.filter(pk__in=public.in_topic(topic).values("pk"))

    topic = max(Tag.objects.filter(parent__isnull=True), key=lambda t: clippings_in(t).count())
    per_outlet = (
        clippings_in(topic)
        .order_by()
        .values_list("outlet__slug")
        .annotate(n=Count("pk"))
        .order_by("-n", "outlet__slug")
    )
    outlets, total = [], 0
    for slug, count in per_outlet:
        outlets.append(slug)
        total += count
        if total > 45:
            break
    expected = [
        article.get_absolute_url()
        for article in clippings_in(topic).filter(outlet__slug__in=outlets).newest_first()
    ]
    assert len(expected) > 40, "the demo collection is too small to page through"

    page = new_context().new_page()
    seen = watch(page)
    page.goto(reverse("articles:article-list"))
    form = page.locator("form:has(input[type=checkbox][name=outlet])")
    for slug in outlets:
        box = form.locator(f'input[type=checkbox][name=outlet][value="{slug}"]')
        reveal(page, box)
        box.check()
    topic_box = form.locator(f'input[type=checkbox][name=topic][value="{topic.slug}"]')
    reveal(page, topic_box)
    topic_box.check()
    form.locator("button[type=submit]").click()
    page.wait_for_url(re.compile(r"[?&]topic="))
    assert sorted(re.findall(r"outlet=([\w-]+)", page.url)) == sorted(outlets)
    save_screenshot(page, "journey-article-list-filtered")

    pages = [clipping_links(page)]
    while page.locator("a[rel=next]").count():
        page.locator("a[rel=next]").first.click()
        page.wait_for_load_state()
        pages.append(clipping_links(page))
        # The filters travel with the pager's links.
        assert f"topic={topic.slug}" in page.url
        expect(
            form.locator(f'input[type=checkbox][name=topic][value="{topic.slug}"]')
        ).to_be_checked()
        assert len(pages) < 10, "the pager does not end"
    assert len(pages) >= 3
    assert [path for listed in pages for path in listed] == expected

    # And back: the newer page is the one seen before.
    page.locator("a[rel=prev]").first.click()
    page.wait_for_load_state()
    assert clipping_links(page) == pages[-2]
    assert seen.page_errors == [] and seen.foreign_requests() == []


def test_search_from_the_header_box(new_context, demo, watch):
    page = new_context().new_page()
    seen = watch(page)
    page.goto(reverse("articles:home"))
    box = page.get_by_role("banner").get_by_role("searchbox")
    if box.count() == 0:
        pytest.skip("the header has no search box yet")
    article = demo.article
    # Every word of the headline: the clipping itself must be among the first results.
    words = " ".join(re.findall(r"[A-Za-z]{3,}", article.title))
    box.fill(words)
    box.press("Enter")
    page.wait_for_url(re.compile(r"/search/\?(.*&)?q="))
    expect(page.get_by_role("searchbox").first).to_have_value(words)
    save_screenshot(page, "journey-search")
    assert article.get_absolute_url() in clipping_links(page)[:5]
    page.get_by_role("link", name=article.title, exact=True).first.click()
    page.wait_for_url(f"**{article.get_absolute_url()}")
    assert seen.page_errors == [] and seen.foreign_requests() == []
