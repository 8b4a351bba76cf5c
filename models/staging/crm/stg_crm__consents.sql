with

consents as (

    {{ crm_consents_parsed(copies_by_hash=true) | indent(4) }}

),

staged as (

    select
        consent_id,
        identifier_type,
        identifier_value,
        channel_id,
        is_granted,
        is_duplicate,
        recorded_at
    from consents
    where
        quarantine_reason is null
        and {{ erasure_filter('crm.consents') }}

)

select * from staged
