with

refunds as (

    select * from {{ ref('base_shop__refunds') }}

),

staged as (

    select
        refund_id,
        order_id,
        refund_reason,
        refund_amount,
        is_duplicate,
        refunded_at
    from refunds
    where
        quarantine_reason is null
        and {{ erasure_filter('shop.refunds') }}

)

select * from staged
