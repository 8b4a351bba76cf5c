{#- One row per cluster and RFM tier, every pair present (zero when empty):
    persons in both, and their share of the cluster and of the tier. Shows
    what the behaviour groups add to the value tiers. -#}
with

clusters as {{ not_materialized() }} (

    select * from {{ ref('dim_customer_clusters') }}

),

customers as (

    select * from {{ ref('fct_customer_rfm') }}

),

tiers as (

    select * from {{ ref('rfm_tiers') }}

),

cluster_list as (

    select distinct
        cluster_id,
        cluster_label
    from clusters

),

pairs as (

    select
        cluster_list.cluster_id,
        cluster_list.cluster_label,
        tiers.rfm_tier,
        tiers.sort_order as tier_sort_order
    from cluster_list
    cross join tiers

),

counts as (

    select
        clusters.cluster_id,
        customers.rfm_tier,
        count(*) as person_count
    from clusters
    inner join customers on clusters.person_id = customers.person_id
    group by 1, 2

),

filled as (

    select
        pairs.cluster_id,
        pairs.cluster_label,
        pairs.rfm_tier,
        pairs.tier_sort_order,
        coalesce(counts.person_count, 0) as person_count
    from pairs
    left join counts
        on
            pairs.cluster_id = counts.cluster_id
            and pairs.rfm_tier = counts.rfm_tier

),

shares as (

    select
        cast(cluster_id as integer) as cluster_id,
        cluster_label,
        rfm_tier,
        cast(person_count as {{ dbt.type_bigint() }}) as person_count,
        cast(
            {{ safe_divide(
                'person_count',
                'sum(person_count) over (partition by cluster_id)') }}
            as double
        ) as share_of_cluster,
        cast(
            {{ safe_divide(
                'person_count',
                'sum(person_count) over (partition by rfm_tier)') }}
            as double
        ) as share_of_tier,
        cast(tier_sort_order as integer) as tier_sort_order
    from filled

)

select * from shares
