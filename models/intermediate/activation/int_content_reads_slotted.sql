{#- One row per content read in the last var content_lookback_days days up
    to the as-of date: the item's type and topic, the reader (person), the
    read's measures, and its local weekday (ISO, 1 = Monday) and hour. -#}
{%- set window_start = dbt.dateadd(
    'day', 1 - var('content_lookback_days'), as_of_date()) -%}
with

reads as (

    select * from {{ ref('stg_content__reads') }}
    where not is_duplicate and read_at <= {{ as_of_end_utc() }}

),

items as (

    select * from {{ ref('stg_content__items') }}
    where not is_duplicate

),

person_map as (

    {{ person_map_of(['content.reads']) }}

),

localised as (

    select
        reads.*,
        {{ utc_to_local('reads.read_at') }} as read_local_at
    from reads

),

slotted as (

    select
        localised.read_id,
        localised.content_id,
        items.content_type,
        items.topic,
        items.channel_id,
        person_map.person_id,
        cast(localised.read_seconds as {{ dbt.type_bigint() }})
            as read_seconds,
        cast(localised.completion_rate as double) as completion_rate,
        cast(
            {{ iso_weekday('cast(localised.read_local_at as date)') }}
            as integer
        ) as read_weekday,
        cast(extract(hour from localised.read_local_at) as integer)
            as read_hour,
        localised.is_shared,
        localised.has_comment,
        cast(localised.read_local_at as date) as read_date,
        localised.read_at
    from localised
    inner join items on localised.content_id = items.content_id
    left join person_map
        on person_map.record_key = concat('content.reads:', localised.read_id)
    where
        cast(localised.read_local_at as date)
        >= cast({{ window_start }} as date)

)

select * from slotted
