{#- One row per cluster and behaviour feature: the cluster's size, share and
    label, and the members' mean, quartiles and mean percentile rank of the
    feature with the level it gives (low, typical, high). -#}
with

assignments as (

    select * from {{ ref('int_customer_clusters_fitted') }}
    where row_type = 'person'

),

summaries as (

    select * from {{ ref('int_cluster_feature_summaries') }}

),

labels as (

    select * from {{ ref('int_cluster_labels') }}

),

features as (

    select * from {{ ref('cluster_features') }}

),

sizes as (

    select
        cluster_id,
        count(*) as person_count
    from assignments
    group by 1

),

total as (

    select sum(person_count) as all_persons from sizes

),

profiles as (

    select
        cast(summaries.cluster_id as integer) as cluster_id,
        labels.cluster_label,
        labels.cluster_name_en,
        labels.cluster_name_zh,
        summaries.feature,
        features.feature_name_en,
        features.feature_name_zh,
        summaries.feature_level,
        cast(sizes.person_count as {{ dbt.type_bigint() }}) as person_count,
        cast(
            {{ safe_divide('sizes.person_count', 'total.all_persons') }}
            as double
        ) as person_share,
        cast(summaries.feature_mean as double) as feature_mean,
        cast(summaries.feature_p25 as double) as feature_p25,
        cast(summaries.feature_median as double) as feature_median,
        cast(summaries.feature_p75 as double) as feature_p75,
        cast(summaries.mean_percentile_rank as double)
            as mean_percentile_rank,
        coalesce(features.is_clustered, false) as is_clustered,
        coalesce(summaries.feature = labels.label_feature, false)
            as is_label_feature
    from summaries
    inner join sizes on summaries.cluster_id = sizes.cluster_id
    inner join labels on summaries.cluster_id = labels.cluster_id
    left join features on summaries.feature = features.feature
    cross join total

)

select * from profiles
