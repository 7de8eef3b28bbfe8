"""Public URLs. Researchers cite these, so their shapes and names are a contract."""

from django.urls import path, register_converter

from . import views


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


register_converter(YearConverter, "yyyy")
register_converter(TwoDigitConverter, "nn")

app_name = "articles"

urlpatterns = [
    path("", views.home, name="home"),
    path("archive/", views.archive_index, name="archive"),
    path("archive/<yyyy:year>/", views.archive_year, name="archive-year"),
    path("archive/<yyyy:year>/<nn:month>/", views.archive_month, name="archive-month"),
    path("archive/<yyyy:year>/<nn:month>/<nn:day>/", views.archive_day, name="archive-day"),
    path("outlets/", views.OutletListView.as_view(), name="outlet-list"),
    path("outlets/<slug:slug>/", views.OutletDetailView.as_view(), name="outlet-detail"),
    path("topics/", views.TopicListView.as_view(), name="topic-list"),
    path("topics/<slug:slug>/", views.TopicDetailView.as_view(), name="topic-detail"),
    path("articles/", views.article_list, name="article-list"),
    # Search backends will read `q` here later; until then it is the filtered list.
    path("search/", views.article_list, name="search"),
    path("articles/<int:pk>/", views.article_redirect, name="article-redirect"),
    path("articles/<int:pk>/<slug:slug>/", views.article_detail, name="article-detail"),
]
