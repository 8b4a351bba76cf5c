{%- set raw_columns = [
    'redemption_id', 'coupon_code', 'order_id', 'redeemed_at',
] -%}

with

source as (

    {{ repeated_rows_flagged(
        source('marketing', 'coupon_redemptions'), raw_columns
    ) }}

),

parsed as (

    select
        {{ clean_text('redemption_id') }} as redemption_id,
        upper({{ clean_text('coupon_code') }}) as coupon_code,
        {{ clean_text('order_id') }} as order_id,
        {{ parse_iso_timestamp_to_utc(clean_text('redeemed_at')) }}
            as redeemed_at,
        {{ raw_values_json(raw_columns) }} as raw_values,
        source.is_duplicate
    from source

),

checked as (

    select
        parsed.*,
        case
            when parsed.redemption_id is null then 'missing_key'
            when parsed.redeemed_at is null then 'unparseable_timestamp'
            when parsed.redeemed_at > {{ as_of_end_utc() }}
                then 'future_timestamp'
        end as quarantine_reason
    from parsed

)

select * from checked
