{#- One row per audience, person and channel the person can be reached on,
    as of var as_of_date: the activation list. Persons appear only as
    salted hashes (person and the channel's identifier), only on channels
    whose latest consent decision is a grant. -#}
with

prospects as (

    select * from {{ ref('int_audience_prospects_selected') }}

),

customers as (

    select * from {{ ref('int_audience_customers_selected') }}

),

channels as (

    select * from {{ ref('int_person_channels_ranked') }}

),

audiences as (

    select * from prospects
    union all
    select * from customers

),

members as (

    select
        concat(audiences.audience_type, ':', audiences.audience_key)
            as audience_id,
        audiences.audience_type,
        audiences.audience_key,
        {{ salted_sha256('audiences.person_id') }} as person_sha256,
        channels.channel_id,
        channels.recipient_type,
        channels.recipient_sha256,
        cast(channels.channel_rank as integer) as channel_rank,
        channels.channel_rank = 1 as is_best_channel,
        audiences.last_activity_date
    from audiences
    inner join channels on audiences.person_id = channels.person_id

)

select * from members
