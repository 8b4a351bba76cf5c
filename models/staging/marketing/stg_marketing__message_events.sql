with

message_events as (

    select * from {{ ref('base_marketing__message_events') }}

),

staged as (

    select
        message_event_id,
        send_id,
        event_type,
        is_duplicate,
        occurred_at
    from message_events
    where
        quarantine_reason is null
        and {{ erasure_filter('marketing.message_events') }}

)

select * from staged
