"""Tests for the clipping parser, articles/clippings.py. Pure Python: no database, no Django."""

from __future__ import annotations

import datetime
import pickle
import re
import string
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from articles.clippings import (
    EDITION_EVENING,
    EDITION_MORNING,
    EDITION_ONLINE,
    EDITION_UNSPECIFIED,
    EDITION_WEEKLY,
    EDITIONS,
    KIND_ABRIDGED,
    KIND_COLUMN,
    KIND_EDITORIAL,
    KIND_FULL,
    KIND_INTERVIEW,
    KIND_SUMMARY,
    KINDS,
    ClippingError,
    OutletDirectory,
    ParsedClipping,
    parse_clipping,
    split_clippings,
)


@pytest.fixture(autouse=True)
def _clear_cache():
    """Shadows the suite's cache-clearing fixture: the parser has no cache and needs no Django,
    so this file also runs with `-p no:django`."""
    yield


SAMPLE_PATH = Path("/work/shared/samples/sankei-2015-11-10-abe-putin-apec.txt")
# An exact copy of the sample above, so the test does not depend on a file outside the repo.
SAMPLE_TEXT = (
    "print PRINT\n"
    "\n"
    "\n"
    "Japan coordinating for Abe-Putin meeting during APEC Summit in Manila\n"
    "\n"
    "(Sankei: November 10, 2015 \u2013 p. 5)\n"
    "\n"
    "\n"
    "\xa0It was learned on Nov. 9 that the government is engaged in final coordination to "
    "hold a Japan-Russia summit to arrange for President Vladimir Putin’s visit to Japan on "
    "the sidelines of the Asia-Pacific Economic Cooperation (APEC) summit taking place in "
    "Manila on Nov. 18-19. Japan is giving priority to making progress in the Northern "
    "Territories negotiations and will leave the timing of the visit to a political decision "
    "by the Russian presidential office. If the visit is to take place next year after a "
    "considerable period of time, the two sides will continue to hold high- level dialogue, "
    "such as by inviting Foreign Minister Sergey Lavrov to Japan, in the meantime. Putin’s "
    "visit to Japan will depend very much on his willingness to negotiate the territorial "
    "issue.\n"
    "\n"
    "\n"
    "\xa0The planned Japan-Russia summit will promote negotiations for concluding a peace "
    "treaty, as well as reaffirm the continuation of dialogue at the leader level. If Putin "
    "fails to indicate when he will visit Japan, the two leaders will agree on realizing "
    "this visit at the “most appropriate time.”\n"
    "\n"
    "\n"
    "\xa0The Japanese government regards Putin’s visit as a rare opportunity for settling "
    "the issue of sovereignty over the Northern Territories. It would like to use investment "
    "and technology transfer as incentives to draw concessions from Russia.\n"
    "\n"
    "\n"
    "\xa0Prime Minister Shinzo Abe had sounded out Putin regarding a visit to Japan in 2014 "
    "at their summit meeting during his visit to Russia in 2013. However, this was postponed "
    "to 2015 due to intensifying conflict between the G7 and Russia over the Ukraine crisis. "
    "Subsequently, Russia has also failed to resolve its differences with the G7 over such "
    "issues as Syria. A source on Japan-Russia diplomacy observes that “public opinion in "
    "Russia is in favor of a strong government,” so the conditions are not conducive for "
    "making progress in the territorial talks.\n"
    "\n"
    "\n"
    "\xa0The Japanese government will accept Putin’s decision on the timing of his visit. In "
    "addition to the two foreign ministers, it will arrange for exchange of visits between "
    "National Security Secretariat chief Shotaro Yachi and Russian Security Council "
    "secretary Nikolai Patrushev, a close confidant of Putin.\n"
    "\n"
    "\n"
    "\xa0The Japanese government is not insisting on a particular timeframe for Putin’s "
    "visit because it reckons that “Putin is the only person who can make a decision on the "
    "territorial issue,” according to a source at the Prime Minister’s Official Residence "
    "(Kantei). Even if Putin engages in territorial negotiations, it will be difficult to "
    "achieve any progress if the conditions are not right.\n"
    "\n"
    "\n"
    "\xa0The U.S. government is pressuring Japan on Putin’s visit. However, a senior Foreign "
    "Ministry official says that, “Territorial issues should be resolved by the concerned "
    "parties in principle. The U.S. has indicated its understanding unofficially.”\n"
    "\n"
    "\n"
    "\xa0Abe is also coordinating to hold bilateral summits with the U.S., China, Malaysia "
    "(ASEAN Summit host), the Philippines, and other countries on the sidelines of the G20 "
    "Summit, the ASEAN Summit, and other international conferences from Nov. 15.\n"
    "\n"
    "  • Ambassador\n"
    "  • Ukraine\n"
    "  • COVID-19\n"
    "  • Trending Japan"
)


def parse(text: str) -> ParsedClipping:
    return parse_clipping(text)


# --- 1. The real sample ------------------------------------------------------------------------


def sample_paragraphs() -> list[str]:
    """The body paragraphs, found independently of the parser: blocks that open with NBSP."""
    blocks = re.split(r"\n(?:[ \t]*\n)+", SAMPLE_TEXT)
    return [block.strip() for block in blocks if block.startswith("\xa0")]


def test_sample_copy_matches_the_shared_file() -> None:
    if not SAMPLE_PATH.exists():
        pytest.skip("shared sample not present on this machine")
    assert SAMPLE_PATH.read_text(encoding="utf-8") == SAMPLE_TEXT


def test_sample_fields() -> None:
    parsed = parse(SAMPLE_TEXT)
    assert parsed.title == "Japan coordinating for Abe-Putin meeting during APEC Summit in Manila"
    assert parsed.outlet == "Sankei"
    assert parsed.other_outlets == ()
    assert parsed.published_on == datetime.date(2015, 11, 10)
    assert parsed.page == "5"
    assert parsed.edition == EDITION_UNSPECIFIED
    assert parsed.position == ""
    assert parsed.kind == KIND_FULL
    assert parsed.label == ""
    assert parsed.source_line == "(Sankei: November 10, 2015 \u2013 p. 5)"
    assert parsed.warnings == ()


def test_sample_body_is_the_eight_paragraphs_unchanged() -> None:
    body = parse(SAMPLE_TEXT).body
    expected = sample_paragraphs()
    assert len(expected) == 8
    assert body == "\n\n".join(expected)
    assert len(body.split("\n\n")) == 8
    assert body.startswith("It was learned on Nov. 9")
    assert body.endswith("from Nov. 15.")
    for residue in ("PRINT", "print", "Ambassador", "Trending Japan", "\u2022", "\xa0"):
        assert residue not in body


# --- Building example clippings ----------------------------------------------------------------

D = datetime.date
NOV_10 = D(2015, 11, 10)
HEADLINE = "Abe and Putin to meet in Manila"
PARAGRAPHS = (
    "Officials said on Nov. 9 that the talks \u2014 the first in a year \u2014 would go ahead.",
    "An official said, \u201cWe are ready.\u201d The U.S.-Japan alliance is \u2018firm.\u2019",
)
BODY = "\n\n".join(PARAGRAPHS)
SRC = "(Sankei: November 10, 2015 \u2013 p. 5)"


def clipping(source: str, headline: str = HEADLINE, *, top: str = "", bottom: str = "") -> str:
    paragraphs = "\n\n".join(f"\xa0{p}" for p in PARAGRAPHS)
    return f"{top}{headline}\n\n{source}\n\n\n{paragraphs}\n{bottom}"


def meta(line: str, *, above: bool = True) -> str:
    """A clipping in the meta-line layout, the meta line above or below the headline."""
    head = f"{line}\n\n{HEADLINE}" if above else f"{HEADLINE}\n{line}"
    return f"{head}\n\n{BODY}\n"


# --- 2. Parenthesised source lines -------------------------------------------------------------


SOURCE_LINES = [
    ("(Sankei: November 10, 2015 \u2013 p. 5)", "Sankei", "5", ""),
    ("(Sankei: November 10, 2015 \u2014 p. 5)", "Sankei", "5", ""),
    ("(Sankei: November 10, 2015 - p. 5)", "Sankei", "5", ""),
    ("(Sankei: November 10, 2015\u2013p. 5)", "Sankei", "5", ""),
    ("(Sankei: November 10, 2015-p.5)", "Sankei", "5", ""),
    ("(Sankei: November 10, 2015 \u2013 p.5)", "Sankei", "5", ""),
    ("(Sankei:\xa0November 10, 2015\xa0\u2013 p. 5)", "Sankei", "5", ""),
    ("(Sankei, November 10, 2015, p. 5)", "Sankei", "5", ""),
    ("(Nikkei: November 10, 2015 \u2013 pp. 22-25)", "Nikkei", "22-25", ""),
    ("(Nikkei: November 10, 2015 \u2013 pp.22\u201325)", "Nikkei", "22-25", ""),
    ("(Nikkei: November 10, 2015 \u2014 pp. 22 \u2014 25)", "Nikkei", "22-25", ""),
    ("(Asahi: November 10, 2015)", "Asahi", "", ""),
    ("(Yomiuri: November 10, 2015 \u2013 Top play)", "Yomiuri", "1", "Top play"),
    ("(Yomiuri: November 10, 2015 \u2013 Top Play)", "Yomiuri", "1", "Top play"),
    ("(Yomiuri: November 10, 2015 \u2013 top play)", "Yomiuri", "1", "Top play"),
    ("(Yomiuri: November 10, 2015 \u2013 p. 1, Top play)", "Yomiuri", "1", "Top play"),
    ("(Mainichi: November 10, 2015 \u2013 p. 3, lower)", "Mainichi", "3", "lower"),
    ("(Mainichi: November 10, 2015 \u2013 p. 3 upper left)", "Mainichi", "3", "upper left"),
    ("(The Japan Times: November 10, 2015 \u2013 p. 2)", "The Japan Times", "2", ""),
    ("(Tokyo Shimbun: November 10, 2015 \u2013 p. 26)", "Tokyo Shimbun", "26", ""),
]


@pytest.mark.parametrize(
    ("source", "outlet", "page", "position"), SOURCE_LINES, ids=[c[0] for c in SOURCE_LINES]
)
def test_parenthesised_source_line(source: str, outlet: str, page: str, position: str) -> None:
    parsed = parse(clipping(source))
    assert (parsed.outlet, parsed.page, parsed.position) == (outlet, page, position)
    assert parsed.published_on == NOV_10
    assert parsed.title == HEADLINE
    assert parsed.body == BODY
    assert parsed.source_line == source
    assert ("page not given" in parsed.warnings) == (page == "")


def test_top_play_on_another_page_is_kept_but_flagged() -> None:
    parsed = parse(clipping("(Yomiuri: November 10, 2015 \u2013 p. 5, Top play)"))
    assert (parsed.page, parsed.position) == ("5", "Top play")
    assert any("top play" in warning for warning in parsed.warnings)


# --- 3. Dates ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("November 10, 2015", NOV_10),
        ("Nov. 10, 2015", NOV_10),
        ("Nov 10, 2015", NOV_10),
        ("nov. 10 2015", NOV_10),
        ("Tuesday, November 10, 2015", NOV_10),
        ("Sept. 3, 2016", D(2016, 9, 3)),
        ("Sep 3, 2016", D(2016, 9, 3)),
        ("May 1, 2019", D(2019, 5, 1)),
        ("10 November 2015", NOV_10),
        ("3 Sept. 2016", D(2016, 9, 3)),
        ("2015-11-10", NOV_10),
        ("2015/11/10", NOV_10),
        ("11/10/2015", NOV_10),
        ("1/2/2016", D(2016, 1, 2)),
        ("February 29, 2016", D(2016, 2, 29)),
    ],
    ids=str,
)
def test_dates(written: str, expected: datetime.date) -> None:
    assert parse(clipping(f"(Asahi: {written} \u2013 p. 2)")).published_on == expected
    assert parse(meta(f"{written} \u2022 Asahi p. 2 \u2022 Politics")).published_on == expected


@pytest.mark.parametrize(
    "written", ["February 30, 2016", "Feb. 29, 2015", "31 April 2015", "2015-13-01", "13/10/2015"]
)
def test_impossible_dates_are_errors(written: str) -> None:
    with pytest.raises(ClippingError, match="impossible date") as caught:
        parse(clipping(f"(Asahi: {written} \u2013 p. 2)"))
    assert caught.value.line == 3
    assert written in caught.value.message


# --- 4. Editions -------------------------------------------------------------------------------


EDITION_CASES = [
    ("Yomiuri evening edition", "Yomiuri", EDITION_EVENING),
    ("Asahi, morning edition", "Asahi", EDITION_MORNING),
    ("Mainichi, evening", "Mainichi", EDITION_EVENING),
    ("Yomiuri (evening edition)", "Yomiuri", EDITION_EVENING),
    ("Yomiuri digital", "Yomiuri", EDITION_ONLINE),
    ("Nikkei online", "Nikkei", EDITION_ONLINE),
    ("Asahi Web edition", "Asahi", EDITION_ONLINE),
    ("Nikkei Weekly", "Nikkei Weekly", EDITION_UNSPECIFIED),
    ("Sankei", "Sankei", EDITION_UNSPECIFIED),
]


@pytest.mark.parametrize(
    ("written", "outlet", "edition"), EDITION_CASES, ids=[c[0] for c in EDITION_CASES]
)
def test_edition_words_leave_the_outlet(written: str, outlet: str, edition: str) -> None:
    parsed = parse(clipping(f"({written}: November 10, 2015 \u2013 p. 2)"))
    assert (parsed.outlet, parsed.other_outlets, parsed.edition) == (outlet, (), edition)


def test_edition_after_the_date() -> None:
    parsed = parse(clipping("(Asahi: November 10, 2015, evening edition \u2013 p. 2)"))
    assert (parsed.outlet, parsed.edition, parsed.page, parsed.position) == (
        "Asahi",
        EDITION_EVENING,
        "2",
        "",
    )


# --- 5. Kind markers ---------------------------------------------------------------------------

EDITORIAL_TITLE = "Editorial: Japan must lead"
ABRIDGED_WORD_TITLE = "An abridged history of summits"


@pytest.mark.parametrize(
    ("text", "kind", "title"),
    [
        pytest.param(clipping(SRC), KIND_FULL, HEADLINE, id="plain"),
        pytest.param(clipping(f"{SRC} (Abridged)"), KIND_ABRIDGED, HEADLINE, id="on source"),
        pytest.param(
            clipping(f"{SRC} (Slightly abridged)"), KIND_ABRIDGED, HEADLINE, id="slightly"
        ),
        pytest.param(
            clipping(SRC, top="(Abridged)\n\n"), KIND_ABRIDGED, HEADLINE, id="line above headline"
        ),
        pytest.param(
            clipping(SRC, f"{HEADLINE}\n(Abridged)"), KIND_ABRIDGED, HEADLINE, id="line below it"
        ),
        pytest.param(
            clipping(f"{SRC}\n(Abridged translation)"),
            KIND_ABRIDGED,
            HEADLINE,
            id="line below source",
        ),
        pytest.param(
            clipping(SRC, f"{HEADLINE} (Abridged)"), KIND_ABRIDGED, HEADLINE, id="headline end"
        ),
        pytest.param(
            clipping(SRC, f"{HEADLINE} (Slightly abridged)"),
            KIND_ABRIDGED,
            HEADLINE,
            id="headline end, slightly",
        ),
        pytest.param(
            clipping(SRC, f"{HEADLINE} [Abridged translation]"),
            KIND_ABRIDGED,
            HEADLINE,
            id="headline end, brackets",
        ),
        pytest.param(
            clipping(SRC, bottom="\n(Abridged)\n"), KIND_ABRIDGED, HEADLINE, id="last line"
        ),
        pytest.param(
            clipping(SRC, EDITORIAL_TITLE), KIND_EDITORIAL, EDITORIAL_TITLE, id="editorial title"
        ),
        pytest.param(clipping(f"{SRC} (Interview)"), KIND_INTERVIEW, HEADLINE, id="interview"),
        pytest.param(
            clipping("(Sankei: November 10, 2015 \u2013 p. 5, Column)"),
            KIND_COLUMN,
            HEADLINE,
            id="column after page",
        ),
        pytest.param(clipping(SRC, top="(Summary)\n"), KIND_SUMMARY, HEADLINE, id="summary"),
        pytest.param(
            clipping(SRC, ABRIDGED_WORD_TITLE),
            KIND_FULL,
            ABRIDGED_WORD_TITLE,
            id="the word inside a headline",
        ),
    ],
)
def test_kind_markers(text: str, kind: str, title: str) -> None:
    parsed = parse(text)
    assert (parsed.kind, parsed.title) == (kind, title)
    assert parsed.body == BODY
    assert (parsed.outlet, parsed.page) == ("Sankei", "5")


def test_editorial_outranks_abridged_with_a_warning() -> None:
    parsed = parse(clipping(f"{SRC} (Abridged)", EDITORIAL_TITLE))
    assert parsed.kind == KIND_EDITORIAL
    assert any("abridged" in warning for warning in parsed.warnings)


# --- 6. The bulleted meta line -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            meta("November 10, 2015 \u2022 Asahi p. 3 \u2022 Politics"),
            {"outlet": "Asahi", "published_on": NOV_10, "page": "3", "label": "Politics"},
            id="date outlet page label, above headline",
        ),
        pytest.param(
            meta(
                "\u2022 Nov. 10, 2015 \u2022 \u2022 Yomiuri, p.2, \u2022 Editorial \u2022",
                above=False,
            ),
            {"outlet": "Yomiuri", "page": "2", "label": "", "kind": KIND_EDITORIAL},
            id="empty bullets, editorial, below headline",
        ),
        pytest.param(
            meta("2021-03-04 \u2022 Mainichi \u2022 "),
            {"outlet": "Mainichi", "published_on": D(2021, 3, 4), "page": "", "kind": KIND_FULL},
            id="iso date, trailing bullet",
        ),
        pytest.param(
            "Share\nTweet\n\n"
            + meta("March 4, 2021 \u2022 Nikkei evening, p. 1 \u2022 Interview", above=False),
            {"outlet": "Nikkei", "edition": EDITION_EVENING, "page": "1", "kind": KIND_INTERVIEW},
            id="chrome on top, headline above meta",
        ),
        pytest.param(
            meta("\u2022 Nov 10, 2015 \u2022 Sankei \u2022 Column \u2022 Diplomacy", above=False),
            {"outlet": "Sankei", "page": "", "label": "Diplomacy", "kind": KIND_COLUMN},
            id="kind label and topic label",
        ),
        pytest.param(
            meta("Nov 10, 2015 \u2022 Asahi \u2022 p. 4 \u2022 Top play"),
            {"outlet": "Asahi", "page": "4", "position": "Top play", "label": ""},
            id="page and placement in segments of their own",
        ),
        pytest.param(
            meta("Nov 10, 2015 \u2022 Asahi, Yomiuri and Mainichi \u2022 Diplomacy"),
            {"outlet": "Asahi", "other_outlets": ("Yomiuri", "Mainichi"), "label": "Diplomacy"},
            id="several outlets",
        ),
    ],
)
def test_meta_line_layout(text: str, expected: dict) -> None:
    parsed = parse(text)
    assert parsed.title == HEADLINE
    assert parsed.body == BODY
    assert {name: getattr(parsed, name) for name in expected} == expected


# --- 7. Weekly magazines -----------------------------------------------------------------------

JUL_25 = D(2022, 7, 25)
DEC_29 = D(2022, 12, 29)
COMBINED = "7/25&8/1 issue"
NEW_YEAR = "12/29&1/5 issue"
BUNSHUN, GENDAI = "Shukan Bunshun", "Shukan Gendai"
WEEKLY_CASES = [
    ("[Shukan Bunshun, July 28, 2022, pp. 22-25]", BUNSHUN, D(2022, 7, 28), "22-25", ""),
    ("[Shukan Shincho, 2022 7/25&8/1 issue, p. 30]", "Shukan Shincho", JUL_25, "30", COMBINED),
    (
        "[Weekly Playboy, August 1, 2022, pp. 40\u201343]",
        "Weekly Playboy",
        D(2022, 8, 1),
        "40-43",
        "",
    ),
    ("[Shukan Gendai 7/25&8/1/2022, p.12]", GENDAI, JUL_25, "12", COMBINED),
    ("[Shukan Post, July 25 & Aug. 1, 2022 issue, p. 5]", "Shukan Post", JUL_25, "5", COMBINED),
    ("[Shukan Gendai, 7/25&8/1 issue, 2022, p. 12]", GENDAI, JUL_25, "12", COMBINED),
    ("[Shukan Gendai 2022, 7/25&8/1, p. 12]", GENDAI, JUL_25, "12", COMBINED),
    ("[Shukan Bunshun, 12/29&1/5/2023, p. 20]", BUNSHUN, DEC_29, "20", NEW_YEAR),
    ("[Shukan Bunshun, 2022 12/29&1/5, p. 20]", BUNSHUN, DEC_29, "20", NEW_YEAR),
]


@pytest.mark.parametrize(
    ("citation", "outlet", "published_on", "page", "position"),
    WEEKLY_CASES,
    ids=[c[0] for c in WEEKLY_CASES],
)
def test_weekly_citations(
    citation: str, outlet: str, published_on: datetime.date, page: str, position: str
) -> None:
    parsed = parse(clipping(citation))
    assert (parsed.outlet, parsed.published_on, parsed.page, parsed.position) == (
        outlet,
        published_on,
        page,
        position,
    )
    assert (parsed.edition, parsed.kind, parsed.body) == (EDITION_WEEKLY, KIND_FULL, BODY)


def test_weekly_citation_with_abridged_marker() -> None:
    parsed = parse(clipping("[Shukan Bunshun, July 28, 2022, pp. 22-25] (Abridged)"))
    assert (parsed.outlet, parsed.page, parsed.kind) == ("Shukan Bunshun", "22-25", KIND_ABRIDGED)


@pytest.mark.parametrize(
    "citation", ["[Shukan Gendai 7/25&8/1, p.12]", "[Shukan Shincho, 7/25 & 8/1 issue, p. 30]"]
)
def test_combined_issue_without_a_year_is_an_error(citation: str) -> None:
    with pytest.raises(ClippingError, match="no year") as caught:
        parse(clipping(citation))
    assert caught.value.line == 3


def test_combined_issue_with_an_impossible_half_is_an_error() -> None:
    with pytest.raises(ClippingError, match="impossible date"):
        parse(clipping("[Shukan Gendai 7/25&2/30/2022, p.12]"))


# --- 8. Several outlets ------------------------------------------------------------------------


OUTLET_CASES = [
    # (outlets as written, the others after Asahi, edition)
    ("Asahi, Yomiuri, Mainichi", ("Yomiuri", "Mainichi"), EDITION_UNSPECIFIED),
    ("Asahi, Mainichi, Yomiuri and Nikkei", ("Mainichi", "Yomiuri", "Nikkei"), EDITION_UNSPECIFIED),
    ("Asahi & Sankei", ("Sankei",), EDITION_UNSPECIFIED),
    ("Asahi, morning edition", (), EDITION_MORNING),
    ("Asahi and Mainichi evening editions", ("Mainichi",), EDITION_EVENING),
]


@pytest.mark.parametrize(
    ("written", "others", "edition"), OUTLET_CASES, ids=[c[0] for c in OUTLET_CASES]
)
def test_several_outlets(written: str, others: tuple[str, ...], edition: str) -> None:
    parsed = parse(clipping(f"({written}: November 10, 2015)"))
    assert (parsed.outlet, parsed.other_outlets, parsed.edition) == ("Asahi", others, edition)


# --- 9. Residue --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("top", "bottom"),
    [
        pytest.param("print PRINT\n\n\n", "", id="print PRINT"),
        pytest.param("Print\n", "", id="Print"),
        pytest.param("Share\nTweet\n\n", "", id="share buttons"),
        pytest.param("Share | Tweet | Email\n\n", "", id="share bar"),
        pytest.param(
            "", "\n  \u2022 Ambassador\n  \u2022 Ukraine\n  \u2022 COVID-19", id="bullets"
        ),
        pytest.param("", "\n\u00b7 Politics\n\u00b7 Economy\n", id="middle dots"),
        pytest.param("", "\n* Politics\n* Security\n", id="stars"),
        pytest.param("", "\n- Politics\n- Security\n", id="dashes"),
        pytest.param("", "\u2022 Politics\n\u2022 Security\n", id="menu glued to last paragraph"),
        pytest.param("", "\n\u2022 Politics \u2022 Economy \u2022 Society\n", id="inline menu"),
        pytest.param("", "\nBack to Top\n", id="back to top"),
        pytest.param(
            "print\n", "\n\u2022 Ukraine\n\u2022 COVID-19\n\nBack to top\n\n\n", id="both"
        ),
        pytest.param("", "\n----\n", id="rule"),
    ],
)
def test_residue_is_removed(top: str, bottom: str) -> None:
    parsed = parse(clipping(SRC, top=top, bottom=bottom))
    assert parsed.title == HEADLINE
    assert parsed.body == BODY


@pytest.mark.parametrize(
    "paragraph",
    [
        pytest.param("The aims \u2022 security \u2022 trade \u2022 were agreed.", id="mid bullets"),
        pytest.param("\u2022 The ministry will respond on Nov. 12.", id="bullet sentence"),
        pytest.param("First line of it\nsecond line of it\n  indented third.", id="line breaks"),
        pytest.param(
            '\u201cNo,\u201d he said \u2014 twice \u2013 \u2018so\u2019 -- "x".', id="quotes"
        ),
        pytest.param("Abe said so.\nPolitics", id="short last line without bullet"),
        pytest.param("(The summit was later postponed: Nov. 20, 2015.)", id="parenthesised"),
    ],
)
def test_body_text_is_kept_exactly(paragraph: str) -> None:
    text = f"{HEADLINE}\n{SRC}\n\n\xa0{PARAGRAPHS[0]}\n\n\xa0 {paragraph}\xa0\n"
    assert parse(text).body == f"{PARAGRAPHS[0]}\n\n{paragraph}"


# --- 10. Headline, errors, encodings -----------------------------------------------------------


def test_headline_is_first_substantive_line_and_extra_lines_are_flagged() -> None:
    parsed = parse(clipping(SRC, f"{HEADLINE}\nA subtitle line"))
    assert parsed.title == HEADLINE
    assert parsed.warnings == ("line 2 ignored: 'A subtitle line'",)


def test_caption_before_the_source_line_gives_way() -> None:
    parsed = parse(clipping(f"(Photo: Putin in Moscow, Nov. 9, 2015)\n{SRC}"))
    assert (parsed.outlet, parsed.published_on, parsed.body) == ("Sankei", NOV_10, BODY)


@pytest.mark.parametrize(
    ("text", "fragment", "line"),
    [
        pytest.param("", "empty", None, id="empty"),
        pytest.param(" \n\xa0\n\t", "empty", None, id="blank"),
        pytest.param(f"{SRC}\n\n{BODY}", "no headline found", 1, id="no headline"),
        pytest.param(f"print PRINT\n\n{SRC}\n\n{BODY}", "no headline found", 3, id="only chrome"),
        pytest.param(
            f"(Abridged) (Abridged)\n{SRC}\n\n{BODY}", "no headline found", 1, id="markers"
        ),
        pytest.param(f"{HEADLINE}\n\n{BODY}", "no source line", None, id="no source line"),
        pytest.param(f"{HEADLINE}\n\n(Sankei: \u2013 p. 5)\n\n{BODY}", "no date", 3, id="no date"),
        pytest.param(f"{HEADLINE}\n(Sankei: Novmber 10, 2015)\n\n{BODY}", "no date", 2, id="typo"),
        pytest.param(
            f"{HEADLINE}\n(: November 10, 2015)\n\n{BODY}", "no outlet", 2, id="no outlet"
        ),
        pytest.param(f"{HEADLINE}\n\n{SRC}\n\n", "no body", 3, id="empty body"),
        pytest.param(
            f"{HEADLINE}\n{SRC}\n\n\u2022 Ukraine\nBack to Top", "no body", 2, id="residue body"
        ),
        pytest.param(
            "Nov 10, 2015 \u2022 Asahi p. 3\n\n", "no headline found", 1, id="meta, nothing else"
        ),
        pytest.param(
            f"{HEADLINE}\nNov 10, 2015 \u2022 p. 3 \u2022 Editorial\n\n{BODY}",
            "no outlet",
            2,
            id="meta, no outlet",
        ),
        pytest.param(
            f"{HEADLINE}\n[Shukan Bunshun, No. 32, p. 5]\n\n{BODY}",
            "no issue date",
            2,
            id="citation, no date",
        ),
    ],
)
def test_errors(text: str, fragment: str, line: int | None) -> None:
    with pytest.raises(ClippingError) as caught:
        parse(text)
    assert fragment in str(caught.value)
    assert caught.value.line == line
    assert str(caught.value) == caught.value.message


def test_clipping_error_is_a_value_error_and_pickles_with_its_line() -> None:
    error = ClippingError("no date found", 7)
    assert isinstance(error, ValueError)
    copy = pickle.loads(pickle.dumps(error))
    assert (copy.message, copy.line) == ("no date found", 7)


def test_windows_line_endings_and_bom() -> None:
    assert parse("\ufeff" + SAMPLE_TEXT.replace("\n", "\r\n")) == parse(SAMPLE_TEXT)
    assert parse(SAMPLE_TEXT.replace("\n", "\r")) == parse(SAMPLE_TEXT)


def test_error_line_numbers_count_crlf_lines_once() -> None:
    with pytest.raises(ClippingError) as caught:
        parse("\ufeffHeadline\r\n\r\n(Sankei: Feb. 30, 2016 \u2013 p. 5)\r\n\r\nBody.\r\n")
    assert caught.value.line == 3


# --- split_clippings ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("A\nB\n", [(1, "A\nB\n")], id="one clipping"),
        pytest.param("A\n---\nB", [(1, "A"), (3, "B")], id="dashes"),
        pytest.param("A\n  =====  \nB\nC", [(1, "A"), (3, "B\nC")], id="equals, spaces"),
        pytest.param("---\n\nA\n----\n \n====\nB\n---\n", [(2, "\nA"), (7, "B")], id="empties"),
        pytest.param("A\n--\nB", [(1, "A\n--\nB")], id="two dashes are not one"),
        pytest.param("A\n-=-\nB", [(1, "A\n-=-\nB")], id="mixed is not one"),
        pytest.param("A\n--- end\nB", [(1, "A\n--- end\nB")], id="text on the line"),
        pytest.param("\ufeffA\r\n---\r\nB\r\n", [(1, "A"), (3, "B\n")], id="crlf and bom"),
        pytest.param(" \n---\n", [], id="nothing"),
    ],
)
def test_split_clippings(text: str, expected: list[tuple[int, str]]) -> None:
    assert split_clippings(text) == expected


def test_split_then_parse_gives_file_line_numbers() -> None:
    bad = f"{HEADLINE}\n(Asahi: February 30, 2016)\n\nBody."
    whole = f"{SAMPLE_TEXT}\n---\n{bad}\n"
    chunks = split_clippings(whole)
    assert [start for start, _ in chunks] == [1, 37]
    assert parse(chunks[0][1]).outlet == "Sankei"
    with pytest.raises(ClippingError) as caught:
        parse(chunks[1][1])
    assert caught.value.line is not None
    file_line = chunks[1][0] + caught.value.line - 1
    assert whole.split("\n")[file_line - 1] == "(Asahi: February 30, 2016)"


# --- OutletDirectory ---------------------------------------------------------------------------

DIRECTORY = OutletDirectory(
    [
        ("yomiuri", ["The Yomiuri Shimbun", "Yomiuri"]),
        ("yomiuri-online", ["Yomiuri digital"]),
        ("asahi", ["Asahi Shimbun"]),
        ("nikkei", ("Nihon Keizai Shimbun", "Nikkei")),
        ("mainichi", iter(["Mainichi Shimbun", "  MAINICHI   SHIMBUN "])),
        ("tokyo-shimbun", ["Tokyo Shimbun"]),
        ("tokyo-mx", ["Tokyo"]),
        ("bunshun", ["Shukan Bunshun", "Bunshun Online"]),
    ]
)
SLUGS = {"yomiuri", "yomiuri-online", "asahi", "nikkei", "mainichi", "tokyo-shimbun", "tokyo-mx"}


@pytest.mark.parametrize(
    ("written", "slug"),
    [
        ("Yomiuri", "yomiuri"),
        ("yomiuri", "yomiuri"),
        ("  YOMIURI\u3000 shimbun ", "yomiuri"),
        ("Yomiuri evening edition", "yomiuri"),
        ("Yomiuri, morning edition", "yomiuri"),
        ("Yomiuri (evening edition)", "yomiuri"),
        ("Yomiuri online", "yomiuri"),
        ("Yomiuri digital", "yomiuri-online"),
        ("YOMIURI DIGITAL", "yomiuri-online"),
        ("Asahi", "asahi"),
        ("Asahi digital", "asahi"),
        ("The Asahi Shimbun", "asahi"),
        ("Asahi Shinbun", "asahi"),
        ("the asahi shinbun evening edition", "asahi"),
        ("Nikkei online", "nikkei"),
        ("Mainichi", "mainichi"),
        ("Mainichi, evening", "mainichi"),
        ("Tokyo", "tokyo-mx"),
        ("Tokyo Shimbun", "tokyo-shimbun"),
        ("The Tokyo Shinbun", None),  # loosely "Tokyo", which names two outlets: no guess
        ("Bunshun Online", "bunshun"),
        ("Sankei", None),
        ("evening edition", None),
        ("", None),
        ("   ", None),
    ],
    ids=repr,
)
def test_outlet_directory_resolve(written: str, slug: str | None) -> None:
    assert DIRECTORY.resolve(written) == slug


@pytest.mark.parametrize(
    ("source", "slug"),
    [
        ("(Yomiuri evening edition: November 10, 2015 \u2013 p. 2)", "yomiuri"),
        ("(Asahi digital: November 10, 2015)", "asahi"),
        ("(The Asahi Shimbun, morning edition: November 10, 2015)", "asahi"),
    ],
)
def test_outlet_directory_resolves_what_the_parser_reads(source: str, slug: str) -> None:
    assert DIRECTORY.resolve(parse(clipping(source)).outlet) == slug


def test_first_registered_name_wins_an_exact_clash() -> None:
    directory = OutletDirectory([("a", ["Same"]), ("b", ["Same", "Other"])])
    assert (directory.resolve("same"), directory.resolve("other")) == ("a", "b")


# --- Hypothesis ----------------------------------------------------------------------------------


def check_outcome(text: str) -> ParsedClipping | None:
    """Parse; only ClippingError may come out, and a success must be well formed."""
    try:
        parsed = parse_clipping(text)
    except ClippingError as error:
        assert error.message
        line_count = len(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
        assert error.line is None or 1 <= error.line <= line_count
        return None
    assert isinstance(parsed, ParsedClipping)
    assert parsed.title and parsed.outlet and parsed.body
    assert parsed.edition in EDITIONS and parsed.kind in KINDS
    assert "\r" not in parsed.body
    assert parsed.body == parsed.body.strip()
    return parsed


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_text_parses_or_raises_clipping_error(text: str) -> None:
    check_outcome(text)


FRAGMENTS = [
    "",
    " ",
    "print PRINT",
    "Share",
    HEADLINE,
    SRC,
    "(Sankei: Feb. 30, 2016 \u2013 p. 5)",
    "(Sankei: \u2013 p. 5)",
    "(Abridged)",
    "(Asahi, morning edition: 2015-11-10 - pp. 22\u201325) (Slightly abridged)",
    "[Shukan Gendai 7/25&8/1/2022, p.12]",
    "[Shukan Gendai 7/25&8/1, p.12]",
    "[Shukan Bunshun, 12/29&1/5/2023, p. 20]",
    "\u2022 Nov. 10, 2015 \u2022 \u2022 Yomiuri, p.2, \u2022 Editorial \u2022",
    "November 10, 2015 \u2022 Asahi p. 3 \u2022 Politics",
    "2021-03-04 \u2022 Mainichi \u2022 ",
    "\u2022 Feb 30, 2016 \u2022",
    "\xa0Officials said the talks would go ahead.",
    "  \u2022 Ukraine",
    "Back to Top",
    "---",
    "(",
    "[",
    "\u2022",
    EDITORIAL_TITLE,
]
near_valid_lines = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=30)), max_size=12
)


@settings(max_examples=200, deadline=None)
@given(near_valid_lines, st.sampled_from(["\n", "\r\n", "\n\n"]))
def test_near_valid_clippings_parse_or_raise_clipping_error(lines: list[str], newline: str) -> None:
    check_outcome(newline.join(lines))


@settings(max_examples=200, deadline=None)
@given(st.integers(0, len(SAMPLE_TEXT)), st.integers(0, 80), st.text(max_size=20))
def test_damaged_sample_parses_or_raises_clipping_error(at: int, cut: int, insert: str) -> None:
    check_outcome(SAMPLE_TEXT[:at] + insert + SAMPLE_TEXT[at + cut :])


# A structured clipping: its headline, outlet, date, page and body must come back exactly.
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]  # fmt: skip
SHORT = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sept", "Oct", "Nov", "Dec"]
DATE_STYLES = {
    "long": lambda d: f"{MONTHS[d.month - 1]} {d.day}, {d.year}",
    "short dot": lambda d: f"{SHORT[d.month - 1]}. {d.day}, {d.year}",
    "short": lambda d: f"{SHORT[d.month - 1]} {d.day}, {d.year}",
    "day first": lambda d: f"{d.day} {MONTHS[d.month - 1]} {d.year}",
    "iso": lambda d: d.isoformat(),
    "slashes": lambda d: f"{d.year}/{d.month:02}/{d.day:02}",
    "us": lambda d: f"{d.month}/{d.day}/{d.year}",
}


@st.composite
def page_citations(draw: st.DrawFn) -> tuple[str, str]:
    """(as written, as parsed)"""
    first = draw(st.integers(1, 40))
    shape = draw(st.sampled_from(["none", "page", "range"]))
    if shape == "none":
        return "", ""
    if shape == "page":
        return draw(st.sampled_from([f"p. {first}", f"p.{first}"])), str(first)
    last = first + draw(st.integers(1, 9))
    written = draw(st.sampled_from([f"pp. {first}-{last}", f"pp.{first}\u2013{last}"]))
    return written, f"{first}-{last}"


words = st.text(alphabet=string.ascii_letters + string.digits + "'", min_size=1, max_size=10)
headlines = st.lists(words, max_size=8).map(lambda ws: " ".join(["Japan", *ws]))
free_text = st.text(
    alphabet=st.characters(exclude_categories=("Cs", "Cc", "Cf", "Co", "Cn", "Zl", "Zp")),
    max_size=40,
)
# Each line opens with a word no residue rule touches, so the expected body is unambiguous.
body_lines = st.builds(
    "{} {}".format, st.sampled_from(["Officials", "Tokyo", "Abe", "Ministers"]), free_text
)
paragraphs = st.lists(
    st.tuples(
        st.sampled_from(["", "\xa0", "\xa0 ", "  "]), st.lists(body_lines, min_size=1, max_size=3)
    ),
    min_size=1,
    max_size=4,
)


@st.composite
def structured_clippings(draw: st.DrawFn) -> tuple[str, dict]:
    date = draw(st.dates(D(1950, 1, 1), D(2099, 12, 31)))
    written_date = DATE_STYLES[draw(st.sampled_from(sorted(DATE_STYLES)))](date)
    page_written, page = draw(page_citations())
    outlet = draw(st.sampled_from(["Sankei", "Yomiuri", "Tokyo Shimbun", "The Japan Times"]))
    headline = draw(headlines)
    layout = draw(st.sampled_from(["paren", "meta above", "meta below"]))
    if layout == "paren":
        dash = draw(st.sampled_from([" \u2013 ", " \u2014 ", " - ", "\u2013", ", "]))
        source = f"({outlet}: {written_date}{dash + page_written if page_written else ''})"
        head = [headline, "", source]
    else:
        source = f"{written_date} \u2022 {outlet} {page_written} \u2022 Politics"
        head = [source, "", headline] if layout == "meta above" else [headline, source]
    top = draw(st.sampled_from([[], ["print PRINT", "", ""], ["Share", "Tweet", ""]]))
    bottom = draw(
        st.sampled_from([[], ["", "  \u2022 Ukraine", "  \u2022 COVID-19"], ["Back to Top"]])
    )
    body: list[str] = []
    expected_paragraphs = []
    for indent, lines in draw(paragraphs):
        body += ["", indent + "\n".join(lines)]
        expected_paragraphs.append((indent + "\n".join(lines)).strip())
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    bom = draw(st.sampled_from(["", "\ufeff"]))
    text = bom + newline.join([*top, *head, *body, *bottom]).replace("\n", newline)
    expected = {
        "title": headline,
        "outlet": outlet,
        "published_on": date,
        "page": page,
        "body": "\n\n".join(expected_paragraphs),
    }
    return text, expected


@settings(max_examples=150, deadline=None)
@given(structured_clippings())
def test_structured_clippings_round_trip(case: tuple[str, dict]) -> None:
    text, expected = case
    parsed = parse_clipping(text)
    assert {name: getattr(parsed, name) for name in expected} == expected


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_split_clippings_chunks_are_the_file_lines(text: str) -> None:
    lines = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for start, chunk in split_clippings(text):
        chunk_lines = chunk.split("\n")
        assert lines[start - 1 : start - 1 + len(chunk_lines)] == chunk_lines
        assert chunk.strip()
        assert not any(re.fullmatch(r"\s*(-{3,}|={3,})\s*", line) for line in chunk_lines)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_outlet_directory_resolve_never_fails(written: str) -> None:
    assert DIRECTORY.resolve(written) in {None, *SLUGS, "bunshun"}
