{%- set raw_columns = [
    'refund_id', 'order_id', 'refunded_at', 'refund_amount', 'refund_reason',
] -%}

with

source as (

    {{ repeated_rows_flagged(
        source('shop', 'refunds'), raw_columns
    ) }}

),

parsed as (

    select
        {{ clean_text('refund_id') }} as refund_id,
        {{ clean_text('order_id') }} as order_id,
        lower({{ clean_text('refund_reason') }}) as refund_reason,
        {{ parse_amount('refund_amount') }} as refund_amount,
        {{ parse_iso_timestamp_to_utc(clean_text('refunded_at')) }}
            as refunded_at,
        {{ raw_values_json(raw_columns) }} as raw_values,
        source.is_duplicate
    from source

),

checked as (

    select
        parsed.*,
        case
            when parsed.refund_id is null then 'missing_key'
            when parsed.refunded_at is null then 'unparseable_timestamp'
            when parsed.refunded_at > {{ as_of_end_utc() }}
                then 'future_timestamp'
            when parsed.refund_amount is null then 'unparseable_amount'
        end as quarantine_reason
    from parsed

)

select * from checked
