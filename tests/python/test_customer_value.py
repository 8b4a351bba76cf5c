"""Customer value against independent computations: the BTYD summary
against lifetimes, RFM values and scores against pandas."""

from __future__ import annotations

import numpy as np
import pandas as pd
from lifetimes.utils import summary_data_from_transaction_data

AS_OF = "2025-12-31"


def orders(warehouse) -> pd.DataFrame:
    frame = warehouse.frame(
        "select person_id, order_id, order_date, cast(net_amount as double) as net_amount "
        "from marts.fct_orders where person_id is not null"
    )
    frame["order_date"] = pd.to_datetime(frame["order_date"])
    return frame


def test_btyd_columns_equal_lifetimes(warehouse):
    expected = summary_data_from_transaction_data(
        orders(warehouse),
        "person_id",
        "order_date",
        "net_amount",
        observation_period_end=AS_OF,
        freq="D",
    )
    ours = warehouse.frame(
        "select person_id, btyd_frequency, btyd_recency, btyd_t, btyd_monetary_value "
        "from marts.fct_customer_rfm"
    ).set_index("person_id")
    joined = expected.join(ours, how="outer")
    assert len(joined) == len(expected) == len(ours) > 1000
    assert not joined.isna().any().any()
    for theirs, mine in (
        ("frequency", "btyd_frequency"),
        ("recency", "btyd_recency"),
        ("T", "btyd_t"),
        ("monetary_value", "btyd_monetary_value"),
    ):
        assert np.allclose(joined[theirs], joined[mine], rtol=0, atol=1e-6), theirs


def test_rfm_values_and_scores_equal_pandas(warehouse):
    frame = orders(warehouse)
    as_of = pd.Timestamp(AS_OF)
    rfm = frame.groupby("person_id").agg(
        last=("order_date", "max"),
        frequency=("order_id", "nunique"),
        monetary=("net_amount", "sum"),
    )
    rfm["recency_days"] = (as_of - rfm["last"]).dt.days
    # percent_rank: (rank - 1) / (n - 1) with ties at their lowest rank.
    n = len(rfm)
    recency_rank = (rfm["recency_days"].rank(method="min", ascending=False) - 1) / (n - 1)
    monetary_rank = (rfm["monetary"].rank(method="min") - 1) / (n - 1)
    rfm["r_score"] = np.minimum(5, 1 + np.floor(5 * recency_rank)).astype(int)
    rfm["m_score"] = np.minimum(5, 1 + np.floor(5 * monetary_rank)).astype(int)
    thresholds = [3, 6, 10, 15]
    rfm["f_score"] = 1 + sum((rfm["frequency"] >= t).astype(int) for t in thresholds)
    ours = warehouse.frame(
        "select person_id, recency_days, frequency, cast(monetary as double) as monetary, "
        "r_score, f_score, m_score from marts.fct_customer_rfm"
    ).set_index("person_id")
    joined = rfm.join(ours.add_suffix("_ours"), how="inner")
    assert len(joined) == len(rfm) == len(ours)
    for column in ("recency_days", "frequency", "r_score", "f_score", "m_score"):
        assert (joined[column] == joined[f"{column}_ours"]).all(), column
    assert np.allclose(joined["monetary"], joined["monetary_ours"], atol=0.005)


def test_tiers_add_up_and_scores_stay_in_range(warehouse):
    customers = warehouse.scalar(
        "select count(distinct person_id) from marts.fct_orders where person_id is not null"
    )
    by_tier = warehouse.query(
        "select rfm_tier, sum(customer_count), sum(revenue_share) from marts.fct_rfm_tier_summary "
        "group by 1 order by 1"
    )
    assert sum(count for _, count, _ in by_tier) == customers
    assert abs(sum(share for *_, share in by_tier) - 1) < 1e-9
    assert (
        warehouse.scalar(
            "select count(*) from marts.fct_customer_rfm "
            "where least(r_score, f_score, m_score) < 1 "
            "or greatest(r_score, f_score, m_score) > 5"
        )
        == 0
    )
    core = dict((tier, share) for tier, _, share in by_tier)["core"]
    print(f"\ncore customers hold {core:.0%} of net revenue")


def test_migration_rates_from_each_tier_sum_to_one(warehouse):
    sums = warehouse.query(
        "select snapshot_date, from_tier, sum(migration_rate) from marts.fct_tier_migration "
        "group by 1, 2"
    )
    assert sums and all(abs(total - 1) < 1e-9 for *_, total in sums)


def test_every_person_has_one_lifecycle_stage(warehouse):
    persons = warehouse.scalar("select count(*) from marts.dim_customers")
    stages = dict(
        warehouse.query(
            "select lifecycle_stage, count(*) from marts.fct_customer_lifecycle group by 1"
        )
    )
    assert sum(stages.values()) == persons
    assert set(stages) <= {
        "prospect",
        "new",
        "active",
        "at_risk",
        "dormant",
        "churned",
        "reactivated",
    }
    assert stages.get("prospect", 0) > 0 and stages.get("reactivated", 0) > 0
