with

redemptions as (

    select * from {{ ref('base_partners__code_redemptions') }}

),

staged as (

    select
        redemption_id,
        promo_code,
        redeemed_with,
        order_id,
        phone_sha256,
        is_duplicate,
        redeemed_at
    from redemptions
    where
        quarantine_reason is null
        and {{ erasure_filter('partners.code_redemptions') }}

)

select * from staged
