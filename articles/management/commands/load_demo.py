from django.core.management.base import BaseCommand, CommandParser

from articles.demo import load_demo


class Command(BaseCommand):
    help = (
        "Fill the database with the demo collection: outlets, topics and a year of clippings. "
        "Adds only what is missing; running it again changes nothing."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--quiet", action="store_true", help="print nothing (same as -v0)")

    def handle(self, *args, **options) -> None:
        quiet = options["quiet"] or options["verbosity"] == 0
        load_demo(stdout=None if quiet else self.stdout)
