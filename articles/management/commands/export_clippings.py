from django.core.management.base import BaseCommand, CommandParser

from articles.exports import iter_csv, iter_jsonl
from articles.models import Article


class Command(BaseCommand):
    help = (
        "Export every clipping with all its fields, outlet and topics. JSON Lines also carries "
        "the outlets and topics, so importing it into an empty database rebuilds the collection."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--format", choices=["jsonl", "csv"], default="jsonl")
        parser.add_argument("-o", "--output", metavar="FILE", help="write here, not to stdout")
        parser.add_argument(
            "--public", action="store_true", help="only clippings the public can see"
        )

    def handle(self, *args, **options) -> None:
        queryset = Article.objects.published() if options["public"] else Article.objects.all()
        queryset = queryset.order_by("published_on", "id")
        if options["format"] == "csv":
            lines = iter_csv(queryset)
        else:
            lines = iter_jsonl(queryset, with_catalog=True)
        if options["output"]:
            newline = "" if options["format"] == "csv" else None
            with open(options["output"], "w", encoding="utf-8", newline=newline) as handle:
                handle.writelines(lines)
        else:
            for line in lines:
                self.stdout.write(line, ending="")
