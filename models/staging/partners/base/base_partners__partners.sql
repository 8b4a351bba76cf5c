{%- set raw_columns = ['partner_id', 'partner_name', 'partner_category'] -%}

with

source as (

    {{ repeated_rows_flagged(
        source('partners', 'partners'), raw_columns
    ) }}

),

parsed as (

    select
        {{ clean_text('partner_id') }} as partner_id,
        {{ clean_text('partner_name') }} as partner_name,
        lower({{ clean_text('partner_category') }}) as partner_category,
        {{ raw_values_json(raw_columns) }} as raw_values,
        source.is_duplicate
    from source

),

checked as (

    select
        parsed.*,
        case
            when parsed.partner_id is null then 'missing_key'
        end as quarantine_reason
    from parsed

)

select * from checked
