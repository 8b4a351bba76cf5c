{%- set raw_columns = [
    'content_id', 'channel', 'content_type', 'topic', 'title', 'published_at',
] -%}

with

source as (

    {{ repeated_rows_flagged(
        source('content', 'items'), raw_columns
    ) }}

),

parsed as (

    select
        {{ clean_text('content_id') }} as content_id,
        {{ map_channel('channel') }} as channel_id,
        lower({{ clean_text('content_type') }}) as content_type,
        lower({{ clean_text('topic') }}) as topic,
        {{ clean_text('title') }} as title,
        {{ local_to_utc(parse_timestamp(clean_text('published_at'),
                                        ['%Y-%m-%d %H:%M:%S'])) }}
            as published_at,
        {{ raw_values_json(raw_columns) }} as raw_values,
        source.is_duplicate
    from source
    {{ channel_mapping_join('channel') }}

),

checked as (

    select
        parsed.*,
        case
            when parsed.content_id is null then 'missing_key'
            when parsed.published_at is null then 'unparseable_timestamp'
            when parsed.published_at > {{ as_of_end_utc() }}
                then 'future_timestamp'
        end as quarantine_reason
    from parsed

)

select * from checked
