with

erasure_requests as (

    select * from {{ ref('base_crm__erasure_requests') }}

),

staged as (

    select
        request_id,
        identifier_type,
        {{ salted_hash("concat(identifier_type, ':', identifier_value)") }}
            as identifier_hash,
        requested_at
    from erasure_requests
    where quarantine_reason is null

)

select * from staged
