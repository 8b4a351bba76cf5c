{#- One row per person and lifecycle action due as of var as_of_date,
    before channel choice, frequency cap and holdout. Each trigger fires on
    one day of the person's timeline; it is due when that day lies between
    the as-of date minus var action_catch_up_days and the as-of date (0: on
    the day itself, for a daily run). Days are local (order_date). -#}
{%- set catch_up = var('action_catch_up_days') -%}
{%- set share = var('action_stock_up_cycle_share') -%}
with

lifecycle as {{ not_materialized() }} (

    select * from {{ ref('fct_customer_lifecycle') }}
    where recency_days is not null

),

tickets as (

    select * from {{ ref('stg_service__tickets') }}
    where not is_duplicate and is_complaint

),

person_map as (

    {{ person_map_of(['service.tickets']) }}

),

latest_complaints as (

    select
        person_map.person_id,
        max(cast({{ utc_to_local('tickets.opened_at') }} as date))
            as complaint_date
    from tickets
    inner join person_map
        on person_map.record_key = concat('service.tickets:', tickets.ticket_id)
    where tickets.opened_at <= {{ as_of_end_utc() }}
    group by 1

),

triggers as (

    -- the only purchase day was N days ago
    select
        person_id,
        'repurchase_coupon' as action,  -- noqa: RF04
        recency_days - {{ var('action_repurchase_coupon_days') }}
            as days_since_trigger
    from lifecycle
    where purchase_day_count = 1

    union all

    -- day ceil(share x own cycle) after the last purchase day, while the
    -- person is not yet past the cycle (recency within the own median gap)
    select
        person_id,
        'stock_up_reminder' as action,  -- noqa: RF04
        recency_days - ceil({{ share }} * expected_gap_days)
            as days_since_trigger
    from lifecycle
    where not uses_population_gap and recency_days <= expected_gap_days

    union all

    -- day N of the quiet spell since the last purchase day
    select
        person_id,
        'win_back_offer' as action,  -- noqa: RF04
        recency_days - {{ var('action_win_back_quiet_days') }}
            as days_since_trigger
    from lifecycle

    union all

    -- the later of the day the person became churned and their latest
    -- complaint: churned customers who complained, once
    select
        lifecycle.person_id,
        'churn_survey' as action,  -- noqa: RF04
        least(
            lifecycle.recency_days - {{ var('lifecycle_churn_days') }} - 1,
            {{ dbt.datediff('latest_complaints.complaint_date',
                            as_of_date(), 'day') }}
        ) as days_since_trigger
    from lifecycle
    inner join latest_complaints
        on lifecycle.person_id = latest_complaints.person_id
    where lifecycle.lifecycle_stage = 'churned'

),

due as (

    select
        triggers.person_id,
        triggers.action,
        lifecycle.lifecycle_stage,
        lifecycle.recency_days,
        lifecycle.expected_gap_days,
        cast(triggers.days_since_trigger as integer) as days_since_trigger,
        cast({{ dbt.dateadd('day', '-1 * triggers.days_since_trigger',
                            as_of_date()) }} as date) as trigger_date,
        lifecycle.last_order_date
    from triggers
    inner join lifecycle on triggers.person_id = lifecycle.person_id
    where triggers.days_since_trigger between 0 and {{ catch_up }}

)

select * from due
