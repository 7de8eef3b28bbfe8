"""WCAG 2.2 AA with axe-core on every page type, in light and dark, and the design's promises:
the stylesheet applies, phones never scroll sideways, focus is visible, the skip link works,
print shows only the clipping. Each page type is saved as a screenshot on the way."""

import pytest
from django.urls import reverse

from .conftest import axe_violations, describe_violations, log_in, save_screenshot

pytestmark = pytest.mark.browser

# The colours of site.css's two schemes, as the browser reports them.
PAPER = {"light": "rgb(251, 250, 247)", "dark": "rgb(22, 21, 20)"}
INK = {"light": "rgb(31, 29, 26)", "dark": "rgb(233, 229, 221)"}

OPEN_ALL_DETAILS = "document.querySelectorAll('details').forEach(d => { d.open = true; })"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_page_type_passes_axe(new_context, demo, scheme):
    # axe is injected as a script tag, which the site's policy would refuse.
    page = new_context(bypass_csp=True, color_scheme=scheme).new_page()
    failures = {}
    for name, (path, status) in demo.page_types().items():
        response = page.goto(path)
        assert response.status == status, f"{name} {path}"
        save_screenshot(page, name if scheme == "light" else f"{name}-dark")
        # Folded content (filters, monthly counts) is checked too, as a reader opens it.
        page.evaluate(OPEN_ALL_DETAILS)
        violations = axe_violations(page)
        if violations:
            failures[f"{name} ({path})"] = describe_violations(violations)
    assert not failures, "axe-core found WCAG A/AA violations:\n" + "\n".join(
        f"{name}:\n{report}" for name, report in failures.items()
    )


ADMIN_PAGES = [
    "admin-changelist",
    "admin-paste",
]


@pytest.mark.parametrize("name", ADMIN_PAGES)
def test_admin_pages_pass_axe(new_context, demo, editor, name):
    page = new_context(bypass_csp=True).new_page()
    log_in(page, editor.username)
    path = {
        "admin-changelist": reverse("admin:articles_article_changelist"),
        "admin-paste": reverse("admin:articles_article_paste"),
    }[name]
    assert page.goto(path).status == 200
    save_screenshot(page, name)
    violations = axe_violations(page)
    assert not violations, describe_violations(violations)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_stylesheet_applies_in_both_colour_schemes(new_context, demo, scheme):
    # Tests run with DEBUG off: static files must still be served and used.
    page = new_context(color_scheme=scheme).new_page()
    page.goto(demo.article.get_absolute_url())
    body = page.evaluate(
        "() => { const s = getComputedStyle(document.body);"
        " return {background: s.backgroundColor, color: s.color}; }"
    )
    assert body == {"background": PAPER[scheme], "color": INK[scheme]}
    headline_font = page.locator("h1").evaluate("h => getComputedStyle(h).fontFamily")
    assert "serif" in headline_font and "sans-serif" not in headline_font
    # Long reading wants a measure of roughly 60-80 characters, not the window's width.
    measure = page.locator(".clipping__body").evaluate("e => e.getBoundingClientRect().width")
    assert 400 < measure <= 42 * 16 + 1


PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


@pytest.mark.parametrize(
    ("screen", "options"),
    [
        ("phone", {"viewport": PHONE, "is_mobile": True, "has_touch": True}),
        ("desktop", {"viewport": DESKTOP}),
    ],
)
def test_no_page_scrolls_sideways(new_context, demo, screen, options):
    page = new_context(**options).new_page()
    too_wide = {}
    for name, (path, _status) in demo.page_types().items():
        page.goto(path)
        if screen == "phone" and name in {"home", "clipping"}:
            save_screenshot(page, f"{name}-phone")
        # A phone zooms out to fit a page that is too wide, which widens innerWidth too.
        scroll_width, inner_width = page.evaluate(
            "() => [document.documentElement.scrollWidth, window.innerWidth]"
        )
        if scroll_width > inner_width or inner_width != options["viewport"]["width"]:
            too_wide[name] = (scroll_width, inner_width)
    assert not too_wide, f"pages wider than the {screen} (scrollWidth, innerWidth): {too_wide}"


def focused_element(page) -> dict:
    return page.evaluate(
        "() => { const e = document.activeElement, s = getComputedStyle(e);"
        " return {tag: e.tagName, id: e.id, text: e.textContent.trim(),"
        " outline: s.outlineStyle, width: parseFloat(s.outlineWidth), colour: s.outlineColor,"
        " top: e.getBoundingClientRect().top}; }"
    )


def test_the_skip_link_is_first_and_moves_focus_to_the_content(page, demo):
    page.goto(demo.article.get_absolute_url())
    page.keyboard.press("Tab")
    skip = focused_element(page)
    assert skip["text"] == "Skip to content"
    # Hidden above the page until focused, then on screen.
    assert skip["top"] >= 0
    page.keyboard.press("Enter")
    assert focused_element(page)["id"] == "main"
    assert page.url.endswith("#main")
    # The next Tab continues inside the content, not back in the header.
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.querySelector('main').contains(document.activeElement)")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_keyboard_focus_is_visible(new_context, demo, scheme):
    page = new_context(color_scheme=scheme).new_page()
    page.goto(reverse("articles:home"))
    # The first stops of the tab order: skip link, header links, search box, content links.
    stops = []
    for _ in range(12):
        page.keyboard.press("Tab")
        stops.append(focused_element(page))
    assert stops[1]["tag"] == "A" and stops[1]["text"] == "Reading Room"
    unmarked = [
        stop
        for stop in stops
        if stop["outline"] in {"none", "hidden"}
        or stop["width"] < 2
        or stop["colour"] in {"transparent", "rgba(0, 0, 0, 0)", PAPER[scheme]}
    ]
    assert not unmarked, f"focus without a visible outline: {unmarked}"
    save_screenshot(page, f"focus-visible-{scheme}")


def test_print_shows_the_clipping_without_the_site_around_it(page, demo):
    page.goto(demo.article.get_absolute_url())
    page.emulate_media(media="print")
    for chrome in ("header.site-header", "footer.site-footer", "nav", ".skip-link"):
        shown = page.locator(chrome).evaluate_all(
            "els => els.filter(e => e.checkVisibility()).map(e => e.outerHTML.slice(0, 80))"
        )
        assert not shown, f"{chrome} shows in print: {shown}"
    assert page.get_by_role("heading", level=1).is_visible()
    assert page.locator(".clipping__body").is_visible()
    # Black on white on paper, whatever the screen's scheme.
    assert page.evaluate("() => getComputedStyle(document.body).color") == "rgb(0, 0, 0)"
    save_screenshot(page, "clipping-print")
