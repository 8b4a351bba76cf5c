-- Under every attribution model, the credited conversions and revenue add up
-- to the valid orders of known persons in fct_orders (anonymous store
-- receipts are out of scope), month by month. Returns the months and models
-- that do not reconcile. The tolerance is relative (1e-9): a month's credits
-- are a sum of millions of fractional doubles, whose rounding grows with the
-- total (at 1M people, 1.3e-4 CNY on 1.6e8, i.e. 8e-13 of it).
with

orders as (

    select * from {{ ref('fct_orders') }}
    where person_id is not null

),

credits as (

    select * from {{ ref('fct_attribution_credits') }}

),

order_totals as (

    select
        cast({{ dbt.date_trunc('month', 'order_date') }} as date)
            as conversion_month,
        count(*) as order_count,
        sum(cast(net_amount as double)) as net_revenue
    from orders
    group by 1

),

credit_totals as (

    select
        conversion_month,
        attribution_model,
        sum(credit_conversions) as credited_conversions,
        sum(credit_revenue) as credited_revenue
    from credits
    group by 1, 2

)

select
    order_totals.conversion_month,
    credit_totals.attribution_model,
    order_totals.order_count,
    credit_totals.credited_conversions,
    order_totals.net_revenue,
    credit_totals.credited_revenue
from order_totals
left join credit_totals
    on order_totals.conversion_month = credit_totals.conversion_month
where
    credit_totals.attribution_model is null
    or abs(credit_totals.credited_conversions - order_totals.order_count)
    > 1e-9 * greatest(order_totals.order_count, 1)
    or abs(credit_totals.credited_revenue - order_totals.net_revenue)
    > 1e-9 * greatest(abs(order_totals.net_revenue), 1)
