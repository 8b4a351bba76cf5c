"""The per-model memory check (benchmarks.model_memory) on the demo build:
it writes each model's result to a table, so its row count is the model's,
and it reports an out-of-memory stop instead of falling over. The critical
path (benchmarks.critical_path) follows dbt build's waits on a small
manifest. The BTYD comparison's hand-written query and the mart's compiled
select, run alone, give the mart's summary."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest
from conftest import Warehouse

from benchmarks import model_memory


def checked(warehouse: Warehouse, capsys: pytest.CaptureFixture[str], *args: str) -> dict:
    model_memory.main(
        ["--warehouse", str(warehouse.path), "--target", str(warehouse.target_path), *args]
    )
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    return {row.get("model", "summary"): row for row in rows}


def test_each_model_is_written_whole_or_skipped_with_the_reason(
    warehouse: Warehouse, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = checked(
        warehouse,
        capsys,
        "--models",
        "int_conversion_roles_assigned",
        "int_customer_clusters_fitted",
        "int_identity_graph_components",
    )
    roles = rows["int_conversion_roles_assigned"]
    assert roles["ok"] is True
    assert roles["rows"] == warehouse.scalar(
        "select count(*) from intermediate.int_conversion_roles_assigned"
    )
    assert rows["int_customer_clusters_fitted"]["note"].startswith("skipped: no SQL")
    # A full build's components read helper tables that its post-hooks drop.
    assert rows["int_identity_graph_components"]["note"].startswith("skipped: Catalog Error")
    assert rows["summary"] == {"memory_limit": "3.5GB", "models": 3, "failed": 0}


def test_an_out_of_memory_stop_is_reported(
    warehouse: Warehouse, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = checked(
        warehouse, capsys, "--models", "int_conversion_roles_assigned", "--memory-limit", "1MB"
    )
    assert rows["int_conversion_roles_assigned"]["ok"] is False
    assert "Out of Memory" in rows["int_conversion_roles_assigned"]["error"]
    assert rows["summary"]["failed"] == 1


def test_critical_path_waits_as_dbt_build_does() -> None:
    """benchmarks.critical_path on a small build. b waits for a and for a's
    not_null test, not for the relationships test between a and c (c is
    not upstream of b); d, downstream of both, waits for it too. b's unit
    test runs in b's turn, so its time is b's. The thread time by kind adds
    up each kind of node, a data test under its generic test's name (one
    the manifest does not hold is unknown)."""
    from benchmarks import critical_path

    manifest = {
        "parent_map": {
            "model.p.a": [],
            "model.p.c": [],
            "model.p.b": ["model.p.a"],
            "model.p.d": ["model.p.a", "model.p.c"],
            "test.p.not_null_a_id.1": ["model.p.a"],
            "test.p.relationships_a_c.2": ["model.p.a", "model.p.c"],
            "test.p.unique_b_id.3": ["model.p.b"],
        },
        "unit_tests": {"unit_test.p.b.case": {"depends_on": {"nodes": ["model.p.b"]}}},
        "nodes": {
            "test.p.not_null_a_id.1": {"test_metadata": {"name": "not_null"}},
            "test.p.relationships_a_c.2": {"test_metadata": {"name": "relationships"}},
            "test.p.unique_b_id.3": {},
        },
    }
    seconds = {
        "model.p.a": 2.0,
        "model.p.c": 1.0,
        "model.p.b": 3.0,
        "model.p.d": 0.5,
        "test.p.not_null_a_id.1": 5.0,
        "test.p.relationships_a_c.2": 50.0,
        "test.p.unique_b_id.3": 0.5,
        "unit_test.p.b.case": 0.25,
    }
    run_results = {
        "elapsed_time": 60.0,
        "results": [
            {"unique_id": k, "execution_time": v, "thread_id": f"Thread-{i % 2 + 1} (worker)"}
            for i, (k, v) in enumerate(seconds.items())
        ],
    }
    waits = critical_path.predecessors(manifest)
    assert "test.p.relationships_a_c.2" not in waits["model.p.b"]
    assert "test.p.not_null_a_id.1" in waits["model.p.b"]
    assert "test.p.relationships_a_c.2" in waits["model.p.d"]

    report = critical_path.critical_path(run_results, manifest)
    assert [node for node, _ in report.critical.nodes] == [
        "model.p.a",
        "test.p.relationships_a_c.2",
        "model.p.d",
    ]
    assert report.critical.seconds == 52.5
    assert report.thread_seconds == sum(seconds.values())
    assert report.threads == 2
    assert report.by_kind == {
        "test relationships": 50.0,
        "model": 6.5,
        "test not_null": 5.0,
        "test singular": 0.5,
        "unit_test": 0.25,
    }
    assert list(report.by_kind) == [
        "test relationships",
        "model",
        "test not_null",
        "test singular",
        "unit_test",
    ]
    stale = {**run_results, "results": [*run_results["results"]]}
    stale["results"].append({"unique_id": "test.p.gone.4", "execution_time": 1.0})
    assert critical_path.thread_time_by_kind(stale, manifest)["test unknown"] == 1.0
    # Without d and the relationships test, the path runs through the
    # not_null test to b (with its unit test's time) and b's own test.
    for gone in ("model.p.d", "test.p.relationships_a_c.2"):
        del manifest["parent_map"][gone]
        del seconds[gone]
    run_results["results"] = [r for r in run_results["results"] if r["unique_id"] in seconds]
    report = critical_path.critical_path(run_results, manifest)
    assert report.critical.nodes == [
        ("model.p.a", 2.0),
        ("test.p.not_null_a_id.1", 5.0),
        ("model.p.b", 3.25),
        ("test.p.unique_b_id.3", 0.5),
    ]
    assert report.critical.seconds == 10.75


def test_results_table_shows_thread_time_by_kind_and_other_hosts(tmp_path: Path) -> None:
    """RESULTS.md: the thread time by kind where a build recorded it, and
    the sizes measured on another host or before the processor was
    recorded (an older result reads without either)."""
    from benchmarks.run import machine, write_markdown

    def result(size: str, host: dict[str, object], by_kind: dict[str, float] | None) -> dict:
        build: dict[str, object] = {
            "seconds": 10.0,
            "peak_rss_gb": 1.0,
            "ok": True,
            "warehouse_gb": 0.1,
            "threads": 2,
            "thread_seconds": 12.0,
            "critical_path_seconds": 8.0,
            "critical_path": [],
        }
        if by_kind is not None:
            build["thread_seconds_by_kind"] = by_kind
        return {"size": size, "people": 10, "full_build": build, "machine": host}

    kinds = {"model": 7.0, "test unique": 3.0, "unit_test": 1.5, "test not_null": 0.5}
    old = result("S", {"cpu_count": 2, "memory_gb": 23.5}, None)
    new = result("M", machine(), kinds)
    out = tmp_path / "RESULTS.md"
    write_markdown([old, new], out)
    text = out.read_text()
    assert "| M | full | 7 s | 2 s | 4 s | unique 3 s, not_null 0 s |" in text
    assert "| S | full | " not in text.split("Where the thread time goes")[1]
    assert "another host or before the processor was recorded: S (processor not recorded)." in text


def test_running_alone_counts_the_time_one_node_ran_by_itself() -> None:
    """a runs 0-10 s, b 2-4 s and z starts and ends at 5 s on a second
    thread, then c 10-13 s: a ran alone for 8 s, c for 3 s, b and z never."""
    from benchmarks import critical_path

    def timed(node: str, start: int, end: int) -> dict:
        at = "2026-12-07T10:00:{:02d}.000000Z"
        return {
            "unique_id": node,
            "timing": [
                {
                    "name": "compile",
                    "started_at": at.format(start),
                    "completed_at": at.format(start),
                },
                {"name": "execute", "started_at": at.format(start), "completed_at": at.format(end)},
            ],
        }

    results = {
        "results": [timed("a", 0, 10), timed("b", 2, 4), timed("z", 5, 5), timed("c", 10, 13)]
    }
    seconds, alone = critical_path.running_alone(results)
    assert alone == {"a": 8.0, "c": 3.0}
    assert seconds == 11.0


def test_btyd_floor_and_mart_alone_give_the_marts_summary(warehouse: Warehouse) -> None:
    """The benchmark's two DuckDB sides compute what the mart holds: the
    hand-written floor (window-free) and the mart's compiled select, run
    alone on the built warehouse; the comparison times both and the order
    days alone, and lifetimes, on the demo."""
    import datetime as dt

    from benchmarks.run import BTYD_FLOOR, compare_btyd, compiled_sql

    mart_sql = compiled_sql(warehouse.target_path, "fct_customer_rfm")
    assert mart_sql is not None
    columns = "person_id, btyd_frequency, btyd_recency, btyd_t, btyd_monetary_value"
    with duckdb.connect(str(warehouse.path), read_only=True) as con:
        con.execute(f"create temp table floor as {BTYD_FLOOR.format(as_of='2025-12-31')}")
        con.execute(f"create temp table mart as {mart_sql}")
        expected = con.execute(f"select {columns} from marts.fct_customer_rfm").fetchall()
        alone = con.execute(f"select {columns} from mart").fetchall()
        floor = con.execute(
            "select person_id, frequency, recency, t, monetary_value from floor"
        ).fetchall()
    assert len(expected) > 1000
    by_person = {row[0]: row[1:] for row in expected}
    for name, rows in (("mart alone", alone), ("floor", floor)):
        assert len(rows) == len(by_person), name
        for person, frequency, recency, t, value in rows:
            assert by_person[person][:3] == (frequency, recency, t), (name, person)
            assert abs(by_person[person][3] - float(value)) < 1e-6, (name, person)

    compared = compare_btyd(warehouse.path, dt.date(2025, 12, 31), 1.0, warehouse.target_path)
    assert compared["orders"] > 10_000
    assert compared["mart_alone_seconds"] > 0 and compared["order_days_alone_seconds"] > 0
    path = compared["mart_alone_seconds"] + compared["order_days_alone_seconds"]
    assert compared["lifetimes_over_order_days_and_mart"] == pytest.approx(
        compared["lifetimes_seconds"] / path, rel=0.1, abs=0.1
    )
