{#- Online orders and store receipts as one list of orders, with the person
    behind each (null for anonymous receipts), refunds netted and every
    exclusion flag, before any is applied. -#}
with

shop_orders as (

    select * from {{ ref('stg_shop__orders') }}
    where not is_duplicate

),

refunds as (

    select
        order_id,
        sum(refund_amount) as refund_amount
    from {{ ref('stg_shop__refunds') }}
    where not is_duplicate
    group by 1

),

shop_items as (

    select
        order_id,
        sum(quantity) as item_count
    from {{ ref('stg_shop__order_items') }}
    where not is_duplicate
    group by 1

),

store_receipts as (

    select * from {{ ref('stg_pos__transactions') }}
    where not is_duplicate

),

store_items as (

    select
        transaction_id,
        sum(quantity) as item_count
    from {{ ref('stg_pos__transaction_items') }}
    where not is_duplicate
    group by 1

),

person_map as (

    {{ person_map_of(['shop.orders', 'pos.transactions']) }}

),

online as (

    select
        shop_orders.order_id,
        'shop' as order_source,
        person_map.person_id,
        shop_orders.storefront_channel_id as sales_channel_id,
        cast(null as {{ dbt.type_string() }}) as store_id,
        shop_orders.coupon_code,
        shop_orders.gross_amount,
        shop_orders.discount_amount,
        coalesce(refunds.refund_amount, 0) as refund_amount,
        coalesce(shop_items.item_count, 0) as item_count,
        shop_orders.is_test,
        shop_orders.is_employee,
        shop_orders.is_cancelled,
        shop_orders.ordered_at
    from shop_orders
    left join refunds on shop_orders.order_id = refunds.order_id
    left join shop_items on shop_orders.order_id = shop_items.order_id
    left join person_map
        on person_map.record_key = concat('shop.orders:', shop_orders.order_id)

),

offline as (

    select
        store_receipts.transaction_id as order_id,
        'pos' as order_source,
        person_map.person_id,
        'offline_store' as sales_channel_id,
        store_receipts.store_id,
        cast(null as {{ dbt.type_string() }}) as coupon_code,
        store_receipts.gross_amount,
        store_receipts.discount_amount,
        cast(0 as decimal(18, 2)) as refund_amount,
        coalesce(store_items.item_count, 0) as item_count,
        false as is_test,
        store_receipts.is_employee,
        false as is_cancelled,
        store_receipts.transacted_at as ordered_at
    from store_receipts
    left join store_items
        on store_receipts.transaction_id = store_items.transaction_id
    left join person_map
        on
            person_map.record_key
            = concat('pos.transactions:', store_receipts.transaction_id)

),

unioned as (

    select * from online
    union all
    select * from offline

)

select * from unioned
