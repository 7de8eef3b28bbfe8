"""Measure import speed: N synthetic clippings as JSON Lines into a fresh database.

    python bench/import_bench.py --count 20000                       # SQLite, temporary file
    python bench/import_bench.py --count 20000 --postgres            # a throwaway PostgreSQL db

Prints clippings per second for the import itself (the JSON Lines file is written first and
not timed). The database is migrated first, so search triggers and indexes are maintained
during the import exactly as in production.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VOCABULARY = """
government cabinet minister diet election party coalition budget tax economy trade tariff
export import yen bank inflation wage labor energy nuclear reactor power plant solar gas
defense security alliance base okinawa relocation missile korea china russia putin summit
territory island dispute negotiation treaty talks visit ministerial official source said
according plan policy reform pension population birth rate aging disaster earthquake typhoon
recovery reconstruction court ruling prosecutors police investigation scandal company profit
market stock investment technology semiconductor chip automaker research
"""
WORDS = VOCABULARY.split()
OUTLETS = ["asahi", "yomiuri", "mainichi", "nikkei", "sankei", "tokyo", "kyodo", "nhk"]
TOPICS = ["politics", "economy", "security", "international", "society"]


def sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(10, 24))]
    return " ".join(words).capitalize() + "."


def random_date(rng: random.Random) -> str:
    return f"{rng.randint(2011, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def records(count: int, seed: int):
    rng = random.Random(seed)
    yield {"record": "topic", "name": "Politics", "slug": "politics"}
    for slug in TOPICS[1:]:
        yield {"record": "topic", "name": slug.title(), "slug": slug}
    for slug in OUTLETS:
        yield {"record": "outlet", "name": slug.title() + " Shimbun", "slug": slug, "aliases": []}
    for n in range(count):
        paragraphs = [
            " ".join(sentence(rng) for _ in range(rng.randint(3, 6)))
            for _ in range(rng.randint(4, 8))
        ]
        yield {
            "title": f"{sentence(rng)[:-1]} ({n})",
            "outlet_slug": rng.choice(OUTLETS),
            "published_on": random_date(rng),
            "page": str(rng.randint(1, 30)),
            "kind": "full",
            "body": "\n\n".join(paragraphs),
            "tags": rng.sample(TOPICS, rng.randint(1, 3)),
            "status": "published",
        }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=20000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--postgres", action="store_true")
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="rr-import-bench-"))
    source = workdir / "clippings.jsonl"
    with source.open("w", encoding="utf-8") as handle:
        for record in records(args.count, args.seed):
            handle.write(json.dumps(record) + "\n")

    env = dict(os.environ, DEBUG="1")
    if args.postgres:
        database = f"rr_import_bench_{os.getpid()}"
        subprocess.run(["createdb", database], check=True)
        env["DATABASE_URL"] = f"postgres:///{database}"
    else:
        env["DATABASE_URL"] = f"sqlite:///{workdir / 'bench.sqlite3'}"
    manage = [sys.executable, str(ROOT / "manage.py")]
    try:
        subprocess.run([*manage, "migrate", "-v0"], env=env, check=True)
        started = time.perf_counter()
        subprocess.run(
            [*manage, "import_clippings", str(source), "--no-suggest", "-v0"], env=env, check=True
        )
        elapsed = time.perf_counter() - started
    finally:
        if args.postgres:
            subprocess.run(["dropdb", "--if-exists", database], check=False)
    backend = "PostgreSQL" if args.postgres else "SQLite"
    rate = args.count / elapsed
    print(f"{backend}: imported {args.count} clippings in {elapsed:.1f} s = {rate:,.0f}/s")


if __name__ == "__main__":
    main()
