{%- set raw_columns = [
    'request_id', 'identifier_type', 'identifier_value', 'requested_at',
] -%}

with

source as (

    {{ repeated_rows_flagged(
        source('crm', 'erasure_requests'), raw_columns
    ) }}

),

parsed as (

    select
        {{ clean_text('request_id') }} as request_id,
        lower({{ clean_text('identifier_type') }}) as identifier_type,
        {{ normalize_identifier('identifier_type', 'identifier_value') }}
            as identifier_value,
        {{ local_to_utc(parse_timestamp(clean_text('requested_at'),
                                        ['%Y-%m-%d %H:%M:%S'])) }}
            as requested_at,
        {{ raw_values_json(raw_columns) }} as raw_values,
        source.is_duplicate
    from source

),

checked as (

    select
        parsed.*,
        case
            when parsed.request_id is null then 'missing_key'
            when parsed.requested_at is null then 'unparseable_timestamp'
            when parsed.identifier_value is null then 'invalid_identifier'
        end as quarantine_reason
    from parsed

)

select * from checked
