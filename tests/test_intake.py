import datetime
import json
from pathlib import Path
from unittest import mock

import pytest
from django.core.management import CommandError, call_command
from django.db import OperationalError, connection, transaction

from articles.intake import Intake, read_path, suggest_topics
from articles.models import Article, Outlet, Tag
from articles.search import deferred_indexing, get_search_backend
from articles.search.indexing import is_deferred

from .factories import ArticleFactory, OutletFactory, TagFactory

pytestmark = pytest.mark.django_db

SAMPLE = Path(__file__).resolve().parents[2] / "shared" / "samples"
SAMPLE_FILE = next(iter(sorted(SAMPLE.glob("sankei-*.txt"))), None)

RAW = """Cabinet approves extra budget for disaster relief

(Yomiuri: March 4, 2021 – p. 2)

 The Cabinet approved a supplementary budget on March 3.

 Relief for the Tohoku region takes the largest share.
"""
RAW_SECOND = """Putin signals readiness to discuss Kuril islands

(Asahi: Nov. 11, 2015 - p. 3)

 President Putin said on Nov. 10 that talks on the Northern Territories could resume.
"""
BROKEN = """Headline with no source line at all

Just a paragraph, nothing else.
"""


@pytest.fixture
def outlets(db):
    return {
        "yomiuri": OutletFactory(name="Yomiuri Shimbun", slug="yomiuri", aliases="Yomiuri"),
        "asahi": OutletFactory(name="Asahi Shimbun", slug="asahi", aliases="Asahi"),
        "sankei": OutletFactory(name="Sankei Shimbun", slug="sankei", aliases="Sankei"),
    }


@pytest.fixture
def russia(db):
    parent = TagFactory(name="International", slug="international")
    return TagFactory(
        name="Japan-Russia relations",
        slug="japan-russia",
        parent=parent,
        keywords="Putin\nLavrov\nNorthern Territories\nKuril",
    )


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def run_import(*args: str) -> None:
    call_command("import_clippings", *args, verbosity=0)


def test_suggest_topics_matches_whole_keywords_case_insensitively(russia):
    other = TagFactory(name="Energy", keywords="LNG\nnuclear power")
    assert suggest_topics("Talks with PUTIN on the Kuril chain", [russia, other]) == [russia]
    assert suggest_topics("Putinism is not a keyword match", [russia]) == []
    assert suggest_topics("A nuclear power plant restarts", [russia, other]) == [other]


def test_text_import_creates_drafts_with_suggested_topics(tmp_path, outlets, russia):
    path = write(tmp_path, "batch.txt", RAW + "\n-----\n" + RAW_SECOND)
    run_import(str(path))
    budget = Article.objects.get(title="Cabinet approves extra budget for disaster relief")
    assert budget.outlet == outlets["yomiuri"]
    assert budget.published_on == datetime.date(2021, 3, 4)
    assert budget.page == "2"
    assert budget.status == Article.Status.DRAFT
    assert budget.paragraphs == [
        "The Cabinet approved a supplementary budget on March 3.",
        "Relief for the Tohoku region takes the largest share.",
    ]
    putin = Article.objects.get(outlet=outlets["asahi"])
    assert list(putin.tags.all()) == [russia]


def test_publish_flag_publishes(tmp_path, outlets):
    run_import(str(write(tmp_path, "one.txt", RAW)), "--publish")
    assert Article.objects.published().count() == 1


@pytest.mark.skipif(SAMPLE_FILE is None, reason="the shared sample clipping is not beside the repo")
def test_the_shared_sample_imports(outlets):
    run_import(str(SAMPLE_FILE))
    article = Article.objects.get()
    assert article.outlet == outlets["sankei"]
    assert article.published_on == datetime.date(2015, 11, 10)
    assert article.page == "5"
    assert article.title == "Japan coordinating for Abe-Putin meeting during APEC Summit in Manila"
    assert len(article.paragraphs) == 8


def test_running_the_same_import_twice_changes_nothing(tmp_path, outlets, russia):
    path = write(tmp_path, "batch.txt", RAW + "\n=====\n" + RAW_SECOND)
    run_import(str(path))
    before = list(Article.objects.values_list("id", "updated_at", "status").order_by("id"))
    intake = Intake()
    records = list(intake.run(read_path(path)))
    assert [record.action for record in records] == ["unchanged", "unchanged"]
    assert str(intake.summary) == "read 2, created 0, updated 0, unchanged 2, rejected 0"
    after = list(Article.objects.values_list("id", "updated_at", "status").order_by("id"))
    assert before == after


def test_reimport_keeps_editor_decisions(tmp_path, outlets, russia):
    """Raw text carries no status or topics: re-importing it must not undo an editor's work."""
    path = write(tmp_path, "one.txt", RAW_SECOND)
    run_import(str(path))
    article = Article.objects.get()
    article.status = Article.Status.PUBLISHED
    article.save()
    article.tags.clear()
    run_import(str(path))
    article.refresh_from_db()
    assert article.status == Article.Status.PUBLISHED
    assert article.tags.count() == 0


def test_changed_text_updates_the_saved_clipping(tmp_path, outlets):
    run_import(str(write(tmp_path, "one.txt", RAW)))
    changed = RAW.replace("largest share", "largest share by far").replace("p. 2", "p. 3")
    intake = Intake()
    [record] = intake.run(read_path(write(tmp_path, "one.txt", changed)))
    assert record.action == "updated"
    article = Article.objects.get()
    assert article.page == "3"
    assert article.body.endswith("largest share by far.")


def test_bad_records_are_rejected_with_location_and_good_ones_saved(tmp_path, outlets):
    text = RAW + "\n---\n" + BROKEN + "\n---\n" + RAW_SECOND.replace("Asahi", "Daily Planet")
    path = write(tmp_path, "mixed.txt", text)
    rejects = tmp_path / "rejects.jsonl"
    with pytest.raises(CommandError) as raised:
        run_import(str(path), "--rejects", str(rejects))
    assert raised.value.returncode == 1
    assert Article.objects.count() == 1
    lines = [json.loads(line) for line in rejects.read_text().splitlines()]
    assert len(lines) == 2
    assert lines[0]["source"] == f"{path}:10"
    assert lines[0]["raw"].startswith("Headline with no source line")
    assert lines[0]["errors"]
    assert lines[1]["errors"] == ["unknown outlet 'Daily Planet'"]
    assert "President Putin" in lines[1]["raw"]


def test_create_outlets_option_creates_unknown_outlets(tmp_path, outlets):
    path = write(tmp_path, "one.txt", RAW_SECOND.replace("Asahi", "Daily Planet"))
    run_import(str(path), "--create-outlets")
    assert Outlet.objects.get(slug="daily-planet").name == "Daily Planet"
    assert Article.objects.get().outlet.slug == "daily-planet"


def test_dry_run_writes_nothing_and_json_reports_each_clipping(tmp_path, outlets, capsys):
    path = write(tmp_path, "batch.txt", RAW + "\n---\n" + BROKEN)
    with pytest.raises(CommandError):
        call_command("import_clippings", str(path), "--dry-run", "--json", "--create-outlets")
    assert Article.objects.count() == 0
    assert Outlet.objects.count() == 3
    reports = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert reports[0] == {
        "source": f"{path}:1",
        "title": "Cabinet approves extra budget for disaster relief",
        "outlet": "Yomiuri",
        "outlet_slug": "yomiuri",
        "published_on": "2021-03-04",
        "page": "2",
        "edition": "unspecified",
        "position": "",
        "kind": "full",
        "tags": [],
        "errors": [],
        "action": "created",
    }
    assert reports[1]["errors"] and reports[1]["published_on"] is None


def test_directories_are_read_recursively(tmp_path, outlets):
    (tmp_path / "2021" / "03").mkdir(parents=True)
    write(tmp_path / "2021" / "03", "a.txt", RAW)
    write(tmp_path, "b.txt", RAW_SECOND)
    write(tmp_path, "notes.md", "not a clipping")
    run_import(str(tmp_path))
    assert Article.objects.count() == 2


def test_jsonl_records_validate_each_field(tmp_path, outlets):
    good = {
        "title": "Good one",
        "outlet_slug": "asahi",
        "published_on": "2016-12-15",
        "body": "Text.",
        "tags": [],
    }
    lines = [
        json.dumps(good),
        "{not json",
        json.dumps(good | {"title": "Bad date", "published_on": "2016-02-30"}),
        json.dumps(good | {"title": "Bad kind", "kind": "rumour"}),
        json.dumps(good | {"title": "Bad topic", "tags": ["nowhere"]}),
        json.dumps(good | {"title": "Bad url", "source_url": "not a url"}),
        json.dumps(good | {"title": "", "body": ""}),
        json.dumps(["a", "list"]),
    ]
    path = write(tmp_path, "records.jsonl", "\n".join(lines) + "\n")
    intake = Intake()
    records = list(intake.run(read_path(path)))
    assert [r.action for r in records] == ["created"] + ["rejected"] * 7
    assert [r.source.rsplit(":", 1)[1] for r in records] == [str(n) for n in range(1, 9)]
    assert "not valid JSON" in records[1].errors[0]
    assert "not a valid ISO date" in records[2].errors[0]
    assert records[3].errors == ["unknown kind 'rumour'"]
    assert records[4].errors == ["unknown topic 'nowhere'"]
    assert "not a valid URL" in records[5].errors[0]
    assert records[6].errors == ["no headline", "no body text"]
    assert Article.objects.get().title == "Good one"


def test_source_url_identifies_a_clipping_across_headline_changes(tmp_path, outlets):
    record = {
        "title": "First headline",
        "outlet_slug": "asahi",
        "published_on": "2016-12-15",
        "body": "Text.",
        "source_url": "https://www.asahi.com/articles/1",
    }
    path = write(tmp_path, "a.jsonl", json.dumps(record) + "\n")
    run_import(str(path))
    write(tmp_path, "a.jsonl", json.dumps(record | {"title": "Corrected headline"}) + "\n")
    run_import(str(path))
    assert list(Article.objects.values_list("title", flat=True)) == ["Corrected headline"]


def test_a_batch_with_a_duplicate_inside_keeps_one(tmp_path, outlets):
    path = write(tmp_path, "twice.txt", RAW + "\n---\n" + RAW)
    intake = Intake()
    actions = [record.action for record in intake.run(read_path(path))]
    assert actions == ["created", "unchanged"]
    assert Article.objects.count() == 1


def test_existing_clippings_are_matched_by_natural_key(outlets):
    existing = ArticleFactory(
        outlet=outlets["yomiuri"],
        title="Cabinet approves extra budget for disaster relief",
        published_on=datetime.date(2021, 3, 4),
    )
    intake = Intake()
    from articles.intake import read_text

    [record] = intake.run(read_text(RAW, "pasted"))
    assert record.action == "updated"
    existing.refresh_from_db()
    assert existing.page == "2"
    assert Tag.objects.count() == 0


# --- The fast path: indexed once, revisions recorded, nothing half done -----------------------


def jsonl(tmp_path: Path, *records: dict) -> Path:
    return write(tmp_path, "batch.jsonl", "".join(json.dumps(r) + "\n" for r in records))


def clipping(n: int, **fields) -> dict:
    return {
        "title": f"Clipping number {n}",
        "outlet_slug": "asahi",
        "published_on": "2016-12-15",
        "body": f"Body text {n}.",
        "status": "published",
        "tags": [],
    } | fields


def found(query: str) -> list[str]:
    result = get_search_backend().search(Article.objects.published(), query)
    return sorted(hit.title for hit in result.hits)


def index_entries(ids: list[int]) -> dict[int, tuple]:
    """What the search index holds for these clippings, as the database stores it."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT id, search_vector::text FROM articles_article WHERE id = ANY(%s)",
                [ids],
            )
        else:
            cursor.execute(
                "SELECT rowid, title, original_title, outlet, topics, body "
                "FROM articles_article_fts WHERE rowid IN (SELECT value FROM json_each(%s))",
                [json.dumps(ids)],
            )
        return {row[0]: row[1:] for row in cursor.fetchall() if row[1] is not None}


def index_by_triggers(ids: list[int]) -> None:
    """Have the triggers rebuild these clippings' entries, by changing each headline and back."""
    if connection.vendor == "postgresql":
        where, param = "id = ANY(%s)", ids
    else:
        where, param = "id IN (SELECT value FROM json_each(%s))", json.dumps(ids)
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE articles_article SET title = title || ' x' WHERE {where}", [param])
        cursor.execute(
            f"UPDATE articles_article SET title = substr(title, 1, length(title) - 2) "
            f"WHERE {where}",
            [param],
        )


@pytest.fixture
def security(db):
    parent = TagFactory(name="Security", slug="security")
    return {
        "security": parent,
        "okinawa": TagFactory(name="Okinawa bases", slug="okinawa", parent=parent),
        "economy": TagFactory(name="Economy", slug="economy"),
    }


def test_an_import_indexes_each_clipping_with_its_outlet_and_topics(tmp_path, outlets, security):
    path = jsonl(
        tmp_path,
        clipping(1, body="Typhoon damage in Naha.", tags=["okinawa"]),
        clipping(2, body="Yen weakens again.", tags=["economy", "security"], outlet_slug="sankei"),
        clipping(3, body="Nothing to see.", title="Quiet day"),
    )
    run_import(str(path))
    assert found("typhoon") == ["Clipping number 1"]
    # Topic names, a sub-topic's parent's name and outlet aliases are in the index too.
    assert found("okinawa") == ["Clipping number 1"]
    assert found("security") == ["Clipping number 1", "Clipping number 2"]
    assert found("economy") == ["Clipping number 2"]
    assert found("sankei") == ["Clipping number 2"]
    assert found("quiet") == ["Quiet day"]
    # Exactly what the triggers themselves would have written.
    ids = list(Article.objects.values_list("pk", flat=True))
    imported = index_entries(ids)
    assert len(imported) == 3
    index_by_triggers(ids)
    assert index_entries(ids) == imported


def test_a_changed_clipping_is_indexed_again(tmp_path, outlets, security):
    run_import(str(jsonl(tmp_path, clipping(1, body="Typhoon damage.", tags=["okinawa"]))))
    run_import(str(jsonl(tmp_path, clipping(1, body="Flood damage.", tags=["economy"]))))
    assert found("flood") == found("economy") == ["Clipping number 1"]
    assert found("typhoon") == found("okinawa") == found("security") == []


def test_the_import_records_one_revision_per_clipping_with_its_topics(tmp_path, outlets, security):
    path = jsonl(tmp_path, clipping(1, tags=["okinawa", "economy"]), clipping(2))
    run_import(str(path))
    for article in Article.objects.all():
        [revision] = Article.history.filter(id=article.pk)
        assert revision.history_type == "+"
        assert revision.title == article.title
        assert {t.tag_id for t in revision.tags.all()} == {t.pk for t in article.tags.all()}
    run_import(str(jsonl(tmp_path, clipping(1, page="9", tags=["economy"]))))
    article = Article.objects.get(title="Clipping number 1")
    latest, first = Article.history.filter(id=article.pk)
    assert (first.history_type, latest.history_type) == ("+", "~")
    assert (first.page, latest.page) == ("", "9")
    assert [t.tag_id for t in latest.tags.all()] == [security["economy"].pk]


def test_a_clipping_twice_in_one_batch_keeps_the_last_version(tmp_path, outlets, security):
    path = jsonl(tmp_path, clipping(1, tags=["okinawa"]), clipping(1, page="7", tags=["economy"]))
    list(Intake().run(read_path(path)))
    article = Article.objects.get()
    assert article.page == "7"
    assert [tag.slug for tag in article.tags.all()] == ["economy"]
    assert found("economy") == ["Clipping number 1"] and found("okinawa") == []
    assert [r.history_type for r in Article.history.filter(id=article.pk)] == ["~", "+"]


def test_a_batch_the_checks_cannot_foresee_is_saved_one_by_one(tmp_path, outlets):
    """Same outlet, date and headline under two source URLs: the database refuses the batch."""
    path = jsonl(
        tmp_path,
        clipping(1, source_url="https://example.org/a"),
        clipping(1, source_url="https://example.org/b", body="Second version."),
        clipping(2),
    )
    intake = Intake()
    assert [r.action for r in intake.run(read_path(path))] == ["created", "updated", "created"]
    article = Article.objects.get(title="Clipping number 1")
    assert article.source_url == "https://example.org/b"
    assert found("second") == ["Clipping number 1"]
    assert Article.objects.count() == 2


def test_a_failure_mid_batch_leaves_indexing_on_and_nothing_half_indexed(
    tmp_path, outlets, security
):
    path = jsonl(tmp_path, clipping(1, tags=["okinawa"]), clipping(2, tags=["economy"]))
    write_tags = Intake.write_tags
    seen = {}

    def fail_after_writing(self, *args):
        write_tags(self, *args)
        seen["deferred"] = is_deferred()
        seen["rows"] = Article.objects.count()
        raise OperationalError("connection lost after the topics were written")

    with (
        mock.patch.object(Intake, "write_tags", fail_after_writing),
        pytest.raises(OperationalError),
    ):
        run_import(str(path))
    assert seen == {"deferred": True, "rows": 2}
    assert not is_deferred()
    assert not Article.objects.exists()
    assert found("clipping") == found("okinawa") == []
    # The triggers are back at work for the next write.
    ArticleFactory(title="Typhoon warning", tags=[security["okinawa"]])
    assert found("typhoon") == found("okinawa") == ["Typhoon warning"]


def test_deferred_indexing_indexes_what_it_is_told_once_the_block_ends(security):
    outer_article = ArticleFactory(title="Before the block")
    with deferred_indexing() as pending:
        assert is_deferred()
        article = ArticleFactory(title="Tsunami drill", tags=[security["okinawa"]])
        outer_article.title = "Harbour reopens"
        outer_article.save()
        assert index_entries([article.pk]) == {}
        assert found("harbour") == []
        pending.add([article.pk, outer_article.pk])
    assert not is_deferred()
    assert found("tsunami") == found("okinawa") == ["Tsunami drill"]
    assert found("harbour") == ["Harbour reopens"] and found("before") == []
    built = index_entries([article.pk, outer_article.pk])
    index_by_triggers([article.pk])
    assert index_entries([article.pk, outer_article.pk]) == built


def test_an_error_inside_deferred_indexing_rolls_its_writes_and_the_switch_back(security):
    with transaction.atomic():
        with pytest.raises(RuntimeError), deferred_indexing() as pending:
            article = ArticleFactory(title="Never saved")
            pending.add([article.pk])
            raise RuntimeError("stop")
        # Caught inside the same transaction: the triggers work again all the same.
        assert not is_deferred()
        assert not Article.objects.filter(title="Never saved").exists()
        ArticleFactory(title="Saved after", tags=[security["economy"]])
        assert found("saved") == found("economy") == ["Saved after"]


def test_a_nul_character_rejects_that_record_and_keeps_the_others(tmp_path, outlets):
    good = {"title": "Fine", "outlet_slug": "asahi", "published_on": "2016-12-15", "body": "Ok."}
    bad = good | {"title": "Broken", "body": "Text with a \u0000 inside."}
    path = write(tmp_path, "nul.jsonl", json.dumps(good) + "\n" + json.dumps(bad) + "\n")
    intake = Intake()
    records = list(intake.run(read_path(path)))
    assert [r.action for r in records] == ["created", "rejected"]
    assert records[1].errors == ["NUL character in body"]
    assert list(Article.objects.values_list("title", flat=True)) == ["Fine"]
