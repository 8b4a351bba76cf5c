{#- The staging models that load by day (the event stream, content reads,
    ad clicks) share two pieces: the CTEs an incremental run starts from,
    and the condition that keeps only the raw rows of the days it reloads. -#}

{#- On an incremental run, two CTEs (each followed by a comma): reload_from,
    the first local day to reload (var incremental_lookback_days before the
    latest loaded day, for late rows), and days_with_erased_rows, the days
    that still hold a row of a record the erasure pre-pass suppressed (they
    are reloaded without it). Nothing on a full build. -#}
{% macro staged_by_day_reload_ctes(date_column, hash_column='identity_record_hash') -%}
{%- if is_incremental() -%}
reload_from as (

    select
        {{ dbt.dateadd(
            'day', -var('incremental_lookback_days'), 'max(' ~ date_column ~ ')'
        ) }} as first_reloaded_date
    from {{ this }}

),

days_with_erased_rows as (

    select distinct {{ date_column }}
    from {{ this }}
    where {{ hash_column }} in (
        select suppressed_hash
        from {{ ref('stg_privacy__erasure_suppression') }}
        where suppressed_kind = 'record'
    )

),

{% endif -%}
{%- endmacro %}

{#- The arguments a parse macro takes from a model staged by day: the
    queries for the days to reload on an incremental run, none otherwise. -#}
{% macro staged_by_day_reload_days(date_column) -%}
    {%- if is_incremental() -%}
        {{ return({
            'reload_days_from': 'select first_reloaded_date from reload_from',
            'reload_days_in': 'select ' ~ date_column ~ ' from days_with_erased_rows',
        }) }}
    {%- else -%}
        {{ return({'reload_days_from': none, 'reload_days_in': none}) }}
    {%- endif -%}
{%- endmacro %}

{#- A parse macro's filter on raw rows: the row's local day (of its UTC
    timestamp, computed as the staged date column is) is on or after the
    first reloaded day, or among the further days to reload. Nothing when
    every day is parsed (reload_days_from is none). -#}
{% macro reload_days_condition(utc_timestamp, reload_days_from, reload_days_in) -%}
    {%- set local_day = 'cast(' ~ utc_to_local(utc_timestamp) ~ ' as date)' -%}
    {%- if reload_days_from -%}
    where
        {{ local_day }} >= ({{ reload_days_from }})
        or {{ local_day }} in ({{ reload_days_in }})
    {%- endif -%}
{%- endmacro %}

{#- The rows of `relation` (a parsed CTE of the source `table`) to stage:
    no quarantine reason and no erased person, with identity_record_hash,
    the salted hash of the row's identity record key, computed once: the
    models staged by day keep it as a column, and the erasure filter reads
    it (erasure_filter's record_hash). -#}
{% macro staged_by_day_hashed(relation, table) -%}
    select *
    from (
        select
            {{ relation }}.*,
            {{ salted_hash(identity_record_key(identity_source(table))) }}
                as identity_record_hash
        from {{ relation }}
        where {{ relation }}.quarantine_reason is null
    ) as usable
    where {{ erasure_filter(table, record_hash='usable.identity_record_hash') }}
{%- endmacro %}
