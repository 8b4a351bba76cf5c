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

{% if is_incremental() -%}
reload_from as (

    select
        {{ dbt.dateadd(
            'day', -var('incremental_lookback_days'), 'max(event_date)'
        ) }} as first_reloaded_date
    from {{ this }}

),

days_with_erased_events as (

    select distinct event_date
    from {{ this }}
    where identity_record_hash in (
        select suppressed_hash
        from {{ ref('stg_privacy__erasure_suppression') }}
        where suppressed_kind = 'record'
    )

),

{% endif -%}
events as (

    {{ app_events_parsed(
        reload_days_from=(
            'select first_reloaded_date from reload_from' if is_incremental()
        ),
        reload_days_in=(
            'select event_date from days_with_erased_events' if is_incremental()
        ),
    ) | indent(4) }}

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
        {{ salted_hash(identity_record_key(identity_source('app.events'))) }}
            as identity_record_hash,
        is_duplicate,
        cast({{ utc_to_local('occurred_at') }} as date) as event_date,
        occurred_at
    from events
    where
        quarantine_reason is null
        and {{ erasure_filter('app.events') }}

)

select * from staged
