import datetime

import factory
from django.utils import timezone

from articles.models import Article, Outlet, Tag


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
