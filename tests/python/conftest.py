"""Shared fixtures: the demo data, and the project built into a temporary
DuckDB file exactly as `make build` builds it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
DEMO = ROOT / "data" / "demo"


def run(
    args: list[str], env: dict[str, str] | None = None, check: bool = True
) -> subprocess.CompletedProcess[str]:
    """Run a command in the project directory and return its output."""
    result = subprocess.run(
        args, cwd=ROOT, env={**os.environ, **(env or {})}, capture_output=True, text=True
    )
    if check and result.returncode != 0:
        raise AssertionError(
            f"{' '.join(args)} exited {result.returncode}\n{result.stdout[-8000:]}\n"
            f"{result.stderr[-4000:]}"
        )
    return result


def dbt(
    *args: str,
    database: Path,
    target_path: Path,
    check: bool = True,
    vars_: dict[str, object] | None = None,
) -> subprocess.CompletedProcess[str]:
    command = [str(BIN / "dbt"), *args, "--target-path", str(target_path)]
    if vars_:
        command += ["--vars", json.dumps(vars_)]
    return run(
        command, env={"MARKETING_DUCKDB_PATH": str(database), "DBT_TARGET": "dev"}, check=check
    )


@dataclass
class Warehouse:
    """A built DuckDB file and the dbt artifacts that built it."""

    path: Path
    target_path: Path

    def query(self, sql: str) -> list[tuple]:
        with duckdb.connect(str(self.path), read_only=True) as connection:
            return connection.execute(sql).fetchall()

    def scalar(self, sql: str) -> object:
        return self.query(sql)[0][0]

    def frame(self, sql: str):
        with duckdb.connect(str(self.path), read_only=True) as connection:
            return connection.execute(sql).df()


def data_test_on_faulty_copy(
    warehouse: Warehouse,
    scratch: Path,
    demo_data: Path,
    test_name: str,
    plant: Callable[[duckdb.DuckDBPyConnection], None],
) -> subprocess.CompletedProcess[str]:
    """Copy a built warehouse, plant faults in the copy with `plant`, and run
    one data test on it: what the test reports on a warehouse known to be
    wrong."""
    copy = Warehouse(scratch / "warehouse.duckdb", scratch / "target")
    shutil.copyfile(warehouse.path, copy.path)
    with duckdb.connect(str(copy.path)) as connection:
        plant(connection)
    return dbt(
        "test",
        "--select",
        test_name,
        database=copy.path,
        target_path=copy.target_path,
        check=False,
        vars_={"raw_data_path": str(demo_data)},
    )


def ensure_demo_data() -> Path:
    if not (DEMO / "_truth" / "manifest.json").exists():
        run([sys.executable, "-m", "generator", "--out", str(DEMO)])
    return DEMO


def build(directory: Path, data: Path, extra_vars: dict[str, object] | None = None) -> Warehouse:
    directory.mkdir(parents=True, exist_ok=True)
    warehouse = Warehouse(directory / "warehouse.duckdb", directory / "target")
    dbt(
        "build",
        database=warehouse.path,
        target_path=warehouse.target_path,
        vars_={"raw_data_path": str(data), **(extra_vars or {})},
    )
    return warehouse


@pytest.fixture(scope="session")
def demo_data() -> Path:
    return ensure_demo_data()


@pytest.fixture(scope="session")
def truth(demo_data: Path) -> dict[str, int]:
    return json.loads((demo_data / "_truth" / "manifest.json").read_text())["defects"]


@pytest.fixture(scope="session")
def warehouse(tmp_path_factory: pytest.TempPathFactory, demo_data: Path) -> Warehouse:
    """The project built once on the demo data; most tests read this."""
    return build(tmp_path_factory.mktemp("build"), demo_data)


@pytest.fixture(scope="session")
def second_warehouse(tmp_path_factory: pytest.TempPathFactory, demo_data: Path) -> Warehouse:
    """An independent second build of the same data (determinism)."""
    return build(tmp_path_factory.mktemp("build_again"), demo_data)


@pytest.fixture
def scratch(tmp_path: Path) -> Iterator[Path]:
    yield tmp_path
    shutil.rmtree(tmp_path, ignore_errors=True)
