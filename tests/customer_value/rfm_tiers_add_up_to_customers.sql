-- Tier counts add up to the persons with valid orders, and revenue to
-- their net revenue.
with

summary as (

    select
        sum(customer_count) as customers,
        sum(net_revenue) as revenue
    from {{ ref('fct_rfm_tier_summary') }}

),

buyers as (

    select
        count(distinct person_id) as customers,
        sum(net_amount) as revenue
    from {{ ref('fct_orders') }}
    where person_id is not null

)

select
    summary.customers as summarised_customers,
    buyers.customers as buying_customers
from summary
cross join buyers
where summary.customers != buyers.customers or summary.revenue != buyers.revenue
