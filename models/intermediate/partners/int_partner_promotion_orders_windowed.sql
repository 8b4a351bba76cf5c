{#- One row per joint promotion and valid order placed during the promotion
    or its pre-period (local order dates), flagged by period. -#}
with

windows as (

    select * from {{ ref('int_partner_promotions_windowed') }}

),

orders as (

    select * from {{ ref('fct_orders') }}

),

windowed as (

    select
        windows.promotion_id,
        orders.order_id,
        orders.person_id,
        orders.net_amount,
        orders.is_first_order,
        orders.order_date >= windows.start_date as is_in_promotion,
        orders.order_date
    from windows
    inner join orders
        on
            windows.pre_period_start_date <= orders.order_date
            and windows.end_date >= orders.order_date

)

select * from windowed
