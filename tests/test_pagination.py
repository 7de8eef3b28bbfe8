import datetime

import pytest
from django.http import Http404
from django.test import RequestFactory
from hypothesis import given
from hypothesis import strategies as st

from articles.models import Article
from articles.pagination import Cursor, paginate
from tests.factories import ArticleFactory, OutletFactory

rf = RequestFactory()


def page_for(query: str = "", per_page: int = 3):
    return paginate(rf.get("/articles/" + query), Article.objects.published(), per_page=per_page)


def titles(page) -> list[str]:
    return [article.title for article in page.items]


@pytest.fixture
def ten(db):
    """Ten clippings over four days; several share a day, so ids must break the ties."""
    outlet = OutletFactory()
    days = [datetime.date(2015, 11, d) for d in (10, 10, 10, 9, 9, 8, 8, 8, 8, 7)]
    made = [
        ArticleFactory(outlet=outlet, published_on=day, title=f"c{i}") for i, day in enumerate(days)
    ]
    # The expected newest-first order: by date, then by id, both descending.
    return [a.title for a in sorted(made, key=lambda a: (a.published_on, a.pk), reverse=True)]


class TestCursor:
    def test_round_trip(self):
        cursor = Cursor.parse("2015-11-10.1234")
        assert cursor == Cursor(datetime.date(2015, 11, 10), 1234)
        assert str(cursor) == "2015-11-10.1234"

    @pytest.mark.parametrize(
        "raw",
        [
            "",
            "2015-11-10",
            "2015-11-10.",
            ".12",
            "2015-02-30.1",
            "2015-13-01.1",
            "0000-01-01.1",
            "2015-11-10.0",
            "2015-11-10.-1",
            "2015-11-10.1x",
            "2015/11/10.1",
            "20151110.1",
            "2015-11-10.99999999999999999999",
            "2015-11-10.9223372036854775808",
            " 2015-11-10.1",
            "2015-11-10.1\n",
        ],
    )
    def test_malformed_is_rejected(self, raw):
        with pytest.raises(ValueError):
            Cursor.parse(raw)

    def test_largest_bigint_is_accepted(self):
        assert Cursor.parse("2015-11-10.9223372036854775807").pk == 2**63 - 1

    @given(
        day=st.dates(min_value=datetime.date(1, 1, 1), max_value=datetime.date(9999, 12, 31)),
        pk=st.integers(min_value=1, max_value=2**63 - 1),
    )
    def test_every_key_round_trips(self, day, pk):
        cursor = Cursor(day, pk)
        assert Cursor.parse(str(cursor)) == cursor

    @given(st.one_of(st.text(max_size=40), st.from_regex(r"\d{4}-\d{2}-\d{2}\.\d{1,20}")))
    def test_any_text_parses_or_raises_value_error(self, raw):
        try:
            cursor = Cursor.parse(raw)
        except ValueError:
            return
        assert Cursor.parse(str(cursor)) == cursor


class TestPaginate:
    def test_first_page(self, ten):
        page = page_for()
        assert titles(page) == ten[:3]
        assert page.is_first
        assert page.newer_cursor is None
        assert page.older_cursor == str(Cursor.of(page.items[-1]))

    def test_walk_older_then_newer_covers_every_row_once(self, ten):
        seen, pages = [], []
        page = page_for()
        while True:
            pages.append(titles(page))
            seen += titles(page)
            if page.older_cursor is None:
                break
            page = page_for(f"?before={page.older_cursor}")
        assert seen == ten
        assert [len(p) for p in pages] == [3, 3, 3, 1]

        # Back up again from the last page: the same pages in reverse.
        back = []
        while page.newer_cursor is not None:
            page = page_for(f"?after={page.newer_cursor}")
            back.append(titles(page))
        assert back == pages[-2::-1]
        assert page.older_cursor is not None

    def test_middle_page_has_both_neighbours(self, ten):
        first = page_for()
        second = page_for(f"?before={first.older_cursor}")
        assert titles(second) == ten[3:6]
        assert second.newer_cursor == str(Cursor.of(second.items[0]))
        assert second.older_cursor == str(Cursor.of(second.items[-1]))
        assert not second.is_first

    def test_newer_page_reaching_the_top_has_no_newer_link(self, ten):
        second = page_for(f"?before={page_for().older_cursor}")
        top = page_for(f"?after={second.newer_cursor}")
        assert titles(top) == ten[:3]
        assert top.newer_cursor is None

    def test_cursor_of_a_row_that_no_longer_exists_still_works(self, ten):
        first = page_for()
        Article.objects.filter(title=first.items[-1].title).delete()
        assert titles(page_for(f"?before={first.older_cursor}")) == ten[3:6]

    def test_past_the_end_is_an_empty_page(self, ten):
        page = page_for("?before=1900-01-01.1")
        assert page.items == []
        assert page.past_end
        assert page.newer_cursor is None and page.older_cursor is None

    def test_past_the_start_is_an_empty_page(self, ten):
        page = page_for("?after=2100-01-01.1")
        assert page.items == [] and page.past_end

    def test_first_page_of_an_empty_list_is_not_past_end(self, db):
        page = page_for()
        assert page.items == [] and page.is_first and not page.past_end

    @pytest.mark.parametrize(
        "query",
        [
            "?before=yesterday",
            "?after=2015-02-30.1",
            "?before=2015-11-10.1&after=2015-11-10.5",
            "?before=2015-11-10.1&before=2015-11-10.2",
            "?before=",
            "?after=2015-11-10.99999999999999999999",
        ],
    )
    def test_malformed_cursor_is_404(self, ten, query):
        with pytest.raises(Http404):
            page_for(query)

    def test_page_size_comes_from_settings(self, ten, settings):
        settings.ARTICLES_PER_PAGE = 4
        page = paginate(rf.get("/"), Article.objects.published())
        assert len(page.items) == 4

    def test_never_counts_or_offsets(self, ten):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        first = page_for()
        with CaptureQueriesContext(connection) as ctx:
            page_for(f"?before={first.older_cursor}")
        sql = " ".join(q["sql"].upper() for q in ctx.captured_queries)
        assert "COUNT(" not in sql
        assert "OFFSET" not in sql
        assert len(ctx) == 2  # the page and one EXISTS for its newer neighbour


class TestOldestFirst:
    def page(self, query: str = ""):
        request = rf.get("/articles/" + query)
        return paginate(request, Article.objects.published(), per_page=3, oldest_first=True)

    def test_walk_forward_then_back_covers_every_row_once(self, ten):
        oldest = ten[::-1]
        page = self.page()
        assert page.is_first and page.older_cursor is None
        pages = []
        while True:
            pages.append(titles(page))
            # Forward is later: `after=` the newest row shown.
            if page.newer_cursor is None:
                break
            assert page.newer_cursor == str(Cursor.of(page.items[-1]))
            page = self.page(f"?after={page.newer_cursor}")
        assert [title for shown in pages for title in shown] == oldest
        assert [len(shown) for shown in pages] == [3, 3, 3, 1]
        back = []
        while page.older_cursor is not None:
            assert page.older_cursor == str(Cursor.of(page.items[0]))
            page = self.page(f"?before={page.older_cursor}")
            back.append(titles(page))
        assert back == pages[-2::-1]
        assert page.newer_cursor is not None and not page.is_first

    def test_past_either_end_is_an_empty_page(self, ten):
        last = Article.objects.published().order_by("published_on", "pk").last()
        assert self.page(f"?after={Cursor.of(last)}").past_end
        first = Article.objects.published().order_by("published_on", "pk").first()
        assert self.page(f"?before={Cursor.of(first)}").past_end
