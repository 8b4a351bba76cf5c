{#- One row per customer audience and person, before consent: store repeat
    customers (at least var audience_repeat_min_orders valid orders at one
    store in the last var audience_repeat_lookback_days days), item repeat
    customers (one product on at least that many orders in that window),
    and one audience per RFM tier as of the as-of date. -#}
{%- set window_start = dbt.dateadd(
    'day', 1 - var('audience_repeat_lookback_days'), as_of_date()) -%}
with

orders as (

    select * from {{ ref('fct_orders') }}
    where
        person_id is not null
        and store_id is not null
        and order_date <= {{ as_of_date() }}
        and order_date >= cast({{ window_start }} as date)

),

order_lines as (

    select * from {{ ref('fct_order_lines') }}
    where
        person_id is not null
        and order_date <= {{ as_of_date() }}
        and order_date >= cast({{ window_start }} as date)

),

rfm as (

    select * from {{ ref('fct_customer_rfm') }}

),

store_repeat_customers as (

    select
        'store_repeat_customers' as audience_type,
        store_id as audience_key,
        person_id,
        max(order_date) as last_activity_date
    from orders
    group by 1, 2, 3
    having count(distinct order_id) >= {{ var('audience_repeat_min_orders') }}

),

item_repeat_customers as (

    select
        'item_repeat_customers' as audience_type,
        product_id as audience_key,
        person_id,
        max(order_date) as last_activity_date
    from order_lines
    group by 1, 2, 3
    having count(distinct order_id) >= {{ var('audience_repeat_min_orders') }}

),

rfm_tiers as (

    select
        'rfm_tier' as audience_type,
        rfm_tier as audience_key,
        person_id,
        last_order_date as last_activity_date
    from rfm

),

customers as (

    select * from store_repeat_customers
    union all
    select * from item_repeat_customers
    union all
    select * from rfm_tiers

)

select * from customers
