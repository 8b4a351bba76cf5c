"""The per-model memory check (benchmarks.model_memory) on the demo build:
it writes each model's result to a table, so its row count is the model's,
and it reports an out-of-memory stop instead of falling over."""

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
