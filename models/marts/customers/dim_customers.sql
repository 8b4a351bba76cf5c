{#- One row per person. Public: no phone, e-mail, name or address, only
    salted SHA-256 hashes of the main phone and e-mail. -#}
{%- set channels = ['sms', 'email', 'wecom', 'app_push'] -%}

with

persons as (

    select * from {{ ref('int_persons_summarised') }}

),

consents as (

    select * from {{ ref('int_person_consents') }}

),

consent_flags as (

    select
        person_id,
        {%- for channel in channels %}
            max(
                case
                    when channel_id = '{{ channel }}' and is_consented then 1
                end
            )
                as {{ channel }}_consent_flag,
        {%- endfor %}
        count(*) as decided_channel_count
    from consents
    group by 1

),

customers as (

    select
        persons.person_id,
        {{ salted_sha256('persons.main_phone') }} as phone_sha256,
        {{ salted_sha256('persons.main_email') }} as email_sha256,
        persons.city,
        persons.member_level,
        persons.source_systems_seen,
        persons.record_count,
        persons.source_system_count,
        persons.phone_count,
        persons.email_count,
        persons.member_card_count,
        persons.account_count,
        persons.device_count,
        persons.wx_unionid_count,
        persons.wx_openid_count,
        persons.platform_user_count,
        persons.is_member,
        persons.is_employee,
        {%- for channel in channels %}
            coalesce(consent_flags.{{ channel }}_consent_flag = 1, false)
                as has_{{ channel }}_consent,
        {%- endfor %}
        persons.member_since_at,
        persons.first_seen_at,
        persons.last_seen_at
    from persons
    left join consent_flags on persons.person_id = consent_flags.person_id

)

select * from customers
