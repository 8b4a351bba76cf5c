{#- Every raw row of shop.orders, parsed and checked; the parsing is the macro
    shop_orders_parsed, which stg_shop__orders also calls. -#}
{{ shop_orders_parsed() }}
