{#- One row per cluster: its label. Every rule of seed cluster_label_rules
    whose feature is at the rule's level in the cluster is a candidate; the
    most distinctive one wins (mean percentile rank furthest from 0.5; ties
    by rule priority, then label). No candidate: the seed's fallback label. -#}
with

assignments as (

    select * from {{ ref('int_customer_clusters_fitted') }}
    where row_type = 'person'

),

summaries as (

    select * from {{ ref('int_cluster_feature_summaries') }}

),

rules as (

    select * from {{ ref('cluster_label_rules') }}

),

labels as {{ not_materialized() }} (

    select * from {{ ref('cluster_labels') }}

),

clusters as (

    select distinct cluster_id from assignments

),

candidates as (

    select
        summaries.cluster_id,
        rules.cluster_label,
        summaries.feature,
        summaries.mean_percentile_rank,
        row_number() over (
            partition by summaries.cluster_id
            order by
                abs(summaries.mean_percentile_rank - 0.5) desc,
                rules.priority asc,
                rules.cluster_label asc
        ) as candidate_rank
    from summaries
    inner join rules
        on
            summaries.feature = rules.feature
            and summaries.feature_level = rules.feature_level

),

fallback as (

    select cluster_label from labels
    where is_fallback

),

chosen as (

    select
        clusters.cluster_id,
        coalesce(candidates.cluster_label, fallback.cluster_label)
            as cluster_label,
        candidates.feature as label_feature,
        candidates.mean_percentile_rank as label_percentile_rank
    from clusters
    cross join fallback
    left join candidates
        on
            clusters.cluster_id = candidates.cluster_id
            and candidates.candidate_rank = 1

),

named as (

    select
        chosen.cluster_id,
        chosen.cluster_label,
        labels.label_name_en as cluster_name_en,
        labels.label_name_zh as cluster_name_zh,
        chosen.label_feature,
        chosen.label_percentile_rank
    from chosen
    inner join labels on chosen.cluster_label = labels.cluster_label

)

select * from named
