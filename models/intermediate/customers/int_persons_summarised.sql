{#- One row per person: when and where they were seen, how many identifiers
    of each type they hold, their main phone and e-mail (personal data: this
    layer only), city and membership. -#}
{%- set identifier_types = [
    'phone', 'email', 'member_card', 'account', 'device', 'wx_unionid',
    'wx_openid', 'platform_user',
] -%}

with

person_map as {{ not_materialized() }} (

    select * from {{ ref('int_identity_person_map') }}

),

identifiers as {{ not_materialized() }} (

    select * from {{ ref('int_identifiers_resolved') }}

),

members as (

    select * from {{ ref('stg_crm__members') }}
    where not is_duplicate

),

accounts as (

    select * from {{ ref('stg_shop__accounts') }}
    where not is_duplicate

),

employees as (

    select
        phone,
        member_card_no
    from {{ ref('employees') }}

),

source_systems as (

    select
        person_id,
        {{ ordered_string_agg('source_system', ['source_system'], ',') }}
            as source_systems_seen,
        count(*) as source_system_count
    from (
        select distinct
            person_id,
            {{ dbt.split_part('source_table', "'.'", 1) }} as source_system
        from person_map
    ) as systems
    group by 1

),

records as (

    select
        person_map.person_id,
        source_systems.source_systems_seen,
        source_systems.source_system_count,
        count(*) as record_count,
        min(person_map.first_seen_at) as first_seen_at,
        max(person_map.last_seen_at) as last_seen_at
    from person_map
    inner join source_systems on person_map.person_id = source_systems.person_id
    group by 1, 2, 3

),

identifier_counts as (

    select
        person_id,
        {%- for identifier_type in identifier_types %}
            count(
                case when identifier_type = '{{ identifier_type }}' then 1 end
            )
                as {{ identifier_type }}_count,
        {%- endfor %}
        count(*) as identifier_count
    from identifiers
    group by 1

),

main_identifiers as (

    select
        person_id,
        max(case when identifier_type = 'phone' then identifier_value end)
            as main_phone,
        max(case when identifier_type = 'email' then identifier_value end)
            as main_email
    from identifiers
    where is_main_of_type and identifier_type in ('phone', 'email')
    group by 1

),

profiles as (

    select
        person_map.person_id,
        members.city,
        members.member_level,
        members.enrolled_at as seen_at,
        true as is_member
    from members
    inner join person_map
        on person_map.record_key = concat('crm.members:', members.member_id)
    union all
    select
        person_map.person_id,
        accounts.city,
        cast(null as {{ dbt.type_string() }}) as member_level,
        accounts.registered_at as seen_at,
        false as is_member
    from accounts
    inner join person_map
        on person_map.record_key = concat('shop.accounts:', accounts.account_id)

),

membership as (

    select
        person_id,
        max(case when is_member then 1 else 0 end) = 1 as is_member,
        min(case when is_member then seen_at end) as member_since_at,
        max(member_level) as member_level
    from profiles
    group by 1

),

latest_city as (

    select
        person_id,
        city
    from (
        select
            profiles.*,
            row_number() over (
                partition by profiles.person_id
                order by profiles.seen_at desc, profiles.city asc
            ) as city_rank
        from profiles
        where profiles.city is not null
    ) as ranked
    where city_rank = 1

),

staff as (

    select distinct identifiers.person_id
    from identifiers
    inner join employees
        on
            identifiers.node_id = concat('phone:', employees.phone)
            or identifiers.node_id
            = concat('member_card:', employees.member_card_no)

),

summarised as (

    select
        records.person_id,
        main_identifiers.main_phone,
        main_identifiers.main_email,
        latest_city.city,
        membership.member_level,
        records.source_systems_seen,
        records.record_count,
        records.source_system_count,
        {%- for identifier_type in identifier_types %}
            coalesce(identifier_counts.{{ identifier_type }}_count, 0)
                as {{ identifier_type }}_count,
        {%- endfor %}
        coalesce(membership.is_member, false) as is_member,
        staff.person_id is not null as is_employee,
        membership.member_since_at,
        records.first_seen_at,
        records.last_seen_at
    from records
    left join
        identifier_counts
        on records.person_id = identifier_counts.person_id
    left join main_identifiers on records.person_id = main_identifiers.person_id
    left join membership on records.person_id = membership.person_id
    left join latest_city on records.person_id = latest_city.person_id
    left join staff on records.person_id = staff.person_id

)

select * from summarised
