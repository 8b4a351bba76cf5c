"""The per-model memory check (benchmarks.model_memory) on the demo build:
it writes each model's result to a table, so its row count is the model's,
and it reports an out-of-memory stop instead of falling over. The critical
path (benchmarks.critical_path) follows dbt build's waits on a small
manifest."""

from __future__ import annotations

import json

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


def test_critical_path_waits_for_the_tests_on_a_parent() -> None:
    """benchmarks.critical_path on a small build: b waits for a and for a's
    not_null test; a relationships test on a and c holds back neither
    child; b's unit test waits for b's parents; c is a second root."""
    from benchmarks import critical_path

    manifest = {
        "parent_map": {
            "model.p.a": [],
            "model.p.c": [],
            "model.p.b": ["model.p.a"],
            "test.p.not_null_a_id.1": ["model.p.a"],
            "test.p.relationships_a_c.2": ["model.p.a", "model.p.c"],
            "test.p.unique_b_id.3": ["model.p.b"],
        },
        "unit_tests": {"unit_test.p.b.case": {"depends_on": {"nodes": ["model.p.b"]}}},
    }
    seconds = {
        "model.p.a": 2.0,
        "model.p.c": 1.0,
        "model.p.b": 3.0,
        "test.p.not_null_a_id.1": 5.0,
        "test.p.relationships_a_c.2": 50.0,
        "test.p.unique_b_id.3": 0.5,
        "unit_test.p.b.case": 0.25,
    }
    run_results = {
        "elapsed_time": 60.0,
        "results": [{"unique_id": k, "execution_time": v} for k, v in seconds.items()],
    }
    report = critical_path.critical_path(run_results, manifest)
    assert [node for node, _ in report.critical.nodes] == [
        "model.p.a",
        "test.p.relationships_a_c.2",
    ]
    assert report.critical.seconds == 52.0
    assert report.thread_seconds == sum(seconds.values())
    # Without the two-model test, the path runs through the not_null test
    # and b's unit test to b's own test.
    del manifest["parent_map"]["test.p.relationships_a_c.2"]
    run_results["results"] = [
        r for r in run_results["results"] if r["unique_id"] != "test.p.relationships_a_c.2"
    ]
    report = critical_path.critical_path(run_results, manifest)
    assert [node for node, _ in report.critical.nodes] == [
        "model.p.a",
        "test.p.not_null_a_id.1",
        "unit_test.p.b.case",
        "model.p.b",
        "test.p.unique_b_id.3",
    ]
    assert report.critical.seconds == 10.75
