{#- One row per comment on a content item in the last var
    content_lookback_days days up to the as-of date, with its sentiment from
    the comment_sentiment_keywords seed: negative when any negative keyword
    occurs (so 不喜欢 is negative although it contains 喜欢), positive when
    only positive keywords occur, neutral otherwise. Official-account
    comments come from their own export; comments left with an in-app read
    (no openid) from the reads. -#}
{%- set window_start = dbt.dateadd(
    'day', 1 - var('content_lookback_days'), as_of_date()) -%}
with

oa_comments as (

    select * from {{ ref('stg_social__oa_comments') }}
    where not is_duplicate and commented_at <= {{ as_of_end_utc() }}

),

reads as (

    select * from {{ ref('stg_content__reads') }}
    where
        not is_duplicate
        and has_comment
        and openid is null
        and read_at <= {{ as_of_end_utc() }}

),

keywords as (

    select * from {{ ref('comment_sentiment_keywords') }}

),

comments as (

    select
        concat('oa_comment:', comment_id) as comment_key,
        content_id,
        'official_account' as comment_source,
        comment_text,
        cast({{ utc_to_local('commented_at') }} as date) as comment_date
    from oa_comments

    union all

    select
        concat('read:', read_id) as comment_key,
        content_id,
        'app_read' as comment_source,
        comment_text,
        cast({{ utc_to_local('read_at') }} as date) as comment_date
    from reads

),

matches as (

    select
        comments.comment_key,
        max(case when keywords.sentiment = 'positive' then 1 else 0 end)
            as has_positive,
        max(case when keywords.sentiment = 'negative' then 1 else 0 end)
            as has_negative
    from comments
    inner join keywords on instr(comments.comment_text, keywords.keyword) > 0
    group by 1

),

classified as (

    select
        comments.comment_key,
        comments.content_id,
        comments.comment_source,
        comments.comment_text,
        case
            when matches.has_negative = 1 then 'negative'
            when matches.has_positive = 1 then 'positive'
            else 'neutral'
        end as sentiment,
        comments.comment_date
    from comments
    left join matches on comments.comment_key = matches.comment_key
    where comments.comment_date >= cast({{ window_start }} as date)

)

select * from classified
