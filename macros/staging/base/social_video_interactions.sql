{#- The social video interactions parsed and checked: the body of
    base_social__video_interactions (every raw row, for the quarantine and the
    erasure pre-pass) and what stg_social__video_interactions reads, with
    copies_by_hash (see repeated_rows_flagged). -#}
{% macro social_video_interactions_parsed(copies_by_hash=false) -%}
{%- set raw_columns = [
    'interaction_id', 'platform', 'platform_user_id', 'video_id',
    'interaction_type', 'interacted_at',
] -%}

with

source as (

    {{ repeated_rows_flagged(
        source('social', 'video_interactions'), raw_columns,
        hash_first=copies_by_hash
    ) }}

),

parsed as (

    select
        {{ clean_text('interaction_id') }} as interaction_id,
        {{ map_channel('platform') }} as channel_id,
        {{ clean_text('platform_user_id') }} as platform_user_id,
        {{ clean_text('video_id') }} as video_id,
        lower({{ clean_text('interaction_type') }}) as interaction_type,
        {{ local_to_utc(parse_timestamp(clean_text('interacted_at'),
                                        ['%Y-%m-%d %H:%M:%S'])) }}
            as interacted_at,
        {{ raw_values_json(raw_columns) }} as raw_values,
        source.is_duplicate
    from source
    {{ channel_mapping_join('platform') }}

),

checked as (

    select
        parsed.*,
        case
            when parsed.interaction_id is null then 'missing_key'
            when parsed.interacted_at is null then 'unparseable_timestamp'
            when parsed.interacted_at > {{ as_of_end_utc() }}
                then 'future_timestamp'
        end as quarantine_reason
    from parsed

)

select * from checked
{%- endmacro %}
