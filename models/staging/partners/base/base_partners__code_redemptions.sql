{%- set raw_columns = [
    'redemption_id', 'promo_code', 'redeemed_with', 'order_id',
    'phone_sha256', 'redeemed_at',
] -%}

with

source as (

    {{ repeated_rows_flagged(
        source('partners', 'code_redemptions'), raw_columns
    ) }}

),

parsed as (

    select
        {{ clean_text('redemption_id') }} as redemption_id,
        upper({{ clean_text('promo_code') }}) as promo_code,
        lower({{ clean_text('redeemed_with') }}) as redeemed_with,
        {{ clean_text('order_id') }} as order_id,
        lower({{ clean_text('phone_sha256') }}) as phone_sha256,
        {{ local_to_utc(parse_timestamp(clean_text('redeemed_at'),
                                        ['%Y-%m-%d %H:%M:%S'])) }}
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
            when parsed.redeemed_with not in ('us', 'partner')
                then 'unknown_redemption_side'
        end as quarantine_reason
    from parsed

)

select * from checked
