with

stores as (

    select * from {{ ref('base_pos__stores') }}

),

staged as (

    select
        store_id,
        store_name,
        city,
        district,
        store_phone,
        is_duplicate,
        opened_date
    from stores
    where
        quarantine_reason is null
        and {{ erasure_filter('pos.stores') }}

)

select * from staged
