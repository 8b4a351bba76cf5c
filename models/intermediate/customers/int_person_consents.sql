{#- One row per person and marketing channel that has a decision: consents
    given or withdrawn for any of the person's identifiers, and unsubscribes
    from messages on that channel. The latest decision holds (ties: a
    withdrawal wins). No row means no consent. -#}
with

consents as (

    select * from {{ ref('stg_crm__consents') }}
    where not is_duplicate

),

sends as (

    select * from {{ ref('stg_marketing__message_sends') }}
    where not is_duplicate

),

message_events as (

    select * from {{ ref('stg_marketing__message_events') }}
    where not is_duplicate

),

identifiers as {{ not_materialized() }} (

    select * from {{ ref('int_identifiers_resolved') }}

),

consent_decisions as (

    select
        identifiers.person_id,
        consents.channel_id,
        consents.is_granted,
        'consent' as decision_source,
        consents.recorded_at as decided_at
    from consents
    inner join identifiers
        on
            identifiers.node_id
            = concat(consents.identifier_type, ':', consents.identifier_value)

),

unsubscribes as (

    select
        identifiers.person_id,
        sends.channel_id,
        false as is_granted,
        'unsubscribe' as decision_source,
        message_events.occurred_at as decided_at
    from message_events
    inner join sends on message_events.send_id = sends.send_id
    inner join identifiers
        on
            identifiers.node_id
            = concat(sends.recipient_type, ':', sends.recipient)
    where message_events.event_type = 'unsubscribe'

),

decisions as (

    select * from consent_decisions
    union all
    select * from unsubscribes

),

latest as (

    select
        person_id,
        channel_id,
        is_granted as is_consented,
        decision_source,
        decided_at
    from (
        select
            decisions.*,
            row_number() over (
                partition by decisions.person_id, decisions.channel_id
                order by
                    decisions.decided_at desc,
                    decisions.is_granted asc,
                    decisions.decision_source asc
            ) as decision_rank
        from decisions
    ) as ranked
    where decision_rank = 1

)

select * from latest
