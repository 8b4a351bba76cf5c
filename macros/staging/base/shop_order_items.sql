{#- The shop order items parsed and checked: the body of
    base_shop__order_items (every raw row, for the quarantine and the erasure
    pre-pass) and what stg_shop__order_items reads, with copies_by_hash (see
    repeated_rows_flagged). -#}
{% macro shop_order_items_parsed(copies_by_hash=false) -%}
{%- set raw_columns = [
    'order_item_id', 'order_id', 'sku', 'quantity', 'unit_price',
    'line_discount',
] -%}

with

source as (

    {{ repeated_rows_flagged(
        source('shop', 'order_items'), raw_columns,
        hash_first=copies_by_hash
    ) }}

),

products as (

    select product_id from {{ ref('products') }}

),

parsed as (

    select
        {{ clean_text('order_item_id') }} as order_item_id,
        {{ clean_text('order_id') }} as order_id,
        upper({{ clean_text('sku') }}) as product_id,
        {{ parse_integer('quantity') }} as quantity,
        {{ parse_amount('unit_price') }} as unit_price,
        {{ parse_amount('line_discount') }} as line_discount,
        {{ raw_values_json(raw_columns) }} as raw_values,
        source.is_duplicate
    from source

),

checked as (

    select
        parsed.*,
        case
            when parsed.order_item_id is null then 'missing_key'
            when parsed.quantity is null then 'unparseable_quantity'
            when parsed.quantity <= 0 then 'negative_quantity'
            when parsed.unit_price is null or parsed.line_discount is null
                then 'unparseable_amount'
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
