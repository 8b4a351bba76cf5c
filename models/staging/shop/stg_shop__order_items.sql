with

order_items as (

    {{ shop_order_items_parsed(copies_by_hash=true) | indent(4) }}

),

staged as (

    select
        order_item_id,
        order_id,
        product_id,
        quantity,
        unit_price,
        line_discount,
        unit_price * quantity as gross_amount,
        unit_price * quantity - line_discount as net_amount,
        is_duplicate
    from order_items
    where
        quarantine_reason is null
        and {{ erasure_filter('shop.order_items') }}

)

select * from staged
