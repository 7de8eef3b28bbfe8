import datetime

import factory
from django.db.models import QuerySet
from django.utils import timezone

from articles.models import CLIPPING_FIELDS, PUBLICATION_FIELDS, Article, Outlet, Tag


class OutletFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Outlet
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Outlet {n}")
    slug = factory.LazyAttribute(lambda o: o.name.lower().replace(" ", "-"))
    kind = Outlet.Kind.NATIONAL_DAILY


class TagFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Tag

    name = factory.Sequence(lambda n: f"Topic {n}")
    slug = factory.LazyAttribute(lambda o: o.name.lower().replace(" ", "-"))
    parent = None


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Government weighs policy shift number {n}")
    outlet = factory.SubFactory(OutletFactory)
    published_on = datetime.date(2015, 11, 10)
    page = "5"
    body = factory.Sequence(
        lambda n: f"First paragraph of clipping {n}.\n\nSecond paragraph of clipping {n}."
    )
    status = Article.Status.PUBLISHED
    publish_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(hours=1))

    @factory.post_generation
    def tags(self, create: bool, extracted, **kwargs) -> None:
        if create and extracted:
            self.tags.set(extracted)


def clipping_snapshot(articles: QuerySet) -> list[tuple]:
    """The clippings as a round trip must keep them: every field, outlet and topics by slug."""
    names = [
        "slug",
        *("outlet__slug" if name == "outlet" else name for name in CLIPPING_FIELDS),
        *PUBLICATION_FIELDS,
    ]
    topics: dict[int, list[str]] = {}
    for article_id, slug in Article.tags.through.objects.filter(article__in=articles).values_list(
        "article_id", "tag__slug"
    ):
        topics.setdefault(article_id, []).append(slug)
    return sorted(
        (*row[1:], tuple(sorted(topics.get(row[0], []))))
        for row in articles.values_list("pk", *names)
    )
