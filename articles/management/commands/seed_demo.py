from django.core.management.base import BaseCommand, CommandError, CommandParser

from articles.synthetic import SeedError, seed


class Command(BaseCommand):
    help = (
        "Add N synthetic clippings for load tests: demo outlets and topics, bodies of 300-800 "
        "words, fifteen years of dates, a few drafts; the same rows for the same seed."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--count", type=int, required=True, help="how many clippings")
        parser.add_argument("--seed", type=int, default=1, help="same seed, same clippings")
        parser.add_argument(
            "--jobs",
            type=int,
            default=2,
            help="parallel COPY connections on PostgreSQL (SQLite always uses one)",
        )

    def handle(self, *args, **options) -> None:
        try:
            summary = seed(
                options["count"],
                options["seed"],
                jobs=options["jobs"],
                progress=self.stderr._out if options["verbosity"] else None,
            )
        except SeedError as error:
            raise CommandError(str(error)) from error
        if options["verbosity"]:
            self.stdout.write(str(summary))
