"""Load raw export files into Spark tables, as a lakehouse ingestion would.

    python -m tools.spark_load_raw --data data/demo [--format csv|parquet] [--schema raw]

Reads the raw table list and columns from the sources YAML (the contract the
exports follow), checks every file is there before touching Spark, and writes
one Parquet table per raw table into the schema, every column as text (typing
is staging's job). Then `dbt build --target spark` reads them as sources.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

from tools.spark import ROOT, session


def raw_tables() -> dict[str, list[str]]:
    """identifier -> documented columns, for every raw export source."""
    tables: dict[str, list[str]] = {}
    for path in sorted((ROOT / "models" / "staging").glob("*/_*__sources.yml")):
        for source in yaml.safe_load(path.read_text())["sources"]:
            if source.get("config", {}).get("meta", {}).get("raw_export"):
                for table in source["tables"]:
                    tables[table["identifier"]] = [c["name"] for c in table["columns"]]
    return tables


def file_path(data: Path, identifier: str, fmt: str) -> Path:
    return data / f"{identifier}.csv" if fmt == "csv" else data / identifier


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tools.spark_load_raw", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--data", type=Path, default=ROOT / "data" / "demo")
    parser.add_argument("--format", choices=("csv", "parquet"), default="csv")
    parser.add_argument("--schema", default="raw")
    args = parser.parse_args(argv)

    tables = raw_tables()
    data = args.data.resolve()
    missing = [
        str(file_path(data, t, args.format))
        for t in tables
        if not file_path(data, t, args.format).exists()
    ]
    if missing:
        print(
            "Raw files are missing:\n  - "
            + "\n  - ".join(missing)
            + "\nGenerate the demo data with `make data` or pass --data.",
            file=sys.stderr,
        )
        return 2

    from pyspark.sql import functions as F
    from pyspark.sql.types import StringType, StructField, StructType

    spark = session("load-raw")
    spark.sql(f"create database if not exists {args.schema}")
    for identifier, columns in tables.items():
        path = str(file_path(data, identifier, args.format))
        if args.format == "csv":
            schema = StructType([StructField(c, StringType()) for c in columns])
            frame = (
                spark.read.schema(schema)
                .options(header="true", escape='"', multiLine="true", mode="PERMISSIVE")
                .csv(path)
            )
        else:
            frame = spark.read.parquet(path)
            frame = frame.select([F.col(c).cast("string").alias(c) for c in columns])
        table = f"{args.schema}.{identifier}"
        frame.write.mode("overwrite").format("parquet").saveAsTable(table)
        print(f"{table}: {spark.table(table).count()} rows")
    spark.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
