{#- The parsing of the app event stream, shared by base_app__events (every
    raw row, for quarantine and the erasure pre-pass) and stg_app__events.
    On an incremental run the staged model passes the days it reloads, and
    the raw rows of other days are left out before the duplicate check
    (repeated_rows_flagged), so a run parses one new day instead of
    the whole stream. Copies of one export line share their timestamp, so
    they fall on the same day and are still told apart. -#}
{% macro app_events_parsed(
    reload_days_from=none, reload_days_in=none, copies_by_hash=false
) -%}
{%- set raw_columns = [
    'event_id', 'session_id', 'platform', 'app_id', 'device_id', 'account_id',
    'openid', 'event_name', 'sku', 'search_term', 'utm_source', 'utm_medium',
    'utm_campaign', 'occurred_at_ms',
] -%}
{%- set occurred_at = epoch_ms_to_timestamp(clean_text('occurred_at_ms')) -%}

with

source as (

    {{ repeated_rows_flagged(
        source('app', 'events'), raw_columns,
        filter=reload_days_condition(
            occurred_at, reload_days_from, reload_days_in
        ),
        hash_first=copies_by_hash
    ) }}

),

parsed as (

    select
        {{ clean_text('event_id') }} as event_id,
        {{ clean_text('session_id') }} as session_id,
        lower({{ clean_text('platform') }}) as platform,
        {{ clean_text('app_id') }} as app_id,
        lower({{ clean_text('device_id') }}) as device_id,
        {{ clean_text('account_id') }} as account_id,
        {{ clean_text('openid') }} as openid,
        lower({{ clean_text('event_name') }}) as event_name,
        upper({{ clean_text('sku') }}) as product_id,
        {{ clean_text('search_term') }} as search_term,
        lower({{ clean_text('utm_source') }}) as utm_source,
        case
            when lower({{ clean_text('event_name') }}) = 'session_start'
                then {{ map_channel('utm_source', when_missing='direct') }}
        end as session_channel_id,
        lower({{ clean_text('utm_medium') }}) as utm_medium,
        {{ clean_text('utm_campaign') }} as utm_campaign,
        {{ occurred_at }} as occurred_at,
        {{ raw_values_json(raw_columns) }} as raw_values,
        source.is_duplicate
    from source
    {{ channel_mapping_join('utm_source') }}

),

checked as (

    select
        parsed.*,
        case
            when parsed.event_id is null then 'missing_key'
            when parsed.occurred_at is null then 'unparseable_timestamp'
            when parsed.occurred_at > {{ as_of_end_utc() }}
                then 'future_timestamp'
        end as quarantine_reason
    from parsed

)

select * from checked
{%- endmacro %}
