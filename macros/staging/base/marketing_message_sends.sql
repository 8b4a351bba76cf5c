{#- The marketing message sends parsed and checked: the body of
    base_marketing__message_sends (every raw row, for the quarantine and the
    erasure pre-pass) and what stg_marketing__message_sends reads, with
    copies_by_hash (see repeated_rows_flagged). -#}
{% macro marketing_message_sends_parsed(copies_by_hash=false) -%}
{%- set raw_columns = [
    'send_id', 'campaign_id', 'channel', 'recipient_type', 'recipient',
    'delivery_status', 'cost', 'sent_at',
] -%}

with

source as (

    {{ repeated_rows_flagged(
        source('marketing', 'message_sends'), raw_columns,
        hash_first=copies_by_hash
    ) }}

),

parsed as (

    select
        {{ clean_text('send_id') }} as send_id,
        {{ clean_text('campaign_id') }} as campaign_id,
        {{ map_channel('channel') }} as channel_id,
        lower({{ clean_text('recipient_type') }}) as recipient_type,
        {{ normalize_identifier('recipient_type', 'recipient') }}
            as recipient,
        lower({{ clean_text('delivery_status') }}) as delivery_status,
        {{ parse_amount('cost') }} as send_cost,
        {{ parse_iso_timestamp_to_utc(clean_text('sent_at')) }} as sent_at,
        {{ raw_values_json(raw_columns) }} as raw_values,
        source.is_duplicate
    from source
    {{ channel_mapping_join('channel') }}

),

checked as (

    select
        parsed.*,
        parsed.delivery_status = 'delivered' as is_delivered,
        case
            when parsed.send_id is null then 'missing_key'
            when parsed.sent_at is null then 'unparseable_timestamp'
            when parsed.sent_at > {{ as_of_end_utc() }}
                then 'future_timestamp'
            when parsed.send_cost is null then 'unparseable_amount'
        end as quarantine_reason
    from parsed

)

select * from checked
{%- endmacro %}
