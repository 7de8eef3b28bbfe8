"""Public URLs. Researchers cite these, so their shapes and names are a contract."""

from django.urls import path, register_converter

from . import feeds, views


class TwoDigitConverter:
    """Exactly `width` digits in the URL, zero-padded when reversed: /archive/2015/02/."""

    width = 2
    regex = "[0-9]{2}"

    def to_python(self, value: str) -> str:
        # Kept as text: the view turns it into a date and 404s on impossible ones.
        return value

    def to_url(self, value: int | str) -> str:
        return f"{int(value):0{self.width}d}"


class YearConverter(TwoDigitConverter):
    width = 4
    regex = "[0-9]{4}"


class ExportFormatConverter:
    regex = "csv|jsonl"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(YearConverter, "yyyy")
register_converter(TwoDigitConverter, "nn")
register_converter(ExportFormatConverter, "export")

app_name = "articles"

urlpatterns = [
    path("", views.home, name="home"),
    path("archive/", views.archive_index, name="archive"),
    path("archive/<yyyy:year>/", views.archive_year, name="archive-year"),
    path("archive/<yyyy:year>/<nn:month>/", views.archive_month, name="archive-month"),
    path("archive/<yyyy:year>/<nn:month>/<nn:day>/", views.archive_day, name="archive-day"),
    path("outlets/", views.OutletListView.as_view(), name="outlet-list"),
    path("outlets/<slug:slug>/", views.OutletDetailView.as_view(), name="outlet-detail"),
    path("outlets/<slug:slug>/feed/", feeds.OutletFeed(), name="outlet-feed"),
    path("topics/", views.TopicListView.as_view(), name="topic-list"),
    path("topics/<slug:slug>/", views.TopicDetailView.as_view(), name="topic-detail"),
    path("topics/<slug:slug>/feed/", feeds.TopicFeed(), name="topic-feed"),
    path("compare/", views.compare, name="compare"),
    path("feeds/latest/", feeds.LatestFeed(), name="feed-latest"),
    # One list: /search/ is /articles/ with a search box first. Each has its feed and downloads,
    # which take the same query string.
    path("articles/", views.article_list, name="article-list"),
    path("search/", views.article_list, name="search"),
    path("articles/<int:pk>/", views.article_redirect, name="article-redirect"),
    path("articles/<int:pk>/<slug:slug>/", views.article_detail, name="article-detail"),
    path("articles/<int:pk>/<slug:slug>/cite.ris", views.article_cite_ris, name="article-cite-ris"),
    path(
        "articles/<int:pk>/<slug:slug>/cite.bib",
        views.article_cite_bibtex,
        name="article-cite-bibtex",
    ),
    path("corrections/", views.correction_list, name="correction-list"),
    path(
        "articles/feed/",
        feeds.ListFeed(),
        {"list_url": "articles:article-list"},
        name="article-list-feed",
    ),
    path("search/feed/", feeds.ListFeed(), {"list_url": "articles:search"}, name="search-feed"),
    path(
        "articles/export.<export:file_format>",
        views.list_export,
        name="article-list-export",
    ),
    path("search/export.<export:file_format>", views.list_export, name="search-export"),
]
