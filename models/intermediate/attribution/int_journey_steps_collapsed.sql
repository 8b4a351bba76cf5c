{#- One row per journey and step of its channel path: consecutive touches
    on the same channel are one step (A, A, B, A is A > B > A), the path the
    Markov chain and the path report read. Steps are islands of a channel's
    consecutive positions, so the touches are sorted once (by journey and
    channel) and only the steps a second time. Person-incremental on DuckDB
    (macros/project/person_incremental.sql). -#}
{{ person_incremental_config(
    'int_journey_touches_matched', 'journey_signature'
) }}
{%- set rebuild_changed = is_incremental()
    and person_incremental_ready('journey_signature') -%}
with

{% if rebuild_changed %}
persons_to_rebuild as (

    {{ persons_to_rebuild(ref('int_journey_touches_matched')) }}

),

{% endif %}
touches as (

    select * from {{ ref('int_journey_touches_matched') }}
    {%- if rebuild_changed %}
    where person_id in (select person_id from persons_to_rebuild)
    {%- endif %}

),

touches_islanded as (

    {#- Gaps and islands: within a journey, the touches of one channel
        numbered by position; a run of consecutive touches on the channel
        keeps position - number constant, which names its step. #}
    select
        journey_id,
        person_id,
        conversion_id,
        channel_id,
        touch_position,
        touch_position - row_number() over (
            partition by journey_id, channel_id
            order by touch_position asc
        ) as island,
        is_conversion,
        touched_at,
        journey_signature
    from touches

),

islands as (

    select
        journey_id,
        person_id,
        conversion_id,
        channel_id,
        island,
        is_conversion,
        journey_signature,
        min(touch_position) as first_touch_position,
        count(*) as step_touch_count,
        min(touched_at) as first_touched_at,
        max(touched_at) as last_touched_at
    from touches_islanded
    group by 1, 2, 3, 4, 5, 6, 7

),

steps as (

    select
        journey_id,
        row_number() over (
            partition by journey_id order by first_touch_position asc
        ) as step_number,
        person_id,
        conversion_id,
        channel_id,
        step_touch_count,
        cast(
            count(*) over (partition by journey_id) as {{ dbt.type_bigint() }}
        ) as step_count,
        is_conversion,
        first_touched_at,
        last_touched_at,
        journey_signature
    from islands

)

select * from steps
