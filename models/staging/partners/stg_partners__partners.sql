with

partners as (

    select * from {{ ref('base_partners__partners') }}

),

staged as (

    select
        partner_id,
        partner_name,
        partner_category,
        is_duplicate
    from partners
    where
        quarantine_reason is null
        and {{ erasure_filter('partners.partners') }}

)

select * from staged
