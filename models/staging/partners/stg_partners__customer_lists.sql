with

customer_lists as (

    select * from {{ ref('base_partners__customer_lists') }}

),

staged as (

    select
        list_entry_id,
        partner_id,
        phone_sha256,
        email_sha256,
        is_duplicate,
        list_date
    from customer_lists
    where
        quarantine_reason is null
        and {{ erasure_filter('partners.customer_lists') }}

)

select * from staged
