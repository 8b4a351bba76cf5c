with

coupons as (

    {{ marketing_coupons_parsed(copies_by_hash=true) | indent(4) }}

),

staged as (

    select
        coupon_id,
        coupon_code,
        campaign_id,
        account_id,
        member_card_no,
        face_value,
        min_spend,
        is_duplicate,
        issued_at,
        expires_at
    from coupons
    where
        quarantine_reason is null
        and {{ erasure_filter('marketing.coupons') }}

)

select * from staged
