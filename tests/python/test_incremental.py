"""Incremental runs give exactly the tables a full refresh gives: three
daily loads of a small data set, then --full-refresh on the same warehouse
(identity state kept, as in production), compared relation by relation.
The daily loads take the incremental paths: event staging by day, the graph
components by changed node, the attribution chain by changed person."""

from __future__ import annotations

import sys

from conftest import Warehouse, data_test_on_faulty_copy, dbt, run
from test_build import fingerprint

DAYS = ("2025-12-29", "2025-12-30", "2025-12-31")
COMPONENTS_SQL = (
    "compiled/precision_marketing/models/intermediate/identity/int_identity_graph_components.sql"
)
ATTRIBUTION_SQL = "compiled/precision_marketing/models/intermediate/attribution/{}.sql"
PERSON_INCREMENTAL = (
    "int_journey_touches_matched",
    "int_journey_steps_collapsed",
    "int_conversion_roles_assigned",
    "int_attribution_weights_computed",
)


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
    # The last daily build took the graph components' incremental path (the
    # comparison below shows it gives the full refresh's rows).
    assert "changed_nodes" in (warehouse.target_path / COMPONENTS_SQL).read_text()
    # ... and the attribution chain's person-incremental path: only the
    # persons without a row of their current signature were rebuilt.
    for model in PERSON_INCREMENTAL:
        compiled = (warehouse.target_path / ATTRIBUTION_SQL.format(model)).read_text()
        assert "persons_to_rebuild" in compiled, model
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


def test_stale_graph_components_fail_their_data_test(warehouse, demo_data, scratch):
    """What an incremental update of the components could leave wrong (a
    node kept after losing its last edge, a node never labelled, a component
    named by a node other than its smallest) fails a data test of the build."""
    table = "intermediate.int_identity_graph_components"

    def plant(con):
        largest, smallest = con.execute(
            f"select max(node_id), min(node_id) from {table} "
            f"group by component_id having count(*) > 2 order by 2 limit 1"
        ).fetchone()
        con.execute(
            f"update {table} set component_id = ? where component_id = ?", [largest, smallest]
        )
        con.execute(
            f"delete from {table} where node_id = (select max(node_id) from {table} "
            f"where component_id != ? and node_id != component_id)",
            [largest],
        )
        con.execute(f"insert into {table} values ('stale-node', 'stale-node', 0)")

    result = data_test_on_faulty_copy(
        warehouse, scratch, demo_data, "identity_components_match_graph", plant
    )
    assert result.returncode != 0
    assert "Got 3 results" in result.stdout, result.stdout[-3000:]


def test_rows_left_behind_by_a_person_incremental_run_fail_a_data_test(
    warehouse, demo_data, scratch
):
    """A row of the attribution chain that an incremental run should have
    rebuilt (its person's signature has changed since) fails the build's
    data test, which names the model and counts the persons."""
    table = "intermediate.int_journey_steps_collapsed"

    def plant(con):
        con.execute(
            f"update {table} set journey_signature = journey_signature + 1 "
            f"where person_id in (select person_id from {table} order by 1 limit 2)"
        )

    result = data_test_on_faulty_copy(
        warehouse, scratch, demo_data, "test_name:carries_current_signatures", plant
    )
    assert result.returncode != 0
    failures = [line for line in result.stdout.splitlines() if "Failure in test" in line]
    assert len(failures) == 1 and "int_journey_steps_collapsed" in failures[0], result.stdout
    assert "Got 2 results" in result.stdout, result.stdout[-3000:]


def test_set_signature_tells_apart_what_a_person_incremental_run_must_see(warehouse, tmp_path):
    """set_signature, compiled and run: the same rows in another order sign
    alike; two touches that swap channels, a changed constant (the settings,
    signed with an even number of rows), a lost row and a changed value each
    change the signature (DuckDB's hash of several values is linear in each
    one, so a plain bit_xor of it would miss the first two)."""
    sets = {
        "base": [("T1", "A", "s1"), ("T2", "B", "s1")],
        "reordered": [("T2", "B", "s1"), ("T1", "A", "s1")],
        "swapped": [("T1", "B", "s1"), ("T2", "A", "s1")],
        "settings": [("T1", "A", "s2"), ("T2", "B", "s2")],
        "lost": [("T1", "A", "s1")],
        "changed": [("T1", "A", "s1"), ("T2", "C", "s1")],
    }
    values = ", ".join(
        f"('{name}', '{touch}', '{channel}', '{settings}')"
        for name, rows in sets.items()
        for touch, channel, settings in rows
    )
    inline = (
        "select name, {{ set_signature(['touch', 'channel', 'settings']) }} as signature "
        f"from (values {values}) as t (name, touch, channel, settings) group by 1"
    )
    compiled = dbt(
        "compile", "--quiet", "--inline", inline, database=warehouse.path, target_path=tmp_path
    ).stdout.strip()
    signatures = dict(warehouse.query(compiled))
    assert signatures["reordered"] == signatures["base"]
    others = [signatures[name] for name in ("base", "swapped", "settings", "lost", "changed")]
    assert len(set(others)) == len(others), signatures
