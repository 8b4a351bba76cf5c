"""Person ids over time, in one warehouse: a first build, a build after one
more day of records, a full refresh, and a build after erasure requests."""

from __future__ import annotations

import csv
import shutil
import sys
from pathlib import Path

import duckdb
import pytest
from conftest import Warehouse, dbt, run

ERASURE_FILE = "crm__erasure_requests.csv"


def without_erasure_requests(folder: Path) -> None:
    path = folder / ERASURE_FILE
    header = path.read_text(encoding="utf-8").splitlines()[0]
    path.write_text(header + "\n", encoding="utf-8")


def person_map(warehouse: Warehouse) -> dict[str, str]:
    return dict(
        warehouse.query("select record_key, person_id from intermediate.int_identity_person_map")
    )


@pytest.fixture(scope="module")
def lifecycle(tmp_path_factory, demo_data):
    root = tmp_path_factory.mktemp("lifecycle")
    early, full = root / "early", root / "full"
    run([sys.executable, "-m", "generator", "--out", str(early), "--cutoff", "2025-12-30"])
    shutil.copytree(demo_data, full, ignore=shutil.ignore_patterns("_truth"))
    full_no_erasure = root / "full_no_erasure"
    shutil.copytree(full, full_no_erasure)
    without_erasure_requests(early)
    without_erasure_requests(full_no_erasure)
    warehouse = Warehouse(root / "warehouse.duckdb", root / "target")

    def build(data: Path, as_of: str, *flags: str) -> dict[str, str]:
        dbt(
            "build",
            *flags,
            database=warehouse.path,
            target_path=warehouse.target_path,
            vars_={"raw_data_path": str(data), "as_of_date": as_of},
        )
        return person_map(warehouse)

    maps = {
        "first": build(early, "2025-12-30"),
        "next_day": build(full_no_erasure, "2025-12-31"),
        "full_refresh": build(full_no_erasure, "2025-12-31", "--full-refresh"),
    }
    merge_log = warehouse.query(
        "select change_type, person_id, other_person_id from intermediate.int_identity_merge_log"
    )
    maps["erased"] = build(full, "2025-12-31")
    return warehouse, maps, merge_log


def test_person_ids_survive_a_new_day_of_records(lifecycle):
    _, maps, merge_log = lifecycle
    first, later = maps["first"], maps["next_day"]
    assert len(later) > len(first)
    changed = {k for k in first if k in later and first[k] != later[k]}
    explained = {other for kind, _, other in merge_log if kind == "merge"} | {
        person for kind, person, _ in merge_log if kind == "split"
    }
    assert all(first[k] in explained for k in changed), "an id changed without a logged merge/split"
    assert len(changed) <= 0.005 * len(first)


def test_a_full_refresh_does_not_reshuffle_ids(lifecycle):
    _, maps, _ = lifecycle
    assert maps["full_refresh"] == maps["next_day"]


def test_erased_persons_leave_no_trace(lifecycle, demo_data):
    warehouse, maps, _ = lifecycle
    persons = [
        r
        for r in csv.DictReader((demo_data / "_truth" / "persons.csv").open())
        if r["is_erased"] == "True"
    ]
    assert len(persons) == 2
    owners = list(csv.DictReader((demo_data / "_truth" / "record_owners.csv").open()))
    erased_keys = {
        f"{o['source_table'].replace('__', '.')}:{o['record_key']}"
        for o in owners
        if o["person_key"] in {p["person_key"] for p in persons}
    }
    erased_ids = {maps["next_day"][k] for k in erased_keys if k in maps["next_day"]}
    assert len(erased_ids) >= 2
    assert not erased_ids & set(maps["erased"].values())

    texts = {"phone": [], "email": [], "person_id": sorted(erased_ids)}
    for p in persons:
        texts["phone"] += ["+86" + p["phone"], p["phone"]]
        texts["email"] += [p["email"]]
    names = [p["name"] for p in persons]
    with duckdb.connect(str(warehouse.path), read_only=True) as con:
        relations = con.execute(
            "select table_schema, table_name from information_schema.tables "
            "where table_schema in ('staging', 'intermediate', 'marts')"
        ).fetchall()
        found = []
        for schema, table in relations:
            columns = [
                c
                for (c,) in con.execute(
                    "select column_name from information_schema.columns "
                    "where table_schema = ? and table_name = ?",
                    [schema, table],
                ).fetchall()
            ]
            row_text = " || '|' || ".join(
                f"coalesce(cast(\"{c}\" as varchar), '')" for c in columns
            )
            for kind, values in texts.items():
                for value in values:
                    hits = con.execute(
                        f"select count(*) from {schema}.{table} where contains({row_text}, ?)",
                        [value],
                    ).fetchone()[0]
                    if hits:
                        found.append((schema, table, kind, value, hits))
            for column in columns:  # names: a whole value, not a substring of another name
                for name in names:
                    hits = con.execute(
                        f"select count(*) from {schema}.{table} "
                        f'where cast("{column}" as varchar) = ?',
                        [name],
                    ).fetchone()[0]
                    if hits and not _namesake(con, schema, table, column, name, demo_data):
                        found.append((schema, table, "name", name, hits))
        suppressed_people = con.execute(
            "select count(*) from staging.stg_privacy__erasure_suppression "
            "where suppressed_kind = 'person'"
        ).fetchone()[0]
    assert found == []
    assert suppressed_people == len(erased_ids)


def _namesake(con, schema, table, column, name, demo_data) -> bool:
    """A row with the erased name that belongs to someone else with that name."""
    others = [
        r
        for r in csv.DictReader((Path(demo_data) / "_truth" / "persons.csv").open())
        if r["name"] == name and r["is_erased"] != "True"
    ]
    return bool(others)
