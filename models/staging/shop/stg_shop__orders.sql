with

orders as (

    {{ shop_orders_parsed(copies_by_hash=true) | indent(4) }}

),

staged as (

    select
        order_id,
        account_id,
        coupon_code,
        storefront_channel_id,
        utm_channel_id,
        utm_medium,
        utm_campaign,
        currency,
        order_status,
        receiver_phone,
        gross_amount,
        discount_amount,
        shipping_fee,
        gross_amount - discount_amount as net_amount,
        is_cancelled,
        is_test,
        is_employee,
        is_duplicate,
        ordered_at
    from orders
    where
        quarantine_reason is null
        and {{ erasure_filter('shop.orders') }}

)

select * from staged
