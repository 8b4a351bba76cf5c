"""Staging on the demo data: every planted defect is quarantined or flagged at
exactly the count the generator planted, and nothing is lost on the way."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import pytest
from conftest import Warehouse

from generator.schema import RAW_TABLES

STAGED = {t.file_stem: f"staging.stg_{t.file_stem}" for t in RAW_TABLES}


def quarantined_counts(warehouse: Warehouse) -> Counter:
    rows = warehouse.query(
        "select source_table, quarantine_reason, count(*) from staging.stg_quarantine__rows "
        "group by all"
    )
    return Counter(
        {f"quarantine:{reason}:{table.replace('.', '__')}": n for table, reason, n in rows}
    )


def test_every_planted_defect_is_quarantined_with_its_reason(warehouse, truth):
    planted = Counter({k: v for k, v in truth.items() if k.startswith("quarantine:")})
    found = quarantined_counts(warehouse)
    assert found == planted
    reasons = {key.split(":")[1] for key in found}
    assert len(reasons) >= 8, reasons


@pytest.mark.parametrize("table", RAW_TABLES, ids=lambda t: t.file_stem)
def test_raw_rows_are_staged_or_quarantined(warehouse, truth, table):
    raw = truth.get(f"raw_rows:{table.file_stem}", 0)
    staged = warehouse.scalar(f"select count(*) from {STAGED[table.file_stem]}")
    quarantined = quarantined_counts(warehouse)
    lost = sum(n for key, n in quarantined.items() if key.endswith(f":{table.file_stem}"))
    # Rows neither staged nor quarantined may only be rows of persons who
    # asked to be erased (the truth counts them; a row the project cannot
    # link to the request, such as a mini-program event with nothing but an
    # unlinked openid, stays staged, so the drop can be below that count).
    dropped = raw - staged - lost
    assert 0 <= dropped <= truth.get(f"erased_rows:{table.file_stem}", 0), (raw, staged, lost)


@pytest.mark.parametrize(
    "stem",
    [
        "shop__orders",
        "pos__transactions",
        "app__events",
        "content__reads",
        "marketing__message_sends",
        "crm__members",
    ],
)
def test_exact_duplicates_are_flagged(warehouse, truth, stem):
    flagged = warehouse.scalar(f"select count(*) from {STAGED[stem]} where is_duplicate")
    assert flagged == truth[f"duplicate:{stem}"] > 0


def test_test_and_employee_purchases_are_flagged(warehouse, truth):
    orders = warehouse.query(
        "select count(*) filter (where is_test), count(*) filter (where is_employee) "
        "from staging.stg_shop__orders"
    )[0]
    assert orders == (truth["flag:is_test:shop__orders"], truth["flag:is_employee:shop__orders"])
    assert (
        warehouse.scalar("select count(*) from staging.stg_shop__accounts where is_test")
        == truth["flag:is_test:shop__accounts"]
    )
    assert (
        warehouse.scalar("select count(*) from staging.stg_pos__transactions where is_employee")
        == truth["flag:is_employee:pos__transactions"]
        > 0
    )


def test_impossible_birth_dates_are_flagged_not_dropped(warehouse, truth):
    flagged = warehouse.scalar(
        "select count(*) from staging.stg_crm__members "
        "where has_invalid_birth_date and birth_date is null"
    )
    assert flagged == truth["invalid_birth_date:crm__members"] > 0


def test_placeholders_and_shared_identifiers_survive_staging(warehouse, truth):
    """Staging normalises them like any other value; the identity layer's
    blocklist and degree guard deal with them."""
    assert (
        warehouse.scalar(
            "select count(*) from staging.stg_pos__transactions "
            "where customer_phone = '+8613800000000'"
        )
        == truth["placeholder:phone:pos__transactions"]
        > 0
    )
    assert (
        warehouse.scalar(
            "select count(*) from staging.stg_app__events "
            "where device_id = '00000000-0000-0000-0000-000000000000'"
        )
        == truth["placeholder:device:app__events"]
        > 0
    )
    assert (
        warehouse.scalar("select count(*) from staging.stg_app__events where openid = 'unknown'")
        == truth["placeholder:openid:app__events"]
        > 0
    )
    store_phone = warehouse.scalar(
        "select store_phone from staging.stg_pos__stores where store_id = 'S007'"
    )
    assert (
        warehouse.scalar(
            "select count(*) from staging.stg_pos__transactions "
            f"where customer_phone = '{store_phone}'"
        )
        == truth["store_default_phone:pos__transactions"]
        > 0
    )
    assert (
        warehouse.scalar(
            "select count(*) from staging.stg_app__events "
            "where device_id = 'a11e7ab1-e7ab-1e7a-b1e7-ab1e7ab1e7ab'"
        )
        == truth["family_tablet:app__events"]
        > 0
    )


def test_unmapped_channel_spellings_become_unknown(warehouse, truth):
    assert (
        warehouse.scalar(
            "select count(*) from staging.stg_app__events where session_channel_id = 'unknown'"
        )
        == truth["unknown_channel:app__events"]
        > 0
    )


def _owners(demo_data: Path) -> dict[tuple[str, str], str]:
    with (demo_data / "_truth" / "record_owners.csv").open(encoding="utf-8") as handle:
        return {
            (r["source_table"], r["record_key"]): r["person_key"] for r in csv.DictReader(handle)
        }


def _persons(demo_data: Path) -> dict[str, dict[str, str]]:
    with (demo_data / "_truth" / "persons.csv").open(encoding="utf-8") as handle:
        return {r["person_key"]: r for r in csv.DictReader(handle)}


def test_every_phone_spelling_normalises_to_the_owners_number(warehouse, demo_data, truth):
    """All six spellings planted (+86, 0086, spaces, dashes...) give the E.164
    number the generator knows the person by."""
    assert len([k for k in truth if k.startswith("phone_format:")]) == 6
    owners, persons = _owners(demo_data), _persons(demo_data)
    checked = 0
    for stem, key, column in (
        ("crm__members", "member_id", "phone"),
        ("shop__orders", "order_id", "receiver_phone"),
        ("service__tickets", "ticket_id", "contact_phone"),
    ):
        rows = warehouse.query(
            f"select {key}, {column} from {STAGED[stem]} "
            f"where {column} is not null and not is_duplicate"
        )
        for record_key, phone in rows:
            person = persons.get(owners.get((stem, record_key), ""))
            if person is None:
                continue  # QA accounts have no owner
            numbers = {"+86" + person["phone"]}
            assert phone in numbers or person["has_changed_phone"] == "True", (stem, record_key)
            checked += 1
    assert checked > 5000


def test_emails_are_trimmed_and_lower_cased(warehouse, demo_data, truth):
    owners, persons = _owners(demo_data), _persons(demo_data)
    rows = warehouse.query(
        "select account_id, email from staging.stg_shop__accounts "
        "where email is not null and not is_test"
    )
    assert truth["email_messy"] > 0
    for account_id, email in rows:
        person = persons[owners[("shop__accounts", account_id)]]
        assert email == person["email"], account_id
