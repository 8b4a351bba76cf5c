{#- One row per redemption of a joint promotion's code, with the person it
    belongs to: the partner's code on one of our valid orders (referral
    source `partner_code`: the partner sent the customer to us), or our code
    redeemed with the partner as the partner reports it (`our_code`: we sent
    the customer), matched to our persons on the partner's phone hash.
    Redemptions on orders that are not valid (tests, cancellations) are
    left out. -#}
with

redemptions as {{ not_materialized() }} (

    select * from {{ ref('stg_partners__code_redemptions') }}
    where not is_duplicate

),

promotions as {{ not_materialized() }} (

    select * from {{ ref('stg_partners__promotions') }}
    where not is_duplicate

),

orders as (

    select * from {{ ref('fct_orders') }}

),

our_phone_hashes as (

    select * from {{ ref('int_partner_identifiers_hashed') }}
    where identifier_type = 'phone'

),

with_us as (

    select
        redemptions.redemption_id,
        promotions.promotion_id,
        'partner_code' as referral_source,
        orders.order_id,
        orders.person_id,
        coalesce(
            orders.person_id, concat('order:', orders.order_id)
        ) as referred_customer_key,
        orders.is_first_order as is_new_customer,
        redemptions.redeemed_at
    from redemptions
    inner join promotions on redemptions.promo_code = promotions.partner_code
    inner join orders on redemptions.order_id = orders.order_id
    where redemptions.redeemed_with = 'us'

),

with_partner as (

    select
        redemptions.redemption_id,
        promotions.promotion_id,
        'our_code' as referral_source,
        cast(null as {{ dbt.type_string() }}) as order_id,
        our_phone_hashes.person_id,
        coalesce(
            our_phone_hashes.person_id,
            concat('partner_hash:', redemptions.phone_sha256),
            concat('redemption:', redemptions.redemption_id)
        ) as referred_customer_key,
        cast(null as boolean) as is_new_customer,
        redemptions.redeemed_at
    from redemptions
    inner join promotions on redemptions.promo_code = promotions.our_code
    left join our_phone_hashes
        on redemptions.phone_sha256 = our_phone_hashes.partner_identifier_hash
    where redemptions.redeemed_with = 'partner'

),

both_directions as (

    select * from with_us
    union all
    select * from with_partner

),

resolved as (

    select
        redemption_id,
        promotion_id,
        referral_source,
        order_id,
        person_id,
        referred_customer_key,
        is_new_customer,
        {{ dbt.cast(utc_to_local('redeemed_at'), 'date') }} as redeemed_date,
        redeemed_at
    from both_directions

)

select * from resolved
