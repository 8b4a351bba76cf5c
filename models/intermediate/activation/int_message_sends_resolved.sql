{#- One row per message send up to the end of the as-of date: the person
    it reached (through the recipient identifier) and whether it was
    delivered, opened and clicked. -#}
with

sends as (

    select * from {{ ref('stg_marketing__message_sends') }}
    where not is_duplicate

),

message_events as (

    select * from {{ ref('stg_marketing__message_events') }}
    where not is_duplicate

),

identifiers as (

    select * from {{ ref('int_identifiers_resolved') }}

),

events_per_send as (

    select
        send_id,
        min(case when event_type = 'open' then occurred_at end)
            as first_opened_at,
        min(case when event_type = 'click' then occurred_at end)
            as first_clicked_at
    from message_events
    where occurred_at <= {{ as_of_end_utc() }}
    group by 1

),

resolved as (

    select
        sends.send_id,
        sends.campaign_id,
        sends.channel_id,
        identifiers.person_id,
        sends.recipient_type,
        sends.delivery_status,
        sends.send_cost,
        sends.is_delivered,
        events_per_send.first_opened_at is not null as is_opened,
        events_per_send.first_clicked_at is not null as is_clicked,
        sends.sent_at,
        events_per_send.first_opened_at,
        events_per_send.first_clicked_at
    from sends
    left join identifiers
        on
            identifiers.node_id
            = concat(sends.recipient_type, ':', sends.recipient)
    left join events_per_send on sends.send_id = events_per_send.send_id
    where sends.sent_at <= {{ as_of_end_utc() }}

)

select * from resolved
