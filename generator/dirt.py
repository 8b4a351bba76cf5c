"""Defects planted on purpose, each kind at a known count.

Which rows are damaged is decided by a random stream fixed by the seed and
the chunk, so the same seed damages the same rows. A row is damaged at most once, and damaged
rows are never the ones duplicated, so each planted row has exactly one
reason to be quarantined.
"""

from __future__ import annotations

import copy
import random
from collections.abc import Callable
from dataclasses import dataclass

Row = dict[str, object]
Rows = dict[str, list[Row]]


@dataclass(frozen=True)
class Defect:
    kind: str  # the quarantine reason or flag the project must report
    table: str
    column: str
    base_count: int  # per 3,000 people
    damage: Callable[[str, int], str]


def _bad_amount(_: str, n: int) -> str:
    return ("¥1,2O8.00", "N/A", "12..50", "待确认", "1 299", "--")[n % 6]


def _bad_local_time(_: str, n: int) -> str:
    return ("2025/13/41 25:61:00", "待补录", "N/A", "0000/00/00 00:00:00")[n % 4]


def _future_iso(value: str, _: int) -> str:
    return "2099" + value[4:]


def _future_plain(value: str, _: int) -> str:
    return "2099" + value[4:]


def _future_epoch(value: str, _: int) -> str:
    return str(int(value) + 2_366_841_600_000)  # seventy-five years later


DEFECTS: tuple[Defect, ...] = (
    Defect("unparseable_amount", "shop__orders", "gross_amount", 6, _bad_amount),
    Defect("unparseable_amount", "pos__transactions", "total_amount", 4, _bad_amount),
    Defect("unparseable_amount", "shop__refunds", "refund_amount", 2, _bad_amount),
    Defect("unparseable_amount", "spend__daily_spend", "spend_amount", 2, _bad_amount),
    Defect("unparseable_timestamp", "pos__transactions", "transacted_at", 4, _bad_local_time),
    Defect(
        "unparseable_timestamp",
        "social__video_interactions",
        "interacted_at",
        3,
        lambda v, n: ("N/A", "", "yesterday")[n % 3],
    ),
    Defect("future_timestamp", "shop__orders", "ordered_at", 3, _future_iso),
    Defect("future_timestamp", "app__events", "occurred_at_ms", 5, _future_epoch),
    Defect("future_timestamp", "content__reads", "read_at", 2, _future_plain),
    Defect("negative_quantity", "pos__transaction_items", "quantity", 5, lambda v, n: f"-{v}"),
    Defect("negative_quantity", "shop__order_items", "quantity", 4, lambda v, n: f"-{v}"),
    Defect("unknown_product", "shop__order_items", "sku", 6, lambda v, n: f"SKU9{n:03d}"),
    Defect("unknown_product", "pos__transaction_items", "sku", 4, lambda v, n: f"SKU8{n:03d}"),
    Defect(
        "unparseable_quantity",
        "shop__order_items",
        "quantity",
        2,
        lambda v, n: ("two", "1.5")[n % 2],
    ),
    Defect(
        "out_of_range",
        "content__reads",
        "completion_rate",
        4,
        lambda v, n: ("1.700", "-0.200", "3.000", "1.050")[n % 4],
    ),
    Defect(
        "out_of_range",
        "service__tickets",
        "satisfaction_score",
        3,
        lambda v, n: ("6", "0", "9")[n % 3],
    ),
    Defect("unknown_store", "pos__transactions", "store_id", 3, lambda v, n: "S999"),
    Defect("missing_key", "marketing__message_sends", "send_id", 3, lambda v, n: ""),
    Defect("missing_key", "app__events", "event_id", 4, lambda v, n: ""),
)

# Exact duplicate rows: the same export line written twice.
DUPLICATES: dict[str, int] = {
    "shop__orders": 12,
    "pos__transactions": 8,
    "app__events": 30,
    "content__reads": 15,
    "marketing__message_sends": 10,
    "crm__members": 3,
}


def scaled(base: int, people: int) -> int:
    return max(1, round(base * people / 3000))


def _sample(
    rows: list[Row], key: str, column: str | None, salt: str, seed: int, taken: set[int], want: int
) -> list[Row]:
    """`want` rows picked by a random stream fixed by the seed, chunk and
    defect: the same rows every time the same data are generated. Rows
    already damaged or copied, and rows without a key (or without a value
    in the column to damage), are never picked."""
    rng = random.Random(f"{seed}:{salt}")
    eligible = [
        r
        for r in rows
        if id(r) not in taken and r.get(key) and (column is None or r.get(column) not in (None, ""))
    ]
    return rng.sample(eligible, min(want, len(eligible)))


def plant(rows: Rows, keys: dict[str, str], seed: int, chunk: int, people: int) -> None:
    """Damage rows in place and append duplicates. Each damaged row is marked
    with a hidden `_defect` and each copy with `_duplicate`, so the truth can
    count what was written after the cut-off."""
    taken: set[int] = set()
    for defect in DEFECTS:
        table = rows.get(defect.table, [])
        want = scaled(defect.base_count, people)
        victims = _sample(
            table,
            keys[defect.table],
            defect.column,
            f"{chunk}:{defect.kind}:{defect.column}",
            seed,
            taken,
            want,
        )
        for n, row in enumerate(victims):
            row[defect.column] = defect.damage(str(row[defect.column]), n)
            row["_defect"] = defect.kind
            taken.add(id(row))
    for table_name, base in DUPLICATES.items():
        table = rows.get(table_name, [])
        copies = _sample(
            table, keys[table_name], None, f"{chunk}:duplicate", seed, taken, scaled(base, people)
        )
        for row in copies:
            twin = copy.copy(row)
            twin["_duplicate"] = True
            taken.add(id(row))
            taken.add(id(twin))
            table.append(twin)
