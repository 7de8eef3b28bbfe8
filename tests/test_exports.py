import csv
import datetime
import io
import json

import pytest
from django.core.management import call_command

from articles.exports import iter_csv, spreadsheet_safe, spreadsheet_value
from articles.models import Article, Outlet, Tag

from .factories import ArticleFactory, OutletFactory, TagFactory, clipping_snapshot

pytestmark = pytest.mark.django_db


def build_collection() -> None:
    asahi = OutletFactory(
        name="Asahi Shimbun",
        slug="asahi",
        aliases="Asahi\nAsahi digital",
        website="https://www.asahi.com/",
    )
    kyodo = OutletFactory(name="Kyodo News", slug="kyodo", kind=Outlet.Kind.WIRE)
    international = TagFactory(name="International", slug="international", keywords="diplomacy")
    russia = TagFactory(
        name="Japan–Russia relations",
        slug="japan-russia",
        parent=international,
        keywords="Putin\nKuril",
    )
    ArticleFactory(
        outlet=asahi,
        title='Putin "open" to talks; =SUM(A1) is not a formula',
        page="22-25",
        edition=Article.Edition.EVENING,
        position="Top play",
        kind=Article.Kind.ABRIDGED,
        body="First line\nsame paragraph.\n\nSecond paragraph, with a comma.",
        original_title="プーチン氏、協議に前向き",
        translator="K. Sato",
        translator_notes="-notes that start with a minus",
        source_url="https://www.asahi.com/articles/ASN1.html",
        tags=[international, russia],
    )
    ArticleFactory(
        outlet=kyodo, status=Article.Status.DRAFT, published_on=datetime.date(2016, 1, 2)
    )
    ArticleFactory(outlet=kyodo, title="'quoted start", tags=[russia])


def snapshot() -> dict:
    return {
        "outlets": sorted(
            Outlet.objects.values_list(
                "name", "slug", "aliases", "kind", "language", "country", "website", "description"
            )
        ),
        "topics": sorted(
            Tag.objects.values_list("name", "slug", "parent__slug", "description", "keywords")
        ),
        "clippings": clipping_snapshot(Article.objects.all()),
    }


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ("=1+1", "'=1+1"),
        ("+1", "'+1"),
        ("-2", "'-2"),
        ("@SUM", "'@SUM"),
        ("'x", "''x"),
        ("ok", "ok"),
    ],
)
def test_spreadsheet_safe_round_trips(value, cell):
    assert spreadsheet_safe(value) == cell
    assert spreadsheet_value(cell) == value


def test_csv_cells_never_start_a_formula():
    build_collection()
    rows = list(csv.reader(io.StringIO("".join(iter_csv(Article.objects.all())))))
    for row in rows[1:]:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r"))


def test_jsonl_export_round_trips_into_an_empty_database(tmp_path, django_db_blocker):
    build_collection()
    before = snapshot()
    path = tmp_path / "export.jsonl"
    call_command("export_clippings", "-o", str(path))
    first = json.loads(path.read_text().splitlines()[0])
    assert first["record"] == "outlet"
    Article.objects.all().delete()
    Tag.objects.filter(parent__isnull=False).delete()
    Tag.objects.all().delete()
    Outlet.objects.all().delete()
    call_command("import_clippings", str(path), verbosity=0)
    assert snapshot() == before
    # And a second import changes nothing.
    call_command("import_clippings", str(path), verbosity=0)
    assert snapshot() == before


def test_csv_export_reimports_into_a_database_with_its_outlets_and_topics(tmp_path):
    build_collection()
    before = snapshot()
    path = tmp_path / "export.csv"
    call_command("export_clippings", "--format", "csv", "-o", str(path))
    Article.objects.all().delete()
    call_command("import_clippings", str(path), verbosity=0)
    assert snapshot() == before


def test_public_export_leaves_out_drafts(capsys):
    build_collection()
    call_command("export_clippings", "--public")
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    clippings = [line for line in lines if line["record"] == "clipping"]
    assert len(clippings) == 2
    assert all(line["status"] == "published" for line in clippings)
