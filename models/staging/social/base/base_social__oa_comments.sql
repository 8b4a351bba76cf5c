{%- set raw_columns = [
    'comment_id', 'app_id', 'openid', 'content_id', 'comment_text',
    'commented_at',
] -%}

with

source as (

    {{ repeated_rows_flagged(
        source('social', 'oa_comments'), raw_columns
    ) }}

),

parsed as (

    select
        {{ clean_text('comment_id') }} as comment_id,
        {{ clean_text('app_id') }} as app_id,
        {{ clean_text('openid') }} as openid,
        {{ clean_text('content_id') }} as content_id,
        {{ clean_text('comment_text') }} as comment_text,
        {{ local_to_utc(parse_timestamp(clean_text('commented_at'),
                                        ['%Y-%m-%d %H:%M:%S'])) }}
            as commented_at,
        {{ raw_values_json(raw_columns) }} as raw_values,
        source.is_duplicate
    from source

),

checked as (

    select
        parsed.*,
        case
            when parsed.comment_id is null then 'missing_key'
            when parsed.commented_at is null then 'unparseable_timestamp'
            when parsed.commented_at > {{ as_of_end_utc() }}
                then 'future_timestamp'
        end as quarantine_reason
    from parsed

)

select * from checked
