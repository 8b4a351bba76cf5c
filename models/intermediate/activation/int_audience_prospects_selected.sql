{#- One row per prospect audience and person, before consent: brand
    prospects (no valid order up to the as-of date, an interaction record
    in the last var audience_prospect_lookback_days days), and category and
    item prospects (viewed, favourited or carted a product in that window
    and never bought that product, or any product of that category, up to
    the as-of date). -#}
{%- set window_start = dbt.dateadd(
    'day', 1 - var('audience_prospect_lookback_days'), as_of_date()) -%}
with

lifecycle as (

    select * from {{ ref('fct_customer_lifecycle') }}

),

person_map as (

    {{ person_map_of(var('audience_interaction_sources')) }}

),

app_events as (

    select * from {{ ref('int_app_events_resolved') }}
    where
        event_name in ('view_product', 'favourite', 'add_to_cart')
        and person_id is not null
        and occurred_at <= {{ as_of_end_utc() }}

),

products as (

    select * from {{ ref('products') }}

),

order_lines as {{ not_materialized() }} (

    select * from {{ ref('fct_order_lines') }}
    where person_id is not null and order_date <= {{ as_of_date() }}

),

brand_prospects as (

    select
        'brand_prospects' as audience_type,
        'all' as audience_key,
        lifecycle.person_id,
        max(cast({{ utc_to_local('person_map.last_seen_at') }} as date))
            as last_activity_date
    from lifecycle
    inner join person_map on lifecycle.person_id = person_map.person_id
    where
        lifecycle.lifecycle_stage = 'prospect'
        and person_map.last_seen_at <= {{ as_of_end_utc() }}
    group by 1, 2, 3

),

product_interest as (

    select
        app_events.person_id,
        app_events.product_id,
        products.category,
        cast({{ utc_to_local('app_events.occurred_at') }} as date)
            as activity_date
    from app_events
    inner join products on app_events.product_id = products.product_id

),

item_prospects as (

    select
        'item_prospects' as audience_type,
        product_interest.product_id as audience_key,
        product_interest.person_id,
        max(product_interest.activity_date) as last_activity_date
    from product_interest
    left join order_lines
        on
            product_interest.person_id = order_lines.person_id
            and product_interest.product_id = order_lines.product_id
    where order_lines.person_id is null
    group by 1, 2, 3

),

category_prospects as (

    select
        'category_prospects' as audience_type,
        product_interest.category as audience_key,
        product_interest.person_id,
        max(product_interest.activity_date) as last_activity_date
    from product_interest
    left join order_lines
        on
            product_interest.person_id = order_lines.person_id
            and product_interest.category = order_lines.category
    where order_lines.person_id is null
    group by 1, 2, 3

),

prospects as (

    select * from brand_prospects
    union all
    select * from category_prospects
    union all
    select * from item_prospects

),

in_window as (

    select * from prospects
    where last_activity_date >= cast({{ window_start }} as date)

)

select * from in_window
