{#- One row per click on a marketing message (SMS, e-mail, WeCom, push)
    with the person it reached: the click's send names its recipient
    identifier, and the identifier names the person. -#}
with

message_events as (

    select * from {{ ref('stg_marketing__message_events') }}
    where not is_duplicate and event_type = 'click'

),

message_sends as (

    select * from {{ ref('stg_marketing__message_sends') }}
    where not is_duplicate

),

identifiers as (

    select * from {{ ref('int_identifiers_resolved') }}

),

clicks_joined_to_sends as (

    select
        message_events.message_event_id,
        message_sends.send_id,
        message_sends.campaign_id,
        message_sends.channel_id,
        concat(message_sends.recipient_type, ':', message_sends.recipient)
            as recipient_node_id,
        message_events.occurred_at as clicked_at
    from message_events
    inner join message_sends
        on message_events.send_id = message_sends.send_id

),

clicks_joined_to_persons as (

    select
        concat(
            'marketing.message_events:',
            clicks_joined_to_sends.message_event_id
        ) as touch_id,
        clicks_joined_to_sends.message_event_id,
        clicks_joined_to_sends.send_id,
        clicks_joined_to_sends.campaign_id,
        identifiers.person_id,
        clicks_joined_to_sends.channel_id,
        clicks_joined_to_sends.clicked_at
    from clicks_joined_to_sends
    inner join identifiers
        on clicks_joined_to_sends.recipient_node_id = identifiers.node_id

)

select * from clicks_joined_to_persons
