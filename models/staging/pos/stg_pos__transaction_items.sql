with

transaction_items as (

    {{ pos_transaction_items_parsed(copies_by_hash=true) | indent(4) }}

),

staged as (

    select
        line_id,
        transaction_id,
        product_id,
        quantity,
        unit_price,
        unit_price * quantity as gross_amount,
        is_duplicate
    from transaction_items
    where
        quarantine_reason is null
        and {{ erasure_filter('pos.transaction_items') }}

)

select * from staged
