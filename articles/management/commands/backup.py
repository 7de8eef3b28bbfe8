from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from articles.backups import BackupError, backup


class Command(BaseCommand):
    help = (
        "Back up the database (pg_dump -Fc on PostgreSQL, a copy of the file on SQLite) and "
        "every clipping as JSON Lines, into two files named with the UTC time."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--dir",
            type=Path,
            default=None,
            help=f"write the backup here (default: BACKUP_DIR, now {settings.BACKUP_DIR})",
        )

    def handle(self, *args, **options) -> None:
        try:
            written = backup(options["dir"])
        except BackupError as error:
            raise CommandError(str(error)) from error
        if options["verbosity"] > 0:
            # The paths alone on stdout, so that a script can pick them up.
            self.stdout.write(str(written.database))
            self.stdout.write(str(written.clippings))
