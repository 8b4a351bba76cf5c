{#- One row per person with valid orders: their purchase days, the gap
    before the latest one, and the cadence they are expected to keep: the
    median gap between their purchase days, or for one-time buyers the
    median gap of all repeat buyers. -#}
{%- set recency = dbt.datediff(
    'per_person.last_order_date', as_of_date(), 'day') -%}

with

purchase_days as {{ not_materialized() }} (

    select * from {{ ref('int_customer_order_days') }}
    where order_date <= {{ as_of_date() }}

),

population as (

    select median(days_since_previous) as median_gap_days
    from purchase_days
    where days_since_previous is not null

),

per_person as (

    select
        person_id,
        count(*) as purchase_day_count,
        sum(order_count) as order_count,
        min(order_date) as first_order_date,
        max(order_date) as last_order_date,
        median(days_since_previous) as own_median_gap_days,
        max(case
            when purchase_day_number = max_day_number
                then days_since_previous
        end) as gap_before_latest_days
    from (
        select
            purchase_days.*,
            max(purchase_days.purchase_day_number) over (
                partition by purchase_days.person_id
            ) as max_day_number
        from purchase_days
    ) as numbered
    group by 1

),

cadence as (

    select
        per_person.person_id,
        cast(per_person.purchase_day_count as {{ dbt.type_bigint() }})
            as purchase_day_count,
        cast(per_person.order_count as {{ dbt.type_bigint() }}) as order_count,
        cast(per_person.own_median_gap_days as double) as own_median_gap_days,
        cast(
            coalesce(per_person.own_median_gap_days, population.median_gap_days)
            as double
        ) as expected_gap_days,
        per_person.own_median_gap_days is null as uses_population_gap,
        cast(per_person.gap_before_latest_days as {{ dbt.type_bigint() }})
            as gap_before_latest_days,
        cast({{ recency }} as {{ dbt.type_bigint() }}) as recency_days,  -- noqa: LT05
        per_person.first_order_date,
        per_person.last_order_date
    from per_person
    cross join population

)

select * from cadence
