from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connections

from articles.backups import BackupError, restore


class Command(BaseCommand):
    help = (
        "Replace everything in the database with a backup made by `backup` (the .dump or "
        ".sqlite3 file). Stop the site first."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help="the backup's .dump or .sqlite3 file")
        parser.add_argument(
            "--noinput",
            "--no-input",
            action="store_false",
            dest="interactive",
            help="do not ask for confirmation",
        )

    def handle(self, *args, **options) -> None:
        name = connections["default"].settings_dict["NAME"]
        if options["interactive"]:
            answer = input(
                f"This replaces everything in the database {name} with {options['file']}.\n"
                "Type 'yes' to continue: "
            )
            if answer.strip().lower() != "yes":
                raise CommandError("Restore cancelled; nothing was changed.")
        try:
            restore(options["file"])
        except BackupError as error:
            raise CommandError(str(error)) from error
        if options["verbosity"] > 0:
            self.stderr.write(f"Restored {options['file']} into {name}.")
