"""What an incremental identity graph would cost: the connected components
updated for only the components one new day touches, against recomputing
them all, on a warehouse `make benchmark` built (its incremental build, as
of the last day). A measurement for the design of the incremental path, not
part of the project's build.

    python -m benchmarks.incremental_components --size M

The graph before the day is simulated: the project's compiled graph-edge
SQL on the kept identity edges first seen before the day began (midnight in
the reporting time zone, as the project's as_of_date cut-off), with the same
guard verdicts and record signatures. The guards are also run again on the
edges before the day, to count the earlier edges whose verdict the day
changes. The components of the graph after the day
(`int_identity_graph_edges`) are computed twice with the project's own
compiled `connected_components` SQL: over the whole graph, and over only
the edges of the components that the day's added or removed edges touch,
written over the earlier components by delete and insert. A
component's id is its smallest node id, so both must give the same rows; the
script checks that they do and writes the counts and times to
benchmarks/results/incremental_components_<size>.json.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import shutil
import tempfile
import time
from pathlib import Path

import duckdb
import yaml

from benchmarks.run import LAST_DAY, RESULTS, ROOT

IDENTITY = Path("compiled/precision_marketing/models/intermediate/identity")
COMPILED = IDENTITY / "int_identity_graph_components.sql"
GUARDS = IDENTITY / "int_identity_edges_checked.sql"
GRAPH = IDENTITY / "int_identity_graph_edges.sql"
GRAPH_EDGES = '"warehouse"."intermediate"."int_identity_graph_edges"'
CHECKED_EDGES = '"warehouse"."intermediate"."int_identity_edges_checked"'
COLLECTED_EDGES = '"warehouse"."intermediate"."int_identity_edges_collected"'

# Each step of the incremental update, in order; timed together.
INCREMENTAL_STEPS = [
    (
        "changed_edges",
        "(select * from graph_after except select * from graph_before) union all "
        "(select * from graph_before except select * from graph_after)",
    ),
    (
        "touched_nodes",
        "select node_a as node_id from changed_edges "
        "union select node_b as node_id from changed_edges",
    ),
    (
        "touched_all",
        "select components.node_id from components_before as components "
        "inner join (select distinct components_before.component_id from components_before "
        "inner join touched_nodes using (node_id)) as touched using (component_id) "
        "union select node_id from touched_nodes",
    ),
    (
        "touched_edges",
        "select * from graph_after where node_a in (select node_id from touched_all) "
        "or node_b in (select node_id from touched_all)",
    ),
]


def components_sql(template: str, relation: str) -> str:
    return template.replace(GRAPH_EDGES, relation)


def measure(workdir: Path, size: str, day: dt.date, time_zone: str) -> dict[str, object]:
    database = workdir / size / "warehouse.duckdb"
    target = next(
        (
            workdir / size / name
            for name in ("target_incremental", "target_full")
            if (workdir / size / name / COMPILED).exists()
        ),
        None,
    )
    if not database.exists() or target is None:
        raise SystemExit(
            f"No built warehouse for {size} under {workdir}: run "
            f"`python -m benchmarks.run --sizes {size}` first."
        )
    template = (target / COMPILED).read_text()
    guards = (target / GUARDS).read_text()
    graph = (target / GRAPH).read_text()
    day_began = (
        f"cast(timezone('UTC', timezone('{time_zone}', timestamp '{day.isoformat()}')) "
        "as timestamp)"
    )
    scratch = Path(tempfile.mkdtemp(prefix="incremental_components_"))
    try:
        con = duckdb.connect(str(scratch / "scratch.duckdb"))
        con.execute(f"set threads=2; set temp_directory='{scratch / 'spill'}'")
        con.execute(f"attach '{database}' as warehouse (read_only)")
        con.execute(
            "create table graph_after as select node_a, node_b "
            "from warehouse.intermediate.int_identity_graph_edges"
        )
        con.execute(
            "create table checked_edges_before as select * from "
            f"warehouse.intermediate.int_identity_edges_checked where first_seen_at < {day_began}"
        )
        con.execute(
            "create table graph_before as " + graph.replace(CHECKED_EDGES, "checked_edges_before")
        )
        con.execute(f"create table components_before as {components_sql(template, 'graph_before')}")

        started = time.perf_counter()
        con.execute(f"create table components_full as {components_sql(template, 'graph_after')}")
        full_seconds = time.perf_counter() - started

        con.execute("create table components_incremental as select * from components_before")
        started = time.perf_counter()
        for name, sql in INCREMENTAL_STEPS:
            con.execute(f"create temp table {name} as {sql}")
        con.execute(
            f"create temp table touched_components as {components_sql(template, 'touched_edges')}"
        )
        con.execute(
            "delete from components_incremental where node_id in (select node_id from touched_all)"
        )
        con.execute("insert into components_incremental select * from touched_components")
        incremental_seconds = time.perf_counter() - started

        def count(sql: str) -> int:
            return con.execute(f"select count(*) from ({sql})").fetchone()[0]

        # The guards (degree, blocklist, one anchor per type) are global:
        # run them on the edges before the day and count the edges of that
        # day's graph whose verdict the new day changes.
        con.execute(
            "create table collected_before as select * from "
            f"warehouse.intermediate.int_identity_edges_collected "
            f"where first_seen_at < {day_began}"
        )
        con.execute(
            "create table checked_before as " + guards.replace(COLLECTED_EDGES, "collected_before")
        )
        guard_flips = con.execute(
            "select count(*), count(distinct after.node_id) "
            "from checked_before as before "
            "inner join warehouse.intermediate.int_identity_edges_checked as after "
            "using (edge_id) "
            "where before.cut_reason is distinct from after.cut_reason"
        ).fetchone()

        result = {
            "size": size,
            "day": day.isoformat(),
            "graph_edges_before": count("select * from graph_before"),
            "graph_edges_after": count("select * from graph_after"),
            "changed_edges": count("select * from changed_edges"),
            "components_before": count("select distinct component_id from components_before"),
            "touched_components": count(
                "select distinct component_id from components_before "
                "inner join touched_nodes using (node_id)"
            ),
            "nodes_after": count("select * from components_full"),
            "nodes_recomputed": count("select * from touched_all"),
            "edges_recomputed": count("select * from touched_edges"),
            "guard_verdicts_changed": guard_flips[0],
            "guard_nodes_changed": guard_flips[1],
            "full_seconds": round(full_seconds, 2),
            "incremental_seconds": round(incremental_seconds, 2),
            "rows_that_differ": count(
                "(select * from components_full except select * from components_incremental) "
                "union all "
                "(select * from components_incremental except select * from components_full)"
            ),
        }
        con.close()
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", choices=["S", "M", "L"], default="M")
    parser.add_argument("--workdir", type=Path, default=ROOT / "benchmarks" / "work")
    parser.add_argument(
        "--day",
        type=dt.date.fromisoformat,
        default=LAST_DAY,
        help="the new day (default: the benchmark's last day, %(default)s)",
    )
    parser.add_argument(
        "--time-zone",
        default=yaml.safe_load((ROOT / "dbt_project.yml").read_text())["vars"][
            "reporting_time_zone"
        ],
        help="the build's var reporting_time_zone (default: dbt_project.yml's, %(default)s)",
    )
    args = parser.parse_args(argv)
    result = measure(args.workdir, args.size, args.day, args.time_zone)
    out = RESULTS / f"incremental_components_{args.size}.json"
    out.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))
    return 0 if result["rows_that_differ"] == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
