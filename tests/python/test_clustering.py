"""The clustering (a dbt Python model): it finds the generator's planted
personas on the demo data, two builds give identical assignments, the model
function works on small frames through a stub `dbt` object, and the Spark
target leaves every Python model out."""

from __future__ import annotations

import csv
import importlib.util
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np
import pandas as pd
import pytest
from conftest import BIN, ROOT, Warehouse, run
from sklearn.metrics import adjusted_rand_score

MODEL_FILE = ROOT / "models" / "intermediate" / "clustering" / "int_customer_clusters_fitted.py"
FEATURE_SEED = ROOT / "seeds" / "clustering" / "cluster_features.csv"
ARI_MIN = 0.7
# The order tables and record keys of the identity map, and the names the
# truth files use for the same tables.
ORDER_TABLES = {"shop.orders": "shop__orders", "pos.transactions": "pos__transactions"}
CLUSTERING_MODELS = {
    "int_customer_clusters_fitted",
    "int_cluster_feature_summaries",
    "int_cluster_labels",
    "dim_customer_clusters",
    "fct_cluster_profiles",
    "fct_cluster_selection",
    "fct_cluster_rfm_crosstab",
}


# -- the demo data ----------------------------------------------------------
def planted_personas(warehouse: Warehouse, demo_data: Path) -> pd.DataFrame:
    """person_id -> persona of the person who really placed most of its orders."""
    truth_dir = demo_data / "_truth"
    owners = pd.read_csv(truth_dir / "record_owners.csv", dtype=str)
    owners = owners[owners["source_table"].isin(ORDER_TABLES.values())]
    personas = pd.read_csv(truth_dir / "persons.csv", dtype=str)[["person_key", "persona"]]
    records = warehouse.frame(
        "select person_id, record_key from intermediate.int_identity_person_map "
        "where split_part(record_key, ':', 1) in ('shop.orders', 'pos.transactions')"
    )
    table_and_key = records["record_key"].str.split(":", n=1, expand=True)
    records["source_table"] = table_and_key[0].map(ORDER_TABLES)
    records["raw_key"] = table_and_key[1]
    joined = records.merge(
        owners, left_on=["source_table", "raw_key"], right_on=["source_table", "record_key"]
    )
    counts = joined.groupby(["person_id", "person_key"]).size().reset_index(name="records")
    majority = counts.sort_values(
        ["person_id", "records", "person_key"], ascending=[True, False, True]
    ).drop_duplicates("person_id")
    return majority.merge(personas, on="person_key")[["person_id", "persona"]]


def clusters_with_personas(warehouse: Warehouse, demo_data: Path) -> pd.DataFrame:
    clusters = warehouse.frame(
        "select person_id, cluster_id, cluster_label from marts.dim_customer_clusters"
    )
    return clusters.merge(planted_personas(warehouse, demo_data), on="person_id", how="left")


def test_clusters_recover_the_planted_personas(warehouse, demo_data):
    frame = clusters_with_personas(warehouse, demo_data)
    assert frame["persona"].notna().all(), "every person with orders has a planted owner"
    score = adjusted_rand_score(frame["persona"], frame["cluster_id"])
    selection = warehouse.frame("select * from marts.fct_cluster_selection order by cluster_count")
    print("\nk selection:\n" + selection.to_string(index=False))
    print("\nclusters x planted personas:")
    print(
        pd.crosstab(
            frame["cluster_id"].astype(str) + " " + frame["cluster_label"], frame["persona"]
        )
    )
    print(f"\nadjusted Rand index (clusters vs planted personas): {score:.4f}")
    assert score >= ARI_MIN


def test_each_persona_lands_in_a_cluster_labelled_after_it(warehouse, demo_data):
    """Labels come from percentile ranks: the cluster holding most of a
    planted persona carries that persona's name."""
    frame = clusters_with_personas(warehouse, demo_data)
    home = (
        frame.groupby(["persona", "cluster_label"])
        .size()
        .reset_index(name="persons")
        .sort_values(["persona", "persons"], ascending=[True, False])
        .drop_duplicates("persona")
    )
    assert dict(zip(home["persona"], home["cluster_label"], strict=True)) == {
        persona: persona for persona in home["persona"]
    }


def test_selection_and_profiles_agree_with_the_assignments(warehouse):
    chosen = warehouse.query(
        "select cluster_count from marts.fct_cluster_selection where is_chosen"
    )
    assert len(chosen) == 1
    assigned = warehouse.scalar(
        "select count(distinct cluster_id) from marts.dim_customer_clusters"
    )
    assert chosen[0][0] == assigned
    sizes = dict(
        warehouse.query("select cluster_id, count(*) from marts.dim_customer_clusters group by 1")
    )
    profiled = dict(
        warehouse.query("select distinct cluster_id, person_count from marts.fct_cluster_profiles")
    )
    assert profiled == sizes
    crosstab = dict(
        warehouse.query(
            "select cluster_id, sum(person_count) from marts.fct_cluster_rfm_crosstab group by 1"
        )
    )
    assert crosstab == sizes


def test_two_builds_give_identical_assignments(warehouse, second_warehouse):
    sql = "select * from marts.dim_customer_clusters order by person_id"
    first, second = warehouse.frame(sql), second_warehouse.frame(sql)
    assert len(first) > 0
    pd.testing.assert_frame_equal(first, second, check_exact=True)
    sql = "select * from marts.fct_cluster_selection order by cluster_count"
    pd.testing.assert_frame_equal(
        warehouse.frame(sql), second_warehouse.frame(sql), check_exact=True
    )


def test_spark_target_lists_no_clustering_model(tmp_path):
    """dbt Python models do not run on the Spark session target: the
    clustering folder is disabled there, and so is everything built on it."""
    result = run(
        [
            str(BIN / "dbt"),
            "ls",
            "--resource-type",
            "model",
            "--output",
            "name",
            "--target-path",
            str(tmp_path / "target"),
            "--log-path",
            str(tmp_path / "logs"),
        ],
        env={"DBT_TARGET": "spark", "SPARK_RUN_DIR": str(tmp_path)},
    )
    listed = set(result.stdout.split())
    assert "int_customer_features" in listed
    assert listed & CLUSTERING_MODELS == set()


# -- the model function, through a stub dbt object ---------------------------
def load_model() -> ModuleType:
    spec = importlib.util.spec_from_file_location("clustering_model", MODEL_FILE)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class StubRelation:
    def __init__(self, frame: pd.DataFrame) -> None:
        self.frame = frame

    def df(self) -> pd.DataFrame:
        return self.frame.copy()


class StubConfig:
    """`dbt.config(...)`, `dbt.config.get(...)` and `dbt.config.meta_get(...)`."""

    def __init__(self, meta: dict[str, Any]) -> None:
        self.meta = meta
        self.calls: list[dict[str, Any]] = []

    def __call__(self, **kwargs: Any) -> None:
        self.calls.append(kwargs)

    def get(self, key: str, default: Any = None) -> Any:
        return default

    def meta_get(self, key: str, default: Any = None) -> Any:
        return self.meta.get(key, default)


class StubDbt:
    def __init__(self, tables: dict[str, pd.DataFrame], meta: dict[str, Any]) -> None:
        self.tables = tables
        self.config = StubConfig(meta)

    def ref(self, name: str) -> StubRelation:
        return StubRelation(self.tables[name])


def feature_spec() -> pd.DataFrame:
    with FEATURE_SEED.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    spec = pd.DataFrame(rows)
    for column in ("is_clustered", "is_log_transformed"):
        spec[column] = spec[column] == "true"
    spec["sort_order"] = spec["sort_order"].astype(int)
    return spec


GROUPS = {
    # recency, orders, spend, discount, price pct, late, weekend, units, categories, online
    "bargain": (20, 8, 600.0, 0.30, 0.15, 0.0, 0.25, 2.5, 3, 1.0),
    "premium": (30, 6, 1500.0, 0.01, 0.90, 0.0, 0.25, 1.5, 2, 0.5),
    "night_owl": (15, 10, 1000.0, 0.03, 0.45, 0.9, 0.25, 1.5, 3, 1.0),
}


def synthetic_features(per_group: int = 30, seed: int = 7) -> tuple[pd.DataFrame, list[str]]:
    """Three well-separated groups with a little noise; returns features and truth."""
    rng = np.random.default_rng(seed)
    rows, truth = [], []
    for group, values in GROUPS.items():
        recency, orders, spend, discount, price, late, weekend, units, cats, online = values
        for n in range(per_group):
            jitter = rng.normal(1.0, 0.05)
            rows.append(
                {
                    "person_id": f"{group}_{n:03d}",
                    "recency_days": int(recency * jitter),
                    "frequency": orders,
                    "monetary": round(spend * jitter, 2),
                    "average_order_value": round(spend * jitter / orders, 2),
                    "discount_share": discount * jitter,
                    "unit_price_percentile": min(1.0, price * jitter),
                    "late_night_share": late,
                    "weekend_share": weekend,
                    "items_per_basket": units * jitter,
                    "category_count": cats,
                    "online_share": online,
                }
            )
            truth.append(group)
    return pd.DataFrame(rows), truth


def run_model(features: pd.DataFrame, **meta: Any) -> tuple[pd.DataFrame, StubDbt]:
    settings = {
        "clustering_k_method": "auto",
        "clustering_k_min": 2,
        "clustering_k_max": 5,
        "clustering_n_init": 10,
        "clustering_random_seed": 42,
        "clustering_silhouette_sample_size": 5000,
        **meta,
    }
    dbt = StubDbt({"int_customer_features": features, "cluster_features": feature_spec()}, settings)
    output = load_model().model(dbt, None)
    return output, dbt


def persons_of(output: pd.DataFrame) -> pd.DataFrame:
    return output[output["row_type"] == "person"].set_index("person_id")


def test_model_finds_three_planted_groups_with_a_stub_dbt():
    features, truth = synthetic_features()
    output, dbt = run_model(features)
    assert dbt.config.calls == [{"materialized": "table"}]
    persons = persons_of(output).loc[features["person_id"]]
    assert adjusted_rand_score(truth, persons["cluster_id"]) == 1.0
    trials = output[output["row_type"] == "k_trial"].set_index("cluster_count")
    assert list(trials.index) == [2, 3, 4, 5]
    assert trials["is_chosen"].sum() == 1 and bool(trials.loc[3, "is_chosen"])
    assert trials[["silhouette", "calinski_harabasz", "davies_bouldin"]].notna().all().all()
    # canonical ids: highest mean spend first (premium, night_owl, bargain)
    first_of = {group: persons.loc[f"{group}_000", "cluster_id"] for group in GROUPS}
    assert first_of == {"premium": 1, "night_owl": 2, "bargain": 3}
    assert (persons["distance_to_centroid"] >= 0).all()


def test_model_ignores_input_row_order_and_fills_missing_values():
    features, _ = synthetic_features()
    shuffled = features.sample(frac=1.0, random_state=3).reset_index(drop=True)
    shuffled.loc[0, "unit_price_percentile"] = np.nan
    baseline = features.copy()
    baseline.loc[baseline["person_id"] == shuffled.loc[0, "person_id"], "unit_price_percentile"] = (
        np.nan
    )
    first, _ = run_model(baseline)
    second, _ = run_model(shuffled)
    pd.testing.assert_frame_equal(first, second, check_exact=True)
    assert persons_of(first)["cluster_id"].notna().all()


def test_fixed_k_tries_only_that_k():
    features, truth = synthetic_features()
    output, _ = run_model(features, clustering_k_method="fixed", clustering_k=4)
    trials = output[output["row_type"] == "k_trial"]
    assert list(trials["cluster_count"]) == [4]
    assert list(trials["selection_method"]) == ["fixed"]
    assert persons_of(output)["cluster_id"].nunique() == 4


def test_silhouette_is_computed_on_a_bounded_sample():
    features, _ = synthetic_features(per_group=40)
    output, _ = run_model(features, clustering_silhouette_sample_size=50)
    trials = output[output["row_type"] == "k_trial"]
    assert set(trials["silhouette_sample_size"]) == {50}


def test_empty_input_gives_an_empty_typed_frame():
    features, _ = synthetic_features()
    output, _ = run_model(features.iloc[0:0])
    assert output.empty
    assert list(output.columns) == list(load_model().OUTPUT_COLUMNS)


def test_impossible_k_range_fails_with_what_to_fix():
    features, _ = synthetic_features()
    with pytest.raises(ValueError, match="clustering_k_min"):
        run_model(features, clustering_k_min=6, clustering_k_max=3)


def test_model_file_fixes_its_seeds_and_stays_free_of_jinja():
    source = MODEL_FILE.read_text(encoding="utf-8")
    assert "random_state=settings.seed" in source
    assert "n_init=settings.n_init" in source
    assert "{{" not in source and "{%" not in source
