"""Command line: `python -m generator --help`."""

from __future__ import annotations

import argparse
import datetime as dt
import multiprocessing
import os
import shutil
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from generator import census
from generator.dirt import plant
from generator.output import Truth, Writer, sort_rows, write_owners
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
        "--workers",
        type=int,
        default=os.cpu_count() or 1,
        help="worker processes (default: the cores); the output does not depend on it",
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


@dataclass
class Chunk:
    """What one chunk of people produced, ready to be written in order."""

    number: int
    persons: list[tuple[object, ...]]
    counts: Counter
    rows: Rows | None  # None when the worker wrote its own part files


def build_chunk(number: int, low: int, high: int) -> Chunk:
    """Simulate people low..high-1, plant the chunk's defects, apply the
    cut-off and count what was written. Runs in a worker process: a chunk
    depends only on the seed and its people, so any number of workers
    gives the same bytes."""
    args, world = _STATE["args"], _STATE["world"]
    keys = {t.file_stem: t.key for t in RAW_TABLES}
    cutoff = args.cutoff or args.end
    rows: Rows = {}
    if number == 0:
        shared_rows(world, rows)
    persons = []
    for index in range(low, high):
        person = simulate(world, index, rows)
        persons.append(
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
    plant(rows, keys, args.seed, number, high - low)
    for table in RAW_TABLES:
        kept = [
            r
            for r in rows.get(table.file_stem, [])
            if r["_at"] is None or r["_at"].date() <= cutoff
        ]
        rows[table.file_stem] = sort_rows(kept, table.key)
    counts = census.count(world, rows)
    erased = {person[0] for person in persons if person[4]}
    counts.update(census.erased_rows(rows, erased))
    if args.format == "parquet":
        writer = Writer(args.out, "parquet")
        owners = args.out / "_truth" / "record_owners"
        owners.mkdir(parents=True, exist_ok=True)
        with (owners / f"part-{number:05d}.csv").open("w", newline="", encoding="utf-8") as f:
            for table in RAW_TABLES:
                table_rows = rows.get(table.file_stem, [])
                if table_rows:
                    writer.write(table, table_rows, number)
                    write_owners(f, table, table_rows)
        return Chunk(number, persons, counts, None)
    return Chunk(number, persons, counts, rows)


_STATE: dict[str, object] = {}


def generate(args: argparse.Namespace) -> Path:
    world = build_world(args.seed, args.start, args.end)
    _clear(args.out)
    writer = Writer(args.out, args.format)
    truth = Truth(args.out, owners_in_parts=args.format == "parquet")
    _STATE.update(args=args, world=world)
    spans = [
        (n, low, min(args.people, low + args.chunk_size))
        for n, low in enumerate(range(0, args.people, args.chunk_size))
    ]
    progress = None
    if args.progress or args.people > 50_000:
        from tqdm import tqdm

        progress = tqdm(total=args.people, unit="people", file=sys.stderr)
    workers = min(args.workers, len(spans))
    if workers > 1:
        pool = multiprocessing.get_context("fork").Pool(workers)
        chunks = pool.imap(_build_span, spans)
    else:
        pool = None
        chunks = map(_build_span, spans)
    for chunk in chunks:
        truth.person_writer.writerows(chunk.persons)
        truth.counts.update(chunk.counts)
        if chunk.rows is not None:
            for table in RAW_TABLES:
                table_rows = chunk.rows.get(table.file_stem, [])
                if table_rows:
                    writer.write(table, table_rows, chunk.number)
                    truth.record_owners(table, table_rows)
        if progress is not None:
            progress.update(len(chunk.persons))
    if pool is not None:
        pool.close()
        pool.join()
    if progress is not None:
        progress.close()
    writer.finish()
    params = {
        "people": args.people,
        "start": args.start.isoformat(),
        "end": args.end.isoformat(),
        "cutoff": (args.cutoff or args.end).isoformat(),
        "seed": args.seed,
        "format": args.format,
    }
    truth.close(params, args.out)
    return args.out


def _build_span(span: tuple[int, int, int]) -> Chunk:
    return build_chunk(*span)


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
