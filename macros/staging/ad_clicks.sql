{#- The ad clicks parsed and checked: the body of base_marketing__ad_clicks
    (every raw row, for quarantine and the erasure pre-pass) and what
    stg_marketing__ad_clicks reads. On an incremental run the staged model
    passes the days it reloads, and the raw rows of other days are left out
    before the duplicate check (copies of one export line share their
    timestamp, so they fall on the same day and are still told apart). -#}
{% macro ad_clicks_parsed(
    reload_days_from=none, reload_days_in=none, copies_by_hash=false
) -%}
{%- set raw_columns = [
    'click_id', 'platform', 'campaign_id', 'platform_user_id', 'device_id',
    'openid', 'app_id', 'landing_page', 'clicked_at',
] -%}
{%- set clicked_at = parse_iso_timestamp_to_utc(clean_text('clicked_at')) -%}

with

source as (

    {{ repeated_rows_flagged(
        source('marketing', 'ad_clicks'), raw_columns,
        filter=reload_days_condition(
            clicked_at, reload_days_from, reload_days_in
        ),
        hash_first=copies_by_hash
    ) }}

),

parsed as (

    select
        {{ clean_text('click_id') }} as click_id,
        {{ map_channel('platform') }} as channel_id,
        {{ clean_text('campaign_id') }} as campaign_id,
        {{ clean_text('platform_user_id') }} as platform_user_id,
        lower({{ clean_text('device_id') }}) as device_id,
        {{ clean_text('openid') }} as openid,
        {{ clean_text('app_id') }} as app_id,
        lower({{ clean_text('landing_page') }}) as landing_page,
        {{ clicked_at }} as clicked_at,
        {{ raw_values_json(raw_columns) }} as raw_values,
        source.is_duplicate
    from source
    {{ channel_mapping_join('platform') }}

),

checked as (

    select
        parsed.*,
        case
            when parsed.click_id is null then 'missing_key'
            when parsed.clicked_at is null then 'unparseable_timestamp'
            when parsed.clicked_at > {{ as_of_end_utc() }}
                then 'future_timestamp'
        end as quarantine_reason
    from parsed

)

select * from checked
{%- endmacro %}
