{#- One row per audience and activation channel: persons selected before
    consent, persons reachable on any channel, and members on this channel
    (zero when nobody in the audience can be reached on it). -#}
with

prospects as (

    select * from {{ ref('int_audience_prospects_selected') }}

),

customers as (

    select * from {{ ref('int_audience_customers_selected') }}

),

members as {{ not_materialized() }} (

    select * from {{ ref('fct_audience_members') }}

),

channels as (

    select * from {{ ref('activation_channels') }}

),

eligible as (

    select
        concat(audience_type, ':', audience_key) as audience_id,
        audience_type,
        audience_key,
        count(distinct person_id) as eligible_person_count
    from (
        select * from prospects
        union all
        select * from customers
    ) as audiences
    group by 1, 2, 3

),

reachable as (

    select
        audience_id,
        count(distinct person_sha256) as reachable_person_count
    from members
    group by 1

),

per_channel as (

    select
        audience_id,
        channel_id,
        count(*) as member_count
    from members
    group by 1, 2

),

sizes as (

    select
        eligible.audience_id,
        eligible.audience_type,
        eligible.audience_key,
        channels.channel_id,
        cast(eligible.eligible_person_count as {{ dbt.type_bigint() }})
            as eligible_person_count,
        cast(
            coalesce(reachable.reachable_person_count, 0)
            as {{ dbt.type_bigint() }}
        ) as reachable_person_count,
        cast(
            coalesce(per_channel.member_count, 0)
            as {{ dbt.type_bigint() }}
        ) as member_count,
        cast(
            {{ safe_divide('coalesce(per_channel.member_count, 0)',
                           'eligible.eligible_person_count') }}
            as double
        ) as member_share
    from eligible
    cross join channels
    left join reachable on eligible.audience_id = reachable.audience_id
    left join per_channel
        on
            eligible.audience_id = per_channel.audience_id
            and channels.channel_id = per_channel.channel_id

)

select * from sizes
