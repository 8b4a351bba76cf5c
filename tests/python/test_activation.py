"""Activation marts checked against independent computations: experiment
statistics against scipy, the SQL normal tail against scipy on a grid, the
holdout against Python's md5 and across two builds, campaign conversions and
lifecycle triggers recomputed in pandas, comment sentiment against the
generator's own comment lists."""

from __future__ import annotations

import hashlib
import math
import shutil

import numpy as np
import pandas as pd
import pytest
from conftest import ROOT, Warehouse, dbt
from scipy import stats

from generator.world import NEGATIVE_COMMENTS, NEUTRAL_COMMENTS, POSITIVE_COMMENTS

PROJECT = (ROOT / "dbt_project.yml").read_text(encoding="utf-8")
HOLDOUT_SHARE = 0.1
HOLDOUT_SALT = "lifecycle-holdout-v1"
WINDOW = pd.Timedelta(days=7)
# The SQL normal tail (Numerical Recipes erfcc) has a fractional error below
# 1.2e-7 for every argument (1.05e-7 measured on [0, 10]); 1e-6 leaves a
# factor of about ten for floating-point evaluation and the 8-digit
# coefficients, and is still far below any decision a p-value informs.
P_VALUE_RELATIVE_TOLERANCE = 1e-6


def test_defaults_the_tests_assume():
    for line in (
        f"action_holdout_share: {HOLDOUT_SHARE}",
        f"action_holdout_salt: {HOLDOUT_SALT}",
        "campaign_conversion_window_days: 7",
        "experiment_confidence_level: 0.95",
        "action_catch_up_days: 0",
    ):
        assert line in PROJECT


# -- experiments ----------------------------------------------------------
def test_p_values_and_intervals_match_scipy(warehouse):
    results = warehouse.frame(
        "select * from marts.fct_experiment_results "
        "where experiment_type = 'campaign' and z_score is not null"
    )
    assert len(results) >= 15
    critical = stats.norm.ppf(0.975)
    for row in results.itertuples():
        n_t, x_t = row.treatment_person_count, row.treatment_converted_count
        n_h, x_h = row.holdout_person_count, row.holdout_converted_count
        p_t, p_h = x_t / n_t, x_h / n_h
        # scipy's own two-proportion z-test (pooled), via a 2 x 2 table
        chi2, p_chi2, _, _ = stats.chi2_contingency(
            [[x_t, n_t - x_t], [x_h, n_h - x_h]], correction=False
        )
        pooled = (x_t + x_h) / (n_t + n_h)
        z = (p_t - p_h) / math.sqrt(pooled * (1 - pooled) * (1 / n_t + 1 / n_h))
        assert row.z_score == pytest.approx(z, rel=1e-9)
        assert z * z == pytest.approx(chi2, rel=1e-9)
        assert row.p_value == pytest.approx(2 * stats.norm.sf(abs(z)), rel=1e-6)
        assert row.p_value == pytest.approx(p_chi2, rel=P_VALUE_RELATIVE_TOLERANCE)
        half_width = critical * math.sqrt(p_t * (1 - p_t) / n_t + p_h * (1 - p_h) / n_h)
        assert row.uplift_ci_lower == pytest.approx(p_t - p_h - half_width, abs=1e-12)
        assert row.uplift_ci_upper == pytest.approx(p_t - p_h + half_width, abs=1e-12)
        assert row.is_significant == (p_chi2 < 0.05)


def test_normal_tail_macro_matches_scipy_on_a_grid(warehouse, tmp_path):
    """The macros themselves, compiled and run on z from 0 to 8.5 (p down to
    1e-17) and on negative arguments of the CDF."""
    grid = np.round(np.arange(-8.5, 8.5001, 0.01), 2)
    values = ", ".join(f"({z})" for z in grid)
    inline = (
        "select z, {{ normal_two_sided_p_value('z') }} as p, {{ normal_cdf('z') }} as cdf "
        f"from (values {values}) as grid (z)"
    )
    compiled = dbt(
        "compile",
        "--quiet",
        "--inline",
        inline,
        database=warehouse.path,
        target_path=tmp_path / "target",
    ).stdout.strip()
    frame = warehouse.frame(compiled)
    expected_p = 2 * stats.norm.sf(np.abs(frame.z.astype(float)))
    expected_cdf = stats.norm.cdf(frame.z.astype(float))
    assert np.max(np.abs(frame.p / expected_p - 1)) < P_VALUE_RELATIVE_TOLERANCE
    assert np.max(np.abs(frame.cdf - expected_cdf)) < 1e-7


def members_measured_in_pandas(warehouse: Warehouse) -> pd.DataFrame:
    members = warehouse.frame(
        "select m.campaign_id, r.person_id, m.is_holdout, m.assigned_at "
        "from staging.stg_marketing__campaign_members as m "
        "inner join staging.stg_marketing__campaigns as c "
        "on m.campaign_id = c.campaign_id and c.has_holdout and not c.is_duplicate "
        "inner join intermediate.int_identifiers_resolved as r "
        "on r.node_id = m.identifier_type || ':' || m.identifier_value "
        "where not m.is_duplicate"
    )
    orders = warehouse.frame(
        "select person_id, ordered_at from marts.fct_orders where person_id is not null"
    )
    groups = members.groupby(["campaign_id", "person_id"]).agg(
        holdout=("is_holdout", "min"),
        mixed=("is_holdout", "nunique"),
        assigned_at=("assigned_at", "min"),
    )
    groups = groups[groups.mixed == 1].reset_index()
    joined = groups.merge(orders, on="person_id", how="left")
    joined["hit"] = (joined.ordered_at > joined.assigned_at) & (
        joined.ordered_at <= joined.assigned_at + WINDOW
    )
    converted = joined.groupby(["campaign_id", "person_id", "holdout"]).hit.any().reset_index()
    return converted.groupby(["campaign_id", "holdout"]).agg(
        persons=("hit", "size"), converted=("hit", "sum")
    )


def test_experiment_groups_match_an_independent_computation(warehouse):
    expected = members_measured_in_pandas(warehouse)
    mart = warehouse.frame(
        "select experiment_key as campaign_id, treatment_person_count, "
        "treatment_converted_count, holdout_person_count, holdout_converted_count "
        "from marts.fct_experiment_results where experiment_type = 'campaign'"
    ).set_index("campaign_id")
    assert len(mart) == expected.index.get_level_values(0).nunique()
    for campaign_id, row in mart.iterrows():
        treatment = expected.loc[(campaign_id, False)]
        holdout = expected.loc[(campaign_id, True)]
        assert row.treatment_person_count == treatment.persons
        assert row.treatment_converted_count == treatment.converted
        assert row.holdout_person_count == holdout.persons
        assert row.holdout_converted_count == holdout.converted


# -- campaigns ------------------------------------------------------------
def test_campaign_conversions_match_an_independent_computation(warehouse):
    sends = warehouse.frame(
        "select send_id, campaign_id, person_id, sent_at, is_delivered "
        "from intermediate.int_message_sends_resolved"
    )
    orders = warehouse.frame(
        "select order_id, person_id, ordered_at, net_amount from marts.fct_orders "
        "where person_id is not null"
    )
    delivered = sends[sends.is_delivered & sends.person_id.notna()]
    pairs = delivered.merge(orders, on="person_id")
    pairs = pairs[(pairs.ordered_at > pairs.sent_at) & (pairs.ordered_at <= pairs.sent_at + WINDOW)]
    # each order once per campaign, for the latest send before it
    pairs = pairs.sort_values(["sent_at", "send_id"]).drop_duplicates(
        ["campaign_id", "order_id"], keep="last"
    )
    expected = pairs.groupby("campaign_id").agg(
        converted=("send_id", "nunique"), revenue=("net_amount", "sum")
    )
    mart = warehouse.frame(
        "select campaign_id, converted_count, revenue from marts.fct_campaign_performance"
    ).set_index("campaign_id")
    for campaign_id, row in mart.iterrows():
        want = expected.loc[campaign_id] if campaign_id in expected.index else None
        assert row.converted_count == (0 if want is None else want.converted)
        assert float(row.revenue) == pytest.approx(
            0.0 if want is None else float(want.revenue), abs=0.005
        )


# -- lifecycle actions ----------------------------------------------------
def holdout_draw(person_id: str, action: str) -> float:
    digest = hashlib.md5(f"{person_id}|{action}|{HOLDOUT_SALT}".encode()).hexdigest()
    return int(digest[:8], 16) / 2**32


def test_holdout_draw_is_md5_of_person_and_action(warehouse):
    actions = warehouse.frame(
        "select person_id, action, holdout_draw, is_holdout from marts.fct_lifecycle_actions"
    )
    assert len(actions) > 0
    for row in actions.itertuples():
        assert row.holdout_draw == pytest.approx(holdout_draw(row.person_id, row.action), abs=0)
        assert row.is_holdout == (row.holdout_draw < HOLDOUT_SHARE)


def test_lifecycle_actions_identical_across_two_builds(warehouse, second_warehouse):
    sql = "select * from marts.fct_lifecycle_actions order by person_id, action"
    first, second = warehouse.frame(sql), second_warehouse.frame(sql)
    assert len(first) > 0
    pd.testing.assert_frame_equal(first, second)


def test_holdout_share_on_a_month_of_triggers(warehouse, scratch):
    """One day's actions are a few dozen rows, too few for a 2-point check
    (one standard error is 4-5 points); with a 30-day catch-up window the
    same rules give some 380 rows (one standard error 1.5 points), whose
    holdout share must be within 2 points of the var."""
    copy = scratch / "warehouse.duckdb"
    shutil.copy(warehouse.path, copy)
    dbt(
        "run",
        "--select",
        "int_lifecycle_actions_triggered",
        "fct_lifecycle_actions",
        database=copy,
        target_path=scratch / "target",
        vars_={"raw_data_path": str(ROOT / "data" / "demo"), "action_catch_up_days": 30},
    )
    rows, share = Warehouse(copy, scratch / "target").query(
        "select count(*), avg(case when is_holdout then 1.0 else 0.0 end) "
        "from marts.fct_lifecycle_actions"
    )[0]
    assert rows >= 300
    assert abs(share - HOLDOUT_SHARE) <= 0.02


def test_triggers_match_an_independent_computation(warehouse):
    life = warehouse.frame(
        "select * from marts.fct_customer_lifecycle where recency_days is not null"
    )
    expected = set()
    for row in life.itertuples():
        if row.purchase_day_count == 1 and row.recency_days == 3:
            expected.add((row.person_id, "repurchase_coupon"))
        if (
            not row.uses_population_gap
            and row.recency_days == math.ceil(0.9 * row.expected_gap_days)
            and row.recency_days <= row.expected_gap_days
        ):
            expected.add((row.person_id, "stock_up_reminder"))
        if row.recency_days == 30:
            expected.add((row.person_id, "win_back_offer"))
    complaints = warehouse.frame(
        "select m.person_id, max(cast(timezone('Asia/Shanghai', timezone('UTC', t.opened_at)) "
        "as date)) as complaint_date from staging.stg_service__tickets as t "
        "inner join intermediate.int_identity_person_map as m "
        "on m.record_key = 'service.tickets:' || t.ticket_id "
        "where t.is_complaint and not t.is_duplicate "
        "and t.opened_at <= timestamp '2025-12-31 16:00:00' group by 1"
    ).set_index("person_id")
    as_of = pd.Timestamp("2025-12-31")
    for row in life[life.lifecycle_stage == "churned"].itertuples():
        if row.person_id in complaints.index:
            churned_on = pd.Timestamp(row.last_order_date) + pd.Timedelta(days=366)
            complained_on = pd.Timestamp(complaints.loc[row.person_id].complaint_date)
            if max(churned_on, complained_on) == as_of:
                expected.add((row.person_id, "churn_survey"))
    actual = set(
        warehouse.query(
            "select person_id, action from intermediate.int_lifecycle_actions_triggered"
        )
    )
    assert actual == expected


def test_every_action_uses_the_best_consented_channel(warehouse):
    bad = warehouse.scalar(
        "select count(*) from marts.fct_lifecycle_actions as a "
        "left join intermediate.int_person_channels_ranked as c "
        "on a.person_id = c.person_id and a.channel_id = c.channel_id "
        "and c.channel_rank = 1 where c.person_id is null"
    )
    assert bad == 0


# -- audiences ------------------------------------------------------------
def test_audiences_carry_only_hashes(warehouse):
    columns = {
        name
        for (name,) in warehouse.query(
            "select column_name from information_schema.columns "
            "where table_schema = 'marts' and table_name = 'fct_audience_members'"
        )
    }
    assert not columns & {"person_id", "phone", "email", "recipient", "identifier_value"}
    raw = warehouse.scalar(
        "select count(*) from marts.fct_audience_members "
        "where recipient_sha256 in "
        "(select identifier_value from intermediate.int_identifiers_resolved) "
        "or person_sha256 in (select person_id from marts.dim_customers)"
    )
    assert raw == 0
    malformed = warehouse.scalar(
        "select count(*) from marts.fct_audience_members "
        "where not regexp_full_match(recipient_sha256, '[0-9a-f]{64}') "
        "or not regexp_full_match(person_sha256, '[0-9a-f]{64}')"
    )
    assert malformed == 0


def test_audience_sizes_add_up(warehouse):
    mismatched = warehouse.scalar(
        "select count(*) from marts.fct_audience_sizes as s left join ("
        "select audience_id, channel_id, count(*) as n from marts.fct_audience_members "
        "group by 1, 2) as m on s.audience_id = m.audience_id and s.channel_id = m.channel_id "
        "where s.member_count != coalesce(m.n, 0) or s.member_count > s.reachable_person_count "
        "or s.reachable_person_count > s.eligible_person_count"
    )
    assert mismatched == 0


# -- content --------------------------------------------------------------
def test_comment_sentiment_matches_the_generator_lists(warehouse):
    truth = {
        **{text: "positive" for text in POSITIVE_COMMENTS},
        **{text: "negative" for text in NEGATIVE_COMMENTS},
        **{text: "neutral" for text in NEUTRAL_COMMENTS},
    }
    classified = warehouse.query(
        "select distinct comment_text, sentiment from intermediate.int_content_comments_classified"
    )
    assert len(classified) >= 15
    for text, sentiment in classified:
        assert truth[text] == sentiment, text


def test_best_push_slot_is_a_weekend_evening(warehouse):
    """The generator reads most at 20:00-21:00 and more so at weekends."""
    weekday, hour = warehouse.query(
        "select read_weekday, read_hour from marts.fct_content_push_slots where is_best_slot"
    )[0]
    assert weekday in (6, 7)
    assert hour in (20, 21)


def test_content_rates_match_an_independent_computation(warehouse):
    reads = warehouse.frame(
        "select r.completion_rate, r.is_shared, r.has_comment, i.content_type, i.topic "
        "from staging.stg_content__reads as r inner join staging.stg_content__items as i "
        "on r.content_id = i.content_id where not r.is_duplicate and not i.is_duplicate "
        "and r.read_at <= timestamp '2025-12-31 16:00:00' "
        "and r.read_at >= timestamp '2024-12-31 16:00:00'"
    )
    expected = reads.groupby(["content_type", "topic"]).agg(
        reads=("completion_rate", "size"),
        completion=("completion_rate", "mean"),
        complete=("completion_rate", lambda c: (c >= 0.8).mean()),
        shared=("is_shared", "mean"),
    )
    mart = warehouse.frame(
        "select * from marts.fct_content_performance where read_count > 0"
    ).set_index(["content_type", "topic"])
    assert len(mart) == len(expected)
    for key, row in mart.iterrows():
        want = expected.loc[key]
        assert row.read_count == want.reads
        assert row.mean_completion_rate == pytest.approx(want.completion, rel=1e-9)
        assert row.completion_share == pytest.approx(want.complete, rel=1e-9)
        assert row.share_rate == pytest.approx(want.shared, rel=1e-9)
