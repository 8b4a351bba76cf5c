{%- set raw_columns = [
    'ticket_id', 'contact_phone', 'account_id', 'ticket_channel', 'reason',
    'sentiment', 'resolution', 'satisfaction_score', 'opened_at', 'closed_at',
] -%}

with

source as (

    {{ repeated_rows_flagged(
        source('service', 'tickets'), raw_columns
    ) }}

),

parsed as (

    select
        {{ clean_text('ticket_id') }} as ticket_id,
        {{ normalize_phone('contact_phone') }} as contact_phone,
        {{ clean_text('account_id') }} as account_id,
        lower({{ clean_text('ticket_channel') }}) as ticket_channel,
        lower({{ clean_text('reason') }}) as reason,
        lower({{ clean_text('sentiment') }}) as sentiment,
        lower({{ clean_text('resolution') }}) as resolution,
        {{ parse_integer('satisfaction_score') }} as satisfaction_score,
        {{ clean_text('satisfaction_score') }} is not null
            as has_satisfaction_text,
        {{ local_to_utc(parse_timestamp(clean_text('opened_at'),
                                        ['%Y-%m-%d %H:%M:%S'])) }}
            as opened_at,
        {{ local_to_utc(parse_timestamp(clean_text('closed_at'),
                                        ['%Y-%m-%d %H:%M:%S'])) }}
            as closed_at,
        {{ raw_values_json(raw_columns) }} as raw_values,
        source.is_duplicate
    from source

),

checked as (

    select
        parsed.*,
        case
            when parsed.ticket_id is null then 'missing_key'
            when parsed.opened_at is null then 'unparseable_timestamp'
            when parsed.opened_at > {{ as_of_end_utc() }}
                then 'future_timestamp'
            when
                parsed.has_satisfaction_text
                and coalesce(
                    parsed.satisfaction_score not between 1 and 5, true
                )
                then 'out_of_range'
        end as quarantine_reason
    from parsed

)

select * from checked
