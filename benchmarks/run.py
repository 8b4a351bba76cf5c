"""Benchmark: `dbt build` at three data sizes, then an incremental build
after one new day, with wall time, peak memory and per-model times; and, on
the same orders, the RFM/BTYD mart against `lifetimes` and against one
hand-written DuckDB query, and the Markov attribution against
ChannelAttribution when it is installed.

    python -m benchmarks.run --sizes S M L [--workdir benchmarks/work]

Results go to benchmarks/results/<size>.json and benchmarks/RESULTS.md.
Nothing here asserts a time: it measures and writes down.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import resource
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
SIZES = {"S": 2_500, "M": 100_000, "L": 1_000_000}
LAST_DAY = dt.date(2025, 12, 31)
RESULTS = ROOT / "benchmarks" / "results"


@dataclass
class Measured:
    seconds: float
    peak_rss_bytes: int
    returncode: int
    output: str
    cpu_seconds: float = 0.0


def measure(command: list[str], env: dict[str, str]) -> Measured:
    """Run a command; sample the resident memory of its whole process tree,
    and take the CPU time (user and system) of the command and every
    process it waited for from the operating system once it has ended."""
    used_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    began = time.perf_counter()
    process = subprocess.Popen(
        command,
        cwd=ROOT,
        env={**os.environ, **env},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        root = psutil.Process(process.pid)
        while not done.is_set():
            try:
                tree = [root, *root.children(recursive=True)]
                peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()))
            except psutil.Error:
                pass
            time.sleep(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    output, _ = process.communicate()
    done.set()
    sampler.join()
    seconds = time.perf_counter() - began
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (used.ru_utime + used.ru_stime) - (used_before.ru_utime + used_before.ru_stime)
    return Measured(seconds, peak, process.returncode, output, cpu)


def generate(size: str, people: int, out: Path, cutoff: dt.date) -> None:
    manifest = out / "_truth" / "manifest.json"
    if manifest.exists():
        params = json.loads(manifest.read_text())["parameters"]
        if params["people"] == people and params["cutoff"] == cutoff.isoformat():
            return
    fmt = "csv" if size == "S" else "parquet"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "generator",
            "--people",
            str(people),
            "--out",
            str(out),
            "--format",
            fmt,
            "--cutoff",
            cutoff.isoformat(),
            "--progress",
        ],
        cwd=ROOT,
        check=True,
    )


def dbt_build(database: Path, target: Path, data: Path, fmt: str, as_of: dt.date) -> Measured:
    variables = json.dumps(
        {"raw_data_path": str(data), "raw_file_format": fmt, "as_of_date": as_of.isoformat()}
    )
    return measure(
        [str(BIN / "dbt"), "build", "--target-path", str(target), "--vars", variables],
        {"MARKETING_DUCKDB_PATH": str(database), "DBT_TARGET": "dev"},
    )


def model_name(result: dict[str, object]) -> str:
    return str(result["unique_id"]).split(".")[-1]


def built_models(target: Path) -> list[dict[str, object]]:
    """The run_results.json entries of the models a build built; a model
    that failed or was skipped (after an upstream failure) is left out, so
    nothing reads its table."""
    results = json.loads((target / "run_results.json").read_text())["results"]
    return [r for r in results if r["unique_id"].startswith("model.") and r["status"] == "success"]


def model_times(target: Path) -> dict[str, float]:
    """Seconds per model that was built."""
    return {model_name(r): round(r["execution_time"], 3) for r in built_models(target)}


def waits(target: Path) -> dict[str, object]:
    """Thread time and the longest chain of waits (benchmarks.critical_path)
    of a build, with the chain's nodes of at least 5 seconds."""
    from benchmarks.critical_path import from_target, short_name

    report = from_target(target)
    return {
        "threads": report.threads,
        "thread_seconds": round(report.thread_seconds, 1),
        "critical_path_seconds": round(report.critical.seconds, 1),
        "critical_path": [
            [short_name(node), round(seconds, 1)]
            for node, seconds in report.critical.nodes
            if seconds >= 5
        ],
        "one_running_seconds": round(report.one_running_seconds, 1),
        "thread_seconds_by_kind": {
            kind: round(seconds, 1) for kind, seconds in report.by_kind.items()
        },
        "running_alone": [
            [short_name(node), round(seconds, 1)]
            for node, seconds in sorted(report.running_alone.items(), key=lambda item: -item[1])
            if seconds >= 5
        ],
    }


BTYD_FLOOR = """
with days as (
    select person_id, order_date, sum(net_amount) as amount
    from marts.fct_orders
    where person_id is not null and order_date <= date '{as_of}'
    group by 1, 2
)
select person_id,
       count(*) - 1 as frequency,
       date_diff('day', min(order_date), max(order_date)) as recency,
       date_diff('day', min(order_date), date '{as_of}') as t,
       coalesce((sum(amount) - arg_min(amount, order_date)) / nullif(count(*) - 1, 0), 0)
           as monetary_value
from days group by 1
"""
"""The floor: the BTYD summary straight from the orders, the fastest form
found (no window: the mean of the repeat days is the total less the first
day's, over their number)."""

RUNS = 3
"""Each side of the BTYD comparison runs this many times alone on the idle
machine; the best run counts."""


def best_of(runs: int, step: Callable[[], object]) -> float:
    """The fastest of `runs` timed calls of step()."""
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        step()
        times.append(time.perf_counter() - began)
    return min(times)


def compiled_sql(target: Path, model: str) -> str | None:
    """A model's compiled select from a build's target folder (found through
    the manifest: unit tests write files of the same name beside theirs)."""
    manifest = target / "manifest.json"
    if not manifest.exists():
        return None
    for node in json.loads(manifest.read_text())["nodes"].values():
        if node["resource_type"] == "model" and node["name"] == model:
            path = target / "compiled" / node["package_name"] / node["original_file_path"]
            return path.read_text() if path.exists() else None
    return None


def compare_btyd(
    database: Path, as_of: dt.date, our_seconds: float, target: Path | None = None
) -> dict[str, object]:
    """The BTYD summary on the same orders by the project, the hand-written
    query and lifetimes, each alone and best of RUNS. The project's side is
    the compiled selects of the build in target: the mart, and the order
    days it reads (the one step between the orders and the mart's summary;
    the monthly RFM scores it also reads are not part of the summary).
    our_seconds is the RFM chain's time in the build; the caller records
    the mart's time in the build beside them. The ratios to lifetimes and
    to the floor use the order days and the mart alone, and the mart alone
    against lifetimes too (the RFM chain when target has no compiled SQL)."""
    import duckdb
    import pandas as pd
    from lifetimes.utils import summary_data_from_transaction_data

    mart_sql = compiled_sql(target, "fct_customer_rfm") if target else None
    days_sql = compiled_sql(target, "int_customer_order_days") if target else None
    with duckdb.connect(str(database), read_only=True) as con:

        def timed(sql: str) -> float:
            return best_of(RUNS, lambda: con.execute(f"create or replace temp table t as {sql}"))

        floor_seconds = timed(BTYD_FLOOR.format(as_of=as_of))
        mart_alone = timed(mart_sql) if mart_sql else None
        days_alone = timed(days_sql) if days_sql else None
        orders = con.execute(
            "select person_id, order_date, cast(net_amount as double) as net_amount "
            "from marts.fct_orders where person_id is not null"
        ).df()
        order_count = len(orders)
    orders["order_date"] = pd.to_datetime(orders["order_date"])
    lifetimes_seconds = best_of(
        RUNS,
        lambda: summary_data_from_transaction_data(
            orders,
            "person_id",
            "order_date",
            "net_amount",
            observation_period_end=as_of.isoformat(),
            freq="D",
        ),
    )
    # Ratios from the unrounded times.
    mart = mart_alone if mart_alone is not None else our_seconds
    both = mart_alone is not None and days_alone is not None
    path = mart_alone + days_alone if both else our_seconds  # type: ignore[operator]
    result: dict[str, object] = {
        "orders": order_count,
        "runs": RUNS,
        "project_rfm_seconds": round(our_seconds, 2),
        "hand_written_duckdb_seconds": round(floor_seconds, 3),
        "lifetimes_seconds": round(lifetimes_seconds, 3),
        "lifetimes_over_mart": round(lifetimes_seconds / max(mart, 1e-3), 1),
        "lifetimes_over_order_days_and_mart": round(lifetimes_seconds / max(path, 1e-3), 1),
        "order_days_and_mart_over_hand_written": round(path / max(floor_seconds, 1e-3), 2),
    }
    if both:
        result["mart_alone_seconds"] = round(mart_alone, 3)
        result["order_days_alone_seconds"] = round(days_alone, 3)
    return result


def compare_markov(database: Path) -> dict[str, object]:
    """ChannelAttribution's first-order Markov model on the project's own
    paths (fct_conversion_paths: every channel path with its conversions and
    non-converting journeys), timed, and its credit shares set against the
    project's exact removal-effect shares."""
    try:
        from ChannelAttribution import markov_model  # type: ignore[import-not-found]
    except ImportError as error:
        return {"status": f"ChannelAttribution not available: {error}"}
    import duckdb

    with duckdb.connect(str(database), read_only=True) as con:
        paths = con.execute(
            "select replace(channel_path, ' > ', '>') as path, conversion_count as conversions, "
            "non_converting_count as non_conversions from marts.fct_conversion_paths "
            "where channel_path <> '(none)'"
        ).df()
        ours = dict(
            con.execute(
                "select channel_id, removal_effect_share "
                "from intermediate.int_markov_removal_effects_computed"
            ).fetchall()
        )
    began = time.perf_counter()
    theirs = markov_model(
        paths,
        var_path="path",
        var_conv="conversions",
        var_null="non_conversions",
        out_more=False,
        sep=">",
        verbose=0,
        flg_pro=False,
    )
    seconds = time.perf_counter() - began
    total = float(theirs["total_conversions"].sum())
    shares = {row.channel_name: float(row.total_conversions) / total for row in theirs.itertuples()}
    differences = [abs(shares.get(c, 0.0) - float(v)) for c, v in ours.items()]
    return {
        "status": "ok",
        "paths": len(paths),
        "channelattribution_seconds": round(seconds, 2),
        "max_share_difference": round(max(differences, default=0.0), 4),
    }


def build_summary(build: Measured, database: Path) -> dict[str, object]:
    """Wall time, peak memory, outcome, file size and CPU of one build;
    cores_busy is CPU time over wall time (at most the machine's cores)."""
    return {
        "seconds": round(build.seconds, 1),
        "peak_rss_gb": round(build.peak_rss_bytes / 2**30, 2),
        "ok": build.returncode == 0,
        "warehouse_gb": warehouse_gb(database),
        "cpu_seconds": round(build.cpu_seconds, 1),
        "cores_busy": round(build.cpu_seconds / max(build.seconds, 1e-3), 2),
    }


def run_size(size: str, workdir: Path, full_only: bool = False) -> dict[str, object]:
    """One data set up to LAST_DAY. The full build runs as of the day before
    (the last day's rows are still in the future, so quarantined as such);
    the incremental build then runs as of LAST_DAY on the same files, which
    is what a new day of data looks like to the project: its rows become
    loadable and the incremental models take them in. full_only skips the
    incremental build; the comparisons then read the full build's warehouse."""
    people = SIZES[size]
    fmt = "csv" if size == "S" else "parquet"
    data = workdir / size / "data"
    generate(size, people, data, LAST_DAY)
    database = workdir / size / "warehouse.duckdb"
    for leftover in (database, database.with_suffix(".duckdb.wal")):
        leftover.unlink(missing_ok=True)
    full = dbt_build(
        database, workdir / size / "target_full", data, fmt, LAST_DAY - dt.timedelta(days=1)
    )
    # Kept at once: at L the incremental build takes as long again, and an
    # interrupted run should not lose the full build's figures.
    (workdir / size / "full_build.json").write_text(
        json.dumps(
            {
                "seconds": round(full.seconds, 1),
                "peak_rss_gb": round(full.peak_rss_bytes / 2**30, 2),
                "ok": full.returncode == 0,
                "tail": full.output[-3000:],
            },
            indent=2,
        )
        + "\n"
    )
    result: dict[str, object] = {
        "size": size,
        "people": people,
        "duckdb_memory_limit": os.environ.get("DUCKDB_MEMORY_LIMIT", "80%"),
        "duckdb_disabled_compression": os.environ.get("DUCKDB_DISABLED_COMPRESSION", ""),
        "full_build": build_summary(full, database),
    }
    if full.returncode != 0:
        result["full_build"]["tail"] = full.output[-3000:]
    if (workdir / size / "target_full" / "run_results.json").exists():
        # A build with a failed test still timed every model it built.
        result["model_seconds_full"] = model_times(workdir / size / "target_full")
        result["full_build"].update(waits(workdir / size / "target_full"))
    if full_only:
        # The comparisons then read the full build's warehouse (as of the
        # day before the last): the same orders but the last day's.
        full_times = result.get("model_seconds_full", {})
        if "fct_customer_rfm" in full_times:
            compare(
                result,
                database,
                workdir / size / "target_full",
                full_times,
                LAST_DAY - dt.timedelta(days=1),
            )
        with duckdb_counts(database) as counts:
            result["rows"] = counts
        return result
    incremental = dbt_build(database, workdir / size / "target_incremental", data, fmt, LAST_DAY)
    result["incremental_build"] = build_summary(incremental, database)
    if incremental.returncode != 0:
        result["incremental_build"]["tail"] = incremental.output[-3000:]
    if (workdir / size / "target_incremental" / "run_results.json").exists():
        # As for the full build: a failed node leaves the others timed, and
        # the comparisons need only the RFM and Markov models.
        times = model_times(workdir / size / "target_incremental")
        result["model_seconds_incremental"] = times
        result["incremental_build"].update(waits(workdir / size / "target_incremental"))
        if "fct_customer_rfm" in times:
            compare(result, database, workdir / size / "target_incremental", times, LAST_DAY)
    with duckdb_counts(database) as counts:
        result["rows"] = counts
    return result


def compare(
    result: dict[str, object],
    database: Path,
    target: Path,
    times: dict[str, float],
    as_of: dt.date,
) -> None:
    """BTYD and Markov comparisons on a built warehouse: the build's own
    model times, and the compiled selects of the mart and the order days
    from target run again alone, as the hand-written query and lifetimes
    are."""
    rfm_seconds = sum(
        times.get(m, 0)
        for m in (
            "int_customer_order_days",
            "int_rfm_snapshots",
            "int_customer_rfm_scored",
            "fct_customer_rfm",
        )
    )
    result["btyd_comparison"] = {
        **compare_btyd(database, as_of, rfm_seconds, target),
        "mart_seconds": times.get("fct_customer_rfm", 0.0),
        "as_of": as_of.isoformat(),
    }
    result["markov_comparison"] = compare_markov(database)


def compare_again(result: dict[str, object], folder: Path) -> None:
    """The comparisons on a size's warehouse as the last build left it: as
    of LAST_DAY after an incremental build, the day before after a full one."""
    incremental = "model_seconds_incremental" in result
    kind = "incremental" if incremental else "full"
    as_of = LAST_DAY if incremental else LAST_DAY - dt.timedelta(days=1)
    compare(
        result,
        folder / "warehouse.duckdb",
        folder / f"target_{kind}",
        result.get(f"model_seconds_{kind}", {}),  # type: ignore[arg-type]
        as_of,
    )


class duckdb_counts:  # noqa: N801 - a context manager used like a function
    def __init__(self, database: Path) -> None:
        self.database = database

    def __enter__(self) -> dict[str, int]:
        import duckdb

        counts = {}
        with duckdb.connect(str(self.database), read_only=True) as con:
            for table in ("staging.stg_app__events", "marts.fct_orders", "marts.dim_customers"):
                try:
                    counts[table] = con.execute(f"select count(*) from {table}").fetchone()[0]
                except duckdb.Error:
                    counts[table] = -1
        return counts

    def __exit__(self, *exc: object) -> None:
        return None


def cpu_model() -> str:
    """The processor's name (Linux's /proc/cpuinfo), so that results from
    hosts of one size but another processor are told apart."""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def machine() -> dict[str, object]:
    return {
        "cpu_count": psutil.cpu_count(),
        "cpu_model": cpu_model(),
        "memory_gb": round(psutil.virtual_memory().total / 2**30, 1),
        "platform": platform.platform(),
        "python": platform.python_version(),
    }


def growth_exponent(small: float, large: float, rows_small: int, rows_large: int) -> float:
    """The k in time ~ size^k between two sizes (1 = linear)."""
    import math

    if small <= 0 or large <= 0 or rows_small <= 0 or rows_large <= rows_small:
        return float("nan")
    return math.log(large / small) / math.log(rows_large / rows_small)


def warehouse_gb(database: Path) -> float:
    """Size of the DuckDB file after a build (DuckDB reuses freed blocks but
    does not shrink the file)."""
    return round(database.stat().st_size / 2**30, 1) if database.exists() else 0.0


def seconds_cell(seconds: float | None) -> str:
    """'61.1 s', or ? where a figure was not recorded."""
    return "?" if seconds is None else f"{seconds} s"


def build_cell(build: dict[str, object]) -> str:
    """'368 s | 6.2 GB', or the time it ran until it failed."""
    outcome = "" if build["ok"] else " (failed)"
    return f"{build['seconds']:.0f} s{outcome} | {build['peak_rss_gb']:.1f} GB"


def file_cell(build: dict[str, object]) -> str:
    """The DuckDB file's size after the build, when it was recorded."""
    return f"{build['warehouse_gb']} GB" if "warehouse_gb" in build else "?"


def memory_cell(result: dict[str, object]) -> str:
    """'7GB', and the compression methods turned off when any were."""
    disabled = result.get("duckdb_disabled_compression")
    limit = str(result.get("duckdb_memory_limit", "?"))
    return f"{limit}, no {disabled}" if disabled else limit


def write_markdown(results: list[dict[str, object]], out: Path) -> None:
    lines = [
        "| size | people | events | orders | DuckDB memory limit | full build | peak memory "
        "| DuckDB file | incremental (+1 day) | peak memory |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        rows = r.get("rows", {})
        incremental = r.get("incremental_build")
        lines.append(
            f"| {r['size']} | {r['people']:,} | {rows.get('staging.stg_app__events', 0):,} "
            f"| {rows.get('marts.fct_orders', 0):,} | {memory_cell(r)} "
            f"| {build_cell(r['full_build'])} "
            f"| {file_cell(r['full_build'])} "
            + (f"| {build_cell(incremental)} |" if incremental else "| not run | |")
        )
    m = machine()
    lines.append(
        f"\nMachine: {m['cpu_count']} cores ({m['cpu_model']}), {m['memory_gb']} GB, "
        f"{m['platform']}."
    )
    host = ("cpu_model", "cpu_count", "memory_gb")
    elsewhere = [
        f"{r['size']} ({r.get('machine', {}).get('cpu_model', 'processor not recorded')})"
        for r in results
        if any(r.get("machine", {}).get(key) != m[key] for key in host)
    ]
    if elsewhere:
        lines.append(
            "Measured on another host or before the processor was recorded: "
            + ", ".join(elsewhere)
            + "."
        )

    waited = [
        (r["size"], kind, r[key])
        for r in results
        for kind, key in (("full", "full_build"), ("incremental", "incremental_build"))
        if "critical_path_seconds" in r.get(key, {})
    ]
    if waited:
        lines += [
            "",
            "What bounds each build (`python -m benchmarks.critical_path`): thread time, "
            "every node's execution time added up (with n dbt threads the wall time is at "
            "least 1/n of it), and the longest chain of waits, which no number of threads "
            "shortens (a model's time there includes its unit tests, which run in its turn); "
            "cores busy is the build's CPU time over its wall time (at most the machine's "
            "cores; ? where it was not recorded) and one node running the time during which "
            "only one node was running (the other threads idle or between nodes).",
            "",
            "| size | build | wall | threads | cores busy | one node running | thread time "
            "| critical path | its nodes of 5 s or more |",
            "|---|---|---|---|---|---|---|---|---|",
        ]
        for size, kind, b in waited:
            chain = ", ".join(f"{name.split(' ', 1)[1]} {s:.0f}" for name, s in b["critical_path"])
            lines.append(
                f"| {size} | {kind} | {b['seconds']} s | {b.get('threads', '')} "
                f"| {b.get('cores_busy', '?')} | {seconds_cell(b.get('one_running_seconds'))} "
                f"| {b['thread_seconds']} s "
                f"| {b['critical_path_seconds']} s | {chain} |"
            )

    by_kind = [(size, kind, b) for size, kind, b in waited if "thread_seconds_by_kind" in b]
    if by_kind:
        lines += [
            "",
            "Where the thread time goes: models, unit tests and data tests added up, and "
            "the data tests by generic test (singular: the project's own SQL tests).",
            "",
            "| size | build | models | unit tests | data tests | largest data tests |",
            "|---|---|---|---|---|---|",
        ]
        for size, kind, b in by_kind:
            times = b["thread_seconds_by_kind"]
            tests = {name[5:]: s for name, s in times.items() if name.startswith("test ")}
            largest = ", ".join(f"{name} {s:.0f} s" for name, s in list(tests.items())[:4])
            lines.append(
                f"| {size} | {kind} | {times.get('model', 0.0):.0f} s "
                f"| {times.get('unit_test', 0.0):.0f} s | {sum(tests.values()):.0f} s "
                f"| {largest} |"
            )

    comparisons = [r for r in results if "btyd_comparison" in r]
    if comparisons:
        lines += [
            "",
            "BTYD summary on the same orders (the incremental build's warehouse as of the last "
            "day; the full build's, as of the day before, where only that ran). Timed in the "
            "build (beside the other thread): the mart `fct_customer_rfm` and the whole RFM "
            "chain (order days, 18 monthly snapshots, scores, mart). Timed alone on the idle "
            f"machine, best of {RUNS} runs: the compiled selects of the mart and of the order "
            "days it reads (the one step between the orders and the summary), one hand-written "
            "DuckDB query from the orders (the floor) and "
            "`lifetimes.utils.summary_data_from_transaction_data` (the orders already in "
            "pandas). Rows marked 1 run: one run each and nothing timed alone, so the "
            "lifetimes ratio uses the mart in the build. Then ChannelAttribution's Markov "
            "model on the project's paths and the largest difference of a channel's credit "
            "share from the project's exact solution.",
            "",
            "| size | orders | mart in build | RFM chain in build | mart alone "
            "| order days + mart alone | hand-written | lifetimes | lifetimes ÷ mart "
            "| lifetimes ÷ order days + mart | order days + mart ÷ hand-written "
            "| ChannelAttribution | share difference |",
            "|---|---|---|---|---|---|---|---|---|---|---|---|---|",
        ]
        for r in comparisons:
            b, k = r["btyd_comparison"], r.get("markov_comparison", {})
            in_build = b.get(
                "mart_seconds",
                r.get("model_seconds_incremental", {}).get("fct_customer_rfm", 0.0),
            )
            markov = (
                f"{k['channelattribution_seconds']} s | {k['max_share_difference']}"
                if k.get("status") == "ok"
                else f"{k.get('status', 'not run')} | "
            )
            once = "" if "runs" in b else " (1 run)"
            lifetimes = b["lifetimes_seconds"]
            if "order_days_alone_seconds" in b:
                # The ratios as compare_btyd took them, from unrounded times.
                mart = b["mart_alone_seconds"]
                path = mart + b["order_days_alone_seconds"]
                alone = f"{mart:.2f} s | {path:.2f} s"
                path_ratios = (
                    f"{b['lifetimes_over_order_days_and_mart']:.1f}x "
                    f"| {b['order_days_and_mart_over_hand_written']:.1f}x"
                )
            elif "mart_alone_seconds" in b:
                mart = b["mart_alone_seconds"]
                alone = f"{mart:.2f} s | ?"
                path_ratios = "? | ?"
            else:
                mart = in_build
                alone = "? | ?" if once else "not run | not run"
                path_ratios = "? | ?"
            lines.append(
                f"| {r['size']} | {b['orders']:,} | {in_build:.2f} s "
                f"| {b['project_rfm_seconds']} s | {alone} "
                f"| {b['hand_written_duckdb_seconds']:.2f} s{once} | {lifetimes:.2f} s{once} "
                f"| {b.get('lifetimes_over_mart', lifetimes / max(mart, 1e-3)):.1f}x "
                f"| {path_ratios} | {markov} |"
            )

    timed = [r for r in results if "model_seconds_full" in r]
    if len(timed) >= 2:
        first, last = timed[0], timed[-1]
        before, after = timed[-2], timed[-1]
        slowest = sorted(
            last["model_seconds_full"], key=last["model_seconds_full"].get, reverse=True
        )[:20]
        header = " | ".join(r["size"] for r in timed)
        lines += [
            "",
            f"Slowest models at {last['size']} (full build, seconds) and how their time grows: "
            f"k in time ~ people^k between {before['size']} and {after['size']} "
            f"(1 = linear; at {first['size']} fixed overhead dominates).",
            "",
            f"| model | {header} | k |",
            "|---|" + "---|" * len(timed) + "---|",
        ]
        for name in slowest:
            times = [r["model_seconds_full"].get(name, 0.0) for r in timed]
            k = growth_exponent(
                before["model_seconds_full"].get(name, 0.0),
                after["model_seconds_full"].get(name, 0.0),
                before["people"],
                after["people"],
            )
            lines.append(f"| {name} | " + " | ".join(f"{t:.2f}" for t in times) + f" | {k:.2f} |")
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__)
    parser.add_argument("--sizes", nargs="+", choices=sorted(SIZES), default=["S"])
    parser.add_argument("--workdir", type=Path, default=ROOT / "benchmarks" / "work")
    parser.add_argument(
        "--report-only", action="store_true", help="rewrite RESULTS.md from the saved results"
    )
    parser.add_argument(
        "--full-only",
        action="store_true",
        help="skip the incremental build (a size too slow for two builds); the "
        "comparisons then read the full build",
    )
    parser.add_argument(
        "--compare-only",
        action="store_true",
        help="run the BTYD and Markov comparisons again on each size's built warehouse "
        "in the workdir, keeping the saved build figures",
    )
    args = parser.parse_args(argv)
    results_dir = RESULTS
    results_dir.mkdir(parents=True, exist_ok=True)
    for size in args.sizes if args.compare_only else []:
        saved = results_dir / f"{size}.json"
        result = json.loads(saved.read_text())
        compare_again(result, args.workdir / size)
        saved.write_text(json.dumps(result, indent=2) + "\n")
    results = []
    for size in [] if args.report_only or args.compare_only else args.sizes:
        result = run_size(size, args.workdir, full_only=args.full_only)
        result["machine"] = machine()
        (results_dir / f"{size}.json").write_text(json.dumps(result, indent=2) + "\n")
        results.append(result)
        print(json.dumps({k: v for k, v in result.items() if not k.startswith("model_")}, indent=2))
    everything = [
        json.loads((results_dir / f"{s}.json").read_text())
        for s in sorted(SIZES, key=SIZES.get)
        if (results_dir / f"{s}.json").exists()
    ]
    write_markdown(everything, ROOT / "benchmarks" / "RESULTS.md")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
