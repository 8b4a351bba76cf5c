{%- set raw_columns = [
    'store_id', 'store_name', 'city', 'district', 'store_phone', 'opened_on',
] -%}

with

source as (

    {{ repeated_rows_flagged(
        source('pos', 'stores'), raw_columns
    ) }}

),

parsed as (

    select
        upper({{ clean_text('store_id') }}) as store_id,
        {{ clean_text('store_name') }} as store_name,
        {{ clean_text('city') }} as city,
        {{ clean_text('district') }} as district,
        {{ normalize_phone('store_phone') }} as store_phone,
        {{ parse_date('opened_on') }} as opened_date,
        {{ raw_values_json(raw_columns) }} as raw_values,
        source.is_duplicate
    from source

),

checked as (

    select
        parsed.*,
        case
            when parsed.store_id is null then 'missing_key'
        end as quarantine_reason
    from parsed

)

select * from checked
