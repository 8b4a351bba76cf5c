"""The build as a user meets it: deterministic output, and a clear message
when a source file is missing or a var is wrong."""

from __future__ import annotations

import shutil

from conftest import ROOT, Warehouse, dbt

SCHEMAS = ("staging", "intermediate", "marts", "reference")


def relations(warehouse: Warehouse) -> list[str]:
    rows = warehouse.query(
        "select table_schema, table_name from information_schema.tables "
        f"where table_schema in {SCHEMAS} order by 1, 2"
    )
    return [f"{schema}.{name}" for schema, name in rows]


def fingerprint(warehouse: Warehouse, relation: str) -> tuple[int, str]:
    """Row count and an order-independent hash of every row's values."""
    return warehouse.query(
        f"select count(*), coalesce(md5(string_agg(h, ',' order by h)), '') "
        f"from (select md5(cast(t as varchar)) as h from {relation} as t)"
    )[0]


def test_build_makes_every_staging_relation(warehouse):
    staged = [r for r in relations(warehouse) if r.startswith("staging.stg_")]
    assert len(staged) >= 20


def test_two_builds_of_the_same_data_are_identical(warehouse, second_warehouse):
    names = relations(warehouse)
    assert names == relations(second_warehouse)
    different = [
        name
        for name in names
        if fingerprint(warehouse, name) != fingerprint(second_warehouse, name)
    ]
    assert different == []


def test_missing_source_file_fails_with_what_to_fix(demo_data, scratch):
    data = scratch / "data"
    shutil.copytree(demo_data, data)
    (data / "shop__orders.csv").unlink()
    result = dbt(
        "build",
        "--select",
        "stg_shop__orders",
        database=scratch / "w.duckdb",
        target_path=scratch / "target",
        check=False,
        vars_={"raw_data_path": str(data)},
    )
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Raw sources are missing" in output
    assert f"shop.orders: no file matches {data}/shop__orders.csv" in output
    assert "raw_data_path" in output and "make data" in output


def test_malformed_var_fails_with_what_to_fix(demo_data, scratch):
    result = dbt(
        "build",
        "--select",
        "stg_shop__orders",
        database=scratch / "w.duckdb",
        target_path=scratch / "target",
        check=False,
        vars_={
            "raw_data_path": str(demo_data),
            "as_of_date": "2025-02-30",
            "raw_file_format": "xlsx",
            "identity_match_review_threshold": 20,
        },
    )
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "as_of_date is '2025-02-30'; expected a real calendar date" in output
    assert "raw_file_format is 'xlsx'; expected one of csv, parquet" in output
    assert (
        "identity_match_review_threshold is 20; expected at most identity_match_threshold (15)"
        in output
    )


def test_seeds_hold_no_single_quote():
    """dbt-spark inserts seed values between single quotes without escaping
    them, so one apostrophe ("Can't") breaks the Spark build."""
    quoted = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in sorted((ROOT / "seeds").rglob("*.csv"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if "'" in line
    ]
    assert quoted == []
