{#- One row per basket and item, at two levels: `product` (product_id) and
    `category` (the product's category). A basket is a valid order
    (fct_order_lines, anonymous store receipts included) placed by var
    as_of_date; an item bought on several lines of one order counts once. -#}
with

order_lines as {{ not_materialized() }} (

    select * from {{ ref('fct_order_lines') }}
    where order_date <= {{ as_of_date() }}

),

products as (

    select distinct
        'product' as item_level,
        order_id,
        product_id as item_id
    from order_lines

),

categories as (

    select distinct
        'category' as item_level,
        order_id,
        category as item_id
    from order_lines

),

collected as (

    select * from products
    union all
    select * from categories

)

select * from collected
