{#- One row per marketing touch of a known person, from every source that
    shows a person meeting a channel: touches kept as identity records (ad
    clicks, content reads, video interactions, official-account comments and
    follows, community messages), app and mini-program sessions (a session
    without UTM is direct) and message clicks. Touches with no person are
    left out: nothing can be attributed to them. -#}
with

record_touches as (

    select * from {{ ref('int_record_touches_resolved') }}

),

sessions as (

    select * from {{ ref('int_app_events_resolved') }}
    where event_name = 'session_start' and person_id is not null

),

message_clicks as (

    select * from {{ ref('int_message_clicks_resolved') }}

),

channels as (

    select * from {{ ref('channels') }}

),

touches_unioned as (

    select
        touch_id,
        person_id,
        touch_type,
        channel_id,
        touched_at
    from record_touches
    union all
    select
        concat('app.events:', event_id) as touch_id,
        person_id,
        'session' as touch_type,
        coalesce(session_channel_id, 'direct') as channel_id,
        occurred_at as touched_at
    from sessions
    union all
    select
        touch_id,
        person_id,
        'message_click' as touch_type,
        channel_id,
        clicked_at as touched_at
    from message_clicks

),

touches_joined_to_channels as (

    select
        touches_unioned.touch_id,
        touches_unioned.person_id,
        touches_unioned.touch_type,
        touches_unioned.channel_id,
        coalesce(channels.is_direct, false) as is_direct,
        touches_unioned.touched_at
    from touches_unioned
    left join channels on touches_unioned.channel_id = channels.channel_id

)

select * from touches_joined_to_channels
