"""Attribution checked against independent computations: the Markov removal
effects re-solved with numpy from the transition counts the model publishes
((I - Q)^-1 R on the same absorbing chain), every rule-based model
recomputed in pandas from the touches, conversions and key events, and the
reconciliations (credits per conversion, revenue to orders, spend to the
spend source)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
import yaml
from conftest import ROOT, Warehouse, data_test_on_faulty_copy

TOLERANCE = 1e-9
RULE_MODELS = [
    "first_touch",
    "last_touch",
    "last_non_direct",
    "key_touch",
    "linear",
    "time_decay",
    "position_based",
    "w_shaped",
]
START, CONVERSION, NULL = "(start)", "(conversion)", "(null)"


@pytest.fixture(scope="module")
def project_vars() -> dict[str, object]:
    return yaml.safe_load((ROOT / "dbt_project.yml").read_text())["vars"]


def absorption_probability(transitions: pd.DataFrame, removed: str | None) -> float:
    """P(absorbed in (conversion) | start at (start)) of the chain given by
    transition counts, with every transition into `removed` sent to (null):
    B = (I - Q)^-1 R, solved directly."""
    probabilities = transitions.assign(
        probability=transitions.transition_count
        / transitions.groupby("from_state").transition_count.transform("sum")
    )
    if removed is not None:
        probabilities = probabilities.assign(
            to_state=probabilities.to_state.where(probabilities.to_state != removed, NULL)
        )
    channels = sorted(
        (set(transitions.from_state) | set(transitions.to_state)) - {START, CONVERSION, NULL}
    )
    transient = [START, *channels]
    index = {state: i for i, state in enumerate(transient)}
    q = np.zeros((len(transient), len(transient)))
    r = np.zeros((len(transient), 2))
    for row in probabilities.itertuples():
        if row.to_state == CONVERSION:
            r[index[row.from_state], 0] += row.probability
        elif row.to_state == NULL:
            r[index[row.from_state], 1] += row.probability
        else:
            q[index[row.from_state], index[row.to_state]] += row.probability
    absorbed = np.linalg.solve(np.eye(len(transient)) - q, r)
    return float(absorbed[index[START], 0])


@pytest.fixture(scope="module")
def numpy_removal_effects(warehouse: Warehouse) -> pd.Series:
    transitions = warehouse.frame(
        "select from_state, to_state, transition_count "
        "from intermediate.int_markov_transitions_counted"
    )
    baseline = absorption_probability(transitions, None)
    channels = sorted(
        (set(transitions.from_state) | set(transitions.to_state)) - {START, CONVERSION, NULL}
    )
    effects = {
        channel: (baseline - absorption_probability(transitions, channel)) / baseline
        for channel in channels
    }
    return pd.Series(effects, name="removal_effect").rename_axis("channel_id")


@pytest.fixture(scope="module")
def journey_touches(warehouse: Warehouse, project_vars) -> pd.DataFrame:
    """Eligible touches of every journey, rebuilt in pandas from the touches
    and conversions: conversions, and one non-converting journey per person
    whose last touch follows their last conversion."""
    touches = warehouse.frame(
        "select touch_id, person_id, channel_id, is_direct, touched_at "
        "from intermediate.int_touchpoints_unioned"
    )
    conversions = warehouse.frame(
        "select conversion_id, person_id, revenue, converted_at "
        "from intermediate.int_conversions_selected"
    )
    last_touch = touches.groupby("person_id").touched_at.max()
    last_conversion = conversions.groupby("person_id").converted_at.max()
    open_persons = last_touch[
        last_conversion.reindex(last_touch.index).isna()
        | (last_touch > last_conversion.reindex(last_touch.index))
    ]
    journeys = pd.concat(
        [
            conversions.assign(
                journey_id=conversions.conversion_id,
                is_conversion=True,
                anchor=conversions.converted_at,
            )[["journey_id", "person_id", "is_conversion", "anchor"]],
            pd.DataFrame(
                {
                    "journey_id": "no_conversion:" + open_persons.index,
                    "person_id": open_persons.index,
                    "is_conversion": False,
                    "anchor": open_persons.values,
                }
            ),
        ]
    )
    lookback = pd.Timedelta(days=project_vars["attribution_lookback_days"])
    pairs = journeys.merge(touches, on="person_id")
    age = pairs.anchor - pairs.touched_at
    pairs = pairs[(age >= pd.Timedelta(0)) & (age < lookback)].copy()
    pairs = pairs.sort_values(["journey_id", "touched_at", "touch_id"])
    pairs["position"] = pairs.groupby("journey_id").cumcount() + 1
    pairs["count"] = pairs.groupby("journey_id").touch_id.transform("size")
    pairs["age_seconds"] = (pairs.anchor - pairs.touched_at).dt.total_seconds()
    return pairs.reset_index(drop=True)


def collapsed_paths(journey_touches: pd.DataFrame) -> pd.DataFrame:
    """One row per journey: its channel path with consecutive repeats collapsed."""
    touches = journey_touches
    previous = touches.groupby("journey_id").channel_id.shift()
    steps = touches[previous.isna() | (previous != touches.channel_id)]
    return (
        steps.groupby("journey_id", sort=False)
        .agg(path=("channel_id", list), is_conversion=("is_conversion", "first"))
        .reset_index()
    )


def test_markov_transition_counts_match_paths_rebuilt_in_pandas(warehouse, journey_touches):
    counts: dict[tuple[str, str], int] = {}
    for row in collapsed_paths(journey_touches).itertuples():
        states = [START, *row.path, CONVERSION if row.is_conversion else NULL]
        for pair in zip(states, states[1:], strict=False):
            counts[pair] = counts.get(pair, 0) + 1
    published = {
        (from_state, to_state): count
        for from_state, to_state, count in warehouse.query(
            "select from_state, to_state, transition_count "
            "from intermediate.int_markov_transitions_counted"
        )
    }
    assert published == counts


def test_markov_chain_converged_and_matches_numpy(warehouse, numpy_removal_effects):
    chains = warehouse.frame("select * from intermediate.int_markov_chains_solved")
    assert chains.has_converged.all()
    assert (chains.remaining_transient_mass < 1e-12).all()
    transitions = warehouse.frame(
        "select from_state, to_state, transition_count "
        "from intermediate.int_markov_transitions_counted"
    )
    for row in chains.itertuples():
        removed = None if row.scenario_id == "baseline" else row.removed_channel_id
        assert row.conversion_probability == pytest.approx(
            absorption_probability(transitions, removed), abs=TOLERANCE
        ), row.scenario_id


def test_markov_removal_effects_match_numpy(warehouse, numpy_removal_effects):
    sql_effects = warehouse.frame(
        "select channel_id, removal_effect, removal_effect_share "
        "from intermediate.int_markov_removal_effects_computed"
    ).set_index("channel_id")
    assert set(sql_effects.index) == set(numpy_removal_effects.index)
    difference = (sql_effects.removal_effect - numpy_removal_effects).abs().max()
    assert difference < TOLERANCE
    shares = numpy_removal_effects / numpy_removal_effects.sum()
    assert (sql_effects.removal_effect_share - shares).abs().max() < TOLERANCE
    assert (numpy_removal_effects > 0).all()


def test_markov_credits_match_numpy(warehouse, journey_touches, numpy_removal_effects):
    """Each conversion is shared among the channels of its path in proportion
    to their (numpy) removal effects, each channel's share equally among its
    touches; the SQL credits agree to 1e-9."""
    touches = journey_touches[journey_touches.is_conversion].copy()
    touches["effect"] = touches.channel_id.map(numpy_removal_effects).fillna(0.0)
    channel_touches = touches.groupby(["journey_id", "channel_id"]).touch_id.transform("size")
    path_effect = (
        touches.drop_duplicates(["journey_id", "channel_id"]).groupby("journey_id").effect.sum()
    )
    touches["expected"] = touches.effect / touches.journey_id.map(path_effect) / channel_touches
    credits = warehouse.frame(
        "select conversion_id, touch_id, credit_conversions "
        "from marts.fct_attribution_credits "
        "where attribution_model = 'markov' and touch_id is not null"
    )
    merged = touches.merge(
        credits,
        left_on=["journey_id", "touch_id"],
        right_on=["conversion_id", "touch_id"],
        how="outer",
        indicator=True,
    )
    assert_credited_touches_only(merged)
    assert (merged.expected - merged.credit_conversions).abs().max() < TOLERANCE


def assert_credited_touches_only(merged: pd.DataFrame) -> None:
    """The credits have a row for exactly the touches the model gives
    something: none the definition does not know, none it credits missing,
    and a touch it gives nothing has no row."""
    unknown = merged[merged._merge == "right_only"]
    assert unknown.empty, unknown.head()
    missing = merged[merged._merge == "left_only"]
    assert (missing.expected.abs() < TOLERANCE).all(), missing.head()
    zero_rows = merged[(merged._merge == "both") & (merged.credit_conversions == 0)]
    assert zero_rows.empty, zero_rows.head()


def rule_weights(touches: pd.DataFrame, key_events: pd.DataFrame, project_vars) -> pd.DataFrame:
    """The eight rule-based models, from the definitions, in pandas."""
    touches = touches.copy()
    journeys = (
        touches.groupby("journey_id")
        .agg(
            person_id=("person_id", "first"),
            anchor=("anchor", "first"),
            first_at=("touched_at", "min"),
        )
        .reset_index()
    )
    keyed = journeys.merge(key_events, on="person_id")
    keyed = keyed[(keyed.occurred_at >= keyed.first_at) & (keyed.occurred_at <= keyed.anchor)]
    key_at = (
        keyed.sort_values(["occurred_at", "key_event_id"]).groupby("journey_id").occurred_at.first()
    )
    touches["key_at"] = touches.journey_id.map(key_at)
    touches["has_key"] = touches.key_at.notna()
    last = touches.position == touches["count"]
    first = touches.position == 1

    before_key = touches[touches.has_key & (touches.touched_at <= touches.key_at)]
    key_position = before_key.groupby("journey_id").position.max()
    key_position = touches.journey_id.map(key_position).fillna(touches["count"])
    key = touches.position == key_position

    non_direct = touches[~touches.is_direct].groupby("journey_id").position.max()
    lnd_position = touches.journey_id.map(non_direct).fillna(touches["count"])
    last_non_direct = touches.position == lnd_position

    end_share = project_vars["attribution_position_end_share"]
    role_share = project_vars["attribution_w_shaped_role_share"]
    n = touches["count"]
    position = np.where(
        n == 1,
        1.0,
        np.where(
            n == 2,
            0.5,
            np.where(first | last, end_share, (1 - 2 * end_share) / (n - 2).clip(lower=1)),
        ),
    )
    roles = first.astype(int) + key.astype(int) + last.astype(int)
    without_role = (roles == 0).groupby(touches.journey_id).transform("sum")
    w_shaped = np.where(
        ~touches.has_key,
        position,
        np.where(
            without_role == 0,
            roles / 3,
            np.where(
                roles > 0, roles * role_share, (1 - 3 * role_share) / without_role.clip(lower=1)
            ),
        ),
    )
    half_life = project_vars["attribution_half_life_days"] * 86400
    decay = 2.0 ** (-touches.age_seconds / half_life)
    return pd.DataFrame(
        {
            "conversion_id": touches.journey_id,
            "touch_id": touches.touch_id,
            "first_touch": first.astype(float),
            "last_touch": last.astype(float),
            "last_non_direct": last_non_direct.astype(float),
            "key_touch": key.astype(float),
            "linear": 1.0 / n,
            "time_decay": decay / decay.groupby(touches.journey_id).transform("sum"),
            "position_based": position,
            "w_shaped": w_shaped,
        }
    )


def test_rule_based_credits_match_pandas(warehouse, journey_touches, project_vars):
    key_events = warehouse.frame(
        "select key_event_id, person_id, occurred_at from intermediate.int_key_events_selected"
    )
    expected = rule_weights(
        journey_touches[journey_touches.is_conversion], key_events, project_vars
    )
    expected = expected.melt(
        id_vars=["conversion_id", "touch_id"], var_name="attribution_model", value_name="expected"
    )
    credits = warehouse.frame(
        "select conversion_id, touch_id, attribution_model, credit_conversions "
        "from marts.fct_attribution_credits "
        "where attribution_model != 'markov' and touch_id is not null"
    )
    merged = expected.merge(
        credits, on=["conversion_id", "touch_id", "attribution_model"], how="outer", indicator=True
    )
    assert_credited_touches_only(merged)
    assert (merged._merge == "left_only").any(), "no touch without credit in the demo"
    merged = merged[merged._merge == "both"]
    worst = (merged.expected - merged.credit_conversions).abs()
    assert worst.max() < TOLERANCE, merged.loc[worst.idxmax()]


def test_conversions_without_touch_credited_to_none(warehouse, journey_touches):
    conversions = set(
        row[0]
        for row in warehouse.query(
            "select conversion_id from intermediate.int_conversions_selected"
        )
    )
    touched = set(journey_touches[journey_touches.is_conversion].journey_id)
    none_rows = warehouse.frame(
        "select conversion_id, attribution_model, credit_conversions "
        "from marts.fct_attribution_credits where channel = '(none)'"
    )
    assert set(none_rows.conversion_id) == conversions - touched
    assert len(none_rows) == 9 * len(conversions - touched)
    assert (none_rows.credit_conversions == 1).all()


def test_credits_reconcile_to_orders_of_known_persons(warehouse):
    totals = warehouse.frame(
        """
        select attribution_model, sum(credit_conversions) as conversions,
               sum(credit_revenue) as revenue, count(distinct conversion_id) as orders
        from marts.fct_attribution_credits group by 1
        """
    )
    order_count, net_revenue = warehouse.query(
        "select count(*), sum(net_amount) from marts.fct_orders where person_id is not null"
    )[0]
    assert len(totals) == 9
    assert (totals.orders == order_count).all()
    assert (totals.conversions - order_count).abs().max() < 1e-6
    assert (totals.revenue - float(net_revenue)).abs().max() < 1e-3


def test_no_credited_touch_outside_the_window(warehouse, project_vars):
    oldest, newest = warehouse.query(
        """
        select max(epoch_us(converted_at) - epoch_us(touched_at)),
               min(epoch_us(converted_at) - epoch_us(touched_at))
        from marts.fct_attribution_credits where touch_id is not null
        """
    )[0]
    assert newest >= 0
    assert oldest < project_vars["attribution_lookback_days"] * 86400 * 1_000_000


def test_channel_spend_matches_staged_spend_by_channel_and_month(warehouse):
    differences = warehouse.query(
        """
        with source as (
            select channel_id as channel, date_trunc('month', spend_date) as month,
                   sum(spend_amount) as spend
            from staging.stg_spend__daily_spend where not is_duplicate group by 1, 2
        ),
        reported as (
            select channel, performance_month as month, attribution_model, spend
            from marts.fct_channel_performance
        )
        select s.channel, s.month, r.attribution_model, s.spend, r.spend
        from source s cross join (select distinct attribution_model from reported) m
        left join reported r
            on r.channel = s.channel and r.month = s.month
            and r.attribution_model = m.attribution_model
        where r.spend is null or r.spend != s.spend
        """
    )
    assert differences == []


def test_wrong_credits_fail_their_data_test(warehouse, demo_data, scratch):
    """A conversion whose credits under one model do not add up to one, and
    a conversion missing from another model, each fail
    attribution_credits_sum_to_one, and nothing else does."""
    table = "marts.fct_attribution_credits"

    def plant(con):
        first, last = con.execute(
            f"select min(conversion_id), max(conversion_id) from {table}"
        ).fetchone()
        con.execute(
            f"update {table} set credit_conversions = credit_conversions * 2 "
            f"where conversion_id = ? and attribution_model = 'markov'",
            [first],
        )
        con.execute(
            f"delete from {table} where conversion_id = ? and attribution_model = 'linear'", [last]
        )

    result = data_test_on_faulty_copy(
        warehouse, scratch, demo_data, "attribution_credits_sum_to_one", plant
    )
    assert result.returncode != 0
    assert "Got 2 results" in result.stdout, result.stdout[-3000:]


def test_repeated_credit_keys_fail_the_grain_test(warehouse, demo_data, scratch):
    """The credits' grain test (dbt's `unique` on the key expression, which
    the project runs on DuckDB as hashes first, then exact values) reports
    exactly the keys dbt's own form reports on a copy with one key repeated
    twice and another three times, each with its count."""
    table = "marts.fct_attribution_credits"
    key = "conversion_id || '|' || attribution_model || '|' || coalesce(touch_id, '(none)')"

    def plant(con):
        first, last = con.execute(
            f"select min(conversion_id), max(conversion_id) from {table}"
        ).fetchone()
        con.execute(
            f"insert into {table} select * from {table} "
            f"where conversion_id = ? and attribution_model = 'linear'",
            [first],
        )
        for _ in range(2):
            con.execute(
                f"insert into {table} select * from {table} where "
                f"conversion_id = ? and attribution_model = 'markov' limit 1",
                [last],
            )

    result = data_test_on_faulty_copy(
        warehouse,
        scratch,
        demo_data,
        "fct_attribution_credits,test_name:unique",
        plant,
    )
    assert result.returncode != 0
    compiled = list((scratch / "target" / "compiled").rglob("unique_fct_attribution_credits*.sql"))
    assert len(compiled) == 1, compiled
    faulty = Warehouse(scratch / "warehouse.duckdb", scratch / "target")
    reported = faulty.query(f"select * from ({compiled[0].read_text()}) order by 1")
    dbt_form = faulty.query(
        f"select {key}, count(*) from {table} group by 1 having count(*) > 1 order by 1"
    )
    linear_touches = faulty.scalar(
        f"select count(*) from {table} where attribution_model = 'linear' "
        f"and conversion_id = (select min(conversion_id) from {table})"
    )
    assert reported == dbt_form
    assert sorted(count for _, count in reported) == [2] * (linear_touches // 2) + [3]
