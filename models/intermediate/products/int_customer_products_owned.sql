{#- One row per person and product the person bought in a valid order by
    var as_of_date: what "already owned" means for recommendations. -#}
with

order_lines as (

    select * from {{ ref('fct_order_lines') }}
    where person_id is not null and order_date <= {{ as_of_date() }}

),

product_orders as (

    {#- One row per order of the product (an order may hold it on several
        lines), so that owned counts rows: faster than count(distinct). #}
    select
        person_id,
        product_id,
        category,
        order_id,
        min(order_date) as order_date
    from order_lines
    group by 1, 2, 3, 4

),

owned as (

    select
        person_id,
        product_id,
        category,
        cast(count(*) as {{ dbt.type_bigint() }}) as basket_count,
        min(order_date) as first_order_date,
        max(order_date) as last_order_date
    from product_orders
    group by 1, 2, 3

)

select * from owned
