{#- The shop orders parsed and checked: the body of base_shop__orders (every
    raw row, for the quarantine and the erasure pre-pass) and what
    stg_shop__orders reads, with copies_by_hash (see repeated_rows_flagged). -#}
{% macro shop_orders_parsed(copies_by_hash=false) -%}
{%- set raw_columns = [
    'order_id', 'account_id', 'order_channel', 'utm_source', 'utm_medium',
    'utm_campaign', 'ordered_at', 'currency', 'gross_amount',
    'discount_amount', 'shipping_fee', 'coupon_code', 'order_status',
    'receiver_phone',
] -%}

with

source as (

    {{ repeated_rows_flagged(
        source('shop', 'orders'), raw_columns,
        hash_first=copies_by_hash
    ) }}

),

test_accounts as (

    select account_id from {{ ref('test_accounts') }}

),

employees as (

    select phone from {{ ref('employees') }}

),

parsed as (

    select
        {{ clean_text('order_id') }} as order_id,
        {{ clean_text('account_id') }} as account_id,
        {{ clean_text('coupon_code') }} as coupon_code,
        {{ map_channel('order_channel', mapping='storefront_mapping') }}
            as storefront_channel_id,
        {{ map_channel(
            'utm_source', when_missing='direct', mapping='utm_mapping'
        ) }}
            as utm_channel_id,
        lower({{ clean_text('utm_medium') }}) as utm_medium,
        {{ clean_text('utm_campaign') }} as utm_campaign,
        upper({{ clean_text('currency') }}) as currency,
        lower({{ clean_text('order_status') }}) as order_status,
        {{ normalize_phone('receiver_phone') }} as receiver_phone,
        {{ parse_amount('gross_amount') }} as gross_amount,
        {{ parse_amount('discount_amount') }} as discount_amount,
        {{ parse_amount('shipping_fee') }} as shipping_fee,
        {{ parse_iso_timestamp_to_utc(clean_text('ordered_at')) }}
            as ordered_at,
        {{ raw_values_json(raw_columns) }} as raw_values,
        source.is_duplicate
    from source
    {{ channel_mapping_join('order_channel', mapping='storefront_mapping') }}
    {{ channel_mapping_join('utm_source', mapping='utm_mapping') }}

),

checked as (

    select
        parsed.*,
        parsed.order_status = 'cancelled' as is_cancelled,
        coalesce(
            parsed.account_id in (
                select test_accounts.account_id from test_accounts
            ),
            false
        ) as is_test,
        coalesce(
            parsed.receiver_phone in (select employees.phone from employees),
            false
        ) as is_employee,
        case
            when parsed.order_id is null then 'missing_key'
            when parsed.ordered_at is null then 'unparseable_timestamp'
            when parsed.ordered_at > {{ as_of_end_utc() }}
                then 'future_timestamp'
            when
                parsed.gross_amount is null
                or parsed.discount_amount is null
                or parsed.shipping_fee is null
                then 'unparseable_amount'
            when parsed.currency != 'CNY' then 'unsupported_currency'
        end as quarantine_reason
    from parsed

)

select * from checked
{%- endmacro %}
