"""Writing the raw exports (CSV or Parquet) and the truth beside them."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
from collections import Counter
from pathlib import Path

from generator.schema import RAW_TABLES, RawTable

Row = dict[str, object]
HIDDEN = ("_at", "_owner", "_defect", "_duplicate")


def _ordered(table: RawTable, rows: list[Row]) -> list[list[str]]:
    out = []
    columns = set(table.columns)
    for row in rows:
        unknown = set(row) - columns - set(HIDDEN)
        if unknown:
            raise ValueError(f"{table.file_stem}: unexpected columns {sorted(unknown)}")
        out.append(["" if row.get(c) is None else str(row[c]) for c in table.columns])
    return out


def sort_rows(rows: list[Row], key: str) -> list[Row]:
    low = dt.datetime.min
    return sorted(rows, key=lambda r: (r["_at"] or low, str(r.get(key) or "")))


class Writer:
    """Writes one file per table (CSV) or one part file per chunk (Parquet)."""

    def __init__(self, out: Path, fmt: str) -> None:
        self.out = out
        self.fmt = fmt
        out.mkdir(parents=True, exist_ok=True)
        self._started: set[str] = set()

    def write(self, table: RawTable, rows: list[Row], chunk: int) -> None:
        values = _ordered(table, rows)
        if self.fmt == "csv":
            path = self.out / f"{table.file_stem}.csv"
            first = table.file_stem not in self._started
            with path.open("w" if first else "a", newline="", encoding="utf-8") as handle:
                writer = csv.writer(handle, lineterminator="\n")
                if first:
                    writer.writerow(table.columns)
                writer.writerows(values)
        else:
            import pyarrow as pa
            import pyarrow.parquet as pq

            folder = self.out / table.file_stem
            folder.mkdir(exist_ok=True)
            columns = list(zip(*values, strict=True)) if values else [()] * len(table.columns)
            # Parquet keeps a missing value as null, where CSV can only leave it empty.
            arrow = pa.table(
                {
                    c: pa.array([x if x != "" else None for x in v], type=pa.string())
                    for c, v in zip(table.columns, columns, strict=True)
                }
            )
            pq.write_table(arrow, folder / f"part-{chunk:05d}.parquet", compression="zstd")
        self._started.add(table.file_stem)

    def finish(self) -> None:
        """Every table gets a file, even when no row was generated for it
        (workers write Parquet parts themselves, so look at the disk)."""
        for table in RAW_TABLES:
            written = (self.out / f"{table.file_stem}.csv").exists() or any(
                (self.out / table.file_stem).glob("part-*.parquet")
            )
            if not written:
                self.write(table, [], 0)


def write_owners(handle: object, table: RawTable, rows: list[Row]) -> None:
    """(table, record key, person) for every owned row, each key once."""
    writer = csv.writer(handle, lineterminator="\n")
    seen = set()
    for row in rows:
        key = row.get(table.key)
        if row["_owner"] and key and key not in seen:
            seen.add(key)
            writer.writerow((table.file_stem, key, row["_owner"]))


class Truth:
    """Who is behind each record and how many of each defect were written."""

    def __init__(self, out: Path, owners_in_parts: bool = False) -> None:
        self.dir = out / "_truth"
        self.dir.mkdir(parents=True, exist_ok=True)
        # Large Parquet runs: each worker writes _truth/record_owners/part-*.csv.
        self.owners = (
            None
            if owners_in_parts
            else (self.dir / "record_owners.csv").open("w", newline="", encoding="utf-8")
        )
        if self.owners is not None:
            self.owner_writer = csv.writer(self.owners, lineterminator="\n")
            self.owner_writer.writerow(("source_table", "record_key", "person_key"))
        self.persons = (self.dir / "persons.csv").open("w", newline="", encoding="utf-8")
        self.person_writer = csv.writer(self.persons, lineterminator="\n")
        self.person_writer.writerow(
            (
                "person_key",
                "persona",
                "is_buyer",
                "is_employee",
                "is_erased",
                "has_changed_phone",
                "phone",
                "email",
                "name",
                "account_id",
                "member_card_no",
            )
        )
        self.counts: Counter = Counter()

    def record_owners(self, table: RawTable, rows: list[Row]) -> None:
        write_owners(self.owners, table, rows)

    def close(self, params: dict[str, object], data_dir: Path) -> None:
        if self.owners is not None:
            self.owners.close()
        self.persons.close()
        files = sorted(p for p in data_dir.rglob("*") if p.is_file() and "_truth" not in p.parts)
        digest = hashlib.sha256()
        for path in files:
            digest.update(path.relative_to(data_dir).as_posix().encode())
            digest.update(path.read_bytes())
        manifest = {
            "parameters": params,
            "data_sha256": digest.hexdigest(),
            "defects": dict(sorted(self.counts.items())),
        }
        (self.dir / "manifest.json").write_text(
            json.dumps(manifest, indent=2, ensure_ascii=False, sort_keys=True) + "\n",
            encoding="utf-8",
        )
