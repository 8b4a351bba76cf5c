{#- One row per cluster and behaviour feature: the members' mean and
    quartiles of the raw value, their mean percentile rank, and the level it
    gives (low below var clustering_low_rank, high above var
    clustering_high_rank, typical between). Means are taken over decimals:
    a sum of doubles depends on the order the rows arrive in, and two builds
    must agree to the last bit. -#}
with

assignments as (

    select * from {{ ref('int_customer_clusters_fitted') }}
    where row_type = 'person'

),

ranks as (

    select * from {{ ref('int_customer_feature_ranks') }}

),

members as (

    select
        assignments.cluster_id,
        ranks.feature,
        ranks.feature_value,
        ranks.percentile_rank
    from assignments
    inner join ranks on assignments.person_id = ranks.person_id

),

summaries as (

    select
        cluster_id,
        feature,
        count(*) as valued_person_count,
        cast(
            avg(cast(feature_value as decimal(38, 12))) as double
        ) as feature_mean,
        percentile_cont(0.25) within group (
            order by feature_value
        ) as feature_p25,
        percentile_cont(0.5) within group (
            order by feature_value
        ) as feature_median,
        percentile_cont(0.75) within group (
            order by feature_value
        ) as feature_p75,
        cast(
            avg(cast(percentile_rank as decimal(18, 15))) as double
        ) as mean_percentile_rank
    from members
    group by 1, 2

),

levelled as (

    select
        cluster_id,
        feature,
        case
            when mean_percentile_rank < {{ var('clustering_low_rank') }}
                then 'low'
            when mean_percentile_rank > {{ var('clustering_high_rank') }}
                then 'high'
            else 'typical'
        end as feature_level,
        valued_person_count,
        feature_mean,
        feature_p25,
        feature_median,
        feature_p75,
        mean_percentile_rank
    from summaries

)

select * from levelled
