{#- One row per journey and eligible touch. A touch is eligible when
    anchor - lookback < touch time <= anchor, compared in whole
    microseconds (an exact interval, not calendar days); with
    attribution_max_touches N > 0 only the last N touches are kept. Touches
    are numbered by time, then touch_id, so ties are deterministic.
    Person-incremental on DuckDB: an incremental run rebuilds only the
    persons whose journey_signature changed (macros/project/
    person_incremental.sql). -#}
{{ person_incremental_config(
    'int_journey_person_signatures', 'journey_signature'
) }}
{%- set max_touches = var('attribution_max_touches') | int -%}
{%- set rebuild_changed = is_incremental()
    and person_incremental_ready('journey_signature') -%}
with

signatures as (

    select * from {{ ref('int_journey_person_signatures') }}

),

{% if rebuild_changed %}
persons_to_rebuild as (

    {{ persons_to_rebuild(ref('int_journey_person_signatures')) }}

),

{% endif %}
journeys as (

    select * from {{ ref('int_journeys_anchored') }}
    {%- if rebuild_changed %}
    where person_id in (select person_id from persons_to_rebuild)
    {%- endif %}

),

touchpoints as (

    select * from {{ ref('int_touchpoints_unioned') }}
    {%- if rebuild_changed %}
    where person_id in (select person_id from persons_to_rebuild)
    {%- endif %}

),

touches_timed as (

    select
        journeys.journey_id,
        journeys.person_id,
        journeys.conversion_id,
        journeys.is_conversion,
        journeys.anchored_at,
        touchpoints.touch_id,
        touchpoints.touch_type,
        touchpoints.channel_id,
        touchpoints.is_direct,
        touchpoints.touched_at,
        signatures.journey_signature,
        {{ epoch_microseconds('journeys.anchored_at') }}
        - {{ epoch_microseconds('touchpoints.touched_at') }}
            as microseconds_before_anchor
    from journeys
    inner join touchpoints on journeys.person_id = touchpoints.person_id
    inner join signatures on journeys.person_id = signatures.person_id

),

touches_in_window as (

    select
        *,
        row_number() over (
            partition by journey_id
            order by touched_at desc, touch_id desc
        ) as steps_from_end
    from touches_timed
    where
        microseconds_before_anchor >= 0
        and microseconds_before_anchor
        < {{ attribution_lookback_microseconds() }}

),

touches_positioned as (

    select
        journey_id,
        touch_id,
        person_id,
        conversion_id,
        touch_type,
        channel_id,
        row_number() over (
            partition by journey_id
            order by touched_at asc, touch_id asc
        ) as touch_position,
        count(*) over (partition by journey_id) as touch_count,
        cast(microseconds_before_anchor as double) / 1000000
            as seconds_before_anchor,
        is_conversion,
        is_direct,
        touched_at,
        anchored_at,
        journey_signature
    from touches_in_window
    {%- if max_touches > 0 %}
    where steps_from_end <= {{ max_touches }}
    {%- endif %}

)

select * from touches_positioned
