{%- set raw_columns = [
    'promotion_id', 'partner_id', 'promotion_name', 'partner_code', 'our_code',
    'started_on', 'ended_on',
] -%}

with

source as (

    {{ repeated_rows_flagged(
        source('partners', 'promotions'), raw_columns
    ) }}

),

parsed as (

    select
        {{ clean_text('promotion_id') }} as promotion_id,
        {{ clean_text('partner_id') }} as partner_id,
        {{ clean_text('promotion_name') }} as promotion_name,
        upper({{ clean_text('partner_code') }}) as partner_code,
        upper({{ clean_text('our_code') }}) as our_code,
        {{ parse_date('started_on') }} as start_date,
        {{ parse_date('ended_on') }} as end_date,
        {{ raw_values_json(raw_columns) }} as raw_values,
        source.is_duplicate
    from source

),

checked as (

    select
        parsed.*,
        case
            when parsed.promotion_id is null then 'missing_key'
            when
                parsed.start_date is null or parsed.end_date is null
                or parsed.end_date < parsed.start_date
                then 'invalid_date'
        end as quarantine_reason
    from parsed

)

select * from checked
