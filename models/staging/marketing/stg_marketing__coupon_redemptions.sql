with

redemptions as (

    select * from {{ ref('base_marketing__coupon_redemptions') }}

),

staged as (

    select
        redemption_id,
        coupon_code,
        order_id,
        is_duplicate,
        redeemed_at
    from redemptions
    where
        quarantine_reason is null
        and {{ erasure_filter('marketing.coupon_redemptions') }}

)

select * from staged
