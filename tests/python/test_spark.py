"""The same project on Apache Spark: the raw files loaded as lakehouse
tables, `dbt build --target spark` twice (the second run takes the
incremental paths), every model and test green, and the key tables equal row
for row to the DuckDB build."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import duckdb
import pytest
from conftest import BIN, ROOT, run

pytestmark = pytest.mark.spark

# Relations compared row for row; columns that legitimately differ between
# engines are listed with the reason.
KEY_RELATIONS = {
    "staging.stg_shop__orders": (),
    "staging.stg_shop__order_items": (),
    "staging.stg_pos__transactions": (),
    "staging.stg_crm__members": (),
    "staging.stg_crm__consents": (),
    "staging.stg_app__events": (),
    "staging.stg_content__reads": (),
    "staging.stg_marketing__ad_clicks": (),
    "staging.stg_marketing__message_sends": (),
    "staging.stg_marketing__coupons": (),
    "staging.stg_partners__customer_lists": (),
    # Spark's to_json leaves null fields out of the raw-values object.
    "staging.stg_quarantine__rows": ("raw_values", "quarantined_row_id"),
}

# Marts with floating-point or money columns, which the engines may sum in
# another order (last-bit differences, a cent of rounding): rows matched on
# their key columns, text and dates compared exactly, numbers within a
# tolerance. The clustering marts are Python (DuckDB only).
NUMERIC_RELATIONS = {
    "marts.dim_customers": ("person_id",),
    "marts.fct_orders": ("order_id",),
    "marts.fct_customer_rfm": ("person_id",),
    "marts.fct_customer_lifecycle": ("person_id",),
    "marts.fct_attribution_credits": ("conversion_id", "attribution_model", "touch_id"),
    "marts.fct_channel_performance": ("channel", "performance_month", "attribution_model"),
    "marts.fct_conversion_paths": ("channel_path",),
    "marts.fct_lifecycle_actions": ("person_id", "action"),
    "marts.fct_experiment_results": ("experiment_id",),
    "marts.fct_partner_overlap": ("partner_id", "rfm_tier"),
    "marts.fct_product_affinity": ("rule_id",),
}
# The erasure pre-pass: a recursive search on DuckDB, connected components of
# the whole graph on Spark (no recursive queries); they must erase the same.
ERASURE_RELATION = "staging.stg_privacy__erasure_suppression"
NUMERIC_TYPES = ("DOUBLE", "FLOAT", "DECIMAL", "BIGINT", "INTEGER", "HUGEINT")


@pytest.fixture(scope="session")
def spark_build(tmp_path_factory: pytest.TempPathFactory, demo_data: Path) -> Path:
    if shutil.which("java") is None:
        pytest.fail("Spark needs a Java runtime; `make test` installs one (make java)")
    run_dir = tmp_path_factory.mktemp("spark")
    env = {"SPARK_RUN_DIR": str(run_dir), "DBT_TARGET": "spark"}
    run([sys.executable, "-m", "tools.spark_load_raw", "--data", str(demo_data)], env=env)
    for attempt in ("first", "second"):
        result = run([str(BIN / "dbt"), "build", "--target-path", str(run_dir / "target")], env=env)
        assert "Completed successfully" in result.stdout, (attempt, result.stdout[-4000:])
    export = run_dir / "export"
    relations = [*KEY_RELATIONS, *NUMERIC_RELATIONS, ERASURE_RELATION]
    run([sys.executable, "-m", "tools.spark_export", "--out", str(export), *relations], env=env)
    return export


@pytest.mark.parametrize("relation", KEY_RELATIONS)
def test_spark_and_duckdb_agree_row_for_row(spark_build, warehouse, relation):
    skip = KEY_RELATIONS[relation]
    with duckdb.connect(str(warehouse.path), read_only=True) as con:
        columns = [
            c
            for (c,) in con.execute(
                "select column_name from information_schema.columns "
                "where table_schema || '.' || table_name = ? order by ordinal_position",
                [relation],
            ).fetchall()
            if c not in skip
        ]
        assert columns, relation
        listed = ", ".join(f'cast("{c}" as varchar) as "{c}"' for c in columns)
        ours = f"select {listed} from {relation}"
        theirs = (
            f"select {', '.join(chr(34) + c + chr(34) for c in columns)} "
            f"from read_parquet('{spark_build / relation}/*.parquet')"
        )
        total = con.execute(f"select count(*) from ({ours})").fetchone()[0]
        only_duckdb = con.execute(f"select count(*) from ({ours} except all {theirs})").fetchone()
        only_spark = con.execute(f"select count(*) from ({theirs} except all {ours})").fetchone()
    assert total > 0
    assert (only_duckdb[0], only_spark[0]) == (0, 0), relation


@pytest.mark.parametrize("relation", NUMERIC_RELATIONS)
def test_spark_and_duckdb_marts_agree_within_rounding(spark_build, warehouse, relation):
    keys = NUMERIC_RELATIONS[relation]
    with duckdb.connect(str(warehouse.path), read_only=True) as con:
        columns = con.execute(
            "select column_name, data_type from information_schema.columns "
            "where table_schema || '.' || table_name = ? order by ordinal_position",
            [relation],
        ).fetchall()
        assert columns, relation
        key = " || '|' || ".join(f"coalesce(cast(\"{k}\" as varchar), '')" for k in keys)
        differs = []
        for column, data_type in columns:
            ours, theirs = f'ours."{column}"', f'theirs."{column}"'
            if data_type.startswith(NUMERIC_TYPES):
                tolerance = 0.011 if data_type.startswith("DECIMAL") else 1e-9
                differs.append(
                    f"coalesce(abs(cast({ours} as double) - cast({theirs} as double)) "
                    f"> {tolerance} * greatest(1, abs(cast({ours} as double))), "
                    f"({ours} is null) != ({theirs} is null))"
                )
            else:
                differs.append(
                    f"cast({ours} as varchar) is distinct from cast({theirs} as varchar)"
                )
        counts = con.execute(
            f"""
            with ours as (select {key} as row_key, * from {relation}),
            theirs as (
                select {key} as row_key, *
                from read_parquet('{spark_build / relation}/*.parquet')
            )
            select
                (select count(*) from ours),
                (select count(*) from theirs),
                count(*) filter (where ours.row_key is null or theirs.row_key is null),
                count(*) filter (where {" or ".join(differs)})
            from ours full outer join theirs on ours.row_key = theirs.row_key
            """
        ).fetchone()
    assert counts[0] > 0 and counts[0] == counts[1], (relation, counts)
    assert counts[2:] == (0, 0), (relation, counts)


def test_spark_and_duckdb_erase_the_same_records_and_identifiers(spark_build, warehouse):
    """Person ids are left out: they come from the previous build's person
    map, which Spark's second build has and the DuckDB build does not."""
    listed = "suppression_id, suppressed_kind, suppressed_hash"
    ours = f"select {listed} from {ERASURE_RELATION} where suppressed_kind != 'person'"
    theirs = (
        f"select {listed} from read_parquet('{spark_build / ERASURE_RELATION}/*.parquet') "
        "where suppressed_kind != 'person'"
    )
    with duckdb.connect(str(warehouse.path), read_only=True) as con:
        kinds = dict(
            con.execute(f"select suppressed_kind, count(*) from ({ours}) group by 1").fetchall()
        )
        only_duckdb = con.execute(f"select count(*) from ({ours} except all {theirs})").fetchone()[
            0
        ]
        only_spark = con.execute(f"select count(*) from ({theirs} except all {ours})").fetchone()[0]
    assert set(kinds) == {"record", "identifier", "partner_hash"}, kinds
    assert (only_duckdb, only_spark) == (0, 0)


def test_spark_run_leaves_no_state_in_the_project(spark_build):
    """Warehouse and metastore live under the per-run folder, never in the repo."""
    leftovers = [
        name for name in ("metastore_db", "spark-warehouse", "derby.log") if (ROOT / name).exists()
    ]
    assert leftovers == []
