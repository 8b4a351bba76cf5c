with

erasure_requests as (

    select * from {{ ref('base_crm__erasure_requests') }}

),

staged as (

    select
        request_id,
        identifier_type,
        identifier_value,
        requested_at
    from erasure_requests
    where quarantine_reason is null

)

select * from staged
