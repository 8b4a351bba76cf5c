{#- One row per line of a valid order (fct_orders), online or in store,
    with its product and category. Store discounts, given per receipt, are
    spread over the lines in proportion to their value; refunds are not
    allocated to lines (fct_orders.net_amount carries them). -#}
with

orders as (

    select * from {{ ref('fct_orders') }}

),

shop_lines as (

    select
        order_item_id as order_line_id,
        order_id,
        product_id,
        quantity,
        unit_price,
        gross_amount,
        line_discount as discount_amount
    from {{ ref('stg_shop__order_items') }}
    where not is_duplicate

),

store_lines as (

    select
        receipt_lines.line_id as order_line_id,
        receipt_lines.transaction_id as order_id,
        receipt_lines.product_id,
        receipt_lines.quantity,
        receipt_lines.unit_price,
        receipt_lines.gross_amount,
        cast(
            store_receipts.discount_amount * receipt_lines.gross_amount
            / nullif(store_receipts.gross_amount, 0)
            as decimal(18, 2)
        ) as discount_amount
    from {{ ref('stg_pos__transaction_items') }} as receipt_lines
    inner join {{ ref('stg_pos__transactions') }} as store_receipts
        on receipt_lines.transaction_id = store_receipts.transaction_id
    where not receipt_lines.is_duplicate and not store_receipts.is_duplicate

),

products as (

    select * from {{ ref('products') }}

),

all_lines as (

    select * from shop_lines
    union all
    select * from store_lines

),

final as (

    select
        all_lines.order_line_id,
        all_lines.order_id,
        orders.person_id,
        all_lines.product_id,
        products.category,
        products.subcategory,
        products.price_tier,
        orders.order_source,
        orders.sales_channel_id,
        cast(all_lines.quantity as {{ dbt.type_bigint() }}) as quantity,
        cast(all_lines.unit_price as decimal(18, 2)) as unit_price,
        cast(all_lines.gross_amount as decimal(18, 2)) as gross_amount,
        cast(coalesce(all_lines.discount_amount, 0) as decimal(18, 2))
            as discount_amount,
        cast(
            all_lines.gross_amount - coalesce(all_lines.discount_amount, 0)
            as decimal(18, 2)
        ) as net_amount,
        cast(products.unit_cost_cny * all_lines.quantity as decimal(18, 2))
            as cost_amount,
        orders.order_date,
        orders.ordered_at
    from all_lines
    inner join orders on all_lines.order_id = orders.order_id
    inner join products on all_lines.product_id = products.product_id

)

select * from final
