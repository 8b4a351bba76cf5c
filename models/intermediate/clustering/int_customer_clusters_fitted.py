"""k-means segments of the customers: one fit, returned in long form.

Rows of kind `person` hold each person's canonical cluster and the distance
to its centroid; rows of kind `k_trial` hold the quality scores of every k
that was tried. The SQL marts split them (dim_customer_clusters,
fct_cluster_selection), so assignments and scores come from the same fit.

Steps:
1. Read int_customer_features, sorted by person_id: the row order of the
   input cannot change the fit. Which columns are clustered, and which are
   log-transformed first (log1p), is data: the seed cluster_features.
2. Missing values take the feature's median; log1p; StandardScaler.
3. KMeans(n_clusters=k, n_init, random_state=seed) for the fixed k, or for
   every k in [k_min, k_max] (method auto), keeping the k with the highest
   silhouette (ties: the smaller k). Silhouette is computed on a fixed-seed
   sample of at most `clustering_silhouette_sample_size` persons, so large
   data stay in memory; Calinski-Harabasz and Davies-Bouldin on all rows.
4. Canonical cluster ids 1..k: by the members' mean monetary value (CNY),
   highest first, then by size (largest first), then by the smallest
   person_id. The same data give the same ids, whatever the labels k-means
   happened to use.
5. Distance to the centroid in the scaled space.

Everything runs single-threaded (threadpoolctl): k-means sums its centres
over threads in the order they finish, which changes the last bits of a
float from one run to the next; one thread makes two builds identical.

Settings come from project vars through the model's meta (see its YAML).
"""

from __future__ import annotations

from typing import Any, NamedTuple

import numpy as np
import pandas as pd
from sklearn.cluster import KMeans
from sklearn.metrics import calinski_harabasz_score, davies_bouldin_score, silhouette_score
from sklearn.preprocessing import StandardScaler
from threadpoolctl import threadpool_limits

ID_COLUMN = "person_id"
ORDER_COLUMN = "monetary"
OUTPUT_COLUMNS: dict[str, str] = {
    "row_type": "string",
    "person_id": "string",
    "cluster_id": "Int64",
    "distance_to_centroid": "float64",
    "cluster_count": "Int64",
    "silhouette": "float64",
    "calinski_harabasz": "float64",
    "davies_bouldin": "float64",
    "inertia": "float64",
    "silhouette_sample_size": "Int64",
    "is_chosen": "boolean",
    "selection_method": "string",
}


class Settings(NamedTuple):
    """The clustering vars, validated."""

    k_method: str
    k: int
    k_min: int
    k_max: int
    n_init: int
    seed: int
    silhouette_sample_size: int


class Trial(NamedTuple):
    """One k-means fit and its quality scores."""

    k: int
    labels: np.ndarray
    centers: np.ndarray
    inertia: float
    silhouette: float
    calinski_harabasz: float
    davies_bouldin: float
    sample_size: int


def read_settings(dbt: Any) -> Settings:
    """The vars, passed to the model through its meta."""
    settings = Settings(
        k_method=str(dbt.config.meta_get("clustering_k_method", "auto")),
        k=int(dbt.config.meta_get("clustering_k", 5)),
        k_min=int(dbt.config.meta_get("clustering_k_min", 3)),
        k_max=int(dbt.config.meta_get("clustering_k_max", 8)),
        n_init=int(dbt.config.meta_get("clustering_n_init", 10)),
        seed=int(dbt.config.meta_get("clustering_random_seed", 42)),
        silhouette_sample_size=int(dbt.config.meta_get("clustering_silhouette_sample_size", 5000)),
    )
    if settings.k_method not in ("auto", "fixed"):
        raise ValueError(f"clustering_k_method is '{settings.k_method}'; expected auto or fixed")
    if settings.k_method == "auto" and settings.k_min > settings.k_max:
        raise ValueError(
            f"clustering_k_min ({settings.k_min}) is above clustering_k_max "
            f"({settings.k_max}); the k search needs k_min <= k_max"
        )
    return settings


def feature_columns(spec: pd.DataFrame) -> tuple[list[str], list[str]]:
    """Clustered features in seed order, and those of them log-transformed."""
    spec = spec.sort_values(["sort_order", "feature"])
    clustered = spec[spec["is_clustered"].astype(bool)]
    names = [str(name) for name in clustered["feature"]]
    logged = [
        str(name) for name in clustered.loc[clustered["is_log_transformed"].astype(bool), "feature"]
    ]
    return names, logged


def scaled_matrix(features: pd.DataFrame, names: list[str], logged: list[str]) -> np.ndarray:
    """Median-imputed, log1p where asked, standardised feature matrix."""
    missing = [name for name in names if name not in features.columns]
    if missing:
        raise ValueError(f"cluster_features lists columns int_customer_features lacks: {missing}")
    if not names:
        raise ValueError("cluster_features marks no feature as clustered")
    values = features[names].astype("float64")
    values = values.fillna(values.median()).fillna(0.0)
    for name in logged:
        values[name] = np.log1p(values[name].clip(lower=0.0))
    return StandardScaler().fit_transform(values.to_numpy())


def candidate_ks(settings: Settings, n_rows: int) -> list[int]:
    """The k values to try: at least 1 and at most one per person."""
    wanted = (
        [settings.k]
        if settings.k_method == "fixed"
        else list(range(settings.k_min, settings.k_max + 1))
    )
    usable = sorted({min(max(k, 1), n_rows) for k in wanted})
    return usable


def fit_one(matrix: np.ndarray, k: int, settings: Settings) -> Trial:
    """k-means at one k, with silhouette on a fixed-seed sample."""
    fitted = KMeans(n_clusters=k, n_init=settings.n_init, random_state=settings.seed).fit(matrix)
    labels = fitted.labels_
    n_rows = matrix.shape[0]
    distinct = len(np.unique(labels))
    sample = min(n_rows, settings.silhouette_sample_size)
    if 2 <= distinct <= n_rows - 1:
        silhouette = float(
            silhouette_score(
                matrix,
                labels,
                sample_size=sample if sample < n_rows else None,
                random_state=settings.seed,
            )
        )
        calinski = float(calinski_harabasz_score(matrix, labels))
        davies = float(davies_bouldin_score(matrix, labels))
    else:
        silhouette = calinski = davies = float("nan")
    return Trial(
        k=k,
        labels=labels,
        centers=fitted.cluster_centers_,
        inertia=float(fitted.inertia_),
        silhouette=silhouette,
        calinski_harabasz=calinski,
        davies_bouldin=davies,
        sample_size=sample,
    )


def choose(trials: list[Trial]) -> Trial:
    """The trial with the highest silhouette; ties and NaNs to the smaller k."""
    scored = [t for t in trials if not np.isnan(t.silhouette)]
    if not scored:
        return trials[0]
    return max(scored, key=lambda t: (t.silhouette, -t.k))


def canonical_ids(trial: Trial, features: pd.DataFrame) -> np.ndarray:
    """Map k-means labels to ids 1..k ordered by a stable property."""
    frame = pd.DataFrame(
        {
            "label": trial.labels,
            "order_value": features[ORDER_COLUMN].astype("float64").fillna(0.0).to_numpy(),
            "person_id": features[ID_COLUMN].astype(str).to_numpy(),
        }
    )
    summary = frame.groupby("label").agg(
        order_value=("order_value", "mean"),
        size=("person_id", "size"),
        first_person=("person_id", "min"),
    )
    summary = summary.sort_values(
        ["order_value", "size", "first_person"], ascending=[False, False, True]
    )
    mapping = {int(label): rank for rank, label in enumerate(summary.index, start=1)}
    return np.array([mapping[int(label)] for label in trial.labels], dtype="int64")


def empty_output() -> pd.DataFrame:
    return pd.DataFrame({name: pd.Series(dtype=dtype) for name, dtype in OUTPUT_COLUMNS.items()})


def fit_clusters(features: pd.DataFrame, spec: pd.DataFrame, settings: Settings) -> pd.DataFrame:
    """Fit and return person rows and k-trial rows (see the module docstring)."""
    if features.empty:
        return empty_output()
    features = features.sort_values(ID_COLUMN, kind="mergesort").reset_index(drop=True)
    names, logged = feature_columns(spec)
    with threadpool_limits(limits=1):
        matrix = scaled_matrix(features, names, logged)
        trials = [fit_one(matrix, k, settings) for k in candidate_ks(settings, len(features))]
    chosen = choose(trials)
    ids = canonical_ids(chosen, features)
    distances = np.linalg.norm(matrix - chosen.centers[chosen.labels], axis=1)
    persons = pd.DataFrame(
        {
            "row_type": "person",
            "person_id": features[ID_COLUMN].astype(str),
            "cluster_id": ids,
            "distance_to_centroid": distances,
            "cluster_count": chosen.k,
        }
    )
    trial_rows = pd.DataFrame(
        {
            "row_type": "k_trial",
            "cluster_count": [t.k for t in trials],
            "silhouette": [t.silhouette for t in trials],
            "calinski_harabasz": [t.calinski_harabasz for t in trials],
            "davies_bouldin": [t.davies_bouldin for t in trials],
            "inertia": [t.inertia for t in trials],
            "silhouette_sample_size": [t.sample_size for t in trials],
            "is_chosen": [t.k == chosen.k for t in trials],
            "selection_method": settings.k_method,
        }
    )
    output = pd.concat([persons, trial_rows], ignore_index=True)
    return output.reindex(columns=list(OUTPUT_COLUMNS)).astype(OUTPUT_COLUMNS)


def model(dbt: Any, session: Any) -> pd.DataFrame:
    dbt.config(materialized="table")
    settings = read_settings(dbt)
    features = dbt.ref("int_customer_features").df()
    spec = dbt.ref("cluster_features").df()
    return fit_clusters(features, spec, settings)
