"""The public reading pages. Every clipping shown starts from Article.objects.published().

The date archive uses function views rather than Django's generic date views: the year and
month pages show counts, not rows, and the generic views load every row of the period to learn
whether it is empty; the day page needs only two neighbour lookups where DayArchiveView runs
four through the prefetching queryset, and its date arithmetic overflows on 9999-12-31.
"""

from __future__ import annotations

import calendar
import datetime
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import groupby

from django.db.models import Count, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce, Lower, TruncMonth
from django.http import Http404, HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.views.generic import DetailView, ListView

from .filters import ArticleFilter
from .models import Article, Outlet, Tag
from .pagination import paginate

RECENT_DAYS = 7


# --- Shared building blocks -----------------------------------------------------------------


def outlets_with_counts() -> QuerySet[Outlet]:
    """All outlets, each annotated with `public_count`, in one query."""
    per_outlet = (
        Article.objects.published()
        .filter(outlet=OuterRef("pk"))
        .order_by()
        .values("outlet")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Outlet.objects.annotate(public_count=Coalesce(Subquery(per_outlet), 0)).order_by(
        Lower("name")
    )


def topic_tree() -> list[Tag]:
    """Top-level topics with `subtopics`, each topic carrying `public_count`.

    A top-level count covers its sub-topics too, and a clipping filed under both a parent and
    one of its children counts once. Three queries whatever the size of the tree.
    """
    public = Article.objects.published().order_by()
    direct = dict(public.filter(tags__isnull=False).values_list("tags").annotate(n=Count("pk")))
    per_root = dict(
        public.annotate(root=Coalesce("tags__parent", "tags"))
        .filter(root__isnull=False)
        .values_list("root")
        .annotate(n=Count("pk", distinct=True))
    )
    tags = list(Tag.objects.order_by(Lower("name")))
    roots = [tag for tag in tags if tag.parent_id is None]
    by_id = {tag.pk: tag for tag in roots}
    for root in roots:
        root.public_count = per_root.get(root.pk, 0)
        root.subtopics = []
    for tag in tags:
        parent = by_id.get(tag.parent_id)
        # A third level (Tag.clean forbids it, the database does not) is left off the tree.
        if parent is not None:
            tag.parent = parent  # so full_name needs no query
            tag.public_count = direct.get(tag.pk, 0)
            parent.subtopics.append(tag)
    return roots


_LEADING_NUMBER = re.compile(r"\d+")


def _page_sort_key(article: Article) -> tuple[int, int, str, int]:
    """Page "3" before "12" before "A2" before no page at all."""
    page = article.page.strip()
    match = _LEADING_NUMBER.match(page)
    if match:
        return (0, int(match[0]), page, article.pk)
    if page:
        return (1, 0, page.lower(), article.pk)
    return (2, 0, "", article.pk)


@dataclass
class OutletGroup:
    outlet: Outlet
    articles: list[Article] = field(default_factory=list)


def group_by_outlet(articles: Iterable[Article]) -> list[OutletGroup]:
    """A day's clippings as the paper reader sees them: by outlet, then by page."""
    ordered = sorted(articles, key=lambda a: (a.outlet.name.lower(), a.outlet_id))
    groups = []
    for _, items in groupby(ordered, key=lambda a: a.outlet_id):
        items = sorted(items, key=_page_sort_key)
        groups.append(OutletGroup(items[0].outlet, items))
    return groups


def _public_day_before(day: datetime.date) -> datetime.date | None:
    return (
        Article.objects.published()
        .filter(published_on__lt=day)
        .order_by("-published_on")
        .values_list("published_on", flat=True)
        .first()
    )


def _public_day_after(day: datetime.date) -> datetime.date | None:
    return (
        Article.objects.published()
        .filter(published_on__gt=day)
        .order_by("published_on")
        .values_list("published_on", flat=True)
        .first()
    )


def _date_or_404(year: str, month: str = "1", day: str = "1") -> datetime.date:
    """The URL converters guarantee digits; this rejects 2015-02-30, month 13 and year 0."""
    try:
        return datetime.date(int(year), int(month), int(day))
    except ValueError as error:
        raise Http404("No such date.") from error


def _private(response: HttpResponse) -> HttpResponse:
    """Keep shared caches from storing what only staff may see."""
    patch_cache_control(response, private=True, no_store=True)
    return response


# --- Front page -------------------------------------------------------------------------------


def home(request: HttpRequest) -> HttpResponse:
    public = Article.objects.published()
    latest = public.order_by("-published_on").values_list("published_on", flat=True).first()
    context: dict = {"latest_day": latest, "groups": [], "recent_days": []}
    if latest is not None:
        context["groups"] = group_by_outlet(public.filter(published_on=latest).with_related())
        context["recent_days"] = list(
            public.filter(published_on__lt=latest)
            .order_by()
            .values_list("published_on")
            .annotate(n=Count("pk"))
            .order_by("-published_on")[:RECENT_DAYS]
        )
    context["topics"] = [topic for topic in topic_tree() if topic.public_count]
    context["outlets"] = [o for o in outlets_with_counts() if o.public_count]
    return render(request, "articles/home.html", context)


# --- Date archive -----------------------------------------------------------------------------


def _per_month(articles: QuerySet[Article]) -> dict[datetime.date, int]:
    """Clipping counts per month, keyed by the month's first day, oldest first."""
    # TruncMonth hands back dates on every backend; Extract gives Decimals on PostgreSQL.
    return dict(
        articles.order_by()
        .annotate(month=TruncMonth("published_on"))
        .values_list("month")
        .annotate(n=Count("pk"))
        .order_by("month")
    )


def archive_index(request: HttpRequest) -> HttpResponse:
    per_month = _per_month(Article.objects.published())
    years = []
    for year, items in groupby(per_month.items(), key=lambda item: item[0].year):
        months = list(items)
        years.append({"year": year, "count": sum(n for _, n in months), "months": months})
    years.reverse()
    return render(request, "articles/archive_index.html", {"years": years})


def archive_year(request: HttpRequest, year: str) -> HttpResponse:
    first = _date_or_404(year)
    last = first.replace(month=12, day=31)
    per_month = _per_month(Article.objects.published().filter(published_on__range=(first, last)))
    if not per_month:
        raise Http404("No clippings in this year.")
    months = [
        (first.replace(month=m), per_month.get(first.replace(month=m), 0)) for m in range(1, 13)
    ]
    context = {
        "year": first,
        "months": months,
        "total": sum(per_month.values()),
        "previous_year": _public_day_before(first),
        "next_year": _public_day_after(last),
    }
    return render(request, "articles/archive_year.html", context)


def archive_month(request: HttpRequest, year: str, month: str) -> HttpResponse:
    first = _date_or_404(year, month)
    last = first.replace(day=calendar.monthrange(first.year, first.month)[1])
    day_counts = dict(
        Article.objects.published()
        .filter(published_on__range=(first, last))
        .order_by()
        .values_list("published_on")
        .annotate(n=Count("pk"))
    )
    if not day_counts:
        raise Http404("No clippings in this month.")
    context = {
        "month": first,
        "day_counts": day_counts,
        "total": sum(day_counts.values()),
        "previous_month": _public_day_before(first),
        "next_month": _public_day_after(last),
    }
    return render(request, "articles/archive_month.html", context)


def archive_day(request: HttpRequest, year: str, month: str, day: str) -> HttpResponse:
    date = _date_or_404(year, month, day)
    articles = list(Article.objects.published().filter(published_on=date).with_related())
    if not articles:
        raise Http404("No clippings on this day.")
    context = {
        "day": date,
        "groups": group_by_outlet(articles),
        "count": len(articles),
        "previous_day": _public_day_before(date),
        "next_day": _public_day_after(date),
    }
    return render(request, "articles/archive_day.html", context)


# --- Outlets and topics -----------------------------------------------------------------------


class OutletListView(ListView):
    template_name = "articles/outlet_list.html"
    context_object_name = "outlets"

    def get_queryset(self) -> QuerySet[Outlet]:
        return outlets_with_counts()


class OutletDetailView(DetailView):
    model = Outlet
    template_name = "articles/outlet_detail.html"
    context_object_name = "outlet"

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        articles = Article.objects.published().filter(outlet=self.object).with_related()
        context["page"] = paginate(self.request, articles)
        return context


class TopicListView(ListView):
    template_name = "articles/topic_list.html"
    context_object_name = "topics"

    def get_queryset(self) -> list[Tag]:
        # A list, not a queryset: the tree and its counts are assembled in Python.
        return topic_tree()


class TopicDetailView(DetailView):
    queryset = Tag.objects.select_related("parent")
    template_name = "articles/topic_detail.html"
    context_object_name = "topic"

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        topic = self.object
        context["subtopics"] = list(topic.children.select_related("parent").order_by(Lower("name")))
        articles = Article.objects.published().in_topic(topic).with_related()
        context["page"] = paginate(self.request, articles)
        return context


# --- Clippings --------------------------------------------------------------------------------


def article_list(request: HttpRequest) -> HttpResponse:
    """All public clippings, filtered by the query string; also answers /search/ for now."""
    filterset = ArticleFilter(
        request.GET, queryset=Article.objects.published().with_related(), request=request
    )
    # Input we cannot read matches nothing rather than being quietly dropped, so a shared
    # link with a typo never shows a wider list than its author meant.
    articles = filterset.qs if filterset.is_valid() else filterset.queryset.none()
    context = {
        "filter": filterset,
        "page": paginate(request, articles),
        "is_filtered": any(request.GET.get(name) for name in filterset.filters),
    }
    return render(request, "articles/article_list.html", context)


def _staff(request: HttpRequest) -> bool:
    user = request.user
    return user.is_authenticated and user.is_active and user.is_staff


def _visible_article(request: HttpRequest, pk: int) -> tuple[Article, bool]:
    """A clipping and whether it is public; staff may preview the rest, others get a 404."""
    article = Article.objects.published().with_related().filter(pk=pk).first()
    if article is not None:
        return article, True
    if _staff(request):
        article = Article.objects.with_related().filter(pk=pk).first()
        if article is not None:
            return article, False
    raise Http404("No such clipping.")


def article_redirect(request: HttpRequest, pk: int) -> HttpResponse:
    article, public = _visible_article(request, pk)
    response = HttpResponsePermanentRedirect(article.get_absolute_url())
    return response if public else _private(response)


def article_detail(request: HttpRequest, pk: int, slug: str) -> HttpResponse:
    article, public = _visible_article(request, pk)
    if slug != article.slug:
        response = HttpResponsePermanentRedirect(article.get_absolute_url())
        return response if public else _private(response)
    context = {
        "article": article,
        "preview": not public,
        "permalink": request.build_absolute_uri(article.get_absolute_url()),
    }
    response = render(request, "articles/article_detail.html", context)
    return response if public else _private(response)
