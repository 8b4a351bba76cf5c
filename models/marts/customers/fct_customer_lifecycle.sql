{#- One row per person (prospects included), as of var as_of_date: the
    lifecycle stage from the person's own cadence, the expected next
    purchase date and the days it is overdue. Rules, first match wins:
    {{ doc('lifecycle_stage_rules') }} -#}
{%- set next_purchase = dbt.dateadd(
    'day', 'cast(round(staged.expected_gap_days) as integer)',
    'staged.last_order_date') -%}

with

customers as (

    select person_id from {{ ref('dim_customers') }}

),

cadence as (

    select * from {{ ref('int_customer_purchase_cadence') }}

),

stages as (

    select * from {{ ref('lifecycle_stages') }}

),

staged as (

    select
        customers.person_id,
        case
            when cadence.person_id is null then 'prospect'
            when cadence.recency_days > {{ var('lifecycle_churn_days') }}
                then 'churned'
            when cadence.recency_days > greatest(
                {{ var('lifecycle_dormant_floor_days') }},
                {{ var('lifecycle_dormant_gap_multiple') }}
                * cadence.expected_gap_days
            ) then 'dormant'
            when
                cadence.gap_before_latest_days
                > {{ var('lifecycle_reactivation_gap_days') }}
                and cadence.recency_days <= cadence.expected_gap_days
                then 'reactivated'
            when
                cadence.recency_days
                > {{ var('lifecycle_at_risk_gap_multiple') }}
                * cadence.expected_gap_days
                then 'at_risk'
            when cadence.purchase_day_count = 1 then 'new'
            else 'active'
        end as lifecycle_stage,
        cadence.order_count,
        cadence.purchase_day_count,
        cadence.recency_days,
        cadence.expected_gap_days,
        cadence.uses_population_gap,
        cadence.first_order_date,
        cadence.last_order_date
    from customers
    left join cadence on customers.person_id = cadence.person_id

),

final as (

    select
        staged.person_id,
        staged.lifecycle_stage,
        stages.stage_name_en,
        stages.stage_name_zh,
        coalesce(staged.order_count, 0) as order_count,
        coalesce(staged.purchase_day_count, 0) as purchase_day_count,
        staged.recency_days,
        staged.expected_gap_days,
        coalesce(staged.uses_population_gap, false) as uses_population_gap,
        cast(
            greatest(
                0,
                {{ dbt.datediff('staged.expected_next', as_of_date(), 'day') }}
            ) as {{ dbt.type_bigint() }}
        ) as days_overdue,
        staged.first_order_date,
        staged.last_order_date,
        staged.expected_next as expected_next_purchase_date
    from (
        select
            staged.*,
            cast({{ next_purchase }} as date) as expected_next
        from staged
    ) as staged
    inner join stages on staged.lifecycle_stage = stages.lifecycle_stage

)

select * from final
