{#- Every raw row of shop.order_items, parsed and checked; the parsing is the
    macro shop_order_items_parsed, which stg_shop__order_items also calls. -#}
{{ shop_order_items_parsed() }}
