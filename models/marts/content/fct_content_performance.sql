{#- One row per content type and topic: reads in the last var
    content_lookback_days days, completion, share and comment rates, the
    sentiment of comments, and the hour of the week whose read rate (reads
    per occurrence of that hour in the window) was highest for this type
    and topic. -#}
with

items as {{ not_materialized() }} (

    select * from {{ ref('stg_content__items') }}
    where not is_duplicate and published_at <= {{ as_of_end_utc() }}

),

reads as (

    select * from {{ ref('int_content_reads_slotted') }}

),

comments as (

    select * from {{ ref('int_content_comments_classified') }}

),

best_slots as (

    select * from {{ ref('int_content_slots_ranked') }}
    where slot_rank = 1

),

item_counts as (

    select
        content_type,
        topic,
        count(*) as item_count
    from items
    group by 1, 2

),

read_measures as (

    select
        content_type,
        topic,
        count(*) as read_count,
        count(distinct person_id) as reader_count,
        avg(cast(completion_rate as decimal(18, 6)))
            as mean_completion_rate,
        avg(case
            when completion_rate >= {{ var('content_completion_threshold') }}
                then 1.0
            else 0.0
        end) as completion_share,
        avg(case when is_shared then 1.0 else 0.0 end) as share_rate,
        avg(case when has_comment then 1.0 else 0.0 end) as comment_rate
    from reads
    group by 1, 2

),

comment_measures as (

    select
        items.content_type,
        items.topic,
        count(*) as comment_count,
        sum(case when comments.sentiment = 'positive' then 1 else 0 end)
            as positive_comment_count,
        sum(case when comments.sentiment = 'negative' then 1 else 0 end)
            as negative_comment_count
    from comments
    inner join items on comments.content_id = items.content_id
    group by 1, 2

),

final as (

    select
        item_counts.content_type,
        item_counts.topic,
        cast(item_counts.item_count as {{ dbt.type_bigint() }}) as item_count,
        cast(coalesce(read_measures.read_count, 0) as {{ dbt.type_bigint() }})
            as read_count,
        cast(
            coalesce(read_measures.reader_count, 0)
            as {{ dbt.type_bigint() }}
        ) as reader_count,
        cast(
            coalesce(comment_measures.comment_count, 0)
            as {{ dbt.type_bigint() }}
        ) as comment_count,
        cast(read_measures.mean_completion_rate as double)
            as mean_completion_rate,
        cast(read_measures.completion_share as double) as completion_share,
        cast(read_measures.share_rate as double) as share_rate,
        cast(read_measures.comment_rate as double) as comment_rate,
        cast(
            {{ safe_divide('comment_measures.positive_comment_count',
                           'comment_measures.comment_count') }}
            as double
        ) as positive_comment_share,
        cast(
            {{ safe_divide('comment_measures.negative_comment_count',
                           'comment_measures.comment_count') }}
            as double
        ) as negative_comment_share,
        cast(best_slots.read_weekday as integer) as best_push_weekday,
        cast(best_slots.read_hour as integer) as best_push_hour,
        cast(best_slots.read_rate as double) as best_push_read_rate
    from item_counts
    left join read_measures
        on
            item_counts.content_type = read_measures.content_type
            and item_counts.topic = read_measures.topic
    left join comment_measures
        on
            item_counts.content_type = comment_measures.content_type
            and item_counts.topic = comment_measures.topic
    left join best_slots
        on
            item_counts.content_type = best_slots.content_type
            and item_counts.topic = best_slots.topic

)

select * from final
