{#- One row per catalogue product: baskets (valid orders) containing it, its
    support (share of all baskets), and its popularity rank overall and
    within its category (most baskets first; ties by product_id). Products
    never sold rank last. -#}
with

products as (

    select * from {{ ref('products') }}

),

basket_items as {{ not_materialized() }} (

    select * from {{ ref('int_basket_items_collected') }}
    where item_level = 'product'

),

basket_total as (

    select count(distinct order_id) as basket_count
    from basket_items

),

item_counts as (

    select
        item_id as product_id,
        count(*) as basket_count
    from basket_items
    group by 1

),

counted as (

    select
        products.product_id,
        products.category,
        cast(coalesce(item_counts.basket_count, 0) as {{ dbt.type_bigint() }})
            as basket_count,
        cast({{ safe_divide('coalesce(item_counts.basket_count, 0)',
                            'basket_total.basket_count') }} as double)
            as product_support
    from products
    cross join basket_total
    left join item_counts on products.product_id = item_counts.product_id

),

ranked as (

    select
        product_id,
        category,
        basket_count,
        product_support,
        cast(row_number() over (
            order by basket_count desc, product_id asc
        ) as integer) as popularity_rank,
        cast(row_number() over (
            partition by category
            order by basket_count desc, product_id asc
        ) as integer) as category_popularity_rank
    from counted

)

select * from ranked
