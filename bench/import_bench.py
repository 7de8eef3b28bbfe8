"""Measure import speed: N synthetic clippings as JSON Lines into a fresh database.

    python bench/import_bench.py --count 20000                       # SQLite, temporary file
    python bench/import_bench.py --count 20000 --postgres            # a throwaway PostgreSQL db
    python bench/import_bench.py --count 20000 --repeat 3 --again    # best of 3, and a re-import

Prints clippings per second for the import itself (the JSON Lines file is written first and
not timed). The database is migrated first, so search triggers and indexes are maintained
during the import exactly as in production, and every clipping gets its revision.

The machine is shared, so each run also prints the load average when it started and the CPU time
of the import process (on PostgreSQL the server's work is not in it). `--repeat` runs the whole
thing again into a fresh database each time and reports the best and the median. `--again` also
times importing the same file a second time, which must find every clipping unchanged.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shlex
import statistics
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


def timed(command: list[str], env: dict) -> tuple[float, float]:
    """Wall-clock and CPU seconds (user + system) of one child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(command, env=env, check=True)
    elapsed = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return elapsed, cpu


def run_once(args: argparse.Namespace, source: Path, workdir: Path, run: int) -> dict:
    env = dict(os.environ, DEBUG="1")
    if args.postgres:
        database = f"rr_import_bench_{os.getpid()}_{run}"
        subprocess.run(["createdb", database], check=True)
        env["DATABASE_URL"] = f"postgres:///{database}"
    else:
        env["DATABASE_URL"] = f"sqlite:///{workdir / f'bench{run}.sqlite3'}"
    manage = [sys.executable, str(ROOT / "manage.py")]
    command = [*manage, "import_clippings", str(source), "--no-suggest", "-v0"]
    result: dict = {}
    try:
        subprocess.run([*manage, "migrate", "-v0"], env=env, check=True)
        result["load"] = os.getloadavg()[0]
        result["seconds"], result["cpu"] = timed(command, env)
        if args.again:
            result["again_seconds"], _ = timed(command, env)
    finally:
        if args.postgres:
            subprocess.run(["dropdb", "--if-exists", database], check=False)
        else:
            (workdir / f"bench{run}.sqlite3").unlink(missing_ok=True)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=20000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--postgres", action="store_true")
    parser.add_argument("--repeat", type=int, default=1, help="fresh databases, best and median")
    parser.add_argument("--again", action="store_true", help="also time a second, idempotent run")
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="rr-import-bench-"))
    source = workdir / "clippings.jsonl"
    with source.open("w", encoding="utf-8") as handle:
        for record in records(args.count, args.seed):
            handle.write(json.dumps(record) + "\n")

    backend = "PostgreSQL" if args.postgres else "SQLite"
    print("$ " + shlex.join([Path(sys.executable).name, *sys.argv]), flush=True)
    rates = []
    for run in range(args.repeat):
        result = run_once(args, source, workdir, run)
        rate = args.count / result["seconds"]
        rates.append(rate)
        line = (
            f"{backend}: imported {args.count} clippings in {result['seconds']:.1f} s = "
            f"{rate:,.0f}/s (import process CPU {result['cpu']:.1f} s, "
            f"load average {result['load']:.1f})"
        )
        if args.again:
            again = args.count / result["again_seconds"]
            line += f"; again, all unchanged: {result['again_seconds']:.1f} s = {again:,.0f}/s"
        print(line, flush=True)
    source.unlink()
    workdir.rmdir()
    if args.repeat > 1:
        print(
            f"{backend}: best {max(rates):,.0f}/s, median {statistics.median(rates):,.0f}/s "
            f"over {args.repeat} runs"
        )


if __name__ == "__main__":
    main()
