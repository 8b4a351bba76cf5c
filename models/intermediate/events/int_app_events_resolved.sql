{#- Every staged app and mini-program event with its identity record (the
    device/account/openid combination) and person. Events whose identifiers
    were all cut (an all-zero device, not logged in) have no person. -#}
{%- set source = identity_source('app.events') -%}

with

events as (

    select * from {{ ref('stg_app__events') }}
    where not is_duplicate

),

person_map as (

    {{ person_map_of(['app.events']) }}

),

keyed as (

    select
        events.*,
        {{ identity_record_key(source) }} as record_key
    from events

),

resolved as (

    select
        keyed.event_id,
        keyed.session_id,
        keyed.record_key,
        person_map.person_id,
        keyed.platform,
        keyed.app_id,
        keyed.event_name,
        keyed.product_id,
        keyed.session_channel_id,
        keyed.utm_medium,
        keyed.utm_campaign,
        keyed.occurred_at
    from keyed
    left join person_map on keyed.record_key = person_map.record_key

)

select * from resolved
