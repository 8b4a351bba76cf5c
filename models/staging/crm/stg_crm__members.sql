with

members as (

    select * from {{ ref('base_crm__members') }}

),

staged as (

    select
        member_id,
        member_card_no,
        phone,
        full_name,
        gender,
        city,
        address,
        enrolled_store_id,
        member_level,
        has_invalid_birth_date,
        is_employee,
        is_duplicate,
        birth_date,
        enrolled_at
    from members
    where
        quarantine_reason is null
        and {{ erasure_filter('crm.members') }}

)

select * from staged
