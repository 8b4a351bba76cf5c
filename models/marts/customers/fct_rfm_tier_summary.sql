{#- One row per RFM tier and segment, as of var as_of_date: customers, share
    of customers, revenue (net, CNY), share of revenue, orders and average
    order value. Tier totals are the sums over its segments. -#}
with

customers as (

    select * from {{ ref('fct_customer_rfm') }}

),

by_segment as (

    select
        rfm_tier,
        rfm_segment,
        count(*) as customer_count,
        sum(monetary) as net_revenue,
        sum(frequency) as order_count
    from customers
    group by 1, 2

),

totals as (

    select
        sum(customer_count) as all_customers,
        sum(net_revenue) as all_revenue
    from by_segment

),

summary as (

    select
        by_segment.rfm_tier,
        by_segment.rfm_segment,
        cast(by_segment.customer_count as {{ dbt.type_bigint() }})
            as customer_count,
        cast(
            {{ safe_divide(
                'by_segment.customer_count', 'totals.all_customers'
            ) }}
            as double
        ) as customer_share,
        cast(by_segment.net_revenue as decimal(18, 2)) as net_revenue,
        cast(
            {{ safe_divide('by_segment.net_revenue', 'totals.all_revenue') }}
            as double
        ) as revenue_share,
        cast(by_segment.order_count as {{ dbt.type_bigint() }}) as order_count,
        cast(
            {{ safe_divide(
                'by_segment.net_revenue', 'by_segment.order_count'
            ) }}
            as decimal(18, 2)
        ) as average_order_value
    from by_segment
    cross join totals

)

select * from summary
