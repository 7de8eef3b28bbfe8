import json
import sys

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from articles.intake import Intake, iter_paths, read_path


class RollBack(Exception):
    """Raised at the end of a dry run to undo everything it wrote."""


class Command(BaseCommand):
    help = (
        "Import clippings from .txt (raw clippings, several separated by a line of --- or ===), "
        ".jsonl and .csv files (the export's fields); directories are read recursively."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="+", help="files or directories")
        parser.add_argument("--dry-run", action="store_true", help="validate, write nothing")
        parser.add_argument(
            "--json", action="store_true", help="print one JSON object per clipping"
        )
        parser.add_argument(
            "--publish", action="store_true", help="publish clippings that carry no status"
        )
        parser.add_argument(
            "--create-outlets", action="store_true", help="create outlets not yet known"
        )
        parser.add_argument(
            "--rejects", metavar="FILE", help="write every rejected clipping here (JSON Lines)"
        )
        parser.add_argument(
            "--no-suggest", action="store_true", help="do not add suggested topics to raw text"
        )

    def handle(self, *args, **options) -> None:
        intake = Intake(
            publish=options["publish"],
            create_outlets=options["create_outlets"],
            suggest=not options["no_suggest"],
        )
        rejects = open(options["rejects"], "w", encoding="utf-8") if options["rejects"] else None  # noqa: SIM115
        progress = sys.stderr.isatty() and not options["json"] and options["verbosity"] > 0
        try:
            with transaction.atomic():
                self.run(intake, options, rejects, progress)
                if options["dry_run"]:
                    raise RollBack
        except RollBack:
            pass
        finally:
            if rejects:
                rejects.close()
        summary = intake.summary
        if options["verbosity"] > 0:
            prefix = "Dry run: " if options["dry_run"] else ""
            self.stderr.write(f"{prefix}{summary}")
        if summary.rejected:
            where = f"; see {options['rejects']}" if options["rejects"] else ""
            raise CommandError(f"{summary.rejected} rejected{where}", returncode=1)

    def run(self, intake: Intake, options: dict, rejects, progress: bool) -> None:
        items = (item for path in iter_paths(options["paths"]) for item in read_path(path))
        for count, record in enumerate(intake.run(items), start=1):
            if options["json"]:
                self.stdout.write(json.dumps(record.report(), ensure_ascii=False))
            if record.action == "rejected":
                if rejects:
                    line = {"source": record.source, "errors": record.errors, "raw": record.raw}
                    rejects.write(json.dumps(line, ensure_ascii=False) + "\n")
                if not options["json"] and options["verbosity"] > 0:
                    self.stderr.write(f"{record.source}: {'; '.join(record.errors)}")
            if progress and count % 250 == 0:
                sys.stderr.write(
                    f"\r{intake.summary.read} read, {intake.summary.rejected} rejected"
                )
                sys.stderr.flush()
        if progress:
            sys.stderr.write("\r")
