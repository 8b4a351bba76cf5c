{#- The crm consents parsed and checked: the body of base_crm__consents (every
    raw row, for the quarantine and the erasure pre-pass) and what
    stg_crm__consents reads, with copies_by_hash (see repeated_rows_flagged). -#}
{% macro crm_consents_parsed(copies_by_hash=false) -%}
{%- set raw_columns = [
    'consent_id', 'identifier_type', 'identifier_value', 'channel',
    'consent_status', 'recorded_at',
] -%}

with

source as (

    {{ repeated_rows_flagged(
        source('crm', 'consents'), raw_columns,
        hash_first=copies_by_hash
    ) }}

),

parsed as (

    select
        {{ clean_text('consent_id') }} as consent_id,
        lower({{ clean_text('identifier_type') }}) as identifier_type,
        {{ normalize_identifier('identifier_type', 'identifier_value') }}
            as identifier_value,
        {{ map_channel('channel') }} as channel_id,
        case
            when
                lower({{ clean_text('consent_status') }}) in
                ('granted', 'opt_in', 'yes', 'y') then true
            when
                lower({{ clean_text('consent_status') }}) in
                ('withdrawn', 'opt_out', 'no', 'n', 'refused') then false
        end as is_granted,
        {{ local_to_utc(parse_timestamp(clean_text('recorded_at'),
                                        ['%Y-%m-%d %H:%M:%S'])) }}
            as recorded_at,
        {{ raw_values_json(raw_columns) }} as raw_values,
        source.is_duplicate
    from source
    {{ channel_mapping_join('channel') }}

),

checked as (

    select
        parsed.*,
        case
            when parsed.consent_id is null then 'missing_key'
            when parsed.recorded_at is null then 'unparseable_timestamp'
            when parsed.recorded_at > {{ as_of_end_utc() }}
                then 'future_timestamp'
            when parsed.is_granted is null then 'unknown_consent_status'
            when parsed.identifier_value is null then 'invalid_identifier'
        end as quarantine_reason
    from parsed

)

select * from checked
{%- endmacro %}
