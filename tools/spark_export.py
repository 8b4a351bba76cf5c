"""Export Spark relations as text-only Parquet, for row-by-row comparison
with the DuckDB build (tests/python/test_spark.py).

    python -m tools.spark_export --out DIR schema.table [schema.table ...]

Every column is cast to text in Spark, so both engines are compared on the
same rendering of timestamps, decimals and booleans.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from tools.spark import session


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.spark_export")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("relations", nargs="+")
    args = parser.parse_args(argv)

    from pyspark.sql import functions as F

    spark = session("export")
    for relation in args.relations:
        frame = spark.table(relation)
        frame = frame.select([F.col(c).cast("string").alias(c) for c in frame.columns])
        frame.coalesce(1).write.mode("overwrite").parquet(str(args.out / relation))
    spark.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
