{#- The event stream is the largest source, so it is staged once, day by
    day: each run reloads the last var incremental_lookback_days days (late
    events) and any day that still holds an event of a person who asked to
    be erased; on DuckDB a pre-hook also deletes such events outright. A
    full refresh rebuilds every day and gives the same table. -#}
{{ config(
    materialized='incremental',
    incremental_strategy=engine_incremental_strategy(),
    unique_key=(none if target.type == 'spark' else 'event_date'),
    partition_by=(['event_date'] if target.type == 'spark' else none),
    on_schema_change='fail',
    pre_hook="{{ delete_erased_rows('identity_record_hash') }}",
) }}

with

{{ staged_by_day_reload_ctes('event_date') }}
events as (

    {{ app_events_parsed(
        copies_by_hash=true,
        **staged_by_day_reload_days('event_date')
    ) | indent(4) }}

),

hashed as (

    {{ staged_by_day_hashed('events', 'app.events') }}

),

staged as (

    select
        event_id,
        session_id,
        platform,
        app_id,
        device_id,
        account_id,
        openid,
        event_name,
        product_id,
        search_term,
        utm_source,
        session_channel_id,
        utm_medium,
        utm_campaign,
        identity_record_hash,
        is_duplicate,
        cast({{ utc_to_local('occurred_at') }} as date) as event_date,
        occurred_at
    from hashed

)

select * from staged
