with

promotions as (

    select * from {{ ref('base_partners__promotions') }}

),

staged as (

    select
        promotion_id,
        partner_id,
        promotion_name,
        partner_code,
        our_code,
        is_duplicate,
        start_date,
        end_date
    from promotions
    where
        quarantine_reason is null
        and {{ erasure_filter('partners.promotions') }}

)

select * from staged
