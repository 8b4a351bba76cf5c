{#- The pos transactions parsed and checked: the body of
    base_pos__transactions (every raw row, for the quarantine and the erasure
    pre-pass) and what stg_pos__transactions reads, with copies_by_hash (see
    repeated_rows_flagged). -#}
{% macro pos_transactions_parsed(copies_by_hash=false) -%}
{%- set raw_columns = [
    'transaction_id', 'store_id', 'member_card_no', 'customer_phone',
    'transacted_at', 'total_amount', 'discount_amount', 'payment_method',
    'cashier_id',
] -%}

with

source as (

    {{ repeated_rows_flagged(
        source('pos', 'transactions'), raw_columns,
        hash_first=copies_by_hash
    ) }}

),

stores as (

    select store_id from {{ ref('base_pos__stores') }}
    where quarantine_reason is null

),

employees as (

    select
        phone,
        member_card_no
    from {{ ref('employees') }}

),

parsed as (

    select
        {{ clean_text('transaction_id') }} as transaction_id,
        upper({{ clean_text('store_id') }}) as store_id,
        {{ clean_text('member_card_no') }} as member_card_no,
        {{ normalize_phone('customer_phone') }} as customer_phone,
        lower({{ clean_text('payment_method') }}) as payment_method,
        {{ clean_text('cashier_id') }} as cashier_id,
        {{ parse_amount('total_amount') }} as net_amount,
        {{ parse_amount('discount_amount') }} as discount_amount,
        {{ local_to_utc(parse_timestamp(clean_text('transacted_at'),
                                        ['%Y/%m/%d %H:%M:%S'])) }}
            as transacted_at,
        {{ raw_values_json(raw_columns) }} as raw_values,
        source.is_duplicate
    from source

),

checked as (

    select
        parsed.*,
        coalesce(
            parsed.member_card_no in (
                select employees.member_card_no from employees
            )
            or parsed.customer_phone in (select employees.phone from employees),
            false
        ) as is_employee,
        case
            when parsed.transaction_id is null then 'missing_key'
            when parsed.transacted_at is null then 'unparseable_timestamp'
            when parsed.transacted_at > {{ as_of_end_utc() }}
                then 'future_timestamp'
            when parsed.net_amount is null or parsed.discount_amount is null
                then 'unparseable_amount'
            when parsed.store_id not in (select stores.store_id from stores)
                then 'unknown_store'
        end as quarantine_reason
    from parsed

)

select * from checked
{%- endmacro %}
