{%- set raw_columns = [
    'list_entry_id', 'partner_id', 'phone_sha256', 'email_sha256', 'list_date',
] -%}

with

source as (

    {{ repeated_rows_flagged(
        source('partners', 'customer_lists'), raw_columns
    ) }}

),

parsed as (

    select
        {{ clean_text('list_entry_id') }} as list_entry_id,
        {{ clean_text('partner_id') }} as partner_id,
        lower({{ clean_text('phone_sha256') }}) as phone_sha256,
        lower({{ clean_text('email_sha256') }}) as email_sha256,
        {{ regex_full_match("lower(" ~ clean_text('phone_sha256') ~ ")",
                            '[0-9a-f]{64}') }} as is_phone_hash_valid,
        {{ regex_full_match("lower(" ~ clean_text('email_sha256') ~ ")",
                            '[0-9a-f]{64}') }} as is_email_hash_valid,
        {{ parse_date('list_date') }} as list_date,
        {{ raw_values_json(raw_columns) }} as raw_values,
        source.is_duplicate
    from source

),

checked as (

    select
        parsed.*,
        case
            when parsed.list_entry_id is null then 'missing_key'
            when parsed.list_date is null then 'invalid_date'
            when
                not coalesce(parsed.is_phone_hash_valid, true)
                or not coalesce(parsed.is_email_hash_valid, true)
                or (parsed.phone_sha256 is null and parsed.email_sha256 is null)
                then 'invalid_hash'
        end as quarantine_reason
    from parsed

)

select * from checked
