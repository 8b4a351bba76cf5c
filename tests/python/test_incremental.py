"""Incremental runs give exactly the tables a full refresh gives: three
daily loads of a small data set, then --full-refresh on the same warehouse
(identity state kept, as in production), compared relation by relation."""

from __future__ import annotations

import sys

from conftest import Warehouse, dbt, run
from test_build import fingerprint

DAYS = ("2025-12-29", "2025-12-30", "2025-12-31")


def relations(warehouse: Warehouse) -> list[str]:
    rows = warehouse.query(
        "select table_schema, table_name from information_schema.tables "
        "where table_schema in ('staging', 'intermediate', 'marts') order by 1, 2"
    )
    return [f"{schema}.{name}" for schema, name in rows]


def test_incremental_runs_equal_a_full_refresh(tmp_path):
    warehouse = Warehouse(tmp_path / "warehouse.duckdb", tmp_path / "target")
    for day in DAYS:
        data = tmp_path / f"data_{day}"
        run(
            [
                sys.executable,
                "-m",
                "generator",
                "--people",
                "400",
                "--out",
                str(data),
                "--cutoff",
                day,
            ]
        )
        dbt(
            "build",
            database=warehouse.path,
            target_path=warehouse.target_path,
            vars_={"raw_data_path": str(data), "as_of_date": day},
        )
    incremental = {name: fingerprint(warehouse, name) for name in relations(warehouse)}
    events_by_day = warehouse.query(
        "select count(distinct event_date) from staging.stg_app__events"
    )[0][0]
    dbt(
        "build",
        "--full-refresh",
        database=warehouse.path,
        target_path=warehouse.target_path,
        vars_={"raw_data_path": str(tmp_path / f"data_{DAYS[-1]}"), "as_of_date": DAYS[-1]},
    )
    refreshed = {name: fingerprint(warehouse, name) for name in relations(warehouse)}
    assert events_by_day > 100
    assert set(incremental) == set(refreshed)
    different = [name for name in incremental if incremental[name] != refreshed[name]]
    assert different == []
