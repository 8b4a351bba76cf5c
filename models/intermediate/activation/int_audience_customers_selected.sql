{#- One row per customer audience and person, before consent: store repeat
    customers (at least var audience_repeat_min_orders valid orders at one
    store in the last var audience_repeat_lookback_days days), item repeat
    customers (one product on at least that many orders in that window),
    and one audience per RFM tier as of the as-of date. Orders are counted
    as rows of distinct orders, not with count(distinct): DuckDB's grouped
    distinct aggregate took 24x as long at 1M people as at 100,000. -#}
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
    {#- fct_orders holds one row per order_id. #}
    having count(*) >= {{ var('audience_repeat_min_orders') }}

),

item_orders as (

    select
        person_id,
        product_id,
        order_id,
        max(order_date) as order_date
    from order_lines
    group by 1, 2, 3

),

item_repeat_customers as (

    select
        'item_repeat_customers' as audience_type,
        product_id as audience_key,
        person_id,
        max(order_date) as last_activity_date
    from item_orders
    group by 1, 2, 3
    having count(*) >= {{ var('audience_repeat_min_orders') }}

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
