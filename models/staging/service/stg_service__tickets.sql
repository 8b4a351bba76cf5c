with

tickets as (

    select * from {{ ref('base_service__tickets') }}

),

staged as (

    select
        ticket_id,
        contact_phone,
        account_id,
        ticket_channel,
        reason,
        sentiment,
        resolution,
        satisfaction_score,
        reason = 'complaint' or sentiment = 'negative' as is_complaint,
        is_duplicate,
        opened_at,
        closed_at
    from tickets
    where
        quarantine_reason is null
        and {{ erasure_filter('service.tickets') }}

)

select * from staged
