"""Counting what was written: every planted defect and every flag the staging
layer must raise, over the rows that made it past the cut-off."""

from __future__ import annotations

import re
from collections import Counter

from generator.people import FAMILY_TABLET
from generator.world import (
    CHANNEL_SPELLINGS,
    DEFAULT_PHONE_STORE,
    PLACEHOLDER_DEVICE,
    PLACEHOLDER_OPENID,
    PLACEHOLDER_PHONE,
    World,
)

Row = dict[str, object]

PHONE_STYLES = (
    ("plain", re.compile(r"^1\d{10}$")),
    ("plus86", re.compile(r"^\+861\d{10}$")),
    ("0086", re.compile(r"^00861\d{10}$")),
    ("spaces", re.compile(r"^1\d{2} \d{4} \d{4}$")),
    ("dashes", re.compile(r"^1\d{2}-\d{4}-\d{4}$")),
    ("plus86_spaces", re.compile(r"^\+86 1\d{2} \d{4} \d{4}$")),
)

# (table, column, column that must say "phone" when the column is shared)
PHONE_COLUMNS = (
    ("shop__accounts", "phone", None),
    ("shop__orders", "receiver_phone", None),
    ("pos__transactions", "customer_phone", None),
    ("crm__members", "phone", None),
    ("service__tickets", "contact_phone", None),
    ("marketing__message_sends", "recipient", "recipient_type"),
    ("crm__erasure_requests", "identifier_value", "identifier_type"),
)
EMAIL_COLUMNS = (
    ("shop__accounts", "email", None),
    ("marketing__message_sends", "recipient", "recipient_type"),
)


def _clean(rows: list[Row]) -> list[Row]:
    return [r for r in rows if not r.get("_defect")]


def erased_rows(rows: dict[str, list[Row]], erased: set[str]) -> Counter:
    """Usable rows written by persons who asked to be erased, per table: the
    staging layer must drop them (raw = staged + quarantined + erased)."""
    truth: Counter = Counter()
    for table, table_rows in rows.items():
        for row in _clean(table_rows):
            if row.get("_owner") in erased:
                _add(truth, f"erased_rows:{table}")
    return truth


def count(world: World, rows: dict[str, list[Row]]) -> Counter:
    """Counts of every planted defect and flag in these rows."""
    truth: Counter = Counter()
    for table, table_rows in rows.items():
        for row in table_rows:
            if row.get("_defect"):
                _add(truth, f"quarantine:{row['_defect']}:{table}")
            if row.get("_duplicate"):
                _add(truth, f"duplicate:{table}")
        _add(truth, f"raw_rows:{table}", len(table_rows))

    test_accounts = {a["account_id"] for a in world.test_accounts}
    employee_phones = {e["phone"].removeprefix("+86") for e in world.employees}
    employee_cards = {e["member_card_no"] for e in world.employees}
    digits = lambda v: re.sub(r"\D", "", str(v or ""))[-11:]  # noqa: E731

    orders = _clean(rows.get("shop__orders", []))
    _add(truth, "flag:is_test:shop__orders", sum(r["account_id"] in test_accounts for r in orders))
    _add(
        truth,
        "flag:is_test:shop__accounts",
        sum(r["account_id"] in test_accounts for r in _clean(rows.get("shop__accounts", []))),
    )
    _add(
        truth,
        "flag:is_employee:shop__orders",
        sum(digits(r["receiver_phone"]) in employee_phones for r in orders),
    )
    pos = _clean(rows.get("pos__transactions", []))
    _add(
        truth,
        "flag:is_employee:pos__transactions",
        sum(
            r["member_card_no"] in employee_cards or digits(r["customer_phone"]) in employee_phones
            for r in pos
        ),
    )
    store_phone = next(s.phone for s in world.stores if s.store_id == DEFAULT_PHONE_STORE)
    _add(
        truth,
        "store_default_phone:pos__transactions",
        sum(r["customer_phone"] == store_phone for r in pos),
    )
    _add(
        truth,
        "placeholder:phone:pos__transactions",
        sum(r["customer_phone"] == PLACEHOLDER_PHONE for r in pos),
    )

    events = _clean(rows.get("app__events", []))
    clicks = _clean(rows.get("marketing__ad_clicks", []))
    _add(
        truth,
        "placeholder:device:app__events",
        sum(r["device_id"] == PLACEHOLDER_DEVICE for r in events),
    )
    _add(
        truth,
        "placeholder:device:marketing__ad_clicks",
        sum(r["device_id"] == PLACEHOLDER_DEVICE for r in clicks),
    )
    _add(
        truth,
        "placeholder:openid:app__events",
        sum(r["openid"] == PLACEHOLDER_OPENID for r in events),
    )
    _add(truth, "family_tablet:app__events", sum(r["device_id"] == FAMILY_TABLET for r in events))
    unknown = set(CHANNEL_SPELLINGS["unknown"])
    _add(truth, "unknown_channel:app__events", sum(r["utm_source"] in unknown for r in events))
    _add(
        truth,
        "invalid_birth_date:crm__members",
        sum(str(r["birth_date"]).endswith("-02-30") for r in _clean(rows.get("crm__members", []))),
    )
    _add(truth, "erasure_requests", len(rows.get("crm__erasure_requests", [])))

    for table, column, type_column in PHONE_COLUMNS:
        for row in _clean(rows.get(table, [])):
            if type_column and row[type_column] != "phone":
                continue
            value = str(row[column] or "")
            for style, pattern in PHONE_STYLES:
                if pattern.match(value) and value.removeprefix("+86").strip() != PLACEHOLDER_PHONE:
                    _add(truth, f"phone_format:{style}")
    for table, column, type_column in EMAIL_COLUMNS:
        for row in _clean(rows.get(table, [])):
            if type_column and row[type_column] != "email":
                continue
            value = str(row[column] or "")
            if value and (value != value.strip() or value != value.lower()):
                _add(truth, "email_messy")
    return truth


def _add(counter: Counter, name: str, n: int = 1) -> None:
    if n:
        counter[name] += n
