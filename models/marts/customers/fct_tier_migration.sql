{#- One row per snapshot date (month end, or the as-of date), tier one
    snapshot before and tier now: how many customers moved, and the rate
    among customers who were in from_tier (rates from one tier add up to 1).
    Customers who had not bought yet at the earlier snapshot are not here. -#}
with

history as (

    select * from {{ ref('fct_customer_tier_history') }}
    where previous_tier is not null

),

moves as (

    select
        snapshot_date,
        previous_tier as from_tier,
        rfm_tier as to_tier,
        count(*) as customer_count
    from history
    group by 1, 2, 3

),

rated as (

    select
        moves.from_tier,
        moves.to_tier,
        cast(moves.customer_count as {{ dbt.type_bigint() }}) as customer_count,
        cast(
            {{ safe_divide(
                'moves.customer_count',
                'sum(moves.customer_count) over (partition by moves.snapshot_date, moves.from_tier)'
            ) }} as double
        ) as migration_rate,
        moves.snapshot_date
    from moves

)

select * from rated
