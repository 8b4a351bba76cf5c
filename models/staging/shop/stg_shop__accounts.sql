with

accounts as (

    select * from {{ ref('base_shop__accounts') }}

),

staged as (

    select
        account_id,
        phone,
        email,
        wx_unionid,
        nickname,
        full_name,
        city,
        address,
        is_test,
        is_employee,
        is_duplicate,
        birth_date,
        registered_at
    from accounts
    where
        quarantine_reason is null
        and {{ erasure_filter('shop.accounts') }}

)

select * from staged
