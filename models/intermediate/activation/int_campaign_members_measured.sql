{#- One row per campaign with a holdout and person in its audience: the
    group (treatment or holdout) and the outcome, a valid order within var
    campaign_conversion_window_days × 24 hours after the assignment.
    Members are resolved to persons through their identifier; a person
    assigned to both groups of a campaign is left out (contaminated), one
    assigned twice to the same group counts once, from the first
    assignment. -#}
{%- set window_seconds = var('campaign_conversion_window_days') * 86400 -%}
with

members as (

    select * from {{ ref('stg_marketing__campaign_members') }}
    where not is_duplicate and assigned_at <= {{ as_of_end_utc() }}

),

campaigns as (

    select * from {{ ref('stg_marketing__campaigns') }}
    where not is_duplicate and has_holdout

),

identifiers as (

    select * from {{ ref('int_identifiers_resolved') }}

),

orders as (

    select * from {{ ref('fct_orders') }}
    where person_id is not null and ordered_at <= {{ as_of_end_utc() }}

),

persons as (

    select
        members.campaign_id,
        identifiers.person_id,
        min(members.assigned_at) as assigned_at,
        max(case when members.is_holdout then 1 else 0 end) as any_holdout,
        min(case when members.is_holdout then 1 else 0 end) as all_holdout
    from members
    inner join campaigns on members.campaign_id = campaigns.campaign_id
    inner join identifiers
        on
            identifiers.node_id
            = concat(members.identifier_type, ':', members.identifier_value)
    group by 1, 2

),

outcomes as (

    select
        persons.campaign_id,
        persons.person_id,
        count(*) as order_count,
        sum(orders.net_amount) as revenue
    from persons
    inner join orders on persons.person_id = orders.person_id
    where
        orders.ordered_at > persons.assigned_at
        and {{ epoch_seconds('orders.ordered_at') }}
        - {{ epoch_seconds('persons.assigned_at') }} <= {{ window_seconds }}
    group by 1, 2

),

measured as (

    select
        persons.campaign_id,
        persons.person_id,
        cast(coalesce(outcomes.order_count, 0) as {{ dbt.type_bigint() }})
            as order_count,
        cast(coalesce(outcomes.revenue, 0) as decimal(18, 2)) as revenue,
        persons.all_holdout = 1 as is_holdout,
        outcomes.person_id is not null as has_converted,
        {{ epoch_seconds('persons.assigned_at') }} + {{ window_seconds }}
        <= {{ epoch_seconds(as_of_end_utc()) }} as is_window_complete,
        persons.assigned_at
    from persons
    left join outcomes
        on
            persons.campaign_id = outcomes.campaign_id
            and persons.person_id = outcomes.person_id
    where persons.any_holdout = persons.all_holdout

)

select * from measured
