{#- One row per journey and step of its channel path: consecutive touches
    on the same channel are one step (A, A, B, A is A > B > A), the path the
    Markov chain and the path report read. A journey's step count is the
    same window as the running step number over the whole frame, so both
    come from one sort of the touches. Person-incremental on DuckDB
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

touches_flagged as (

    select
        journey_id,
        person_id,
        conversion_id,
        channel_id,
        touch_position,
        case
            when
                lag(channel_id) over (
                    partition by journey_id order by touch_position asc
                ) = channel_id
                then 0
            else 1
        end as starts_step,
        is_conversion,
        touched_at,
        journey_signature
    from touches

),

touches_numbered as (

    select
        *,
        sum(starts_step) over (
            partition by journey_id
            order by touch_position asc
            rows between unbounded preceding and current row
        ) as step_number,
        sum(starts_step) over (
            partition by journey_id
            order by touch_position asc
            rows between unbounded preceding and unbounded following
        ) as step_count
    from touches_flagged

),

steps as (

    select
        journey_id,
        step_number,
        person_id,
        conversion_id,
        channel_id,
        count(*) as step_touch_count,
        cast(step_count as {{ dbt.type_bigint() }}) as step_count,
        is_conversion,
        min(touched_at) as first_touched_at,
        max(touched_at) as last_touched_at,
        journey_signature
    from touches_numbered
    group by 1, 2, 3, 4, 5, 7, 8, 11

)

select * from steps
