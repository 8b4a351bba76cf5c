{%- set raw_columns = [
    'follow_id', 'app_id', 'openid', 'unionid', 'subscribe_scene',
    'followed_at', 'unfollowed_at',
] -%}

with

source as (

    {{ repeated_rows_flagged(
        source('social', 'oa_followers'), raw_columns
    ) }}

),

parsed as (

    select
        {{ clean_text('follow_id') }} as follow_id,
        {{ clean_text('app_id') }} as app_id,
        {{ clean_text('openid') }} as openid,
        {{ clean_text('unionid') }} as unionid,
        lower({{ clean_text('subscribe_scene') }}) as subscribe_scene,
        {{ local_to_utc(parse_timestamp(clean_text('followed_at'),
                                        ['%Y-%m-%d %H:%M:%S'])) }}
            as followed_at,
        {{ local_to_utc(parse_timestamp(clean_text('unfollowed_at'),
                                        ['%Y-%m-%d %H:%M:%S'])) }}
            as unfollowed_at,
        {{ clean_text('unfollowed_at') }} is not null as has_unfollow_text,
        {{ raw_values_json(raw_columns) }} as raw_values,
        source.is_duplicate
    from source

),

checked as (

    select
        parsed.*,
        case
            when parsed.follow_id is null then 'missing_key'
            when
                parsed.followed_at is null
                or (parsed.has_unfollow_text and parsed.unfollowed_at is null)
                then 'unparseable_timestamp'
            when parsed.followed_at > {{ as_of_end_utc() }}
                then 'future_timestamp'
        end as quarantine_reason
    from parsed

)

select * from checked
