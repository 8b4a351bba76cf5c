{#- One row per person and local calendar day with at least one valid
    order: the purchase days of buy-till-you-die models (two orders on one
    day are one purchase), with the gap to the previous purchase day. -#}
with

orders as (

    select * from {{ ref('fct_orders') }}
    where person_id is not null

),

days as (

    select
        person_id,
        order_date,
        count(*) as order_count,
        sum(net_amount) as net_amount
    from orders
    group by 1, 2

),

sequenced as (

    select
        days.*,
        row_number() over (
            partition by days.person_id order by days.order_date
        ) as purchase_day_number,
        {{ dbt.datediff(
            'lag(days.order_date) over (partition by days.person_id order by days.order_date)',
            'days.order_date', 'day') }} as days_since_previous
    from days

)

select * from sequenced
