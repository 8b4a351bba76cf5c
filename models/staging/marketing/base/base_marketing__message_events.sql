{%- set raw_columns = [
    'message_event_id', 'send_id', 'event_type', 'occurred_at',
] -%}

with

source as (

    {{ repeated_rows_flagged(
        source('marketing', 'message_events'), raw_columns
    ) }}

),

parsed as (

    select
        {{ clean_text('message_event_id') }} as message_event_id,
        {{ clean_text('send_id') }} as send_id,
        lower({{ clean_text('event_type') }}) as event_type,
        {{ parse_iso_timestamp_to_utc(clean_text('occurred_at')) }}
            as occurred_at,
        {{ raw_values_json(raw_columns) }} as raw_values,
        source.is_duplicate
    from source

),

checked as (

    select
        parsed.*,
        case
            when parsed.message_event_id is null then 'missing_key'
            when parsed.occurred_at is null then 'unparseable_timestamp'
            when parsed.occurred_at > {{ as_of_end_utc() }}
                then 'future_timestamp'
        end as quarantine_reason
    from parsed

)

select * from checked
