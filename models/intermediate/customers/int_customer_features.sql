{#- One row per person with at least one valid order up to var as_of_date:
    the behaviour features the clustering reads, in raw units. Hours and
    weekdays are local (var reporting_time_zone). Sums run over integers and
    decimals, never doubles, so that the row order cannot change a bit. -#}
with

customers as (

    select * from {{ ref('fct_customer_rfm') }}

),

orders as (

    select * from {{ ref('fct_orders') }}
    where person_id is not null and order_date <= {{ as_of_date() }}

),

order_lines as (

    select * from {{ ref('fct_order_lines') }}
    where person_id is not null and order_date <= {{ as_of_date() }}

),

products as (

    select * from {{ ref('products') }}

),

product_price_percentiles as (

    select
        product_id,
        cast(
            percent_rank() over (
                partition by category order by list_price_cny
            ) as decimal(18, 12)
        ) as price_percentile
    from products

),

orders_local as (

    select
        person_id,
        order_source,
        gross_amount,
        discount_amount,
        item_count,
        {{ utc_to_local('ordered_at') }} as ordered_at_local
    from orders

),

orders_flagged as (

    select
        person_id,
        gross_amount,
        discount_amount,
        item_count,
        case when order_source = 'shop' then 1 else 0 end as is_online,
        case
            when {{ is_late_night_hour('extract(hour from ordered_at_local)') }}
                then 1
            else 0
        end as is_late_night,
        case
            when {{ is_weekend('ordered_at_local') }} then 1 else 0
        end as is_weekend
    from orders_local

),

order_behaviour as (

    select
        person_id,
        {{ safe_divide(
            'cast(sum(discount_amount) as double)',
            'cast(sum(gross_amount) as double)') }} as discount_share,
        {{ safe_divide('sum(is_late_night)', 'count(*)') }}
            as late_night_share,
        {{ safe_divide('sum(is_weekend)', 'count(*)') }} as weekend_share,
        {{ safe_divide('sum(item_count)', 'count(*)') }} as items_per_basket,
        {{ safe_divide('sum(is_online)', 'count(*)') }} as online_share
    from orders_flagged
    group by 1

),

line_behaviour as (

    select
        order_lines.person_id,
        {{ safe_divide(
            'sum(order_lines.quantity * prices.price_percentile)',
            'sum(case when prices.price_percentile is not null'
            ~ ' then order_lines.quantity end)') }} as unit_price_percentile,
        count(distinct order_lines.category) as category_count
    from order_lines
    left join product_price_percentiles as prices
        on order_lines.product_id = prices.product_id
    group by 1

),

features as (

    select
        customers.person_id,
        cast(customers.recency_days as {{ dbt.type_bigint() }})
            as recency_days,
        cast(customers.frequency as {{ dbt.type_bigint() }}) as frequency,
        cast(customers.monetary as decimal(18, 2)) as monetary,
        cast(customers.average_order_value as decimal(18, 2))
            as average_order_value,
        cast(order_behaviour.discount_share as double) as discount_share,
        cast(line_behaviour.unit_price_percentile as double)
            as unit_price_percentile,
        cast(order_behaviour.late_night_share as double) as late_night_share,
        cast(order_behaviour.weekend_share as double) as weekend_share,
        cast(order_behaviour.items_per_basket as double) as items_per_basket,
        cast(
            coalesce(line_behaviour.category_count, 0)
            as {{ dbt.type_bigint() }}
        ) as category_count,
        cast(order_behaviour.online_share as double) as online_share
    from customers
    inner join order_behaviour
        on customers.person_id = order_behaviour.person_id
    left join line_behaviour
        on customers.person_id = line_behaviour.person_id

)

select * from features
