import datetime
import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from articles.intake import Intake, read_path, suggest_topics
from articles.models import Article, Outlet, Tag

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
