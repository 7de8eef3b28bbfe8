import datetime

import bibtexparser
import pytest
import rispy
from bibtexparser.middlewares import LatexDecodingMiddleware

from articles import citations
from articles.models import Article
from tests.factories import ArticleFactory, OutletFactory, TagFactory

D = datetime.date
URL = "https://press.example.org/articles/42/japan-coordinating/"
LATER = datetime.datetime(2999, 1, 1, tzinfo=datetime.UTC)

# Every character BibTeX or LaTeX treats specially, RIS's line structure, and some Japanese.
NASTY_TITLE = "50% of {budget} & #1_priority: $3\\bn ~ “quotes”\nsecond line\r\nER  - not a tag"
NASTY_FOLDED = "50% of {budget} & #1_priority: $3\\bn ~ “quotes” second line ER - not a tag"


@pytest.fixture
def clipping(db):
    sankei = OutletFactory(name="Sankei", slug="sankei")
    diplomacy = TagFactory(name="Diplomacy", slug="diplomacy")
    russia = TagFactory(name="Russia", slug="russia", parent=diplomacy)
    article = ArticleFactory(
        title="Japan coordinating for Abe-Putin meeting during APEC Summit in Manila",
        outlet=sankei,
        published_on=D(2015, 11, 10),
        page="5",
        edition="morning",
        position="Top play",
        kind="full",
        body="It was learned on Nov. 9 that\nthe government is engaged.\n\nSecond paragraph.",
        original_title="日露首脳会談を調整",
        translator="K. Tanaka",
        translator_notes="The Northern Territories\nare the Southern Kurils.",
        tags=[russia],
    )
    return Article.objects.with_related().get(pk=article.pk)


@pytest.fixture
def nasty(db):
    outlet = OutletFactory(name="Nikkei & Sons_{Ltd}", slug="nikkei")
    article = ArticleFactory(
        title=NASTY_TITLE,
        outlet=outlet,
        page="22-25",
        kind="summary",
        edition="unspecified",
        original_title="{日露}%首脳\n会談",
        translator="Tanaka & Sato",
        translator_notes="",
    )
    return Article.objects.with_related().get(pk=article.pk)


# --- Plain text -------------------------------------------------------------------------------


def test_chicago_style(clipping):
    assert citations.chicago(clipping, URL) == (
        "“Japan coordinating for Abe-Putin meeting during APEC Summit in Manila.” Sankei, "
        "November 10, 2015, morning edition, p. 5. Full translation by K. Tanaka. "
        f"Original headline: 日露首脳会談を調整. Reading Room, {URL}."
    )


def test_apa_style(clipping):
    assert citations.apa(clipping, URL) == (
        "Japan coordinating for Abe-Putin meeting during APEC Summit in Manila "
        "[Full translation by K. Tanaka; original headline: 日露首脳会談を調整]. "
        f"(2015, November 10). Sankei, morning edition, p. 5. Reading Room. {URL}"
    )


def test_plain_styles_leave_out_what_is_missing(db):
    article = ArticleFactory(
        title="Is this the end?",
        outlet=OutletFactory(name="Asahi", slug="asahi"),
        published_on=D(2016, 1, 3),
        page="",
        kind="editorial",
        translator="",
        original_title="",
    )
    assert citations.chicago(article, URL) == (
        f"“Is this the end?” Asahi, January 3, 2016. Editorial. Reading Room, {URL}."
    )
    assert citations.apa(article, URL) == (
        f"Is this the end? [Editorial]. (2016, January 3). Asahi. Reading Room. {URL}"
    )


def test_genre_kinds_credit_the_translator_separately(db):
    article = ArticleFactory(kind="interview", translator="R. Okada")
    assert citations.credit(article) == "Interview, translated by R. Okada"


def test_plain_styles_fold_newlines_and_page_ranges(nasty):
    for text in (citations.chicago(nasty, URL), citations.apa(nasty, URL)):
        assert "\n" not in text and "\r" not in text
        assert NASTY_FOLDED in text
        assert "pp. 22–25" in text
        assert "Summary by Tanaka & Sato" in text


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        ("5", ("5", "")),
        ("22-25", ("22", "25")),
        ("3 – 4", ("3", "4")),
        ("A2", ("A2", "")),
        ("", ("", "")),
    ],
)
def test_page_range(page, expected):
    assert citations.page_range(Article(page=page)) == expected


def test_one_line_drops_control_characters():
    assert citations.one_line("a\x00b\x07\tc\u2028d\n\ne") == "ab c d e"


# --- RIS --------------------------------------------------------------------------------------


def test_ris_record_has_the_fields_reference_managers_read(clipping):
    text = citations.ris(clipping, URL)
    assert text.startswith("TY  - NEWS\r\n")
    assert text.endswith("ER  - \r\n")
    [record] = rispy.loads(text)
    assert record["type_of_reference"] == "NEWS"
    assert record["title"] == clipping.title
    assert record["secondary_title"] == "Sankei"
    assert record["date"] == "2015/11/10/"
    assert record["year"] == "2015"
    assert record["start_page"] == "5"
    assert "end_page" not in record
    assert record["edition"] == "morning edition"
    assert record["subsidiary_authors"] == ["K. Tanaka"]  # A4, the translator
    assert record["original_publication"] == "日露首脳会談を調整"  # OP
    assert record["type_of_work"] == "Full translation"
    assert record["keywords"] == ["Diplomacy › Russia"]
    assert record["abstract"] == "It was learned on Nov. 9 that the government is engaged."
    assert record["notes"] == ["The Northern Territories are the Southern Kurils."]
    assert record["language"] == "en"
    assert record["urls"] == [URL]


def test_ris_survives_special_characters_and_newlines(nasty):
    text = citations.ris(nasty, URL)
    # Every line is a tag line: a newline in a value would have started a bogus one.
    assert all(line[:2].isalnum() and line[2:6] == "  - " for line in text.split("\r\n")[:-1])
    [record] = rispy.loads(text)
    assert record["title"] == NASTY_FOLDED
    assert record["secondary_title"] == "Nikkei & Sons_{Ltd}"
    assert (record["start_page"], record["end_page"]) == ("22", "25")
    assert record["original_publication"] == "{日露}%首脳 会談"
    assert "edition" not in record and "notes" not in record


# --- BibTeX -----------------------------------------------------------------------------------


def parse_bibtex(text: str):
    library = bibtexparser.parse_string(text, append_middleware=[LatexDecodingMiddleware()])
    assert not library.failed_blocks
    [entry] = library.entries
    return entry


def test_bibtex_entry(clipping):
    text = citations.bibtex(clipping, URL)
    entry = parse_bibtex(text)
    assert entry.entry_type == "article"
    assert entry.key == f"sankei-2015-11-10-{clipping.pk}"
    fields = {field.key: field.value for field in entry.fields}
    assert fields["title"] == clipping.title
    assert fields["journal"] == "Sankei"
    assert fields["date"] == "2015-11-10"
    assert fields["year"] == "2015"
    assert fields["month"] == "nov"
    assert fields["pages"] == "5"
    assert fields["translator"] == "K. Tanaka"
    assert fields["origtitle"] == "日露首脳会談を調整"
    assert fields["language"] == "english"
    assert fields["keywords"] == "Diplomacy › Russia"
    assert fields["url"] == URL
    assert fields["note"] == (
        "Full translation by K. Tanaka; Top play; morning edition; "
        "Translation published by Reading Room."
    )
    assert "month = nov," in text  # a bare macro, not a braced string


def test_bibtex_escapes_every_special_character(nasty):
    text = citations.bibtex(nasty, URL)
    raw = {field.key: field.value for field in bibtexparser.parse_string(text).entries[0].fields}
    assert raw["title"] == (
        r"50\% of \{budget\} \& \#1\_priority: \$3\textbackslash{}bn \textasciitilde{} "
        "“quotes” second line ER - not a tag"
    )
    assert raw["journal"] == r"Nikkei \& Sons\_\{Ltd\}"
    assert raw["pages"] == "22--25"
    # Decoded, every value reads as the text the editor typed, folded onto one line.
    fields = {field.key: field.value for field in parse_bibtex(text).fields}
    assert fields["title"] == NASTY_FOLDED
    assert fields["journal"] == "Nikkei & Sons_{Ltd}"
    assert fields["origtitle"] == "{日露}%首脳 会談"
    assert fields["translator"] == "Tanaka & Sato"
    assert "edition" not in fields["note"]


def test_bibtex_escapes_carets_and_leaves_out_empty_fields(db):
    article = ArticleFactory(title="x^2", page="", translator="", original_title="")
    text = citations.bibtex(article, URL)
    assert r"x\textasciicircum{}2" in text
    fields = {field.key for field in parse_bibtex(text).fields}
    assert not fields & {"pages", "translator", "origtitle", "keywords"}


def test_bibtex_key_is_safe_for_any_slug(db):
    article = ArticleFactory(outlet=OutletFactory(name="Odd", slug="odd_slug-2"))
    assert citations.bibtex_key(article) == f"odd_slug-2-2015-11-10-{article.pk}"


# --- Downloads --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("suffix", "content_type", "extension"),
    [
        ("cite.ris", "application/x-research-info-systems; charset=utf-8", "ris"),
        ("cite.bib", "application/x-bibtex; charset=utf-8", "bib"),
    ],
)
def test_citation_downloads(client, clipping, suffix, content_type, extension):
    url = clipping.get_absolute_url() + suffix
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    assert response["Content-Disposition"] == (
        f'attachment; filename="sankei-2015-11-10-{clipping.pk}.{extension}"'
    )
    body = response.content.decode()
    assert f"http://testserver{clipping.get_absolute_url()}" in body
    # Redirected from a stale slug like the page itself.
    stale = client.get(f"/articles/{clipping.pk}/old-slug/{suffix}")
    assert stale.status_code == 301
    assert stale["Location"] == url


def test_downloaded_files_parse(client, clipping):
    ris = client.get(clipping.get_absolute_url() + "cite.ris").content.decode()
    assert rispy.loads(ris)[0]["urls"] == [f"http://testserver{clipping.get_absolute_url()}"]
    bib = client.get(clipping.get_absolute_url() + "cite.bib").content.decode()
    assert parse_bibtex(bib).key == f"sankei-2015-11-10-{clipping.pk}"


@pytest.mark.parametrize("suffix", ["cite.ris", "cite.bib"])
def test_citations_of_hidden_clippings(client, editor, suffix):
    draft = ArticleFactory(status=Article.Status.DRAFT)
    scheduled = ArticleFactory(publish_at=LATER)
    for article in (draft, scheduled):
        assert client.get(article.get_absolute_url() + suffix).status_code == 404
    client.force_login(editor)
    response = client.get(draft.get_absolute_url() + suffix)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]


def test_unknown_clipping_citation_is_404(client, db):
    assert client.get("/articles/999/slug/cite.ris").status_code == 404
    assert client.get("/articles/999/slug/cite.bib").status_code == 404


def test_the_page_offers_both_styles_and_both_files(client, clipping):
    body = client.get(clipping.get_absolute_url()).content.decode()
    permalink = f"http://testserver{clipping.get_absolute_url()}"
    assert "Chicago style" in body and "APA style" in body
    assert f'<p class="cite__text">{citations.chicago(clipping, permalink)}</p>' in body
    assert f'<p class="cite__text">{citations.apa(clipping, permalink)}</p>' in body
    assert f'href="{clipping.get_absolute_url()}cite.ris"' in body
    assert f'href="{clipping.get_absolute_url()}cite.bib"' in body


def test_citations_on_the_page_are_escaped(client, db):
    article = ArticleFactory(title="<script>alert(1)</script> & more")
    body = client.get(article.get_absolute_url()).content.decode()
    assert "<script>alert(1)" not in body
    assert "“&lt;script&gt;alert(1)&lt;/script&gt; &amp; more.”" in body
