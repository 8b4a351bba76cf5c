{%- set raw_columns = [
    'account_id', 'phone', 'email', 'wx_unionid', 'nickname', 'receiver_name',
    'birth_date', 'city', 'address', 'registered_at',
] -%}

with

source as (

    {{ repeated_rows_flagged(
        source('shop', 'accounts'), raw_columns
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
        {{ clean_text('account_id') }} as account_id,
        {{ normalize_phone('phone') }} as phone,
        {{ normalize_email('email') }} as email,
        {{ clean_text('wx_unionid') }} as wx_unionid,
        {{ clean_text('nickname') }} as nickname,
        {{ clean_text('receiver_name') }} as full_name,
        {{ clean_text('city') }} as city,
        {{ clean_text('address') }} as address,
        {{ parse_date('birth_date') }} as birth_date,
        {{ parse_iso_timestamp_to_utc(clean_text('registered_at')) }}
            as registered_at,
        {{ raw_values_json(raw_columns) }} as raw_values,
        source.is_duplicate
    from source

),

checked as (

    select
        parsed.*,
        coalesce(
            parsed.account_id in (
                select test_accounts.account_id from test_accounts
            ),
            false
        ) as is_test,
        coalesce(
            parsed.phone in (select employees.phone from employees), false
        ) as is_employee,
        case
            when parsed.account_id is null then 'missing_key'
            when parsed.registered_at is null then 'unparseable_timestamp'
            when parsed.registered_at > {{ as_of_end_utc() }}
                then 'future_timestamp'
        end as quarantine_reason
    from parsed

)

select * from checked
