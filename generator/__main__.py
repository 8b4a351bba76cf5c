"""Command line: `python -m generator --help`."""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import sys
import time
from pathlib import Path

from generator import census
from generator.dirt import plant
from generator.output import Truth, Writer, sort_rows
from generator.people import Rows, simulate
from generator.schema import RAW_TABLES
from generator.shared_rows import shared_rows
from generator.world import build_world

DEFAULTS = {"people": 2500, "start": "2024-07-01", "end": "2025-12-31", "seed": 42}


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m generator",
        description="Write deterministic, deliberately dirty raw exports for every "
        "source, with the truth beside them in _truth/.",
    )
    parser.add_argument(
        "--people",
        type=int,
        default=DEFAULTS["people"],
        help="number of people to simulate (default %(default)s)",
    )
    parser.add_argument(
        "--start",
        type=dt.date.fromisoformat,
        default=DEFAULTS["start"],
        help="first day of activity, YYYY-MM-DD (default %(default)s)",
    )
    parser.add_argument(
        "--end",
        type=dt.date.fromisoformat,
        default=DEFAULTS["end"],
        help="last day of activity, YYYY-MM-DD (default %(default)s)",
    )
    parser.add_argument(
        "--cutoff",
        type=dt.date.fromisoformat,
        default=None,
        help="write only rows on or before this day; the simulation still "
        "runs to --end, so a later cut-off adds days without changing "
        "earlier rows",
    )
    parser.add_argument(
        "--seed", type=int, default=DEFAULTS["seed"], help="random seed (default %(default)s)"
    )
    parser.add_argument(
        "--format",
        choices=("csv", "parquet"),
        default="csv",
        help="output format (default %(default)s)",
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=Path("data/demo"),
        help="output directory, replaced (default %(default)s)",
    )
    parser.add_argument(
        "--chunk-size",
        type=int,
        default=25_000,
        help="people simulated and written per chunk (default %(default)s)",
    )
    parser.add_argument(
        "--progress",
        action="store_true",
        help="show a progress bar (on by default above 50,000 people)",
    )
    args = parser.parse_args(argv)
    if args.people < 1 or args.chunk_size < 1:
        parser.error("--people and --chunk-size must be positive")
    if args.end < args.start + dt.timedelta(days=60):
        parser.error("--end must be at least 60 days after --start")
    return args


def _clear(out: Path) -> None:
    for table in RAW_TABLES:
        (out / f"{table.file_stem}.csv").unlink(missing_ok=True)
        shutil.rmtree(out / table.file_stem, ignore_errors=True)
    shutil.rmtree(out / "_truth", ignore_errors=True)


def generate(args: argparse.Namespace) -> Path:
    world = build_world(args.seed, args.start, args.end)
    _clear(args.out)
    writer = Writer(args.out, args.format)
    truth = Truth(args.out)
    keys = {t.file_stem: t.key for t in RAW_TABLES}
    cutoff = args.cutoff or args.end
    show = args.progress or args.people > 50_000
    progress = None
    if show:
        from tqdm import tqdm

        progress = tqdm(total=args.people, unit="people", file=sys.stderr)
    for chunk, low in enumerate(range(0, args.people, args.chunk_size)):
        high = min(args.people, low + args.chunk_size)
        rows: Rows = {}
        if chunk == 0:
            shared_rows(world, rows)
        for index in range(low, high):
            person = simulate(world, index, rows)
            truth.person_writer.writerow(
                (
                    person.key,
                    person.persona,
                    person.is_buyer,
                    person.is_employee,
                    person.is_erased,
                    person.second_phone is not None,
                    person.phone,
                    person.email or "",
                    person.name,
                    person.account_id or "",
                    person.member_card or "",
                )
            )
            if progress is not None:
                progress.update(1)
        plant(rows, keys, args.seed, chunk, high - low)
        for table in RAW_TABLES:
            kept = [
                r
                for r in rows.get(table.file_stem, [])
                if r["_at"] is None or r["_at"].date() <= cutoff
            ]
            rows[table.file_stem] = sort_rows(kept, table.key)
        census.count(world, rows, truth)
        for table in RAW_TABLES:
            table_rows = rows.get(table.file_stem, [])
            if table_rows:
                writer.write(table, table_rows, chunk)
                truth.record_owners(table, table_rows)
    if progress is not None:
        progress.close()
    writer.finish()
    params = {
        "people": args.people,
        "start": args.start.isoformat(),
        "end": args.end.isoformat(),
        "cutoff": cutoff.isoformat(),
        "seed": args.seed,
        "format": args.format,
    }
    truth.close(params, args.out)
    return args.out


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    began = time.perf_counter()
    out = generate(args)
    print(
        f"wrote {len(RAW_TABLES)} raw tables for {args.people:,} people to {out} "
        f"in {time.perf_counter() - began:.1f}s",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
