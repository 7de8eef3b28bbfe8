import time

from django.core.management.base import BaseCommand, CommandParser
from django.db import DEFAULT_DB_ALIAS

from articles.search import get_search_backend


class Command(BaseCommand):
    help = (
        "Count again how many clippings each word of the search index is in. On PostgreSQL "
        "searches size their first date slice from these counts: run it nightly and after "
        "large imports (about a minute at a million clippings). SQLite keeps its own counts."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS)

    def handle(self, *args, **options) -> None:
        started = time.perf_counter()
        words = get_search_backend(options["database"]).refresh_word_counts()
        if not options["verbosity"]:
            return
        if words is None:
            self.stdout.write("Nothing to do: this database's search index keeps its own counts.")
            return
        seconds = time.perf_counter() - started
        self.stdout.write(f"Counted {words:,} words in {seconds:.1f} s.")
