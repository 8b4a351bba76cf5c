with

sends as (

    {{ marketing_message_sends_parsed(copies_by_hash=true) | indent(4) }}

),

staged as (

    select
        send_id,
        campaign_id,
        channel_id,
        recipient_type,
        recipient,
        delivery_status,
        send_cost,
        is_delivered,
        is_duplicate,
        sent_at
    from sends
    where
        quarantine_reason is null
        and {{ erasure_filter('marketing.message_sends') }}

)

select * from staged
