{#- Ad clicks are staged day by day, like the event stream: each run
    reloads the last var incremental_lookback_days days (late clicks) and
    any day that still holds a click of a person who asked to be erased; on
    DuckDB a pre-hook also deletes such clicks outright. A full refresh
    rebuilds every day and gives the same table. -#}
{{ config(
    materialized='incremental',
    incremental_strategy=engine_incremental_strategy(),
    unique_key=(none if target.type == 'spark' else 'click_date'),
    partition_by=(['click_date'] if target.type == 'spark' else none),
    on_schema_change='fail',
    pre_hook="{{ delete_erased_rows('identity_record_hash') }}",
) }}

with

{{ staged_by_day_reload_ctes('click_date') }}
ad_clicks as (

    {{ ad_clicks_parsed(
        copies_by_hash=true,
        **staged_by_day_reload_days('click_date')
    ) | indent(4) }}

),

hashed as (

    {{ staged_by_day_hashed('ad_clicks', 'marketing.ad_clicks') }}

),

staged as (

    select
        click_id,
        channel_id,
        campaign_id,
        platform_user_id,
        device_id,
        openid,
        app_id,
        landing_page,
        identity_record_hash,
        is_duplicate,
        cast({{ utc_to_local('clicked_at') }} as date) as click_date,
        clicked_at
    from hashed

)

select * from staged
