"""Partners and products, end to end on the demo data: the affinity metrics
against mlxtend, partner matching against a Python hashlib reimplementation,
small-cell suppression, privacy of the partner marts, and the
recommendations against a pandas recomputation of their rules."""

from __future__ import annotations

import hashlib
import math
import re

import pandas as pd
import pytest
import yaml
from conftest import ROOT
from mlxtend.frequent_patterns import apriori, association_rules

VARS = yaml.safe_load((ROOT / "dbt_project.yml").read_text())["vars"]
AS_OF = VARS["as_of_date"]
PARTNER_SALT = "demo-partner-salt-2025"
METRICS = [
    "antecedent_support",
    "consequent_support",
    "support",
    "confidence",
    "lift",
    "leverage",
    "conviction",
]


# ------------------------------------------------------------------ affinity


def _baskets(warehouse, level: str) -> pd.DataFrame:
    column = "product_id" if level == "product" else "category"
    return warehouse.frame(
        f"""
        select distinct order_id, {column} as item
        from marts.fct_order_lines
        where order_date <= date '{AS_OF}'
        """
    )


def _mlxtend_rules(baskets: pd.DataFrame) -> pd.DataFrame:
    """Rules A -> C between single items, computed by mlxtend on one-hot
    baskets with the project's thresholds."""
    onehot = pd.crosstab(baskets["order_id"], baskets["item"]).astype(bool)
    n_baskets = len(onehot)
    frequent = apriori(
        onehot, min_support=VARS["affinity_min_support"], use_colnames=True, max_len=2
    )
    rules = association_rules(
        frequent,
        num_itemsets=n_baskets,
        metric="support",
        min_threshold=VARS["affinity_min_support"],
    )
    rules = rules[(rules["antecedents"].map(len) == 1) & (rules["consequents"].map(len) == 1)]
    rules = rules.assign(
        antecedent_id=rules["antecedents"].map(lambda items: next(iter(items))),
        consequent_id=rules["consequents"].map(lambda items: next(iter(items))),
        pair_basket_count=(rules["support"] * n_baskets).round().astype(int),
    ).rename(
        columns={
            "antecedent support": "antecedent_support",
            "consequent support": "consequent_support",
        }
    )
    rules = rules[rules["pair_basket_count"] >= VARS["affinity_min_count"]]
    return rules.set_index(["antecedent_id", "consequent_id"]).sort_index()


@pytest.mark.parametrize("level", ["product", "category"])
def test_affinity_metrics_match_mlxtend(warehouse, level):
    expected = _mlxtend_rules(_baskets(warehouse, level))
    actual = (
        warehouse.frame(f"select * from marts.fct_product_affinity where rule_level = '{level}'")
        .set_index(["antecedent_id", "consequent_id"])
        .sort_index()
    )
    assert len(actual) > 0
    assert list(actual.index) == list(expected.index)
    assert (actual["pair_basket_count"] == expected["pair_basket_count"]).all()
    for metric in METRICS:
        ours = actual[metric].astype(float)
        theirs = expected[metric].astype(float)
        infinite = theirs.map(math.isinf)
        # mlxtend's infinite conviction (confidence 1) is null in the mart.
        assert ours[infinite].isna().all(), metric
        difference = (ours[~infinite] - theirs[~infinite]).abs().max()
        assert difference <= 1e-9, f"{level} {metric}: max difference {difference}"


def test_shampoo_buyers_are_pointed_to_conditioner(warehouse):
    lift = warehouse.scalar(
        """
        select max(lift) from marts.fct_product_affinity as rules
        inner join reference.products as antecedents
            on rules.antecedent_id = antecedents.product_id
        inner join reference.products as consequents
            on rules.consequent_id = consequents.product_id
        where antecedents.subcategory = 'shampoo'
            and consequents.subcategory = 'conditioner'
        """
    )
    assert lift > 2


# ------------------------------------------------------------------ partners


def _partner_hash(value: str) -> str:
    return hashlib.sha256((PARTNER_SALT + value).encode()).hexdigest()


def test_our_hashes_equal_hashlib(warehouse):
    rows = warehouse.query(
        """
        select identifiers.identifier_value, hashed.partner_identifier_hash
        from intermediate.int_identifiers_resolved as identifiers
        inner join intermediate.int_partner_identifiers_hashed as hashed
            on identifiers.person_id = hashed.person_id
            and identifiers.identifier_type = hashed.identifier_type
        where identifiers.identifier_type in ('phone', 'email')
        """
    )
    assert rows
    known = {}
    for value, digest in rows:
        known.setdefault(value, set()).add(digest)
    assert all(_partner_hash(value) in digests for value, digests in known.items())


def test_overlap_matches_an_independent_hash_join(warehouse, demo_data):
    """Persons on each partner's list, by tier, recomputed in pandas from the
    raw partner export and our identifiers hashed with hashlib."""
    lists = pd.read_csv(demo_data / "partners__customer_lists.csv", dtype=str).drop_duplicates()
    ours = warehouse.frame(
        """
        select identifier_type, identifier_value, person_id
        from intermediate.int_identifiers_resolved
        where identifier_type in ('phone', 'email')
        """
    )
    ours["hash"] = ours["identifier_value"].map(_partner_hash)
    by_type = []
    for identifier_type, column in (("phone", "phone_sha256"), ("email", "email_sha256")):
        side = ours[ours["identifier_type"] == identifier_type][["hash", "person_id"]]
        by_type.append(
            lists.merge(side, left_on=column, right_on="hash")[["partner_id", "person_id"]]
        )
    matched = pd.concat(by_type).drop_duplicates()
    tiers = warehouse.frame("select person_id, rfm_tier from marts.fct_customer_rfm")
    matched = matched.merge(tiers, on="person_id")
    expected = matched.groupby(["partner_id", "rfm_tier"]).size().to_dict()
    for partner_id, total in matched.groupby("partner_id").size().items():
        expected[(partner_id, "total")] = total
    published = warehouse.query(
        """
        select partner_id, rfm_tier, matched_customer_count
        from marts.fct_partner_overlap
        where not is_matched_customer_count_suppressed
        """
    )
    assert published
    for partner_id, tier, count in published:
        assert count == expected.get((partner_id, tier), 0), (partner_id, tier)


def _unsafe_lines(cells: pd.DataFrame) -> list[tuple]:
    unsafe = []
    for keys in (["measure_name", "partner_id"], ["measure_name", "rfm_tier"]):
        for key, line in cells.groupby(keys):
            suppressed = int(line["is_suppressed"].sum())
            if suppressed == 1 and len(line) > suppressed:
                unsafe.append(key)
    return unsafe


def test_suppression_is_primary_plus_complementary_and_safe(warehouse):
    cells = warehouse.frame("select * from intermediate.int_partner_overlap_cells_suppressed")
    minimum = VARS["partner_min_cell_size"]
    assert (cells["is_primary_suppressed"] == (cells["person_count"] < minimum)).all()
    assert cells["is_primary_suppressed"].any(), "the demo should exercise suppression"
    assert (cells["is_suppressed"] & ~cells["is_primary_suppressed"]).any()
    assert not _unsafe_lines(cells)
    # Every complementary cell was the smallest visible one of a line that
    # needed protection, so no published count is smaller than a primary one.
    published = cells[~cells["is_suppressed"]]
    assert (published["person_count"] >= minimum).all()


def test_overlap_rates_and_the_headline(warehouse):
    rows = warehouse.frame("select * from marts.fct_partner_overlap")
    visible = rows[
        ~rows["is_matched_customer_count_suppressed"] & ~rows["is_customer_count_suppressed"]
    ]
    assert (
        visible["overlap_rate"] - visible["matched_customer_count"] / visible["customer_count"]
    ).abs().max() < 1e-12
    assert rows.loc[rows["is_matched_customer_count_suppressed"], "overlap_rate"].isna().all()
    totals = rows[rows["is_total"]]
    assert len(totals) == 3
    assert totals["customer_count"].nunique() == 1
    assert totals["customer_count"].iloc[0] == warehouse.scalar(
        "select count(*) from marts.fct_customer_rfm"
    )


IDENTIFIER_PATTERNS = [
    re.compile(r"^[0-9a-f]{64}$"),
    re.compile(r"^\+?86\d{9,11}$"),
    re.compile(r"^1[3-9]\d{9}$"),
    re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$"),
]


def test_partner_marts_carry_no_identifiers(warehouse):
    columns = warehouse.query(
        """
        select table_name, column_name, data_type from information_schema.columns
        where table_schema = 'marts' and table_name like 'fct_partner_%'
        """
    )
    assert {table for table, _, _ in columns} == {"fct_partner_overlap", "fct_partner_referrals"}
    for _, column, _ in columns:
        assert not re.search(r"phone|e_?mail|sha\d|hash|address|openid|unionid|device", column), (
            column
        )
    for table, column, data_type in columns:
        if data_type != "VARCHAR":
            continue
        values = [
            value
            for (value,) in warehouse.query(f"select distinct {column} from marts.{table}")
            if value is not None
        ]
        for value in values:
            assert not any(pattern.match(value) for pattern in IDENTIFIER_PATTERNS), (
                table,
                column,
                value,
            )


def test_referrals_add_up(warehouse):
    rows = warehouse.frame("select * from marts.fct_partner_referrals")
    assert len(rows) == 3 * 3
    for promotion_id, promotion in rows.groupby("promotion_id"):
        base = promotion.set_index("referral_source").loc["all_orders"]
        code = promotion.set_index("referral_source").loc["partner_code"]
        assert code["new_customer_count"] <= base["new_customer_count"]
        assert code["new_customer_share"] == pytest.approx(
            code["new_customer_count"] / base["new_customer_count"]
        )
        sales = warehouse.scalar(
            f"""
            select sum(net_amount) from marts.fct_orders
            where order_date between date '{base["start_date"]:%Y-%m-%d}'
                and date '{base["end_date"]:%Y-%m-%d}'
            """
        )
        assert float(base["promotion_sales_amount"]) == pytest.approx(float(sales))
        assert base["promotion_days"] == (base["end_date"] - base["start_date"]).days + 1
        assert (base["start_date"] - base["pre_period_start_date"]).days == base["promotion_days"]
        assert promotion_id


# ----------------------------------------------------------- recommendations


def test_recommendations_follow_their_rules(warehouse):
    slots = VARS["recommendation_slots"]
    share = VARS["recommendation_exploration_share"]
    affinity_slots = math.floor(slots * (1 - share) + 1e-9)
    recommendations = warehouse.frame("select * from marts.fct_recommendations")
    owned = warehouse.frame(
        "select person_id, product_id, category from intermediate.int_customer_products_owned"
    )
    customers = warehouse.scalar("select count(*) from marts.fct_customer_rfm")

    assert recommendations["person_id"].nunique() == customers
    per_person = recommendations.groupby("person_id").agg(
        slots=("slot", "count"), exploration=("is_exploration", "sum")
    )
    assert (per_person["slots"] == slots).all()
    assert ((per_person["exploration"] - per_person["slots"] * share).abs() <= 1).all()

    owned_pairs = set(zip(owned["person_id"], owned["product_id"], strict=True))
    assert not any(
        pair in owned_pairs
        for pair in zip(recommendations["person_id"], recommendations["product_id"], strict=True)
    )

    bought_categories = set(zip(owned["person_id"], owned["category"], strict=True))
    exploration = recommendations[recommendations["reason"] == "exploration_new_category"]
    assert len(exploration) > 0
    assert not any(
        pair in bought_categories
        for pair in zip(exploration["person_id"], exploration["category"], strict=True)
    )
    # Drawn per person: different persons get different exploration products.
    assert exploration["product_id"].nunique() > 3

    # The affinity slots, recomputed in pandas from the published rules.
    rules = warehouse.frame(
        f"""
        select antecedent_id, consequent_id, confidence * lift as score
        from marts.fct_product_affinity
        where rule_level = 'product' and lift > {VARS["recommendation_min_lift"]}
        """
    )
    candidates = owned.merge(rules, left_on="product_id", right_on="antecedent_id")
    candidates = candidates[
        ~pd.Series(
            list(zip(candidates["person_id"], candidates["consequent_id"], strict=True)),
            index=candidates.index,
        ).isin(owned_pairs)
    ]
    best = (
        candidates.groupby(["person_id", "consequent_id"])["score"]
        .max()
        .reset_index()
        .sort_values(["person_id", "score", "consequent_id"], ascending=[True, False, True])
    )
    expected = best.groupby("person_id").head(affinity_slots)
    actual = recommendations[recommendations["reason"] == "affinity"].sort_values(
        ["person_id", "slot"]
    )
    assert list(zip(actual["person_id"], actual["product_id"], strict=True)) == list(
        zip(expected["person_id"], expected["consequent_id"], strict=True)
    )
    assert (actual["score"].to_numpy() - expected["score"].to_numpy()).__abs__().max() < 1e-9
