{#- One row per conversion with at least one eligible touch, naming the
    touch that holds each role: first, last, last non-direct (the last touch
    whose channel is not direct; the last touch when every touch is direct)
    and key touch (the last touch at or before the key step, the first key
    event at or after the first eligible touch and at or before the
    purchase). With no key event the key touch falls back to the last touch
    and key_touch_status says no_key_event. -#}
with

touches as {{ not_materialized() }} (

    select * from {{ ref('int_journey_touches_matched') }}
    where is_conversion

),

key_events as (

    select * from {{ ref('int_key_events_selected') }}

),

ends as (

    select
        conversion_id,
        person_id,
        anchored_at as converted_at,
        max(touch_count) as touch_count,
        max(case when touch_position = 1 then touch_id end) as first_touch_id,
        max(case when touch_position = 1 then touched_at end)
            as first_touched_at,
        max(case when touch_position = touch_count then touch_id end)
            as last_touch_id,
        min(case when is_direct then 1 else 0 end) = 1
            as has_only_direct_touches
    from touches
    group by 1, 2, 3

),

key_events_ranked as (

    select
        ends.conversion_id,
        key_events.key_event_id,
        key_events.event_name,
        key_events.occurred_at,
        row_number() over (
            partition by ends.conversion_id
            order by key_events.occurred_at asc, key_events.key_event_id asc
        ) as key_event_rank
    from ends
    inner join key_events
        on
            ends.person_id = key_events.person_id
            and ends.first_touched_at <= key_events.occurred_at
            and ends.converted_at >= key_events.occurred_at

),

first_key_events as (

    select * from key_events_ranked
    where key_event_rank = 1

),

key_touches_ranked as (

    select
        touches.conversion_id,
        touches.touch_id,
        row_number() over (
            partition by touches.conversion_id
            order by touches.touch_position desc
        ) as touch_rank
    from touches
    inner join first_key_events
        on touches.conversion_id = first_key_events.conversion_id
    where touches.touched_at <= first_key_events.occurred_at

),

non_direct_touches_ranked as (

    select
        conversion_id,
        touch_id,
        row_number() over (
            partition by conversion_id
            order by touch_position desc
        ) as touch_rank
    from touches
    where not is_direct

),

roles as (

    select
        ends.conversion_id,
        ends.person_id,
        ends.first_touch_id,
        ends.last_touch_id,
        coalesce(non_direct_touches_ranked.touch_id, ends.last_touch_id)
            as last_non_direct_touch_id,
        coalesce(key_touches_ranked.touch_id, ends.last_touch_id)
            as key_touch_id,
        first_key_events.key_event_id,
        first_key_events.event_name as key_event_name,
        case
            when first_key_events.key_event_id is null then 'no_key_event'
            else 'key_event'
        end as key_touch_status,
        ends.touch_count,
        ends.has_only_direct_touches,
        first_key_events.occurred_at as key_event_at,
        ends.converted_at
    from ends
    left join first_key_events
        on ends.conversion_id = first_key_events.conversion_id
    left join key_touches_ranked
        on
            ends.conversion_id = key_touches_ranked.conversion_id
            and key_touches_ranked.touch_rank = 1
    left join non_direct_touches_ranked
        on
            ends.conversion_id = non_direct_touches_ranked.conversion_id
            and non_direct_touches_ranked.touch_rank = 1

)

select * from roles
