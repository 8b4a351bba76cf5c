{#- One row per conversion: a valid order (online or in store) of a known
    person, with its net revenue and whether it was the person's first
    purchase. Anonymous store receipts are out of scope: with no person there
    is no touch to credit (they stay in fct_orders). -#}
with

orders as (

    select * from {{ ref('fct_orders') }}
    where person_id is not null

),

conversions as (

    select
        order_id as conversion_id,
        person_id,
        order_source,
        sales_channel_id,
        net_amount as revenue,
        order_sequence,
        is_first_order as is_first_purchase,
        order_date as conversion_date,
        cast({{ dbt.date_trunc('month', 'order_date') }} as date)
            as conversion_month,
        ordered_at as converted_at
    from orders

)

select * from conversions
