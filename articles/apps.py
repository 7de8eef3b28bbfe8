from django.apps import AppConfig
from django.core import checks


class ArticlesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "articles"
    verbose_name = "Reading room"

    def ready(self) -> None:
        from readingroom.serving import check_complete_configuration

        # Connects the receivers that keep cached pages fresh, in every process that can write,
        # not only in those that load the middleware.
        from . import cache  # noqa: F401

        checks.register(check_complete_configuration, checks.Tags.security, deploy=True)
