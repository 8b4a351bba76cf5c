{#- The pos transaction items parsed and checked: the body of
    base_pos__transaction_items (every raw row, for the quarantine and the
    erasure pre-pass) and what stg_pos__transaction_items reads, with
    copies_by_hash (see repeated_rows_flagged). -#}
{% macro pos_transaction_items_parsed(copies_by_hash=false) -%}
{%- set raw_columns = [
    'line_id', 'transaction_id', 'sku', 'quantity', 'unit_price',
] -%}

with

source as (

    {{ repeated_rows_flagged(
        source('pos', 'transaction_items'), raw_columns,
        hash_first=copies_by_hash
    ) }}

),

products as (

    select product_id from {{ ref('products') }}

),

parsed as (

    select
        {{ clean_text('line_id') }} as line_id,
        {{ clean_text('transaction_id') }} as transaction_id,
        upper({{ clean_text('sku') }}) as product_id,
        {{ parse_integer('quantity') }} as quantity,
        {{ parse_amount('unit_price') }} as unit_price,
        {{ raw_values_json(raw_columns) }} as raw_values,
        source.is_duplicate
    from source

),

checked as (

    select
        parsed.*,
        case
            when parsed.line_id is null then 'missing_key'
            when parsed.quantity is null then 'unparseable_quantity'
            when parsed.quantity <= 0 then 'negative_quantity'
            when parsed.unit_price is null then 'unparseable_amount'
            when
                parsed.product_id not in (
                    select products.product_id from products
                )
                then 'unknown_product'
        end as quarantine_reason
    from parsed

)

select * from checked
{%- endmacro %}
