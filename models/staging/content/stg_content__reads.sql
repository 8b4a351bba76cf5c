{#- Content reads are staged day by day, like the event stream: each run
    reloads the last var incremental_lookback_days days (late reads) and any
    day that still holds a read of a person who asked to be erased; on
    DuckDB a pre-hook also deletes such reads outright. A full refresh
    rebuilds every day and gives the same table. -#}
{{ config(
    materialized='incremental',
    incremental_strategy=engine_incremental_strategy(),
    unique_key=(none if target.type == 'spark' else 'read_date'),
    partition_by=(['read_date'] if target.type == 'spark' else none),
    on_schema_change='fail',
    pre_hook="{{ delete_erased_rows('identity_record_hash') }}",
) }}

with

{{ staged_by_day_reload_ctes('read_date') }}
reads as (

    {{ content_reads_parsed(
        copies_by_hash=true,
        **staged_by_day_reload_days('read_date')
    ) | indent(4) }}

),

hashed as (

    {{ staged_by_day_hashed('reads', 'content.reads') }}

),

staged as (

    select
        read_id,
        content_id,
        app_id,
        openid,
        account_id,
        comment_text,
        read_seconds,
        completion_rate,
        is_shared,
        comment_text is not null as has_comment,
        identity_record_hash,
        is_duplicate,
        cast({{ utc_to_local('read_at') }} as date) as read_date,
        read_at
    from hashed

)

select * from staged
