{#- The marketing coupons parsed and checked: the body of
    base_marketing__coupons (every raw row, for the quarantine and the erasure
    pre-pass) and what stg_marketing__coupons reads, with copies_by_hash (see
    repeated_rows_flagged). -#}
{% macro marketing_coupons_parsed(copies_by_hash=false) -%}
{%- set raw_columns = [
    'coupon_id', 'coupon_code', 'campaign_id', 'account_id', 'member_card_no',
    'face_value', 'min_spend', 'issued_at', 'expires_at',
] -%}

with

source as (

    {{ repeated_rows_flagged(
        source('marketing', 'coupons'), raw_columns,
        hash_first=copies_by_hash
    ) }}

),

parsed as (

    select
        {{ clean_text('coupon_id') }} as coupon_id,
        upper({{ clean_text('coupon_code') }}) as coupon_code,
        {{ clean_text('campaign_id') }} as campaign_id,
        {{ clean_text('account_id') }} as account_id,
        {{ clean_text('member_card_no') }} as member_card_no,
        {{ parse_amount('face_value') }} as face_value,
        {{ parse_amount('min_spend') }} as min_spend,
        {{ parse_iso_timestamp_to_utc(clean_text('issued_at')) }} as issued_at,
        {{ parse_iso_timestamp_to_utc(clean_text('expires_at')) }}
            as expires_at,
        {{ raw_values_json(raw_columns) }} as raw_values,
        source.is_duplicate
    from source

),

checked as (

    select
        parsed.*,
        case
            when parsed.coupon_id is null then 'missing_key'
            when parsed.issued_at is null or parsed.expires_at is null
                then 'unparseable_timestamp'
            when parsed.issued_at > {{ as_of_end_utc() }}
                then 'future_timestamp'
            when parsed.face_value is null or parsed.min_spend is null
                then 'unparseable_amount'
        end as quarantine_reason
    from parsed

)

select * from checked
{%- endmacro %}
