"""Each model's query alone at a given DuckDB memory limit, on a warehouse a
full build left behind: does it go through, in how long, within how much
resident memory. A build runs two models at once under one limit, so a
model that needs most of the limit can stop out of memory beside a big
neighbour; run this at half the build's limit to find such models.

    python -m benchmarks.model_memory --warehouse W.duckdb --target T \\
        --memory-limit 3.5GB [--top 30 | --models a b] [--threads 2]

The SQL is the compiled code the build ran (T/run_results.json). Each
result is written to a table in a scratch database beside the warehouse,
which is opened read-only: `select count(*) from (...)` would let DuckDB
drop columns and whole left joins, and understate both time and memory.
Python models are skipped, and so is SQL that reads a helper table the
build dropped (a catalog error; the graph components and the erasure
pre-pass's graph at full build). An incremental model's SQL is what the
build ran: its incremental branch when the build was incremental.
Nothing here asserts a time: it measures and writes down.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.run import built_models, measure, model_name

SCRATCH_TABLE = "model_memory_result"


def run_one(sql_file: Path, warehouse: Path, limit: str, threads: int, scratch: Path) -> None:
    """Child process: write one model's result to a scratch table; print JSON."""
    import duckdb

    con = duckdb.connect(str(scratch))
    con.execute(f"attach '{warehouse}' as \"{warehouse.stem}\" (read_only)")
    con.execute(f"set memory_limit = '{limit}'")
    con.execute(f"set threads = {threads}")
    con.execute(f"set temp_directory = '{scratch.parent / 'spill'}'")
    con.execute("set preserve_insertion_order = false")
    began = time.perf_counter()
    try:
        con.execute(f"create table {SCRATCH_TABLE} as {sql_file.read_text()}")
        rows = con.execute(f"select count(*) from {SCRATCH_TABLE}").fetchone()[0]
        outcome = {"ok": True, "rows": rows}
    except duckdb.Error as error:
        outcome = {"ok": False, "error": str(error).splitlines()[0][:200]}
    outcome["query_seconds"] = round(time.perf_counter() - began, 1)
    print(json.dumps(outcome))


def check_model(
    model: dict[str, object], warehouse: Path, limit: str, threads: int
) -> dict[str, object]:
    name = model_name(model)
    code = model.get("compiled_code") or ""
    row: dict[str, object] = {"model": name, "build_seconds": round(model["execution_time"], 1)}
    if not code.strip() or "def model(" in code:
        return {**row, "ok": None, "note": "skipped: no SQL (Python model)"}
    with tempfile.TemporaryDirectory(dir=warehouse.parent) as work:
        sql_file = Path(work) / f"{name}.sql"
        sql_file.write_text(code)
        command = [
            sys.executable,
            "-m",
            "benchmarks.model_memory",
            "--run-one",
            str(sql_file),
            "--warehouse",
            str(warehouse),
            "--memory-limit",
            limit,
            "--threads",
            str(threads),
        ]
        measured = measure(command, {})
    lines = [line for line in measured.output.splitlines() if line.startswith("{")]
    if not lines:
        return {**row, "ok": False, "error": measured.output.strip()[-200:]}
    outcome = json.loads(lines[-1])
    if str(outcome.get("error", "")).startswith("Catalog Error"):
        # A helper table the model writes and drops during the build.
        return {**row, "ok": None, "note": f"skipped: {outcome['error']}"}
    return {**row, **outcome, "peak_rss_gb": round(measured.peak_rss_bytes / 2**30, 2)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.model_memory", description=__doc__)
    parser.add_argument("--warehouse", type=Path, required=True)
    parser.add_argument("--target", type=Path, help="the build's --target-path")
    parser.add_argument("--memory-limit", default="3.5GB")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--top", type=int, default=30, help="the N slowest models")
    parser.add_argument("--models", nargs="+", help="these models instead of the slowest")
    parser.add_argument("--run-one", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    warehouse = args.warehouse.resolve()
    if args.run_one:
        scratch = args.run_one.parent / "scratch.duckdb"
        run_one(args.run_one, warehouse, args.memory_limit, args.threads, scratch)
        return 0
    if args.target is None or not (args.target / "run_results.json").exists():
        parser.error("--target must be the target path of a finished build (run_results.json)")
    models = sorted(built_models(args.target), key=lambda r: r["execution_time"], reverse=True)
    if args.models:
        wanted = set(args.models)
        models = [m for m in models if model_name(m) in wanted]
        missing = wanted - {model_name(m) for m in models}
        if missing:
            parser.error(f"not among the build's successful models: {sorted(missing)}")
    else:
        models = models[: args.top]
    failed = 0
    for model in models:
        row = check_model(model, warehouse, args.memory_limit, args.threads)
        failed += row.get("ok") is False
        print(json.dumps(row), flush=True)
    print(json.dumps({"memory_limit": args.memory_limit, "models": len(models), "failed": failed}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
