{#- One row per content type, topic and local hour of the week (ISO weekday
    × hour) with reads in the last var content_lookback_days days: the read
    rate (reads per occurrence of that hour in the window) and its rank
    within the type and topic (1 = best; ties to the earlier slot). -#}
{%- set window_days = var('content_lookback_days') -%}
with

reads as (

    select * from {{ ref('int_content_reads_slotted') }}

),

slots as (

    select
        content_type,
        topic,
        read_weekday,
        read_hour,
        count(*) as read_count
    from reads
    group by 1, 2, 3, 4

),

rated as (

    select
        slots.*,
        {{ safe_divide('slots.read_count', weekday_occurrences(
            'slots.read_weekday', window_days)) }} as read_rate
    from slots

),

ranked as (

    select
        content_type,
        topic,
        read_weekday,
        read_hour,
        cast(read_count as {{ dbt.type_bigint() }}) as read_count,
        cast(read_rate as double) as read_rate,
        cast(row_number() over (
            partition by content_type, topic
            order by read_rate desc, read_weekday asc, read_hour asc
        ) as integer) as slot_rank
    from rated

)

select * from ranked
