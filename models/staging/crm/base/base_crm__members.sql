{%- set raw_columns = [
    'member_id', 'member_card_no', 'phone', 'name', 'gender', 'birth_date',
    'city', 'address', 'enrolled_at', 'enrolled_store_id', 'member_level',
] -%}

with

source as (

    {{ repeated_rows_flagged(
        source('crm', 'members'), raw_columns
    ) }}

),

employees as (

    select
        phone,
        member_card_no
    from {{ ref('employees') }}

),

parsed as (

    select
        {{ clean_text('member_id') }} as member_id,
        {{ clean_text('member_card_no') }} as member_card_no,
        {{ normalize_phone('phone') }} as phone,
        {{ clean_text('name') }} as full_name,
        upper({{ clean_text('gender') }}) as gender,
        {{ city_name('city') }} as city,
        {{ clean_text('address') }} as address,
        upper({{ clean_text('enrolled_store_id') }}) as enrolled_store_id,
        lower({{ clean_text('member_level') }}) as member_level,
        {{ parse_date('birth_date') }} as birth_date,
        {{ clean_text('birth_date') }} is not null
        and {{ parse_date('birth_date') }} is null as has_invalid_birth_date,
        {{ local_to_utc(parse_timestamp(clean_text('enrolled_at'),
                                        ['%Y-%m-%d %H:%M:%S'])) }}
            as enrolled_at,
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
            or parsed.phone in (select employees.phone from employees),
            false
        ) as is_employee,
        case
            when parsed.member_id is null then 'missing_key'
            when parsed.enrolled_at is null then 'unparseable_timestamp'
            when parsed.enrolled_at > {{ as_of_end_utc() }}
                then 'future_timestamp'
        end as quarantine_reason
    from parsed

)

select * from checked
