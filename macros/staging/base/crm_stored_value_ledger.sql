{#- The crm stored value ledger parsed and checked: the body of
    base_crm__stored_value_ledger (every raw row, for the quarantine and the
    erasure pre-pass) and what stg_crm__stored_value_ledger reads, with
    copies_by_hash (see repeated_rows_flagged). -#}
{% macro crm_stored_value_ledger_parsed(copies_by_hash=false) -%}
{%- set raw_columns = [
    'entry_id', 'member_card_no', 'entry_type', 'amount', 'balance_after',
    'entry_at',
] -%}

with

source as (

    {{ repeated_rows_flagged(
        source('crm', 'stored_value_ledger'), raw_columns,
        hash_first=copies_by_hash
    ) }}

),

parsed as (

    select
        {{ clean_text('entry_id') }} as entry_id,
        {{ clean_text('member_card_no') }} as member_card_no,
        lower({{ clean_text('entry_type') }}) as entry_type,
        {{ parse_amount('amount') }} as amount,
        {{ parse_amount('balance_after') }} as balance_after,
        {{ local_to_utc(parse_timestamp(clean_text('entry_at'),
                                        ['%Y-%m-%d %H:%M:%S'])) }}
            as entry_at,
        {{ raw_values_json(raw_columns) }} as raw_values,
        source.is_duplicate
    from source

),

checked as (

    select
        parsed.*,
        case
            when parsed.entry_id is null then 'missing_key'
            when parsed.entry_at is null then 'unparseable_timestamp'
            when parsed.entry_at > {{ as_of_end_utc() }}
                then 'future_timestamp'
            when parsed.amount is null then 'unparseable_amount'
        end as quarantine_reason
    from parsed

)

select * from checked
{%- endmacro %}
