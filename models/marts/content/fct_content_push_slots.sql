{#- One row per hour of the week (local ISO weekday × hour) with reads in
    the last var content_lookback_days days: the read rate, reads per
    occurrence of that hour in the window, and which slot is best to push
    content in. -#}
{%- set window_days = var('content_lookback_days') -%}
with

reads as {{ not_materialized() }} (

    select * from {{ ref('int_content_reads_slotted') }}

),

readers as (

    select count(distinct person_id) as reader_count from reads

),

slots as (

    select
        read_weekday,
        read_hour,
        count(*) as read_count,
        count(distinct person_id) as reader_count
    from reads
    group by 1, 2

),

rated as (

    select
        slots.*,
        {{ weekday_occurrences('slots.read_weekday', window_days) }}
            as slot_occurrence_count,
        {{ safe_divide('slots.reader_count', 'readers.reader_count') }}
            as reader_share
    from slots
    cross join readers

),

ranked as (

    select
        rated.*,
        {{ safe_divide('read_count', 'slot_occurrence_count') }} as read_rate,
        row_number() over (
            order by
                {{ safe_divide('read_count', 'slot_occurrence_count') }} desc,
                rated.read_weekday asc,
                rated.read_hour asc
        ) as slot_rank
    from rated

),

final as (

    select
        cast(read_weekday as integer) as read_weekday,
        cast(read_hour as integer) as read_hour,
        {{ weekday_name('read_weekday', 'en') }} as weekday_name_en,
        {{ weekday_name('read_weekday', 'zh') }} as weekday_name_zh,
        cast(read_count as {{ dbt.type_bigint() }}) as read_count,
        cast(reader_count as {{ dbt.type_bigint() }}) as reader_count,
        cast(slot_occurrence_count as integer) as slot_occurrence_count,
        cast(read_rate as double) as read_rate,
        cast(reader_share as double) as reader_share,
        cast(slot_rank as integer) as slot_rank,
        slot_rank = 1 as is_best_slot
    from ranked

)

select * from final
