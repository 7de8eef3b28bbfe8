from django.apps import AppConfig
from django.core import checks


class ArticlesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "articles"
    verbose_name = "Reading room"

    def ready(self) -> None:
        from readingroom.serving import check_complete_configuration

        checks.register(check_complete_configuration, checks.Tags.security, deploy=True)
